import { computeLineStarts, type LineStarts } from '../text/lineIndex';
import { countLinkSpellings, type LinkSpellings } from './linkSpellings';
import { destinationFragment, destinationPath, resolveLinkDestination, pageUrlForPath, sectionOfPath, slugOfUrl, titleFromSlug, type LinkTarget } from '../vault/vaultPaths';
import { SiteUrls } from '../vault/siteUrls';
import { citationKey } from './citationKey';
import { nameSpellingOf, nameSpellingPairs, titleFromOwnText } from './nameSpelling';
import { frontmatterStrings, parseFrontmatter, type FrontmatterField, type FrontmatterProblem } from './frontmatter';
import { findFrontmatterLinks, type FrontmatterLink } from './frontmatterLinks';
import { scanMarkdown } from './markdown';
import { findShortcodeCalls, type ShortcodeCall } from './shortcodeCalls';
import { detach, RecentlyUsed, StringPool } from './stringPool';
import type { DefinitionTerm, FootnoteReference, Heading, HtmlAnchor, Span } from './markdownTypes';
import type { PageFootnoteDefinition, PageFrontmatter, PageLink, PageSummary } from './pageSummaryTypes';
import {
	CODE_REGION, FOOTNOTE_DEFINITION, FOOTNOTE_REFERENCE, FRONTMATTER_FIELD, HEADING, headingAt, LINK, LINK_FLAGS, LINK_KINDS, PART_ORDER, PARTS,
	packCounts, spanAt, unpackCount, type PackedNumbers, type PartName,
} from './pageSummaryLayout';

export type { PageFootnoteDefinition, PageFrontmatter, PageLink, PageSummary } from './pageSummaryTypes';

/**
 * The page's title is made from its slug's words (`mi6` → "Mi6", or "MI6"
 * as its summary writes them): it has parsed frontmatter without a `title`
 * field and no level-1 heading.
 */
export function isTitledFromSlug(page: PageSummary): boolean {
	const slugTitle = titleFromSlug(slugOfUrl(page.url));
	return slugTitle !== '' && page.title.toLowerCase() === slugTitle.toLowerCase() && page.mayBeTitledFromSlug;
}

/** `PageSummary.mayBeTitledFromSlug` from the summary's frontmatter and headings. */
function mayBeTitledFromSlug(page: Pick<PageSummary, 'frontmatter' | 'headings'>): boolean {
	const frontmatter = page.frontmatter;
	return frontmatter.data !== undefined && frontmatter.data.title === undefined && !frontmatter.fields.some(field => field.key === 'title')
		&& !page.headings.some(heading => heading.level === 1);
}

/** Removes a leading byte order mark; editors never show it and LSP positions do not count it. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const NO_PROBLEMS: readonly FrontmatterProblem[] = Object.freeze([]);
const NO_LINKS: readonly FrontmatterLink[] = Object.freeze([]);
const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_ANCHORS: readonly HtmlAnchor[] = Object.freeze([]);
const NO_TERMS: readonly DefinitionTerm[] = Object.freeze([]);
const NO_CALLS: readonly ShortcodeCall[] = Object.freeze([]);

/** The object views of a summary, one per kind of packed item (see pageSummaryLayout.ts). */
type Expanded = Pick<PageSummary, Exclude<PartName, 'fields'>> & Pick<PageFrontmatter, 'fields'>;

/** The object views of one page built so far. */
type Views = { -readonly [K in keyof Expanded]?: Expanded[K] };

/** How many pages keep their object views: requests touch a few pages many times. */
const RECENT_VIEWS = 64;

/**
 * Makes the summaries of one vault: it owns the pool their strings are shared
 * through and the object views of the pages last asked for.
 */
export class PageSummaries {
	readonly strings = new StringPool();
	readonly recentViews = new RecentlyUsed<PageSummary, Views>(RECENT_VIEWS);
	/** The site's URL rules the summaries were made under (parse/siteParts.ts): links not resolved at parse time resolve by them. */
	site = SiteUrls.PLAIN;

	summarize(path: string, text: string): PageSummary {
		return new CompactPageSummary(this, summarizePageParts(path, text), false);
	}

