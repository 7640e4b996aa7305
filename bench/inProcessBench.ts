/**
 * The in-process half of the benchmark, run in its own Node process with
 * `--expose-gc` (bench/run.ts starts it) so heap figures are not disturbed:
 *
 * - the floor: list the vault, read every file and parse only its
 *   frontmatter with gray-matter, nothing else;
 * - what two cores can do (bench/splitWorkers.ts): the floor split over two
 *   worker threads, and our parse on two worker threads without the main
 *   thread's indexing (then with its summaries posted to the main thread),
 *   and the floor with every body tokenised (by our scanner, by
 *   markdown-it) and nothing kept, each the median of three runs;
 * - ours: the vault service (createVaultService) fed every page as the server
 *   and `check` feed it: page records made as the index workers make them
 *   (read, summarized, split, the body encoded with the transport's codec),
 *   cloned as a worker's message is, then put in the index on the same
 *   thread (`updatePageRecord`); indexing time (all of it on one thread),
 *   retained heap per page after a forced GC (no text is kept) once the
 *   persisted index is written as the server writes it after a cold start
 *   (`PersistedIndexFile.save`, into a temporary folder: the pages' blobs
 *   are then in its file of blobs, no longer in memory), then every page's
 *   diagnostics (their blobs read from that file);
 * - the peer: `vscode-markdown-languageservice` computing diagnostics for
 *   every page over an in-memory workspace holding the vault.
 *
 *   node --expose-gc out/bench/inProcessBench.js --dir DIR [--skip-peer] [--budget-ms MS]
 *
 * Computing every page's diagnostics (ours and the peer's) stops when the
 * time budget is spent; the total is then extrapolated from the pages done
 * (pages are visited in path order, so problems are spread evenly over them)
 * and marked as such.
 *
 * Prints one JSON object (InProcessFigures) on stdout.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import matter from 'gray-matter';
import { createLanguageService, DiagnosticLevel, type DiagnosticOptions } from 'vscode-markdown-languageservice';
import { createVaultService, type VaultService } from '../server/src/service/vaultService';
import { StringNumbering } from '../server/src/service/parse/relayedStrings';
import { relayedRecords } from '../test/support/relayedRecords';
import { V8_PAGE_CODEC } from '../server/src/node/pageCodec';
import { cacheFileFor } from '../server/src/node/indexCache';
import { nodeFileSystem } from '../server/src/node/nodeFileSystem';
import { PersistedIndexFile } from '../server/src/node/persistedIndex';
import { listVaultPages, readVaultPageParts } from '../server/src/node/vaultFiles';
import type { PageSummaryParts } from '../server/src/service/parse/pageSummary';
import { PAGE_BATCH_SIZE } from '../server/src/node/pageParser';
import { InMemoryWorkspace, peerLogger, peerParser } from './peerWorkspace';
import { listMarkdownFiles, measureSplit, type SplitFigures, type SplitMode } from './splitWorkers';

/** One two-worker figure: the median run, and every run's time. */
type TwoWorkerFigures = SplitFigures & { readonly runsMs: readonly number[] };

export interface InProcessFigures {
	readonly pages: number;
	readonly floor: { readonly ms: number; readonly frontmatterFields: number };
	/** On two worker threads (bench/splitWorkers.ts), each the median of `SPLIT_RUNS` runs. */
	readonly twoWorkers?: { readonly [mode in 'floor' | 'parse' | 'parsePosted']: TwoWorkerFigures } & {
		/** Absent from results written before they were measured (session 11). */
		readonly [mode in 'floorScan' | 'floorMarkdownIt']?: TwoWorkerFigures;
	};
	readonly ours: {
		readonly indexMs: number;
		/** Every page's diagnostics (extrapolated when `diagnosedPages` < pages). */
		readonly diagnosticsMs: number;
		readonly diagnosedPages: number;
		/**
		 * Heap (plus array buffers) retained by the indexed service, per page,
		 * once the persisted index is written (as the server); measured after
		 * a warm-up (`WARM_UP_PAGES`), so the code compiled for it is not counted.
		 */
		readonly retainedBytesPerPage: number;
		/** The same with that code counted (as measured before session 12): a few MiB whatever the vault's size. */
		readonly retainedWithCodeBytesPerPage?: number;
		/** The same before the persisted index is written (every page's blob in memory: `check` without a cache folder). */
		readonly retainedBeforeWriteBytesPerPage?: number;
		/** Time to write the persisted index (pages, blobs and the maps' state). */
		readonly writeMs?: number;
		readonly retainedHeapBytes: number;
		readonly retainedArrayBufferBytes: number;
		readonly diagnostics: Record<string, number>;
	};
	readonly peer?: {
		readonly readMs: number;
		/** Every page's diagnostics (extrapolated when `diagnosedPages` < pages). */
		readonly diagnosticsMs: number;
		readonly diagnosedPages: number;
		readonly totalMs: number;
		readonly diagnostics: Record<string, number>;
		readonly error?: string;
	};
}

