import type { Range } from 'vscode-languageserver-types';
import { rangeInLines, type LineStarts } from '../text/lineIndex';
import type { LinkSpellings } from './linkSpellings';
import { bodyHeadings, joinPageParts, splitPageParts, type PageRecordBody, type PageRecordHeader } from './pageRecord';
import { isSlugTitle, slugOfUrl, titleFromSlug } from '../vault/vaultPaths';
import type { FrontmatterField, FrontmatterProblem } from './frontmatter';
import type { FrontmatterLink } from './frontmatterLinks';
import type { DefinitionTerm, FootnoteReference, Heading, HtmlAnchor, Span } from './markdownTypes';
import type { ShortcodeCall } from './shortcodeCalls';
import { flatFrontmatterData, pageSummaryToParts, summarizePageParts, type PageSummaries, type PageSummaryParts } from './pageSummary';
import type { AnchorSource, PageFootnoteDefinition, PageFrontmatter, PageLink, PageSummary } from './pageSummaryTypes';
import { RecentlyUsed, type StringPool } from './stringPool';
import { withSiteUrls } from './siteParts';
import { NumberSlabs } from './numberSlabs';

/**
 * A page record: what a worker thread makes of a page and what the persisted
 * index stores. Its header is what the index and the features that look at
 * many pages read (names, link targets and their spans, frontmatter data);
 * its blob is the rest of the summary, encoded by the transport's codec and
 * decoded only when a feature looks at the page itself.
 */
export interface PageRecord {
	readonly header: PageRecordHeader;
	readonly blob: Uint8Array | BlobOnDisk;
	/** The pool whose strings the header's URL, section, tags and target URLs already are (relayedStrings.ts): not shared again. */
	readonly sharedBy?: StringPool;
}

/**
 * A file of blobs (the persisted index's) the transport reads on demand, so
 * a page's blob need not stay in memory once written there.
 */
export interface PageBlobFile {
	/** The blob in `slot`, whole and intact; undefined when it cannot be (the file closed, cut short, damaged, unreadable). */
	read(slot: number): Uint8Array | undefined;
}

/** Where a blob kept on disk lies: its file and its slot there. */
export interface BlobOnDisk {
	readonly file: PageBlobFile;
	readonly slot: number;
}

/** Encodes a record's body into its blob and back (the transport's is `v8.serialize`; see `JSON_PAGE_CODEC`). */
export interface PageCodec {
	encode(body: PageRecordBody): Uint8Array;
	decode(blob: Uint8Array): PageRecordBody;
	/** Decodes a header the transport encoded (the persisted index's); without it, stored headers are not read lazily. */
	decodeHeader?(bytes: Uint8Array): PageRecordHeader;
}

/**
 * A record as the persisted index holds it: the page's path, its header
 * still encoded (decoded by the codec on first use), its blob.
 */
export interface EncodedPageRecord {
	readonly path: string;
	readonly header: Uint8Array;
	readonly blob: Uint8Array | BlobOnDisk;
}

type JsonBody = Omit<PageRecordBody, 'numbers' | 'referenceLabels'> & {
	readonly numbers: number[]; readonly wide: boolean; readonly referenceLabels: (string | null)[] | undefined;
};

/** A codec in plain JavaScript (JSON as UTF-8), for a service run without a transport (tests, in-memory vaults). */
export const JSON_PAGE_CODEC: PageCodec = Object.freeze({
	encode(body: PageRecordBody): Uint8Array {
		const json: JsonBody = {
			...body, numbers: Array.from(body.numbers), wide: body.numbers instanceof Uint32Array,
			referenceLabels: body.referenceLabels?.map(label => label ?? null),
		};
		return new TextEncoder().encode(JSON.stringify(json));
	},
	decode(blob: Uint8Array): PageRecordBody {
		const json = JSON.parse(new TextDecoder().decode(blob)) as JsonBody;
		return {
			...json, numbers: json.wide ? Uint32Array.from(json.numbers) : Uint16Array.from(json.numbers),
			referenceLabels: json.referenceLabels?.map(label => label ?? undefined),
		};
	},
});

