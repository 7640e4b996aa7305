import { computeLineStarts, type LineStarts } from '../text/lineIndex';
import { destinationFragment, resolveLinkDestination, pageUrlForPath, sectionOfPath, slugOfUrl, titleFromSlug, type LinkTarget } from '../vault/vaultPaths';
import { parseFrontmatter, type FrontmatterField, type FrontmatterProblem } from './frontmatter';
import { scanMarkdown } from './markdown';
import type { FootnoteDefinition, FootnoteReference, Heading, LinkOccurrence, Span } from './markdownTypes';

export interface PageLink extends LinkOccurrence {
	readonly target: LinkTarget;
}

export interface PageFrontmatter {
	readonly present: boolean;
	readonly span: Span;
	readonly bodyStart: number;
	readonly closingFenceStart: number | undefined;
	readonly fields: readonly FrontmatterField[];
	readonly problems: readonly FrontmatterProblem[];
	/** Parsed fields (dates as strings); undefined when absent or unparsable. */
	readonly data: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Everything the vault knows about one page, computed once per version of its
 * text. It holds no copy of the text: spans are offsets, `lineStarts` turns
 * them into LSP positions.
 */
export interface PageSummary {
	/** Vault-relative path, `/`-separated. */
	readonly path: string;
	/** Canonical URL, `/section/slug/`. */
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly frontmatter: PageFrontmatter;
	readonly links: readonly PageLink[];
	readonly footnoteReferences: readonly FootnoteReference[];
	readonly footnoteDefinitions: readonly FootnoteDefinition[];
	readonly headings: readonly Heading[];
	readonly lineStarts: LineStarts;
	readonly textLength: number;
	/** The distinct URLs of the pages this page links to (existing or not). */
	readonly targetUrls: readonly string[];
	/** The spans of this page's links to the page at `url`, in order (without building the `links` view). */
	linkSpansTo(url: string): Span[];
	/** Whether `offset` is in code: a code block, an HTML block or a code span (see MarkdownScan.codeRegions). */
	isInCode(offset: number): boolean;
}

/** A destination without its `?query` and `#fragment`. */
function destinationPath(destination: string): string {
	const trimmed = destination.trim();
	for (let i = 0; i < trimmed.length; i++) {
		const c = trimmed.charCodeAt(i);
		if (c === 0x3f /* ? */ || c === 0x23 /* # */) {
			return trimmed.slice(0, i);
		}
	}
	return trimmed;
}

/** Removes a leading byte order mark; editors never show it and LSP positions do not count it. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function stringList(value: unknown): string[] {
	if (typeof value === 'string') {
		return value.trim() === '' ? [] : [value.trim()];
	}
	if (Array.isArray(value)) {
		return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
			.map(item => String(item).trim())
			.filter(item => item !== '');
	}
	return [];
}

/**
 * Strings kept by summaries are copied out of the document text: V8 keeps a
 * substring as a slice of its parent, so one destination string would keep a
 * whole page's text alive. Equal strings (URLs, labels, keys) are shared.
 */
const internPool = new Map<string, string>();
const MAX_INTERNED = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A flat copy of a string (V8 keeps a substring of 13 or more characters as
 * a slice of its parent). A string with lone surrogates does not survive the
 * UTF-8 round trip and is kept as it is.
 */
function detach(value: string): string {
	if (value.length < 13) {
		return value;
	}
	const copy = decoder.decode(encoder.encode(value));
	return copy === value ? copy : value;
}

/** Short strings (footnote labels, most tags and keys) are most of the lookups: a small pool stays in the cache. */
const shortPool = new Map<string, string>();
const SHORT = 4;

export function intern(value: string, alreadyFlat = false): string {
	if (value.length <= SHORT) {
		const known = shortPool.get(value);
		if (known !== undefined) {
			return known;
		}
		if (shortPool.size >= MAX_INTERNED) {
			shortPool.clear();
		}
		// Shorter than 13 characters: never a slice of a page text, nothing to detach.
		shortPool.set(value, value);
		return value;
	}
	const existing = internPool.get(value);
	if (existing !== undefined) {
		return existing;
	}
	const detached = alreadyFlat ? value : detach(value);
	if (internPool.size >= MAX_INTERNED) {
		internPool.clear();
	}
	internPool.set(detached, detached);
	return detached;
}

/** A copy of a parsed YAML value whose strings no longer point into the page text (nor repeat). */
function detachValue(value: unknown, alreadyFlat: boolean): unknown {
	if (typeof value === 'string') {
		return value.length < 64 ? intern(value, alreadyFlat) : alreadyFlat ? value : detach(value);
	}
	if (Array.isArray(value)) {
		return value.map(item => detachValue(item, alreadyFlat));
	}
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value)) {
			out[intern(key, alreadyFlat)] = detachValue((value as Record<string, unknown>)[key], alreadyFlat);
		}
		return out;
	}
	return value;
}

