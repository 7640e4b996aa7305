import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import { headingIdFunction } from '../parse/headingSlug';
import { normalizeMarkdownLabel } from '../parse/markdown';
import { atxHeadingRegion } from '../parse/markdown/headingAtx';
import type { Heading, Span } from '../parse/markdownTypes';
import { summarizePage, type PageLink, type PageSummary } from '../parse/pageSummary';
import { escapeDestination } from '../restructure/linkDestination';
import { positionAt, spanToRange } from '../text/lineIndex';
import { pageAnchors, type PageAnchor } from '../vault/pageAnchors';
import type { VaultEdit } from '../vault/vaultResults';
import { elementAtOffset, pageOffsetAt } from './elementAtPosition';
import type { PageContext } from './pageContext';

/** What a rename on this page is about: a footnote label, or a heading (not the page's title). */
type InPageTarget =
	| { readonly kind: 'footnote'; readonly label: string; readonly rawLabel: string; readonly span: Span }
	| { readonly kind: 'heading'; readonly index: number; readonly content: Span };

export type PrepareRenameResult = { readonly range: Range; readonly placeholder: string } | { readonly error: string };

/** Longest footnote label GFM takes. */
const MAX_LABEL = 999;

/**
 * Prepares a rename of a heading or a footnote label: the range to edit and
 * the current text. Undefined when the position is on neither (or on the
 * page's first level-1 heading, its title, which is the entity rename's), so
 * the entity rename decides.
 */
export function prepareRenameInPage(context: PageContext, position: Position): PrepareRenameResult | undefined {
	const target = targetAt(context, position);
	if (!target) {
		return undefined;
	}
	const { page, text } = context;
	if (target.kind === 'footnote') {
		return { range: spanToRange(page.lineStarts, target.span), placeholder: target.rawLabel };
	}
	if (target.content.end <= target.content.start) {
		return { error: 'This heading has no text to rename.' };
	}
	return { range: spanToRange(page.lineStarts, target.content), placeholder: text.slice(target.content.start, target.content.end) };
}

/**
 * Renames a heading or a footnote label. A heading: its text, and every
 * `#anchor` link to it (on the page and from every page linking here, in
 * every spelling of the URL), following its new anchor; when the change
 * moves another heading's de-duplicated anchor (`-1`, `-2`), links to that
 * one follow too. Refused when the new anchor is another heading's. A
 * footnote: its definitions and every reference, whatever the case they
 * were written in; refused for an invalid label or one the page already
 * has. Undefined when the position is on neither (see `prepareRenameInPage`).
 */
export function renameInPage(context: PageContext, position: Position, newName: string, token?: CancellationLike): VaultEdit | { error: string } | undefined {
	const target = targetAt(context, position);
	if (!target) {
		return undefined;
	}
	return target.kind === 'footnote' ? renameFootnote(context, target, newName) : renameHeading(context, target, newName, token);
}

/** The footnote label or the heading (other than the title) at `position`, if any. */
function targetAt({ page, text }: PageContext, position: Position): InPageTarget | undefined {
	if (text.length !== page.textLength) {
		return undefined; // the summary is of another version of the text
	}
	const offset = pageOffsetAt(page, text, position);
	const element = elementAtOffset(page, text, offset);
	if (element?.kind === 'footnoteReference') {
		const { span } = element.reference;
		return { kind: 'footnote', label: element.reference.label, rawLabel: element.reference.rawLabel, span: { start: span.start + 2, end: span.end - 1 } };
	}
	if (element?.kind === 'footnoteDefinition') {
		const { markerSpan } = element.definition;
		return { kind: 'footnote', label: element.definition.label, rawLabel: element.definition.rawLabel, span: { start: markerSpan.start + 2, end: markerSpan.end - 2 } };
	}
	if (element) {
		return undefined; // a link: the entity rename's
	}
	const index = page.headings.findIndex(heading => offset >= heading.span.start && offset <= heading.span.end);
	const title = page.headings.findIndex(heading => heading.level === 1);
	if (index < 0 || index === title) {
		return undefined;
	}
	return { kind: 'heading', index, content: headingContent(text, page.headings[index]) };
}

