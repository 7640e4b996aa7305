/** ATX headings `## Title ##` (micromark heading-atx). */

import { Code, isSpaceOrTab } from './characters';
import type { Region } from './region';

/** The level of an ATX heading opening at `p` on a line ending at `lineEnd`, or 0. */
export function atxHeadingLevel(text: string, p: number, lineEnd: number): number {
	let k = p;
	while (k < lineEnd && text.charCodeAt(k) === Code.HASH && k - p < 7) {
		k++;
	}
	const level = k - p;
	if (level > 6) {
		return 0;
	}
	if (k < lineEnd && !isSpaceOrTab(text.charCodeAt(k))) {
		return 0;
	}
	return level;
}

/**
 * The content of the ATX heading of `level` at `p` (without the opening and
 * optional closing sequences and the whitespace around them), as the inline
 * region of heading number `heading`; undefined when it is empty.
 */
export function atxHeadingRegion(text: string, p: number, level: number, lineEnd: number, heading: number): Region | undefined {
	let start = p + level;
	while (start < lineEnd && isSpaceOrTab(text.charCodeAt(start))) {
		start++;
	}
	let end = lineEnd;
	while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) {
		end--;
	}
	// Optional closing sequence.
	let k = end;
	while (k > start && text.charCodeAt(k - 1) === Code.HASH) {
		k--;
	}
	if (k < end && (k === start || isSpaceOrTab(text.charCodeAt(k - 1)))) {
		end = k;
		while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) {
			end--;
		}
	}
	if (end <= start) {
		return undefined;
	}
	return { content: text.slice(start, end), base: start, segContent: undefined, segText: undefined, heading };
}
