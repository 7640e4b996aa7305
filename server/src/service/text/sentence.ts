import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import { lineAt } from './lineIndex';

/** A sentence of a page as plain text, with where the link or name it was read for is in it. */
export interface SentenceSnippet {
	/** Links as their text, footnote calls and `*`/`` ` `` dropped, runs of blanks (line breaks too) as one space. */
	readonly text: string;
	/** `[start, end)` of the link's text (or of the name) in `text`, UTF-16 offsets; `[0, 0]` when it is not in it. */
	readonly highlight: readonly [number, number];
}

/**
 * Code units of the sentence kept before the span (a narrow view shows the
 * start of its line, where the span should be) and after it; the sentence is
 * cut beyond, with `…` at each cut.
 */
const CONTEXT_BEFORE = 30;
const CONTEXT_AFTER = 100;

const LIST_OR_QUOTE_MARKER = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

function isBlank(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x3e /* > */) {
			return false;
		}
	}
	return true;
}

function lineEnd(page: PageSummary, text: string, line: number): number {
	return line + 1 < page.lineStarts.length ? page.lineStarts[line + 1] : text.length;
}

/** Whether the line starts a list item (a sentence never runs on from the item before). */
function startsItem(text: string, from: number): boolean {
	const marker = LIST_OR_QUOTE_MARKER.exec(text.slice(from, from + 16));
	return marker !== null && /[-*+.)]/.test(marker[0]);
}

/** The paragraph (lines between blank lines, a list item on its own) holding `span`, in the page's body. */
function paragraphAround(page: PageSummary, text: string, span: Span): Span {
	const lines = page.lineStarts;
	const bodyStart = page.frontmatter.bodyStart;
	let first = lineAt(lines, span.start);
	while (first > 0 && lines[first - 1] >= bodyStart && !startsItem(text, lines[first]) && !isBlank(text, lines[first - 1], lines[first])) {
		first--;
	}
	let last = lineAt(lines, span.end);
	while (last + 1 < lines.length && !startsItem(text, lines[last + 1]) && !isBlank(text, lines[last + 1], lineEnd(page, text, last + 1))) {
		last++;
	}
	return { start: Math.max(lines[first], bodyStart), end: lineEnd(page, text, last) };
}

function endsSentence(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c !== 0x2e && c !== 0x21 && c !== 0x3f) {
		return false;
	}
	const next = text.charCodeAt(i + 1);
	return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** Whether `i` is inside one of the spans (links, whose text may hold a full stop). */
function insideAny(spans: readonly Span[], i: number): boolean {
	return spans.some(span => i >= span.start && i < span.end);
}

/** The sentence holding `span`: from after the last sentence end before it to the first after it, within its paragraph. */
function sentenceBounds(page: PageSummary, text: string, span: Span): Span {
	const paragraph = paragraphAround(page, text, span);
	const links = page.links.map(link => link.span).filter(link => link.end > paragraph.start && link.start < paragraph.end);
	let start = paragraph.start;
	for (let i = span.start - 1; i >= paragraph.start; i--) {
		if (endsSentence(text, i) && !insideAny(links, i)) {
			start = i + 1;
			break;
		}
	}
	let end = paragraph.end;
	for (let i = span.end; i < paragraph.end; i++) {
		if (endsSentence(text, i) && !insideAny(links, i)) {
			end = i + 1;
			break;
		}
	}
	const marker = LIST_OR_QUOTE_MARKER.exec(text.slice(start, Math.min(span.start, start + 32)));
	return { start: start + (marker?.[0].length ?? 0), end };
}

/** Moves an offset off the low half of a surrogate pair, so a cut never splits an emoji. */
function atCodePoint(text: string, offset: number): number {
	const c = text.charCodeAt(offset);
	return c >= 0xdc00 && c <= 0xdfff ? offset - 1 : offset;
}

/**
 * The sentence of a page around `span` (a link, or a name written in plain
 * text) as a plain-text snippet, with the span's place in it highlighted.
 * `text` is the text the summary was made from.
 */
export function sentenceAround(page: PageSummary, text: string, span: Span): SentenceSnippet {
	const bounds = sentenceBounds(page, text, span);
	let from = bounds.start;
	let to = bounds.end;
	let cutBefore = false;
	let cutAfter = false;
	// Cut at a blank: after the first one past the cut before, before the last one ahead of the cut after.
	if (span.start - from > CONTEXT_BEFORE) {
		const blank = text.slice(span.start - CONTEXT_BEFORE, span.start).search(/\s/);
		from = blank < 0 ? atCodePoint(text, span.start - CONTEXT_BEFORE) : span.start - CONTEXT_BEFORE + blank + 1;
		cutBefore = true;
	}
	if (to - span.end > CONTEXT_AFTER) {
		const blank = text.slice(span.end, span.end + CONTEXT_AFTER).search(/\s\S*$/);
		to = blank <= 0 ? atCodePoint(text, span.end + CONTEXT_AFTER) : span.end + blank;
		cutAfter = true;
	}
	// A cut never falls inside a link or a footnote call: it takes the whole of it, or none.
	for (const cut of [...page.links.map(link => link.span), ...page.footnoteReferences.map(reference => reference.span)]) {
		if (cutBefore && cut.start < from && from < cut.end) {
			from = cut.start;
		}
		if (cutAfter && cut.start < to && to < cut.end) {
			to = cut.end;
		}
	}
	const links = new Map(page.links.filter(link => link.span.end > from && link.span.start < to).map(link => [link.span.start, link]));
	const calls = new Map(page.footnoteReferences.filter(call => call.span.end > from && call.span.start < to).map(call => [call.span.start, call.span]));
	let out = cutBefore ? '…' : '';
	let highlightStart = -1;
	let highlightEnd = -1;
	let blank = false;
	const emit = (i: number, highlighted: boolean): void => {
		const c = text.charCodeAt(i);
		if (c === 0x2a /* * */ || c === 0x60 /* ` */) {
			return;
		}
		if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
			blank = true;
			return;
		}
		if (blank && out !== '' && out !== '…') {
			out += ' ';
		}
		blank = false;
		if (highlighted && highlightStart < 0) {
			highlightStart = out.length;
		}
		out += text[i];
		if (highlighted) {
			highlightEnd = out.length;
		}
	};
	for (let i = from; i < to;) {
		const call = calls.get(i);
		if (call) {
			i = call.end;
			continue;
		}
		const link = links.get(i);
		if (link) {
			const highlighted = link.span.start < span.end && span.start < link.span.end;
			for (let k = Math.max(link.textSpan.start, from); k < Math.min(link.textSpan.end, to); k++) {
				emit(k, highlighted);
			}
			i = Math.max(link.span.end, i + 1);
			continue;
		}
		emit(i, i >= span.start && i < span.end);
		i++;
	}
	if (cutAfter) {
		out += '…';
	}
	return { text: out, highlight: highlightStart < 0 ? [0, 0] : [highlightStart, highlightEnd] };
}