	/**
	 * A summary from plain data. `copied`: the parts crossed a thread or came
	 * from the persisted index, so their strings are fresh copies, not slices
	 * of a page text, and need no detaching.
	 */
	fromParts(parts: PageSummaryParts, copied = false): PageSummary {
		return new CompactPageSummary(this, parts, copied);
	}

	/** A summary of copied parts kept only a while (a stored page expanded): its strings are not added to the shared pool. */
	transientFromParts(parts: PageSummaryParts): PageSummary {
		return new CompactPageSummary(this, parts, true, false);
	}
}

/** The frontmatter as plain data: all but its fields, which are packed with the page's other items; `links` only when there are some. */
type FrontmatterParts = Omit<PageFrontmatter, 'fields' | 'links'> & { readonly links?: readonly FrontmatterLink[] };

class CompactFrontmatter implements PageFrontmatter {
	readonly present: boolean;
	readonly span: Span;
	readonly bodyStart: number;
	readonly closingFenceStart: number | undefined;
	readonly problems: readonly FrontmatterProblem[];
	readonly data: Readonly<Record<string, unknown>> | undefined;
	readonly links: readonly FrontmatterLink[];
	readonly toml: boolean;

	constructor(private readonly owner: CompactPageSummary, parts: FrontmatterParts) {
		this.present = parts.present;
		this.span = parts.span;
		this.bodyStart = parts.bodyStart;
		this.closingFenceStart = parts.closingFenceStart;
		this.problems = parts.problems;
		this.data = parts.data;
		this.links = parts.links ?? NO_LINKS;
		this.toml = parts.toml === true;
	}

	get fields(): readonly FrontmatterField[] {
		return this.owner.fields;
	}

	toParts(): FrontmatterParts {
		return {
			present: this.present, span: this.span, bodyStart: this.bodyStart, closingFenceStart: this.closingFenceStart, problems: this.problems, data: this.data,
			...(this.links.length > 0 ? { links: this.links } : {}), ...(this.toml ? { toml: true } : {}),
		};
	}
}

/** What a summary keeps of a page as it is given (its strings detached and shared). */
type PageSummaryHeader = Pick<PageSummary, 'path' | 'url' | 'section' | 'title' | 'aliases' | 'tags' | 'textLength'>;

/**
 * A page summary as plain data: what a worker thread sends back and what the
 * persisted index stores (structured-clone and `v8.serialize` friendly).
 */
export interface PageSummaryParts extends PageSummaryHeader {
	readonly frontmatter: FrontmatterParts;
	/** The items' numbers, kind after kind in `PART_ORDER`, each item as its layout in pageSummaryLayout.ts says. */
	readonly numbers: PackedNumbers;
	/** The items' strings, in the same order. */
	readonly strings: readonly string[];
	readonly referenceLabels: readonly (string | undefined)[] | undefined;
	/**
	 * Per link the URL of the page it points at when that is not its
	 * destination's path ('' otherwise: no page, or written as the URL);
	 * undefined when no link needs one.
	 */
	readonly linkTargetUrls: readonly string[] | undefined;
	/**
	 * `url, spelling` pairs, one per target URL: the text of the first link to
	 * it that is its slug title up to letter case (see `nameSpellingFor`);
	 * undefined when no link has one.
	 */
	readonly nameSpellings: readonly string[] | undefined;
	/** MarkdownScan.htmlAnchors; undefined when the page has none. */
	readonly htmlAnchors: readonly HtmlAnchor[] | undefined;
	/** MarkdownScan.definitionTerms; undefined when the page has none. */
	readonly definitionTerms: readonly DefinitionTerm[] | undefined;
	/** The body's shortcode calls with a quoted first argument (shortcodeCalls.ts); undefined when none. */
	readonly shortcodeCalls?: readonly ShortcodeCall[];
	/** The number of items of each kind, in `PART_ORDER`. */
	readonly counts: readonly number[];
	/** MarkdownScan.codeRegions: `start, end` pairs (`CODE_REGION`), kept after the items' numbers. */
	readonly codeRegions: readonly number[];
	readonly lineStarts: Uint32Array;
	/** The `SiteUrls.key` of the rules the URLs were made under; undefined for the plain vault model. */
	readonly siteKey?: string;
}

/** The buffers of a summary's plain data, which a worker thread transfers instead of copying. */
export function transferableBuffersOf(parts: PageSummaryParts): ArrayBuffer[] {
	return [parts.numbers.buffer as ArrayBuffer, parts.lineStarts.buffer as ArrayBuffer];
}

