import * as v8 from 'v8';
import type { PageRecordHeader } from '../service/parse/pageRecord';
import { FLAG, LAYOUT, slugTitleOf, TAG, TEXT } from './pageHeaderLayout';

/** Reads a header written by `HeaderWriter`; throws on bytes that are not one. */
export function decodePageHeader(bytes: Uint8Array): PageRecordHeader {
	return new HeaderReader(bytes).header();
}

class HeaderReader {
	private readonly buffer: Buffer;
	private at = 0;

	constructor(bytes: Uint8Array) {
		this.buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	header(): PageRecordHeader {
		const layout = this.byte();
		if (layout === LAYOUT.serialized) {
			return v8.deserialize(this.buffer.subarray(1)) as PageRecordHeader;
		}
		if (layout !== LAYOUT.compact) {
			throw new RangeError('not a page header');
		}
		const flags = this.byte();
		const path = this.string();
		const url = this.string();
		const section = this.count() === 0 ? undefined : this.string();
		const title = this.string();
		const aliases = this.strings();
		const tags = this.strings();
		const textLength = this.count();
		const span = { start: this.count(), end: this.count() };
		const bodyStart = this.count();
		const fence = this.count();
		const problems = this.value() as PageRecordHeader['frontmatter']['problems'];
		const targetUrls = this.strings();
		const data = (flags & FLAG.data) === 0 ? undefined : this.value() as PageRecordHeader['frontmatter']['data'];
		const links = (flags & FLAG.links) === 0 ? undefined : this.value() as PageRecordHeader['frontmatter']['links'];
		const nameSpellings = (flags & FLAG.nameSpellings) === 0 ? undefined : this.spellings(targetUrls);
		const shortcodeCalls = (flags & FLAG.shortcodeCalls) === 0 ? undefined : this.value() as PageRecordHeader['shortcodeCalls'];
		const siteKey = (flags & FLAG.siteKey) === 0 ? undefined : this.string();
		const numbers = this.typedNumbers();
		const spanNumbers = this.count();
		const linkSpellings = { absolute: this.count(), relative: this.count() };
		if (this.at !== this.buffer.length) {
			throw new RangeError('a page header with bytes left over');
		}
		return {
			path, url, section, title, aliases, tags, textLength,
			frontmatter: {
				present: (flags & FLAG.present) !== 0, span, bodyStart, closingFenceStart: fence === 0 ? undefined : fence - 1, problems, data,
				...(links === undefined ? {} : { links }), ...((flags & FLAG.toml) === 0 ? {} : { toml: true }),
			},
			nameSpellings,
			...(shortcodeCalls === undefined ? {} : { shortcodeCalls }),
			...(siteKey === undefined ? {} : { siteKey }),
			numbers, spanNumbers, targetUrls, linkSpellings,
			mayBeTitledFromSlug: (flags & FLAG.mayBeTitledFromSlug) !== 0,
		};
	}

	private byte(): number {
		if (this.at >= this.buffer.length) {
			throw new RangeError('a page header cut short');
		}
		return this.buffer[this.at++];
	}

	private count(): number {
		let value = 0;
		let scale = 1;
		for (let shift = 0; shift < 5; shift++) {
			const byte = this.byte();
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) {
				return value;
			}
			scale *= 0x80;
		}
		throw new RangeError('a page header with a bad count');
	}

	private end(bytes: number): number {
		const end = this.at + bytes;
		if (end > this.buffer.length) {
			throw new RangeError('a page header cut short');
		}
		return end;
	}

	private string(): string {
		const head = this.count();
		if (head === 0) {
			return '';
		}
		const kind = head % 4;
		const start = this.at;
		const end = this.end((head - kind) / 4);
		this.at = end;
		return this.buffer.toString(kind === TEXT.ascii ? 'latin1' : kind === TEXT.utf8 ? 'utf8' : 'utf16le', start, end);
	}

	private strings(): string[] {
		const count = this.count();
		const values: string[] = [];
		for (let i = 0; i < count; i++) {
			values.push(this.string());
		}
		return values;
	}

	private spellings(targets: readonly string[]): string[] {
		const count = this.count();
		const pairs: string[] = [];
		for (let i = 0; i < count; i++) {
			const head = this.count();
			const which = Math.floor(head / 2);
			if (which > targets.length) {
				throw new RangeError('a page header with a bad name spelling');
			}
			const url = which === 0 ? this.string() : targets[which - 1];
			pairs.push(url, head % 2 === 1 ? slugTitleOf(url) : this.string());
		}
		return pairs;
	}

	private typedNumbers(): Uint16Array | Uint32Array {
		const width = this.count();
		const count = this.count();
		if (width !== 2 && width !== 4) {
			throw new RangeError('a page header with bad numbers');
		}
		const numbers = width === 2 ? new Uint16Array(count) : new Uint32Array(count);
		const start = this.at;
		this.at = this.end(count * width);
		new Uint8Array(numbers.buffer).set(this.buffer.subarray(start, this.at));
		return numbers;
	}

	private value(): unknown {
		const tag = this.byte();
		switch (tag) {
			case TAG.undefined:
				return undefined;
			case TAG.null:
				return null;
			case TAG.false:
				return false;
			case TAG.true:
				return true;
			case TAG.integer:
				return this.count();
			case TAG.float:
				return this.double();
			case TAG.string:
				return this.string();
			case TAG.array: {
				const count = this.count();
				const values: unknown[] = [];
				for (let i = 0; i < count; i++) {
					values.push(this.value());
				}
				return values;
			}
			case TAG.object:
				return this.object();
			case TAG.date:
				return new Date(this.double());
			case TAG.serialized: {
				const length = this.count();
				const start = this.at;
				this.at = this.end(length);
				return v8.deserialize(this.buffer.subarray(start, this.at));
			}
			default:
				throw new RangeError('a page header with a bad value');
		}
	}

	private object(): Record<string, unknown> {
		const count = this.count();
		const object: Record<string, unknown> = {};
		for (let i = 0; i < count; i++) {
			const key = this.string();
			const value = this.value();
			if (key === '__proto__') {
				// An own property, as V8's deserializer makes it (an assignment would set the prototype).
				Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
			} else {
				object[key] = value;
			}
		}
		return object;
	}

	private double(): number {
		const start = this.at;
		this.at = this.end(8);
		return this.buffer.readDoubleLE(start);
	}
}
