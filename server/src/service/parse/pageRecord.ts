import { countLinkSpellings, type LinkSpellings } from './linkSpellings';
import { destinationPath } from '../vault/vaultPaths';
import type { PageSummaryParts } from './pageSummary';
import { FRONTMATTER_FIELD, HEADING, headingAt, LINK, LINK_FLAGS, PART_ORDER, PARTS, type PartName } from './pageSummaryLayout';
import type { Heading } from './markdownTypes';

/**
 * A page record: a summary's plain data split into the header the index
 * reads of every page and the body its blob encodes, and joined again.
 */

/** The plain data of a summary the header does not carry: what the blob encodes. */
export type PageRecordBody = Pick<PageSummaryParts, 'numbers' | 'strings' | 'referenceLabels' | 'linkTargetUrls' | 'htmlAnchors' | 'definitionTerms' | 'counts' | 'codeRegions'>;

export interface PageRecordHeader extends Omit<PageSummaryParts, keyof PageRecordBody | 'lineStarts'> {
	/** `PageSummary.targetUrls`. */
	readonly targetUrls: readonly string[];
	/**
	 * Per link to a page, in order: the index of its target in `targetUrls`,
	 * then its span's start and end (`spanNumbers` numbers); then the page's
	 * line starts. 16-bit when the page is shorter than 64 KiB.
	 */
	readonly numbers: Uint16Array | Uint32Array;
	readonly spanNumbers: number;
	readonly linkSpellings: LinkSpellings;
	/** `PageSummary.mayBeTitledFromSlug`. */
	readonly mayBeTitledFromSlug: boolean;
}

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

/**
 * Whether a page's parts (or a header made of them) have the fields few pages
 * have, shortcode calls or a site key: such a header is copied whole, any
 * other has exactly the fields `splitPageParts` writes out.
 */
export function hasRareParts(parts: object): boolean {
	return 'shortcodeCalls' in parts || 'siteKey' in parts;
}

/** A summary's plain data split into a record's header and body (the body is encoded by the caller). */
export function splitPageParts(parts: PageSummaryParts): { header: PageRecordHeader; body: PageRecordBody } {
	const { numbers, strings, linkTargetUrls, counts, lineStarts } = parts;
	const body: PageRecordBody = {
		numbers, strings, referenceLabels: parts.referenceLabels, linkTargetUrls, htmlAnchors: parts.htmlAnchors, definitionTerms: parts.definitionTerms, counts, codeRegions: parts.codeRegions,
	};
	const linkCount = counts[PART_ORDER.indexOf('links')];
	const targetOf = (i: number): string => {
		if ((numbers[i * LINK.numbers + LINK.at.flags] & LINK_FLAGS.pageTarget) === 0) {
			return '';
		}
		return linkTargetUrls?.[i] || destinationPath(strings[i * LINK.strings + LINK.at.destination]);
	};
	const targets = new Map<string, number>();
	const spans: number[] = [];
	// Whether link `i` is to a page: its target worked out once, here.
	const toPage = new Uint8Array(linkCount);
	for (let i = 0; i < linkCount; i++) {
		const url = targetOf(i);
		if (url !== '') {
			toPage[i] = 1;
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
	const headerNumbers = parts.textLength < 0x10000 ? new Uint16Array(spans.length + lineStarts.length) : new Uint32Array(spans.length + lineStarts.length);
	headerNumbers.set(spans);
	headerNumbers.set(lineStarts, spans.length);
	const targetUrls = [...targets.keys()];
	const linkSpellings = countLinkSpellings(linkCount, i => (toPage[i] === 0 ? '' : strings[i * LINK.strings + LINK.at.destination]));
	const mayBeTitledFromSlug = data !== undefined && data.title === undefined && !hasTitleField && !hasH1;
	if (hasRareParts(parts)) {
		// Rare (and parts given back by a summary): every field the parts have but the body's, in their order.
		const { numbers: _n, strings: _s, referenceLabels: _r, linkTargetUrls: _l, htmlAnchors: _h, definitionTerms: _d, counts: _c, codeRegions: _cr, lineStarts: _ls, ...rest } = parts;
		return { header: { ...rest, targetUrls, numbers: headerNumbers, spanNumbers: spans.length, linkSpellings, mayBeTitledFromSlug }, body };
	}
	// The fields of parts as `summarizePageParts` makes them, in its order, written out: a rest
	// pattern and an object spread were a quarter of the time of splitting a page.
	const header: PageRecordHeader = {
		path: parts.path, url: parts.url, section: parts.section, title: parts.title, aliases: parts.aliases, tags: parts.tags, frontmatter: parts.frontmatter,
		nameSpellings: parts.nameSpellings, textLength: parts.textLength,
		targetUrls, numbers: headerNumbers, spanNumbers: spans.length, linkSpellings, mayBeTitledFromSlug,
	};
	return { header, body };
}

/** The headings a record's decoded body holds, read as a summary's view reads them (no summary made). */
export function bodyHeadings(body: PageRecordBody): Heading[] {
	const { numbers, strings, count } = startOf(body, 'headings');
	const headings: Heading[] = [];
	for (let i = 0; i < count; i++) {
		headings.push(headingAt(body.numbers, body.strings, numbers + i * HEADING.numbers, strings + i * HEADING.strings));
	}
	return headings;
}

/** A summary's plain data made again from a record's header and decoded body. */
export function joinPageParts(header: PageRecordHeader, body: PageRecordBody): PageSummaryParts {
	// Written out: an object spread of the header is most of the time of expanding a page.
	return {
		path: header.path, url: header.url, section: header.section, title: header.title, aliases: header.aliases, tags: header.tags, textLength: header.textLength,
		frontmatter: header.frontmatter, nameSpellings: header.nameSpellings, ...(header.shortcodeCalls === undefined ? {} : { shortcodeCalls: header.shortcodeCalls }),
		...(header.siteKey === undefined ? {} : { siteKey: header.siteKey }),
		numbers: body.numbers, strings: body.strings, referenceLabels: body.referenceLabels, linkTargetUrls: body.linkTargetUrls, htmlAnchors: body.htmlAnchors,
		definitionTerms: body.definitionTerms, counts: body.counts, codeRegions: body.codeRegions, lineStarts: Uint32Array.from(header.numbers.subarray(header.spanNumbers)),
	};
}