/** Parses a page into its summary's plain data. */
export function summarizePageParts(path: string, text: string): PageSummaryParts {
	const frontmatter = parseFrontmatter(text);
	const scan = scanMarkdown(text, frontmatter.bodyStart);
	const url = pageUrlForPath(path);
	const data = frontmatter.data;
	const frontmatterTitle = typeof data?.title === 'string' ? data.title.trim() : '';
	const firstH1 = scan.headings.find(heading => heading.level === 1);
	const title = frontmatterTitle || firstH1?.text.trim() || titleFromOwnText(text, frontmatter.bodyStart, data?.summary, titleFromSlug(slugOfUrl(url))) || path;

	const { links, footnoteReferences, footnoteDefinitions, headings } = scan;
	const fields = frontmatter.fields;
	const toml = frontmatter.present && text.startsWith('+++');
	// Links in TOML values are not looked for: a move would rewrite them as YAML.
	const frontmatterLinks = toml ? [] : findFrontmatterLinks(text, fields, data);
	const shortcodeCalls = findShortcodeCalls(text, frontmatter.bodyStart, scan.codeRegions);
	const items = { links, footnoteReferences, footnoteDefinitions, headings, fields } satisfies Record<PartName, readonly unknown[]>;
	// Every item's numbers, written in place: the layout says how many each takes.
	const numberCount = links.length * LINK.numbers + footnoteReferences.length * FOOTNOTE_REFERENCE.numbers + footnoteDefinitions.length * FOOTNOTE_DEFINITION.numbers
		+ headings.length * HEADING.numbers + fields.length * FRONTMATTER_FIELD.numbers;
	const numbers = text.length <= 0xffff ? new Uint16Array(numberCount) : new Uint32Array(numberCount);
	let at = 0;
	const strings: string[] = [];
	const linkTargetUrls: string[] = [];
	const nameSpellings = new Map<string, string>();
	let hasReferences = false;
	for (const link of links) {
		const target = resolveLinkDestination(link.destination, path);
		let flags = LINK_KINDS.indexOf(link.kind) | (link.isImage ? LINK_FLAGS.image : 0);
		if (target.kind === 'page') {
			flags |= LINK_FLAGS.pageTarget | (target.canonical ? LINK_FLAGS.canonical : 0) | (target.viaMarkdownPath ? LINK_FLAGS.markdownPath : 0);
		}
		LINK.write({ flags, span: link.span, textSpan: link.textSpan, destinationSpan: link.destinationSpan, destination: link.destination }, numbers, at, strings);
		at += LINK.numbers;
		linkTargetUrls.push(target.kind === 'page' && target.url !== destinationPath(link.destination) ? target.url : '');
		if (target.kind === 'page' && !link.isImage && !nameSpellings.has(target.url)) {
			const spelling = nameSpellingOf(text, link.textSpan, target.url);
			if (spelling !== undefined) {
				nameSpellings.set(target.url, spelling);
			}
		}
		hasReferences ||= link.referenceLabel !== undefined;
	}
	for (const reference of footnoteReferences) {
		FOOTNOTE_REFERENCE.write(reference, numbers, at, strings);
		at += FOOTNOTE_REFERENCE.numbers;
	}
	const firstCiting = new Map<string, number>();
	for (let i = 0; i < footnoteDefinitions.length; i++) {
		const definition = footnoteDefinitions[i];
		const key = citationKey(text, definition);
		const first = key === '' ? undefined : firstCiting.get(key);
		if (key !== '' && first === undefined) {
			firstCiting.set(key, i);
		}
		const sameTextAs = first !== undefined && footnoteDefinitions[first].label !== definition.label ? first + 1 : 0;
		FOOTNOTE_DEFINITION.write({ span: definition.span, markerSpan: definition.markerSpan, sameTextAs, label: definition.label, rawLabel: definition.rawLabel }, numbers, at, strings);
		at += FOOTNOTE_DEFINITION.numbers;
	}
	for (const heading of headings) {
		HEADING.write(heading, numbers, at, strings);
		at += HEADING.numbers;
	}
	for (const field of fields) {
		FRONTMATTER_FIELD.write(field, numbers, at, strings);
		at += FRONTMATTER_FIELD.numbers;
	}
	return {
		path,
		url,
		section: sectionOfPath(path),
		title,
		aliases: frontmatterStrings(data?.aliases),
		tags: frontmatterStrings(data?.tags),
		frontmatter: {
			present: frontmatter.present,
			span: frontmatter.span,
			bodyStart: frontmatter.bodyStart,
			closingFenceStart: frontmatter.closingFenceStart,
			problems: frontmatter.problems,
			data,
			...(frontmatterLinks.length > 0 ? { links: frontmatterLinks } : {}),
			...(toml ? { toml: true } : {}),
		},
		numbers,
		strings,
		referenceLabels: hasReferences ? links.map(link => link.referenceLabel) : undefined,
		linkTargetUrls: linkTargetUrls.some(url => url !== '') ? linkTargetUrls : undefined,
		nameSpellings: nameSpellings.size === 0 ? undefined : nameSpellingPairs(nameSpellings),
		htmlAnchors: scan.htmlAnchors.length === 0 ? undefined : scan.htmlAnchors,
		definitionTerms: scan.definitionTerms.length === 0 ? undefined : scan.definitionTerms,
		...(shortcodeCalls.length === 0 ? {} : { shortcodeCalls }),
		counts: PART_ORDER.map(part => items[part].length),
		codeRegions: scan.codeRegions,
		lineStarts: computeLineStarts(text),
		textLength: text.length,
	};
}