/** Time allowed for computing every page's diagnostics, for ours and for the peer. */
export const DEFAULT_BUDGET_MS = 120_000;

declare const gc: (() => void) | undefined;

function collectGarbage(): void {
	if (typeof gc !== 'function') {
		throw new Error('run with node --expose-gc');
	}
	for (let i = 0; i < 3; i++) {
		gc();
	}
}

function measureFloor(dir: string): InProcessFigures['floor'] {
	const start = performance.now();
	let frontmatterFields = 0;
	for (const file of listMarkdownFiles(dir)) {
		// Options given, so gray-matter does not cache (and keep) every text.
		const parsed = matter(fs.readFileSync(path.join(dir, file), 'utf8'), {});
		frontmatterFields += Object.keys(parsed.data).length;
	}
	return { ms: performance.now() - start, frontmatterFields };
}

/** Runs of each two-worker figure: the median is kept, the machine being shared and noisy. */
const SPLIT_RUNS = 3;

async function measureTwoWorkers(dir: string): Promise<NonNullable<InProcessFigures['twoWorkers']>> {
	const figures: Partial<Record<SplitMode, TwoWorkerFigures>> = {};
	for (const mode of ['floor', 'parse', 'parsePosted', 'floorScan', 'floorMarkdownIt'] as const) {
		const runs: SplitFigures[] = [];
		for (let i = 0; i < SPLIT_RUNS; i++) {
			runs.push(await measureSplit(dir, mode));
		}
		const median = [...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1];
		figures[mode] = { ...median, runsMs: runs.map(run => run.ms) };
	}
	return figures as NonNullable<InProcessFigures['twoWorkers']>;
}

/**
 * Pages put in `service` as one of the server's index workers makes them
 * (strings numbered across its jobs) and as the main thread receives them
 * (cloned, buffers moved); the worker's numbering and the receiver are let
 * go on return, as the server lets go of them once the cold index is done.
 */
function indexAsTheServer(service: VaultService, dir: string, pages: readonly string[]): void {
	for (const record of relayedRecords(dir, pages, new StringNumbering(), service.relayedStrings(), PAGE_BATCH_SIZE)) {
		service.updatePageRecord(record, true);
	}
}

/** Pages indexed and written once before the measured run: the code it runs is compiled then, not counted as the index's heap. */
const WARM_UP_PAGES = 1000;

/** Indexes the first pages of `dir` and writes their persisted index into a folder then removed: the service is let go. */
async function warmUp(dir: string, pages: readonly string[]): Promise<void> {
	const service = createVaultService({ pageCodec: V8_PAGE_CODEC });
	const some = pages.slice(0, WARM_UP_PAGES);
	indexAsTheServer(service, dir, some);
	service.settleIndex();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-bench-warm-up-'));
	const persisted = new PersistedIndexFile(cacheFileFor(folder, dir), dir, nodeFileSystem);
	await persisted.save(service, new Map(some.map(page => [page, ''])));
	persisted.close();
	fs.rmSync(folder, { recursive: true, force: true });
}

