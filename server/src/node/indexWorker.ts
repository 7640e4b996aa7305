import { parentPort } from 'worker_threads';
import { splitPageParts, type PageRecordHeader } from '../service/parse/storedPageSummary';
import { V8_PAGE_CODEC } from './pageCodec';
import { readVaultPage, type PageReadResult } from './vaultFiles';

/**
 * Worker thread of the cold index: reads and parses pages, sends back their
 * records (storedPageSummary.ts), the blobs of a batch in one transferred
 * buffer. It never touches the index itself.
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
	const read: ({ path: string; stamp: string; header: PageRecordHeader; body: Uint8Array } | PageReadResult)[] = [];
	let size = 0;
	for (const relative of job.paths) {
		const result = readVaultPage(job.root, relative);
		if ('parts' in result) {
			const { header, body } = splitPageParts(result.parts);
			const blob = V8_PAGE_CODEC.encode(body);
			size += blob.length;
			read.push({ path: result.path, stamp: result.stamp, header, body: blob });
		} else {
			read.push(result);
		}
	}
	// One buffer for the batch's blobs: transferred, not copied; each record's blob is a view into it.
	const blobs = new Uint8Array(size);
	let at = 0;
	const results = read.map((result): PageReadResult => {
		if (!('header' in result)) {
			return result;
		}
		blobs.set(result.body, at);
		const blob = blobs.subarray(at, at + result.body.length);
		at += result.body.length;
		return { path: result.path, stamp: result.stamp, record: { header: result.header, blob } };
	});
	parentPort!.postMessage({ id: job.id, results } satisfies IndexJobResult, [blobs.buffer]);
});