/**
 * The frontmatter data with its strings detached and shared, except the
 * page's own title and aliases: those are the summary's strings (no
 * second copy, and no entry in the shared pool for strings no other page has).
 */
export function flatFrontmatterData(
	pool: StringPool, data: Readonly<Record<string, unknown>>, title: string, aliases: readonly string[], alreadyFlat: boolean, tags?: readonly string[],
): Record<string, unknown> {
	const keys = Object.keys(data);
	const out = pool.objectWithKeys(keys);
	for (const key of keys) {
		const value = data[key];
		if (key === 'title' && typeof value === 'string') {
			out.title = value === title ? title : alreadyFlat ? value : detach(value);
		} else if (key === 'aliases' && isSameNonEmptyList(value, aliases)) {
			// The same names as the summary's aliases: one list for both.
			out.aliases = aliases;
		} else if (key === 'tags' && tags !== undefined && isSameNonEmptyList(value, tags)) {
			// The same names as the page's shared tags (`tags`, when given): one list for both.
			out.tags = tags;
		} else if (key === 'aliases' && Array.isArray(value)) {
			out.aliases = value.map(item => (typeof item === 'string' ? aliases.find(alias => alias === item) ?? (alreadyFlat ? item : detach(item)) : pool.internValue(item, alreadyFlat)));
		} else {
			// A property's key is a string V8 shares (internalizes) itself: not pooled.
			out[key] = pool.internValue(value, alreadyFlat);
		}
	}
	return out;
}

/** Whether a frontmatter value is a list holding exactly `list`'s names, in order, and at least one. */
function isSameNonEmptyList(value: unknown, list: readonly string[]): boolean {
	return Array.isArray(value) && value.length > 0 && value.length === list.length && value.every((item, i) => item === list[i]);
}

/**
 * A page summary stored compactly: every span of the page in one typed array
 * (16-bit when the page is shorter than 64 KiB), strings detached and shared,
 * and the usual object views (`links`, `headings`, …) built on demand and
 * cached for the few pages in use.
 */
class CompactPageSummary implements PageSummary {
	// The header (PageSummaryHeader).
	readonly path: string;
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly textLength: number;
	readonly frontmatter: CompactFrontmatter;
	/** The items' numbers (as in `PageSummaryParts.numbers`), then the code regions, then the line starts. */
	private readonly numbers: PackedNumbers;
	/** How many numbers the code regions take (`CODE_REGION.numbers` per region). */
	private readonly codeNumbers: number;
	private readonly lineCount: number;
	private readonly strings: readonly string[];
	private readonly referenceLabels: readonly (string | undefined)[] | undefined;
	private readonly linkTargetUrls: readonly string[] | undefined;
	private readonly nameSpellings: readonly string[] | undefined;
	readonly htmlAnchors: readonly HtmlAnchor[];
	readonly definitionTerms: readonly DefinitionTerm[];
	readonly shortcodeCalls: readonly ShortcodeCall[];
	/** The counts packed by `packCounts`, or 0 when they did not fit and are in `wideCounts`. */
	private readonly counts: number;
	private readonly wideCounts: readonly number[] | undefined;
	private readonly siteKey: string | undefined;