/** Where a heading's text is written: an ATX heading's without its `#` marks, a setext heading's lines without the underline. */
function headingContent(text: string, heading: Heading): Span {
	const { start, end } = heading.span;
	let lineEnd = start;
	while (lineEnd < end && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) {
		lineEnd++;
	}
	const atx = /^[ \t>]*(#{1,6})(?=[ \t]|$)/.exec(text.slice(start, lineEnd));
	if (atx && atx[1].length === heading.level) {
		const marks = start + atx[0].length - atx[1].length;
		const region = atxHeadingRegion(text, marks, heading.level, lineEnd, 0);
		return region ? { start: region.base, end: region.base + region.content.length } : { start: lineEnd, end: lineEnd };
	}
	// Setext: the text lines before the underline, from the first one's first character to the last one's last.
	let contentEnd = end;
	while (contentEnd > start && text.charCodeAt(contentEnd - 1) !== 0x0a && text.charCodeAt(contentEnd - 1) !== 0x0d) {
		contentEnd--;
	}
	while (contentEnd > start && /\s/.test(text[contentEnd - 1])) {
		contentEnd--;
	}
	const indent = /^[ \t>]*/.exec(text.slice(start, lineEnd))![0].length;
	return { start: start + indent, end: Math.max(start + indent, contentEnd) };
}

function replace(page: PageSummary, span: Span, newText: string): TextEdit {
	return { range: { start: positionAt(page.lineStarts, span.start), end: positionAt(page.lineStarts, span.end) }, newText };
}

function renameFootnote({ page }: PageContext, target: Extract<InPageTarget, { kind: 'footnote' }>, newName: string): VaultEdit | { error: string } {
	const label = newName.trim();
	if (label === '' || /[\s[\]\\]/.test(label) || label.length > MAX_LABEL) {
		return { error: `"${newName}" is not a footnote label: a label is one word, without spaces, brackets or backslashes${label.length > MAX_LABEL ? `, of at most ${MAX_LABEL} characters` : ''}.` };
	}
	const normalized = normalizeMarkdownLabel(label);
	if (normalized !== target.label && [...page.footnoteReferences, ...page.footnoteDefinitions].some(item => item.label === normalized)) {
		return { error: `The page already has a footnote [^${label}].` };
	}
	const edits: TextEdit[] = [];
	for (const reference of page.footnoteReferences) {
		if (reference.label === target.label) {
			edits.push(replace(page, { start: reference.span.start + 2, end: reference.span.end - 1 }, label));
		}
	}
	for (const definition of page.footnoteDefinitions) {
		if (definition.label === target.label) {
			edits.push(replace(page, { start: definition.markerSpan.start + 2, end: definition.markerSpan.end - 2 }, label));
		}
	}
	return { changes: [{ path: page.path, edits }] };
}

function renameHeading(context: PageContext, target: Extract<InPageTarget, { kind: 'heading' }>, newName: string, token?: CancellationLike): VaultEdit | { error: string } {
	const { index, page, text, site } = context;
	const name = newName.trim();
	if (name === '') {
		return { error: 'A heading needs some text.' };
	}
	if (/[\r\n]/.test(name)) {
		return { error: 'A heading is one line: the new text may not hold a line break.' };
	}
	// The page as it would be, scanned as the index will scan it: the anchors of every heading after the change, as the site makes them.
	const renamed = text.slice(0, target.content.start) + name + text.slice(target.content.end);
	const renamedPage = summarizePage(page.path, renamed);
	const after = renamedPage.headings;
	const before = page.headings;
	if (after.length !== before.length || after[target.index].level !== before[target.index].level) {
		return { error: `"${name}" would change the page's headings, not only this one's text.` };
	}
	const idOf = headingIdFunction(site.headingIds, site.generator === 'hugo');
	const slug = idOf(after[target.index].idText || after[target.index].text);
	if (slug === '') {
		return { error: `"${name}" makes no anchor: a heading needs a letter or a digit to be linked to.` };
	}
	const clash = after.find((heading, i) => i !== target.index && idOf(heading.idText || heading.text) === slug);
	if (clash) {
		return { error: `Another heading, "${clash.text}", has the anchor #${slug}: links to either could not be told apart.` };
	}
	const anchors = movedAnchors(pageAnchors(page, site, index), pageAnchors(renamedPage, site, index));
	if (anchors === undefined) {
		return { error: `"${name}" would change the page's anchors, not only this heading's.` };
	}

	const headingEdit = replace(page, target.content, name);
	const ownEdits = [headingEdit, ...fragmentEdits(page, page.url, anchors, text).filter(edit => !within(page, edit, target.content))];
	const changes: { path: string; edits: TextEdit[] }[] = [{ path: page.path, edits: ownEdits }];
	if (anchors.size > 0) {
		const linkers = index.linkersOf(page.url).filter(path => path !== page.path).sort();
		for (let i = 0; i < linkers.length; i++) {
			if (i % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
				return { error: 'The rename was cancelled.' };
			}
			const linker = index.getPage(linkers[i]);
			const edits = linker ? fragmentEdits(linker, page.url, anchors) : [];
			if (edits.length > 0) {
				changes.push({ path: linker!.path, edits });
			}
		}
	}
	return { changes };
}

/**
 * The ids that change between the page's anchors before and after a heading
 * is renamed (the heading's own, and those a de-duplicated id moves: `-1`,
 * `-2`), old id to new; undefined when the anchors are not the same ones in
 * the same order (the new text made or removed one). An id written twice
 * (by hand) follows its first anchor, as a link to it does.
 */
function movedAnchors(before: readonly PageAnchor[], after: readonly PageAnchor[]): Map<string, string> | undefined {
	if (before.length !== after.length || before.some((anchor, i) => anchor.kind !== after[i].kind)) {
		return undefined;
	}
	const moved = new Map<string, string>();
	const seen = new Set<string>();
	before.forEach((anchor, i) => {
		if (!seen.has(anchor.id)) {
			seen.add(anchor.id);
			if (anchor.id !== after[i].id) {
				moved.set(anchor.id, after[i].id);
			}
		}
	});
	return moved;
}

/** Whether an edit lies in `span` of the page (a link inside the heading being rewritten). */
function within(page: PageSummary, edit: TextEdit, span: Span): boolean {
	const start = positionAt(page.lineStarts, span.start);
	const end = positionAt(page.lineStarts, span.end);
	const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
	return after(edit.range.start, start) && after(end, edit.range.end);
}

/**
 * The edits of a page's links to `url` whose `#fragment` is one of
 * `anchors`' keys: the fragment written anew (percent-encoded when it was).
 * `text` is the page's text when at hand; without it, the destination is
 * known from the summary, which holds it as written unless it has escapes
 * or character references: such a destination is written anew whole,
 * escaped (as the entity rename does, restructure/linkDestination.ts).
 */
function fragmentEdits(page: PageSummary, url: string, anchors: ReadonlyMap<string, string>, text?: string): TextEdit[] {
	const edits: TextEdit[] = [];
	const seen = new Set<number>();
	for (const link of page.links) {
		const target = link.target;
		if (target.kind !== 'page' || target.url !== url || target.fragment === undefined || seen.has(link.destinationSpan.start)) {
			continue;
		}
		const next = anchors.get(target.fragment);
		if (next !== undefined) {
			seen.add(link.destinationSpan.start);
			const edit = fragmentEdit(link, text, next);
			if (edit) {
				edits.push(replace(page, edit.span, edit.newText));
			}
		}
	}
	return edits;
}

/** The edit writing `anchor` as a link's fragment (after its `#`), percent-encoded when the old one was. */
function fragmentEdit(link: PageLink, text: string | undefined, anchor: string): { span: Span; newText: string } | undefined {
	const { start, end } = link.destinationSpan;
	const written = text !== undefined ? text.slice(start, end) : link.destination;
	const hash = written.indexOf('#');
	if (hash < 0) {
		return undefined;
	}
	const fragment = written.slice(hash + 1);
	const newText = fragment.includes('%') ? encodeURIComponent(anchor) : anchor;
	if (written.length === end - start) {
		return { span: { start: start + hash + 1, end }, newText };
	}
	return { span: { start, end }, newText: escapeDestination(`${written.slice(0, hash + 1)}${newText}`) };
}
