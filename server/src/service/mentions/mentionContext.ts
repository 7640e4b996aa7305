import type { Span } from '../parse/markdownTypes';
import { scanLiteralAutolink } from '../parse/markdown/gfmAutolinkLiteral';
import { scanHtmlInline } from '../parse/markdown/htmlText';

/**
 * What the page summary does not keep but a mention must not be in, read
 * around the few words that matched a name: an inline HTML tag
 * (`<abbr title="MI6">`), a link reference definition (`[mi6]: /x/ "MI6"`),
 * a bare URL (`https://example.org/MI6`) or an e-mail address. Looked at on
 * the mention's line only, with the scanner's own constructs.
 */

/**
 * How far back on a line a tag or URL holding a mention is looked for, and
 * how far forward a tag is read: every look is bounded, so a page of
 * thousands of mentions on one line costs a constant per mention.
 */
const LOOK_BACK = 200;

function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A link reference definition (`[label]: destination`) starts the line, after block-quote and list markers (the label at most 999 characters). */
const DEFINITION_LINE = /^[ \t>]{0,40}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\[(?:[^\]\\\r\n]|\\.){1,999}\]:/;

/** Whether the line starting at `lineStart` is a link reference definition's first line. */
export function isDefinitionLine(text: string, lineStart: number): boolean {
	const c = text.charCodeAt(lineStart);
	// Most lines start with a letter: no definition, nothing to slice.
	if (c !== 0x20 && c !== 0x09 && c !== 0x3e && c !== 0x5b && c !== 0x2d && c !== 0x2a && c !== 0x2b && !(c >= 0x30 && c <= 0x39)) {
		return false;
	}
	return DEFINITION_LINE.test(text.slice(lineStart, Math.min(text.length, lineStart + 1100)));
}

function inHtmlTag(text: string, span: Span, lineStart: number): boolean {
	for (let i = span.start - 1; i >= Math.max(lineStart, span.start - LOOK_BACK); i--) {
		const c = text.charCodeAt(i);
		if (c === 0x3e /* > */ && i < span.start - 1) {
			return false;
		}
		if (c === 0x3c /* < */ && scanHtmlInline(text, i, Math.min(text.length, span.end + LOOK_BACK)) > span.start) {
			return true;
		}
	}
	return false;
}

/** In a bare URL (`https://…`, `www.…`) or an e-mail address: the blank-delimited run holding it. */
function inBareAddress(text: string, span: Span): boolean {
	let from = span.start;
	while (from > 0 && span.start - from < LOOK_BACK && !isBlank(text.charCodeAt(from - 1))) {
		from--;
	}
	if (text.charCodeAt(span.start - 1) === 0x40 /* @ */ || text.charCodeAt(span.end) === 0x40) {
		return true;
	}
	const run = text.slice(from, span.start).toLowerCase();
	for (const start of ['http://', 'https://', 'www.']) {
		for (let at = run.indexOf(start); at >= 0; at = run.indexOf(start, at + 1)) {
			if (scanLiteralAutolink(text, from + at, Math.min(text.length, span.end + LOOK_BACK)) > span.start) {
				return true;
			}
		}
	}
	return false;
}

/**
 * Whether the matched text is not prose: in an HTML tag, a bare URL or
 * e-mail address, or on a link reference definition's line
 * (`definitionLine`, from `isDefinitionLine`, which the caller asks once
 * per line). `lineStart`: where its line starts.
 */
export function isOutsideProse(text: string, span: Span, lineStart: number, definitionLine: boolean): boolean {
	return definitionLine || inHtmlTag(text, span, lineStart) || inBareAddress(text, span);
}
