import type { Heading, LinkOccurrence, Span } from './markdownTypes';

/**
 * The packed layout of a page summary (see pageSummary.ts): every item of
 * a page (link, footnote reference, footnote definition, heading,
 * frontmatter field) is a fixed run of numbers in one typed array and a
 * fixed run of strings in one list, kind after kind. This module names
 * where each field of an item is, so that a field is added in one place:
 * its name and kind in the item's declaration below. The compiler then
 * asks the summary's writer for its value and each view for its reading, and
 * the page summary test asks the kind's hand-written writer to store it. A new field costs its numbers (or strings) per item and nothing
 * else: no per-item object is kept.
 *
 * The layout is also the persisted index's: changing a declaration (adding,
 * removing or reordering fields or kinds) must bump `CACHE_FORMAT` in
 * node/indexCache.ts so that files written before are ignored.
 */

/** What one field of an item is stored as: a number, a span (its start, then its end), or a string. */
type FieldKind = 'number' | 'span' | 'string';

/** The fields of one kind of item, in the order they are stored. */
type FieldKinds = Readonly<Record<string, FieldKind>>;

type FieldValue<K extends FieldKind> = K extends 'span' ? Span : K extends 'string' ? string : number;

/** The values of one item, as its writer takes them. */
type ItemValues<F extends FieldKinds> = { readonly [K in keyof F]: FieldValue<F[K]> };

/**
 * Writes one item's numbers from `numbers[at]` on and appends its strings,
 * in the order its declaration gives (a span as its start, then its end).
 * Written by hand for each kind, beside its declaration: a generic loop over
 * the fields reads each value with a keyed load that sees every kind's
 * shape, and costs 7 % of a page's summarizing. The numbers go straight into
 * the page's typed array (sized beforehand), not a list copied into one. The
 * page summary test checks each writer against the declaration.
 */
type ItemWriter<F extends FieldKinds> = (item: ItemValues<F>, numbers: NumberSink, at: number, strings: string[]) => void;

/** Where a writer puts an item's numbers: the page's typed array, or any list of numbers. */
export type NumberSink = { [index: number]: number };

/** The numbers of a page's items: 16-bit when the page is shorter than 64 KiB. */
export type PackedNumbers = Uint16Array | Uint32Array;

interface ItemLayout<F extends FieldKinds> {
	/**
	 * Per field, its offset from the item's first number (a span: where its
	 * start is; its end follows) or, for a string, from the item's first string.
	 */
	readonly at: { readonly [K in keyof F]: number };
	/** Numbers stored per item. */
	readonly numbers: number;
	/** Strings stored per item. */
	readonly strings: number;
	/** The field names and their kinds, in storage order. */
	readonly names: readonly (keyof F & string)[];
	readonly kinds: readonly FieldKind[];
	readonly write: ItemWriter<F>;
}

/** The layout of an item declared as its fields in storage order. */
function itemLayout<const F extends FieldKinds>(fields: F, write: ItemWriter<F>): ItemLayout<F> {
	const at: Record<string, number> = {};
	let numbers = 0;
	let strings = 0;
	for (const [name, kind] of Object.entries(fields)) {
		if (kind === 'string') {
			at[name] = strings++;
		} else {
			at[name] = numbers;
			numbers += kind === 'span' ? 2 : 1;
		}
	}
	return Object.freeze({
		at: Object.freeze(at) as { readonly [K in keyof F]: number },
		numbers,
		strings,
		names: Object.freeze(Object.keys(fields)),
		kinds: Object.freeze(Object.values(fields)),
		write,
	});
}

