import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import { VisitMarks } from '../visitMarks';
import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl } from '../vault/vaultPaths';

/**
 * Fuzzy search of pages by slug, title and alias, fast enough to run on
 * every keystroke over a vault of 100,000 pages:
 * - each page's search keys are normalised once per summary (a summary is
 *   immutable and replaced on change, so a WeakMap keyed by it never goes
 *   stale), and kept per index in a table synchronised with the index by
 *   pointer comparisons (see `PageSearchTable`);
 * - character bit masks in flat arrays reject most pages without touching them;
 * - once the list is full, masks also bound what a page could score, so only
 *   pages that could still make the list are scored;
 * - only the best `limit` matches are kept and sorted.
 */

/**
 * Lowercase, accents removed, and every run of spaces, `-` and `_` made one
 * space: `Robert-Maxwell`, `robert maxwell` and `robert_maxwell` compare equal.
 */
export function normalizeForSearch(value: string): string {
	let text = value.toLowerCase();
	// eslint-disable-next-line no-control-regex
	if (/[^\u0000-\u007f]/.test(text)) {
		text = text.normalize('NFKD').replace(/\p{M}+/gu, '');
	}
	return text.replace(/[\s\-_]+/g, ' ').trim();
}

const DIGIT_BIT = 1 << 26;
const OTHER_BIT = 1 << 27;

/** The mask bit of one character of a normalised string (0 for a space). */
function characterBit(c: number): number {
	if (c >= 97 && c <= 122) {
		return 1 << (c - 97);
	}
	if (c >= 48 && c <= 57) {
		return DIGIT_BIT;
	}
	return c === 32 ? 0 : OTHER_BIT;
}

/** Which characters occur in a normalised string, one bit per letter, one for digits, one for the rest (spaces ignored). */
export function characterMask(normalized: string): number {
	let mask = 0;
	for (let i = 0; i < normalized.length; i++) {
		mask |= characterBit(normalized.charCodeAt(i));
	}
	return mask;
}

/** The mask of the first character of every word of a normalised string. */
function wordStartMask(normalized: string): number {
	let mask = 0;
	for (let i = 0; i < normalized.length; i++) {
		if (i === 0 || normalized.charCodeAt(i - 1) === 32) {
			mask |= characterBit(normalized.charCodeAt(i));
		}
	}
	return mask;
}

/** A page's search keys, normalised once per page summary. */
export interface PageSearchEntry {
	readonly page: PageSummary;
	readonly section: string | undefined;
	readonly slug: string;
	readonly title: string;
	readonly aliases: readonly string[];
	/** Union of the masks of slug, title and aliases. */
	readonly mask: number;
	/** First characters of slug, title and aliases: what an equal or prefix match needs. */
	readonly startMask: number;
	/** First characters of their words: what any match but a mid-word substring needs. */
	readonly wordMask: number;
	/** The first three UTF-16 units of `title` as one number: orders titles alphabetically in most comparisons. */
	readonly titleKey: number;
}

function titleKeyOf(title: string): number {
	return (title.charCodeAt(0) || 0) * 4294967296 + (title.charCodeAt(1) || 0) * 65536 + (title.charCodeAt(2) || 0);
}

const entriesByPage = new WeakMap<PageSummary, PageSearchEntry>();

export function searchEntryOf(page: PageSummary): PageSearchEntry {
	let entry = entriesByPage.get(page);
	if (!entry) {
		const title = normalizeForSearch(page.title);
		const normalizedSlug = normalizeForSearch(slugOfUrl(page.url));
		// Usually the same words: share the string (and `scoreEntry` then skips the slug).
		const slug = normalizedSlug === title ? title : normalizedSlug;
		const aliases = page.aliases.map(normalizeForSearch);
		let mask = 0;
		let startMask = 0;
		let wordMask = 0;
		for (const key of [slug, title, ...aliases]) {
			mask |= characterMask(key);
			startMask |= key.length > 0 ? characterBit(key.charCodeAt(0)) : 0;
			wordMask |= wordStartMask(key);
		}
		entry = { page, section: page.section, slug, title, aliases, mask, startMask, wordMask, titleKey: titleKeyOf(title) };
		entriesByPage.set(page, entry);
	}
	return entry;
}

