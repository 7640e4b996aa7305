import type { PageBlobFile } from '../service/parse/storedPageSummary';
import type { ReadableFile } from './vaultFileSystem';

/** FNV-1a of a blob's bytes: a blob read back is used only when it is the one written. */
export function blobChecksum(bytes: Uint8Array): number {
	return blobChecksumOf(bytes, BLOB_CHECKSUM_START, 0, bytes.length) >>> 0;
}

/** Where `blobChecksumOf` starts: a blob's checksum is `blobChecksumOf(bytes, BLOB_CHECKSUM_START, 0, bytes.length) >>> 0`. */
export const BLOB_CHECKSUM_START = 0x811c9dc5 | 0;

/** `blobChecksum` a piece at a time: `hash` carried from the piece before (a large blob's, between time slices). */
export function blobChecksumOf(bytes: Uint8Array, hash: number, start: number, end: number): number {
	let running = hash;
	for (let i = start; i < end; i++) {
		running = Math.imul(running ^ bytes[i], 16777619);
	}
	return running;
}

/**
 * The checksums of the blobs read back and found whole (`DiskBlobFile.read`),
 * by their bytes: writing such a blob again takes it rather than reading
 * every byte again. Weak: gone with the bytes.
 */
const verifiedChecksums = new WeakMap<Uint8Array, number>();

/** The checksum of bytes a file of blobs gave back (undefined for any other bytes). */
export function knownBlobChecksum(bytes: Uint8Array): number | undefined {
	return verifiedChecksums.get(bytes);
}

/**
 * A file of a persisted index open for reading, its bytes in slots (one
 * per page, in the order written): where each slot lies and how long it is,
 * known before the file is opened. The file stays open while pages point
 * into it: replaced by a newer index or removed, it is still the file
 * opened; cut short, a read gives undefined, as it does once closed.
 */
export class SlotFile {
	private readonly starts: number[] = [];
	private readonly lengths: number[] = [];
	private offsets: Float64Array | undefined;
	private lengthsOf: Uint32Array | undefined;
	private handle: ReadableFile | undefined;

	constructor(readonly path: string) { }

	/** The next slot: `length` bytes at `offset` (before `open`). */
	protected addSlot(offset: number, length: number): void {
		this.starts.push(offset);
		this.lengths.push(length);
	}

	get slots(): number {
		return this.lengthsOf?.length ?? this.lengths.length;
	}

	/** Starts reading from `handle` (the slots are known by then); false, and closed, when its size is not `size`. */
	protected openSized(handle: ReadableFile, size: number): boolean {
		if (handle.size !== size) {
			handle.close();
			return false;
		}
		this.offsets = Float64Array.from(this.starts);
		this.lengthsOf = Uint32Array.from(this.lengths);
		this.starts.length = 0;
		this.lengths.length = 0;
		this.handle = handle;
		return true;
	}

	/** Where slot `slot` begins (once open). */
	offsetOf(slot: number): number {
		return this.offsets![slot];
	}

	/** How long slot `slot` is (once open). */
	lengthOf(slot: number): number {
		return this.lengthsOf![slot];
	}

	/** The `length` bytes at `offset`; undefined when they cannot all be read (the file closed, cut short, unreadable). */
	readRange(offset: number, length: number): Uint8Array | undefined {
		const handle = this.handle;
		if (handle === undefined) {
			return undefined;
		}
		try {
			const bytes = handle.read(offset, length);
			return bytes.length === length ? bytes : undefined;
		} catch {
			return undefined;
		}
	}

	/** The bytes of slot `slot`; undefined when they cannot be read (see `readRange`). */
	protected readSlot(slot: number): Uint8Array | undefined {
		return this.handle === undefined || slot >= this.offsets!.length ? undefined : this.readRange(this.offsets![slot], this.lengthsOf![slot]);
	}

	/** Stops reading (a page still pointing here is parsed again when its blob is needed). */
	close(): void {
		const handle = this.handle;
		this.handle = undefined;
		try {
			handle?.close();
		} catch {
			// Closed anyway.
		}
	}
}

/**
 * A persisted index's file of blobs (indexCache.ts), open for reading: the
 * pages' blobs one after the other, slot by slot in the order written, each
 * with its length and checksum. Pages whose blob is there keep only their
 * slot (`StoredPageSummary.keepBlobIn`). Damaged, a read gives undefined
 * (the page is then parsed again).
 */
export class DiskBlobFile extends SlotFile implements PageBlobFile {
	private readonly sums: number[] = [];
	private sumsOf: Uint32Array | undefined;
	private total = 0;

	/** The next slot's length and checksum (before `open`). */
	add(length: number, checksum: number): void {
		this.addSlot(this.total, length);
		this.sums.push(checksum);
		this.total += length;
	}

	/** The bytes the slots take. */
	get size(): number {
		return this.total;
	}

	/** Starts reading from `handle` (the slots are known by then); false, and closed, when its size is not theirs. */
	open(handle: ReadableFile): boolean {
		if (!this.openSized(handle, this.total)) {
			return false;
		}
		this.sumsOf = Uint32Array.from(this.sums);
		this.sums.length = 0;
		return true;
	}

	/** The checksum of slot `slot`'s blob (once open). */
	checksumOf(slot: number): number {
		return this.sumsOf![slot];
	}

	read(slot: number): Uint8Array | undefined {
		const bytes = this.readSlot(slot);
		if (bytes === undefined || blobChecksum(bytes) !== this.sumsOf![slot]) {
			return undefined;
		}
		verifiedChecksums.set(bytes, this.sumsOf![slot]);
		return bytes;
	}
}