/** A page record of a summary (a stored page hands back its own). */
export function pageRecordOf(summary: PageSummary, codec: PageCodec): PageRecord & { readonly blob: Uint8Array } {
	if (summary instanceof StoredPageSummary) {
		return { header: summary.header.toRecordHeader(summary.path), blob: summary.blob };
	}
	const { header, body } = splitPageParts(pageSummaryToParts(summary));
	return { header, blob: codec.encode(body) };
}

/** The plain data of any summary (a stored page is decoded). */
export function summaryParts(summary: PageSummary): PageSummaryParts {
	return summary instanceof StoredPageSummary ? summary.toParts() : pageSummaryToParts(summary);
}

const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_CALLS: readonly ShortcodeCall[] = Object.freeze([]);
const NO_LINKS: PageFrontmatter['links'] = Object.freeze([]);
const NO_ANCHORS: readonly HtmlAnchor[] = Object.freeze([]);
const NO_TERMS: readonly DefinitionTerm[] = Object.freeze([]);

/**
 * The stored pages of one vault: the summaries they expand into (and their
 * shared strings), the codec of their blobs, and the pages last expanded.
 */
export class StoredPages {
	/** Pages kept expanded: one page's diagnostics expand the pages it links to (their anchors), requests come back to the same few. */
	readonly expanded: RecentlyUsed<StoredPageSummary, PageSummary>;
	/** Where the headers keep their numbers. */
	readonly slabs = new NumberSlabs();

	/**
	 * `reread`: the page's plain data read and parsed again by the transport,
	 * for a blob on disk that cannot be read (undefined when the page cannot be either).
	 */
	constructor(
		readonly summaries: PageSummaries, readonly codec: PageCodec = JSON_PAGE_CODEC, keep = 256,
		private readonly reread: (path: string) => PageSummaryParts | undefined = () => undefined,
	) {
		this.expanded = new RecentlyUsed(keep);
	}

	/**
	 * The bytes of a blob: read from its file when kept on disk; when that
	 * fails, the page is read and parsed again (`reread`) and its body encoded
	 * (an empty page's when it cannot be read either: it is gone, and taken
	 * out when the transport finds out); never throws.
	 */
	blobBytes(path: string, blob: Uint8Array | BlobOnDisk): { bytes: Uint8Array; reparsed: boolean } {
		if (blob instanceof Uint8Array) {
			return { bytes: blob, reparsed: false };
		}
		const bytes = blob.file.read(blob.slot);
		if (bytes !== undefined) {
			return { bytes, reparsed: false };
		}
		let parts: PageSummaryParts | undefined;
		try {
			parts = this.reread(path);
		} catch {
			parts = undefined;
		}
		const plain = withSiteUrls(parts ?? summarizePageParts(path, ''), this.summaries.site);
		return { bytes: this.codec.encode(splitPageParts(plain).body), reparsed: true };
	}

	/**
	 * A summary of a record (its header's strings shared with the other
	 * pages, its blob kept as it is); of an encoded record, a summary that
	 * decodes its header on first use (the codec must have `decodeHeader`).
	 */
	summaryOf(record: PageRecord | EncodedPageRecord): StoredPageSummary {
		return new StoredPageSummary(this, record);
	}
}

const NO_PROBLEMS: readonly FrontmatterProblem[] = Object.freeze([]);

/**
 * A header's `url, spelling` pairs with their URLs shared: a URL among its
 * shared targets (every one is, mostly in their order) is that target, not
 * looked up in the pool; any other through `share`. The spellings are left
 * as they are (most become a bit of `slugSpelled`: only those kept are shared).
 */
function shareSpellingUrls(pairs: readonly string[], targets: readonly string[], share: (value: string) => string): string[] {
	const shared: string[] = [];
	for (let i = 0, next = 0; i < pairs.length; i += 2) {
		const url = pairs[i];
		const which = targets[next] === url ? next : targets.indexOf(url);
		next = which >= 0 ? which + 1 : next;
		shared.push(which >= 0 ? targets[which] : share(url), pairs[i + 1]);
	}
	return shared;
}

/** Targets whose name spelling, when it is their slug title, is one bit of a small integer. */
const SLUG_SPELLED_TARGETS = 30;