/**
 * The search entries of every page of one index, brought up to date at each
 * search from the index's change journal: only pages changed since the
 * last search are looked at, so a search costs nothing per page of the vault
 * beyond the scan itself. A removed page leaves a hole (no entry) until holes
 * make up a quarter of the table, which is then rebuilt. What the search
 * loop tests first (masks, section) is kept in parallel arrays of small
 * integers, so most pages are rejected without touching their entry.
 */
export class PageSearchTable {
	/** `undefined` marks a hole left by a removed or moved page. */
	readonly entries: (PageSearchEntry | undefined)[] = [];
	readonly masks: number[] = [];
	readonly startMasks: number[] = [];
	readonly wordMasks: number[] = [];
	readonly titleKeys: number[] = [];
	private readonly positionByPath = new Map<string, number>();
	/**
	 * Word-prefix buckets: the first three characters of every word of an
	 * entry's slug, title and aliases (a shorter word by itself) →
	 * positions. A position may stay in a bucket its entry no longer fits, or
	 * appear twice: readers check what they find.
	 */
	private readonly wordBuckets = new Map<string, number[]>();
	/** The positions already met in the current lookup. */
	private readonly met = new VisitMarks();
	/** Positions of each section's entries, ascending. */
	private readonly sectionPositions = new Map<string, number[]>();
	private holes = 0;
	private version = -1;

	get size(): number {
		return this.entries.length;
	}

	/** The positions of a section's entries (empty for a section no page has). */
	positionsOf(section: string): readonly number[] {
		return this.sectionPositions.get(section) ?? NO_POSITIONS;
	}

	sync(index: VaultIndex): this {
		if (this.version === index.version) {
			return this;
		}
		const changed = this.version < 0 ? undefined : index.changedSince(this.version);
		if (changed === undefined || changed.length > index.size / 4) {
			this.rebuild(index);
			return this;
		}
		for (const path of new Set(changed)) {
			const position = this.positionByPath.get(path);
			const page = index.getPage(path);
			if (position !== undefined && page && this.entries[position]?.page.section === page.section) {
				this.set(position, searchEntryOf(page));
				continue;
			}
			if (position !== undefined) {
				this.makeHole(position, path);
			}
			if (page) {
				this.append(page);
			}
		}
		this.version = index.version;
		if (this.holes > this.entries.length / 4) {
			this.rebuild(index);
		}
		return this;
	}

	private rebuild(index: VaultIndex): void {
		for (const array of [this.entries, this.masks, this.startMasks, this.wordMasks, this.titleKeys]) {
			array.length = 0;
		}
		this.positionByPath.clear();
		this.sectionPositions.clear();
		this.wordBuckets.clear();
		this.holes = 0;
		for (const page of index.pages()) {
			this.append(page);
		}
		this.version = index.version;
	}

	private set(position: number, entry: PageSearchEntry): void {
		const previous = this.entries[position];
		if (previous && previous !== entry) {
			const had = new Set(wordKeysOf(previous));
			this.addToBuckets(position, wordKeysOf(entry).filter(key => !had.has(key)));
		}
		this.entries[position] = entry;
		this.masks[position] = entry.mask;
		this.startMasks[position] = entry.startMask;
		this.wordMasks[position] = entry.wordMask;
		this.titleKeys[position] = entry.titleKey;
	}

	private makeHole(position: number, path: string): void {
		this.entries[position] = undefined;
		// A zero mask rejects every non-empty query before the entry is read; the loops skip holes for the empty one.
		this.masks[position] = 0;
		this.positionByPath.delete(path);
		this.holes++;
	}

	private append(page: PageSummary): void {
		const entry = searchEntryOf(page);
		const position = this.entries.length;
		if (entry.section !== undefined) {
			let positions = this.sectionPositions.get(entry.section);
			if (!positions) {
				positions = [];
				this.sectionPositions.set(entry.section, positions);
			}
			positions.push(position);
		}
		this.positionByPath.set(page.path, position);
		this.addToBuckets(position, wordKeysOf(entry));
		this.entries.push(entry);
		this.masks.push(entry.mask);
		this.startMasks.push(entry.startMask);
		this.wordMasks.push(entry.wordMask);
		this.titleKeys.push(entry.titleKey);
	}

	private addToBuckets(position: number, keys: Iterable<string>): void {
		for (const key of keys) {
			const bucket = this.wordBuckets.get(key);
			if (bucket) {
				bucket.push(position);
			} else {
				this.wordBuckets.set(key, [position]);
			}
		}
	}

