/** Fenced code ```` ``` ```` and `~~~` (micromark code-fenced): opening and closing fences. */

import { Code, isSpaceOrTab } from './characters';

/** An opening code fence at `p` on a line ending at `lineEnd`: returns its length, or 0. */
export function fenceOpen(text: string, p: number, lineEnd: number): number {
	const marker = text.charCodeAt(p);
	let k = p;
	while (k < lineEnd && text.charCodeAt(k) === marker) {
		k++;
	}
	const length = k - p;
	if (length < 3) {
		return 0;
	}
	if (marker === Code.BACKTICK) {
		for (; k < lineEnd; k++) {
			if (text.charCodeAt(k) === Code.BACKTICK) {
				return 0;
			}
		}
	}
	return length;
}

/** Whether a fence of at least `fenceLength` times `fenceChar` closes the code at `p`. */
export function isClosingFence(text: string, p: number, lineEnd: number, fenceChar: number, fenceLength: number): boolean {
	let k = p;
	while (k < lineEnd && text.charCodeAt(k) === fenceChar) {
		k++;
	}
	if (k - p < fenceLength) {
		return false;
	}
	while (k < lineEnd && isSpaceOrTab(text.charCodeAt(k))) {
		k++;
	}
	return k === lineEnd;
}
