/** Setext heading underlines `===` and `---` (micromark setext-underline). */

import { isSpaceOrTab } from './characters';

/** Whether the line from `p` to `lineEnd` is a run of its first character, then only whitespace. */
export function isSetextUnderline(text: string, p: number, lineEnd: number): boolean {
	const marker = text.charCodeAt(p);
	let k = p;
	while (k < lineEnd && text.charCodeAt(k) === marker) {
		k++;
	}
	while (k < lineEnd && isSpaceOrTab(text.charCodeAt(k))) {
		k++;
	}
	return k === lineEnd;
}
