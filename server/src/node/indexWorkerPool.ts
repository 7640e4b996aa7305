import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import type { ForgetSession, IndexJob, IndexJobResult } from './indexWorker';
import type { RelayedStrings } from '../service/parse/relayedStrings';
import { readVaultPages, type PageReadResult } from './vaultFiles';
import { InProcessPageParser, PAGE_BATCH_SIZE, type PageParser, type RelayOfStrings } from './pageParser';
import { rejectPending, type PendingJob } from './workerJobs';

/**
 * Reads and parses pages on worker threads (one per core), so a cold index
 * uses every core while the main thread only updates the index and serves
 * requests. Falls back to the main thread when workers cannot start.
 */
export class IndexWorkerPool implements PageParser {
	private readonly workers: Worker[] = [];
	private readonly inProcess = new InProcessPageParser();
	private nextId = 0;
	private nextSession = 0;
	private readonly pending = new Map<number, PendingJob<readonly PageReadResult[]> & { readonly strings?: RelayedStrings }>();
	private failed = false;

	/** `youngGenerationMb`: each worker's young generation (V8's default when none; `check` asks for less). */
	constructor(private readonly size = defaultPoolSize(), private readonly youngGenerationMb?: number) { }

	private start(): boolean {
		if (this.failed) {
			return false;
		}
		if (this.workers.length > 0) {
			return true;
		}
		const script = path.join(__dirname, 'indexWorker.js');
		if (!fs.existsSync(script)) {
			this.failed = true;
			return false;
		}
		try {
			for (let i = 0; i < this.size; i++) {
				const worker = new Worker(script, this.youngGenerationMb === undefined ? undefined : { resourceLimits: { maxYoungGenerationSizeMb: this.youngGenerationMb } });
				worker.unref();
				worker.on('message', (message: IndexJobResult) => {
					const job = this.pending.get(message.id);
					this.pending.delete(message.id);
					if (job !== undefined) {
						// Here, as each arrives: a worker's strings must be taken in the order it sent them.
						try {
							job.resolve(receivedResults(message, job.strings));
						} catch (error) {
							job.reject(error as Error);
						}
					}
				});
				worker.on('error', error => this.fail(error));
				worker.on('exit', code => {
					if (code !== 0) {
						this.fail(new Error(`index worker exited with code ${code}`));
					}
				});
				this.workers.push(worker);
			}
			return true;
		} catch {
			this.failed = true;
			return false;
		}
	}

	private fail(error: Error): void {
		this.failed = true;
		rejectPending(this.pending, error);
		this.dispose();
	}

	/** `relayed`: the session of the worker's strings, and where they are received. */
	private run(worker: Worker, root: string, paths: readonly string[], relayed?: { readonly session: number; readonly strings: RelayedStrings }): Promise<readonly PageReadResult[]> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, strings: relayed?.strings });
			worker.postMessage({ id, root, paths, session: relayed?.session } satisfies IndexJob);
		});
	}

	async parseAll(
		root: string, paths: readonly string[], onBatch: (results: readonly PageReadResult[]) => void | Promise<void>, isCancelled: () => boolean = () => false, relay?: RelayOfStrings,
	): Promise<void> {
		if (paths.length < PAGE_BATCH_SIZE * 2 || !this.start()) {
			return this.inProcess.parseAll(root, paths, onBatch, isCancelled);
		}
		const batches: string[][] = [];
		for (let i = 0; i < paths.length; i += PAGE_BATCH_SIZE) {
			batches.push(paths.slice(i, i + PAGE_BATCH_SIZE));
		}
		let next = 0;
		const session = this.nextSession++;
		const workers = this.workers.slice();
		// Per worker, its strings received in this run (the worker numbers them across its jobs of the run).
		const relayed = relay === undefined ? undefined : new Map(workers.map(worker => [worker, { session, strings: relay() }]));
		// Two jobs in flight per worker keep every worker busy while the main thread absorbs results.
		const lanes = workers.flatMap(worker => [worker, worker]).map(async worker => {
			while (next < batches.length && !isCancelled()) {
				const batch = batches[next++];
				let results: readonly PageReadResult[];
				try {
					results = await this.run(worker, root, batch, relayed?.get(worker));
				} catch {
					results = readVaultPages(root, batch);
				}
				await onBatch(results);
			}
		});
		try {
			await Promise.all(lanes);
		} finally {
			if (relayed !== undefined && !this.failed) {
				for (const worker of workers) {
					worker.postMessage({ forget: session } satisfies ForgetSession);
				}
			}
		}
		if (this.failed) {
			await this.inProcess.parseAll(root, batches.slice(next).flat(), onBatch, isCancelled);
		}
	}

	dispose(): void {
		for (const worker of this.workers.splice(0)) {
			void worker.terminate();
		}
	}
}

/** A worker's results as the index takes them: relayed records made records with `strings`, received in the order sent. */
function receivedResults(message: IndexJobResult, strings: RelayedStrings | undefined): readonly PageReadResult[] {
	if (message.strings === undefined) {
		return message.results as readonly PageReadResult[];
	}
	if (strings === undefined) {
		throw new Error('an index worker relayed strings no one receives');
	}
	strings.add(message.strings);
	return message.results.map(result => {
		if (!('relayed' in result)) {
			return result;
		}
		const record = strings.record(result.relayed);
		// The header's path for the page's: one string for the index and the workspace's maps of pages.
		return { path: record.header.path, stamp: result.stamp, record };
	});
}

function defaultPoolSize(): number {
	const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
	return Math.max(1, Math.min(cores, 8));
}
