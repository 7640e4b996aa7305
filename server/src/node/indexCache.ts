import { createHash, randomBytes } from 'crypto';
import { startMark } from './startTimeline';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import type { PageRecordHeader } from '../service/parse/pageRecord';
import type { BlobOnDisk, PageRecord } from '../service/parse/storedPageSummary';
import { BLOB_CHECKSUM_START, blobChecksumOf, DiskBlobFile, knownBlobChecksum } from './blobFile';
import { packageVersion } from './packageInfo';
import { BackgroundSlicer } from './timeSlices';
import { nodeFileSystem } from './nodeFileSystem';
import { decodePageHeader, HeaderWriter } from './pageHeaderCodec';
import type { IndexCacheFileSystem, WritableFile } from './vaultFileSystem';
import { cutState, isStateCuts, StateAssembler, type StateCut } from './statePieces';
import { IndexFileHeaders, WrittenPages } from './writtenPages';

/**
 * The persisted index: the page records (storedPageSummary.ts) keyed by
 * path, with the `size:mtime` stamp of the file they were parsed from. It
 * is only a shortcut: an entry whose stamp differs from the disk's is
 * ignored, a corrupt or foreign file is ignored whole, and the disk always wins.
 */

/** Bump when the summary or file format changes: older caches are then ignored. */
const CACHE_FORMAT = 16;

/**
 * A page of the persisted index as loaded: its path, its stamp, its
 * record's header still encoded (`cachedRecord` decodes it), a view into
 * the file's buffer (nothing is copied), and where its blob lies in the
 * file of blobs (read when the page is expanded, never kept in memory).
 */
export interface CachedPage {
	readonly path: string;
	/** '' for a page not read from disk (open in the editor when written): the disk is read for it, not this. */
	readonly stamp: string;
	readonly header: Uint8Array;
	readonly blob: BlobOnDisk;
}

/** A page as read: its header is a view made when asked for (no typed array per page made on the path to ready). */
class LoadedPage implements CachedPage {
	constructor(
		readonly path: string, readonly stamp: string, private readonly buffer: Uint8Array,
		private readonly at: number, private readonly headerEnd: number, readonly file: DiskBlobFile, readonly slot: number,
	) { }

	get header(): Uint8Array {
		return this.buffer.subarray(this.at, this.headerEnd);
	}

	get blob(): BlobOnDisk {
		return this;
	}
}

/** Everything a persisted index file holds. */
export interface IndexCacheContents {
	/** The pages read from disk, by path (stamp not ''). */
	readonly pages: Map<string, CachedPage>;
	/** Every page written, in the order written (the index's): those of `pages` and those not read from disk. */
	readonly inOrder: readonly CachedPage[];
	/** The index's state written after the pages (`VaultService.persistedIndexState`), if one was. */
	readonly state: unknown;
	/** The file of the pages' blobs, open (close it when no page points into it); none when nothing was loaded. */
	readonly blobs?: DiskBlobFile;
}

/**
 * A page to write: its stamp ('' when not read from disk) and its record
 * (a stored page's own, its header still encoded when it was never
 * decoded; an edited page's split and encoded).
 */
export interface PageToCache {
	readonly stamp: string;
	/** Read only for what is not copied from `slot` (a stored page's are getters: nothing is made or read for a page copied). */
	readonly record: { readonly header: PageRecordHeader | Uint8Array; readonly blob: Uint8Array };
	/** The header's name spellings when it left them out, a slug title as `undefined` (`HeaderWriter.encode`). */
	readonly nameSpellings?: readonly (string | undefined)[];
	/**
	 * The page's slot in the persisted index written last (`saveIndexCache`'s
	 * `previous`) when it is unchanged since: its bytes are copied from there
	 * (its header's too when they are known), not taken from `record`.
	 */
	readonly slot?: number;
}

interface CacheHeader {
	readonly format: number;
	readonly version: string;
	readonly root: string;
	/** The name of the file of blobs beside it (written first, under a name of its own). */
	readonly blobs: string;
}

/**
 * The pages of one chunk: paths, stamps, per page the byte lengths of its
 * encoded header (which follow the table, in that order) and of its blob
 * (the next one in the file of blobs), and its blob's checksum.
 */
interface PageTable {
	readonly paths: readonly string[];
	readonly stamps: readonly string[];
	readonly lengths: Uint32Array;
	readonly sums: Uint32Array;
}

/**
 * The chunk after the pages, when the index's state was written: its head
 * (statePieces.ts), and where its long arrays and maps were cut out; their
 * pieces follow, a chunk each (`StatePieceChunk`).
 */