const NO_PROBLEMS: readonly FrontmatterProblem[] = Object.freeze([]);
const NO_STRINGS: readonly string[] = Object.freeze([]);
const LINK_KINDS: readonly LinkOccurrence['kind'][] = ['inline', 'reference', 'autolink'];
const IMAGE_FLAG = 4;
/** Set on a link whose target is a page: its URL is kept, so the link is not resolved again. */
const PAGE_TARGET_FLAG = 8;
const CANONICAL_FLAG = 16;
const MARKDOWN_PATH_FLAG = 32;
/** Numbers stored per link, footnote reference, footnote definition, heading and frontmatter field. */
const LINK_STRIDE = 7;
const REFERENCE_STRIDE = 2;
const DEFINITION_STRIDE = 4;
const HEADING_STRIDE = 3;
const FIELD_STRIDE = 4;
/** The kinds in the order they are stored, with the numbers and strings each item takes. */
const PART_ORDER: readonly (keyof Expanded)[] = ['links', 'footnoteReferences', 'footnoteDefinitions', 'headings', 'fields'];
const PART_STRIDES = [LINK_STRIDE, REFERENCE_STRIDE, DEFINITION_STRIDE, HEADING_STRIDE, FIELD_STRIDE];
const PART_STRINGS = [1, 2, 2, 2, 1];

interface Expanded {
	readonly links: readonly PageLink[];
	readonly footnoteReferences: readonly FootnoteReference[];
	readonly footnoteDefinitions: readonly FootnoteDefinition[];
	readonly headings: readonly Heading[];
	readonly fields: readonly FrontmatterField[];
}

/** The object views of one page built so far. */
type Views = { -readonly [K in keyof Expanded]?: Expanded[K] };

/** The views of the last pages asked for: requests touch a few pages many times. */
const expandedCache = new Map<CompactPageSummary, Views>();
const EXPANDED_CACHE_SIZE = 64;

class CompactFrontmatter implements PageFrontmatter {
	constructor(
		private readonly owner: CompactPageSummary,
		readonly present: boolean,
		readonly span: Span,
		readonly bodyStart: number,
		readonly closingFenceStart: number | undefined,
		readonly problems: readonly FrontmatterProblem[],
		readonly data: Readonly<Record<string, unknown>> | undefined,
	) { }

	get fields(): readonly FrontmatterField[] {
		return this.owner.fields;
	}
}

/**
 * A page summary as plain data: what a worker thread sends back and what the
 * persisted index stores (structured-clone and `v8.serialize` friendly).
 */
