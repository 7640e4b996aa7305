import { parentPort } from 'worker_threads';
import { splitPageParts, type PageRecordHeader } from '../service/parse/pageRecord';
import { V8_PAGE_CODEC } from './pageCodec';
import { BatchFolders, readVaultPage, type PageReadResult } from './vaultFiles';
import { nodeFileSystem } from './nodeFileSystem';

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

/**
 * Reads and parses pages into records, as a worker does for a batch: each
 * record's blob is a view into one buffer holding the batch's blobs, which
 * is transferred, not copied, with the results.
 */
export function readPageRecords(root: string, paths: readonly string[]): { results: PageReadResult[]; buffer: ArrayBuffer } {
	const read: ({ path: string; stamp: string; header: PageRecordHeader; body: Uint8Array } | PageReadResult)[] = [];
	let size = 0;
	const folders = new BatchFolders();
	for (const relative of paths) {
		const result = readVaultPage(root, relative, nodeFileSystem, folders);
		if ('parts' in result) {
			const { header, body } = splitPageParts(result.parts);
			const blob = V8_PAGE_CODEC.encode(body);
			size += blob.length;
			read.push({ path: result.path, stamp: result.stamp, header, body: blob });
		} else {
			read.push(result);
		}
	}
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
	return { results, buffer: blobs.buffer };
}

parentPort?.on('message', (job: IndexJob) => {
	const { results, buffer } = readPageRecords(job.root, job.paths);
	parentPort!.postMessage({ id: job.id, results } satisfies IndexJobResult, [buffer]);
});
