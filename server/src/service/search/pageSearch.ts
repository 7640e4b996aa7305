import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import { BestMatches } from './bestMatches';
import { WORD_PREFIX_BANDS } from './fuzzyScore';
import type { PageSearchTable } from './pageSearchTable';
import type { PageSearchEntry } from './searchKeys';
import { prepareQuery, scoreBound, scoreEntry, SLUG_FIELD, type MatchedFieldSlot, type SearchQuery } from './searchQuery';

/**
 * Fuzzy search of pages by slug, title and alias, fast enough to run on
 * every keystroke over a vault of 100,000 pages:
 * - each page's search keys are normalised once per summary and kept in a
 *   table that follows the index's journal (`PageSearchTable`);
 * - character bit masks in flat arrays reject most pages without touching them;
 * - once the list is full, masks also bound what a page could score, so only
 *   pages that could still make the list are scored;
 * - only the best `limit` matches are kept and sorted (`BestMatches`).
 */

type MatchedField = 'title' | 'slug' | 'alias';

export interface PageMatch {
	readonly page: PageSummary;
	readonly entry: PageSearchEntry;
	readonly score: number;
	readonly field: MatchedField;
	/** The alias (as written in the page) that matched, when `field` is `alias`. */
	readonly alias?: string;
}

export interface PageSearchResult {
	/** Best matches first, at most `limit`. */
	readonly matches: PageMatch[];
	/** More pages matched than were returned. */
	readonly capped: boolean;
	readonly cancelled: boolean;
}

function cancelledResult(): PageSearchResult {
	return { matches: [], capped: true, cancelled: true };
}

/**
 * The pages of a section (or of the whole vault when `section` is
 * undefined) matching `query`, best first, at most `limit`. An empty query
 * matches every page, alphabetically.
 */
export function searchPages(table: PageSearchTable, query: string, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
	const prepared = prepareQuery(query);
	if (prepared.text !== '') {
		const found = searchByWordPrefix(table, prepared, section, limit, token);
		if (found) {
			return found;
		}
	}
	return scanPages(table, prepared, section, limit, token);
}

/** `searchPages` without the word-prefix shortcut: every page of the section (or vault) is looked at. The oracle of the tests. */
export function searchPagesByScan(table: PageSearchTable, query: string, section: string | undefined, limit: number): PageSearchResult {
	return scanPages(table, prepareQuery(query), section, limit);
}

function scanPages(table: PageSearchTable, prepared: SearchQuery, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
	const alphabetical = prepared.text === '';
	const best = bestPageMatches(limit, alphabetical);
	const matched: MatchedFieldSlot = { field: 0 };
	const { entries, masks, startMasks, wordMasks, titleKeys } = table;
	const positions = section === undefined ? undefined : table.positionsOf(section);
	const count = positions === undefined ? entries.length : positions.length;
	const queryMask = prepared.mask;
	for (let n = 0; n < count; n++) {
		if (n % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return cancelledResult();
		}
		const i = positions === undefined ? n : positions[n];
		if ((queryMask & ~masks[i]) !== 0) {
			continue;
		}
		const worst = best.worst;
		// Once `limit` pages are kept (so the list is capped anyway), skip pages that cannot beat the worst kept one.
		if (worst !== undefined && (alphabetical ? titleKeys[i] > worst.entry.titleKey : scoreBound(prepared, startMasks[i], wordMasks[i]) < worst.score)) {
			continue;
		}
		const entry = entries[i];
		if (entry === undefined) {
			continue;
		}
		const score = scoreEntry(prepared, entry, matched);
		if (score !== 0) {
			offerMatch(best, alphabetical, entry, score, matched.field);
		}
	}
	return { matches: best.result(), capped: best.capped, cancelled: false };
}

/**
 * The answer of `searchPages` from the pages with a word starting like the
 * query's first word, when more than `limit` of them score in the word-prefix
 * bands: every other page scores below those bands, so it could not make the
 * list, and the list is capped. Undefined when that is not so (then every
 * page is scanned).
 */
function searchByWordPrefix(table: PageSearchTable, query: SearchQuery, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult | undefined {
	const positions = table.positionsWithWordPrefix(query.words[0]);
	if (positions === undefined || positions.length <= limit) {
		return undefined;
	}
	const best = bestPageMatches(limit, false);
	const matched: MatchedFieldSlot = { field: 0 };
	let strong = 0;
	for (let n = 0; n < positions.length; n++) {
		if (n % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return cancelledResult();
		}
		const entry = table.entries[positions[n]];
		if (entry === undefined || (section !== undefined && entry.section !== section)) {
			continue;
		}
		const score = scoreEntry(query, entry, matched);
		if (score < WORD_PREFIX_BANDS) {
			continue;
		}
		strong++;
		offerMatch(best, false, entry, score, matched.field);
	}
	return strong > limit ? { matches: best.result(), capped: true, cancelled: false } : undefined;
}

function bestPageMatches(limit: number, alphabetical: boolean): BestMatches<PageMatch> {
	return new BestMatches<PageMatch>(limit, (a, b) => compareScored(alphabetical, a.score, a.entry, b.score, b.entry));
}

/**
 * Offers an entry `scoreEntry` just scored to the best matches; the match
 * object is only made when the entry can still make the list.
 */
function offerMatch(best: BestMatches<PageMatch>, alphabetical: boolean, entry: PageSearchEntry, score: number, matchedField: number): void {
	const worst = best.worst;
	if (worst !== undefined && compareScored(alphabetical, score, entry, worst.score, worst.entry) >= 0) {
		best.skip();
	} else {
		best.add(toMatch(entry, score, matchedField));
	}
}

function toMatch(entry: PageSearchEntry, score: number, matchedField: number): PageMatch {
	return matchedField >= 0
		? { page: entry.page, entry, score, field: 'alias', alias: entry.page.aliases[matchedField] }
		: { page: entry.page, entry, score, field: matchedField === SLUG_FIELD ? 'slug' : 'title' };
}

/**
 * Order of matches: for a query, higher score first, then shorter title,
 * then title, then URL; without a query (every page scores alike),
 * alphabetical by title, then URL.
 */
function compareScored(alphabetical: boolean, scoreA: number, a: PageSearchEntry, scoreB: number, b: PageSearchEntry): number {
	if (!alphabetical) {
		if (scoreA !== scoreB) {
			return scoreB - scoreA;
		}
		if (a.title.length !== b.title.length) {
			return a.title.length - b.title.length;
		}
	}
	if (a.titleKey !== b.titleKey) {
		return a.titleKey - b.titleKey;
	}
	if (a.title !== b.title) {
		return a.title < b.title ? -1 : 1;
	}
	return a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0;
}
