import { hasRareParts, type PageRecordHeader } from './pageRecord';
import type { BlobOnDisk, PageRecord } from './storedPageSummary';
import { detach, type StringPool } from './stringPool';

/**
 * The strings of page records sent by a worker thread, each sent once.
 *
 * A cold index receives every page's URL, section, tags and link targets
 * from the workers: about 30 strings a page, most of them URLs the vault
 * repeats on thousands of pages. Sharing each received copy through the
 * pool was a quarter of the main thread's time at 100,000 pages (a hash of
 * a fresh string and a probe of a million-entry map, 3 million times).
 * Instead a worker numbers the strings as it first sends them
 * (`StringNumbering`) and sends a header's strings as those numbers; the
 * main thread shares each string once, when it arrives, and reads the
 * numbers of a header from an array (`RelayedStrings`).
 */

/** Marks a header with no section among its string numbers. */
const NONE = 0xffffffff;

/** A record header as a worker sends it: its URL, section, tags and link targets as the numbers of their strings. */
export interface RelayedRecordHeader extends Omit<PageRecordHeader, 'url' | 'section' | 'tags' | 'targetUrls'> {
	/** The URL's number, the section's (`NONE` for none), how many tags, the tags', then the link targets'. */
	readonly stringNumbers: Uint32Array;
}

/** A page record as a worker sends it (`RelayedStrings.record` makes it a `PageRecord`). */
export interface RelayedPageRecord {
	readonly header: RelayedRecordHeader;
	readonly blob: Uint8Array | BlobOnDisk;
}

/** Strings a sender numbered, the first numbered `first`, the others after it in order. */
export interface FreshStrings {
	readonly first: number;
	readonly strings: readonly string[];
}

/** The sending side: numbers each string the first time it is sent, and collects those not sent yet. */
export class StringNumbering {
	private readonly numbers = new Map<string, number>();
	private fresh: string[] = [];

	/** How many numbers a header's strings take (`write` writes them). */
	static count(header: PageRecordHeader): number {
		return 3 + header.tags.length + header.targetUrls.length;
	}

	/** Writes the numbers of `header`'s URL, section, tags and targets into `into` from `at`. */
	write(header: PageRecordHeader, into: Uint32Array, at: number): void {
		into[at++] = this.numberOf(header.url);
		into[at++] = header.section === undefined ? NONE : this.numberOf(header.section);
		into[at++] = header.tags.length;
		for (const tag of header.tags) {
			into[at++] = this.numberOf(tag);
		}
		for (const url of header.targetUrls) {
			into[at++] = this.numberOf(url);
		}
	}

	/** The strings numbered since the last call, in the order of their numbers: sent with the headers that use them. */
	takeFresh(): FreshStrings {
		const fresh = { first: this.numbers.size - this.fresh.length, strings: this.fresh };
		this.fresh = [];
		return fresh;
	}

	private numberOf(value: string): number {
		let number = this.numbers.get(value);
		if (number === undefined) {
			number = this.numbers.size;
			// A URL is a slice of the page's text: kept as a key, it would keep the whole text.
			const flat = detach(value);
			this.numbers.set(flat, number);
			this.fresh.push(flat);
		}
		return number;
	}
}

/**
 * The receiving side, one per sender: the strings received so far, each
 * shared through the service's pool once. Strings must be added in the
 * order they were sent, before the headers that use them are read.
 */
export class RelayedStrings {
	private readonly strings: string[] = [];

	constructor(private readonly pool: StringPool) { }

	/** Takes strings a sender numbered (`StringNumbering.takeFresh`), copies fresh from another thread; they must follow those taken before. */
	add(fresh: FreshStrings): void {
		if (fresh.first !== this.strings.length) {
			throw new Error(`relayed strings from ${fresh.first} received after ${this.strings.length} strings: one was lost or came out of order`);
		}
		for (const value of fresh.strings) {
			this.strings.push(this.pool.intern(value, true));
		}
	}

	/** The record a relayed one stands for, its header's URL, section, tags and targets strings of the pool (`sharedBy`). */
	record(relayed: RelayedPageRecord): PageRecord {
		const relayedHeader = relayed.header;
		const numbers = relayedHeader.stringNumbers;
		const strings = this.strings;
		const stringAt = (at: number): string => {
			const value = strings[numbers[at]];
			if (value === undefined) {
				throw new Error(`a relayed header names string ${numbers[at]}, not received`);
			}
			return value;
		};
		const url = stringAt(0);
		const section = numbers[1] === NONE ? undefined : stringAt(1);
		const tagCount = numbers[2];
		// Lists of their exact length (kept by the stored header: a list pushed to keeps spare room).
		const tags = new Array<string>(tagCount);
		for (let i = 0; i < tagCount; i++) {
			tags[i] = stringAt(3 + i);
		}
		const firstTarget = 3 + tagCount;
		const targetUrls = new Array<string>(numbers.length - firstTarget);
		for (let i = 0; i < targetUrls.length; i++) {
			targetUrls[i] = stringAt(firstTarget + i);
		}
		let header: PageRecordHeader;
		if (hasRareParts(relayedHeader)) {
			// Rare: every field, whatever they are.
			const { stringNumbers: _numbers, ...rest } = relayedHeader;
			header = { ...rest, url, section, tags, targetUrls };
		} else {
			// The fields `splitPageParts` makes, written out (a rest pattern and a spread cost more than the rest of this).
			const h = relayedHeader;
			header = {
				path: h.path, url, section, title: h.title, aliases: h.aliases, tags, frontmatter: h.frontmatter, nameSpellings: h.nameSpellings, textLength: h.textLength,
				targetUrls, numbers: h.numbers, spanNumbers: h.spanNumbers, linkSpellings: h.linkSpellings, mayBeTitledFromSlug: h.mayBeTitledFromSlug,
			};
		}
		return { header, blob: relayed.blob, sharedBy: this.pool };
	}
}
