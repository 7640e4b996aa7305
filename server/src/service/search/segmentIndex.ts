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

/** The segment postings and short keys of one section (or of the pages in none). */
interface SectionSegments {
	/** Per key length and segment number (`length * SEGMENTS + i`): segment text → entry ids. */
	readonly postings: Map<number, Map<string, number[]>>;
	/** Keys shorter than `SEGMENTS` characters, by length (`shortKeys[n]`: length n), checked when the length is near. */
	readonly shortKeys: number[][];
}

/**
 * A segment index over every page's slug, title and aliases (in slug form),
 * kept in step with the vault index by a `JournalFollower`. A lookup probes a
 * few dozen segments of the missing slug in the section's postings and
 * keeps only the keys holding one of them whose characters and pairs of
 * characters may be within the limit (`characterBits`, `pairBits`), so it
 * finds every key within the edit limit (no candidate is cut) and checks
 * few others.
 */
export class SegmentIndex implements FollowingTable {
	private entries: (SimilarityEntry | undefined)[] = [];
	/** Of each entry's key, by entry id: `characterBits` at `3 * id`, `pairBits` at `3 * id + 1`. */
	private bits = new Int32Array(3 * 1024);
	private sections = new Map<string | undefined, SectionSegments>();
	private entriesByPath = new Map<string, number[]>();
	private holeCount = 0;
	/** The entries already met in the current lookup. */
	private readonly met = new VisitMarks();

	get slots(): number {
		return this.entries.length;
	}

	get holes(): number {
		return this.holeCount;
	}

	rebuild(pages: Iterable<SimilarPage>): void {
		this.entries = [];
		this.bits = new Int32Array(3 * 1024);
		this.sections = new Map();
		this.entriesByPath = new Map();
		this.holeCount = 0;
		for (const page of pages) {
			this.add(page);
		}
	}

	add(page: SimilarPage): void {
		const ids: number[] = [];
		let segments = this.sections.get(page.section);
		if (!segments) {
			segments = { postings: new Map(), shortKeys: [] };
			this.sections.set(page.section, segments);
		}
		for (const key of similarityKeys(page)) {
			const id = this.entries.length;
			this.entries.push({ url: page.url, section: page.section, key });
			if (3 * id >= this.bits.length) {
				const grown = new Int32Array(this.bits.length * 2);
				grown.set(this.bits);
				this.bits = grown;
			}
			this.bits[3 * id] = characterBits(key);
			pairBits(key, this.bits, 3 * id + 1);
			ids.push(id);
			if (key.length < SEGMENTS) {
				(segments.shortKeys[key.length] ??= []).push(id);
				continue;
			}
			for (let i = 0; i < SEGMENTS; i++) {
				const segment = segmentOf(key.length, i);
				const slot = key.length * SEGMENTS + i;
				let bySegment = segments.postings.get(slot);
				if (!bySegment) {
					bySegment = new Map();
					segments.postings.set(slot, bySegment);
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

	remove(path: string): void {
		const ids = this.entriesByPath.get(path);
		if (!ids) {
			return;
		}
		this.entriesByPath.delete(path);
		for (const id of ids) {
			// Posting lists keep the id; the hole is skipped when met.
			this.entries[id] = undefined;
			this.holeCount++;
		}
	}

	/** Every entry (in `section` when given) that may be within `limit` (≤ MAX_EDITS) edits of `query`; a superset, to be checked. */
	candidates(query: string, limit: number, section: string | undefined): SimilarityEntry[] {
		const met = this.met;
		met.begin(this.entries.length);
		const result: SimilarityEntry[] = [];
		const queryBits = characterBits(query);
		const queryPairs = new Int32Array(2);
		pairBits(query, queryPairs, 0);
		const bits = this.bits;
		const take = (id: number): void => {
			if (!met.first(id) || !bitsWithin(queryBits, bits[3 * id], limit) || !pairsWithin(queryPairs, 0, bits, 3 * id + 1, limit)) {
				return;
			}
			const entry = this.entries[id];
			if (entry) {
				result.push(entry);
			}
		};
		if (section !== undefined) {
			const segments = this.sections.get(section);
			if (segments) {
				probe(segments, query, limit, take);
			}
		} else {
			for (const segments of this.sections.values()) {
				probe(segments, query, limit, take);
			}
		}
		return result;
	}
}

/** Gives `take` every entry id of `segments` holding a segment of `query` where a key within `limit` edits keeps it, and the short keys of a near length. */
function probe(segments: SectionSegments, query: string, limit: number, take: (id: number) => void): void {
	const length = query.length;
	for (let keyLength = Math.max(SEGMENTS, length - limit); keyLength <= length + limit; keyLength++) {
		for (let i = 0; i < SEGMENTS; i++) {
			const bySegment = segments.postings.get(keyLength * SEGMENTS + i);
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
		for (const id of segments.shortKeys[keyLength] ?? []) {
			take(id);
		}
	}
}
