/** HTML blocks (micromark html-flow): their start conditions and end conditions. */

import { Code, isAlnum, isAsciiAlpha, isSpaceOrTab } from './characters';

const HTML_BLOCK_NAMES: ReadonlySet<string> = new Set([
	'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
	'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
	'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
	'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
	'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const HTML_RAW_NAMES: ReadonlySet<string> = new Set(['pre', 'script', 'style', 'textarea']);

export const enum HtmlKind {
	Raw = 1,
	Comment = 2,
	Instruction = 3,
	Declaration = 4,
	Cdata = 5,
	Basic = 6,
	Complete = 7,
}

/** End of a complete HTML closing tag after its name at `k` (`</name` read), or -1. */
function completeClosingTagEnd(s: string, k: number, end: number): number {
	while (k < end && isSpaceOrTab(s.charCodeAt(k))) {
		k++;
	}
	return k < end && s.charCodeAt(k) === Code.GT ? k + 1 : -1;
}

/** End of a complete HTML open tag (on one line) after its name at `k`, or -1. */
function completeOpenTagEnd(s: string, k: number, end: number): number {
	for (;;) {
		// completeAttributeNameBefore
		const before = k;
		while (k < end && isSpaceOrTab(s.charCodeAt(k))) {
			k++;
		}
		if (k >= end) {
			return -1;
		}
		let c = s.charCodeAt(k);
		if (c === Code.SLASH) {
			return k + 1 < end && s.charCodeAt(k + 1) === Code.GT ? k + 2 : -1;
		}
		if (c === Code.GT) {
			return k + 1;
		}
		if (!(c === Code.COLON || c === Code.UNDERSCORE || isAsciiAlpha(c))) {
			return -1;
		}
		if (k === before) {
			// Attributes need whitespace before them.
			return -1;
		}
		k++;
		while (k < end) {
			c = s.charCodeAt(k);
			if (c === Code.DASH || c === Code.DOT || c === Code.COLON || c === Code.UNDERSCORE || isAlnum(c)) {
				k++;
			} else {
				break;
			}
		}
		// completeAttributeNameAfter
		let j = k;
		while (j < end && isSpaceOrTab(s.charCodeAt(j))) {
			j++;
		}
		if (j < end && s.charCodeAt(j) === Code.EQUALS) {
			j++;
			while (j < end && isSpaceOrTab(s.charCodeAt(j))) {
				j++;
			}
			if (j >= end) {
				return -1;
			}
			c = s.charCodeAt(j);
			if (c === Code.LT || c === Code.EQUALS || c === Code.GT || c === Code.BACKTICK) {
				return -1;
			}
			if (c === Code.QUOTE || c === Code.APOS) {
				const close = s.indexOf(String.fromCharCode(c), j + 1);
				if (close < 0 || close >= end) {
					return -1;
				}
				k = close + 1;
				if (k < end) {
					const n = s.charCodeAt(k);
					if (!(n === Code.SLASH || n === Code.GT || isSpaceOrTab(n))) {
						return -1;
					}
				}
			} else {
				while (j < end) {
					c = s.charCodeAt(j);
					if (c === Code.QUOTE || c === Code.APOS || c === Code.SLASH || c === Code.LT || c === Code.EQUALS || c === Code.GT || c === Code.BACKTICK || isSpaceOrTab(c)) {
						break;
					}
					j++;
				}
				k = j;
			}
		}
		// else: attribute without value; k stays after the name (whitespace re-skipped above).
	}
}

/** The kind of HTML block starting at `text[p] === '<'` (the line ends at `end`), or 0. */
export function htmlBlockStart(text: string, p: number, end: number, interrupt: boolean): number {
	let k = p + 1;
	const c = text.charCodeAt(k);
	if (c === Code.BANG) {
		k++;
		const d = text.charCodeAt(k);
		if (d === Code.DASH) {
			return text.charCodeAt(k + 1) === Code.DASH && k + 1 < end ? HtmlKind.Comment : 0;
		}
		if (d === Code.LBRACKET) {
			return text.startsWith('CDATA[', k + 1) && k + 7 <= end ? HtmlKind.Cdata : 0;
		}
		if (k < end && isAsciiAlpha(d)) {
			return HtmlKind.Declaration;
		}
		return 0;
	}
	if (c === Code.QUESTION) {
		return HtmlKind.Instruction;
	}
	let closing = false;
	if (c === Code.SLASH) {
		closing = true;
		k++;
	}
	if (k >= end || !isAsciiAlpha(text.charCodeAt(k))) {
		return 0;
	}
	const nameStart = k;
	while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === Code.DASH)) {
		k++;
	}
	const n = k < end ? text.charCodeAt(k) : -1;
	if (!(n === -1 || n === Code.SLASH || n === Code.GT || isSpaceOrTab(n))) {
		return 0;
	}
	const name = text.slice(nameStart, k).toLowerCase();
	if (!closing && n !== Code.SLASH && HTML_RAW_NAMES.has(name)) {
		return HtmlKind.Raw;
	}
	if (HTML_BLOCK_NAMES.has(name)) {
		if (n === Code.SLASH) {
			return text.charCodeAt(k + 1) === Code.GT && k + 1 < end ? HtmlKind.Basic : 0;
		}
		return HtmlKind.Basic;
	}
	if (interrupt) {
		return 0;
	}
	// Complete open or closing tag, then only whitespace.
	const after = closing ? completeClosingTagEnd(text, k, end) : completeOpenTagEnd(text, k, end);
	if (after < 0) {
		return 0;
	}
	for (let j = after; j < end; j++) {
		if (!isSpaceOrTab(text.charCodeAt(j))) {
			return 0;
		}
	}
	return HtmlKind.Complete;
}

