import * as v8 from 'v8';
import type { PageRecordHeader } from '../service/parse/pageRecord';
import { FLAG, LAYOUT, slugTitleOf, TAG, TEXT } from './pageHeaderLayout';

export { decodePageHeader } from './pageHeaderReader';

/**
 * The persisted index's encoding of a page record's header: its fields
 * one after the other in a fixed order (no property names, no
 * `v8.serialize` per page), written straight into the buffer of the chunk
 * being written. The few parts that are free-form (frontmatter data and
 * problems, frontmatter links, shortcode calls) are written as tagged
 * values; anything this layout cannot hold as it is (a field it does not
 * know, a value of another kind) makes the whole header `v8.serialize`d
 * behind a tag of its own, so a header always decodes to what V8's
 * serializer would give back (the codec's tests use it as the oracle).
 *
 * A decoded header has the shape `StoredHeader.toRecordHeader` gives:
 * `section`, `nameSpellings` and `frontmatter.closingFenceStart` always
 * present (undefined when none), `frontmatter.links`, `frontmatter.toml`,
 * `shortcodeCalls` and `siteKey` only when the page has them.
 */

/** The keys a compact header holds (any other: the header is serialized whole). */
const HEADER_KEYS = new Set([
	'path', 'url', 'section', 'title', 'aliases', 'tags', 'textLength', 'frontmatter', 'nameSpellings', 'shortcodeCalls', 'siteKey',
	'numbers', 'spanNumbers', 'targetUrls', 'linkSpellings', 'mayBeTitledFromSlug',
]);
const FRONTMATTER_KEYS = new Set(['present', 'span', 'bodyStart', 'closingFenceStart', 'problems', 'data', 'links', 'toml']);

/** Strings up to this long are tried as ASCII byte by byte. */
const SHORT_STRING = 128;

/** Free-form values nested deeper than this are serialized (a cycle among them too). */
const MAX_DEPTH = 64;

/** Thrown (and caught) when a header does not fit the compact layout. */
class DoesNotFit extends Error { }

const DOES_NOT_FIT = new DoesNotFit('the header does not fit the compact layout');

/**
 * Whether a string is well-formed UTF-16 (no lone surrogate):
 * `String.prototype.isWellFormed`, which every runtime we run on has (Node
 * 20, `engines`; VS Code ^1.91's extension host) and ES2022's lib does not
 * declare.
 */
const isWellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;

/**
 * A growing buffer the headers of a chunk are written into, one after the
 * other: `encodePageHeader` appends one and gives its length.
 */
export class HeaderWriter {
	private buffer = Buffer.allocUnsafe(64 * 1024);
	private at = 0;

	/** The bytes written so far (a view; `reset` before writing again). */
	get bytes(): Buffer {
		return this.buffer.subarray(0, this.at);
	}

	get length(): number {
		return this.at;
	}

	/** Starts again from empty (the buffer is reused: take a copy of `bytes` first if it is kept). */
	reset(): void {
		this.at = 0;
	}

	/** Appends a header already encoded; gives its length in bytes. */
	copy(encoded: Uint8Array): number {
		this.room(encoded.length);
		this.buffer.set(encoded, this.at);
		this.at += encoded.length;
		return encoded.length;
	}

	/**
	 * Appends `header` encoded; gives its length in bytes. `nameSpellings`,
	 * when given, are the header's (in place of its own, left out):
	 * `undefined` for a spelling that is its URL's slug title, written as a
	 * bit and made again when read (`StoredHeader.nameSpellingsBesideSlugTitles`).
	 */
	encode(header: PageRecordHeader, nameSpellings?: readonly (string | undefined)[]): number {
		const start = this.at;
		try {
			this.compact(header, nameSpellings ?? header.nameSpellings);
		} catch (error) {
			if (!(error instanceof DoesNotFit)) {
				throw error;
			}
			this.at = start;
			const serialized = v8.serialize(nameSpellings === undefined ? header : { ...header, nameSpellings: withSlugTitles(nameSpellings) });
			this.room(1 + serialized.length);
			this.buffer[this.at++] = LAYOUT.serialized;
			serialized.copy(this.buffer, this.at);
			this.at += serialized.length;
		}
		return this.at - start;
	}

