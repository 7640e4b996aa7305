import { pageRecordOf, StoredPageSummary } from '../service/parse/storedPageSummary';
import type { VaultService } from '../service/vaultService';
import { saveIndexCache, type PageToCache } from './indexCache';
import { V8_PAGE_CODEC } from './pageCodec';
import type { IndexCacheFileSystem } from './vaultFileSystem';

/**
 * Writes the index to its persisted file: every page in the index's order
 * (with its stamp, '' for a page not read from disk), then the state of
 * the reverse maps (`VaultService.persistedIndexState`), written only when
 * no page changed while the file was written (the next write has it then).
 * Gives whether the state was written.
 */
export async function savePersistedIndex(file: string, root: string, service: VaultService, stamps: ReadonlyMap<string, string>, fileSystem: IndexCacheFileSystem): Promise<boolean> {
	const version = service.index.version;
	// Read page by page as the writer gets to them (it yields between slices): stamp and summary of the same moment.
	function* entries(): Generator<[string, PageToCache]> {
		for (const summary of service.index.pages()) {
			// A stored page never looked at is written as it was read: its header's bytes, its blob.
			const encoded = summary instanceof StoredPageSummary ? summary.encodedRecord : undefined;
			const record = encoded === undefined ? pageRecordOf(summary, V8_PAGE_CODEC) : { header: encoded.header, blob: encoded.blob };
			yield [summary.path, { stamp: stamps.get(summary.path) ?? '', record }];
		}
	}
	function* state(): Generator<void, unknown> {
		if (service.index.version !== version) {
			return undefined;
		}
		const made = yield* service.persistedIndexState();
		return service.index.version === version ? made : undefined;
	}
	return saveIndexCache(file, root, entries(), fileSystem, state);
}
