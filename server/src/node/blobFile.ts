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
 * A persisted index's file of blobs (indexCache.ts), open for reading: the
 * pages' blobs one after the other, slot by slot in the order written, each
 * with its length and checksum. Pages whose blob is there keep only their
 * slot (`StoredPageSummary.keepBlobIn`). The file stays open while pages
 * point into it: replaced by a newer index or removed, it is still the file
 * opened; cut short or damaged, a read gives undefined (the page is then
 * parsed again), as it does once closed.
 */
export class DiskBlobFile implements PageBlobFile {
	private readonly lengths: number[] = [];
	private readonly sums: number[] = [];
	private offsets: Float64Array | undefined;
	private lengthsOf: Uint32Array | undefined;
	private sumsOf: Uint32Array | undefined;
	private handle: ReadableFile | undefined;
	private total = 0;

	constructor(readonly path: string) { }

	/** The next slot's length and checksum (before `open`). */
	add(length: number, checksum: number): void {
		this.lengths.push(length);
		this.sums.push(checksum);
		this.total += length;
	}

	/** The bytes the slots take. */
	get size(): number {
		return this.total;
	}

	get slots(): number {
		return this.lengthsOf?.length ?? this.lengths.length;
	}

	/** Starts reading from `handle` (the slots are known by then); false, and closed, when its size is not theirs. */
	open(handle: ReadableFile): boolean {
		if (handle.size !== this.total) {
			handle.close();
			return false;
		}
		this.lengthsOf = Uint32Array.from(this.lengths);
		this.sumsOf = Uint32Array.from(this.sums);
		this.offsets = new Float64Array(this.lengths.length);
		let at = 0;
		for (let i = 0; i < this.lengths.length; i++) {
			this.offsets[i] = at;
			at += this.lengths[i];
		}
		this.lengths.length = 0;
		this.sums.length = 0;
		this.handle = handle;
		return true;
	}

	read(slot: number): Uint8Array | undefined {
		const handle = this.handle;
		if (handle === undefined || slot >= this.offsets!.length) {
			return undefined;
		}
		let bytes: Uint8Array;
		try {
			bytes = handle.read(this.offsets![slot], this.lengthsOf![slot]);
		} catch {
			return undefined;
		}
		if (bytes.length !== this.lengthsOf![slot] || blobChecksum(bytes) !== this.sumsOf![slot]) {
			return undefined;
		}
		verifiedChecksums.set(bytes, this.sumsOf![slot]);
		return bytes;
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
