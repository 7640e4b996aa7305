/** Link labels (micromark factory-label) and their normalization (micromark-util-normalize-identifier). */

import { Code, isSpaceOrTab } from './characters';

/** Label sizes; a const enum, so that they compile to literals. */
export const enum LabelLimit {
	/** Longest label (micromark linkReferenceSizeMax). */
	MaxSize = 999,
	/** Longest raw link text looked up as a reference label. */
	MaxScan = 4 * MaxSize,
}

const WS_RUN = /[\t\n\r ]+/g;

/**
 * Normalizes a link or footnote label the way mdast does for `identifier`:
 * whitespace runs collapsed to one space, trimmed, case-folded.
 */
export function normalizeMarkdownLabel(raw: string): string {
	let value = raw;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c === Code.TAB || c === Code.LF || c === Code.CR || (c === Code.SPACE && (i === 0 || i === value.length - 1 || value.charCodeAt(i + 1) === Code.SPACE))) {
			value = value.replace(WS_RUN, ' ');
			if (value.charCodeAt(0) === Code.SPACE) {
				value = value.slice(1);
			}
			if (value.charCodeAt(value.length - 1) === Code.SPACE) {
				value = value.slice(0, -1);
			}
			break;
		}
	}
	return value.toLowerCase().toUpperCase().toLowerCase();
}

/** After a backslash at `k - 1` in a label: whether `s[k]` is escaped (`[`, `\\` or `]`), which the label then holds as one more character. */
export function isLabelEscape(s: string, k: number, len: number): boolean {
	if (k >= len) {
		return false;
	}
	const n = s.charCodeAt(k);
	return n === Code.LBRACKET || n === Code.BACKSLASH || n === Code.RBRACKET;
}

/** A link label `[...]` at `p` (factoryLabel): returns the index after `]`, or -1. */
export function scanLinkLabel(s: string, p: number, len: number): number {
	let k = p + 1;
	let size = 0;
	let seen = false;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (size > LabelLimit.MaxSize || c === Code.LBRACKET) {
			return -1;
		}
		if (c === Code.RBRACKET) {
			return seen ? k + 1 : -1;
		}
		k++;
		if (c === Code.LF || c === Code.CR) {
			continue;
		}
		size++;
		if (!seen && !isSpaceOrTab(c)) {
			seen = true;
		}
		if (c === Code.BACKSLASH && isLabelEscape(s, k, len)) {
			k++;
			size++;
		}
	}
	return -1;
}
