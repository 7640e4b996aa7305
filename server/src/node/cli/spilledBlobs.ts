import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StoredPageSummary, type PageBlobFile } from '../../service/parse/storedPageSummary';
import type { VaultService } from '../../service/vaultService';

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
 * The blobs are written in the order the pages will be read (their paths'
 * in `check`), and read ahead while they are read in that order.
 */
export class SpilledBlobFile implements PageBlobFile {
	private fd: number | undefined;
	/** The last slot read. */
	private last = -1;
	/** Blobs read ahead: the bytes of the slots from `first` to before `end`. */
	private ahead: { readonly first: number; readonly end: number; readonly bytes: Uint8Array } | undefined;

	private constructor(fd: number, private readonly offsets: Float64Array, private readonly lengths: Uint32Array, private readonly leftOver: string | undefined) {
		this.fd = fd;
	}

	/**
	 * Writes the in-memory blobs of the index's stored pages to a new file
	 * in `folder` and points each page at its blob there (its blob in memory
	 * let go); undefined, every page left as it was, when the file cannot be
	 * made or written. `order`: the paths in the order their pages will be
	 * read (the pages of others after them); none, the index's order.
	 */
	static spill(service: VaultService, folder = os.tmpdir(), order: readonly string[] = []): SpilledBlobFile | undefined {
		const pages: StoredPageSummary[] = [];
		const ordered = order.map(path => service.index.getPage(path));
		for (const page of new Set([...ordered, ...service.index.pages()])) {
			if (page instanceof StoredPageSummary && !page.blobOnDisk) {
				pages.push(page);
			}
		}
		if (pages.length === 0) {
			return undefined;
		}
		let place: { fd: number; leftOver: string | undefined } | undefined;
		try {
			place = openUnlinked(folder);
			const offsets = new Float64Array(pages.length);
			const lengths = new Uint32Array(pages.length);
			writeBlobs(place.fd, pages, offsets, lengths);
			const file = new SpilledBlobFile(place.fd, offsets, lengths, place.leftOver);
			pages.forEach((page, slot) => page.keepBlobIn(file, slot));
			return file;
		} catch {
			if (place !== undefined) {
				closeQuietly(place.fd);
				removeQuietly(place.leftOver);
			}
			return undefined;
		}
	}

	read(slot: number): Uint8Array | undefined {
		const fd = this.fd;
		if (fd === undefined || slot >= this.lengths.length) {
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
		while (end < this.lengths.length && this.offsets[end] + this.lengths[end] - this.offsets[slot] <= READ_AHEAD) {
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

/** Every page's blob one after the other, gathered into chunks of `WRITE_CHUNK` bytes; `offsets` and `lengths` get where each lies. */
function writeBlobs(fd: number, pages: readonly StoredPageSummary[], offsets: Float64Array, lengths: Uint32Array): void {
	const chunk = Buffer.allocUnsafe(WRITE_CHUNK);
	let filled = 0;
	let at = 0;
	const flush = (): void => {
		let done = 0;
		while (done < filled) {
			done += fs.writeSync(fd, chunk, done, filled - done);
		}
		filled = 0;
	};
	pages.forEach((page, slot) => {
		const blob = page.blob;
		offsets[slot] = at;
		lengths[slot] = blob.length;
		at += blob.length;
		if (blob.length > WRITE_CHUNK - filled) {
			flush();
		}
		if (blob.length > WRITE_CHUNK) {
			let done = 0;
			while (done < blob.length) {
				done += fs.writeSync(fd, blob, done, blob.length - done);
			}
			return;
		}
		chunk.set(blob, filled);
		filled += blob.length;
	});
	flush();
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
