import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StoredPageSummary, type PageBlobFile } from '../../service/parse/storedPageSummary';
import type { VaultService } from '../../service/vaultService';
import { rememberAnchorIds } from '../../service/vault/pageAnchors';

/** Bytes gathered before each write. */
const WRITE_CHUNK = 1 << 20;
/** Bytes read at once when blobs are read in the order they were written: about a hundred blobs. */
const READ_AHEAD = 1 << 18;

/**
 * The blobs of a vault's stored pages, moved out of memory into a file of
 * this process's own for the rest of a `check`: without a persisted index
 * (`--cache-dir`) every page's blob would stay in memory (≈ 2 KiB a page,
 * 200 MiB at 100,000 pages) until the process ends, though each is read
 * only when its page is expanded. The file is removed as soon as it is
 * open (on POSIX; elsewhere at `close`), so nothing is left behind when
 * `check` fails or is interrupted. A blob that cannot be read back gives
 * undefined: its page is then read and parsed again (`StoredPages.blobBytes`).
 * Blobs are written a group at a time (`append`: `check` writes each few
 * thousand pages indexed, so they never all sit in memory), each group in
 * the order given, and read ahead while they are read in the order written.
 */
export class SpilledBlobFile implements PageBlobFile {
	private fd: number | undefined;
	/** Blobs written, and their bytes. */
	private count = 0;
	private size = 0;
	/** Where each slot's blob lies (the first `count` entries). */
	private offsets = new Float64Array(1024);
	private lengths = new Uint32Array(1024);
	/** A write failed: nothing more is written here (the blobs written before are still read). */
	private failed = false;
	/** The last slot read. */
	private last = -1;
	/** Blobs read ahead: the bytes of the slots from `first` to before `end`. */
	private ahead: { readonly first: number; readonly end: number; readonly bytes: Uint8Array } | undefined;

	private constructor(fd: number, private readonly leftOver: string | undefined) {
		this.fd = fd;
	}

	/** A new empty file in `folder`; undefined when it cannot be made. */
	static open(folder = os.tmpdir()): SpilledBlobFile | undefined {
		try {
			const place = openUnlinked(folder);
			return new SpilledBlobFile(place.fd, place.leftOver);
		} catch {
			return undefined;
		}
	}

	/**
	 * The index's stored pages whose blobs are in memory: those of the paths
	 * of `order` first, in that order, then the others in the index's order.
	 */
	static inMemory(service: VaultService, order: readonly string[] = []): StoredPageSummary[] {
		const pages: StoredPageSummary[] = [];
		// Without an order (`check` writes a group every few thousand pages indexed), the index's pages as they are:
		// no set of every page made again for each group.
		const candidates = order.length === 0 ? service.index.pages() : new Set([...order.map(path => service.index.getPage(path)), ...service.index.pages()]);
		for (const page of candidates) {
			if (page instanceof StoredPageSummary && !page.blobOnDisk) {
				pages.push(page);
			}
		}
		return pages;
	}

	/**
	 * Writes the in-memory blobs of the index's stored pages to a new file
	 * in `folder` and points each page at its blob there (its blob in memory
	 * let go); undefined, every page left as it was, when the file cannot be
	 * made or written. `order`: the paths in the order their pages will be
	 * read (the pages of others after them); none, the index's order.
	 */
	static spill(service: VaultService, folder = os.tmpdir(), order: readonly string[] = []): SpilledBlobFile | undefined {
		const pages = SpilledBlobFile.inMemory(service, order);
		if (pages.length === 0) {
			return undefined;
		}
		const file = SpilledBlobFile.open(folder);
		if (file !== undefined && !file.append(pages, true)) {
			file.close();
			return undefined;
		}
		return file;
	}

	/**
	 * Writes the blobs of `pages` after those written so far, in that order,
	 * and points each page at its blob here (its blob in memory let go);
	 * false, these pages left as they were, when they cannot be written
	 * (nothing is written here after that). `lettingPoolGo`: the pages are
	 * the last of the index, and its string pool is let go as when the
	 * persisted index is written (`StoredPageSummary.keepBlobIn`); otherwise
	 * indexing goes on, sharing strings with the pages made so far.
	 */
	append(pages: readonly StoredPageSummary[], lettingPoolGo: boolean): boolean {
		const fd = this.fd;
		if (fd === undefined || this.failed) {
			return false;
		}
		this.makeRoom(this.count + pages.length);
		try {
			this.size = writeBlobs(fd, pages, this.size, this.offsets.subarray(this.count), this.lengths.subarray(this.count));
		} catch {
			this.failed = true;
			return false;
		}
		pages.forEach((page, i) => page.keepBlobIn(this, this.count + i, lettingPoolGo));
		this.count += pages.length;
		return true;
	}

	private makeRoom(count: number): void {
		if (count <= this.offsets.length) {
			return;
		}
		const length = Math.max(count, this.offsets.length * 2);
		const offsets = new Float64Array(length);
		const lengths = new Uint32Array(length);
		offsets.set(this.offsets);
		lengths.set(this.lengths);
		this.offsets = offsets;
		this.lengths = lengths;
	}

