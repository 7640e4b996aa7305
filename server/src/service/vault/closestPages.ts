import type { PageSummary } from '../parse/pageSummary';
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

/** `Robert Maxwell` → `robert-maxwell`: a title in slug form for comparison. */
export function slugifyTitle(title: string): string {
	return title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Candidates scored exactly per query, the best by shared trigrams. */
const MAX_CANDIDATES = 200;

function trigramsOf(key: string): string[] {
	const padded = `^${key}$`;
	const grams: string[] = [];
	for (let i = 0; i + 3 <= padded.length; i++) {
		grams.push(padded.slice(i, i + 3));
	}
	return grams;
}

interface SimilarityEntry {
	readonly url: string;
	readonly section: string | undefined;
	/** Slug, title or alias in slug form, lowercase. */
	readonly key: string;
}

/**
 * A trigram index over every page's slug, title and aliases (in slug form),
 * kept in step with the vault index through its change journal (like the
 * completion search table), so a lookup touches only the pages that share
 * trigrams with the missing slug instead of every page of the vault.
 */
class SimilarityTable {
	private entries: (SimilarityEntry | undefined)[] = [];
	private postings = new Map<string, number[]>();
	private entriesByPath = new Map<string, number[]>();
	private holes = 0;
	private version = -1;
	private counts = new Int32Array(0);

	sync(index: VaultIndex): this {
		if (this.version === index.version) {
			return this;
		}
		const changed = this.version < 0 ? undefined : index.changedSince(this.version);
		if (changed === undefined || changed.length > index.size / 4) {
			this.entries = [];
			this.postings = new Map();
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
		const keys = new Set([slugOfUrl(page.url).toLowerCase(), slugifyTitle(page.title), ...page.aliases.map(slugifyTitle)]);
		const ids: number[] = [];
		for (const key of keys) {
			if (key === '') {
				continue;
			}
			const id = this.entries.length;
			this.entries.push({ url: page.url, section: page.section, key });
			ids.push(id);
			for (const gram of new Set(trigramsOf(key))) {
				const list = this.postings.get(gram);
				if (list) {
					list.push(id);
				} else {
					this.postings.set(gram, [id]);
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
			// Posting lists keep the id; the hole is skipped when counted.
			this.entries[id] = undefined;
			this.holes++;
		}
	}

	/** Entries sharing at least `minShared` trigrams with `key`, most shared first, in `section` when given. */
	candidates(key: string, minShared: number, section: string | undefined): SimilarityEntry[] {
		if (this.counts.length < this.entries.length) {
			this.counts = new Int32Array(Math.max(this.entries.length, this.counts.length * 2));
		}
		const counts = this.counts;
		const touched: number[] = [];
		for (const gram of new Set(trigramsOf(key))) {
			const list = this.postings.get(gram);
			if (!list) {
				continue;
			}
			for (const id of list) {
				if (counts[id]++ === 0) {
					touched.push(id);
				}
			}
		}
		// Bucket by shared count (at most the query's gram count), best buckets first: no sort of everything touched.
		const buckets: SimilarityEntry[][] = [];
		for (const id of touched) {
			const shared = counts[id];
			counts[id] = 0;
			const entry = this.entries[id];
			if (entry && shared >= minShared && (section === undefined || entry.section === section)) {
				(buckets[shared] ??= []).push(entry);
			}
		}
		const result: SimilarityEntry[] = [];
		for (let shared = buckets.length - 1; shared >= minShared && result.length < MAX_CANDIDATES; shared--) {
			const bucket = buckets[shared] ?? [];
			if (result.length + bucket.length > MAX_CANDIDATES) {
				// The bucket that overflows is cut in a fixed order, so the answer never depends on the index's history.
				bucket.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
			}
			for (const entry of bucket) {
				if (result.length >= MAX_CANDIDATES) {
					break;
				}
				result.push(entry);
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
 * within a small edit distance. Candidates come from a trigram index (a
 * string within `limit` edits of another shares all but `3 × limit` of its
 * trigrams), so the cost does not grow with the vault.
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
		result = findClosestPages(index, url, max);
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

function findClosestPages(index: VaultIndex, url: string, max: number): PageSuggestion[] {
	const slug = slugOfUrl(url).toLowerCase();
	const section = sectionOfUrl(url);
	// Up to 3 edits (fewer for short slugs): typos and small variations, not lookalikes.
	const limit = Math.min(3, Math.max(1, Math.floor(slug.length / 4)));
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
		let table = tables.get(index);
		if (!table) {
			table = new SimilarityTable();
			tables.set(index, table);
		}
		const inSection = section !== undefined && index.sectionPaths(section).size > 0 ? section : undefined;
		const minShared = Math.max(1, trigramsOf(slug).length - 3 * limit);
		for (const candidate of table.sync(index).candidates(slug, minShared, inSection)) {
			const distance = boundedEditDistance(slug, candidate.key, limit);
			if (distance <= limit) {
				offer(candidate.url, distance);
			}
		}
	}
	return [...found.values()]
		.sort((a, b) => a.distance - b.distance || a.url.localeCompare(b.url))
		.slice(0, max);
}
