import type { Mention, VaultDiagnostic } from '../../service/vaultService';
import type { PageSuggestion } from '../../service/search/closestPages';
import { suggestionSetupOf } from '../../service/search/suggestionTable';
import { CheckWorkerPool } from '../checkWorkerPool';
import { MentionJobPacker } from '../mentionSearch';
import type { VaultWorkspace } from '../vaultWorkspace';
import type { VaultIndex } from '../../service/vault/vaultIndex';

/**
 * Pages per batch a check worker searches for mentions: a thirty-second of
 * the vault, between 16 and 512 pages. Each batch posted costs the main
 * thread about 3 ms whatever its size (measured at 10,000 pages: 79 batches
 * of 128 pages took 220 ms to post, 20 of 512 took 58 ms), so large vaults
 * get large batches; small ones still get several batches per worker.
 */
function batchSize(pages: number): number {
	return Math.min(512, Math.max(16, Math.ceil(pages / 32)));
}
/** Batches searched on the workers while this thread goes on with the next ones: enough to keep every worker busy. */
const BATCHES_AHEAD = 4;
/** Batches whose broken links' closest pages the workers are asked for before this thread computes their diagnostics. */
const SUGGESTIONS_AHEAD = 2;

/** A batch whose diagnostics but the mentions are computed (and converted), its mentions being searched. */
interface PendingBatch<T> {
	readonly paths: readonly string[];
	readonly diagnostics: readonly T[][];
	readonly searched: readonly boolean[];
	readonly found: Promise<Mention[][]>;
}

/**
 * Every page's diagnostics, as `VaultWorkspace.diagnosticsReadingText`
 * gives them, page after page in the order of `paths`: this thread computes
 * what needs the index (every diagnostic but `unlinked-mention`) batch
 * after batch, while worker threads (checkWorkerPool.ts) read the batch's
 * texts and search them for mentions; a batch's mention diagnostics come
 * last, as `diagnostics` adds them. Two cores at work, the same output.
 *
 * `convert` makes what is kept of diagnostics (the report's problems) as
 * soon as they are computed, in their order, so that a batch waiting for
 * its mentions holds that rather than the diagnostics and their data (what
 * lives that long is promoted to the old generation, garbage kept until a
 * full collection); `use` gets a page's converted diagnostics, its mentions' last.
 * `meanwhile` runs on this thread before any page's diagnostics, once the
 * workers are given what they build their tables from (while they build them).
 * `betweenBatches` is awaited after each batch's pages are given to `use`
 * (what `use` wrote taken by its reader).
 */
export async function forEachPageDiagnostics<T>(
	vault: VaultWorkspace, paths: readonly string[], convert: (path: string, diagnostics: readonly VaultDiagnostic[]) => T[], use: (path: string, converted: T[]) => void,
	meanwhile: () => void = () => undefined, betweenBatches: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
	const service = vault.service;
	const settings = service.settings();
	const size = batchSize(paths.length);
	if (settings.severity['unlinked-mention'] === 'off') {
		meanwhile();
		// Then no text is read at all.
		for (let at = 0; at < paths.length; at++) {
			use(paths[at], convert(paths[at], vault.diagnosticsReadingText(paths[at])));
			if ((at + 1) % size === 0 || at + 1 === paths.length) {
				await betweenBatches();
			}
		}
		return;
	}
	const pool = new CheckWorkerPool(() => ({ root: vault.root, names: service.mentionNames(), settings: settings.mentions }));
	const suggestions = new SuggestionsAhead(vault, paths, pool);
	meanwhile();
	const finish = async (batch: PendingBatch<T>): Promise<void> => {
		const found = await batch.found;
		let next = 0;
		batch.paths.forEach((path, i) => {
			// A job lists the URLs its page links: the workers send back only the mentions reported, most pages none.
			const pageFound = batch.searched[i] ? found[next++] : undefined;
			const mentions = pageFound !== undefined && pageFound.length > 0 ? service.mentionDiagnostics(path, pageFound) : [];
			use(path, mentions.length === 0 ? batch.diagnostics[i] : [...batch.diagnostics[i], ...convert(path, mentions)]);
		});
		await betweenBatches();
	};
	try {
		const pending: PendingBatch<T>[] = [];
		for (let at = 0; at < paths.length; at += size) {
			await suggestions.supplyFor(at, size);
			const batchPaths = paths.slice(at, at + size);
			const jobs = new MentionJobPacker();
			const searched: boolean[] = [];
			const diagnostics = batchPaths.map(path => {
				// Mapped links read the text too (their URL comes from the link text); the mentions are searched elsewhere.
				const text = service.diagnosticsReadText(path) ? vault.diskText(path) : undefined;
				const pageDiagnostics = service.diagnostics(path, text, []);
				// Made while the page's views are fresh from its diagnostics.
				const job = service.mentionJob(path);
				if (job !== undefined) {
					jobs.add(job);
				}
				searched.push(job !== undefined);
				return pageDiagnostics.length === 0 ? [] : convert(path, pageDiagnostics);
			});
			pending.push({ paths: batchPaths, diagnostics, searched, found: pool.find(jobs.packed()) });
			if (pending.length > BATCHES_AHEAD) {
				await finish(pending.shift()!);
			}
		}
		for (const batch of pending) {
			await finish(batch);
		}
	} finally {
		service.index.search.supplySuggestions(undefined);
		pool.dispose();
	}
}