export interface PageSummaryParts {
	readonly path: string;
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly frontmatter: {
		readonly present: boolean;
		readonly span: Span;
		readonly bodyStart: number;
		readonly closingFenceStart: number | undefined;
		readonly problems: readonly FrontmatterProblem[];
		readonly data: Readonly<Record<string, unknown>> | undefined;
	};
	/** links, then footnote references, footnote definitions, headings, frontmatter fields. */
	readonly numbers: Uint16Array | Uint32Array;
	/** Per link its destination; then per footnote reference and definition label and raw label; per heading text and anchor; per field its key. */
	readonly strings: readonly string[];
	readonly referenceLabels: readonly (string | undefined)[] | undefined;
	/**
	 * Per link the URL of the page it points at when that is not its
	 * destination's path ('' otherwise: no page, or written as the URL);
	 * undefined when no link needs one.
	 */
	readonly linkTargetUrls: readonly string[] | undefined;
	/** Counts of links, footnote references, footnote definitions, headings and fields. */
	readonly counts: readonly number[];
	/** MarkdownScan.codeRegions: `start, end` pairs. */
	readonly codeRegions: readonly number[];
	readonly lineStarts: Uint32Array;
	readonly textLength: number;
}

/** Parses a page into its summary's plain data. */
export function summarizePageParts(path: string, text: string): PageSummaryParts {
	const frontmatter = parseFrontmatter(text);
	const scan = scanMarkdown(text, frontmatter.bodyStart);
	const url = pageUrlForPath(path);
	const data = frontmatter.data;
	const frontmatterTitle = typeof data?.title === 'string' ? data.title.trim() : '';
	const firstH1 = scan.headings.find(heading => heading.level === 1);
	const title = frontmatterTitle || firstH1?.text.trim() || titleFromSlug(slugOfUrl(url)) || path;

	const { links, footnoteReferences, footnoteDefinitions, headings } = scan;
	const fields = frontmatter.fields;
	const numbers: number[] = [];
	const strings: string[] = [];
	const linkTargetUrls: string[] = [];
	let hasReferences = false;
	for (const link of links) {
		const target = resolveLinkDestination(link.destination, path);
		let flags = LINK_KINDS.indexOf(link.kind) | (link.isImage ? IMAGE_FLAG : 0);
		if (target.kind === 'page') {
			flags |= PAGE_TARGET_FLAG | (target.canonical ? CANONICAL_FLAG : 0) | (target.viaMarkdownPath ? MARKDOWN_PATH_FLAG : 0);
		}
		numbers.push(flags, link.span.start, link.span.end, link.textSpan.start, link.textSpan.end, link.destinationSpan.start, link.destinationSpan.end);
		strings.push(link.destination);
		linkTargetUrls.push(target.kind === 'page' && target.url !== destinationPath(link.destination) ? target.url : '');
		hasReferences ||= link.referenceLabel !== undefined;
	}
	for (const reference of footnoteReferences) {
		numbers.push(reference.span.start, reference.span.end);
		strings.push(reference.label, reference.rawLabel);
	}
	for (const definition of footnoteDefinitions) {
		numbers.push(definition.span.start, definition.span.end, definition.markerSpan.start, definition.markerSpan.end);
		strings.push(definition.label, definition.rawLabel);
	}
	for (const heading of headings) {
		numbers.push(heading.level, heading.span.start, heading.span.end);
		strings.push(heading.text, heading.anchor);
	}
	for (const field of fields) {
		numbers.push(field.keySpan.start, field.keySpan.end, field.valueSpan.start, field.valueSpan.end);
		strings.push(field.key);
	}
	return {
		path,
		url,
		section: sectionOfPath(path),
		title,
		aliases: stringList(data?.aliases),
		tags: stringList(data?.tags),
		frontmatter: {
			present: frontmatter.present,
			span: frontmatter.span,
			bodyStart: frontmatter.bodyStart,
			closingFenceStart: frontmatter.closingFenceStart,
			problems: frontmatter.problems,
			data,
		},
		numbers: text.length <= 0xffff ? new Uint16Array(numbers) : new Uint32Array(numbers),
		strings,
		referenceLabels: hasReferences ? links.map(link => link.referenceLabel) : undefined,
		linkTargetUrls: linkTargetUrls.some(url => url !== '') ? linkTargetUrls : undefined,
		counts: [links.length, footnoteReferences.length, footnoteDefinitions.length, headings.length, fields.length],
		codeRegions: scan.codeRegions,
		lineStarts: computeLineStarts(text),
		textLength: text.length,
	};
}

