import { PairTable, withRoom } from '../mentions/intTables';
import { stringHash } from '../text/stringHash';
import { VisitMarks } from '../visitMarks';
import type { FollowingTable } from './journalFollower';
import { similarityKeys, type SimilarPage, type SimilarityEntry } from './similarityKeys';

/** The most edits a suggestion may be away from a missing slug. */
export const MAX_EDITS = 3;
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

/**
 * The characters of a string as a set of 32 bits (a character sets bit
 * `code % 32`). An edit takes at most one bit out of the set and puts at
 * most one in, so strings within `limit` edits differ by at most `limit`
 * bits each way: a cheap filter before the edit distance.
 */
export function characterBits(text: string): number {
	let bits = 0;
	for (let i = 0; i < text.length; i++) {
		bits |= 1 << (text.charCodeAt(i) & 31);
	}
	return bits;
}

/** Set bits of a 32-bit number. */
function bitCount(bits: number): number {
	let n = bits - ((bits >>> 1) & 0x55555555);
	n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
	return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether the character sets `a` and `b` allow the strings to be within `limit` edits (see `characterBits`). */
export function bitsWithin(a: number, b: number, limit: number): boolean {
	return bitCount(a & ~b) <= limit && bitCount(b & ~a) <= limit;
}

/**
 * The pairs of neighbouring characters of a string, its start and end
 * marked, hashed into a set of 64 bits (`bits[at]`, `bits[at + 1]`). An edit
 * takes at most two pairs out and puts at most two in, so strings within
 * `limit` edits differ by at most `2 * limit` bits each way: a sharper
 * filter than the characters alone.
 */
export function pairBits(text: string, bits: Int32Array, at: number): void {
	let low = 0;
	let high = 0;
	let previous = -1;
	for (let i = 0; i <= text.length; i++) {
		const code = i < text.length ? text.charCodeAt(i) : -2;
		const bit = Math.imul(previous * 31 + code, 0x9e3779b1) >>> 26;
		if (bit < 32) {
			low |= 1 << bit;
		} else {
			high |= 1 << (bit - 32);
		}
		previous = code;
	}
	bits[at] = low;
	bits[at + 1] = high;
}

/** Whether the pair sets at `a[i]` and `b[j]` (see `pairBits`) allow the strings to be within `limit` edits. */
export function pairsWithin(a: Int32Array, i: number, b: Int32Array, j: number, limit: number): boolean {
	return bitCount(a[i] & ~b[j]) + bitCount(a[i + 1] & ~b[j + 1]) <= 2 * limit
		&& bitCount(b[j] & ~a[i]) + bitCount(b[j + 1] & ~a[i + 1]) <= 2 * limit;
}

/** The section number of an entry left by a removed page: no lookup wants it. */
const HOLE = -1;

/**
 * The number of a list of postings (with the hash of a segment's text, or 0
 * for the short keys): the segments numbered `segment` (`SEGMENTS`: the
 * short keys) of the keys of length `keyLength` in one section. Two lists
 * may share a number, and two texts a hash: a lookup then meets entries of
 * the other list too, a superset as the segments' is, and only entries of
 * the section are taken.
 */
function listNumber(section: number, keyLength: number, segment: number): number {
	return Math.imul(section + 1, 0x9e3779b1) ^ (keyLength * (SEGMENTS + 1) + segment);
}

/**
 * A segment index over every page's slug, title and aliases (in slug form),
 * kept in step with the vault index by a `JournalFollower`. A lookup probes a
 * few dozen segments of the missing slug in the section's postings and
 * keeps only the keys holding one of them whose characters and pairs of
 * characters may be within the limit (`characterBits`, `pairBits`), so it
 * finds every key within the edit limit (no candidate is cut) and checks
 * few others.
 *
 * An entry (one key of one page) is a number; its facts are in typed
 * arrays and its key and URL in arrays of strings by number, and each list
 * of postings is a chain through one typed array from its last posting
 * (found by list number and segment hash in a `PairTable`), so the index
 * holds no object or array per entry, segment or list (at 100,000 pages one
 * of each took 84 MiB with the suggestion table around it, on each check worker).
 */
export class SegmentIndex implements FollowingTable {
	/** Each entry's key and page URL, by number ('' for a hole). */
	private keys: string[] = [];
	private urls: string[] = [];
	/** Each entry's section (in `sectionNames`), `HOLE` for an entry of a removed page. */
	private entrySections: Int32Array = new Int32Array(1024);
	/** Of each entry's key, by entry id: `characterBits` at `3 * id`, `pairBits` at `3 * id + 1`. */
	private bits: Int32Array = new Int32Array(3 * 1024);
	/** Each entry's page's first entry: a page's entries are added together, one after another. */
	private pageStarts: Int32Array = new Int32Array(1024);
	private sectionNumbers = new Map<string | undefined, number>();
	private sectionNames: (string | undefined)[] = [];
	/** The last posting of each list, by list number (`listNumber`) and the hash of the segment's text. */
	private lists = new PairTable();
	/** Of each posting: its entry at `2 * posting`, the posting before it in its list at `2 * posting + 1` (-1 for the first). */
	private postings: Int32Array = new Int32Array(2 * 4096);
	private postingCount = 0;
	/** The first entry of each page that has any, by path. */
	private pageEntries = new Map<string, number>();
	private holeCount = 0;
	/** The entries already met in the current lookup. */
	private readonly met = new VisitMarks();

	get slots(): number {
		return this.keys.length;
	}

	get holes(): number {
		return this.holeCount;
	}

	rebuild(pages: Iterable<SimilarPage>): void {
		this.keys = [];
		this.urls = [];
		this.entrySections = new Int32Array(1024);
		this.bits = new Int32Array(3 * 1024);
		this.pageStarts = new Int32Array(1024);
		this.sectionNumbers = new Map();
		this.sectionNames = [];
		this.lists = new PairTable();
		this.postings = new Int32Array(2 * 4096);
		this.postingCount = 0;
		this.pageEntries = new Map();
		this.holeCount = 0;
		for (const page of pages) {
			this.add(page);
		}
	}

	add(page: SimilarPage): void {
		const keys = similarityKeys(page);
		if (keys.length > 0) {
			this.pageEntries.set(page.path, this.keys.length);
			this.addKeys(page.url, page.section, keys);
		}
	}

	/** Adds the keys (`similarityKeys`) of the page at `url`, its entries never removed (`remove` does not know them): a table built once from plain data (`SuggestionTable`). */
	addKeys(url: string, section: string | undefined, keys: readonly string[]): void {
		let number = this.sectionNumbers.get(section);
		if (number === undefined) {
			number = this.sectionNames.length;
			this.sectionNumbers.set(section, number);
			this.sectionNames.push(section);
		}
		const start = this.keys.length;
		this.entrySections = withRoom(this.entrySections, start + keys.length);
		this.pageStarts = withRoom(this.pageStarts, start + keys.length);
		this.bits = withRoom(this.bits, 3 * (start + keys.length));
		for (const key of keys) {
			const id = this.keys.length;
			this.keys.push(key);
			this.urls.push(url);
			this.entrySections[id] = number;
			this.pageStarts[id] = start;
			this.bits[3 * id] = characterBits(key);
			pairBits(key, this.bits, 3 * id + 1);
			if (key.length < SEGMENTS) {
				this.post(listNumber(number, key.length, SEGMENTS), 0, id);
				continue;
			}
			for (let i = 0; i < SEGMENTS; i++) {
				const segment = segmentOf(key.length, i);
				this.post(listNumber(number, key.length, i), stringHash(key, segment.start, segment.start + segment.length), id);
			}
		}
	}

	remove(path: string): void {
		const start = this.pageEntries.get(path);
		if (start === undefined) {
			return;
		}
		this.pageEntries.delete(path);
		// Posting lists keep the entries; a hole is skipped when met.
		for (let id = start; id < this.keys.length && this.pageStarts[id] === start; id++) {
			this.entrySections[id] = HOLE;
			this.keys[id] = '';
			this.urls[id] = '';
			this.holeCount++;
		}
	}

	/** Every entry (in `section` when given) that may be within `limit` (≤ MAX_EDITS) edits of `query`; a superset, to be checked. */
	candidates(query: string, limit: number, section: string | undefined): SimilarityEntry[] {
		const met = this.met;
		met.begin(this.keys.length);
		const result: SimilarityEntry[] = [];
		const queryBits = characterBits(query);
		const queryPairs = new Int32Array(2);
		pairBits(query, queryPairs, 0);
		const { bits, entrySections } = this;
		const take = (id: number, section: number): void => {
			if (entrySections[id] !== section || !met.first(id) || !bitsWithin(queryBits, bits[3 * id], limit) || !pairsWithin(queryPairs, 0, bits, 3 * id + 1, limit)) {
				return;
			}
			result.push({ url: this.urls[id], section: this.sectionNames[section], key: this.keys[id] });
		};
		if (section !== undefined) {
			const number = this.sectionNumbers.get(section);
			if (number !== undefined) {
				this.probe(number, query, limit, take);
			}
		} else {
			for (let number = 0; number < this.sectionNames.length; number++) {
				this.probe(number, query, limit, take);
			}
		}
		return result;
	}

	/** Adds entry `id` to the list of `(list, hash)`. */
	private post(list: number, hash: number, id: number): void {
		const posting = this.postingCount++;
		this.postings = withRoom(this.postings, 2 * posting + 2);
		this.postings[2 * posting] = id;
		this.postings[2 * posting + 1] = this.lists.get(list, hash);
		this.lists.set(list, hash, posting);
	}

	/** Gives `take` every entry of the list of `(list, hash)`. */
	private takeList(list: number, hash: number, section: number, take: (id: number, section: number) => void): void {
		const postings = this.postings;
		for (let posting = this.lists.get(list, hash); posting >= 0; posting = postings[2 * posting + 1]) {
			take(postings[2 * posting], section);
		}
	}

	/** Gives `take` every entry of the section holding a segment of `query` where a key within `limit` edits keeps it, and the short keys of a near length. */
	private probe(section: number, query: string, limit: number, take: (id: number, section: number) => void): void {
		const length = query.length;
		for (let keyLength = Math.max(SEGMENTS, length - limit); keyLength <= length + limit; keyLength++) {
			for (let i = 0; i < SEGMENTS; i++) {
				const segment = segmentOf(keyLength, i);
				// A kept segment moves by at most `limit`; and some kept segment moves by no more than
				// the segments before it (i) and no less than the length difference minus those after it
				// (multi-match-aware selection of Pass-Join): only those start positions are probed.
				const delta = length - keyLength;
				const after = SEGMENTS - 1 - i;
				const first = Math.max(0, segment.start - limit, segment.start - i, segment.start + delta - after);
				const last = Math.min(length - segment.length, segment.start + limit, segment.start + i, segment.start + delta + after);
				const list = listNumber(section, keyLength, i);
				for (let at = first; at <= last; at++) {
					this.takeList(list, stringHash(query, at, at + segment.length), section, take);
				}
			}
		}
		for (let keyLength = Math.max(1, length - limit); keyLength < SEGMENTS && keyLength <= length + limit; keyLength++) {
			this.takeList(listNumber(section, keyLength, SEGMENTS), 0, section, take);
		}
	}
}
