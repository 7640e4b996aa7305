import { pageRecordOf, StoredPageSummary } from '../service/parse/storedPageSummary';
import type { PageSummary } from '../service/parse/pageSummary';
import type { VaultService } from '../service/vaultService';
import type { DiskBlobFile } from './blobFile';
import { loadIndexCacheFile, saveIndexCache, type IndexCacheContents, type PageToCache } from './indexCache';
import { V8_PAGE_CODEC } from './pageCodec';
import type { IndexCacheFileSystem } from './vaultFileSystem';

/**
 * One vault's persisted index file and the file of blobs its stored pages
 * point into (the one loaded, then each one written): a page's blob is kept
 * in memory only until it is in a file of blobs. The file of blobs of an
 * index replaced is closed and removed once no page of the index points
 * into it (another process still reading it keeps its own descriptor).
 */
export class PersistedIndexFile {
	private blobs: DiskBlobFile | undefined;

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
		if (used) {
			this.blobs = contents.blobs;
		} else {
			contents.blobs?.close();
		}
		return used;
	}

	/** Stops reading blobs (pages still pointing into the file are parsed again when their blob is needed). */
	close(): void {
		this.blobs?.close();
		this.blobs = undefined;
	}

	/**
	 * Writes the index (`writePersistedIndex`), then points every page written
	 * that is still the index's at its blob in the new file of blobs (its
	 * blob in memory let go), and closes and removes the previous file of
	 * blobs. Gives whether the state was written.
	 */
	async save(service: VaultService, stamps: ReadonlyMap<string, string>): Promise<boolean> {
		const written = new Map<string, PageSummary>();
		const saved = await writePersistedIndex(this.file, this.root, service, stamps, this.fileSystem, written);
		if (saved.blobs === undefined) {
			return saved.stateWritten;
		}
		let slot = 0;
		for (const summary of written.values()) {
			if (summary instanceof StoredPageSummary && service.index.getPage(summary.path) === summary) {
				summary.keepBlobIn(saved.blobs, slot);
			}
			slot++;
		}
		const previous = this.blobs;
		this.blobs = saved.blobs;
		if (previous !== undefined) {
			// No page of the index points into it now (every stored page written is in the new one; a page not written is newer).
			previous.close();
			await this.fileSystem.removeFile(previous.path).catch(() => undefined);
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
	saved.blobs?.close();
	return saved.stateWritten;
}

/**
 * Writes the index to its persisted file: every page in the index's order
 * (with its stamp, '' for a page not read from disk), then the state of
 * the reverse maps of those pages as written (`VaultService.persistedIndexState`:
 * the index's own maps when no page changed meanwhile). `written` gets the
 * pages written, by path, in the order written (their slots in the file of blobs).
 */
export async function writePersistedIndex(
	file: string, root: string, service: VaultService, stamps: ReadonlyMap<string, string>, fileSystem: IndexCacheFileSystem,
	written: Map<string, PageSummary>,
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
			// A stored page never looked at is written as it was read: its header's bytes, its blob.
			const encoded = summary.encodedHeader;
			if (encoded !== undefined) {
				yield [summary.path, { stamp, record: { header: encoded, blob: summary.blob } }];
				continue;
			}
			// Its name spellings apart, their slug titles not made (written as a bit each).
			const header = summary.header;
			yield [summary.path, { stamp, record: { header: header.toRecordHeader(summary.path, false), blob: summary.blob }, nameSpellings: header.nameSpellingsBesideSlugTitles }];
		}
	}
	function* state(): Generator<void, unknown> {
		return yield* service.persistedIndexState([...written.values()], since);
	}
	return saveIndexCache(file, root, entries(), fileSystem, state);
}
