/**
 * GitHub-style heading anchors, as github-slugger (v2) computes them:
 * lowercase, drop other numbers, punctuation except connectors (`_`) and
 * `-`, symbols, controls, format and private-use characters and separators
 * except the space (alphabetic characters are always kept), then turn each
 * space into `-`. Duplicates within one document get `-1`, `-2`, … appended.
 */

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
