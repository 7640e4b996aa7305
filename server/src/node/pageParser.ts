import type { RelayedStrings } from '../service/parse/relayedStrings';
import { nodeFileSystem } from './nodeFileSystem';
import { yieldToEventLoop } from './timeSlices';
import type { VaultFileSystem } from './vaultFileSystem';
import { readVaultPages, type PageReadResult } from './vaultFiles';

/** Pages per batch: large enough to amortise messaging to a worker, small enough to keep requests flowing between batches. */
export const PAGE_BATCH_SIZE = 128;

/** Reads and parses the pages of a vault for its index, in batches. */
export interface PageParser {
	/**
	 * Reads and parses `paths` (vault-relative) under `root`, calling
	 * `onBatch` with each batch of results as it arrives, in any order.
	 * Resolves when every page was handed to `onBatch` (or, once
	 * `isCancelled` says so, stops handing them).
	 */
	parseAll(root: string, paths: readonly string[], onBatch: (results: readonly PageReadResult[]) => void | Promise<void>, isCancelled?: () => boolean, relay?: RelayOfStrings): Promise<void>;
}

/**
 * Where a worker's records get their strings (`VaultService.relayedStrings`):
 * asked once per worker and run, the strings then sent once each.
 */
export type RelayOfStrings = () => RelayedStrings;

/**
 * Reads and parses pages on this thread, a batch at a time with a turn of
 * the event loop between batches: the worker pool's fallback, and what the
 * unit tests index an in-memory vault with.
 */
export class InProcessPageParser implements PageParser {
	constructor(private readonly fileSystem: VaultFileSystem = nodeFileSystem, private readonly batchSize = PAGE_BATCH_SIZE) { }

	async parseAll(root: string, paths: readonly string[], onBatch: (results: readonly PageReadResult[]) => void | Promise<void>, isCancelled: () => boolean = () => false): Promise<void> {
		for (let start = 0; start < paths.length && !isCancelled(); start += this.batchSize) {
			const batch = paths.slice(start, start + this.batchSize);
			await onBatch(readVaultPages(root, batch, this.fileSystem));
			await yieldToEventLoop();
		}
	}
}
