import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { isIsoDate } from './frontmatterRules';
import { isDiagnosticCode, type DiagnosticCode, type VaultSettings } from '../vault/settings';
import { DIAGNOSTIC_SOURCE, type VaultDiagnostic } from './diagnostics';
import type { PageContext } from './pageContext';
import { footnoteQuickFixes } from './quickFixes/footnoteQuickFixes';
import { frontmatterQuickFixes } from './quickFixes/frontmatterQuickFixes';
import { linkQuickFixes } from './quickFixes/linkQuickFixes';
import { LINK_MENTIONS_KIND, linkMentionsSourceAction, mentionQuickFixes } from './quickFixes/mentionQuickFixes';
import { lineEndingOf, type QuickFixContext, type QuickFixProvider, type VaultCodeAction } from './quickFixes/quickFix';

export type { VaultCodeAction } from './quickFixes/quickFix';

type QuickFixProviders = { readonly [C in DiagnosticCode]?: QuickFixProvider<C> };

const PROVIDERS: QuickFixProviders = {
	...linkQuickFixes,
	...footnoteQuickFixes,
	...frontmatterQuickFixes,
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

/** The `data` properties each quick fix reads, checked because the client sends the diagnostics back. */
const DATA_SHAPE: { readonly [C in DiagnosticCode]?: (data: Record<string, unknown>) => boolean } = {
	'broken-link': data => typeof data.url === 'string' && (data.suggestions === undefined || Array.isArray(data.suggestions)) && (data.section === undefined || typeof data.section === 'string'),
	'broken-anchor': data => typeof data.fragment === 'string',
	'non-canonical-link': () => true,
	'link-outside-vault': () => true,
	'missing-footnote': data => typeof data.label === 'string',
	'unused-footnote': data => isRange(data.definitionRange),
	'duplicate-footnote': data => isRange(data.definitionRange) && isRange(data.markerRange) && typeof data.unusedLabel === 'string',
	'frontmatter-missing': () => true,
	'frontmatter-field': data => typeof data.field === 'string' && typeof data.reason === 'string',
	'title-spelling': data => typeof data.title === 'string' && data.title.trim() !== '',
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

function before(a: Position, b: Position): boolean {
	return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The ranges overlap or touch. */
function intersects(a: Range, b: Range): boolean {
	return !before(a.end, b.start) && !before(b.end, a.start);
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
 * path. `only`: the kinds the client asked for; the source action
 * `source.linkMentions` is made only when asked for by name (or `source`).
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
	for (const diagnostic of diagnostics) {
		if (!isVaultDiagnostic(diagnostic) || !intersects(diagnostic.range, range)) {
			continue;
		}
		const provider = PROVIDERS[diagnostic.code] as QuickFixProvider<DiagnosticCode> | undefined;
		for (const action of provider?.(context, diagnostic) ?? []) {
			const key = `${action.title}\u0000${JSON.stringify(action.edit)}`;
			const same = actions.get(key);
			if (same) {
				same.diagnostics.push(...action.diagnostics);
			} else {
				actions.set(key, action);
			}
		}
	}
	if (only?.some(kind => LINK_MENTIONS_KIND === kind || LINK_MENTIONS_KIND.startsWith(`${kind}.`))) {
		for (const action of linkMentionsSourceAction(context)) {
			actions.set(LINK_MENTIONS_KIND, action);
		}
	}
	return [...actions.values()];
}
