/** Link reference definitions `[label]: destination "title"` (micromark definition). */

import type { LinkDefinition } from '../markdownTypes';
import { Code, isSpaceOrTab } from './characters';
import { decodeString } from './decodeString';
import { scanDestination, scanTitle, skipWhitespace } from './destinationAndTitle';
import { normalizeMarkdownLabel, scanLinkLabel } from './label';
import { type Region, toTextOffset } from './region';

/** The definitions of a page: in document order, and the first one of each label. */
export interface DefinitionTable {
	readonly list: LinkDefinition[];
	readonly byLabel: Map<string, LinkDefinition>;
}

export function countLeadingWs(s: string, p: number): number {
	let k = p;
	while (k < s.length && isSpaceOrTab(s.charCodeAt(k))) {
		k++;
	}
	return k - p;
}

/** Given the offset after a line ending (or the end), the end of that line's content. */
function endOfLineContent(s: string, after: number): number {
	let k = after;
	if (k > 0 && s.charCodeAt(k - 1) === Code.LF) {
		k--;
		if (k > 0 && s.charCodeAt(k - 1) === Code.CR) {
			k--;
		}
	} else if (k > 0 && s.charCodeAt(k - 1) === Code.CR) {
		k--;
	}
	while (k > 0 && isSpaceOrTab(s.charCodeAt(k - 1))) {
		k--;
	}
	return k;
}

/** Only spaces/tabs up to the line end: returns the offset after the line ending (or the end), else -1. */
function restOfLineBlank(s: string, p: number, len: number): number {
	let k = p;
	while (k < len && isSpaceOrTab(s.charCodeAt(k))) {
		k++;
	}
	if (k >= len) {
		return len;
	}
	const c = s.charCodeAt(k);
	if (c === Code.LF) {
		return k + 1;
	}
	if (c === Code.CR) {
		return s.charCodeAt(k + 1) === Code.LF ? k + 2 : k + 1;
	}
	return -1;
}

/**
 * Where the optional title after a destination ending at `k` ends, with the
 * rest of its line blank: the offset after that line, or -1 when there is
 * no such title (a title needs whitespace before it).
 */
function titleLineEnd(s: string, k: number, len: number): number {
	const afterWs = skipWhitespace(s, k, len, true);
	if (afterWs === k) {
		return -1;
	}
	const t = s.charCodeAt(afterWs);
	if (t !== Code.QUOTE && t !== Code.APOS && t !== Code.LPAREN) {
		return -1;
	}
	const titleEnd = scanTitle(s, afterWs, len);
	return titleEnd < 0 ? -1 : restOfLineBlank(s, titleEnd, len);
}

/**
 * Parses one definition at content offset `p` (a line start) of `region`.
 * Records it in `table` and returns the content offset of the next line
 * start (or the end), or -1 when there is none.
 */
export function parseDefinition(region: Region, p: number, table: DefinitionTable): number {
	const s = region.content;
	const len = s.length;
	let k = p;
	// Up to 3 spaces were stripped already (first line) or are leading whitespace.
	while (k < len && isSpaceOrTab(s.charCodeAt(k))) {
		k++;
	}
	if (s.charCodeAt(k) !== Code.LBRACKET) {
		return -1;
	}
	const labelEnd = scanLinkLabel(s, k, len);
	if (labelEnd < 0 || s.charCodeAt(labelEnd) !== Code.COLON) {
		return -1;
	}
	const rawLabel = s.slice(k + 1, labelEnd - 1);
	k = labelEnd + 1;
	k = skipWhitespace(s, k, len, true);
	// Destination.
	const destEnd = scanDestination(s, k, len, Infinity);
	if (destEnd < 0) {
		return -1;
	}
	const enclosed = s.charCodeAt(k) === Code.LT;
	const destStart = enclosed ? k + 1 : k;
	const destStop = enclosed ? destEnd - 1 : destEnd;
	k = destEnd;
	// Optional title, else nothing more on the line.
	let lineEnd = titleLineEnd(s, k, len);
	if (lineEnd < 0) {
		lineEnd = restOfLineBlank(s, k, len);
		if (lineEnd < 0) {
			return -1;
		}
	}
	const label = normalizeMarkdownLabel(rawLabel);
	const definition: LinkDefinition = {
		label,
		destination: decodeString(s, destStart, destStop),
		span: { start: toTextOffset(region, p + (s.charCodeAt(p) === Code.LBRACKET ? 0 : countLeadingWs(s, p))), end: toTextOffset(region, endOfLineContent(s, lineEnd)) },
		destinationSpan: { start: toTextOffset(region, destStart), end: toTextOffset(region, destStop) },
	};
	table.list.push(definition);
	if (!table.byLabel.has(label)) {
		table.byLabel.set(label, definition);
	}
	return lineEnd;
}
