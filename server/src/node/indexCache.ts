import { createHash } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import type { PageSummaryParts } from '../service/parse/pageSummary';
import { packageVersion } from './packageInfo';
import { BackgroundSlicer, TimeSlicer } from './timeSlices';
import { nodeFileSystem } from './nodeFileSystem';
import type { IndexCacheFileSystem } from './vaultFileSystem';

/**
 * The persisted index: per-page summaries keyed by path, with the `size:mtime`
 * stamp of the file they were parsed from. It is only a shortcut: an entry
 * whose stamp differs from the disk's is ignored, a corrupt or foreign file is
 * ignored whole, and the disk always wins.
 */

/** Bump when the summary or file format changes: older caches are then ignored. */
const CACHE_FORMAT = 9;

export interface CachedPage {
	readonly stamp: string;
	readonly parts: PageSummaryParts;
}

interface CacheHeader {
	readonly format: number;
	readonly version: string;
	readonly root: string;
}

/** The last chunk: the file is whole only when it is there and counts every page. */
interface CacheTrailer {
	readonly end: true;
	readonly count: number;
}

type CacheRecord = { readonly path: string } & CachedPage;

/** Pages per chunk: serializing or reading one chunk takes about a millisecond. */
const MAX_CHUNK_PAGES = 64;

/** Where the command line and editors that give no storage folder keep caches. */
export function defaultCacheDirectory(): string {
	const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
	return path.join(base, 'entity-vault');
}

export function cacheFileFor(cacheDirectory: string, root: string): string {
	return path.join(cacheDirectory, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin`);
}

/**
 * A persisted index file is a sequence of chunks, each a 32-bit length and a
 * `v8.serialize`d value: the header, arrays of pages, the trailer. Chunks are
 * written and read a time slice at a time (requests are served in between)
 * and no buffer ever holds the whole index.
 */
function readChunk(buffer: Buffer, at: number): { value: unknown; next: number } {
	const length = buffer.readUInt32LE(at);
	const end = at + 4 + length;
	if (end > buffer.length) {
		throw new RangeError('truncated chunk');
	}
	return { value: v8.deserialize(buffer.subarray(at + 4, end)), next: end };
}

function chunkOf(value: unknown): Buffer[] {
	const body = v8.serialize(value);
	const length = Buffer.alloc(4);
	length.writeUInt32LE(body.length);
	return [length, body];
}

function isRecord(value: unknown): value is CacheRecord {
	const record = value as CacheRecord;
	return typeof record?.path === 'string' && typeof record.stamp === 'string' && typeof record.parts === 'object' && record.parts !== null;
}

/** Reads a persisted index; any problem yields an empty map (the cache is only a shortcut). */
export async function loadIndexCache(file: string, root: string, fileSystem: IndexCacheFileSystem = nodeFileSystem): Promise<Map<string, CachedPage>> {
	const pages = new Map<string, CachedPage>();
	let buffer: Buffer;
	try {
		const bytes = await fileSystem.readWholeFile(file);
		buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	} catch {
		return pages;
	}
	const slicer = new TimeSlicer();
	try {
		let { value, next } = readChunk(buffer, 0);
		const header = value as CacheHeader;
		if (header?.format !== CACHE_FORMAT || header.version !== packageVersion || header.root !== root) {
			return pages;
		}
		while (next < buffer.length) {
			({ value, next } = readChunk(buffer, next));
			if (Array.isArray(value) && value.every(isRecord)) {
				for (const record of value) {
					pages.set(record.path, { stamp: record.stamp, parts: record.parts });
				}
			} else if ((value as CacheTrailer)?.end === true && (value as CacheTrailer).count === pages.size && next === buffer.length) {
				return pages;
			} else {
				break;
			}
			await slicer.pause();
		}
	} catch {
		// Corrupt: ignored whole.
	}
	pages.clear();
	return pages;
}

/**
 * Writes a persisted index a slice at a time (so requests are served
 * meanwhile), then atomically replaces the old file. `entries` is iterated
 * lazily, between slices: each page is converted when its turn comes.
 */
export async function saveIndexCache(file: string, root: string, entries: Iterable<[string, CachedPage]>, fileSystem: IndexCacheFileSystem = nodeFileSystem): Promise<void> {
	await fileSystem.createDirectory(path.dirname(file));
	const temporary = `${file}.${process.pid}.tmp`;
	const handle = await fileSystem.createFile(temporary);
	// Background work: short slices, so a request never waits long behind it, and none while an open page's diagnostics are due.
	const slicer = new BackgroundSlicer(1);
	let count = 0;
	try {
		await handle.append(chunkOf({ format: CACHE_FORMAT, version: packageVersion, root } satisfies CacheHeader));
		let records: CacheRecord[] = [];
		const flush = async (): Promise<void> => {
			if (records.length > 0) {
				const chunk = chunkOf(records);
				records = [];
				await handle.append(chunk);
			}
		};
		for (const [pagePath, page] of entries) {
			records.push({ path: pagePath, stamp: page.stamp, parts: page.parts });
			count++;
			if (records.length >= MAX_CHUNK_PAGES) {
				await flush();
			}
			await slicer.pause();
		}
		await flush();
		await handle.append(chunkOf({ end: true, count } satisfies CacheTrailer));
	} catch (error) {
		await handle.close();
		await fileSystem.removeFile(temporary);
		throw error;
	}
	await handle.close();
	await fileSystem.rename(temporary, file);
}
