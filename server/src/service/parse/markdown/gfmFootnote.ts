/**
 * GFM footnote labels (micromark-extension-gfm-footnote): `[^label]` of a
 * footnote call, and `[^label]:` that starts a footnote definition.
 */

import { Code, isWs } from './characters';
import { LabelLimit, isLabelEscape } from './label';

/**
 * A footnote label at `s[i] === '['` (with `^` at `i + 1`), on `s[0, len)`:
 * returns the index after its `]`, or -1.
 */
export function scanFootnoteLabel(s: string, i: number, len: number): number {
	let k = i + 2;
	let size = 0;
	let data = false;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (size > LabelLimit.MaxSize || (c === Code.RBRACKET && !data) || c === Code.LBRACKET || isWs(c)) {
			return -1;
		}
		if (c === Code.RBRACKET) {
			return k + 1;
		}
		data = true;
		size++;
		k++;
		if (c === Code.BACKSLASH && isLabelEscape(s, k, len)) {
			k++;
			size++;
		}
	}
	return -1;
}

/** `[^label]:` at `p` on a line ending at `end`: returns the index after the colon, or -1. */
export function footnoteDefinitionStart(text: string, p: number, end: number): number {
	if (text.charCodeAt(p) !== Code.LBRACKET || text.charCodeAt(p + 1) !== Code.CARET) {
		return -1;
	}
	const close = scanFootnoteLabel(text, p, end);
	return close > 0 && close < end && text.charCodeAt(close) === Code.COLON ? close + 1 : -1;
}