	/**
	 * Each position (once) whose entry may have a word starting with `prefix`
	 * (non-empty, normalised, no space), or undefined when that would be most
	 * of the table anyway.
	 */
	positionsWithWordPrefix(prefix: string): number[] | undefined {
		const buckets: number[][] = [];
		if (prefix.length >= WORD_KEY_LENGTH) {
			const bucket = this.wordBuckets.get(prefix.slice(0, WORD_KEY_LENGTH));
			if (bucket) {
				buckets.push(bucket);
			}
		} else {
			for (const [key, bucket] of this.wordBuckets) {
				if (key.startsWith(prefix)) {
					buckets.push(bucket);
				}
			}
		}
		let total = 0;
		for (const bucket of buckets) {
			total += bucket.length;
		}
		if (total > this.entries.length / 2) {
			return undefined;
		}
		this.met.begin(this.entries.length);
		const positions: number[] = [];
		for (const bucket of buckets) {
			for (const position of bucket) {
				if (this.met.first(position)) {
					positions.push(position);
				}
			}
		}
		return positions;
	}
}

/** Words are bucketed by their first three characters (a shorter word by itself). */
const WORD_KEY_LENGTH = 3;

/** The word-prefix bucket keys of an entry, each once. */
function wordKeysOf(entry: PageSearchEntry): string[] {
	const keys = new Set<string>();
	for (const field of [entry.slug, entry.title, ...entry.aliases]) {
		for (const word of field.split(' ')) {
			if (word !== '') {
				keys.add(word.slice(0, WORD_KEY_LENGTH));
			}
		}
	}
	return [...keys];
}

const NO_POSITIONS: readonly number[] = Object.freeze([]);
const tables = new WeakMap<VaultIndex, PageSearchTable>();

/** The up-to-date search table of the index. */
export function searchTable(index: VaultIndex): PageSearchTable {
	let table = tables.get(index);
	if (!table) {
		table = new PageSearchTable();
		tables.set(index, table);
	}
	return table.sync(index);
}

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
		return 700 + closeness;
	}
	if (at > 0) {
		return 600 + closeness;
	}
	return subsequenceScore(query, target);
}

export type MatchedField = 'title' | 'slug' | 'alias';

export interface PageMatch {
	readonly page: PageSummary;
	readonly entry: PageSearchEntry;
	readonly score: number;
	readonly field: MatchedField;
	/** The alias (as written in the page) that matched, when `field` is `alias`. */
	readonly alias?: string;
}

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
function scoreBound(query: SearchQuery, startMask: number, wordMask: number): number {
	if ((wordMask & query.wordStarts) !== query.wordStarts) {
		return 650;
	}
	return (startMask & query.firstBit) !== 0 ? 1000 : 850;
}

/** Which field the last `scoreEntry` call matched on: -2 title, -1 slug, else the alias index. */
let lastMatchedField = -2;

/**
 * The best score of a page on title, slug or aliases (title wins ties, then
 * slug), 0 for none; `lastMatchedField` tells which. An empty query matches
 * every page with score 1. Allocates nothing: it runs for every page.
 */
function scoreEntry(query: SearchQuery, entry: PageSearchEntry): number {
	if ((query.mask & ~entry.mask) !== 0) {
		return 0;
	}
	let score = fuzzyScore(query.text, entry.title, query.words);
	lastMatchedField = -2;
	const slugScore = entry.slug === entry.title ? 0 : fuzzyScore(query.text, entry.slug, query.words);
	if (slugScore > score) {
		score = slugScore;
		lastMatchedField = -1;
	}
	for (let i = 0; i < entry.aliases.length; i++) {
		const aliasScore = fuzzyScore(query.text, entry.aliases[i], query.words);
		if (aliasScore > score) {
			score = aliasScore;
			lastMatchedField = i;
		}
	}
	return score;
}

function bestPageMatches(limit: number, alphabetical: boolean): BestMatches<PageMatch> {
	return new BestMatches<PageMatch>(limit, (a, b) => compareScored(alphabetical, a.score, a.entry, b.score, b.entry));
}

/**
 * Offers an entry `scoreEntry` just scored to the best matches; the match
 * object is only made when the entry can still make the list.
 */
function offerMatch(best: BestMatches<PageMatch>, alphabetical: boolean, entry: PageSearchEntry, score: number): void {
	const worst = best.worst;
	if (worst !== undefined && compareScored(alphabetical, score, entry, worst.score, worst.entry) >= 0) {
		best.skip();
	} else {
		best.add(toMatch(entry, score, lastMatchedField));
	}
}