/**
 * The header's numbers that are not lists, before its link spans and line
 * starts in its slab (`StoredHeader.slab`): a field each would take 8
 * bytes, here 2 (4 in a page of 64 KiB or more). `slugSpelled` takes two
 * (16 bits each); `recordNumbers` is the length of `PageRecordHeader.numbers`.
 */
const AT = Object.freeze({
	textLength: 0, slugSpelledLow: 1, slugSpelledHigh: 2, absoluteLinks: 3, relativeLinks: 4,
	spanStart: 5, spanEnd: 6, bodyStart: 7, closingFenceStartPlusOne: 8, spanNumbers: 9, flags: 10, recordNumbers: 11,
});
const HEAD = 12;
const FLAG = Object.freeze({ present: 1, mayBeTitledFromSlug: 2, toml: 4 });

/** What few headers have (none in most vaults), kept in one object. */
interface RareParts {
	readonly shortcodeCalls: readonly ShortcodeCall[] | undefined;
	readonly siteKey: string | undefined;
	readonly problems: readonly FrontmatterProblem[];
	readonly frontmatterLinks: readonly FrontmatterLink[] | undefined;
}

/**
 * A page record's header as a stored page keeps it (what the index reads of
 * every page): its fields flat in one object of one shape (no nested
 * frontmatter, span or link-spelling objects), its strings shared with the
 * other pages, empty lists shared, the fields few pages have in one object
 * (none when a page has none), and its numbers, then the link spans and
 * line starts, in a typed array shared with other pages (numberSlabs.ts;
 * 16-bit when the page is shorter than 64 KiB).
 */
export class StoredHeader {
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly targetUrls: readonly string[];
	/** The other name spellings, `url, spelling` pairs; undefined when none. */
	private readonly otherSpellings: readonly string[] | undefined;
	readonly data: Readonly<Record<string, unknown>> | undefined;
	/** Shortcode calls, a site key, frontmatter problems and links; undefined when the page has none. */
	private readonly rare: RareParts | undefined;
	/** From `at`: the numbers at `AT`, then `PageRecordHeader.numbers` (the link spans, `spanNumbers` numbers, then the line starts), in a slab shared with other pages. */
	private readonly slab: Uint16Array | Uint32Array;
	private readonly at: number;

	/**
	 * The header's strings are shared through `pool`, its numbers copied into
	 * `slabs` (the header given is dropped). `shared`: its URL, section, tags
	 * and target URLs are the pool's strings already (`PageRecord.sharedBy`).
	 */
	constructor(header: PageRecordHeader, pool: StringPool, slabs: NumberSlabs, shared = false) {
		const share = (value: string): string => pool.intern(value, true);
		const frontmatter = header.frontmatter;
		this.url = shared ? header.url : share(header.url);
		this.section = header.section === undefined || shared ? header.section : share(header.section);
		this.title = header.title;
		this.aliases = header.aliases.length === 0 ? NO_STRINGS : header.aliases;
		this.tags = header.tags.length === 0 ? NO_STRINGS : shared ? header.tags : header.tags.map(share);
		this.targetUrls = header.targetUrls.length === 0 ? NO_STRINGS : shared ? header.targetUrls : header.targetUrls.map(share);
		let slugSpelled = 0;
		let others: string[] | undefined;
		// Spellings come in the order of their targets unless a later link to a target was the first spelled one: then all are kept as pairs.
		const spellings = header.nameSpellings === undefined ? undefined : shareSpellingUrls(header.nameSpellings, this.targetUrls, share);
		let ascending = true;
		for (let i = 0, last = -1; spellings !== undefined && i < spellings.length && ascending; i += 2) {
			last = this.targetUrls.indexOf(spellings[i], last + 1);
			ascending = last >= 0;
		}
		for (let i = 0, which = -1; ascending && spellings !== undefined && i < spellings.length; i += 2) {
			which = this.targetUrls.indexOf(spellings[i], which + 1);
			if (which < SLUG_SPELLED_TARGETS && isSlugTitle(spellings[i + 1], spellings[i])) {
				slugSpelled |= 1 << which;
			} else {
				(others ??= []).push(spellings[i], spellings[i + 1]);
			}
		}
		// All of them kept as pairs when not in order (or none is a slug title): the list shared. The spellings kept shared.
		const kept = slugSpelled === 0 ? spellings : others;
		for (let i = 1; kept !== undefined && i < kept.length; i += 2) {
			kept[i] = share(kept[i]);
		}
		this.otherSpellings = slugSpelled === 0 ? spellings : others?.slice();
		const rare = header.shortcodeCalls !== undefined || header.siteKey !== undefined || frontmatter.problems.length > 0 || frontmatter.links !== undefined;
		this.rare = !rare ? undefined : {
			shortcodeCalls: header.shortcodeCalls, siteKey: header.siteKey, problems: frontmatter.problems.length === 0 ? NO_PROBLEMS : frontmatter.problems, frontmatterLinks: frontmatter.links,
		};
		// Tags the same as the header's: one list for both.
		this.data = frontmatter.data === undefined ? undefined : flatFrontmatterData(pool, frontmatter.data, this.title, this.aliases, true, this.tags);
		const head = [
			header.textLength, slugSpelled & 0xffff, slugSpelled >>> 16, header.linkSpellings.absolute, header.linkSpellings.relative,
			frontmatter.span.start, frontmatter.span.end, frontmatter.bodyStart, frontmatter.closingFenceStart === undefined ? 0 : frontmatter.closingFenceStart + 1, header.spanNumbers,
			(frontmatter.present ? FLAG.present : 0) | (header.mayBeTitledFromSlug ? FLAG.mayBeTitledFromSlug : 0) | (frontmatter.toml === true ? FLAG.toml : 0),
			header.numbers.length,
		];
		const place = slabs.store(head, header.numbers);
		this.slab = place.slab;
		this.at = place.at;
	}

