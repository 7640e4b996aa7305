import { readPageRecords } from '../../server/src/node/indexWorker';
import type { RelayedStrings, StringNumbering } from '../../server/src/service/parse/relayedStrings';
import type { PageRecord } from '../../server/src/service/parse/storedPageSummary';

/**
 * The records of `pages` of `root` as one index worker makes them (its
 * strings numbered by `numbering` across batches of `batch` pages) and as
 * the main thread receives them (cloned, buffers moved, the strings taken
 * by `strings` before the headers that use them), in the pages' order.
 */
export function* relayedRecords(root: string, pages: readonly string[], numbering: StringNumbering, strings: RelayedStrings, batch: number): Generator<PageRecord> {
	for (let i = 0; i < pages.length; i += batch) {
		const made = readPageRecords(root, pages.slice(i, i + batch), numbering);
		const received = structuredClone({ results: made.results, strings: made.strings! }, { transfer: made.buffers });
		strings.add(received.strings);
		for (const result of received.results) {
			if ('relayed' in result) {
				yield strings.record(result.relayed);
			}
		}
	}
}