function toMatch(entry: PageSearchEntry, score: number, matchedField: number): PageMatch {
	return matchedField >= 0
		? { page: entry.page, entry, score, field: 'alias', alias: entry.page.aliases[matchedField] }
		: { page: entry.page, entry, score, field: matchedField === -1 ? 'slug' : 'title' };
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

/**
 * Keeps the best `limit` of many items without sorting them all: once
 * `limit` items are kept, an item no better than the worst kept one is
 * only counted; the others are buffered and the buffer is cut back to
 * `limit` whenever it grows too long.
 */
export class BestMatches<T> {
	private items: T[] = [];
	private worstKept: T | undefined;
	/** How many items were offered in all. */
	total = 0;

	constructor(private readonly limit: number, private readonly compare: (a: T, b: T) => number) { }

	/** Once `limit` items are kept: the worst of them; nothing comparing no better can make the result. */
	get worst(): T | undefined {
		return this.worstKept;
	}

	add(item: T): void {
		this.total++;
		if (this.worstKept !== undefined && this.compare(item, this.worstKept) >= 0) {
			return;
		}
		this.keep(item);
	}

	/** Counts an item known to be worse than `worst`, without keeping it. */
	skip(): void {
		this.total++;
	}

	private keep(item: T): void {
		this.items.push(item);
		if (this.items.length >= this.limit * 2 + 64) {
			this.cut();
		}
	}

	private cut(): void {
		this.items.sort(this.compare);
		if (this.items.length >= this.limit) {
			this.items.length = this.limit;
			this.worstKept = this.items[this.limit - 1];
		}
	}

	/** The best items, best first. */
	result(): T[] {
		this.cut();
		return this.items;
	}

	get capped(): boolean {
		return this.total > this.limit;
	}
}

export interface PageSearchResult {
	/** Best matches first, at most `limit`. */
	readonly matches: PageMatch[];
	/** More pages matched than were returned. */
	readonly capped: boolean;
	readonly cancelled: boolean;
}

/**
 * The pages of a section (or of the whole vault when `section` is
 * undefined) matching `query`, best first, at most `limit`. An empty query
 * matches every page, alphabetically.
 */
export function searchPages(index: VaultIndex, query: string, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
	const prepared = prepareQuery(query);
	const alphabetical = prepared.text === '';
	const table = searchTable(index);
	if (!alphabetical) {
		const found = searchByWordPrefix(table, prepared, section, limit, token);
		if (found) {
			return found;
		}
	}
	return scanPages(table, prepared, section, limit, token);
}

/** `searchPages` without the word-prefix shortcut: every page of the section (or vault) is looked at. The oracle of the tests. */
export function searchPagesByScan(index: VaultIndex, query: string, section: string | undefined, limit: number): PageSearchResult {
	return scanPages(searchTable(index), prepareQuery(query), section, limit);
}

function scanPages(table: PageSearchTable, prepared: SearchQuery, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
	const alphabetical = prepared.text === '';
	const best = bestPageMatches(limit, alphabetical);
	const { entries, masks, startMasks, wordMasks, titleKeys } = table;
	const positions = section === undefined ? undefined : table.positionsOf(section);
	const count = positions === undefined ? entries.length : positions.length;
	const queryMask = prepared.mask;
	for (let n = 0; n < count; n++) {
		if (n % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return { matches: [], capped: true, cancelled: true };
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
		const score = scoreEntry(prepared, entry);
		if (score !== 0) {
			offerMatch(best, alphabetical, entry, score);
		}
	}
	return { matches: best.result(), capped: best.capped, cancelled: false };
}

/** Every band from this score up needs each query word to begin a word of the field. */
const WORD_PREFIX_BANDS = 700;

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
	let strong = 0;
	for (let n = 0; n < positions.length; n++) {
		if (n % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return { matches: [], capped: true, cancelled: true };
		}
		const entry = table.entries[positions[n]];
		if (entry === undefined || (section !== undefined && entry.section !== section)) {
			continue;
		}
		const score = scoreEntry(query, entry);
		if (score < WORD_PREFIX_BANDS) {
			continue;
		}
		strong++;
		offerMatch(best, false, entry, score);
	}
	return strong > limit ? { matches: best.result(), capped: true, cancelled: false } : undefined;
}