	private room(bytes: number): void {
		if (this.at + bytes > this.buffer.length) {
			const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + bytes));
			this.buffer.copy(grown, 0, 0, this.at);
			this.buffer = grown;
		}
	}

	private compact(header: PageRecordHeader, nameSpellings: readonly (string | undefined)[] | undefined): void {
		for (const key in header) {
			if (!HEADER_KEYS.has(key)) {
				throw DOES_NOT_FIT;
			}
		}
		const frontmatter = header.frontmatter;
		for (const key in frontmatter) {
			if (!FRONTMATTER_KEYS.has(key)) {
				throw DOES_NOT_FIT;
			}
		}
		if (frontmatter.toml !== undefined && frontmatter.toml !== true) {
			throw DOES_NOT_FIT;
		}
		const flags = (frontmatter.present ? FLAG.present : 0) | (header.mayBeTitledFromSlug ? FLAG.mayBeTitledFromSlug : 0)
			| (frontmatter.toml === true ? FLAG.toml : 0) | (frontmatter.links !== undefined ? FLAG.links : 0)
			| (header.shortcodeCalls !== undefined ? FLAG.shortcodeCalls : 0) | (header.siteKey !== undefined ? FLAG.siteKey : 0)
			| (nameSpellings !== undefined ? FLAG.nameSpellings : 0) | (frontmatter.data !== undefined ? FLAG.data : 0);
		if (typeof frontmatter.present !== 'boolean' || typeof header.mayBeTitledFromSlug !== 'boolean') {
			throw DOES_NOT_FIT;
		}
		this.room(1 + 1);
		this.buffer[this.at++] = LAYOUT.compact;
		this.buffer[this.at++] = flags;
		this.string(header.path);
		this.string(header.url);
		this.optionalString(header.section);
		this.string(header.title);
		this.strings(header.aliases);
		this.strings(header.tags);
		this.count(header.textLength);
		this.count(frontmatter.span.start);
		this.count(frontmatter.span.end);
		this.count(frontmatter.bodyStart);
		this.count(frontmatter.closingFenceStart === undefined ? 0 : frontmatter.closingFenceStart + 1);
		this.value(frontmatter.problems, 0);
		this.strings(header.targetUrls);
		if (frontmatter.data !== undefined) {
			this.value(frontmatter.data, 0);
		}
		if (frontmatter.links !== undefined) {
			this.value(frontmatter.links, 0);
		}
		if (nameSpellings !== undefined) {
			this.spellings(nameSpellings, header.targetUrls);
		}
		if (header.shortcodeCalls !== undefined) {
			this.value(header.shortcodeCalls, 0);
		}
		if (header.siteKey !== undefined) {
			this.string(header.siteKey);
		}
		this.typedNumbers(header.numbers);
		this.count(header.spanNumbers);
		this.count(header.linkSpellings.absolute);
		this.count(header.linkSpellings.relative);
	}

	/** A non-negative integer below 2^32, as a varint. */
	private count(value: number): void {
		if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
			throw DOES_NOT_FIT;
		}
		this.room(5);
		let rest = value;
		while (rest >= 0x80) {
			this.buffer[this.at++] = (rest & 0x7f) | 0x80;
			rest = Math.floor(rest / 0x80);
		}
		this.buffer[this.at++] = rest;
	}

	private string(value: string): void {
		if (typeof value !== 'string') {
			throw DOES_NOT_FIT;
		}
		const length = value.length;
		if (length === 0) {
			this.room(1);
			this.buffer[this.at++] = 0;
			return;
		}
		this.room(5 + 3 * length);
		if (length <= SHORT_STRING) {
			// Most strings are short and ASCII (URLs, names): their length's varint written first (1 or 2 bytes), then their
			// characters here, the native write's call costing more than the copy; given up at the first other character.
			const buffer = this.buffer;
			const head = length * 4 + TEXT.ascii;
			const bodyAt = this.at + (head < 0x80 ? 1 : 2);
			let i = 0;
			while (i < length) {
				const code = value.charCodeAt(i);
				if (code >= 0x80) {
					break;
				}
				buffer[bodyAt + i++] = code;
			}
			if (i === length) {
				this.count(head);
				this.at += length;
				return;
			}
		}
		// The length's varint takes at most 5 bytes: the bytes are written after room for it, then moved back if it took fewer.
		const bodyAt = this.at + 5;
		let kind: number;
		let bytes: number;
		if (isWellFormed.call(value)) {
			bytes = this.buffer.write(value, bodyAt, 'utf8');
			kind = bytes === length ? TEXT.ascii : TEXT.utf8;
		} else {
			bytes = this.buffer.write(value, bodyAt, 'utf16le');
			kind = TEXT.utf16;
		}
		this.count(bytes * 4 + kind);
		this.buffer.copyWithin(this.at, bodyAt, bodyAt + bytes);
		this.at += bytes;
	}

	private optionalString(value: string | undefined): void {
		if (value === undefined) {
			this.count(0);
		} else {
			this.count(1);
			this.string(value);
		}
	}

	private strings(values: readonly string[]): void {
		if (!Array.isArray(values)) {
			throw DOES_NOT_FIT;
		}
		this.count(values.length);
		for (let i = 0; i < values.length; i++) {
			this.string(values[i]);
		}
	}

	/**
	 * `url, spelling` pairs: each URL as its place in `targets` (+1) when it is
	 * there (0 then the URL otherwise), times 2, plus 1 for a slug title
	 * (`undefined`: no spelling written).
	 */
	private spellings(pairs: readonly (string | undefined)[], targets: readonly string[]): void {
		if (!Array.isArray(pairs) || pairs.length % 2 !== 0 || !Array.isArray(targets)) {
			throw DOES_NOT_FIT;
		}
		this.count(pairs.length / 2);
		for (let i = 0, which = -1; i < pairs.length; i += 2) {
			const url = pairs[i];
			if (typeof url !== 'string') {
				throw DOES_NOT_FIT;
			}
			const spelling = pairs[i + 1];
			// In the order of the targets, mostly: looked for after the last one found first.
			which = targets.indexOf(url, which + 1);
			if (which < 0) {
				which = targets.indexOf(url);
			}
			this.count(2 * (which + 1) + (spelling === undefined ? 1 : 0));
			if (which < 0) {
				this.string(url);
			}
			if (spelling !== undefined) {
				this.string(spelling);
			}
		}
	}

	private typedNumbers(numbers: Uint16Array | Uint32Array): void {
		const width = numbers instanceof Uint16Array ? 2 : numbers instanceof Uint32Array ? 4 : 0;
		if (width === 0) {
			throw DOES_NOT_FIT;
		}
		this.count(width);
		this.count(numbers.length);
		this.room(numbers.byteLength);
		this.buffer.set(new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), this.at);
		this.at += numbers.byteLength;
	}

	/** A free-form value: what V8's serializer would keep of it (anything else: that value serialized). */
	private value(value: unknown, depth: number): void {
		if (depth > MAX_DEPTH) {
			throw DOES_NOT_FIT;
		}
		this.room(1);
		switch (typeof value) {
			case 'undefined':
				this.buffer[this.at++] = TAG.undefined;
				return;
			case 'boolean':
				this.buffer[this.at++] = value ? TAG.true : TAG.false;
				return;
			case 'string':
				this.buffer[this.at++] = TAG.string;
				this.string(value);
				return;
			case 'number':
				if (Number.isInteger(value) && value >= 0 && value <= 0x7fffffff && !Object.is(value, -0)) {
					this.buffer[this.at++] = TAG.integer;
					this.count(value);
				} else {
					this.room(9);
					this.buffer[this.at++] = TAG.float;
					this.buffer.writeDoubleLE(value, this.at);
					this.at += 8;
				}
				return;
			case 'object':
				if (value === null) {
					this.buffer[this.at++] = TAG.null;
				} else {
					this.object(value, depth);
				}
				return;
			default:
				this.serialized(value);
		}
	}

	private object(value: object, depth: number): void {
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) {
				if (!(i in value)) {
					this.serialized(value);
					return;
				}
			}
			this.buffer[this.at++] = TAG.array;
			this.count(value.length);
			for (let i = 0; i < value.length; i++) {
				this.value(value[i], depth + 1);
			}
			return;
		}
		const prototype = Object.getPrototypeOf(value);
		if (prototype === Object.prototype || prototype === null) {
			const keys = Object.keys(value);
			this.buffer[this.at++] = TAG.object;
			this.count(keys.length);
			for (const key of keys) {
				this.string(key);
				this.value((value as Record<string, unknown>)[key], depth + 1);
			}
			return;
		}
		if (value instanceof Date) {
			this.room(9);
			this.buffer[this.at++] = TAG.date;
			this.buffer.writeDoubleLE(value.getTime(), this.at);
			this.at += 8;
			return;
		}
		this.serialized(value);
	}

	/** A value kept as V8's serializer writes it (what this layout has no tag for). */
	private serialized(value: unknown): void {
		const bytes = v8.serialize(value);
		this.room(1);
		this.buffer[this.at++] = TAG.serialized;
		this.count(bytes.length);
		this.room(bytes.length);
		bytes.copy(this.buffer, this.at);
		this.at += bytes.length;
	}
}

/** Name spellings with their slug titles made (`HeaderWriter.encode`'s). */
function withSlugTitles(pairs: readonly (string | undefined)[]): string[] {
	return pairs.map((spelling, i) => spelling ?? (i % 2 === 1 ? slugTitleOf(pairs[i - 1]!) : ''));
}

/** Encodes one header on its own (a writer for a single page). */
export function encodePageHeader(header: PageRecordHeader, nameSpellings?: readonly (string | undefined)[]): Uint8Array {
	const writer = new HeaderWriter();
	writer.encode(header, nameSpellings);
	return Buffer.from(writer.bytes);
}
