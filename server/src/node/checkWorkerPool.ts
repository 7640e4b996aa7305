import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Mention } from '../service/mentions/findMentions';
import type { PageSuggestion } from '../service/search/closestPages';
import type { SuggestionSetup } from '../service/search/suggestionTable';
import type { CheckWorkerMessage, CheckWorkerResult } from './checkWorker';
import { MentionSearch, unpackMentionJobs, type MentionSearchSetup, type PackedMentionJobs } from './mentionSearch';
import { rejectPending, type PendingJob } from './workerJobs';

/**
 * The young generation of a worker's heap, in MiB. What a worker allocates
 * lives for one page (its text, its words) or for the whole check (its
 * tables): V8's default of 32 MiB of new space took 32 MiB of RSS per worker
 * for nothing (measured at 100,000 pages: the worker's heap 107-117 MiB
 * with it, 74-82 MiB with 4).
 */
const YOUNG_GENERATION_MB = 4;

/**
 * The unlinked-mention search of `entity-vault check` on worker threads:
 * each worker builds its own mention table from the setup, then searches
 * the batches of pages it is given, reading their texts, while the main
 * thread computes the diagnostics that need the index. With no worker
 * (`size` 0, or a worker that cannot start or fails) the main thread
 * searches itself, with the same code.
 */
export class CheckWorkerPool {
	private readonly workers: Worker[] = [];
	/** Batches posted to each worker and not answered yet. */
	private readonly load: number[] = [];
	private readonly pending = new Map<number, PendingJob<unknown>>();
	private nextId = 0;
	private failed = false;
	private local: MentionSearch | undefined;

	/**
	 * `setup` makes what a search is given (the names of every page: 27 MiB
	 * of objects at 100,000 pages), once for the workers and again only if
	 * this thread has to search: it is not kept meanwhile.
	 */
	constructor(private readonly setup: () => MentionSearchSetup, size = checkPoolSize()) {
		const script = path.join(__dirname, 'checkWorker.js');
		if (size === 0 || !fs.existsSync(script)) {
			return;
		}
		try {
			const given = setup();
			for (let i = 0; i < size; i++) {
				const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
				worker.unref();
				worker.on('message', (message: CheckWorkerResult) => {
					this.load[i]--;
					const job = this.pending.get(message.id);
					this.pending.delete(message.id);
					job?.resolve('found' in message ? message.found : message.suggested);
				});
				worker.on('error', error => this.fail(error));
				worker.on('exit', code => {
					if (code !== 0) {
						this.fail(new Error(`check worker exited with code ${code}`));
					}
				});
				worker.postMessage({ kind: 'setup', setup: given } satisfies CheckWorkerMessage);
				this.workers.push(worker);
				this.load.push(0);
			}
		} catch {
			this.fail(new Error('check workers could not start'));
		}
	}

	/** Every occurrence of a name on each page of the batch (its jobs packed), on the least busy worker (on this thread when there is none). */
	async find(jobs: PackedMentionJobs): Promise<Mention[][]> {
		if (!this.failed && this.workers.length > 0) {
			try {
				return await this.post<Mention[][]>(id => ({ kind: 'pages', id, jobs }));
			} catch {
				// The worker failed: this thread searches from now on.
			}
		}
		this.local ??= new MentionSearch(this.setup());
		return this.local.find(unpackMentionJobs(jobs));
	}

	/** Whether workers search (not this thread): only they find the closest pages (`suggest`). */
	get hasWorkers(): boolean {
		return !this.failed && this.workers.length > 0;
	}

	/** What the workers find the closest pages among (`suggest`), once. */
	setSuggestions(setup: SuggestionSetup): void {
		for (const worker of this.workers) {
			worker.postMessage({ kind: 'suggestions', setup } satisfies CheckWorkerMessage);
		}
	}

	/** The closest pages to each URL (`SuggestionTable.closestPages`), on the least busy worker; undefined when there is none (or it failed). */
	async suggest(urls: readonly string[]): Promise<PageSuggestion[][] | undefined> {
		if (!this.hasWorkers) {
			return undefined;
		}
		try {
			return await this.post<PageSuggestion[][]>(id => ({ kind: 'suggest', id, urls }));
		} catch {
			return undefined;
		}
	}

	private post<T>(message: (id: number) => CheckWorkerMessage): Promise<T> {
		let at = 0;
		for (let i = 1; i < this.load.length; i++) {
			if (this.load[i] < this.load[at]) {
				at = i;
			}
		}
		const id = this.nextId++;
		this.load[at]++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.workers[at].postMessage(message(id));
		});
	}

	private fail(error: Error): void {
		this.failed = true;
		rejectPending(this.pending, error);
		this.dispose();
	}

	dispose(): void {
		for (const worker of this.workers.splice(0)) {
			void worker.terminate();
		}
	}
}

/**
 * Workers for the search: one per core but this thread's, 1 at least and 8 at most; `ENTITY_VAULT_CHECK_WORKERS`
 * sets the number (0: the main thread searches), as the tests do.
 */
function checkPoolSize(): number {
	const given = process.env.ENTITY_VAULT_CHECK_WORKERS;
	if (given !== undefined && /^\d+$/.test(given)) {
		return Math.min(Number(given), 8);
	}
	const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
	// This thread computes the other diagnostics meanwhile: it takes a core.
	return Math.max(1, Math.min(cores - 1, 8));
}