	read(slot: number): Uint8Array | undefined {
		const fd = this.fd;
		if (fd === undefined || slot >= this.count) {
			return undefined;
		}
		const sequential = slot === this.last + 1;
		this.last = slot;
		const ahead = this.ahead;
		if (ahead !== undefined && slot >= ahead.first && slot < ahead.end) {
			const start = this.offsets[slot] - this.offsets[ahead.first];
			return ahead.bytes.subarray(start, start + this.lengths[slot]);
		}
		if (!sequential) {
			return this.readBytes(fd, this.offsets[slot], this.lengths[slot]);
		}
		// Read in order: this blob and those after it, up to `READ_AHEAD` bytes (at least this one whole).
		let end = slot + 1;
		while (end < this.count && this.offsets[end] + this.lengths[end] - this.offsets[slot] <= READ_AHEAD) {
			end++;
		}
		const bytes = this.readBytes(fd, this.offsets[slot], this.offsets[end - 1] + this.lengths[end - 1] - this.offsets[slot]);
		this.ahead = bytes === undefined ? undefined : { first: slot, end, bytes };
		return bytes?.subarray(0, this.lengths[slot]);
	}

	/** `length` bytes at `offset`, all of them, or undefined. */
	private readBytes(fd: number, offset: number, length: number): Uint8Array | undefined {
		const bytes = new Uint8Array(length);
		try {
			return fs.readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
		} catch {
			return undefined;
		}
	}

	/** Stops reading (a page still pointing here is parsed again when its blob is needed) and removes the file if it is still there. */
	close(): void {
		this.ahead = undefined;
		if (this.fd !== undefined) {
			closeQuietly(this.fd);
			this.fd = undefined;
		}
		removeQuietly(this.leftOver);
	}
}

/**
 * `check`'s blobs written to its file while the vault is indexed, a group
 * of at least `every` pages at a time (so they never all sit in memory),
 * each group in the order of its paths; each page's anchor ids made first,
 * while its blob is in memory: other pages' diagnostics check links to its
 * headings against them (`rememberAnchorIds`).
 */
export class SpillWhileIndexing {
	private spilledAt = 0;

	constructor(readonly file: SpilledBlobFile, private readonly every = 4096) {}

	/** Pages are being indexed, `indexed` so far: those in memory are written when `every` more are. */
	indexed(service: VaultService, indexed: number): void {
		if (indexed - this.spilledAt >= this.every) {
			this.spilledAt = indexed;
			this.spill(service, false);
		}
	}

	/** Indexing is done: the rest are written (see `SpilledBlobFile.append` for the string pool). */
	finish(service: VaultService): void {
		this.spill(service, true);
	}

	private spill(service: VaultService, last: boolean): void {
		const { index } = service;
		const site = service.settings().site;
		const pages = SpilledBlobFile.inMemory(service).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		for (const page of pages) {
			rememberAnchorIds(page, site, index, index.anchorIds);
		}
		if (pages.length > 0) {
			this.file.append(pages, last);
		}
	}
}

/** A new file in a folder of its own under `folder`, open for reading and writing, and removed at once where an open file can be: `leftOver` names it otherwise. */
function openUnlinked(folder: string): { fd: number; leftOver: string | undefined } {
	const own = fs.mkdtempSync(path.join(folder, 'entity-vault-check-'));
	const file = path.join(own, 'blobs');
	const fd = fs.openSync(file, 'wx+');
	try {
		fs.unlinkSync(file);
		fs.rmdirSync(own);
		return { fd, leftOver: undefined };
	} catch {
		return { fd, leftOver: file };
	}
}

/**
 * Every page's blob one after the other from `at` in the file, gathered into
 * chunks of `WRITE_CHUNK` bytes; `offsets` and `lengths` get where each lies.
 * Gives where the file's bytes end.
 */
function writeBlobs(fd: number, pages: readonly StoredPageSummary[], at: number, offsets: Float64Array, lengths: Uint32Array): number {
	const chunk = Buffer.allocUnsafe(WRITE_CHUNK);
	let filled = 0;
	const write = (bytes: Uint8Array, length: number): void => {
		let done = 0;
		while (done < length) {
			done += fs.writeSync(fd, bytes, done, length - done, at + done);
		}
		at += length;
	};
	pages.forEach((page, slot) => {
		const blob = page.blob;
		if (blob.length > WRITE_CHUNK - filled) {
			write(chunk, filled);
			filled = 0;
		}
		offsets[slot] = at + filled;
		lengths[slot] = blob.length;
		if (blob.length > WRITE_CHUNK) {
			write(blob, blob.length);
			return;
		}
		chunk.set(blob, filled);
		filled += blob.length;
	});
	write(chunk, filled);
	return at;
}

function closeQuietly(fd: number): void {
	try {
		fs.closeSync(fd);
	} catch {
		// Closed anyway.
	}
}

function removeQuietly(file: string | undefined): void {
	if (file === undefined) {
		return;
	}
	try {
		fs.unlinkSync(file);
		fs.rmdirSync(path.dirname(file));
	} catch {
		// Gone already, or left for the system's temporary folder cleaning.
	}
}
