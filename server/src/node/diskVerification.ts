import type { IndexChange } from '../service/vault/vaultIndex';
import type { VaultService } from '../service/vaultService';
import { cachedRecord, type CachedPage, type IndexCacheContents } from './indexCache';
import type { PageParser } from './pageParser';
import { BackgroundSlicer, foregroundWork, TimeSlicer, yieldToEventLoop, type ForegroundWork } from './timeSlices';
import type { PageReadResult } from './vaultFiles';

/**
 * The check of a warm start's pages against the disk. A warm start puts the
 * persisted index's pages in the index at once and is ready; this then runs
 * in the background: it lists the vault, compares every file's `size:mtime`
 * with the stamp it was indexed from (a time slice at a time), and patches
 * the index as it finds pages changed, added or gone (changed and new ones
 * are read and parsed on the worker pool). A page updated otherwise
 * meanwhile (the watcher, an editor, a request that verified it on demand)
 * is left as that update made it: an older background read never
 * overwrites it. It is background work (`BackgroundSlicer`): between two
 * slices it waits while foreground work (an edit's diagnostics, a request)
 * is under way; a request about a page not yet checked checks it at once
 * (`checkNow`).
 */

/** Progress is reported every this many pages taken from the persisted index. */
const PROGRESS_EVERY = 1000;

/**
 * Puts every page of the persisted index in the index, a time slice at a
 * time, except those already loaded (open in the editor). Gives how many
 * were already loaded; undefined when cancelled.
 */
export async function absorbCachedPages(
	cache: ReadonlyMap<string, CachedPage>,
	into: { readonly loaded: Set<string>; readonly stamps: Map<string, string>; readonly service: Pick<VaultService, 'updatePageRecord'>; isCancelled(): boolean },
	onProgress?: (progress: { indexed: number; total: number }) => void,
): Promise<number | undefined> {
	const total = cache.size;
	let done = 0;
	let alreadyLoaded = 0;
	onProgress?.({ indexed: 0, total });
	const slicer = new TimeSlicer(undefined, 'warm start');
	for (const [page, cached] of cache) {
		if (into.isCancelled()) {
			return undefined;
		}
		if (into.loaded.has(page)) {
			alreadyLoaded++;
		} else {
			into.loaded.add(page);
			into.stamps.set(page, cached.stamp);
			into.service.updatePageRecord(cachedRecord(cached), true);
		}
		if (++done % PROGRESS_EVERY === 0) {
			onProgress?.({ indexed: done, total });
		}
		await slicer.pause();
	}
	onProgress?.({ indexed: done, total });
	return alreadyLoaded;
}

/**
 * Puts a persisted index in the index: whole, with the state of its reverse
 * maps, when it has one that fits (`VaultService.restoreIndex`: nothing per
 * page but a path and a stamp noted); else page by page (`absorbCachedPages`).
 * Pages already loaded (open in the editor, deleted) stay as they are; a page
 * written while open in the editor (no stamp) is taken out, the disk is
 * read for it. Gives how many pages read from disk were already loaded;
 * undefined when cancelled.
 */
export async function absorbPersistedIndex(
	contents: IndexCacheContents,
	into: { readonly loaded: Set<string>; readonly stamps: Map<string, string>; readonly service: Pick<VaultService, 'updatePageRecord' | 'restoreIndex' | 'removePage'>; isCancelled(): boolean },
	onProgress?: (progress: { indexed: number; total: number }) => void,
): Promise<number | undefined> {
	if (into.isCancelled()) {
		return undefined;
	}
	if (contents.state === undefined || !into.service.restoreIndex(contents.inOrder, contents.state, into.loaded)) {
		return absorbCachedPages(contents.pages, into, onProgress);
	}
	let alreadyLoaded = 0;
	for (const page of contents.inOrder) {
		if (into.loaded.has(page.path)) {
			alreadyLoaded += page.stamp === '' ? 0 : 1;
		} else if (page.stamp === '') {
			into.service.removePage(page.path);
		} else {
			into.loaded.add(page.path);
			into.stamps.set(page.path, page.stamp);
		}
	}
	onProgress?.({ indexed: contents.pages.size, total: contents.pages.size });
	return alreadyLoaded;
}

/** What the check found, once done. */
export interface VerificationCounts {
	/** The pages on disk compared with the index. */
	readonly checked: number;
	/** Pages whose size or time differed from the persisted index's (read again). */
	readonly stale: number;
	/** Pages on disk the persisted index did not hold (read). */
	readonly added: number;
	/** Pages of the persisted index no longer on disk (taken out). */
	readonly removed: number;
	readonly milliseconds: number;
}

/** Told what the check does, as it does it. */
export interface VerificationListener {
	/** The index was patched: a page (or, `path` undefined, the vault's files) changed. */
	patched(path: string | undefined, change: IndexChange): void;
	/** The check is over (not called when the vault was disposed first). */
	done?(counts: VerificationCounts): void;
}

