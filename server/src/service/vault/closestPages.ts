import type { PageSummary } from '../parse/pageSummary';
import { VisitMarks } from '../visitMarks';
import type { VaultIndex } from './vaultIndex';
import { sectionOfUrl, slugOfUrl } from './vaultPaths';

export interface PageSuggestion {
	readonly url: string;
	readonly title: string;
	/** Edit distance of the best-matching slug or title (0 for the same slug in another section). */
	readonly distance: number;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	if (a === b) {
		return 0;
	}
	if (rowA.length <= b.length) {
		rowA = new Int32Array(b.length + 1);
		rowB = new Int32Array(b.length + 1);
	}
	let previous = rowA;
	let current = rowB;
	for (let j = 0; j <= b.length; j++) {
		previous[j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current[j] = value;
			if (value < rowMin) {
				rowMin = value;
			}
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		const swap = previous;
		previous = current;
		current = swap;
	}
	return previous[b.length];
}

/**
 * Levenshtein distances from one query of at most 32 UTF-16 units to many
 * strings, with Myers' bit-parallel algorithm (Hyyrö's formulation): one
 * pass of a few word operations per character of the other string, instead
 * of a row of the dynamic programme. `boundedEditDistance` is its oracle in
 * the tests.
 */
export class DistanceFromQuery {
	static readonly MAX_LENGTH = 32;
	private readonly ascii = new Int32Array(128);
	private readonly other = new Map<number, number>();
	private readonly last: number;

	constructor(private readonly query: string) {
		if (query.length > DistanceFromQuery.MAX_LENGTH) {
			throw new RangeError(`query longer than ${DistanceFromQuery.MAX_LENGTH}`);
		}
		for (let i = 0; i < query.length; i++) {
			const c = query.charCodeAt(i);
			if (c < 128) {
				this.ascii[c] |= 1 << i;
			} else {
				this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
			}
		}
		this.last = query.length === 0 ? 0 : 1 << (query.length - 1);
	}