	get textLength(): number { return this.slab[this.at + AT.textLength]; }
	get mayBeTitledFromSlug(): boolean { return (this.slab[this.at + AT.flags] & FLAG.mayBeTitledFromSlug) !== 0; }
	get present(): boolean { return (this.slab[this.at + AT.flags] & FLAG.present) !== 0; }
	get tomlFrontmatter(): boolean { return (this.slab[this.at + AT.flags] & FLAG.toml) !== 0; }
	get bodyStart(): number { return this.slab[this.at + AT.bodyStart]; }
	get closingFenceStart(): number | undefined { return this.slab[this.at + AT.closingFenceStartPlusOne] === 0 ? undefined : this.slab[this.at + AT.closingFenceStartPlusOne] - 1; }
	get shortcodeCalls(): readonly ShortcodeCall[] | undefined { return this.rare?.shortcodeCalls; }
	get siteKey(): string | undefined { return this.rare?.siteKey; }
	get problems(): readonly FrontmatterProblem[] { return this.rare?.problems ?? NO_PROBLEMS; }
	get frontmatterLinks(): readonly FrontmatterLink[] | undefined { return this.rare?.frontmatterLinks; }

	/** Bit `i`: target `i` (below `SLUG_SPELLED_TARGETS`) has a name spelling, its slug title (`isSlugTitle`). */
	private get slugSpelled(): number {
		return this.slab[this.at + AT.slugSpelledLow] | (this.slab[this.at + AT.slugSpelledHigh] << 16);
	}

	/** Where the link spans end and the line starts begin in `slab`. */
	private get linesAt(): number {
		return this.at + HEAD + this.slab[this.at + AT.spanNumbers];
	}

	/** Where this page's numbers end in `slab`. */
	private get end(): number {
		return this.at + HEAD + this.slab[this.at + AT.recordNumbers];
	}

	get linkSpellings(): LinkSpellings {
		return { absolute: this.slab[this.at + AT.absoluteLinks], relative: this.slab[this.at + AT.relativeLinks] };
	}

	get span(): Span {
		return { start: this.slab[this.at + AT.spanStart], end: this.slab[this.at + AT.spanEnd] };
	}