/**
 * A page summary stored compactly: every span of the page in one typed array
 * (16-bit when the page is shorter than 64 KiB), strings detached and shared,
 * and the usual object views (`links`, `headings`, …) built on demand and
 * cached for the few pages in use.
 */
class CompactPageSummary implements PageSummary {
	readonly path: string;
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly textLength: number;
	readonly frontmatter: CompactFrontmatter;
	/** links, footnote references, footnote definitions, headings, fields, then the code regions, then the line starts. */
	private readonly numbers: Uint16Array | Uint32Array;
	/** How many numbers the code regions take (two per region). */
	private readonly codeNumbers: number;
	private readonly lineCount: number;
	private readonly strings: readonly string[];
	private readonly referenceLabels: readonly (string | undefined)[] | undefined;
	private readonly linkTargetUrls: readonly string[] | undefined;
	private readonly counts: number;
	private readonly wideCounts: readonly number[] | undefined;

	/** `alreadyFlat`: the parts were copied (from a worker or the persisted index), so no string points into a page text. */
	constructor(parts: PageSummaryParts, alreadyFlat: boolean) {
		// Strings that recur across pages are shared; the others (titles, headings, paths) only detached.
		const share = (value: string): string => intern(value, alreadyFlat);
		const own = (value: string): string => (alreadyFlat ? value : detach(value));
		this.path = own(parts.path);
		this.url = share(parts.url);
		this.section = parts.section === undefined ? undefined : share(parts.section);
		this.title = own(parts.title);
		this.aliases = parts.aliases.length === 0 ? NO_STRINGS : parts.aliases.map(own);
		this.tags = parts.tags.length === 0 ? NO_STRINGS : parts.tags.map(share);
		this.textLength = parts.textLength;
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
		this.strings = parts.strings.map(share);
		this.referenceLabels = parts.referenceLabels?.map(label => (label === undefined ? undefined : share(label)));
		this.linkTargetUrls = parts.linkTargetUrls?.map(url => (url === '' ? url : share(url)));
		// Four counts packed a byte each; a page with more than 255 of anything keeps them in an array.
		if (counts.some(count => count > 0xff)) {
			this.wideCounts = [...counts];
			this.counts = 0;
		} else {
			this.wideCounts = undefined;
			this.counts = counts[0] | (counts[1] << 8) | (counts[2] << 16) | (counts[3] << 24);
		}
		const frontmatter = parts.frontmatter;
		this.frontmatter = new CompactFrontmatter(
			this,
			frontmatter.present,
			frontmatter.span,
			frontmatter.bodyStart,
			frontmatter.closingFenceStart,
			frontmatter.problems.length === 0 ? NO_PROBLEMS : frontmatter.problems.map(problem => ({ ...problem, message: own(problem.message) })),
			frontmatter.data === undefined ? undefined : this.detachData(frontmatter.data, alreadyFlat),
		);
	}