	/** The distance to `text`, or `limit + 1` as soon as it must exceed `limit`. */
	within(text: string, limit: number): number {
		const m = this.query.length;
		if (Math.abs(m - text.length) > limit) {
			return limit + 1;
		}
		if (m === 0) {
			return text.length;
		}
		let pv = -1;
		let mv = 0;
		let score = m;
		const last = this.last;
		for (let j = 0, n = text.length; j < n; j++) {
			const c = text.charCodeAt(j);
			const eq = c < 128 ? this.ascii[c] : this.other.get(c) ?? 0;
			const xv = eq | mv;
			const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
			let ph = mv | ~(xh | pv);
			let mh = pv & xh;
			if (ph & last) {
				score++;
			} else if (mh & last) {
				score--;
			}
			// The rest of the text can lower the score by one per character at most.
			if (score - (n - j - 1) > limit) {
				return limit + 1;
			}
			ph = (ph << 1) | 1;
			mh <<= 1;
			pv = mh | ~(xv | ph);
			mv = ph & xv;
		}
		return score <= limit ? score : limit + 1;
	}
}

/**
 * The anchors (each once, in their order) close enough to a `#fragment`
 * that names no heading to be what was meant: within 40 % of its length in
 * edits (at least 2), with their distances.
 */
export function anchorsNear(fragment: string, anchors: readonly string[]): { anchor: string; distance: number }[] {
	const limit = Math.max(2, Math.floor(fragment.length * 0.4));
	return [...new Set(anchors)]
		.map(anchor => ({ anchor, distance: boundedEditDistance(fragment, anchor, limit) }))
		.filter(candidate => candidate.distance <= limit);
}

/** `Robert Maxwell` → `robert-maxwell`: a title in slug form for comparison. */
export function slugifyTitle(title: string): string {
	return title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** The most edits a suggestion may be away from a missing slug. */
const MAX_EDITS = 3;
/**
 * Keys are cut into `MAX_EDITS + 1` segments: a key within `MAX_EDITS` edits
 * of a query keeps at least one segment untouched, found in the query at
 * most that many characters from where it sits in the key (the partition
 * filter of Pass-Join, Li et al. 2011).
 */
const SEGMENTS = MAX_EDITS + 1;

/** Where segment `i` of a key of length `length` starts and how long it is: the first segments are the shorter ones. */
function segmentOf(length: number, i: number): { start: number; length: number } {
	const base = Math.floor(length / SEGMENTS);
	const shorter = SEGMENTS - (length % SEGMENTS);
	return i < shorter
		? { start: i * base, length: base }
		: { start: shorter * base + (i - shorter) * (base + 1), length: base + 1 };
}

/** A page's slug, title and aliases in slug form, lowercase, each once. */
function similarityKeys(page: PageSummary): string[] {
	const keys = new Set([slugOfUrl(page.url).toLowerCase(), slugifyTitle(page.title), ...page.aliases.map(slugifyTitle)]);
	keys.delete('');
	return [...keys];
}

interface SimilarityEntry {
	readonly url: string;
	readonly section: string | undefined;
	/** Slug, title or alias in slug form, lowercase. */
	readonly key: string;
}

/**
 * A segment index over every page's slug, title and aliases (in slug form),
 * kept in step with the vault index through its change journal (like the
 * completion search table). A lookup probes a few dozen segments of the
 * missing slug and checks only the keys holding one of them, so its cost
 * does not grow with the vault, and it finds every key within the edit
 * limit (no candidate is cut).
 */
class SimilarityTable {
	private entries: (SimilarityEntry | undefined)[] = [];
	/** Per key length and segment number (`length * SEGMENTS + i`): segment text → entry ids. */
	private postings = new Map<number, Map<string, number[]>>();
	/** Keys shorter than `SEGMENTS` characters, by length (`shortKeys[n]`: length n), checked when the length is near. */
	private shortKeys: number[][] = [];
	private entriesByPath = new Map<string, number[]>();
	private holes = 0;
	private version = -1;
	/** The entries already met in the current lookup. */
	private readonly met = new VisitMarks();

	sync(index: VaultIndex): this {
		if (this.version === index.version) {
			return this;
		}
		const changed = this.version < 0 ? undefined : index.changedSince(this.version);
		if (changed === undefined || changed.length > index.size / 4) {
			this.entries = [];
			this.postings = new Map();
			this.shortKeys = [];
			this.entriesByPath = new Map();
			this.holes = 0;
			for (const page of index.pages()) {
				this.add(page);
			}
		} else {
			for (const path of new Set(changed)) {
				this.removePath(path);
				const page = index.getPage(path);
				if (page) {
					this.add(page);
				}
			}
			if (this.holes > this.entries.length / 2) {
				this.version = -1;
				return this.sync(index);
			}
		}
		this.version = index.version;
		return this;
	}

	private add(page: PageSummary): void {
		const ids: number[] = [];
		for (const key of similarityKeys(page)) {
			const id = this.entries.length;
			this.entries.push({ url: page.url, section: page.section, key });
			ids.push(id);
			if (key.length < SEGMENTS) {
				(this.shortKeys[key.length] ??= []).push(id);
				continue;
			}
			for (let i = 0; i < SEGMENTS; i++) {
				const segment = segmentOf(key.length, i);
				const slot = key.length * SEGMENTS + i;
				let bySegment = this.postings.get(slot);
				if (!bySegment) {
					bySegment = new Map();
					this.postings.set(slot, bySegment);
				}
				const text = key.substr(segment.start, segment.length);
				const list = bySegment.get(text);
				if (list) {
					list.push(id);
				} else {
					bySegment.set(text, [id]);
				}
			}
		}
		this.entriesByPath.set(page.path, ids);
	}

	private removePath(path: string): void {
		const ids = this.entriesByPath.get(path);
		if (!ids) {
			return;
		}
		this.entriesByPath.delete(path);
		for (const id of ids) {
			// Posting lists keep the id; the hole is skipped when met.
			this.entries[id] = undefined;
			this.holes++;
		}
	}

	/** Every entry (in `section` when given) that may be within `limit` (≤ MAX_EDITS) edits of `query`; a superset, to be checked. */
	candidates(query: string, limit: number, section: string | undefined): SimilarityEntry[] {
		const met = this.met;
		met.begin(this.entries.length);
		const result: SimilarityEntry[] = [];
		const take = (id: number): void => {
			if (!met.first(id)) {
				return;
			}
			const entry = this.entries[id];
			if (entry && (section === undefined || entry.section === section)) {
				result.push(entry);
			}
		};
		const length = query.length;
		for (let keyLength = Math.max(SEGMENTS, length - limit); keyLength <= length + limit; keyLength++) {
			for (let i = 0; i < SEGMENTS; i++) {
				const bySegment = this.postings.get(keyLength * SEGMENTS + i);
				if (!bySegment) {
					continue;
				}
				const segment = segmentOf(keyLength, i);
				// A kept segment moves by at most `limit`; and some kept segment moves by no more than
				// the segments before it (i) and no less than the length difference minus those after it
				// (multi-match-aware selection of Pass-Join): only those start positions are probed.
				const delta = length - keyLength;
				const after = SEGMENTS - 1 - i;
				const first = Math.max(0, segment.start - limit, segment.start - i, segment.start + delta - after);
				const last = Math.min(length - segment.length, segment.start + limit, segment.start + i, segment.start + delta + after);
				for (let at = first; at <= last; at++) {
					const list = bySegment.get(query.substr(at, segment.length));
					if (list) {
						for (const id of list) {
							take(id);
						}
					}
				}
			}
		}
		for (let keyLength = Math.max(1, length - limit); keyLength < SEGMENTS && keyLength <= length + limit; keyLength++) {
			for (const id of this.shortKeys[keyLength] ?? []) {
				take(id);
			}
		}
		return result;
	}
}

const tables = new WeakMap<VaultIndex, SimilarityTable>();

/**
 * Existing pages closest to a URL that does not exist: the same slug in
 * another section first, then pages of the same section (or, when the
 * section does not exist, of every section) whose slug, title or alias is
 * within a small edit distance. Candidates come from a segment index, so
 * the cost does not grow with the vault, and every key within the limit is
 * found (`closestPagesByScan`, the exhaustive search, is the oracle of the
 * tests).
 */
export function closestPages(index: VaultIndex, url: string, max = 3): PageSuggestion[] {
	let memo = memos.get(index);
	if (!memo || memo.version !== index.version) {
		memo = { version: index.version, results: new Map() };
		memos.set(index, memo);
	}
	const key = `${max} ${url}`;
	let result = memo.results.get(key);
	if (!result) {
		result = findClosestPages(index, url, max, (slug, limit, section) => tableOf(index).candidates(slug, limit, section));
		if (memo.results.size >= MAX_MEMO) {
			memo.results.clear();
		}
		memo.results.set(key, result);
	}
	return result.map(suggestion => ({ ...suggestion }));
}

/** Answers kept while the index does not change: a page's diagnostics, hover and quick fixes ask about the same URLs. */
const memos = new WeakMap<VaultIndex, { version: number; results: Map<string, PageSuggestion[]> }>();
const MAX_MEMO = 10_000;

function tableOf(index: VaultIndex): SimilarityTable {
	let table = tables.get(index);
	if (!table) {
		table = new SimilarityTable();
		tables.set(index, table);
	}
	return table.sync(index);
}

/** The keys of every page (in `section` when given) that may be within `limit` edits of `slug`. */
type CandidateSource = (slug: string, limit: number, section: string | undefined) => Iterable<SimilarityEntry>;

/** `closestPages` by comparing the slug with every page of the vault: the oracle of the tests. */
export function closestPagesByScan(index: VaultIndex, url: string, max = 3): PageSuggestion[] {
	return findClosestPages(index, url, max, function* (_slug, _limit, section) {
		for (const page of index.pages()) {
			if (section === undefined || page.section === section) {
				for (const key of similarityKeys(page)) {
					yield { url: page.url, section: page.section, key };
				}
			}
		}
	});
}

function findClosestPages(index: VaultIndex, url: string, max: number, candidatesOf: CandidateSource): PageSuggestion[] {
	const slug = slugOfUrl(url).toLowerCase();
	const section = sectionOfUrl(url);
	// Up to 3 edits (fewer for short slugs): typos and small variations, not lookalikes.
	const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(slug.length / 4)));
	const found = new Map<string, PageSuggestion>();
	const offer = (candidateUrl: string, distance: number): void => {
		const page = index.pageForUrl(candidateUrl);
		const existing = found.get(candidateUrl);
		if (page && candidateUrl !== url && (!existing || existing.distance > distance)) {
			found.set(candidateUrl, { url: candidateUrl, title: page.title, distance });
		}
	};
	for (const candidate of index.urlsWithSlug(slugOfUrl(url))) {
		offer(candidate, 0);
	}
	if (slug !== '') {
		const inSection = section !== undefined && index.sectionPaths(section).size > 0 ? section : undefined;
		const fromSlug = slug.length <= DistanceFromQuery.MAX_LENGTH ? new DistanceFromQuery(slug) : undefined;
		for (const candidate of candidatesOf(slug, limit, inSection)) {
			const distance = fromSlug ? fromSlug.within(candidate.key, limit) : boundedEditDistance(slug, candidate.key, limit);
			if (distance <= limit) {
				offer(candidate.url, distance);
			}
		}
	}
	return [...found.values()]
		.sort((a, b) => a.distance - b.distance || a.url.localeCompare(b.url))
		.slice(0, max);
}
