import { CodeActionKind, type Range } from 'vscode-languageserver-types';
import { offsetAt } from '../../text/lineIndex';
import { newPagePath, pageTemplate, plainTitleText, sectionConventions } from '../../vault/pageTemplate';
import { pageUrlForPath } from '../../vault/vaultPaths';
import type { VaultDiagnostic } from '../diagnostics';
import { rangesIntersect, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * Actions on a selection of plain text (`Sami`):
 * - "Create a page for 'Sami' in /people/ and link it", one per section (the
 *   page's own first): creates `people/sami.md` (`sami-2.md`… when a page
 *   has that URL in any file form) from the template titled `Sami`, and
 *   replaces the selection by `[Sami](/people/sami/)`, in one edit;
 * - "Link 'Sami' to …" with the closest existing pages (the page search of
 *   completion).
 * Offered for a selection on one line, in the body, outside code, links and
 * footnote calls, that is plain text (no markup) with a letter or digit.
 */

/** Existing pages offered to link a selection to. */
const CLOSEST_PAGES = 5;

/** The selected plain text `[start, end)` (surrounding blanks left out), if the actions apply to it. */
function selectedText(context: QuickFixContext, range: Range): { start: number; end: number; text: string } | undefined {
	const { page, text } = context;
	if (range.start.line !== range.end.line || range.start.character === range.end.character) {
		return undefined;
	}
	let start = offsetAt(page.lineStarts, text, range.start);
	let end = offsetAt(page.lineStarts, text, range.end);
	while (start < end && /\s/.test(text[start])) {
		start++;
	}
	while (end > start && /\s/.test(text[end - 1])) {
		end--;
	}
	const selected = text.slice(start, end);
	if (start >= end || start < page.frontmatter.bodyStart || /[\r\n]/.test(selected) || plainTitleText(selected) !== selected || !/[\p{L}\p{N}]/u.test(selected)) {
		return undefined;
	}
	const overlaps = (span: { start: number; end: number }): boolean => span.start < end && start < span.end;
	if (page.isInCode(start) || page.isInCode(end - 1) || page.links.some(link => overlaps(link.span)) || page.footnoteReferences.some(reference => overlaps(reference.span))) {
		return undefined;
	}
	return { start, end, text: selected };
}

export function pageFromSelectionActions(context: QuickFixContext, range: Range, diagnostics: readonly VaultDiagnostic[]): VaultCodeAction[] {
	const selection = selectedText(context, range);
	// A name the vault already has, reported as an unlinked mention: its own fixes link it (asking for
	// them sends the mention's range, which would otherwise read as a selection to make a page of).
	if (!selection || diagnostics.some(diagnostic => diagnostic.code === 'unlinked-mention' && rangesIntersect(diagnostic.range, range))) {
		return [];
	}
	const { index, page } = context;
	const link = (url: string): ReturnType<typeof replaceSpan> => replaceSpan(context, selection.start, selection.end, `[${selection.text}](${url})`);
	const actions: VaultCodeAction[] = [];
	const sections = index.sections().sort((a, b) => Number(b === page.section) - Number(a === page.section));
	for (const section of sections) {
		const path = newPagePath(index, section, selection.text);
		const url = pageUrlForPath(path);
		const text = pageTemplate({
			title: selection.text,
			today: context.today,
			requiredFields: context.settings.requiredFields,
			conventions: sectionConventions(index, section),
		});
		actions.push({
			title: `Create a page for '${selection.text}' in /${section}/ and link it`,
			kind: CodeActionKind.RefactorExtract,
			diagnostics: [],
			edit: { createFiles: [{ path, text }], changes: [{ path: page.path, edits: [link(url)] }] },
		});
	}
	const matches = index.search.pages(selection.text, undefined, CLOSEST_PAGES + 1).matches.filter(match => match.page.path !== page.path);
	for (const match of matches.slice(0, CLOSEST_PAGES)) {
		actions.push({
			title: `Link '${selection.text}' to ${match.page.title} (${match.page.url})`,
			kind: CodeActionKind.RefactorRewrite,
			diagnostics: [],
			edit: { changes: [{ path: page.path, edits: [link(match.page.url)] }] },
		});
	}
	return actions;
}
