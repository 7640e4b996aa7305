import type { LineStarts } from '../text/lineIndex';
import { countLinkSpellings, type LinkSpellings } from './linkSpellings';
import { destinationPath } from '../vault/vaultPaths';
import type { FrontmatterField } from './frontmatter';
import type { DefinitionTerm, FootnoteReference, Heading, HtmlAnchor, Span } from './markdownTypes';
import type { ShortcodeCall } from './shortcodeCalls';
import { flatFrontmatterData, pageSummaryToParts, summarizePageParts, type PageSummaries, type PageSummaryParts } from './pageSummary';
import type { PageFootnoteDefinition, PageFrontmatter, PageLink, PageSummary } from './pageSummaryTypes';
import { FRONTMATTER_FIELD, HEADING, LINK, LINK_FLAGS, PART_ORDER, PARTS, type PartName } from './pageSummaryLayout';
import { RecentlyUsed } from './stringPool';
import { withSiteUrls } from './siteParts';

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

/** The plain data of a summary the header does not carry: what the blob encodes. */
export type PageRecordBody = Pick<PageSummaryParts, 'numbers' | 'strings' | 'referenceLabels' | 'linkTargetUrls' | 'htmlAnchors' | 'definitionTerms' | 'counts' | 'codeRegions'>;

export interface PageRecordHeader extends Omit<PageSummaryParts, keyof PageRecordBody> {
	/** `PageSummary.targetUrls`. */
	readonly targetUrls: readonly string[];
	/** Per link to a page, in order: the index of its target in `targetUrls`, then its span's start and end. */
	readonly targetSpans: Uint32Array;
	readonly linkSpellings: LinkSpellings;
	/** `PageSummary.mayBeTitledFromSlug`. */
	readonly mayBeTitledFromSlug: boolean;
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

/** Where the numbers and strings of a kind of item start in a summary's plain data. */
function startOf(parts: Pick<PageSummaryParts, 'counts'>, which: PartName): { numbers: number; strings: number; count: number } {
	let numbers = 0;
	let strings = 0;
	const index = PART_ORDER.indexOf(which);
	for (let before = 0; before < index; before++) {
		numbers += parts.counts[before] * PARTS[PART_ORDER[before]].numbers;
		strings += parts.counts[before] * PARTS[PART_ORDER[before]].strings;
	}
	return { numbers, strings, count: parts.counts[index] };
}

/** A summary's plain data split into a record's header and body (the body is encoded by the caller). */
export function splitPageParts(parts: PageSummaryParts): { header: PageRecordHeader; body: PageRecordBody } {
	const { numbers, strings, referenceLabels, linkTargetUrls, htmlAnchors, definitionTerms, counts, codeRegions, ...rest } = parts;
	const body: PageRecordBody = { numbers, strings, referenceLabels, linkTargetUrls, htmlAnchors, definitionTerms, counts, codeRegions };
	const linkCount = counts[PART_ORDER.indexOf('links')];
	const targetOf = (i: number): string => {
		if ((numbers[i * LINK.numbers + LINK.at.flags] & LINK_FLAGS.pageTarget) === 0) {
			return '';
		}
		return linkTargetUrls?.[i] || destinationPath(strings[i * LINK.strings + LINK.at.destination]);
	};
	const targets = new Map<string, number>();
	const spans: number[] = [];
	for (let i = 0; i < linkCount; i++) {
		const url = targetOf(i);
		if (url !== '') {
			let which = targets.get(url);
			if (which === undefined) {
				which = targets.size;
				targets.set(url, which);
			}
			spans.push(which, numbers[i * LINK.numbers + LINK.at.span], numbers[i * LINK.numbers + LINK.at.span + 1]);
		}
	}
	const headings = startOf(parts, 'headings');
	const fields = startOf(parts, 'fields');
	let hasH1 = false;
	for (let i = 0; i < headings.count && !hasH1; i++) {
		hasH1 = numbers[headings.numbers + i * HEADING.numbers + HEADING.at.level] === 1;
	}
	let hasTitleField = false;
	for (let i = 0; i < fields.count && !hasTitleField; i++) {
		hasTitleField = strings[fields.strings + i * FRONTMATTER_FIELD.strings + FRONTMATTER_FIELD.at.key] === 'title';
	}
	const data = parts.frontmatter.data;
	const header: PageRecordHeader = {
		...rest,
		targetUrls: [...targets.keys()],
		targetSpans: Uint32Array.from(spans),
		linkSpellings: countLinkSpellings(linkCount, i => (targetOf(i) === '' ? '' : strings[i * LINK.strings + LINK.at.destination])),
		mayBeTitledFromSlug: data !== undefined && data.title === undefined && !hasTitleField && !hasH1,
	};
	return { header, body };
}

/** A summary's plain data made again from a record's header and decoded body. */
export function joinPageParts(header: PageRecordHeader, body: PageRecordBody): PageSummaryParts {
	// Written out: an object spread of the header is most of the time of expanding a page.
	return {
		path: header.path, url: header.url, section: header.section, title: header.title, aliases: header.aliases, tags: header.tags, textLength: header.textLength,
		frontmatter: header.frontmatter, nameSpellings: header.nameSpellings, ...(header.shortcodeCalls === undefined ? {} : { shortcodeCalls: header.shortcodeCalls }),
		...(header.siteKey === undefined ? {} : { siteKey: header.siteKey }),
		numbers: body.numbers, strings: body.strings, referenceLabels: body.referenceLabels, linkTargetUrls: body.linkTargetUrls, htmlAnchors: body.htmlAnchors,
		definitionTerms: body.definitionTerms, counts: body.counts, codeRegions: body.codeRegions, lineStarts: header.lineStarts,
	};
}

/** A page record of a summary (a stored page hands back its own). */
export function pageRecordOf(summary: PageSummary, codec: PageCodec): PageRecord & { readonly blob: Uint8Array } {
	if (summary instanceof StoredPageSummary) {
		return { header: summary.header, blob: summary.blob };
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

/**
 * The stored pages of one vault: the summaries they expand into (and their
 * shared strings), the codec of their blobs, and the pages last expanded.
 */
export class StoredPages {
	/** Pages kept expanded: one page's diagnostics expand the pages it links to (their anchors), requests come back to the same few. */
	readonly expanded: RecentlyUsed<StoredPageSummary, PageSummary>;

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

class StoredFrontmatter implements PageFrontmatter {
	constructor(private readonly owner: StoredPageSummary, private readonly parts: PageRecordHeader['frontmatter']) { }

	get data(): Readonly<Record<string, unknown>> | undefined { return this.parts.data; }
	get present(): boolean { return this.parts.present; }
	get span(): Span { return this.parts.span; }
	get bodyStart(): number { return this.parts.bodyStart; }
	get closingFenceStart(): number | undefined { return this.parts.closingFenceStart; }
	get problems(): PageFrontmatter['problems'] { return this.parts.problems; }
	get links(): PageFrontmatter['links'] { return this.parts.links ?? NO_LINKS; }
	get fields(): readonly FrontmatterField[] { return this.owner.expand().frontmatter.fields; }
}

/**
 * A page summary made from a page record: what the index reads of every page
 * comes from the header, everything else from the summary its blob expands
 * into, kept for the pages last used (`StoredPages.expanded`).
 */
export class StoredPageSummary implements PageSummary {
	readonly path: string;
	/** The header, its strings shared with the other pages; undefined until the encoded one is first read. */
	private decoded: PageRecordHeader | undefined;
	/** The header as the persisted index holds it, until first read. */
	private encoded: Uint8Array | undefined;
	/** The blob in memory, or the file it is kept in (at `slot`). */
	private stored: Uint8Array | PageBlobFile;
	private slot = 0;

	constructor(private readonly home: StoredPages, record: PageRecord | EncodedPageRecord) {
		if ('path' in record) {
			this.path = record.path;
			this.encoded = record.header;
		} else {
			this.path = record.header.path;
			this.decoded = this.shared(record.header);
		}
		if (record.blob instanceof Uint8Array) {
			this.stored = record.blob;
		} else {
			this.stored = record.blob.file;
			this.slot = record.blob.slot;
		}
	}

	/** The header, its strings shared with the other pages (the header given is dropped). */
	get header(): PageRecordHeader {
		if (this.decoded === undefined) {
			this.decoded = this.shared(this.home.codec.decodeHeader!(this.encoded!));
			this.encoded = undefined;
		}
		return this.decoded;
	}

	/** The header's bytes as the persisted index holds them, while never decoded (written back as they are). */
	get encodedHeader(): Uint8Array | undefined {
		return this.encoded;
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

	/** Keeps the blob in `file` (its bytes there, at `slot`, are this page's) and lets go of it in memory. */
	keepBlobIn(file: PageBlobFile, slot: number): void {
		this.stored = file;
		this.slot = slot;
	}

	private shared(header: PageRecordHeader): PageRecordHeader {
		const pool = this.home.summaries.strings;
		const share = (value: string): string => pool.intern(value, true);
		const data = header.frontmatter.data;
		const aliases = header.aliases.length === 0 ? NO_STRINGS : header.aliases;
		return {
			...header,
			url: share(header.url),
			section: header.section === undefined ? undefined : share(header.section),
			aliases,
			tags: header.tags.length === 0 ? NO_STRINGS : header.tags.map(share),
			targetUrls: header.targetUrls.length === 0 ? NO_STRINGS : header.targetUrls.map(share),
			nameSpellings: header.nameSpellings?.map(share),
			frontmatter: { ...header.frontmatter, data: data === undefined ? undefined : flatFrontmatterData(pool, data, header.title, aliases, true) },
		};
	}

	get url(): string { return this.header.url; }
	get section(): string | undefined { return this.header.section; }
	get title(): string { return this.header.title; }
	get aliases(): readonly string[] { return this.header.aliases; }
	get tags(): readonly string[] { return this.header.tags; }
	get targetUrls(): readonly string[] { return this.header.targetUrls; }
	get frontmatter(): PageFrontmatter { return new StoredFrontmatter(this, this.header.frontmatter); }
	get textLength(): number { return this.header.textLength; }
	get linkSpellings(): LinkSpellings { return this.header.linkSpellings; }
	get mayBeTitledFromSlug(): boolean { return this.header.mayBeTitledFromSlug; }
	get shortcodeCalls(): readonly ShortcodeCall[] { return this.header.shortcodeCalls ?? NO_CALLS; }

	linkSpansTo(url: string): Span[] {
		const which = this.targetUrls.indexOf(url);
		const spans: Span[] = [];
		const triples = this.header.targetSpans;
		for (let i = 0; which >= 0 && i < triples.length; i += 3) {
			if (triples[i] === which) {
				spans.push({ start: triples[i + 1], end: triples[i + 2] });
			}
		}
		return spans;
	}

	nameSpellingFor(url: string): string | undefined {
		const pairs = this.header.nameSpellings;
		for (let i = 0; pairs !== undefined && i < pairs.length; i += 2) {
			if (pairs[i] === url) {
				return pairs[i + 1];
			}
		}
		return undefined;
	}

	get nameSpellingUrls(): readonly string[] {
		return this.header.nameSpellings?.filter((_, i) => i % 2 === 0) ?? NO_STRINGS;
	}

	/** The plain data of this page (its blob decoded). */
	toParts(): PageSummaryParts {
		return joinPageParts(this.header, this.home.codec.decode(this.blob));
	}

	/** The summary this record expands into, kept while the page is among the last used. */
	expand(): PageSummary {
		let summary = this.home.expanded.get(this);
		if (summary === undefined) {
			summary = this.home.summaries.transientFromParts(this.toParts());
			this.home.expanded.set(this, summary);
		}
		return summary;
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
