import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl } from '../vault/vaultPaths';

/**
 * Fuzzy search of pages by slug, title and alias, fast enough to run on
 * every keystroke over a vault of 100,000 pages:
 * - each page's search keys are normalised once per summary (a summary is
 *   immutable and replaced on change, so a WeakMap keyed by it never goes stale);
 * - a character bit mask rejects most pages with one `&`;
 * - survivors are scored by `fuzzyScore` and only the best `limit` are kept.
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

/** Which characters occur in a normalised string, one bit per letter, one for digits, one for the rest (spaces ignored). */
export function characterMask(normalized: string): number {
	let mask = 0;
	for (let i = 0; i < normalized.length; i++) {
		const c = normalized.charCodeAt(i);
		if (c >= 97 && c <= 122) {
			mask |= 1 << (c - 97);
		} else if (c >= 48 && c <= 57) {
			mask |= DIGIT_BIT;
		} else if (c !== 32) {
			mask |= OTHER_BIT;
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
}

const entriesByPage = new WeakMap<PageSummary, PageSearchEntry>();

export function searchEntryOf(page: PageSummary): PageSearchEntry {
	let entry = entriesByPage.get(page);
	if (!entry) {
		const slug = normalizeForSearch(slugOfUrl(page.url));
		const title = normalizeForSearch(page.title);
		const aliases = page.aliases.map(normalizeForSearch);
		let mask = characterMask(slug) | characterMask(title);
		for (const alias of aliases) {
			mask |= characterMask(alias);
		}
		entry = { page, section: page.section, slug, title, aliases, mask };
		entriesByPage.set(page, entry);
	}
	return entry;
}

/**
 * The search entries of every page of one index, in an array that is
 * brought up to date at each search by walking the index's pages alongside
 * it: while the pages are the same objects in the same order this costs one
 * comparison per page. The index re-inserts a page when it changes, so an
 * edit moves that page to the end and only the entries from the first
 * difference on are replaced. Per-section lists are kept until a page of
 * their section is replaced.
 */
class PageSearchTable {
	private readonly entries: PageSearchEntry[] = [];
	private readonly sectionLists = new Map<string, PageSearchEntry[]>();

	sync(index: VaultIndex): readonly PageSearchEntry[] {
		const entries = this.entries;
		let i = 0;
		let same = true;
		for (const page of index.pages()) {
			if (same) {
				if (i < entries.length && entries[i].page === page) {
					i++;
					continue;
				}
				same = false;
				this.dropFrom(i);
			}
			const entry = searchEntryOf(page);
			entries.push(entry);
			this.forgetSection(entry.section);
			i++;
		}
		if (same && i < entries.length) {
			this.dropFrom(i);
		}
		return entries;
	}

	/** The entries of one section (call `sync` first). */
	section(section: string): readonly PageSearchEntry[] {
		let list = this.sectionLists.get(section);
		if (!list) {
			list = this.entries.filter(entry => entry.section === section);
			this.sectionLists.set(section, list);
		}
		return list;
	}

	private dropFrom(i: number): void {
		for (let j = i; j < this.entries.length; j++) {
			this.forgetSection(this.entries[j].section);
		}
		this.entries.length = i;
	}

	private forgetSection(section: string | undefined): void {
		if (section !== undefined) {
			this.sectionLists.delete(section);
		}
	}
}

const tables = new WeakMap<VaultIndex, PageSearchTable>();

/** The up-to-date search entries of every page of the index, or of one section. */
export function searchEntries(index: VaultIndex, section?: string): readonly PageSearchEntry[] {
	let table = tables.get(index);
	if (!table) {
		table = new PageSearchTable();
		tables.set(index, table);
	}
	const all = table.sync(index);
	return section === undefined ? all : table.section(section);
}

function isWordStart(text: string, index: number): boolean {
	return index === 0 || text.charCodeAt(index - 1) === 32;
}

/** Every space-separated word of `query` is a prefix of a word of `target`, in order. */
function matchesWordPrefixes(query: string, target: string): boolean {
	let from = 0;
	for (const word of query.split(' ')) {
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
	const first = query.charCodeAt(0);
	let best = 0;
	let tries = 0;
	for (let start = target.indexOf(query[0]); start >= 0 && tries < 4; start = target.indexOf(query[0], start + 1)) {
		if (!isWordStart(target, start) || target.charCodeAt(start) !== first) {
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
 * closer in length to the query scores higher.
 */
export function fuzzyScore(query: string, target: string): number {
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
	if (query.includes(' ') && matchesWordPrefixes(query, target)) {
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
	readonly mask: number;
}

export function prepareQuery(query: string): SearchQuery {
	const text = normalizeForSearch(query);
	return { text, mask: characterMask(text) };
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
	let score = fuzzyScore(query.text, entry.title);
	lastMatchedField = -2;
	const slugScore = fuzzyScore(query.text, entry.slug);
	if (slugScore > score) {
		score = slugScore;
		lastMatchedField = -1;
	}
	for (let i = 0; i < entry.aliases.length; i++) {
		const aliasScore = fuzzyScore(query.text, entry.aliases[i]);
		if (aliasScore > score) {
			score = aliasScore;
			lastMatchedField = i;
		}
	}
	return score;
}

function toMatch(entry: PageSearchEntry, score: number, matchedField: number): PageMatch {
	return matchedField >= 0
		? { page: entry.page, entry, score, field: 'alias', alias: entry.page.aliases[matchedField] }
		: { page: entry.page, entry, score, field: matchedField === -1 ? 'slug' : 'title' };
}

/** Best first: higher score, then shorter title, then title, then URL. */
export function compareMatches(a: PageMatch, b: PageMatch): number {
	return compareScored(a.score, a.entry, b.score, b.entry);
}

function compareScored(scoreA: number, a: PageSearchEntry, scoreB: number, b: PageSearchEntry): number {
	if (scoreA !== scoreB) {
		return scoreB - scoreA;
	}
	if (a.title.length !== b.title.length) {
		return a.title.length - b.title.length;
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
 * undefined) matching `query`, best first, at most `limit`.
 */
export function searchPages(index: VaultIndex, query: string, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
	const prepared = prepareQuery(query);
	const best = new BestMatches<PageMatch>(limit, compareMatches);
	const entries = searchEntries(index, section);
	for (let i = 0; i < entries.length; i++) {
		if (i % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return { matches: [], capped: true, cancelled: true };
		}
		const entry = entries[i];
		const score = scoreEntry(prepared, entry);
		if (score === 0) {
			continue;
		}
		const worst = best.worst;
		if (worst !== undefined && compareScored(score, entry, worst.score, worst.entry) >= 0) {
			best.skip();
			continue;
		}
		best.add(toMatch(entry, score, lastMatchedField));
	}
	return { matches: best.result(), capped: best.capped, cancelled: false };
}