	/** `alreadyFlat`: the parts were copied (from a worker or the persisted index), so no string points into a page text. */
	constructor(private readonly home: PageSummaries, parts: PageSummaryParts, alreadyFlat: boolean, pooled = true) {
		// Strings that recur across pages are shared; the others (titles, headings, paths) only detached.
		const pool = home.strings;
		const share = (value: string): string => (pooled ? pool.intern(value, alreadyFlat) : value);
		const own = (value: string): string => (alreadyFlat ? value : detach(value));
		this.path = own(parts.path);
		this.url = share(parts.url);
		this.section = parts.section === undefined ? undefined : share(parts.section);
		this.title = own(parts.title);
		this.aliases = parts.aliases.length === 0 ? NO_STRINGS : parts.aliases.map(own);
		this.tags = parts.tags.length === 0 ? NO_STRINGS : parts.tags.map(share);
		this.textLength = parts.textLength;
		this.siteKey = parts.siteKey;
		const numbers = parts.numbers;
		const lineStarts = parts.lineStarts;
		const codeRegions = parts.codeRegions;
		this.lineCount = lineStarts.length;
		this.codeNumbers = codeRegions.length;
		const size = numbers.length + codeRegions.length + lineStarts.length;
		const combined = parts.textLength <= 0xffff ? new Uint16Array(size) : new Uint32Array(size);
		combined.set(numbers);
		combined.set(codeRegions, numbers.length);
		combined.set(lineStarts, numbers.length + codeRegions.length);
		this.numbers = combined;
		const counts = parts.counts;
		// Destinations, footnote labels, headings (`Early life`, `References`) and keys recur across pages.
		this.strings = pooled ? parts.strings.map(share) : parts.strings;
		this.referenceLabels = pooled ? parts.referenceLabels?.map(label => (label === undefined ? undefined : share(label))) : parts.referenceLabels;
		this.linkTargetUrls = pooled ? parts.linkTargetUrls?.map(url => (url === '' ? url : share(url))) : parts.linkTargetUrls;
		this.nameSpellings = pooled ? parts.nameSpellings?.map(share) : parts.nameSpellings;
		this.definitionTerms = parts.definitionTerms === undefined ? NO_TERMS : parts.definitionTerms.map(term => ({ text: own(term.text), span: { start: term.span.start, end: term.span.end } }));
		this.shortcodeCalls = parts.shortcodeCalls === undefined ? NO_CALLS : parts.shortcodeCalls.map(call => ({ name: share(call.name), argument: own(call.argument), span: { start: call.span.start, end: call.span.end } }));
		this.htmlAnchors = parts.htmlAnchors === undefined ? NO_ANCHORS : parts.htmlAnchors.map(anchor => ({ id: own(anchor.id), span: { start: anchor.span.start, end: anchor.span.end } }));
		const packed = packCounts(counts);
		this.wideCounts = packed === undefined ? [...counts] : undefined;
		this.counts = packed ?? 0;
		const frontmatter = parts.frontmatter;
		this.frontmatter = new CompactFrontmatter(this, {
			present: frontmatter.present,
			span: frontmatter.span,
			bodyStart: frontmatter.bodyStart,
			closingFenceStart: frontmatter.closingFenceStart,
			problems: frontmatter.problems.length === 0 ? NO_PROBLEMS : frontmatter.problems.map(problem => ({ ...problem, message: own(problem.message) })),
			data: frontmatter.data === undefined || !pooled ? frontmatter.data : flatFrontmatterData(pool, frontmatter.data, this.title, this.aliases, alreadyFlat),
			links: frontmatter.links?.map(link => ({ ...link, field: share(link.field), destination: share(link.destination) })),
			toml: frontmatter.toml,
		});
	}

	get mayBeTitledFromSlug(): boolean {
		return mayBeTitledFromSlug(this);
	}

	get lineStarts(): LineStarts {
		return this.numbers.subarray(this.numbers.length - this.lineCount);
	}

	/** Where the code regions start in `numbers` (the spans end there). */
	private get codeStart(): number {
		return this.numbers.length - this.lineCount - this.codeNumbers;
	}

