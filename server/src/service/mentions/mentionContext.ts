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

/** How far back on a line a tag or URL holding a mention is looked for. */
const LOOK_BACK = 400;

function lineStartBefore(text: string, offset: number): number {
	let i = offset;
	while (i > 0 && text.charCodeAt(i - 1) !== 0x0a && text.charCodeAt(i - 1) !== 0x0d) {
		i--;
	}
	return i;
}

function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A link reference definition (`[label]: destination`) starts the line, after block-quote and list markers. */
const DEFINITION_LINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\[(?:[^\]\\\r\n]|\\.)+\]:/;

function inDefinition(text: string, lineStart: number): boolean {
	return DEFINITION_LINE.test(text.slice(lineStart, Math.min(text.length, lineStart + 1000)));
}

function inHtmlTag(text: string, span: Span, lineStart: number): boolean {
	for (let i = span.start - 1; i >= Math.max(lineStart, span.start - LOOK_BACK); i--) {
		const c = text.charCodeAt(i);
		if (c === 0x3e /* > */ && i < span.start - 1) {
			return false;
		}
		if (c === 0x3c /* < */ && scanHtmlInline(text, i, text.length) > span.start) {
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
			if (scanLiteralAutolink(text, from + at, text.length) > span.start) {
				return true;
			}
		}
	}
	return false;
}

/** Whether the matched text is not prose: in an HTML tag, a link reference definition, a bare URL or e-mail address. */
export function isOutsideProse(text: string, span: Span): boolean {
	const lineStart = lineStartBefore(text, span.start);
	return inDefinition(text, lineStart) || inHtmlTag(text, span, lineStart) || inBareAddress(text, span);
}
