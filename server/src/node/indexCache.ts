import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import type { PageSummaryParts } from '../service/parse/pageSummary';
import { packageVersion } from './packageInfo';

/**
 * The persisted index: per-page summaries keyed by path, with the `size:mtime`
 * stamp of the file they were parsed from. It is only a shortcut: an entry
 * whose stamp differs from the disk's is ignored, a corrupt or foreign file is
 * ignored whole, and the disk always wins.
 */

/** Bump when the summary format changes: older caches are then ignored. */
const CACHE_FORMAT = 1;
const SLICE = 2000;


export interface CachedPage {
	readonly stamp: string;
	readonly parts: PageSummaryParts;
}

interface CacheHeader {
	readonly format: number;
	readonly version: string;
	readonly root: string;
	readonly count: number;
}

/** Where the command line and editors that give no storage folder keep caches. */
export function defaultCacheDirectory(): string {
	const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
	return path.join(base, 'entity-vault');
}

export function cacheFileFor(cacheDirectory: string, root: string): string {
	return path.join(cacheDirectory, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin`);
}

const yieldToEventLoop = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/** Reads a persisted index; any problem yields an empty map (the cache is only a shortcut). */
export async function loadIndexCache(file: string, root: string): Promise<Map<string, CachedPage>> {
	const pages = new Map<string, CachedPage>();
	let buffer: Buffer;
	try {
		buffer = await fs.promises.readFile(file);
	} catch {
		return pages;
	}
	try {
		const deserializer = new v8.Deserializer(buffer);
		deserializer.readHeader();
		const header = deserializer.readValue() as CacheHeader;
		if (header?.format !== CACHE_FORMAT || header.version !== packageVersion || header.root !== root || !Number.isInteger(header.count)) {
			return pages;
		}
		for (let i = 0; i < header.count; i++) {
			const entry = deserializer.readValue() as CachedPage & { path: string };
			if (typeof entry?.path !== 'string' || typeof entry.stamp !== 'string' || typeof entry.parts !== 'object') {
				pages.clear();
				return pages;
			}
			pages.set(entry.path, { stamp: entry.stamp, parts: entry.parts });
			if (i % SLICE === SLICE - 1) {
				await yieldToEventLoop();
			}
		}
	} catch {
		pages.clear();
	}
	return pages;
}

/**
 * Writes a persisted index in slices (so requests are served meanwhile),
 * then atomically replaces the old file.
 */
export async function saveIndexCache(file: string, root: string, entries: Iterable<[string, CachedPage]>): Promise<void> {
	const list = [...entries];
	const serializer = new v8.Serializer();
	serializer.writeHeader();
	serializer.writeValue({ format: CACHE_FORMAT, version: packageVersion, root, count: list.length } satisfies CacheHeader);
	for (let i = 0; i < list.length; i++) {
		const [pagePath, page] = list[i];
		serializer.writeValue({ path: pagePath, stamp: page.stamp, parts: page.parts });
		if (i % SLICE === SLICE - 1) {
			await yieldToEventLoop();
		}
	}
	await fs.promises.mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	await fs.promises.writeFile(temporary, serializer.releaseBuffer());
	await fs.promises.rename(temporary, file);
}
