import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { isIsoDate } from './frontmatterRules';
import { isDiagnosticCode, type DiagnosticCode, type VaultSettings } from '../vault/settings';
import { DIAGNOSTIC_SOURCE, type VaultDiagnostic } from './diagnostics';
import type { PageContext } from './pageContext';
import { footnoteQuickFixes } from './quickFixes/footnoteQuickFixes';
import { frontmatterQuickFixes } from './quickFixes/frontmatterQuickFixes';
import { linkQuickFixes } from './quickFixes/linkQuickFixes';
import { mergeQuickFixes, mergeRefactorings } from './quickFixes/mergeEntity';
import { lineEndingOf, rangesIntersect, type QuickFixContext, type QuickFixProvider, type RangeActionProvider, type VaultCodeAction } from './quickFixes/quickFix';
import { citationQuickFixes, citeAsFootnoteActions } from './quickFixes/citations';
import { makePageActions } from './quickFixes/makePage';
import { pageFromSelectionActions } from './quickFixes/pageFromSelection';
import { LINK_MENTIONS_KIND, linkMentionsSourceAction, mentionQuickFixes } from './quickFixes/mentionQuickFixes';

export type { VaultCodeAction } from './quickFixes/quickFix';

type QuickFixProviders = { readonly [C in DiagnosticCode]?: QuickFixProvider<C> };

const PROVIDERS: QuickFixProviders = {
	...linkQuickFixes,
	...footnoteQuickFixes,
	...frontmatterQuickFixes,
	...mergeQuickFixes,
	...citationQuickFixes,
	...mentionQuickFixes,
};

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): value is Position {
	return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function isRange(value: unknown): value is Range {
	return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** Actions on the range itself, diagnostic or not (refactorings), after the quick fixes. */
const RANGE_PROVIDERS: readonly RangeActionProvider[] = [
	makePageActions,
	pageFromSelectionActions,
	citeAsFootnoteActions,
];

/** The `data` properties each quick fix reads, checked because the client sends the diagnostics back. */
const DATA_SHAPE: { readonly [C in DiagnosticCode]?: (data: Record<string, unknown>) => boolean } = {
	'broken-link': data => typeof data.url === 'string' && (data.suggestions === undefined || Array.isArray(data.suggestions)) && (data.section === undefined || typeof data.section === 'string'),
	'broken-anchor': data => typeof data.fragment === 'string',
	'broken-asset': data => Array.isArray(data.closest) && data.closest.every(path => typeof path === 'string'),
	'non-canonical-link': () => true,
	'link-outside-vault': () => true,
	'missing-footnote': data => typeof data.label === 'string',
	'unused-footnote': data => isRange(data.definitionRange),
	'duplicate-footnote': data => isRange(data.definitionRange) && isRange(data.markerRange) && typeof data.unusedLabel === 'string',
	'frontmatter-missing': () => true,
	'frontmatter-field': data => typeof data.field === 'string' && typeof data.reason === 'string',
	'title-spelling': data => typeof data.title === 'string' && data.title.trim() !== '',
	'duplicate-entity': data => Array.isArray(data.others),
	'duplicate-citation': data => typeof data.label === 'string' && typeof data.sameLabel === 'string' && isRange(data.definitionRange),
	'unlinked-mention': data => typeof data.written === 'string',
};

/** A diagnostic of this server, with the data its quick fixes need. */
function isVaultDiagnostic(diagnostic: Diagnostic): diagnostic is VaultDiagnostic {
	const code = diagnostic.code;
	if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof code !== 'string' || !isDiagnosticCode(code) || !isRange(diagnostic.range) || !isObject(diagnostic.data)) {
		return false;
	}
	return DATA_SHAPE[code]?.(diagnostic.data) ?? false;
}

/**
 * Quick fixes for the diagnostics the client sends with a code action request
 * (`context.diagnostics`, `data` included). Diagnostics of other sources,
 * without data, or that no longer match the current text are skipped, so a
 * stale diagnostic never produces a wrong edit. Identical actions for
 * several diagnostics are offered once, linked to all of them.
 *
 * The context's `page` must be the summary of its `text` (else there are no
 * fixes). Every edit uses the document's own line break. `today`
 * (`YYYY-MM-DD`, the caller's local date) is the date the fixes write; the
 * service never reads the clock. `snippets`: the client takes snippet edits,
 * which some fixes use to put the cursor where the user writes next. The result names pages by vault-relative
 * path. Besides the quick fixes, refactorings (`refactor.rewrite`: merging
 * a page into one sharing its name) for the range, when `only` (the kinds
 * the client asks for) allows them; the source action `source.linkMentions`
 * only when asked for by name (or `source`).
 */
export function provideCodeActions(
	pageContext: PageContext,
	range: Range,
	diagnostics: readonly Diagnostic[],
	settings: VaultSettings,
	today: string,
	snippets = false,
	only?: readonly string[],
): VaultCodeAction[] {
	if (!isIsoDate(today)) {
		throw new Error(`today must be a date written YYYY-MM-DD, not ${JSON.stringify(today)}`);
	}
	const { page, text } = pageContext;
	if (text.length !== page.textLength) {
		return []; // the summary is of another version of the text
	}
	const context: QuickFixContext = { ...pageContext, settings, today, lineEnding: lineEndingOf(text), snippets };
	const actions = new Map<string, VaultCodeAction>();
	const valid = diagnostics.filter(isVaultDiagnostic);
	const offered: VaultCodeAction[] = [];
	for (const diagnostic of valid) {
		if (rangesIntersect(diagnostic.range, range)) {
			const provider = PROVIDERS[diagnostic.code] as QuickFixProvider<DiagnosticCode> | undefined;
			offered.push(...provider?.(context, diagnostic) ?? []);
		}
	}
	for (const provider of RANGE_PROVIDERS) {
		offered.push(...provider(context, range, valid));
	}
	for (const action of offered) {
		const key = `${action.title}\u0000${JSON.stringify(action.edit)}`;
		const same = actions.get(key);
		if (same) {
			same.diagnostics.push(...action.diagnostics);
		} else {
			actions.set(key, action);
		}
	}
	if (only?.some(kind => LINK_MENTIONS_KIND === kind || LINK_MENTIONS_KIND.startsWith(`${kind}.`))) {
		for (const action of linkMentionsSourceAction(context)) {
			actions.set(LINK_MENTIONS_KIND, action);
		}
	}
	return [...actions.values(), ...mergeRefactorings(context, range, diagnostics, only, rangesIntersect)];
}