	get codeRegions(): ArrayLike<number> {
		return this.numbers.subarray(this.codeStart, this.codeStart + this.codeNumbers);
	}

	isInCode(offset: number): boolean {
		const n = this.numbers;
		// The last region starting at or before `offset` (regions are in order and do not overlap).
		let lo = 0;
		let hi = this.codeNumbers / CODE_REGION.numbers - 1;
		const base = this.codeStart + CODE_REGION.at.span;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (n[base + mid * CODE_REGION.numbers] <= offset) {
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		// A span is its start, then its end.
		return hi >= 0 && offset <= n[base + hi * CODE_REGION.numbers + 1];
	}

	/** The URL of link `i`'s target page, '' when it points at no page. */
	private targetUrlOf(i: number): string {
		const flags = this.numbers[i * LINK.numbers + LINK.at.flags];
		if ((flags & LINK_FLAGS.pageTarget) === 0) {
			return '';
		}
		return this.linkTargetUrls?.[i] || destinationPath(this.strings[i * LINK.strings + LINK.at.destination]);
	}

	get targetUrls(): readonly string[] {
		const urls = new Set<string>();
		for (let i = 0, count = this.count('links'); i < count; i++) {
			const url = this.targetUrlOf(i);
			if (url !== '') {
				urls.add(url);
			}
		}
		return [...urls];
	}

	get linkSpellings(): LinkSpellings { return countLinkSpellings(this.count('links'), i => (this.targetUrlOf(i) === '' ? '' : this.strings[i * LINK.strings + LINK.at.destination])); }
	linkSpansTo(url: string): Span[] {
		const spans: Span[] = [];
		const n = this.numbers;
		for (let i = 0, count = this.count('links'); i < count; i++) {
			const o = i * LINK.numbers;
			if ((n[o + LINK.at.flags] & LINK_FLAGS.pageTarget) !== 0 && this.targetUrlOf(i) === url) {
				spans.push(spanAt(n, o + LINK.at.span));
			}
		}
		return spans;
	}

	nameSpellingFor(url: string): string | undefined {
		const pairs = this.nameSpellings;
		if (pairs !== undefined) {
			for (let i = 0; i < pairs.length; i += 2) {
				if (pairs[i] === url) {
					return pairs[i + 1];
				}
			}
		}
		return undefined;
	}

	get nameSpellingUrls(): readonly string[] {
		return this.nameSpellings === undefined ? NO_STRINGS : this.nameSpellings.filter((_, i) => i % 2 === 0);
	}

	/** The plain data of this summary (for the persisted index). */
	toParts(): PageSummaryParts {
		const counts = PART_ORDER.map(part => this.count(part));
		const items = this.codeStart;
		const lines = items + this.codeNumbers;
		return {
			path: this.path, url: this.url, section: this.section, title: this.title, aliases: this.aliases, tags: this.tags,
			frontmatter: this.frontmatter.toParts(),
			numbers: this.numbers.slice(0, items), strings: this.strings, referenceLabels: this.referenceLabels, linkTargetUrls: this.linkTargetUrls, nameSpellings: this.nameSpellings, htmlAnchors: this.htmlAnchors.length === 0 ? undefined : this.htmlAnchors, definitionTerms: this.definitionTerms.length === 0 ? undefined : this.definitionTerms,
			...(this.shortcodeCalls.length === 0 ? {} : { shortcodeCalls: this.shortcodeCalls }), counts,
			codeRegions: Array.from(this.numbers.subarray(items, lines)), lineStarts: Uint32Array.from(this.numbers.subarray(lines)), textLength: this.textLength, siteKey: this.siteKey,
		};
	}

	/** How many items of a kind the page has. */
	private count(part: PartName): number {
		const which = PART_ORDER.indexOf(part);
		if (this.wideCounts) {
			return this.wideCounts[which];
		}
		if (which < PART_ORDER.length - 1) {
			return unpackCount(this.counts, which);
		}
		// The last kind is not packed: it has the numbers the kinds before it leave.
		let left = this.codeStart;
		for (let before = 0; before < which; before++) {
			left -= unpackCount(this.counts, before) * PARTS[PART_ORDER[before]].numbers;
		}
		return left / PARTS[part].numbers;
	}

	/** The object views of this page, each built on first use and kept for the last pages asked for. */
	private views(): Views {
		let views = this.home.recentViews.get(this);
		if (views === undefined) {
			views = {};
			this.home.recentViews.set(this, views);
		}
		return views;
	}

	/**
	 * The view of one kind: an object per stored item, `item` reading item
	 * `i` from its numbers at `n[o…]` and its strings at `s[k…]`.
	 */
	private view<K extends PartName>(which: K, item: (n: PackedNumbers, s: readonly string[], o: number, k: number, i: number) => Expanded[K][number]): Expanded[K] {
		const views = this.views();
		let view = views[which] as Expanded[K] | undefined;
		if (view === undefined) {
			// This kind's numbers and strings come after those of the kinds stored before it.
			let o = 0;
			let k = 0;
			for (const before of PART_ORDER.slice(0, PART_ORDER.indexOf(which))) {
				const count = this.count(before);
				o += count * PARTS[before].numbers;
				k += count * PARTS[before].strings;
			}
			const { numbers, strings } = PARTS[which];
			const items: Expanded[K][number][] = [];
			for (let i = 0, count = this.count(which); i < count; i++, o += numbers, k += strings) {
				items.push(item(this.numbers, this.strings, o, k, i));
			}
			view = items as unknown as Expanded[K];
			views[which] = view;
		}
		return view;
	}

	get links(): readonly PageLink[] {
		const at = LINK.at;
		return this.view('links', (n, s, o, k, i) => {
			const flags = n[o + at.flags];
			const destination = s[k + at.destination];
			const referenceLabel = this.referenceLabels?.[i];
			const kind = LINK_KINDS[flags & LINK_FLAGS.kindMask];
			const isImage = (flags & LINK_FLAGS.image) !== 0;
			const span = spanAt(n, o + at.span);
			const textSpan = spanAt(n, o + at.textSpan);
			const destinationSpan = spanAt(n, o + at.destinationSpan);
			const target: LinkTarget = (flags & LINK_FLAGS.pageTarget) !== 0
				? { kind: 'page', url: this.targetUrlOf(i), fragment: destinationFragment(destination), canonical: (flags & LINK_FLAGS.canonical) !== 0, viaMarkdownPath: (flags & LINK_FLAGS.markdownPath) !== 0 }
				: this.home.site.resolve(destination, this.path, this.url);
			// Two literals, not a spread of the optional label: a view per link of every page checked (2.5 million at 100,000 pages).
			return referenceLabel === undefined
				? { kind, isImage, destination, span, textSpan, destinationSpan, target }
				: { kind, isImage, destination, span, textSpan, destinationSpan, referenceLabel, target };
		});
	}

	get footnoteReferences(): readonly FootnoteReference[] {
		const at = FOOTNOTE_REFERENCE.at;
		return this.view('footnoteReferences', (n, s, o, k) => ({ label: s[k + at.label], rawLabel: s[k + at.rawLabel], span: spanAt(n, o + at.span) }));
	}

	get footnoteDefinitions(): readonly PageFootnoteDefinition[] {
		const at = FOOTNOTE_DEFINITION.at;
		return this.view('footnoteDefinitions', (n, s, o, k) => ({
			label: s[k + at.label], rawLabel: s[k + at.rawLabel], span: spanAt(n, o + at.span), markerSpan: spanAt(n, o + at.markerSpan), sameTextAs: n[o + at.sameTextAs] - 1,
		}));
	}

	get headings(): readonly Heading[] {
		return this.view('headings', headingAt);
	}

	get fields(): readonly FrontmatterField[] {
		const at = FRONTMATTER_FIELD.at;
		return this.view('fields', (n, s, o, k) => ({ key: s[k + at.key], keySpan: spanAt(n, o + at.keySpan), valueSpan: spanAt(n, o + at.valueSpan) }));
	}
}

/** A summary of one page, its strings in a pool of its own (the vault service shares one pool between its pages: `PageSummaries`). */
export function summarizePage(path: string, text: string): PageSummary {
	return new PageSummaries().summarize(path, text);
}

/** The plain data of a summary made by this module. */
export function pageSummaryToParts(summary: PageSummary): PageSummaryParts {
	if (!(summary instanceof CompactPageSummary)) {
		throw new Error('not a summary made by summarizePage');
	}
	return summary.toParts();
}