	/** `PageSummary.linkSpansTo` of the target `which` of `targetUrls`. */
	linkSpansTo(which: number): Span[] {
		const spans: Span[] = [];
		const triples = this.slab;
		for (let i = this.at + HEAD, end = this.linesAt; which >= 0 && i < end; i += 3) {
			if (triples[i] === which) {
				spans.push({ start: triples[i + 1], end: triples[i + 2] });
			}
		}
		return spans;
	}

	/** Appends to `into` the ranges of `linkSpansTo(which)`, read straight from the typed array (no span object, no view of the line starts). */
	appendLinkRanges(which: number, into: Range[]): void {
		const numbers = this.slab;
		const linesAt = this.linesAt;
		const end = this.end;
		for (let i = this.at + HEAD; which >= 0 && i < linesAt; i += 3) {
			if (numbers[i] === which) {
				into.push(rangeInLines(numbers, linesAt, numbers[i + 1], numbers[i + 2], end));
			}
		}
	}

	/** A view. */
	get lineStarts(): LineStarts {
		return this.slab.subarray(this.linesAt, this.end);
	}

	/** `PageSummary.nameSpellingFor`. */
	nameSpellingFor(url: string): string | undefined {
		const which = this.slugSpelled === 0 ? -1 : this.targetUrls.indexOf(url);
		if (which >= 0 && which < SLUG_SPELLED_TARGETS && (this.slugSpelled & (1 << which)) !== 0) {
			return titleFromSlug(slugOfUrl(url));
		}
		const pairs = this.otherSpellings;
		for (let i = 0; pairs !== undefined && i < pairs.length; i += 2) {
			if (pairs[i] === url) {
				return pairs[i + 1];
			}
		}
		return undefined;
	}

	/** `PageSummary.nameSpellingUrls`: in the order of their targets when some are bits of `slugSpelled`. */
	get nameSpellingUrls(): readonly string[] {
		const others = this.otherSpellings;
		if (this.slugSpelled === 0) {
			return others?.filter((_, i) => i % 2 === 0) ?? NO_STRINGS;
		}
		return this.spellingPairs(() => '').filter((_, i) => i % 2 === 0);
	}

	/** `PageRecordHeader.nameSpellings`: `url, spelling` pairs in the order of `nameSpellingUrls`. */
	get nameSpellings(): readonly string[] | undefined {
		return this.spellings(url => titleFromSlug(slugOfUrl(url)));
	}

	/**
	 * `nameSpellings` with `undefined` in place of each spelling that is its
	 * URL's slug title (none made): what the persisted index writes as a bit.
	 */
	get nameSpellingsBesideSlugTitles(): readonly (string | undefined)[] | undefined {
		return this.spellings(() => undefined);
	}

	private spellings<T>(slugTitle: (url: string) => T): readonly (string | T)[] | undefined {
		const pairs = this.slugSpelled === 0 ? this.otherSpellings : this.spellingPairs(slugTitle);
		return pairs === undefined || pairs.length === 0 ? undefined : pairs;
	}

	/** The `url, spelling` pairs in target order, in one pass (their URLs are distinct); a slug title as `slugTitle` makes it. */
	private spellingPairs<T>(slugTitle: (url: string) => T): (string | T)[] {
		const others = this.otherSpellings ?? NO_STRINGS;
		const pairs: (string | T)[] = [];
		let next = 0;
		for (let i = 0; i < this.targetUrls.length; i++) {
			const url = this.targetUrls[i];
			if (i < SLUG_SPELLED_TARGETS && (this.slugSpelled & (1 << i)) !== 0) {
				pairs.push(url, slugTitle(url));
			} else if (others[next] === url) {
				pairs.push(url, others[next + 1]);
				next += 2;
			}
		}
		return pairs;
	}

