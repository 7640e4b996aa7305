import { SlotFile, type DiskBlobFile } from './blobFile';
import type { ReadableFile } from './vaultFileSystem';

/**
 * The headers of a persisted index file this process wrote, by slot (the
 * slots of its file of blobs, the pages in the order written): where each
 * lies in the file, which stays open, so that the next write copies the
 * bytes of the pages unchanged since instead of encoding their headers again.
 */
export class IndexFileHeaders extends SlotFile {
	/** The next slot's header: `length` bytes at `offset` (before `open`). */
	add(offset: number, length: number): void {
		this.addSlot(offset, length);
	}

	/** Starts reading from `handle`; false, and closed, when the file is not `size` bytes long. */
	open(handle: ReadableFile, size: number): boolean {
		return this.openSized(handle, size);
	}
}

/** A page's bytes as the persisted index written last holds them: its header's (when they are known) and its blob's, with its checksum. */
export interface WrittenPage {
	readonly header?: Uint8Array;
	readonly blob: Uint8Array;
	readonly checksum: number;
}

/** How many bytes of a file are read at once: the slot asked for and the following ones that fit. */
const READ_AHEAD = 256 * 1024;

/**
 * The pages of the persisted index written last, for the next write to copy:
 * a page unchanged since keeps its blob's slot in that index's file of
 * blobs, and its header's bytes lie in the index file at the same slot.
 * Both are read a run of slots at a time, about 256 KiB a read, as pages
 * are written in the index's order, which changes little between two
 * writes (a page updated moves to the end). Of an index read at start
 * rather than written (no `headers`), only the blobs are copied.
 */
export class WrittenPages {
	private readonly blobRun = new ReadAhead();
	private readonly headerRun = new ReadAhead();

	constructor(readonly blobs: DiskBlobFile, readonly headers?: IndexFileHeaders) { }

	/** The bytes of the page in `slot`; undefined when they cannot all be read (the page's own record is written then). */
	take(slot: number): WrittenPage | undefined {
		const blob = this.blobRun.slot(this.blobs, slot);
		if (blob === undefined) {
			return undefined;
		}
		if (this.headers === undefined) {
			return { blob, checksum: this.blobs.checksumOf(slot) };
		}
		const header = this.headerRun.slot(this.headers, slot);
		return header === undefined ? undefined : { header, blob, checksum: this.blobs.checksumOf(slot) };
	}

	/** Stops reading both files. */
	close(): void {
		this.blobs.close();
		this.headers?.close();
	}
}

/** The bytes last read from a file of slots: from a slot to the end of as many of the next ones as fit in `READ_AHEAD` bytes. */
class ReadAhead {
	private bytes: Uint8Array | undefined;
	private start = 0;

	/** The bytes of `slot` in `file` (a view of those read); undefined when they cannot be read. */
	slot(file: SlotFile, slot: number): Uint8Array | undefined {
		if (slot >= file.slots) {
			return undefined;
		}
		const offset = file.offsetOf(slot);
		const length = file.lengthOf(slot);
		if (this.bytes === undefined || offset < this.start || offset + length > this.start + this.bytes.length) {
			let end = offset + length;
			for (let next = slot + 1; next < file.slots && file.offsetOf(next) >= end; next++) {
				const nextEnd = file.offsetOf(next) + file.lengthOf(next);
				if (nextEnd - offset > READ_AHEAD) {
					break;
				}
				end = nextEnd;
			}
			// The slot alone when the run cannot be read whole (a file cut short: the slots before the cut are still read).
			this.bytes = file.readRange(offset, end - offset) ?? (end > offset + length ? file.readRange(offset, length) : undefined);
			this.start = offset;
			if (this.bytes === undefined) {
				return undefined;
			}
		}
		return this.bytes.subarray(offset - this.start, offset - this.start + length);
	}
}
