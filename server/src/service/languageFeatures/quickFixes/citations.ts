import { CodeActionKind, type Range, type TextEdit } from 'vscode-languageserver-types';
import { scanMarkdown } from '../../parse/markdown';
import type { Span } from '../../parse/markdownTypes';
import { offsetAt } from '../../text/lineIndex';
import type { VaultDiagnostic } from '../diagnostics';
import { definitionAt, removeDefinitionEdit } from './footnoteQuickFixes';
import { footnoteStubs, stubsText } from './footnoteStubs';
import { pageFix, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * Citations:
 * - "Cite as a footnote" on a bare URL of the body (a GFM literal autolink
 *   `https://…`, or `<https://…>`; not in a link, code, the frontmatter or a
 *   footnote definition): it becomes `[^n]`, `n` the label after the page's
 *   highest number, with a definition `[^n]: <URL>` where the
 *   missing-footnote fix puts one (after the last definition, else at the end);
 * - `duplicate-citation`: "Use [^k] instead" rewrites the calls of the
 *   repeated definition as `[^k]` and removes it.
 */

const WEB_URL = /^https?:\/\/\S/i;

/** The label a new footnote gets: one more than the highest number used as a label, `1` when none. */
function nextFootnoteLabel(context: QuickFixContext): string {
	const labels = new Set([...context.page.footnoteDefinitions, ...context.page.footnoteReferences].map(footnote => footnote.label));
	let highest = 0;
	for (const label of labels) {
		if (/^\d{1,9}$/.test(label)) {
			highest = Math.max(highest, Number(label));
		}
	}
	let n = highest + 1;
	while (labels.has(String(n))) {
		n++;
	}
	return String(n);
}

/** The bare web URL at `[start, end]` (touching it): its whole span (with `<>` when it has them) and the URL. */
function bareUrlAt(context: QuickFixContext, start: number, end: number): { span: Span; url: string } | undefined {
	const { page, text } = context;
	const scan = scanMarkdown(text, page.frontmatter.bodyStart);
	const candidates: { span: Span; url: string }[] = [
		...scan.literalAutolinks.map(span => ({ span, url: text.slice(span.start, span.end) })),
		...scan.links.filter(link => link.kind === 'autolink').map(link => ({ span: link.span, url: text.slice(link.destinationSpan.start, link.destinationSpan.end) })),
	];
	const inside = (span: Span, outer: Span): boolean => outer.start <= span.start && span.end <= outer.end;
	return candidates.find(candidate => candidate.span.start <= end && start <= candidate.span.end && WEB_URL.test(candidate.url)
		&& candidate.span.start >= page.frontmatter.bodyStart && !page.isInCode(candidate.span.start)
		&& !scan.footnoteDefinitions.some(definition => inside(candidate.span, definition.span))
		&& !scan.links.some(link => link.kind !== 'autolink' && inside(candidate.span, link.span)));
}

/** "Cite as a footnote" on a bare URL the range touches. */
export function citeAsFootnoteActions(context: QuickFixContext, range: Range): VaultCodeAction[] {
	const { page, text } = context;
	const start = offsetAt(page.lineStarts, text, range.start);
	const end = offsetAt(page.lineStarts, text, range.end);
	const lineStart = page.lineStarts[range.start.line] ?? 0;
	const lineEnd = range.end.line + 1 < page.lineStarts.length ? page.lineStarts[range.end.line + 1] : text.length;
	// Most requests are a cursor on a line without a URL: no scan for them.
	if (!/https?:\/\//i.test(text.slice(lineStart, lineEnd))) {
		return [];
	}
	const found = bareUrlAt(context, start, end);
	const label = nextFootnoteLabel(context);
	const stubs = found && footnoteStubs(context, [label]);
	if (!found || !stubs) {
		return [];
	}
	const call = `[^${label}]`;
	const definition = stubsText({ ...stubs, stubs: [`${stubs.stubs[0]}<${found.url}>`] });
	const edits: TextEdit[] = stubs.at === found.span.end
		? [replaceSpan(context, found.span.start, found.span.end, call + definition)]
		: [replaceSpan(context, found.span.start, found.span.end, call), replaceSpan(context, stubs.at, stubs.at, definition)];
	return [{
		title: `Cite as a footnote: ${call}: <${found.url}>`,
		kind: CodeActionKind.QuickFix,
		diagnostics: [],
		edit: { changes: [{ path: page.path, edits }] },
	}];
}

function duplicateCitationFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'duplicate-citation'>): VaultCodeAction[] {
	const definition = definitionAt(context, diagnostic.data.definitionRange);
	const same = definition && context.page.footnoteDefinitions[definition.sameTextAs];
	if (!definition || !same || same.label !== diagnostic.data.sameLabel || definition.label !== diagnostic.data.label) {
		return [];
	}
	const removal = removeDefinitionEdit(context, definition);
	if (!removal) {
		return [];
	}
	const within = (span: Span): boolean => definition.span.start <= span.start && span.end <= definition.span.end;
	const calls = context.page.footnoteReferences
		.filter(reference => reference.label === definition.label && !within(reference.span))
		.map(reference => replaceSpan(context, reference.span.start, reference.span.end, `[^${same.rawLabel}]`));
	return [pageFix(context, diagnostic, `Use [^${same.rawLabel}] instead`, [...calls, removal], true)];
}

export const citationQuickFixes = {
	'duplicate-citation': duplicateCitationFixes,
} as const;
