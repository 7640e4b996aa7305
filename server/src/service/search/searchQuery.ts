import { fuzzyScore } from './fuzzyScore';
import { characterBit, characterMask, normalizeForSearch, wordStartMask, type PageSearchEntry } from './searchKeys';

/** A prepared query: normalised once, with its character mask. */
export interface SearchQuery {
	readonly text: string;
	readonly words: readonly string[];
	readonly mask: number;
	/** The mask bit of the first character (0 for an empty query). */
	readonly firstBit: number;
	/** The mask of the first characters of its words. */
	readonly wordStarts: number;
}

export function prepareQuery(query: string): SearchQuery {
	const text = normalizeForSearch(query);
	return {
		text,
		words: text.split(' '),
		mask: characterMask(text),
		firstBit: text.length > 0 ? characterBit(text.charCodeAt(0)) : 0,
		wordStarts: wordStartMask(text),
	};
}

/**
 * The most a page can score for a query, from its masks alone. Every band
 * from 700 up needs each query word to begin a word of the target, equal
 * and prefix matches also the first one to begin a field; below 700 the
 * best is a substring (600 + at most 50).
 */
export function scoreBound(query: SearchQuery, startMask: number, wordMask: number): number {
	if ((wordMask & query.wordStarts) !== query.wordStarts) {
		return 650;
	}
	return (startMask & query.firstBit) !== 0 ? 1000 : 850;
}

/** `MatchedFieldSlot.field` of a title match. */
const TITLE_FIELD = -2;
/** `MatchedFieldSlot.field` of a slug match. */
export const SLUG_FIELD = -1;

/**
 * Where `scoreEntry` writes which field matched: `TITLE_FIELD`,
 * `SLUG_FIELD`, else the alias index. One per search, so that scoring a
 * page allocates nothing.
 */
export interface MatchedFieldSlot {
	field: number;
}

/**
 * The best score of a page on title, slug or aliases (title wins ties, then
 * slug), 0 for none; `matched.field` tells which. An empty query matches
 * every page with score 1. Allocates nothing: it runs for every page.
 */
export function scoreEntry(query: SearchQuery, entry: PageSearchEntry, matched: MatchedFieldSlot): number {
	if ((query.mask & ~entry.mask) !== 0) {
		return 0;
	}
	let score = fuzzyScore(query.text, entry.title, query.words);
	matched.field = TITLE_FIELD;
	const slugScore = entry.slug === entry.title ? 0 : fuzzyScore(query.text, entry.slug, query.words);
	if (slugScore > score) {
		score = slugScore;
		matched.field = SLUG_FIELD;
	}
	for (let i = 0; i < entry.aliases.length; i++) {
		const aliasScore = fuzzyScore(query.text, entry.aliases[i], query.words);
		if (aliasScore > score) {
			score = aliasScore;
			matched.field = i;
		}
	}
	return score;
}