interface StateChunk {
	readonly state: unknown;
	readonly cuts: readonly StateCut[];
}

interface StatePieceChunk {
	readonly statePiece: unknown[];
}

/** The serialized pieces of a state gathered before they are appended (a write each about this many bytes). */
const STATE_WRITE_BYTES = 1024 * 1024;

/** The last chunk: the file is whole only when it is there, counts every page and its checksum matches every byte before it. */
interface CacheTrailer {
	readonly end: true;
	readonly count: number;
	readonly checksum: number;
	/** The size of the file of blobs. */
	readonly blobBytes: number;
}

/** Pages per chunk: writing one chunk takes about a millisecond. */
const MAX_CHUNK_PAGES = 64;

/** A large blob's checksum is worked out this many bytes at a time (about a millisecond each), pausing between. */
const BLOB_PIECE = 256 * 1024;

/** Every piece of the file is padded to this many bytes, so the checksum reads it as pairs of 32-bit words. */
const ALIGN = 8;

/** Where the command line and editors that give no storage folder keep caches. */
export function defaultCacheDirectory(): string {
	const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
	return path.join(base, 'entity-vault');
}

export function cacheFileFor(cacheDirectory: string, root: string): string {
	return path.join(cacheDirectory, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin`);
}

/** The record of a loaded page: its header decoded (its blob stays in its file). */
export function cachedRecord(page: CachedPage): PageRecord {
	return { header: decodePageHeader(page.header), blob: page.blob };
}

/**
 * A checksum of whole pairs of 32-bit words (two FNV-1a lanes), carried
 * from piece to piece of the file: about 0.3 ms a megabyte.
 */
class Checksum {
	private a = 0x811c9dc5 | 0;
	private b = 0x050c5d1f | 0;

	add(bytes: Uint8Array): void {
		const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
		const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
		let a = this.a;
		let b = this.b;
		for (let i = 0; i + 1 < words.length; i += 2) {
			a = Math.imul(a ^ words[i], 16777619);
			b = Math.imul(b ^ words[i + 1], 16777619);
		}
		this.a = a;
		this.b = b;
	}

	get value(): number {
		return (this.a ^ Math.imul(this.b, 31)) >>> 0;
	}
}

/**
 * The checksum of a file as it is read: each piece read is added while the
 * next is read, but for the last bytes (the trailer, whose start is not
 * known yet), added once it is.
 */
class RunningChecksum {
	private readonly checksum = new Checksum();
	private added = 0;

	feed(buffer: Uint8Array, filled: number): void {
		const room = Math.max(0, filled - TRAILER_ROOM);
		const end = room - (room % ALIGN);
		if (end > this.added) {
			this.checksum.add(buffer.subarray(this.added, end));
			this.added = end;
		}
	}

	/** The checksum of `buffer`'s bytes before `end` (a multiple of 8). */
	upTo(buffer: Uint8Array, end: number): Checksum {
		if (end < this.added) {
			const whole = new Checksum();
			whole.add(buffer.subarray(0, end));
			return whole;
		}
		this.checksum.add(buffer.subarray(this.added, end));
		this.added = end;
		return this.checksum;
	}
}

/** The bytes at the end of what is read so far left to `RunningChecksum.upTo`: more than a trailer takes. */
const TRAILER_ROOM = 4096;

function padding(length: number): number {
	return (ALIGN - (length % ALIGN)) % ALIGN;
}

/**
 * A persisted index file is a sequence of pieces, each padded to 8 bytes:
 * chunks (a 32-bit length and a `v8.serialize`d value: the header, a page
 * table, the trailer), each page table followed by the headers (pageHeaderCodec.ts) and
 * blobs of its pages. It is read with one read and used in place; it is
 * written a time slice at a time (requests are served in between).
 */
function readChunk(buffer: Uint8Array, at: number): { value: unknown; next: number } {
	if (at + 4 > buffer.length) {
		throw new RangeError('truncated chunk');
	}
	const length = buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (buffer[at + 3] << 24);
	const end = at + 4 + length;
	if (length < 0 || end > buffer.length) {
		throw new RangeError('truncated chunk');
	}
	return { value: v8.deserialize(buffer.subarray(at + 4, end)), next: end + padding(4 + length) };
}

function chunkOf(value: unknown): Buffer {
	const body = v8.serialize(value);
	const chunk = Buffer.alloc(4 + body.length + padding(4 + body.length));
	chunk.writeUInt32LE(body.length);
	body.copy(chunk, 4);
	return chunk;
}

function isPageTable(value: unknown): value is PageTable {
	const table = value as PageTable;
	return Array.isArray(table?.paths) && Array.isArray(table.stamps) && table.lengths instanceof Uint32Array && table.sums instanceof Uint32Array
		&& table.stamps.length === table.paths.length && table.lengths.length === 2 * table.paths.length && table.sums.length === table.paths.length
		&& table.paths.every(item => typeof item === 'string') && table.stamps.every(item => typeof item === 'string');
}

/** Reads a persisted index's pages read from disk; any problem yields an empty map (the cache is only a shortcut). */
export async function loadIndexCache(file: string, root: string, fileSystem: IndexCacheFileSystem = nodeFileSystem): Promise<Map<string, CachedPage>> {
	return (await loadIndexCacheFile(file, root, fileSystem)).pages;
}

const NOTHING: IndexCacheContents = Object.freeze({ pages: new Map(), inOrder: [], state: undefined });

/** Reads a persisted index whole; any problem yields nothing at all (the cache is only a shortcut). */
export async function loadIndexCacheFile(file: string, root: string, fileSystem: IndexCacheFileSystem = nodeFileSystem): Promise<IndexCacheContents> {
	let buffer: Uint8Array;
	const running = new RunningChecksum();
	const parser = new ChunkParser(root, path.dirname(file));
	try {
		// The chunks read so far are taken in and checked while the rest is read.
		buffer = await fileSystem.readWholeFile(file, (bytes, filled) => {
			running.feed(bytes, filled);
			parser.advance(bytes, filled);
		});
		startMark(`persisted index read (${buffer.length} bytes)`);
	} catch {
		return { ...NOTHING, pages: new Map() };
	}
	parser.advance(buffer, buffer.length);
	const { trailer, pages, inOrder, state, blobs } = parser;
	if (trailer === undefined || blobs === undefined || parser.next !== buffer.length || trailer.count !== inOrder.length || trailer.blobBytes !== blobs.size) {
		return { ...NOTHING, pages: new Map() };
	}
	const checksum = running.upTo(buffer, parser.trailerStart);
	startMark('persisted index checksum');
	// Every path once (a page not from disk is not in `pages`: counted apart).
	const distinct = pages.size === inOrder.length || new Set(inOrder.map(page => page.path)).size === inOrder.length;
	if (checksum.value !== trailer.checksum || !distinct || !openBlobs(blobs, fileSystem)) {
		return { ...NOTHING, pages: new Map() };
	}
	return { pages, inOrder, state, blobs };
}

/** Opens a file of blobs for its slots; false when it is missing, unreadable or not their size. */
function openBlobs(blobs: DiskBlobFile, fileSystem: IndexCacheFileSystem): boolean {
	try {
		return blobs.open(fileSystem.openForReading(blobs.path));
	} catch {
		return false;
	}
}

/**
 * Takes in a persisted index's chunks as its bytes are read: each chunk
 * whole in the bytes read so far (a page table's pages are views, their
 * bytes may still be coming). Stops at the trailer or at anything wrong
 * (`trailer` stays undefined: the file is ignored whole).
 */
class ChunkParser {
	readonly pages = new Map<string, CachedPage>();
	readonly inOrder: CachedPage[] = [];
	/** The state read so far (its head, then its pieces). */
	private stateRead: StateAssembler | undefined;
	trailer: CacheTrailer | undefined;
	trailerStart = 0;
	next = 0;
	/** The file of blobs the header names (opened once the file is found whole). */
	blobs: DiskBlobFile | undefined;
	private headerRead = false;
	private stopped = false;

	constructor(private readonly root: string, private readonly folder: string) { }

	/** The index's state written after the pages, put back together; undefined when none was, or not whole. */
	get state(): unknown {
		return this.stateRead?.value();
	}

	advance(buffer: Uint8Array, filled: number): void {
		try {
			while (!this.stopped && this.next + 4 <= filled) {
				const at = this.next;
				const length = buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (buffer[at + 3] << 24);
				if (length < 0 || at + 4 + length > buffer.length) {
					this.stopped = true;
				} else if (at + 4 + length <= filled) {
					const { value, next } = readChunk(buffer, at);
					this.next = next;
					this.take(value, at, buffer);
				} else {
					return;
				}
			}
		} catch {
			this.stopped = true;
			this.trailer = undefined;
		}
	}

	private take(value: unknown, start: number, buffer: Uint8Array): void {
		if (!this.headerRead) {
			const header = value as CacheHeader;
			this.headerRead = true;
			this.stopped = header?.format !== CACHE_FORMAT || header.version !== packageVersion || header.root !== this.root
				|| typeof header.blobs !== 'string' || header.blobs !== path.basename(header.blobs);
			this.blobs = this.stopped ? undefined : new DiskBlobFile(path.join(this.folder, header.blobs));
		} else if (isPageTable(value) && this.stateRead === undefined) {
			let at = this.next;
			const blobs = this.blobs!;
			for (let i = 0; i < value.paths.length; i++) {
				const headerEnd = at + value.lengths[2 * i];
				if (headerEnd > buffer.length) {
					throw new RangeError('truncated pages');
				}
				const page = new LoadedPage(value.paths[i], value.stamps[i], buffer, at, headerEnd, blobs, blobs.slots);
				blobs.add(value.lengths[2 * i + 1], value.sums[i]);
				this.inOrder.push(page);
				if (page.stamp !== '') {
					this.pages.set(page.path, page);
				}
				at = headerEnd;
			}
			this.next = at + padding(at - this.next);
		} else if ((value as StateChunk)?.state !== undefined && isStateCuts((value as StateChunk).cuts) && this.stateRead === undefined) {
			this.stateRead = new StateAssembler((value as StateChunk).state, (value as StateChunk).cuts);
		} else if ((value as StatePieceChunk)?.statePiece !== undefined && this.stateRead !== undefined) {
			this.stateRead.add((value as StatePieceChunk).statePiece);
		} else if ((value as CacheTrailer)?.end === true) {
			this.trailer = value as CacheTrailer;
			this.trailerStart = start;
			this.stopped = true;
		} else {
			this.stopped = true;
		}
	}
}

/** What writing a persisted index gave. */
export interface SavedIndexCache {
	/** Whether `state` gave a value (and it was written). */
	readonly stateWritten: boolean;
	/**
	 * The pages written, their file of blobs and the index file open, the
	 * slots the pages in the order written (what the next write copies);
	 * undefined when the files could not be opened again.
	 */
	readonly written: WrittenPages | undefined;
}

/** Removes a file, if it is there; nothing when it cannot be. */
async function removeQuietly(fileSystem: IndexCacheFileSystem, file: string): Promise<void> {
	await fileSystem.removeFile(file).catch(() => undefined);
}

/**
 * Writes a persisted index a slice at a time (so requests are served
 * meanwhile): the pages' blobs into a new file of blobs under a name of its
 * own, the rest into a temporary file that then atomically replaces the
 * old index (which named its own file of blobs: the caller removes it once
 * no page points into it). `entries` is iterated lazily, between slices:
 * each page's record is taken when its turn comes (its header encoded, its
 * blob written as it is), or its bytes copied from `previous`, the index
 * written last, when it has a slot there.
 */
export async function saveIndexCache(
	file: string, root: string, entries: Iterable<[string, PageToCache]>, fileSystem: IndexCacheFileSystem = nodeFileSystem,
	state?: () => Iterator<void, unknown>, previous?: WrittenPages,
): Promise<SavedIndexCache> {
	await fileSystem.createDirectory(path.dirname(file));
	const temporary = `${file}.${process.pid}.tmp`;
	const blobsName = `${path.basename(file, '.bin')}.${process.pid}-${randomBytes(6).toString('hex')}.blobs`;
	const blobs = new DiskBlobFile(path.join(path.dirname(file), blobsName));
	const headerSlots = new IndexFileHeaders(file);
	const handle = await fileSystem.createFile(temporary);
	let blobHandle: WritableFile | undefined;
	// Background work: short slices, so a request never waits long behind it, and none while an open page's diagnostics are due.
	const slicer = new BackgroundSlicer(1, undefined, undefined, 'persisted index write');
	const checksum = new Checksum();
	// The bytes of the index file so far.
	let size = 0;
	const append = async (pieces: Uint8Array[]): Promise<void> => {
		for (const piece of pieces) {
			checksum.add(piece);
			size += piece.length;
		}
		await handle.append(pieces);
	};
	let count = 0;
	let stateWritten = false;
	try {
		blobHandle = await fileSystem.createFile(blobs.path);
		await append([chunkOf({ format: CACHE_FORMAT, version: packageVersion, root, blobs: blobsName } satisfies CacheHeader)]);
		let paths: string[] = [];
		let stamps: string[] = [];
		let lengths: number[] = [];
		let sums: number[] = [];
		// The chunk's headers, encoded one after the other (pageHeaderCodec.ts).
		const headers = new HeaderWriter();
		let blobBytes: Uint8Array[] = [];
		const flush = async (): Promise<void> => {
			if (paths.length > 0) {
				const table = chunkOf({ paths, stamps, lengths: Uint32Array.from(lengths), sums: Uint32Array.from(sums) } satisfies PageTable);
				for (let i = 0, at = size + table.length; i < lengths.length; i += 2) {
					headerSlots.add(at, lengths[i]);
					at += lengths[i];
				}
				const region = headers.bytes;
				const pieces: Uint8Array[] = [table, region];
				const pad = padding(region.length);
				if (pad > 0) {
					pieces.push(new Uint8Array(pad));
				}
				const written = blobBytes;
				paths = [];
				stamps = [];
				lengths = [];
				sums = [];
				blobBytes = [];
				// Appended as one padded piece (copied: the writer's buffer is used again): the checksum reads whole words.
				const piece = Buffer.concat(pieces);
				headers.reset();
				// One buffer a write: a write of 64 views costs the thread several times more than the copy (measured 0.7 against 0.2 ms).
				await blobHandle!.append([Buffer.concat(written)]);
				await append([piece]);
			}
		};
		for (const [pagePath, page] of entries) {
			// Unchanged since the index written last: its bytes as they are there (any that cannot be read, from its record).
			const copied = page.slot === undefined ? undefined : previous?.take(page.slot);
			const header = copied?.header ?? page.record.header;
			const headerLength = header instanceof Uint8Array ? headers.copy(header) : headers.encode(header, page.nameSpellings);
			const blob = copied?.blob ?? page.record.blob;
			let sum = copied?.checksum ?? knownBlobChecksum(blob);
			if (sum === undefined) {
				// A large blob's a piece at a time, a slice each.
				let hash = BLOB_CHECKSUM_START;
				for (let at = 0; at < blob.length; at += BLOB_PIECE) {
					hash = blobChecksumOf(blob, hash, at, Math.min(blob.length, at + BLOB_PIECE));
					if (at + BLOB_PIECE < blob.length) {
						await slicer.pause('blob checksum piece');
					}
				}
				sum = hash >>> 0;
			}
			paths.push(pagePath);
			stamps.push(page.stamp);
			lengths.push(headerLength, blob.length);
			sums.push(sum);
			blobs.add(blob.length, sum);
			blobBytes.push(blob);
			count++;
			if (paths.length >= MAX_CHUNK_PAGES) {
				await flush();
				// Written: the event loop ran meanwhile.
				slicer.restart();
			}
			await slicer.pause(copied === undefined ? 'page' : 'page copied');
		}
		await flush();
		slicer.restart();
		if (state) {
			// Made a step at a time too; written only when the pages did not change meanwhile (undefined otherwise).
			const steps = state();
			let step = steps.next();
			while (step.done !== true) {
				await slicer.pause('state');
				step = steps.next();
			}
			if (step.value !== undefined) {
				// Cut at once (it holds the index's live maps), its head serialized now, its pieces a slice each.
				const { head, cuts, pieces } = cutState(step.value);
				let chunks = [chunkOf({ state: head, cuts } satisfies StateChunk)];
				let bytes = chunks[0].length;
				for (const piece of pieces) {
					await slicer.pause('state piece');
					const chunk = chunkOf({ statePiece: piece } satisfies StatePieceChunk);
					chunks.push(chunk);
					bytes += chunk.length;
					if (bytes >= STATE_WRITE_BYTES) {
						await append([Buffer.concat(chunks)]);
						slicer.restart();
						chunks = [];
						bytes = 0;
					}
				}
				await append([Buffer.concat(chunks)]);
				stateWritten = true;
			}
		}
		const trailer = chunkOf({ end: true, count, checksum: checksum.value, blobBytes: blobs.size } satisfies CacheTrailer);
		await handle.append([trailer]);
		size += trailer.length;
		await blobHandle.close();
		blobHandle = undefined;
	} catch (error) {
		await handle.close();
		await blobHandle?.close();
		await removeQuietly(fileSystem, temporary);
		await removeQuietly(fileSystem, blobs.path);
		throw error;
	}
	await handle.close();
	// Opened before it is renamed into place: the file read later is the one written here, whatever replaces it.
	const headersOpen = openHeaders(headerSlots, temporary, size, fileSystem);
	await fileSystem.rename(temporary, file);
	if (!openBlobs(blobs, fileSystem)) {
		headerSlots.close();
		return { stateWritten, written: undefined };
	}
	return { stateWritten, written: new WrittenPages(blobs, headersOpen ? headerSlots : undefined) };
}

/** Opens an index file just written for the slots of its headers; false when it cannot be opened or is not `size` bytes long. */
function openHeaders(headers: IndexFileHeaders, file: string, size: number, fileSystem: IndexCacheFileSystem): boolean {
	try {
		return headers.open(fileSystem.openForReading(file), size);
	} catch {
		return false;
	}
}
