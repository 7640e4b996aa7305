/** Thematic breaks `***`, `---`, `___` (micromark thematic-break). */

import { Code, isSpaceOrTab } from './characters';

/**
 * Recognizes thematic breaks. It remembers, per line and marker character,
 * the last offset holding another character than the marker, a space or a
 * tab, so that a line of many nested list markers `- - - … x` is not
 * scanned once per marker.
 */
export class ThematicBreaks {
	private cacheLine = -1;
	private readonly lastOther = [0, 0, 0];

	/** Whether a thematic break starts at `p` on the line `text[lineStart, lineEnd)`. */
	isThematicBreak(text: string, p: number, lineStart: number, lineEnd: number): boolean {
		const marker = text.charCodeAt(p);
		const slot = marker === Code.STAR ? 0 : marker === Code.DASH ? 1 : marker === Code.UNDERSCORE ? 2 : -1;
		if (slot < 0) {
			return false;
		}
		if (this.cacheLine !== lineStart) {
			this.cacheLine = lineStart;
			this.lastOther[0] = this.lastOther[1] = this.lastOther[2] = -2;
		}
		let lastOther = this.lastOther[slot];
		if (lastOther === -2) {
			lastOther = lineEnd - 1;
			while (lastOther >= lineStart) {
				const c = text.charCodeAt(lastOther);
				if (c !== marker && !isSpaceOrTab(c)) {
					break;
				}
				lastOther--;
			}
			this.lastOther[slot] = lastOther;
		}
		if (p < lastOther) {
			return false;
		}
		let count = 0;
		for (let k = p; k < lineEnd && count < 3; k++) {
			if (text.charCodeAt(k) === marker) {
				count++;
			}
		}
		return count >= 3;
	}
}