	/**
	 * The frontmatter data with its strings detached and shared, except the
	 * page's own title and aliases: those are the summary's strings (no
	 * second copy, and no entry in the shared pool for strings no other page has).
	 */
	private detachData(data: Readonly<Record<string, unknown>>, alreadyFlat: boolean): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(data)) {
			const value = data[key];
			if (key === 'title' && typeof value === 'string') {
				out.title = value === this.title ? this.title : alreadyFlat ? value : detach(value);
			} else if (key === 'aliases' && Array.isArray(value)) {
				out.aliases = value.map(item => (typeof item === 'string' ? this.aliases.find(alias => alias === item) ?? (alreadyFlat ? item : detach(item)) : detachValue(item, alreadyFlat)));
			} else {
				out[intern(key, alreadyFlat)] = detachValue(value, alreadyFlat);
			}
		}
		return out;
	}

	get lineStarts(): LineStarts {
		return this.numbers.subarray(this.numbers.length - this.lineCount);
	}

	/** Where the code regions start in `numbers` (the spans end there). */
	private get codeStart(): number {
		return this.numbers.length - this.lineCount - this.codeNumbers;
	}

	isInCode(offset: number): boolean {
		const n = this.numbers;
		// The last region starting at or before `offset` (regions are in order and do not overlap).
		let lo = 0;
		let hi = this.codeNumbers / 2 - 1;
		const base = this.codeStart;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (n[base + mid * 2] <= offset) {
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		return hi >= 0 && offset <= n[base + hi * 2 + 1];
	}

	/** The URL of link `i`'s target page, '' when it points at no page. */
	private targetUrlOf(i: number): string {
		const flags = this.numbers[i * LINK_STRIDE];
		if ((flags & PAGE_TARGET_FLAG) === 0) {
			return '';
		}
		return this.linkTargetUrls?.[i] || destinationPath(this.strings[i]);
	}

	get targetUrls(): readonly string[] {
		const urls = new Set<string>();
		for (let i = 0, count = this.count(0); i < count; i++) {
			const url = this.targetUrlOf(i);
			if (url !== '') {
				urls.add(url);
			}
		}
		return [...urls];
	}

	linkSpansTo(url: string): Span[] {
		const spans: Span[] = [];
		const n = this.numbers;
		for (let i = 0, count = this.count(0); i < count; i++) {
			const o = i * LINK_STRIDE;
			if ((n[o] & PAGE_TARGET_FLAG) !== 0 && this.targetUrlOf(i) === url) {
				spans.push({ start: n[o + 1], end: n[o + 2] });
			}
		}
		return spans;
	}

	/** The plain data of this summary (for the persisted index). */
	toParts(): PageSummaryParts {
		const counts = [0, 1, 2, 3, 4].map(which => this.count(which as 0 | 1 | 2 | 3 | 4));
		const fm = this.frontmatter;
		const spans = this.codeStart;
		const lines = spans + this.codeNumbers;
		return {
			path: this.path, url: this.url, section: this.section, title: this.title, aliases: this.aliases, tags: this.tags,
			frontmatter: { present: fm.present, span: fm.span, bodyStart: fm.bodyStart, closingFenceStart: fm.closingFenceStart, problems: fm.problems, data: fm.data },
			numbers: this.numbers.slice(0, spans), strings: this.strings, referenceLabels: this.referenceLabels, linkTargetUrls: this.linkTargetUrls, counts,
			codeRegions: Array.from(this.numbers.subarray(spans, lines)), lineStarts: Uint32Array.from(this.numbers.subarray(lines)), textLength: this.textLength,
		};
	}

	private count(which: 0 | 1 | 2 | 3 | 4): number {
		if (this.wideCounts) {
			return this.wideCounts[which];
		}
		if (which === 4) {
			const used = this.count(0) * LINK_STRIDE + this.count(1) * REFERENCE_STRIDE + this.count(2) * DEFINITION_STRIDE + this.count(3) * HEADING_STRIDE;
			return (this.codeStart - used) / FIELD_STRIDE;
		}
		return (this.counts >>> (which * 8)) & 0xff;
	}

	/** The object views of this page, each built on first use and kept for the last pages asked for. */
	private views(): Views {
		let views = expandedCache.get(this);
		if (views) {
			// Most recently used last.
			expandedCache.delete(this);
			expandedCache.set(this, views);
			return views;
		}
		views = {};
		expandedCache.set(this, views);
		if (expandedCache.size > EXPANDED_CACHE_SIZE) {
			expandedCache.delete(expandedCache.keys().next().value!);
		}
		return views;
	}

	/**
	 * The view of one kind: an object per stored item, `item` reading item
	 * `i` from its numbers at `n[o…]` and its strings at `s[k…]`.
	 */
	private view<K extends keyof Expanded>(which: K, item: (n: Uint16Array | Uint32Array, s: readonly string[], o: number, k: number, i: number) => Expanded[K][number]): Expanded[K] {
		const views = this.views();
		let view = views[which] as Expanded[K] | undefined;
		if (view === undefined) {
			// This kind's numbers and strings come after those of the kinds stored before it.
			const part = PART_ORDER.indexOf(which);
			let o = 0;
			let k = 0;
			for (let before = 0; before < part; before++) {
				const count = this.count(before as 0 | 1 | 2 | 3);
				o += count * PART_STRIDES[before];
				k += count * PART_STRINGS[before];
			}
			const items: Expanded[K][number][] = [];
			for (let i = 0, count = this.count(part as 0 | 1 | 2 | 3 | 4); i < count; i++, o += PART_STRIDES[part], k += PART_STRINGS[part]) {
				items.push(item(this.numbers, this.strings, o, k, i));
			}
			view = items as unknown as Expanded[K];
			views[which] = view;
		}
		return view;
	}

	get links(): readonly PageLink[] {
		return this.view('links', (n, s, o, k, i) => {
			const destination = s[k];
			const referenceLabel = this.referenceLabels?.[i];
			return {
				kind: LINK_KINDS[n[o] & 3],
				isImage: (n[o] & IMAGE_FLAG) !== 0,
				destination,
				span: { start: n[o + 1], end: n[o + 2] },
				textSpan: { start: n[o + 3], end: n[o + 4] },
				destinationSpan: { start: n[o + 5], end: n[o + 6] },
				...(referenceLabel === undefined ? {} : { referenceLabel }),
				target: (n[o] & PAGE_TARGET_FLAG) !== 0
					? { kind: 'page', url: this.targetUrlOf(i), fragment: destinationFragment(destination), canonical: (n[o] & CANONICAL_FLAG) !== 0, viaMarkdownPath: (n[o] & MARKDOWN_PATH_FLAG) !== 0 }
					: resolveLinkDestination(destination, this.path),
			};
		});
	}

	get footnoteReferences(): readonly FootnoteReference[] {
		return this.view('footnoteReferences', (n, s, o, k) => ({ label: s[k], rawLabel: s[k + 1], span: { start: n[o], end: n[o + 1] } }));
	}

	get footnoteDefinitions(): readonly FootnoteDefinition[] {
		return this.view('footnoteDefinitions', (n, s, o, k) => ({ label: s[k], rawLabel: s[k + 1], span: { start: n[o], end: n[o + 1] }, markerSpan: { start: n[o + 2], end: n[o + 3] } }));
	}

	get headings(): readonly Heading[] {
		return this.view('headings', (n, s, o, k) => ({ level: n[o], text: s[k], anchor: s[k + 1], span: { start: n[o + 1], end: n[o + 2] } }));
	}

	get fields(): readonly FrontmatterField[] {
		return this.view('fields', (n, s, o, k) => ({ key: s[k], keySpan: { start: n[o], end: n[o + 1] }, valueSpan: { start: n[o + 2], end: n[o + 3] } }));
	}
}

export function summarizePage(path: string, text: string): PageSummary {
	return new CompactPageSummary(summarizePageParts(path, text), false);
}

/**
 * A summary from plain data. `copied`: the parts crossed a thread or came
 * from the persisted index, so their strings are fresh copies, not slices of
 * a page text, and need no detaching.
 */
export function pageSummaryFromParts(parts: PageSummaryParts, copied = false): PageSummary {
	return new CompactPageSummary(parts, copied);
}

/** The plain data of a summary made by this module. */
export function pageSummaryToParts(summary: PageSummary): PageSummaryParts {
	if (!(summary instanceof CompactPageSummary)) {
		throw new Error('not a summary made by summarizePage');
	}
	return summary.toParts();
}
