/**
 * The hand-written fuzzy scorer of page search, completion and workspace
 * symbols: bands of match kinds (equal, prefix, word prefix, substring,
 * subsequence), no allocation per call.
 */

function isWordStart(text: string, index: number): boolean {
	return index === 0 || text.charCodeAt(index - 1) === 32;
}

/** Every word of the query is a prefix of a word of `target`, in order. */
function matchesWordPrefixes(words: readonly string[], target: string): boolean {
	let from = 0;
	for (const word of words) {
		let at = target.indexOf(word, from);
		while (at > 0 && !isWordStart(target, at)) {
			at = target.indexOf(word, at + 1);
		}
		if (at < 0) {
			return false;
		}
		from = at + word.length;
	}
	return true;
}

/** Greedy subsequence match starting at a word start; 0 when there is none. */
function subsequenceScore(query: string, target: string): number {
	let best = 0;
	let tries = 0;
	for (let start = target.indexOf(query[0]); start >= 0 && tries < 4; start = target.indexOf(query[0], start + 1)) {
		if (!isWordStart(target, start)) {
			continue;
		}
		tries++;
		let score = 10;
		let previous = start;
		let matched = true;
		for (let j = 1; j < query.length; j++) {
			const at = target.indexOf(query[j], previous + 1);
			if (at < 0) {
				matched = false;
				break;
			}
			if (at === previous + 1) {
				score += 6;
			} else {
				score -= Math.min(at - previous - 1, 4);
			}
			if (isWordStart(target, at)) {
				score += 8;
			}
			previous = at;
		}
		if (matched && score > best) {
			best = score;
		}
	}
	return best === 0 ? 0 : Math.max(1, Math.min(599, 100 + best * 3));
}

/** Every band from this score up needs each query word to begin a word of the target. */
export const WORD_PREFIX_BANDS = 700;

/**
 * How well a normalised query matches a normalised target, 0 for no match.
 * Bands, best first: equal (1000), prefix (900+), a later word starts with
 * the query (800+), every query word starts a target word in order (700+),
 * substring (600+), then subsequences starting at a word start (1–599) with
 * bonuses for consecutive and word-start characters. Within a band a target
 * closer in length to the query scores higher. `queryWords` are the query's
 * space-separated words, when the caller has them already.
 */
export function fuzzyScore(query: string, target: string, queryWords?: readonly string[]): number {
	if (query.length === 0) {
		return 1;
	}
	if (query.length > target.length) {
		return 0;
	}
	if (target === query) {
		return 1000;
	}
	const closeness = Math.round((50 * query.length) / target.length);
	const at = target.indexOf(query);
	if (at === 0) {
		return 900 + closeness;
	}
	if (at > 0) {
		let wordAt = at;
		while (wordAt > 0 && !isWordStart(target, wordAt)) {
			wordAt = target.indexOf(query, wordAt + 1);
		}
		if (wordAt > 0) {
			return 800 + closeness;
		}
	}
	if (query.includes(' ') && matchesWordPrefixes(queryWords ?? query.split(' '), target)) {
		return WORD_PREFIX_BANDS + closeness;
	}
	if (at > 0) {
		return 600 + closeness;
	}
	return subsequenceScore(query, target);
}
