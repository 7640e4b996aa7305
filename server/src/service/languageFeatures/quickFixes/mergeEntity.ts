import { CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { PageSummary } from '../../parse/pageSummary';
import { linkEditsForMoves } from '../../restructure/moveLinks';
import { positionAt } from '../../text/lineIndex';
import type { VaultEdit } from '../../vault/vaultResults';
import type { VaultDiagnostic } from '../diagnostics';
import { entityDuplicates, nameRangeOf } from '../duplicateEntity';
import { aliasEdits, appendedBlock, newAliases, spanEditsOf, summaryLineEnding } from './mergeText';
import type { QuickFixContext, VaultCodeAction } from './quickFix';

/**
 * "Merge into OTHER": the page (open, its text given) is one entity with
 * another page of its folder (`duplicate-entity`). One edit:
 * - every link to this page, anywhere, names the other page, each in its
 *   own style (the link core, moveLinks.ts, as if this page moved onto the other);
 * - this page's title and aliases are added to the other's `aliases`, in the
 *   style of its YAML, none twice (letter case aside);
 * - this page's frontmatter (kept as written, in an HTML comment: every
 *   field, whether the other page has it or not) and its body, its relative
 *   links fixed for the other page's place and its footnotes relabelled where
 *   the other page uses the same labels, are appended to the other page
 *   under `## Merged from TITLE`, for the author to reconcile;
 * - this page is deleted (last).
 * The other page may be closed: it is known by its summary only (see mergeText.ts).
 */
export function mergeEdit(context: QuickFixContext, into: PageSummary): VaultEdit | undefined {
	const { index, page, text } = context;
	const links = linkEditsForMoves(index, [{ from: page.path, to: into.path }]);
	const eol = summaryLineEnding(into) ?? (context.lineEnding === '\r' ? '\n' : context.lineEnding);
	const ownLinkEdits = links.changes?.find(change => change.path === page.path)?.edits ?? [];
	const block = appendedBlock(page, text, into, spanEditsOf(page, text, ownLinkEdits as TextEdit[]), eol);
	const end = positionAt(into.lineStarts, into.textLength);
	const intoEdits: TextEdit[] = [
		...aliasEdits(into, newAliases(page, into), eol).map(edit => ({ range: { start: positionAt(into.lineStarts, edit.start), end: positionAt(into.lineStarts, edit.end) }, newText: edit.text })),
		...(links.changes?.find(change => change.path === into.path)?.edits ?? []) as TextEdit[],
		{ range: { start: end, end }, newText: block },
	];
	const changes = (links.changes ?? []).filter(change => change.path !== page.path && change.path !== into.path);
	return {
		changes: [...changes, { path: into.path, edits: intoEdits }],
		deleteFiles: [{ path: page.path }],
	};
}

/** The other pages this page may be merged into, by path: those sharing one of its names. */
function mergeCandidates(context: QuickFixContext): Map<string, { page: PageSummary; range: Range }> {
	const candidates = new Map<string, { page: PageSummary; range: Range }>();
	for (const duplicate of entityDuplicates(context.index, context.page)) {
		for (const other of duplicate.others) {
			const page = context.index.getPage(other.path);
			if (page && !candidates.has(other.path)) {
				candidates.set(other.path, { page, range: nameRangeOf(context.page, duplicate.kind) });
			}
		}
	}
	return candidates;
}

function mergeAction(context: QuickFixContext, into: PageSummary, kind: VaultCodeAction['kind'], diagnostics: VaultDiagnostic[]): VaultCodeAction | undefined {
	const edit = mergeEdit(context, into);
	return edit && { title: `Merge into ${into.title} (${into.url})`, kind, diagnostics, edit };
}

/** The quick fix of a `duplicate-entity` warning: merge into each page it names that still shares a name with this one. */
function duplicateEntityFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'duplicate-entity'>): VaultCodeAction[] {
	const candidates = mergeCandidates(context);
	const actions: VaultCodeAction[] = [];
	for (const other of diagnostic.data.others) {
		const candidate = typeof other?.path === 'string' ? candidates.get(other.path) : undefined;
		const action = candidate && mergeAction(context, candidate.page, CodeActionKind.QuickFix, [diagnostic]);
		if (action) {
			actions.push(action);
		}
	}
	return actions;
}

/**
 * The same merges as refactorings (`refactor.rewrite`), for a range on the
 * page's title or aliases: offered when the client asks for refactorings
 * (`only`), or sent no `duplicate-entity` diagnostic to fix (its severity is
 * off, say), so that the quick fix and the refactoring never show twice.
 */
export function mergeRefactorings(context: QuickFixContext, range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined, touches: (a: Range, b: Range) => boolean): VaultCodeAction[] {
	const wantsRefactor = only?.some(kind => kind === CodeActionKind.RefactorRewrite || CodeActionKind.RefactorRewrite.startsWith(`${kind}.`)) ?? false;
	const sentDiagnostic = diagnostics.some(diagnostic => diagnostic.code === 'duplicate-entity');
	if (!wantsRefactor && (only !== undefined || sentDiagnostic)) {
		return [];
	}
	const actions: VaultCodeAction[] = [];
	for (const candidate of mergeCandidates(context).values()) {
		const action = touches(candidate.range, range) ? mergeAction(context, candidate.page, CodeActionKind.RefactorRewrite, []) : undefined;
		if (action) {
			actions.push(action);
		}
	}
	return actions;
}

export const mergeQuickFixes = {
	'duplicate-entity': duplicateEntityFixes,
} as const;
