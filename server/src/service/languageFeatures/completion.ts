import {
	CompletionItemKind,
	MarkupKind,
	type CompletionItem,
	type CompletionList,
	type MarkupContent,
	type Position,
	type Range,
	type TextEdit,
} from 'vscode-languageserver-types';
import type { CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import { lineAt, positionAt } from '../text/lineIndex';
import { pageAnchors } from '../vault/pageAnchors';
import type { SiteRules } from '../vault/siteRules';
import type { VaultIndex } from '../vault/vaultIndex';
import { resolveLinkDestination } from '../vault/vaultPaths';
import { escapeMarkdown, frontmatterText, plural, shorten } from './entityCard';
import { footnoteDefinitionText, pageOffsetAt } from './elementAtPosition';
import { fuzzyScore } from '../search/fuzzyScore';
import type { PageMatch } from '../search/pageSearch';
import { normalizeForSearch } from '../search/searchKeys';
import type { PageContext } from './pageContext';
import { footnoteStubs, stubsText } from './quickFixes/footnoteStubs';
import { lineEndingOf } from './quickFixes/quickFix';

/**
 * Completion, decided from the text before the cursor:
 * - `](/` → the sections; `](/SECTION/` → that section's pages, fuzzy on
 *   slug, title and aliases (also in a `[label]: /…` definition); in a link
 *   whose text is empty, `[](/people/`, a page item also writes the page's
 *   title into the `[]`;
 * - `#` in a destination → the target page's heading anchors;
 * - `[^` → the document's footnote labels and the next free number; a label
 *   not defined yet also adds its `[^label]: ` definition (where the
 *   missing-footnote quick fix puts it);
 * - an open `[Link text` → whole links `[Title](/section/slug/)` (right
 *   after the `[`, the first pages alphabetically, so the list opens and
 *   narrows as the user types);
 * - a `tags:` item in the frontmatter → the vault's tags by use count;
 * - a link in a frontmatter value (`location: "[London](/places/`) → as in
 *   the body; a bare value of a field of type link (`location: /places/`, or
 *   a `- ` item under it) → the pages (of its section, when the schema gives one).
 * Nothing inside code (code spans, fenced and indented code, HTML blocks:
 * the page summary knows where they are).
 *
 * Page lists are capped at `COMPLETION_LIMIT` items and marked incomplete
 * when capped. Their `sortText` is our rank and their `filterText` starts
 * with exactly what the editor sees typed, so every item scores the same in
 * the editor's own fuzzy filter and our order is kept.
 */
export const COMPLETION_LIMIT = 200;

/** Longest link text typed after `[` that is still taken for a link being written. */
const MAX_LINK_TEXT_QUERY = 80;
/** Longest summary in an item's documentation. */
const DOCUMENTATION_SUMMARY_LENGTH = 400;

/** A new empty list each time: the transport owns what it is given. */
function empty(isIncomplete = false): CompletionList {
	return { isIncomplete, items: [] };
}

interface LineContext {
	readonly text: string;
	readonly page: PageSummary;
	readonly index: VaultIndex;
	readonly offset: number;
	readonly lineStart: number;
	/** End of the cursor's line, before its line break. */
	readonly lineEnd: number;
	/** The line from its start to the cursor. */
	readonly prefix: string;
	readonly token: CancellationLike | undefined;
	readonly site: SiteRules;
}

/**
 * `linkSectionOf`: for a frontmatter field of type link, the section its
 * pages are in ('' for any); undefined for a field of another type.
 */
export function provideCompletion({ index, page, text: body, site }: PageContext, position: Position, token?: CancellationLike,
	linkSectionOf?: (field: string) => string | undefined): CompletionList {
	if (token?.isCancellationRequested) {
		return empty();
	}
	const offset = pageOffsetAt(page, body, position);
	const line = lineAt(page.lineStarts, offset);
	const lineStart = page.lineStarts[line];
	let lineEnd = line + 1 < page.lineStarts.length ? page.lineStarts[line + 1] : body.length;
	while (lineEnd > lineStart && (body.charCodeAt(lineEnd - 1) === 10 || body.charCodeAt(lineEnd - 1) === 13)) {
		lineEnd--;
	}
	const context: LineContext = { text: body, page, index, offset, lineStart, lineEnd, prefix: body.slice(lineStart, offset), token, site };

	const frontmatter = page.frontmatter;
	if (frontmatter.present && frontmatter.closingFenceStart !== undefined && offset > frontmatter.span.start && offset < frontmatter.closingFenceStart) {
		// In TOML nothing is offered: the items are written as YAML values.
		return frontmatter.toml === true ? empty() : tagCompletion(context) ?? frontmatterLinkCompletion(context, linkSectionOf) ?? empty();
	}
	if (offset < frontmatter.bodyStart || page.isInCode(offset)) {
		return empty();
	}
	return footnoteCompletion(context)
		?? destinationCompletion(context)
		?? linkTextCompletion(context)
		?? empty();
}

// ---------------------------------------------------------------------------
// Shared item helpers

function rangeOf(context: LineContext, start: number, end: number): Range {
	return { start: positionAt(context.page.lineStarts, start), end: positionAt(context.page.lineStarts, end) };
}

function rank(i: number): string {
	return String(i).padStart(6, '0');
}

function pageDocumentation(page: PageSummary): MarkupContent | undefined {
	const summary = frontmatterText(page, 'summary');
	const category = frontmatterText(page, 'category');
	const parts = [
		...(category ? [`*${escapeMarkdown(category)}*`] : []),
		...(summary ? [escapeMarkdown(shorten(summary, DOCUMENTATION_SUMMARY_LENGTH))] : []),
	];
	return parts.length > 0 ? { kind: MarkupKind.Markdown, value: parts.join('\n\n') } : undefined;
}

/** Extends `end` over the rest of a URL path segment and its `/`, so the inserted `name/` replaces it whole. */
function segmentEnd(text: string, from: number, lineEnd: number): number {
	let end = from;
	while (end < lineEnd && !'/)#<> \t'.includes(text[end])) {
		end++;
	}
	return end < lineEnd && text[end] === '/' ? end + 1 : end;
}

// ---------------------------------------------------------------------------
// Footnotes

const FOOTNOTE_PREFIX = /(?:^|[^\\])\[\^([^\]\s[]*)$/;

function footnoteCompletion(context: LineContext): CompletionList | undefined {
	const match = FOOTNOTE_PREFIX.exec(context.prefix);
	if (!match) {
		return undefined;
	}
	const { text, page, offset, lineEnd } = context;
	const start = offset - match[1].length;
	let end = offset;
	while (end < lineEnd && !/[\]\s[]/.test(text[end])) {
		end++;
	}
	const closed = text[end] === ']';
	const range = rangeOf(context, start, end);
	const items: CompletionItem[] = [];
	const offered = new Set<string>();
	const next = nextFootnoteNumber(page);
	const definition = newDefinitionPlace(context, next, end);
	const offer = (rawLabel: string, label: string, detail: string, documentation?: MarkupContent, define = false): void => {
		if (offered.has(label)) {
			return;
		}
		offered.add(label);
		items.push({
			label: rawLabel,
			kind: CompletionItemKind.Reference,
			detail,
			...(documentation ? { documentation } : {}),
			...(define && definition ? { documentation: { kind: MarkupKind.PlainText, value: `Also adds its definition [^${rawLabel}]: to the page's footnotes.` } } : {}),
			sortText: rank(items.length),
			filterText: rawLabel,
			textEdit: { range, newText: closed ? rawLabel : `${rawLabel}]` },
			...(define && definition ? { additionalTextEdits: [{ range: definition.range, newText: definition.text(rawLabel) }] } : {}),
		});
	};
	for (const definition of page.footnoteDefinitions) {
		const content = footnoteDefinitionText(text, definition);
		offer(definition.rawLabel, definition.label, shorten(content.split('\n')[0] ?? '', 80) || '(empty footnote)',
			content ? { kind: MarkupKind.Markdown, value: content } : undefined);
	}
	for (const reference of page.footnoteReferences) {
		offer(reference.rawLabel, reference.label, 'used but not defined yet', undefined, true);
	}
	offer(next, next, 'new footnote', undefined, true);
	return { isIncomplete: false, items };
}

/**
 * Where a completed footnote label's new definition goes, as the
 * missing-footnote quick fix puts it (placed for `sampleLabel`, written for
 * any): never at the completion's own edit, which the editor would push
 * behind it, so an insertion at the end of the cursor's line moves past its
 * line break (none when the page ends there without one).
 */
function newDefinitionPlace(context: LineContext, sampleLabel: string, editEnd: number): { range: Range; text(rawLabel: string): string } | undefined {
	const { text, page, lineStart, lineEnd } = context;
	if (text.length !== page.textLength) {
		return undefined; // the summary is of another version of the text
	}
	const stubs = footnoteStubs({ page, text, lineEnding: lineEndingOf(text) }, [sampleLabel]);
	if (!stubs) {
		return undefined;
	}
	let { at, before, after } = stubs;
	if (at >= lineStart && at <= editEnd) {
		const lineBreak = /^(?:\r\n|\n|\r)/.exec(text.slice(lineEnd))?.[0];
		if (at !== lineEnd || lineBreak === undefined || !before.startsWith(lineBreak)) {
			return undefined;
		}
		at = lineEnd + lineBreak.length;
		before = before.slice(lineBreak.length);
		after = after + lineBreak;
	}
	const range = rangeOf(context, at, at);
	return { range, text: rawLabel => stubsText({ ...stubs, before, after, stubs: [`[^${rawLabel}]: `] }) };
}

/** The number after the highest numeric footnote label of the page (1 when there is none). */
function nextFootnoteNumber(page: PageSummary): string {
	let highest = 0;
	for (const item of [...page.footnoteDefinitions, ...page.footnoteReferences]) {
		if (/^\d{1,9}$/.test(item.label)) {
			highest = Math.max(highest, Number(item.label));
		}
	}
	return String(highest + 1);
}

// ---------------------------------------------------------------------------
// Destinations: sections, pages, anchors

const INLINE_DESTINATION_PREFIX = /\]\([ \t]*<?([^\s()<>]*)$/;
const DEFINITION_DESTINATION_PREFIX = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*<?([^\s<>]*)$/;

function destinationCompletion(context: LineContext): CompletionList | undefined {
	const match = INLINE_DESTINATION_PREFIX.exec(context.prefix) ?? DEFINITION_DESTINATION_PREFIX.exec(context.prefix);
	if (!match) {
		return undefined;
	}
	const destination = match[1];
	const destinationStart = context.offset - destination.length;
	const hash = destination.indexOf('#');
	if (hash >= 0) {
		return anchorCompletion(context, destination.slice(0, hash), destinationStart + hash + 1);
	}
	if (!destination.startsWith('/')) {
		return empty();
	}
	const segments = destination.slice(1).split('/');
	if (segments.length === 1) {
		return sectionCompletion(context, destinationStart + 1);
	}
	if (segments.length === 2 && segments[0] !== '') {
		return pageCompletion(context, segments[0], destinationStart + 1 + segments[0].length + 1, emptyLinkTextAt(context, match));
	}
	return empty();
}

/**
 * Where the text of an inline link `[](…` goes when it is empty (between its
 * brackets), if it is one: not an image, not an escaped bracket, not a
 * link reference definition.
 */
function emptyLinkTextAt(context: LineContext, match: RegExpExecArray): number | undefined {
	if (!match[0].startsWith('](')) {
		return undefined;
	}
	const close = context.lineStart + match.index;
	const open = close - 1;
	if (open < context.lineStart || context.text[open] !== '[') {
		return undefined;
	}
	const before = open > context.lineStart ? context.text[open - 1] : '';
	return before === '!' || before === '\\' ? undefined : close;
}

function sectionCompletion(context: LineContext, start: number): CompletionList {
	const { index, text, offset, lineEnd } = context;
	const range = rangeOf(context, start, segmentEnd(text, offset, lineEnd));
	const items = index.sections().map((section, i): CompletionItem => ({
		label: section,
		// Not a Folder: VS Code's own path completion offers the folders, and ours must be told apart.
		kind: CompletionItemKind.Module,
		detail: `Entity Vault section · ${plural(index.sectionPaths(section).size, 'page', 'pages')}`,
		sortText: rank(i),
		filterText: section,
		textEdit: { range, newText: `${section}/` },
		command: { title: 'Suggest pages', command: 'editor.action.triggerSuggest' },
	}));
	return { isIncomplete: false, items };
}

/**
 * The pages of a section; `titleAt`: the link's text is empty, and each item
 * writes its page's title there.
 */
function pageCompletion(context: LineContext, section: string, start: number, titleAt?: number): CompletionList {
	const { index, text, offset, lineEnd, token } = context;
	if (index.sectionPaths(section).size === 0) {
		return empty();
	}
	const typed = text.slice(start, offset);
	const result = index.search.pages(typed, section, COMPLETION_LIMIT + 2, token);
	if (result.cancelled) {
		return empty(true);
	}
	const range = rangeOf(context, start, segmentEnd(text, offset, lineEnd));
	const sectionUrl = `/${section}/`;
	const titleRange = titleAt === undefined ? undefined : rangeOf(context, titleAt, titleAt);
	const items: CompletionItem[] = [];
	// Two more than shown were asked for: the section's list page and the page being edited are left out.
	for (const match of result.matches) {
		const url = match.page.url;
		if (url === sectionUrl || !url.startsWith(sectionUrl) || match.page.path === context.page.path) {
			continue; // the section's own list page, or the page being edited
		}
		const relative = url.slice(sectionUrl.length);
		const item = pageItem(match, items.length, match.page.title, `${typed} ${relative} ${match.page.title} ${match.page.aliases.join(' ')}`, { range, newText: relative });
		if (titleRange) {
			item.additionalTextEdits = [{ range: titleRange, newText: escapeLinkText(match.page.title) }];
		}
		items.push(item);
	}
	return cappedList(items, result.capped);
}

/** At most `COMPLETION_LIMIT` items, incomplete when there were more. */
function cappedList(items: CompletionItem[], capped: boolean): CompletionList {
	if (items.length > COMPLETION_LIMIT) {
		items.length = COMPLETION_LIMIT;
		return { isIncomplete: true, items };
	}
	return { isIncomplete: capped, items };
}

/** What a page item carries for `resolveCompletionItem`. */
export interface PageItemData {
	/** The path of the page the item offers. */
	readonly page: string;
}

function isPageItemData(data: unknown): data is PageItemData {
	return typeof data === 'object' && data !== null && typeof (data as PageItemData).page === 'string';
}

/**
 * A page item without its documentation (the page's category and summary):
 * a list holds up to `COMPLETION_LIMIT` of them and the editor shows one
 * documentation at a time, asking for it with `completionItem/resolve`.
 */
function pageItem(match: PageMatch, position: number, label: string, filterText: string, textEdit: TextEdit): CompletionItem {
	// Built field by field, not spread: up to 200 of these per keystroke.
	const item: CompletionItem = {
		label,
		filterText,
		textEdit,
		kind: CompletionItemKind.Reference,
		detail: match.page.url,
		sortText: rank(position),
		data: { page: match.page.path } satisfies PageItemData,
	};
	if (match.field === 'alias') {
		item.labelDetails = { detail: match.alias !== label ? ` (${match.alias})` : ` → ${match.page.title}` };
	}
	return item;
}

/** Adds its page's documentation to a page item of `provideCompletion`; other items come back as they are. */
export function resolveCompletionItem(index: VaultIndex, item: CompletionItem): CompletionItem {
	if (item.documentation !== undefined || !isPageItemData(item.data)) {
		return item;
	}
	const page = index.getPage(item.data.page);
	const documentation = page && pageDocumentation(page);
	return documentation ? { ...item, documentation } : item;
}

function anchorCompletion(context: LineContext, pathPart: string, start: number): CompletionList {
	const { index, page, text, offset, lineEnd, site } = context;
	let target: PageSummary | undefined = page;
	if (pathPart !== '') {
		const resolved = resolveLinkDestination(pathPart, page.path);
		target = resolved.kind === 'page' ? index.pageForUrl(resolved.url) : undefined;
	}
	if (!target) {
		return empty();
	}
	let end = offset;
	while (end < lineEnd && !')#<> \t'.includes(text[end])) {
		end++;
	}
	const range = rangeOf(context, start, end);
	const items = pageAnchors(target, site, index).map((anchor, i): CompletionItem => ({
		label: anchor.id,
		kind: CompletionItemKind.Reference,
		detail: anchor.kind === 'heading' ? `${'#'.repeat(anchor.level)} ${anchor.text}` : anchor.kind === 'term' ? `term: ${anchor.text}` : 'HTML anchor',
		sortText: rank(i),
		filterText: anchor.id,
		textEdit: { range, newText: anchor.id },
	}));
	return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------
// Link text: `[Robert Max` → `[Robert Maxwell](/people/robert-maxwell/)`

function linkTextCompletion(context: LineContext): CompletionList | undefined {
	const { text, page, index, offset, lineStart, token } = context;
	let bracket = -1;
	for (let i = offset - 1; i >= lineStart && offset - i <= MAX_LINK_TEXT_QUERY + 1; i--) {
		const c = text[i];
		if (c === ']') {
			return undefined;
		}
		if (c === '[') {
			bracket = i;
			break;
		}
	}
	if (bracket < 0 || text[bracket + 1] === '^' || (bracket > lineStart && (text[bracket - 1] === '!' || text[bracket - 1] === '\\' || text[bracket - 1] === ']'))) {
		return undefined;
	}
	if (page.links.some(link => bracket >= link.span.start && bracket < link.span.end)) {
		return undefined; // editing an existing link
	}
	const query = text.slice(bracket + 1, offset);
	if (/^[ \t]*[-*+][ \t]+$/.test(text.slice(lineStart, bracket)) && /^[ xX]?$/.test(query)) {
		return undefined; // a task list checkbox `- [x`
	}
	if (query !== '' && query.trim() === '') {
		return undefined; // `[ `: not a link being written
	}
	const result = index.search.pages(query, undefined, COMPLETION_LIMIT + 1, token);
	if (result.cancelled) {
		return empty(true);
	}
	const end = text[offset] === ']' ? offset + 1 : offset;
	const range = rangeOf(context, bracket, end);
	const items: CompletionItem[] = [];
	for (const match of result.matches) {
		if (match.page.path === page.path) {
			continue; // a link to the page being edited is a `#heading` link
		}
		const label = match.field === 'alias' && match.alias !== undefined ? match.alias : match.page.title;
		items.push(pageItem(match, items.length, label, `[${query} ${match.page.title} ${match.page.aliases.join(' ')} ${match.page.url}`,
			{ range, newText: `[${escapeLinkText(label)}](${match.page.url})` }));
	}
	return cappedList(items, result.capped);
}

/** Link text that cannot close or open a bracket early. */
export function escapeLinkText(text: string): string {
	return text.replace(/[\\[\]]/g, '\\$&');
}

// ---------------------------------------------------------------------------
// Frontmatter tags

const INLINE_TAGS_PREFIX = /^tags[ \t]*:[ \t]*\[([^\]]*)$/i;
const TAG_ITEM_PREFIX = /^[ \t]*-[ \t]+([^#]*)$/;

function tagCompletion(context: LineContext): CompletionList | undefined {
	const { text, page, index, offset, lineStart, lineEnd, prefix } = context;
	let valueStart: number;
	let valueEnd: number;
	const inline = INLINE_TAGS_PREFIX.exec(prefix);
	if (inline) {
		const lastComma = inline[1].lastIndexOf(',');
		valueStart = offset - inline[1].length + lastComma + 1;
		valueEnd = offset;
		while (valueEnd < lineEnd && text[valueEnd] !== ',' && text[valueEnd] !== ']') {
			valueEnd++;
		}
	} else {
		const item = TAG_ITEM_PREFIX.exec(prefix);
		if (!item) {
			return undefined;
		}
		const field = [...page.frontmatter.fields].reverse().find(f => f.keySpan.start < lineStart);
		if (!field || field.key.toLowerCase() !== 'tags') {
			return undefined;
		}
		valueStart = offset - item[1].length;
		valueEnd = lineEnd;
	}
	while (valueStart < offset && (text[valueStart] === ' ' || text[valueStart] === '\t')) {
		valueStart++;
	}
	while (valueEnd > offset && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) {
		valueEnd--;
	}
	const quote = text[valueStart] === '"' || text[valueStart] === '\'' ? text[valueStart] : '';
	const typed = text.slice(valueStart + quote.length, offset);
	const query = normalizeForSearch(typed);
	const own = new Set(page.tags);
	const candidates: { tag: string; count: number }[] = [];
	for (const [tag, count] of index.tags()) {
		if (!own.has(tag) && (query === '' || fuzzyScore(query, normalizeForSearch(tag)) > 0)) {
			candidates.push({ tag, count });
		}
	}
	candidates.sort((a, b) => b.count - a.count || a.tag.toLowerCase().localeCompare(b.tag.toLowerCase()) || (a.tag < b.tag ? -1 : 1));
	const range = rangeOf(context, valueStart, valueEnd);
	const items = candidates.slice(0, COMPLETION_LIMIT).map(({ tag, count }, i): CompletionItem => ({
		label: tag,
		kind: CompletionItemKind.Value,
		detail: plural(count, 'page', 'pages'),
		sortText: rank(i),
		filterText: `${quote}${tag}`,
		textEdit: { range, newText: yamlScalar(tag, inline !== null) },
	}));
	return { isIncomplete: candidates.length > COMPLETION_LIMIT, items };
}

// Frontmatter links

/** The value being typed on a frontmatter line: after `key:` (or `key: -`), or after a list item's `- `. */
const FRONTMATTER_VALUE_PREFIX = /^(?:[ \t]*-|([^\s:#"'][^:#]*?)[ \t]*:(?:[ \t]*-)?)[ \t]*["']?([^\s"']*)$/;

function frontmatterLinkCompletion(context: LineContext, linkSectionOf: ((field: string) => string | undefined) | undefined): CompletionList | undefined {
	if (INLINE_DESTINATION_PREFIX.test(context.prefix)) {
		return destinationCompletion(context);
	}
	const match = FRONTMATTER_VALUE_PREFIX.exec(context.prefix);
	const key = match?.[1] ?? [...context.page.frontmatter.fields].reverse().find(f => f.keySpan.start < context.lineStart)?.key;
	const section = match && key !== undefined ? linkSectionOf?.(key) : undefined;
	if (!match || section === undefined) {
		return undefined;
	}
	const value = match[2];
	const sectionUrl = `/${section}/`;
	// A quoted value ends at its quote, which the items never replace.
	let valueEnd = context.offset;
	while (valueEnd < context.lineEnd && context.text[valueEnd] !== '"' && context.text[valueEnd] !== '\'') {
		valueEnd++;
	}
	const inValue: LineContext = { ...context, lineEnd: valueEnd };
	if (section !== '' && !value.startsWith(sectionUrl)) {
		if (!sectionUrl.startsWith(value)) {
			return empty();
		}
		// First the section's URL, then (the editor asks again) its pages.
		const range = rangeOf(context, context.offset - value.length, segmentEnd(context.text, context.offset, valueEnd));
		return { isIncomplete: false, items: [{ label: sectionUrl, kind: CompletionItemKind.Module, detail: `Entity Vault section · ${plural(context.index.sectionPaths(section).size, 'page', 'pages')}`, textEdit: { range, newText: sectionUrl }, command: { title: 'Suggest pages', command: 'editor.action.triggerSuggest' } }] };
	}
	// A bare path completes as a destination does: the prefix read as one.
	return value.startsWith('/') ? destinationCompletion({ ...inValue, prefix: `](${value}` }) : undefined;
}

/** A tag as a YAML scalar: plain when safe, double-quoted otherwise. */
function yamlScalar(value: string, inFlowSequence: boolean): string {
	const plain = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./+&'()-]*$/u.test(value) && !/ $/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.+-]+$/.test(value);
	return plain && !(inFlowSequence && /[,[\]{}]/.test(value)) ? value : JSON.stringify(value);
}
