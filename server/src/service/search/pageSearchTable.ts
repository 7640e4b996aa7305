import type { PageSummary } from '../parse/pageSummary';
import type { FollowingTable } from './journalFollower';
import { searchEntryOf, type PageSearchEntry } from './searchKeys';
import { WordPrefixBuckets, wordKeysOf } from './wordPrefixBuckets';

const NO_POSITIONS: readonly number[] = Object.freeze([]);

/**
 * The search entries of every page of one index, kept in step with it by a
 * `JournalFollower`. A removed page leaves a hole (no entry) until the
 * follower rebuilds the table. What the search loop tests first (masks,
 * section) is kept in parallel arrays of small integers, so most pages are
 * rejected without touching their entry.
 */
export class PageSearchTable implements FollowingTable {
	/** `undefined` marks a hole left by a removed or moved page. */
	readonly entries: (PageSearchEntry | undefined)[] = [];
	readonly masks: number[] = [];
	readonly startMasks: number[] = [];
	readonly wordMasks: number[] = [];
	readonly titleKeys: number[] = [];
	private readonly positionByPath = new Map<string, number>();
	private readonly wordBuckets = new WordPrefixBuckets();
	/** Positions of each section's entries, ascending. */
	private readonly sectionPositions = new Map<string, number[]>();
	private holeCount = 0;

	get slots(): number {
		return this.entries.length;
	}

	get holes(): number {
		return this.holeCount;
	}

	/** The positions of a section's entries (empty for a section no page has). */
	positionsOf(section: string): readonly number[] {
		return this.sectionPositions.get(section) ?? NO_POSITIONS;
	}

	/**
	 * Each position (once) whose entry may have a word starting with `prefix`
	 * (non-empty, normalised, no space), or undefined when that would be most
	 * of the table anyway.
	 */
	positionsWithWordPrefix(prefix: string): number[] | undefined {
		return this.wordBuckets.positionsWithWordPrefix(prefix, this.entries.length);
	}

	rebuild(pages: Iterable<PageSummary>): void {
		// A summary is immutable: the entries of pages that did not change are kept.
		const previous = new Map<PageSummary, PageSearchEntry>();
		for (const entry of this.entries) {
			if (entry !== undefined) {
				previous.set(entry.page, entry);
			}
		}
		for (const array of [this.entries, this.masks, this.startMasks, this.wordMasks, this.titleKeys]) {
			array.length = 0;
		}
		this.positionByPath.clear();
		this.sectionPositions.clear();
		this.wordBuckets.clear();
		this.holeCount = 0;
		for (const page of pages) {
			this.append(previous.get(page) ?? searchEntryOf(page));
		}
	}

	add(page: PageSummary): void {
		this.append(searchEntryOf(page));
	}

	/** A page that stays in its section keeps its position. */
	replace(path: string, page: PageSummary): boolean {
		const position = this.positionByPath.get(path);
		const previous = position === undefined ? undefined : this.entries[position];
		if (position === undefined || previous === undefined || previous.page.section !== page.section) {
			return false;
		}
		if (previous.page === page) {
			return true;
		}
		this.set(position, searchEntryOf(page));
		return true;
	}

	remove(path: string): void {
		const position = this.positionByPath.get(path);
		if (position === undefined) {
			return;
		}
		this.entries[position] = undefined;
		// A zero mask rejects every non-empty query before the entry is read; the loops skip holes for the empty one.
		this.masks[position] = 0;
		this.positionByPath.delete(path);
		this.holeCount++;
	}

	private set(position: number, entry: PageSearchEntry): void {
		const previous = this.entries[position];
		if (previous && previous !== entry) {
			const had = new Set(wordKeysOf(previous));
			this.wordBuckets.add(position, wordKeysOf(entry).filter(key => !had.has(key)));
		}
		this.entries[position] = entry;
		this.masks[position] = entry.mask;
		this.startMasks[position] = entry.startMask;
		this.wordMasks[position] = entry.wordMask;
		this.titleKeys[position] = entry.titleKey;
	}

	private append(entry: PageSearchEntry): void {
		const position = this.entries.length;
		if (entry.section !== undefined) {
			let positions = this.sectionPositions.get(entry.section);
			if (!positions) {
				positions = [];
				this.sectionPositions.set(entry.section, positions);
			}
			positions.push(position);
		}
		this.positionByPath.set(entry.page.path, position);
		this.wordBuckets.add(position, wordKeysOf(entry));
		this.entries.push(entry);
		this.masks.push(entry.mask);
		this.startMasks.push(entry.startMask);
		this.wordMasks.push(entry.wordMask);
		this.titleKeys.push(entry.titleKey);
	}
}