/**
 * The closest pages to the URLs of a batch's broken links (the suggestions
 * in their messages), found on the check workers from their own segment
 * index (`SuggestionTable`) while this thread computes the batches before
 * it, then supplied to the index's search for the batch: the messages are
 * those it would make itself (it still searches for a URL not supplied).
 * Without workers, nothing is asked.
 */
class SuggestionsAhead {
	private readonly asked = new Map<number, Promise<Map<string, PageSuggestion[]> | undefined>>();
	/** Per batch (by its first page's place in `paths`), the URLs no page is published at that its pages link; made on first use. */
	private wanted: Map<number, string[]> | undefined;

	constructor(private readonly vault: VaultWorkspace, private readonly paths: readonly string[], private readonly pool: CheckWorkerPool) {
		if (pool.hasWorkers) {
			pool.setSuggestions(suggestionSetupOf(vault.service.index));
		}
	}

	/** Supplies the suggestions of the batch at `at` (of `size` pages), asking for those of the batches ahead of it. */
	async supplyFor(at: number, size: number): Promise<void> {
		if (!this.pool.hasWorkers) {
			return;
		}
		for (let ahead = at; ahead < this.paths.length && ahead <= at + SUGGESTIONS_AHEAD * size; ahead += size) {
			if (!this.asked.has(ahead)) {
				this.asked.set(ahead, this.ask(this.wantedIn(ahead, size)));
			}
		}
		const found = await this.asked.get(at);
		this.asked.delete(at);
		this.vault.service.index.search.supplySuggestions(found);
	}

	private async ask(urls: readonly string[]): Promise<Map<string, PageSuggestion[]> | undefined> {
		const found = await this.pool.suggest(urls);
		return found && new Map(urls.map((url, i) => [url, found[i]]));
	}

	/** The URLs of `wantedUrlsByBatch` for the batch at `at`, all batches' made on first use. */
	private wantedIn(at: number, size: number): string[] {
		this.wanted ??= wantedUrlsByBatch(this.vault.service.index, this.paths, size);
		const urls = this.wanted.get(at) ?? [];
		this.wanted.delete(at);
		return urls;
	}
}

/**
 * Per batch of `size` pages of `paths` (by its first page's place), the URLs
 * no page is published at (`VaultIndex.wantedUrls`) that its pages link,
 * each once, made for every batch at once from the index's linking pages
 * of each wanted URL, not from each link of each page looked up among them
 * (2.5 million links, 75,000 wanted URLs at 100,000 pages).
 */
export function wantedUrlsByBatch(index: VaultIndex, paths: readonly string[], size: number): Map<number, string[]> {
	const wanted = new Map<number, string[]>();
	const places = new Map(paths.map((path, place) => [path, place]));
	for (const url of index.wantedUrls()) {
		const batches: number[] = [];
		for (const path of index.linkersOf(url)) {
			const place = places.get(path);
			const batch = place === undefined ? undefined : place - place % size;
			if (batch !== undefined && !batches.includes(batch)) {
				batches.push(batch);
				const urls = wanted.get(batch);
				if (urls === undefined) {
					wanted.set(batch, [url]);
				} else {
					urls.push(url);
				}
			}
		}
	}
	return wanted;
}
