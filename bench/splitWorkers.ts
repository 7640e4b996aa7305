/**
 * What two cores can do at most for a cold index, measured beside the floor
 * (bench/inProcessBench.ts runs it):
 *
 * - `floor`: the floor split over two worker threads, each reading every
 *   other file and parsing only its frontmatter with gray-matter;
 * - `parse`: our parse on two worker threads, each reading and summarizing
 *   every other page as the index's workers do (`readVaultPage`), without
 *   the main thread's indexing;
 * - `parsePosted`: the same, each worker posting its summaries to the main
 *   thread in batches as the index's worker pool does (the copy the main
 *   thread receives, then drops);
 * - `floorScan`: the floor on two worker threads, each also tokenising every
 *   page's body with our scanner (`scanMarkdown`) and keeping nothing: the
 *   least any index of the body's links costs, before resolving a link or
 *   keeping a record;
 * - `floorMarkdownIt`: the same with markdown-it (its `parse`, with the
 *   footnote plugin) as the body's tokeniser, the library beside ours.
 *
 * Each is wall time from the start (listing the vault, starting the
 * workers) until both workers are done: the bounds the cold index's
 * "≤ 1.0× the floor" is judged against on this machine.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { listVaultPages, type PageReadResult } from '../server/src/node/vaultFiles';

export type SplitMode = 'floor' | 'parse' | 'parsePosted' | 'floorScan' | 'floorMarkdownIt';

/** The modes run by the floor's worker (bench/splitFloorWorker.ts): it reads files and parses their frontmatter, and tokenises their bodies as `body` says. */
const FLOOR_MODES: Readonly<Partial<Record<SplitMode, SplitJob['body']>>> = { floor: undefined, floorScan: 'scan', floorMarkdownIt: 'markdown-it' };

/** One split run. */
export interface SplitFigures {
	/** Start (listing included) to both workers done. */
	readonly ms: number;
	/** Each worker's time from receiving its files to done (the rest of `ms` is listing, starting threads and loading their modules, receiving). */
	readonly workerMs: readonly number[];
	readonly pages: number;
}

/** What a split worker is given (bench/splitFloorWorker.ts, bench/splitParseWorker.ts). */
export interface SplitJob {
	readonly posted: boolean;
	/** For the floor's worker: tokenise each body after its frontmatter, with our scanner or markdown-it. */
	readonly body?: 'scan' | 'markdown-it';
	readonly dir: string;
	readonly files: readonly string[];
}

/** A split worker's last message. */
export interface SplitDone {
	readonly done: true;
	readonly ms: number;
	readonly pages: number;
}

/** Every markdown file under `dir`, vault-relative with `/` (the floor's own listing). */
export function listMarkdownFiles(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true }) as string[])
		.filter(name => /\.(md|markdown)$/i.test(name))
		.map(name => name.split(path.sep).join('/'))
		.sort();
}

/** A worker's share: every other file, so both get pages of every section and size. */
function share(files: readonly string[], worker: number): string[] {
	return files.filter((_, i) => i % 2 === worker);
}

/** Runs `mode` over the vault at `dir` on two worker threads. */
export async function measureSplit(dir: string, mode: SplitMode): Promise<SplitFigures> {
	const start = performance.now();
	const floorWorker = mode in FLOOR_MODES;
	const files = floorWorker ? listMarkdownFiles(dir) : listVaultPages(dir).pages;
	const done = await Promise.all([0, 1].map(worker => new Promise<SplitDone>((resolve, reject) => {
		const script = path.join(__dirname, floorWorker ? 'splitFloorWorker.js' : 'splitParseWorker.js');
		const thread = new Worker(script, { workerData: { posted: mode === 'parsePosted', body: FLOOR_MODES[mode], dir, files: share(files, worker) } satisfies SplitJob });
		let received = 0;
		thread.on('message', (message: SplitDone | { batch: PageReadResult[] }) => {
			if ('done' in message) {
				resolve(message);
				void thread.terminate();
			} else {
				// Received (deserialised) as the index's pool receives it, then dropped.
				received += message.batch.length;
			}
		});
		thread.on('error', reject);
		thread.on('exit', code => reject(new Error(`split worker exited (${code}) after ${received} pages`)));
	})));
	return { ms: performance.now() - start, workerMs: done.map(d => d.ms), pages: done[0].pages + done[1].pages };
}
