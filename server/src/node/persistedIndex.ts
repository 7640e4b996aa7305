import { pageRecordOf, StoredPageSummary } from '../service/parse/storedPageSummary';
import type { PageSummary } from '../service/parse/pageSummary';
import type { VaultService } from '../service/vaultService';
import { saveIndexCache, type PageToCache } from './indexCache';
import { V8_PAGE_CODEC } from './pageCodec';
import type { IndexCacheFileSystem } from './vaultFileSystem';

/**
 * Writes the index to its persisted file: every page in the index's order
 * (with its stamp, '' for a page not read from disk), then the state of
 * the reverse maps of those pages as written (`VaultService.persistedIndexState`:
 * the index's own maps when no page changed meanwhile). Gives whether the
 * state was written.
 */
export async function savePersistedIndex(file: string, root: string, service: VaultService, stamps: ReadonlyMap<string, string>, fileSystem: IndexCacheFileSystem): Promise<boolean> {
	const since = service.index.version;
	/** The pages written, by path, in the order written. */
	const written = new Map<string, PageSummary>();
	// Read page by page as the writer gets to them (it yields between slices): stamp and summary of the same moment.
	function* entries(): Generator<[string, PageToCache]> {
		for (const summary of service.index.pages()) {
			// A page updated after it was written comes again at the end of the index's order: written once.
			if (written.has(summary.path)) {
				continue;
			}
			written.set(summary.path, summary);
			// A stored page never looked at is written as it was read: its header's bytes, its blob.
			const encoded = summary instanceof StoredPageSummary ? summary.encodedRecord : undefined;
			const record = encoded === undefined ? pageRecordOf(summary, V8_PAGE_CODEC) : { header: encoded.header, blob: encoded.blob };
			yield [summary.path, { stamp: stamps.get(summary.path) ?? '', record }];
		}
	}
	function* state(): Generator<void, unknown> {
		return yield* service.persistedIndexState([...written.values()], since);
	}
	return saveIndexCache(file, root, entries(), fileSystem, state);
}
