/**
 * A worker of our parse split over two threads (bench/splitWorkers.ts):
 * reads and summarizes its pages as the index's workers do
 * (server/src/node/indexWorker.ts); when `posted`, posts the summaries to
 * the main thread in the index's batches, else drops them.
 */
import { parentPort, workerData } from 'worker_threads';
import { transferableBuffersOf } from '../server/src/service/parse/pageSummary';
import { PAGE_BATCH_SIZE } from '../server/src/node/pageParser';
import { readVaultPage, type PageReadResult } from '../server/src/node/vaultFiles';
import type { SplitDone, SplitJob } from './splitWorkers';

const job = workerData as SplitJob;
const start = performance.now();
let batch: PageReadResult[] = [];
let transfer: ArrayBuffer[] = [];
for (const file of job.files) {
	const result = readVaultPage(job.dir, file);
	if (job.posted) {
		batch.push('parts' in result ? { ...result, copied: true } : result);
		if ('parts' in result) {
			transfer.push(...transferableBuffersOf(result.parts));
		}
		if (batch.length === PAGE_BATCH_SIZE) {
			parentPort!.postMessage({ batch }, transfer);
			batch = [];
			transfer = [];
		}
	}
}
if (batch.length > 0) {
	parentPort!.postMessage({ batch }, transfer);
}
parentPort!.postMessage({ done: true, ms: performance.now() - start, pages: job.files.length } satisfies SplitDone);
