/** List item markers `-`, `*`, `+`, `1.`, `1)` (micromark list). */

import { Code, isDigit, isSpaceOrTab } from './characters';
import type { ThematicBreaks } from './thematicBreak';

/** The marker of an open list item, which a sibling item must repeat. */
export interface ListMarker {
	/** Ordered (`1.`, `1)`) or not. */
	ordered: boolean;
	/** The marker character: `-`, `*`, `+`, or `.` / `)` after the number. */
	marker: number;
}

/**
 * A list marker at `p` (after up to 3 columns of indentation) on the line
 * `text[lineStart, lineEnd)`: returns the index after the marker, or -1.
 * `interrupt` when it would interrupt a paragraph; `same` restricts to a
 * sibling of that item. The marker character is the one before the index
 * returned.
 */
export function listMarkerEnd(
	text: string,
	p: number,
	lineStart: number,
	lineEnd: number,
	interrupt: boolean,
	same: ListMarker | undefined,
	thematicBreaks: ThematicBreaks,
): number {
	const c = text.charCodeAt(p);
	let after: number;
	if (c === Code.STAR || c === Code.PLUS || c === Code.DASH) {
		if (same !== undefined && (same.ordered || same.marker !== c)) {
			return -1;
		}
		if (c !== Code.PLUS && thematicBreaks.isThematicBreak(text, p, lineStart, lineEnd)) {
			return -1;
		}
		after = p + 1;
	} else if (isDigit(c)) {
		if (same !== undefined && !same.ordered) {
			return -1;
		}
		if (interrupt && c !== 49) {
			return -1;
		}
		let k = p;
		while (k < lineEnd && isDigit(text.charCodeAt(k)) && k - p < 9) {
			k++;
		}
		if (k - p > 9 || (interrupt && k - p > 1)) {
			return -1;
		}
		const m = text.charCodeAt(k);
		if (m !== Code.DOT && m !== Code.RPAREN) {
			return -1;
		}
		if (same !== undefined && same.marker !== m) {
			return -1;
		}
		after = k + 1;
	} else {
		return -1;
	}
	if (after < lineEnd) {
		const n = text.charCodeAt(after);
		if (!isSpaceOrTab(n)) {
			return -1;
		}
		// A blank item cannot interrupt a paragraph.
		if (interrupt) {
			let k = after;
			while (k < lineEnd && isSpaceOrTab(text.charCodeAt(k))) {
				k++;
			}
			if (k === lineEnd) {
				return -1;
			}
		}
	} else if (interrupt) {
		return -1;
	}
	return after;
}

/** Whether the marker ending before `after` (as returned by listMarkerEnd) is an ordered one. */
export function isOrderedMarker(markerChar: number): boolean {
	return markerChar === Code.DOT || markerChar === Code.RPAREN;
}
