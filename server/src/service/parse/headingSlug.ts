/**
 * GitHub-style heading anchors, as github-slugger (v2) computes them:
 * lowercase, drop other numbers, punctuation except connectors (`_`) and
 * `-`, symbols, controls, format and private-use characters and separators
 * except the space (alphabetic characters are always kept), then turn each
 * space into `-`. Duplicates within one document get `-1`, `-2`, … appended.
 */

import type { HeadingIdStyle } from '../vault/siteRules';

const STRIP = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\p{Alphabetic}\- ]/gu;
const SIMPLE = /^[a-z0-9_-]*$/;

/** The slug of one heading text, without de-duplication. */
export function slugifyHeading(text: string): string {
	const lower = text.toLowerCase();
	if (SIMPLE.test(lower)) {
		return lower;
	}
	return lower.replace(STRIP, '').replace(/ /g, '-');
}

/** Hands out de-duplicated slugs in document order (one instance per document). */
export class HeadingSlugger {
	private readonly occurrences = new Map<string, number>();

	/** The anchor for the next heading with this text. */
	slug(text: string): string {
		const original = slugifyHeading(text);
		let result = original;
		while (this.occurrences.has(result)) {
			const count = (this.occurrences.get(original) ?? 0) + 1;
			this.occurrences.set(original, count);
			result = `${original}-${count}`;
		}
		this.occurrences.set(result, 0);
		return result;
	}

	reset(): void {
		this.occurrences.clear();
	}
}

/**
 * How a site turns a heading's (or a definition term's) text into its id,
 * before de-duplication. `github` is github-slugger's (`slugifyHeading`)
 * unless the site is Hugo's, whose goldmark renderer has its own (Hugo's
 * markup/goldmark/autoid.go, ported here with its tests): trim, then keep
 * letters, decimal digits and `_` lower-cased, turn `-` and spaces into
 * `-`, drop the rest; `github-ascii` first removes accents and then drops
 * every non-ASCII character; `blackfriday` keeps runs of letters and
 * numbers joined by single `-`.
 */
export function headingIdFunction(style: HeadingIdStyle, hugo: boolean): (text: string) => string {
	if (style === 'blackfriday') {
		return blackfridayAnchorName;
	}
	if (style === 'github-ascii') {
		return text => goldmarkAnchorName(removeAccents(text), true);
	}
	return hugo ? text => goldmarkAnchorName(text, false) : slugifyHeading;
}

const ALPHANUMERIC = /[\p{L}\p{Nd}_]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Hugo's `sanitizeAnchorName` for the `github` and `github-ascii` types. */
function goldmarkAnchorName(text: string, asciiOnly: boolean): string {
	let id = '';
	for (const char of text.trim()) {
		if (asciiOnly && char.charCodeAt(0) >= 0x80) {
			continue;
		}
		if (char === '-' || char === ' ') {
			id += '-';
		} else if (ALPHANUMERIC.test(char)) {
			id += char.toLowerCase();
		}
	}
	return id;
}

/** Blackfriday's `SanitizedAnchorName`, which Hugo keeps as the `blackfriday` type. */
function blackfridayAnchorName(text: string): string {
	let id = '';
	let dash = false;
	for (const char of text) {
		if (LETTER_OR_NUMBER.test(char)) {
			if (dash && id.length > 0) {
				id += '-';
			}
			dash = false;
			id += char.toLowerCase();
		} else {
			dash = true;
		}
	}
	return id;
}

/** Hugo's `RemoveAccents`: decomposed, nonspacing marks removed, composed again. */
function removeAccents(text: string): string {
	return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/**
 * Hands out a document's ids the way Hugo's goldmark does (its `idFactory`):
 * an empty id becomes `heading` (or `term`), a taken one gets `-1`, `-2`, …
 * (the first free), and ids set by hand (`{#custom-id}`) are taken too
 * without being changed (two headings may share one).
 */
export class HeadingIdFactory {
	private readonly taken = new Set<string>();

	constructor(private readonly idOf: (text: string) => string) { }

	generate(text: string, kind: 'heading' | 'term'): string {
		const base = this.idOf(text) || kind;
		let id = base;
		for (let i = 1; this.taken.has(id); i++) {
			id = `${base}-${i}`;
		}
		this.taken.add(id);
		return id;
	}

	put(id: string): void {
		this.taken.add(id);
	}
}