	/** The header as a record holds it (for the persisted index and a page's plain data). */
	toRecordHeader(path: string, withNameSpellings = true): PageRecordHeader {
		const numbers = this.slab.slice(this.at + HEAD, this.end);
		// A page under 64 KiB has 16-bit numbers in its record (as `splitPageParts` makes them), whatever its head needed.
		return {
			path, url: this.url, section: this.section, title: this.title, aliases: this.aliases, tags: this.tags, textLength: this.textLength,
			frontmatter: {
				present: this.present, span: this.span, bodyStart: this.bodyStart, closingFenceStart: this.closingFenceStart, problems: this.problems, data: this.data,
				...(this.frontmatterLinks === undefined ? {} : { links: this.frontmatterLinks }), ...(this.tomlFrontmatter ? { toml: true } : {}),
			},
			nameSpellings: withNameSpellings ? this.nameSpellings : undefined,
			...(this.shortcodeCalls === undefined ? {} : { shortcodeCalls: this.shortcodeCalls }),
			...(this.siteKey === undefined ? {} : { siteKey: this.siteKey }),
			numbers: this.textLength < 0x10000 && numbers instanceof Uint32Array ? Uint16Array.from(numbers) : numbers,
			spanNumbers: this.slab[this.at + AT.spanNumbers],
			targetUrls: this.targetUrls,
			linkSpellings: this.linkSpellings,
			mayBeTitledFromSlug: this.mayBeTitledFromSlug,
		};
	}
}

class StoredFrontmatter implements PageFrontmatter {
	constructor(private readonly owner: StoredPageSummary, private readonly header: StoredHeader) { }

	get data(): Readonly<Record<string, unknown>> | undefined { return this.header.data; }
	get present(): boolean { return this.header.present; }
	get span(): Span { return this.header.span; }
	get bodyStart(): number { return this.header.bodyStart; }
	get closingFenceStart(): number | undefined { return this.header.closingFenceStart; }
	get problems(): PageFrontmatter['problems'] { return this.header.problems; }
	get links(): PageFrontmatter['links'] { return this.header.frontmatterLinks ?? NO_LINKS; }
	get toml(): boolean { return this.header.tomlFrontmatter; }
	get fields(): readonly FrontmatterField[] { return this.owner.expand().frontmatter.fields; }
}

/**
 * A page summary made from a page record: what the index reads of every page
 * comes from the header, everything else from the summary its blob expands
 * into, kept for the pages last used (`StoredPages.expanded`).
 */
export class StoredPageSummary implements PageSummary {
	readonly path: string;
	/**
	 * The header, its strings shared with the other pages; until it is first
	 * read, the record as the persisted index holds it (its header's bytes a
	 * view made then: none made on the path to ready). One field for both.
	 */
	private head: StoredHeader | EncodedPageRecord;
	/** The blob in memory, or the file it is kept in (at `slot`). */
	private stored: Uint8Array | PageBlobFile;
	private slot = 0;

	constructor(private readonly home: StoredPages, record: PageRecord | EncodedPageRecord) {
		if ('path' in record) {
			this.path = record.path;
			this.head = record;
		} else {
			this.path = record.header.path;
			this.head = new StoredHeader(record.header, home.summaries.strings, home.slabs, record.sharedBy === home.summaries.strings);
		}
		if (record.blob instanceof Uint8Array) {
			this.stored = record.blob;
		} else {
			this.stored = record.blob.file;
			this.slot = record.blob.slot;
		}
	}

	/** The header, its strings shared with the other pages (the header given is dropped). */
	get header(): StoredHeader {
		const head = this.head;
		if (head instanceof StoredHeader) {
			return head;
		}
		const decoded = new StoredHeader(this.home.codec.decodeHeader!(head.header), this.home.summaries.strings, this.home.slabs);
		this.head = decoded;
		return decoded;
	}

	/** The header's bytes as the persisted index holds them, while never decoded (written back as they are). */
	get encodedHeader(): Uint8Array | undefined {
		const head = this.head;
		return head instanceof StoredHeader ? undefined : head.header;
	}

	/** The blob's bytes (read from its file when kept there; see `StoredPages.blobBytes`). */
	get blob(): Uint8Array {
		if (this.stored instanceof Uint8Array) {
			return this.stored;
		}
		const { bytes, reparsed } = this.home.blobBytes(this.path, { file: this.stored, slot: this.slot });
		if (reparsed) {
			// Kept in memory from now on: its file is not read again.
			this.stored = bytes;
		}
		return bytes;
	}

	/** Whether the blob is kept in a file rather than in memory. */
	get blobOnDisk(): boolean {
		return !(this.stored instanceof Uint8Array);
	}