/**
 * Whether the end condition of an HTML block of kind 1 to 5 (raw, comment,
 * instruction, declaration, CDATA) is met on the line `text[start, end)`;
 * `first` when this is the block's start line (`start` at its `<`).
 */
export function htmlFlowEndsOnLine(text: string, kind: HtmlKind, start: number, end: number, first: boolean): boolean {
	switch (kind) {
		case HtmlKind.Comment:
			return commentEndsOnLine(text, start, end, first);
		case HtmlKind.Instruction: {
			if (first && text.charCodeAt(start + 2) === Code.GT && start + 2 < end) {
				return true;
			}
			const k = text.indexOf('?>', first ? start + 2 : start);
			return k >= 0 && k + 2 <= end;
		}
		case HtmlKind.Declaration: {
			const k = text.indexOf('>', start);
			return k >= 0 && k < end;
		}
		case HtmlKind.Cdata: {
			const k = text.indexOf(']]>', first ? start + 9 : start);
			return k >= 0 && k + 3 <= end;
		}
		case HtmlKind.Raw:
			return rawEndsOnLine(text, start, end);
		default:
			return false;
	}
}

function commentEndsOnLine(text: string, start: number, end: number, first: boolean): boolean {
	// `<!-->` and `<!--->` close at once.
	let from = start;
	if (first) {
		const open = text.indexOf('<!--', start);
		from = open + 4;
		if (text.charCodeAt(from) === Code.GT || (text.charCodeAt(from) === Code.DASH && text.charCodeAt(from + 1) === Code.GT)) {
			return from < end;
		}
	}
	const k = text.indexOf('-->', from);
	return k >= 0 && k + 3 <= end;
}

/** A closing `</pre>`, `</script>`, `</style>` or `</textarea>` on the line. */
function rawEndsOnLine(text: string, start: number, end: number): boolean {
	let k = start;
	for (;;) {
		k = text.indexOf('</', k);
		if (k < 0 || k >= end) {
			return false;
		}
		let j = k + 2;
		while (j < end && j - k - 2 < 8 && isAsciiAlpha(text.charCodeAt(j))) {
			j++;
		}
		if (j < end && text.charCodeAt(j) === Code.GT && HTML_RAW_NAMES.has(text.slice(k + 2, j).toLowerCase())) {
			return true;
		}
		k += 2;
	}
}
