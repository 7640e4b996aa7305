import { pageRecordOf, StoredPageSummary } from '../service/parse/storedPageSummary';
import type { PageRecordHeader } from '../service/parse/pageRecord';
import type { PageSummary } from '../service/parse/pageSummary';
import type { VaultService } from '../service/vaultService';
import { loadIndexCacheFile, saveIndexCache, type IndexCacheContents, type PageToCache } from './indexCache';
import { V8_PAGE_CODEC } from './pageCodec';
import { BackgroundSlicer } from './timeSlices';
import type { IndexCacheFileSystem } from './vaultFileSystem';
import { WrittenPages } from './writtenPages';

/** Pages pointed at the new file of blobs between two looks at the clock. */
const PAGES_PER_PAUSE = 256;

/**
 * One vault's persisted index file and the file of blobs its stored pages
 * point into (the one loaded, then each one written): a page's blob is kept
 * in memory only until it is in a file of blobs. The file of blobs of an
 * index replaced is closed and removed once no page of the index points
 * into it (another process still reading it keeps its own descriptor). The
 * next write copies the bytes of the pages unchanged since from the files
 * of the index last loaded or written (`WrittenPages`).
 */
export class PersistedIndexFile {
	private written: WrittenPages | undefined;

	constructor(readonly file: string, private readonly root: string, private readonly fileSystem: IndexCacheFileSystem) { }

	/** Reads the file (nothing in it when it cannot be used); call `adopt` with what is used of it. */
	load(): Promise<IndexCacheContents> {
		return loadIndexCacheFile(this.file, this.root, this.fileSystem);
	}

	/**
	 * Whether the loaded index is used (it holds pages read from disk): its
	 * pages' blobs are then read from its file of blobs; else that is closed.
	 */
	adopt(contents: IndexCacheContents): boolean {
		const used = contents.pages.size > 0;
		if (used && contents.blobs !== undefined) {
			this.written = new WrittenPages(contents.blobs);
		} else {
			contents.blobs?.close();
		}
		return used;
	}

	/** Stops reading blobs (pages still pointing into the file are parsed again when their blob is needed). */
	close(): void {
		this.written?.close();
		this.written = undefined;
	}

	/**
	 * Writes the index (`writePersistedIndex`), then points every page written
	 * that is still the index's at its blob in the new file of blobs (its
	 * blob in memory let go), and closes and removes the previous file of
	 * blobs. Gives whether the state was written.
	 */
	async save(service: VaultService, stamps: ReadonlyMap<string, string>): Promise<boolean> {
		const written = new Map<string, PageSummary>();
		const previous = this.written;
		const saved = await writePersistedIndex(this.file, this.root, service, stamps, this.fileSystem, written, previous);
		if (saved.written === undefined) {
			return saved.stateWritten;
		}
		let slot = 0;
		const blobs = saved.written.blobs;
		// In slices too (100,000 pages take tens of ms): meanwhile a page not pointed at the new file yet reads the previous one, still open.
		const slicer = new BackgroundSlicer(1, undefined, undefined, 'persisted index write');
		for (const summary of written.values()) {
			if (summary instanceof StoredPageSummary && service.index.getPage(summary.path) === summary) {
				summary.keepBlobIn(blobs, slot);
			}
			slot++;
			if (slot % PAGES_PER_PAUSE === 0) {
				await slicer.pause('pages pointed at the new file of blobs');
			}
		}
		this.written = saved.written;
		if (previous !== undefined) {
			// No page of the index points into it now (every stored page written is in the new one; a page not written is newer).
			previous.close();
			await this.fileSystem.removeFile(previous.blobs.path).catch(() => undefined);
		}
		return saved.stateWritten;
	}
}

/**
 * Writes the index to its persisted file (`writePersistedIndex`), its pages
 * left as they are (their blobs in memory or in the file they were in).
 * Gives whether the state was written.
 */
export async function savePersistedIndex(file: string, root: string, service: VaultService, stamps: ReadonlyMap<string, string>, fileSystem: IndexCacheFileSystem): Promise<boolean> {
	const saved = await writePersistedIndex(file, root, service, stamps, fileSystem, new Map());
	saved.written?.close();
	return saved.stateWritten;
}

/**
 * A stored page to write: its header (its bytes as read when it was never
 * decoded; else its record's, made now, its name spellings apart, their
 * slug titles not made: written as a bit each) and its blob are taken only
 * when the writer asks for them, not when it copies their bytes from the
 * index written last (`slot`).
 */
class StoredPageToCache implements PageToCache {
	constructor(readonly stamp: string, private readonly summary: StoredPageSummary, readonly slot: number | undefined) { }

	get record(): PageToCache['record'] {
		return this;
	}

	get header(): PageRecordHeader | Uint8Array {
		return this.summary.encodedHeader ?? this.summary.header.toRecordHeader(this.summary.path, false);
	}

	get blob(): Uint8Array {
		return this.summary.blob;
	}

	get nameSpellings(): PageToCache['nameSpellings'] {
		return this.summary.encodedHeader === undefined ? this.summary.header.nameSpellingsBesideSlugTitles : undefined;
	}
}

/**
 * Writes the index to its persisted file: every page in the index's order
 * (with its stamp, '' for a page not read from disk), then the state of
 * the reverse maps of those pages as written (`VaultService.persistedIndexState`:
 * the index's own maps when no page changed meanwhile). `written` gets the
 * pages written, by path, in the order written (their slots in the file of
 * blobs). A stored page whose blob is in `previous` (the index loaded or
 * written last) is unchanged since: its bytes are copied from there.
 */
export async function writePersistedIndex(
	file: string, root: string, service: VaultService, stamps: ReadonlyMap<string, string>, fileSystem: IndexCacheFileSystem,
	written: Map<string, PageSummary>, previous?: WrittenPages,
): ReturnType<typeof saveIndexCache> {
	const since = service.index.version;
	// Read page by page as the writer gets to them (it yields between slices): stamp and summary of the same moment.
	function* entries(): Generator<[string, PageToCache]> {
		for (const summary of service.index.pages()) {
			// A page updated after it was written comes again at the end of the index's order: written once.
			if (written.has(summary.path)) {
				continue;
			}
			written.set(summary.path, summary);
			const stamp = stamps.get(summary.path) ?? '';
			if (!(summary instanceof StoredPageSummary)) {
				yield [summary.path, { stamp, record: pageRecordOf(summary, V8_PAGE_CODEC) }];
				continue;
			}
			yield [summary.path, new StoredPageToCache(stamp, summary, previous === undefined ? undefined : summary.blobSlotIn(previous.blobs))];
		}
	}
	function* state(): Generator<void, unknown> {
		return yield* service.persistedIndexState([...written.values()], since);
	}
	return saveIndexCache(file, root, entries(), fileSystem, state, previous);
}
