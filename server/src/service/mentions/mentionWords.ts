/**
 * Words as mentions see them: a maximal run of Unicode letters, digits and
 * combining marks. A name is found only as whole words, so `Londoner`,
 * `XMI6` and `GCHQs` hold no mention of `London`, `MI6` or `GCHQ`, while
 * `MI6's` and `(MI6)` do.
 */

const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether a code point belongs to a word. */
export function isWordCodePoint(codePoint: number): boolean {
	if (codePoint < 0x80) {
		return (codePoint >= 0x30 && codePoint <= 0x39) || ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a);
	}
	return NON_ASCII_WORD.test(String.fromCodePoint(codePoint));
}

/** Whether the code unit at `i` belongs to a word (a surrogate is read with its pair). */
export function isWordAt(text: string, i: number): boolean {
	if (i < 0 || i >= text.length) {
		return false;
	}
	const c = text.charCodeAt(i);
	if (c < 0x80) {
		return isWordCodePoint(c);
	}
	if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
		const high = text.charCodeAt(i - 1);
		if (high >= 0xd800 && high <= 0xdbff) {
			return isWordCodePoint(text.codePointAt(i - 1)!);
		}
	}
	return isWordCodePoint(text.codePointAt(i)!);
}

/**
 * Calls `word(start, end)` for each word of `text` between `from` and `to`,
 * in order. `word` may return an offset past the word to resume at (to skip
 * a region), or undefined to go on after the word.
 */
export function forEachWord(text: string, from: number, to: number, word: (start: number, end: number) => number | undefined): void {
	let i = from;
	while (i < to) {
		if (!isWordAt(text, i)) {
			i++;
			continue;
		}
		const start = i;
		while (i < to && isWordAt(text, i)) {
			i++;
		}
		const resume = word(start, i);
		if (resume !== undefined && resume > i) {
			i = resume;
		}
	}
}

/** How words are compared: a word's lower case. */
export function foldWord(word: string): string {
	return word.toLowerCase();
}

/** The folded words of a name (`Ari Ben-Menashe` → `ari`, `ben`, `menashe`). */
export function wordsOfName(name: string): string[] {
	const words: string[] = [];
	forEachWord(name, 0, name.length, (start, end) => {
		words.push(foldWord(name.slice(start, end)));
		return undefined;
	});
	return words;
}