/** What the check asks of the vault. */
export interface VerifiedVault {
	readonly root: string;
	readonly pool: PageParser;
	isCancelled(): boolean;
	/** Lists the vault's pages and files, a folder per step (`listVaultPagesInSteps`): the check yields between steps. */
	list(): Iterator<void, { readonly pages: readonly string[]; readonly assets: readonly string[] }>;
	/** Takes the vault's files (not pages) from the listing. */
	setAssets(assets: readonly string[]): IndexChange;
	/** The `size:mtime` of a page's file now; undefined when it cannot be `stat`ed. */
	stampOnDisk(path: string): string | undefined;
	/** The stamp the indexed page was read with; undefined when it does not come from the disk. */
	indexedStamp(path: string): string | undefined;
	isOpen(path: string): boolean;
	/** Reads and parses a page (on this thread). */
	read(path: string): PageReadResult;
	/** Puts a page read from disk in the index (or takes it out, with why). */
	apply(result: PageReadResult): IndexChange;
	/** Takes out a page no longer on disk. */
	remove(path: string): IndexChange | undefined;
}

export class DiskVerification {
	/**
	 * Pages of the persisted index compared with the disk and found the same,
	 * read again, or updated otherwise: those of `cached` not in it are still
	 * to be checked (no set of every page is made on the path to ready).
	 */
	private readonly verified = new Set<string>();
	/** Pages updated by something else since the check began: the check leaves them as they are. */
	private readonly touched = new Set<string>();
	private running = true;
	private readonly total: number;
	private listed!: () => void;
	/** Resolved once the vault is listed (its files known), or the check ended early. */
	readonly whenListed = new Promise<void>(resolve => {
		this.listed = resolve;
	});
	/** Resolved when the check is over or was given up (the vault disposed); never rejects. */
	readonly done: Promise<VerificationCounts | undefined>;

	constructor(
		private readonly vault: VerifiedVault,
		/** The pages of the persisted index, by path (not changed meanwhile; let go when the check ends). */
		private cached: ReadonlyMap<string, unknown>,
		private readonly listener: VerificationListener | undefined,
		/** What the check waits for between slices. */
		private readonly foreground: ForegroundWork = foregroundWork,
	) {
		this.total = cached.size;
		this.done = this.run().catch(() => undefined).finally(() => {
			this.running = false;
			this.cached = new Map();
			this.listed();
		});
	}

	get isRunning(): boolean {
		return this.running;
	}

	/** The number of pages being checked (the persisted index's). */
	get pageCount(): number {
		return this.total;
	}

	/** Whether a page still has to be compared with the disk. */
	needsCheck(path: string): boolean {
		return this.running && this.cached.has(path) && !this.verified.has(path);
	}

	/** A page was updated by something else (read from disk, opened, deleted): the check leaves it alone. */
	noteUpdated(path: string): void {
		if (this.running) {
			this.touched.add(path);
			this.verified.add(path);
		}
	}

	/**
	 * Checks one page against the disk now (a request is about it): one
	 * `stat`; when it differs from the index (changed, new, gone), the page is
	 * read again on this thread, or taken out, and the change told.
	 */
	checkNow(path: string): void {
		if (this.vault.stampOnDisk(path) === this.vault.indexedStamp(path)) {
			this.verified.add(path);
			return;
		}
		const result = this.vault.read(path);
		const change = 'error' in result && result.missing ? this.vault.remove(path) : this.vault.apply(result);
		if (change) {
			this.listener?.patched(path, change);
		}
	}

	private isLeftAlone(path: string): boolean {
		return this.touched.has(path) || this.vault.isOpen(path);
	}

	private async run(): Promise<VerificationCounts | undefined> {
		const started = performance.now();
		const vault = this.vault;
		await yieldToEventLoop();
		if (vault.isCancelled()) {
			return undefined;
		}
		const slicer = new BackgroundSlicer(undefined, this.foreground, undefined, 'disk verification');
		const steps = vault.list();
		let step = steps.next();
		while (step.done !== true) {
			await slicer.pause();
			if (vault.isCancelled()) {
				return undefined;
			}
			step = steps.next();
		}
		const listing = step.value;
		this.listener?.patched(undefined, vault.setAssets(listing.assets));
		this.listed();
		const toRead: string[] = [];
		let stale = 0;
		let added = 0;
		const onDisk = new Set<string>();
		for (const path of listing.pages) {
			onDisk.add(path);
			if (vault.isCancelled()) {
				return undefined;
			}
			if (this.isLeftAlone(path)) {
				continue;
			}
			const indexed = vault.indexedStamp(path);
			if (indexed === undefined) {
				added++;
				toRead.push(path);
			} else if (vault.stampOnDisk(path) !== indexed) {
				stale++;
				toRead.push(path);
			} else {
				this.verified.add(path);
			}
			await slicer.pause();
		}
		let removed = 0;
		for (const path of [...this.cached.keys()].filter(page => !this.verified.has(page))) {
			if (!onDisk.has(path) && !this.isLeftAlone(path)) {
				this.verified.add(path);
				const change = vault.remove(path);
				if (change) {
					removed++;
					this.listener?.patched(path, change);
				}
				await slicer.pause();
			}
		}
		await vault.pool.parseAll(vault.root, toRead, async results => {
			for (const result of results) {
				// Read again meanwhile (the watcher, a request) or opened: that newer state stays.
				if (!this.isLeftAlone(result.path)) {
					this.verified.add(result.path);
					this.listener?.patched(result.path, vault.apply(result));
				}
				await slicer.pause();
			}
		}, () => vault.isCancelled());
		if (vault.isCancelled()) {
			return undefined;
		}
		const counts: VerificationCounts = { checked: listing.pages.length, stale, added, removed, milliseconds: performance.now() - started };
		this.running = false;
		this.listener?.done?.(counts);
		return counts;
	}
}