async function measureOurs(dir: string, budgetMs: number): Promise<InProcessFigures['ours']> {
	const listing = listVaultPages(dir);
	collectGarbage();
	const beforeWarmUp = process.memoryUsage();
	await warmUp(dir, listing.pages);
	collectGarbage();
	const before = process.memoryUsage();
	const start = performance.now();
	const rereadPage = (page: string): PageSummaryParts | undefined => readVaultPageParts(dir, page);
	let service: VaultService | undefined = createVaultService({ pageCodec: V8_PAGE_CODEC, rereadPage });
	indexAsTheServer(service, dir, listing.pages);
	service.settleIndex();
	const indexMs = performance.now() - start;
	collectGarbage();
	const beforeWrite = process.memoryUsage();
	// As the server does once a cold index is done: the persisted index written, the pages' blobs then read from its file.
	const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-bench-cache-'));
	const persisted = new PersistedIndexFile(cacheFileFor(cacheFolder, dir), dir, nodeFileSystem);
	const writeStart = performance.now();
	await persisted.save(service, new Map(listing.pages.map(page => [page, ''])));
	const writeMs = performance.now() - writeStart;
	collectGarbage();
	const after = process.memoryUsage();
	const diagnosticsStart = performance.now();
	const diagnostics: Record<string, number> = {};
	let diagnosedPages = 0;
	for (const page of listing.pages) {
		for (const diagnostic of service.diagnostics(page)) {
			diagnostics[diagnostic.code] = (diagnostics[diagnostic.code] ?? 0) + 1;
		}
		diagnosedPages++;
		if (performance.now() - diagnosticsStart > budgetMs) {
			break;
		}
	}
	const diagnosticsMs = (performance.now() - diagnosticsStart) * listing.pages.length / diagnosedPages;
	const retainedHeapBytes = after.heapUsed - before.heapUsed;
	const retainedArrayBufferBytes = after.arrayBuffers - before.arrayBuffers;
	const pages = service.index.size;
	service = undefined;
	persisted.close();
	fs.rmSync(cacheFolder, { recursive: true, force: true });
	return {
		indexMs,
		writeMs,
		retainedBeforeWriteBytesPerPage: (beforeWrite.heapUsed - before.heapUsed + beforeWrite.arrayBuffers - before.arrayBuffers) / pages,
		diagnosticsMs,
		diagnosedPages,
		retainedBytesPerPage: (retainedHeapBytes + retainedArrayBufferBytes) / pages,
		retainedWithCodeBytesPerPage: (after.heapUsed - beforeWarmUp.heapUsed + after.arrayBuffers - beforeWarmUp.arrayBuffers) / pages,
		retainedHeapBytes,
		retainedArrayBufferBytes,
		diagnostics,
	};
}

async function measurePeer(dir: string, budgetMs: number): Promise<NonNullable<InProcessFigures['peer']>> {
	const start = performance.now();
	const workspace = new InMemoryWorkspace(dir, listMarkdownFiles(dir).map(file => ({ path: file, text: fs.readFileSync(path.join(dir, file), 'utf8') })));
	const readMs = performance.now() - start;
	const service = createLanguageService({ workspace, parser: peerParser(), logger: peerLogger });
	const options: DiagnosticOptions = {
		validateReferences: DiagnosticLevel.warning,
		validateFragmentLinks: DiagnosticLevel.warning,
		validateFileLinks: DiagnosticLevel.warning,
		validateMarkdownFileLinkFragments: DiagnosticLevel.warning,
		validateUnusedLinkDefinitions: DiagnosticLevel.warning,
		validateDuplicateLinkDefinitions: DiagnosticLevel.warning,
		ignoreLinks: [],
	};
	const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose(): void { /* never cancelled */ } }) };
	const diagnostics: Record<string, number> = {};
	const diagnosticsStart = performance.now();
	let diagnosedPages = 0;
	for (const document of workspace.allDocuments()) {
		for (const diagnostic of await service.computeDiagnostics(document, options, token)) {
			const code = String(diagnostic.code);
			diagnostics[code] = (diagnostics[code] ?? 0) + 1;
		}
		diagnosedPages++;
		if (performance.now() - diagnosticsStart > budgetMs) {
			break;
		}
	}
	const diagnosticsMs = (performance.now() - diagnosticsStart) * workspace.size / diagnosedPages;
	service.dispose();
	return { readMs, diagnosticsMs, diagnosedPages, totalMs: readMs + diagnosticsMs, diagnostics };
}

export async function benchInProcess(dir: string, skipPeer: boolean, budgetMs: number): Promise<InProcessFigures> {
	const floor = measureFloor(dir);
	const twoWorkers = await measureTwoWorkers(dir);
	const ours = await measureOurs(dir, budgetMs);
	collectGarbage();
	let peer: InProcessFigures['peer'];
	if (!skipPeer) {
		try {
			peer = await measurePeer(dir, budgetMs);
		} catch (error) {
			peer = { readMs: NaN, diagnosticsMs: NaN, diagnosedPages: 0, totalMs: NaN, diagnostics: {}, error: (error as Error).message };
		}
	}
	const pages = listVaultPages(dir).pages.length;
	return { pages, floor, twoWorkers, ours, peer };
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const dirIndex = args.indexOf('--dir');
	if (dirIndex < 0 || !args[dirIndex + 1]) {
		process.stderr.write('Usage: node --expose-gc inProcessBench.js --dir DIR [--skip-peer] [--budget-ms MS]\n');
		process.exit(2);
	}
	const budgetIndex = args.indexOf('--budget-ms');
	const budgetMs = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : DEFAULT_BUDGET_MS;
	benchInProcess(path.resolve(args[dirIndex + 1]), args.includes('--skip-peer'), budgetMs).then(
		figures => { process.stdout.write(JSON.stringify(figures) + '\n'); },
		error => { process.stderr.write(`${(error as Error).stack ?? error}\n`); process.exitCode = 1; },
	);
}