	/** The blob's slot in `file` when it is kept there (the page is then as it was when written there); undefined otherwise. */
	blobSlotIn(file: PageBlobFile): number | undefined {
		return this.stored === file ? this.slot : undefined;
	}

	/**
	 * Keeps the blob in `file` (its bytes there, at `slot`, are this page's)
	 * and lets go of it in memory. The persisted index is then written: the
	 * pool that shared the strings of the pages made together (a cold index)
	 * is let go too, the pages keeping what they share (not while more
	 * pages are coming that share them: `lettingPoolGo` false).
	 */
	keepBlobIn(file: PageBlobFile, slot: number, lettingPoolGo = true): void {
		this.stored = file;
		this.slot = slot;
		if (lettingPoolGo) {
			this.home.summaries.strings.forget();
		}
	}

	get url(): string { return this.header.url; }
	get section(): string | undefined { return this.header.section; }
	get title(): string { return this.header.title; }
	get aliases(): readonly string[] { return this.header.aliases; }
	get tags(): readonly string[] { return this.header.tags; }
	get targetUrls(): readonly string[] { return this.header.targetUrls; }
	get frontmatter(): PageFrontmatter { return new StoredFrontmatter(this, this.header); }
	get textLength(): number { return this.header.textLength; }
	get linkSpellings(): LinkSpellings { return this.header.linkSpellings; }
	get mayBeTitledFromSlug(): boolean { return this.header.mayBeTitledFromSlug; }
	get shortcodeCalls(): readonly ShortcodeCall[] { return this.header.shortcodeCalls ?? NO_CALLS; }

	linkSpansTo(url: string): Span[] {
		const header = this.header;
		return header.linkSpansTo(header.targetUrls.indexOf(url));
	}

	nameSpellingFor(url: string): string | undefined {
		return this.header.nameSpellingFor(url);
	}

	get nameSpellingUrls(): readonly string[] {
		return this.header.nameSpellingUrls;
	}

	/**
	 * The plain data of this page (its blob decoded); without its name
	 * spellings for the summary it expands into, which is asked only what the
	 * header does not answer (`nameSpellingFor` is the header's).
	 */
	toParts(withNameSpellings = true): PageSummaryParts {
		return joinPageParts(this.header.toRecordHeader(this.path, withNameSpellings), this.home.codec.decode(this.blob));
	}

	/** The summary this record expands into, kept while the page is among the last used. */
	expand(): PageSummary {
		let summary = this.home.expanded.get(this);
		if (summary === undefined) {
			summary = this.home.summaries.transientFromParts(this.toParts(false));
			this.home.expanded.set(this, summary);
		}
		return summary;
	}

	/**
	 * What the page's anchors are made of: the summary it is expanded into
	 * while that is kept, else its blob decoded alone, no summary made (a page
	 * linked with a `#fragment` is read for its anchor ids, which are then kept).
	 */
	anchorSource(): AnchorSource {
		const expanded = this.home.expanded.get(this);
		if (expanded !== undefined) {
			return expanded;
		}
		const body = this.home.codec.decode(this.blob);
		return { path: this.path, headings: bodyHeadings(body), htmlAnchors: body.htmlAnchors ?? NO_ANCHORS, definitionTerms: body.definitionTerms ?? NO_TERMS, shortcodeCalls: this.shortcodeCalls };
	}

	get links(): readonly PageLink[] { return this.expand().links; }
	get footnoteReferences(): readonly FootnoteReference[] { return this.expand().footnoteReferences; }
	get footnoteDefinitions(): readonly PageFootnoteDefinition[] { return this.expand().footnoteDefinitions; }
	get headings(): readonly Heading[] { return this.expand().headings; }
	get htmlAnchors(): readonly HtmlAnchor[] { return this.expand().htmlAnchors; }
	get definitionTerms(): readonly DefinitionTerm[] { return this.expand().definitionTerms; }
	/** In the header: references turn the link spans of thousands of linking pages into positions. */
	get lineStarts(): LineStarts { return this.header.lineStarts; }
	get codeRegions(): ArrayLike<number> { return this.expand().codeRegions; }

	isInCode(offset: number): boolean {
		return this.expand().isInCode(offset);
	}
}
