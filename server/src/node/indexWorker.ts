import { parentPort } from 'worker_threads';
import { transferableBuffersOf } from '../service/parse/pageSummary';
import { readVaultPage, type PageReadResult } from './vaultFiles';

/**
 * Worker thread of the cold index: reads and parses pages, sends back their
 * summaries as plain data. It never touches the index itself.
 */
export interface IndexJob {
	readonly id: number;
	readonly root: string;
	readonly paths: readonly string[];
}

export interface IndexJobResult {
	readonly id: number;
	readonly results: readonly PageReadResult[];
}

parentPort?.on('message', (job: IndexJob) => {
	const results: PageReadResult[] = [];
	const transfer: ArrayBuffer[] = [];
	for (const relative of job.paths) {
		const result = readVaultPage(job.root, relative);
		// Posting copies every string: the main thread need not detach them from the page text.
		results.push('parts' in result ? { ...result, copied: true } : result);
		if ('parts' in result) {
			transfer.push(...transferableBuffersOf(result.parts));
		}
	}
	parentPort!.postMessage({ id: job.id, results } satisfies IndexJobResult, transfer);
});