/** A link: its flags (`LINK_FLAGS`), its spans, its destination. */
export const LINK = itemLayout(
	{ flags: 'number', span: 'span', textSpan: 'span', destinationSpan: 'span', destination: 'string' },
	(link, numbers, at, strings) => {
		numbers[at] = link.flags;
		numbers[at + 1] = link.span.start;
		numbers[at + 2] = link.span.end;
		numbers[at + 3] = link.textSpan.start;
		numbers[at + 4] = link.textSpan.end;
		numbers[at + 5] = link.destinationSpan.start;
		numbers[at + 6] = link.destinationSpan.end;
		strings.push(link.destination);
	},
);
export const FOOTNOTE_REFERENCE = itemLayout(
	{ span: 'span', label: 'string', rawLabel: 'string' },
	(reference, numbers, at, strings) => {
		numbers[at] = reference.span.start;
		numbers[at + 1] = reference.span.end;
		strings.push(reference.label, reference.rawLabel);
	},
);
/** A footnote definition; `sameTextAs`: 1 + the index of the first earlier definition with the same text (`citationKey`), 0 for none. */
export const FOOTNOTE_DEFINITION = itemLayout(
	{ span: 'span', markerSpan: 'span', sameTextAs: 'number', label: 'string', rawLabel: 'string' },
	(definition, numbers, at, strings) => {
		numbers[at] = definition.span.start;
		numbers[at + 1] = definition.span.end;
		numbers[at + 2] = definition.markerSpan.start;
		numbers[at + 3] = definition.markerSpan.end;
		numbers[at + 4] = definition.sameTextAs;
		strings.push(definition.label, definition.rawLabel);
	},
);
export const HEADING = itemLayout(
	{ level: 'number', span: 'span', text: 'string', anchor: 'string', idText: 'string', attributes: 'string' },
	(heading, numbers, at, strings) => {
		numbers[at] = heading.level;
		numbers[at + 1] = heading.span.start;
		numbers[at + 2] = heading.span.end;
		strings.push(heading.text, heading.anchor, heading.idText, heading.attributes);
	},
);
export const FRONTMATTER_FIELD = itemLayout(
	{ keySpan: 'span', valueSpan: 'span', key: 'string' },
	(field, numbers, at, strings) => {
		numbers[at] = field.keySpan.start;
		numbers[at + 1] = field.keySpan.end;
		numbers[at + 2] = field.valueSpan.start;
		numbers[at + 3] = field.valueSpan.end;
		strings.push(field.key);
	},
);

/**
 * A code region (`MarkdownScan.codeRegions`): not an item with a count but
 * a run of its own after the items, as many regions as its numbers allow.
 */
export const CODE_REGION = itemLayout({ span: 'span' }, (region, numbers, at) => {
	numbers[at] = region.span.start;
	numbers[at + 1] = region.span.end;
});

/** The item kinds and their layouts, in the order they are stored (and counted in `PageSummaryParts.counts`). */
export const PARTS = Object.freeze({
	links: LINK,
	footnoteReferences: FOOTNOTE_REFERENCE,
	footnoteDefinitions: FOOTNOTE_DEFINITION,
	headings: HEADING,
	fields: FRONTMATTER_FIELD,
});

export type PartName = keyof typeof PARTS;

/** The kinds in storage order. */
export const PART_ORDER = Object.freeze(Object.keys(PARTS) as PartName[]);

/** The span stored at `at` (its start, then its end). */
export function spanAt(numbers: PackedNumbers, at: number): Span {
	return { start: numbers[at], end: numbers[at + 1] };
}

/** The heading whose numbers start at `o` and strings at `k`. */
export function headingAt(numbers: PackedNumbers, strings: readonly string[], o: number, k: number): Heading {
	const at = HEADING.at;
	return {
		level: numbers[o + at.level], text: strings[k + at.text], idText: strings[k + at.idText], attributes: strings[k + at.attributes], anchor: strings[k + at.anchor], span: spanAt(numbers, o + at.span),
	};
}

/** The bits of a link's `flags` number. */
export const LINK_FLAGS = Object.freeze({
	/** The low two bits: the link's kind, an index into `LINK_KINDS`. */
	kindMask: 3,
	image: 4,
	/** Set on a link whose target is a page: its URL is kept, so the link is not resolved again. */
	pageTarget: 8,
	canonical: 16,
	markdownPath: 32,
});

export const LINK_KINDS: readonly LinkOccurrence['kind'][] = Object.freeze(['inline', 'reference', 'autolink']);

/**
 * The counts of a page's items in one number: the first four kinds a byte
 * each (the last kind's count is what the other kinds leave of the
 * numbers). A page with more than 255 items of any kind keeps its counts in
 * an array instead.
 */
const COUNT_BITS = 8;
const COUNT_MASK = (1 << COUNT_BITS) - 1;
const PACKED_COUNTS = 4;

/** The counts (in `PART_ORDER`) packed into one number; undefined when one does not fit in a byte. */
export function packCounts(counts: readonly number[]): number | undefined {
	if (counts.some(count => count > COUNT_MASK)) {
		return undefined;
	}
	let packed = 0;
	for (let which = 0; which < PACKED_COUNTS; which++) {
		packed |= counts[which] << (which * COUNT_BITS);
	}
	return packed;
}

/** The count of kind `which` (an index in `PART_ORDER`, not the last) out of packed counts. */
export function unpackCount(packed: number, which: number): number {
	return (packed >>> (which * COUNT_BITS)) & COUNT_MASK;
}
