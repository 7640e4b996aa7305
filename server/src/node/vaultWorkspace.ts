import * as path from 'path';
import { startMark } from './startTimeline';
import { ListedFiles } from './listedFiles';
import { createVaultService, type VaultService } from '../service/vaultService';
import type { VaultSettings } from '../service/vault/settings';
import type { IndexChange } from '../service/vault/vaultIndex';
import { candidatePathsForUrl } from '../service/vault/vaultPaths';
import { indexedPagesUnder, pagesListedUnder, vaultRelativePath } from './vaultFolderPaths';
import { PathFilter } from '../service/vault/pathFilter';
import type { PageSummary } from '../service/parse/pageSummary';
import { fileStamp, listVaultPages, listVaultPagesInSteps, readPageText, readVaultPage, readVaultPageParts, type PageReadResult } from './vaultFiles';
import type { IndexCacheContents } from './indexCache';
import { PersistedIndexFile } from './persistedIndex';
import { BackgroundSlicer, TimeSlicer, yieldToEventLoop } from './timeSlices';
import type { PageParser } from './pageParser';
import { V8_PAGE_CODEC } from './pageCodec';
import { nodeFileSystem } from './nodeFileSystem';
import type { IndexCacheFileSystem, VaultFileSystem } from './vaultFileSystem';
import { absorbPersistedIndex, DiskVerification, type VerificationListener } from './diskVerification';
import { absolutePath } from './absolutePath';

export interface IndexProgress {
	readonly indexed: number;
	readonly total: number;
}

/** Where the pages of the last indexing came from. */
export interface IndexingCounts {
	/** The pages on disk. */
	readonly pages: number;
	/** Taken from the persisted index (unchanged size and time). */
	readonly fromCache: number;
	/** Read and parsed on the worker threads. */
	readonly parsed: number;
	/** Open in the editor before indexing began, so indexed from the editor's text. */
	readonly alreadyLoaded: number;
}

/** What a page put in the index by the initial indexing changes for others: not worked out (see `apply`). */
const NO_CHANGE: IndexChange = Object.freeze({ affected: new Set<string>(), pagesChanged: true });

/** Quiet time after the last change on disk before the persisted index is rewritten. */
const CACHE_SAVE_DELAY_MS = 30_000;


export interface VaultWorkspaceOptions {
	readonly settings: VaultSettings;
	/** Why the folder is a vault whatever its pages hold (`vaultDeclaration`); none: its pages decide. */
	readonly declaredVault?: string;
	readonly excludes: readonly string[];
	/** Reads and parses the pages of the cold index (the worker pool). */
	readonly pool: PageParser;
	/** File of the persisted index; none keeps no cache. */
	readonly cacheFile?: string;
	/** Where the vault and the persisted index are read (and the index written); Node's `fs` when not given. */
	readonly fileSystem?: VaultFileSystem & IndexCacheFileSystem;
}

/**
 * One vault (a workspace folder's root) on disk, and its service. Open
 * documents override the disk: while a page is open, only the editor's text
 * is indexed for it.
 */
export class VaultWorkspace {
	readonly service: VaultService;
	/** The pages whose text comes from an open editor, with that text as last indexed (the editor holds the same string). */
	private readonly openTexts = new Map<string, string>();
	/** Paths indexed from disk or editor so far (while indexing runs). */
	private readonly loaded = new Set<string>();
	/** `size:mtime` of the file each disk-loaded page was parsed from (what the persisted index keeps). */
	private readonly stamps = new Map<string, string>();
	private indexingPromise: Promise<void> | undefined;
	/** Resolved when indexing ends (or the vault is disposed): waiting on it works before `index()` is called. */
	private readonly indexingEnded: Promise<void>;
	private endIndexing!: () => void;
	private indexed = false;
	/** Where the pages came from, once indexing is done. */
	indexingCounts: IndexingCounts | undefined;
	private cancelled = false;
	private saveTimer: NodeJS.Timeout | undefined;
	private readonly filter: PathFilter;
	private readonly fileSystem: VaultFileSystem & IndexCacheFileSystem;
	/** The files that are not pages (listedFiles.ts). */
	readonly files: ListedFiles;
	/**
	 * Pages read at their new paths by a move (`pagesMoved`), with nothing read
	 * for them since: the watcher's creation event that follows the move finds
	 * the file unchanged (same stamp) and reads nothing.
	 */
	private readonly movedHere = new Set<string>();
	/** New paths of a move whose reading is under way, and the watcher events met for them meanwhile (looked at once it is done). */
	private readonly moving = new Set<string>();
	private readonly changedWhileMoving = new Set<string>();
	/** The check of a warm start's pages against the disk (diskVerification.ts); none on a cold index. */
	private verification: DiskVerification | undefined;
	/** The persisted index (none is kept without `cacheFile`). */
	private readonly persisted: PersistedIndexFile | undefined;

	constructor(
		readonly folderUri: string,
		readonly folderPath: string,
		readonly root: string,
		private readonly options: VaultWorkspaceOptions,
	) {
		this.fileSystem = options.fileSystem ?? nodeFileSystem;
		this.service = createVaultService({ settings: options.settings, declaredVault: options.declaredVault, pageCodec: V8_PAGE_CODEC, rereadPage: page => readVaultPageParts(root, page, this.fileSystem) });
		this.persisted = options.cacheFile ? new PersistedIndexFile(options.cacheFile, root, this.fileSystem) : undefined;
		this.filter = new PathFilter(options.excludes);
		this.files = new ListedFiles(root, this.filter, this.fileSystem, this.service);
		this.indexingEnded = new Promise(resolve => {
			this.endIndexing = resolve;
		});
	}

	get isIndexed(): boolean {
		return this.indexed;
	}

	/** The vault-relative path of an absolute file path, if it is a page of this vault. */
	relativePath(absolute: string): string | undefined {
		return vaultRelativePath(this.root, this.filter, absolute, false);
	}

	/** The vault-relative path of an absolute folder path inside the root (not the root itself), if no folder on the way is skipped. */
	relativeFolder(absolute: string): string | undefined {
		return vaultRelativePath(this.root, this.filter, absolute, true);
	}


	/** Whether an absolute path is a folder on disk (false when it is a file or is not there). */
	isFolderOnDisk(absolute: string): boolean {
		try {
			return this.fileSystem.stat(absolute).isDirectory;
		} catch {
			return false;
		}
	}

	absolutePath(relative: string): string {
		return absolutePath(this.root, relative);
	}

	/**
	 * Indexes every page on disk: pages unchanged since the persisted index
	 * come from it, the others are read and parsed on worker threads. Yields
	 * to the event loop between batches, so requests are served meanwhile.
	 */
	index(onProgress?: (progress: IndexProgress) => void, verificationListener?: VerificationListener): Promise<void> {
		if (!this.indexingPromise) {
			this.indexingPromise = this.runIndexing(onProgress, verificationListener).finally(() => this.endIndexing());
		}
		return this.indexingPromise;
	}

	/** The pages of a warm start being checked against the disk (after `ready`; 0 when none are). */
	get verifyingPages(): number {
		return this.verification?.isRunning === true ? this.verification.pageCount : 0;
	}

	/** Resolves once indexed and, after a warm start, checked against the disk (`check` waits for it). */
	whenVerified(): Promise<void> {
		return this.whenIndexed().then(async () => void await this.verification?.done);
	}

	/** Resolves once the vault's files are known: at once after a cold index, after the check's listing after a warm start. */
	whenListed(): Promise<void> {
		return this.whenIndexed().then(() => this.verification?.whenListed);
	}

	/** While a warm start is checked against the disk, checks one page now (a request is about it). */
	checkPageNow(relative: string): void {
		if (this.verification?.needsCheck(relative) === true) {
			this.verification.checkNow(relative);
		}
	}

	/**
	 * Resolves when indexing has ended, even when asked before it started (the
	 * vault waits for its turn), or when the vault is disposed; never rejects.
	 */
	whenIndexed(): Promise<void> {
		return this.indexingEnded;
	}

	dispose(): void {
		this.cancelled = true;
		this.endIndexing();
		if (this.saveTimer) {
			clearTimeout(this.saveTimer);
		}
		void this.saving.finally(() => this.persisted?.close());
	}

	private async runIndexing(onProgress?: (progress: IndexProgress) => void, verificationListener?: VerificationListener): Promise<void> {
		await yieldToEventLoop();
		startMark('indexing');
		const cache = await this.persisted?.load();
		startMark('persisted index loaded');
		if (cache && this.persisted!.adopt(cache)) {
			return this.startWarm(cache, verificationListener, onProgress);
		}
		const listing = listVaultPages(this.root, this.options.excludes, this.fileSystem);
		this.files.take(listing.assets);
		const total = listing.pages.length;
		let done = 0;
		onProgress?.({ indexed: 0, total });
		const toParse: string[] = [];
		let alreadyLoaded = 0;
		const slicer = new TimeSlicer(undefined, 'cold index');
		for (const page of listing.pages) {
			if (this.loaded.has(page)) {
				done++;
				alreadyLoaded++;
			} else {
				toParse.push(page);
			}
		}
		onProgress?.({ indexed: done, total });
		await this.options.pool.parseAll(this.root, toParse, async results => {
			for (const result of results) {
				// A page opened meanwhile keeps the editor's text.
				if (!this.loaded.has(result.path)) {
					this.apply(result, true);
				}
				await slicer.pause();
			}
			done += results.length;
			onProgress?.({ indexed: done, total });
		}, () => this.cancelled, () => this.service.relayedStrings());
		this.service.settleIndex();
		if (this.cancelled) {
			return;
		}
		this.indexed = true;
		this.indexingCounts = { pages: total, fromCache: 0, parsed: toParse.length, alreadyLoaded };
		if (toParse.length > 0) {
			this.scheduleCacheSave(0);
		}
	}

	/**
	 * A warm start: every page of the persisted index is put in the index at
	 * once (no listing, no `stat`), and indexing is done; the pages are then
	 * checked against the disk in the background and patched as found.
	 */
	private async startWarm(contents: IndexCacheContents, listener: VerificationListener | undefined, onProgress?: (progress: IndexProgress) => void): Promise<void> {
		const alreadyLoaded = await absorbPersistedIndex(contents, { loaded: this.loaded, stamps: this.stamps, service: this.service, isCancelled: () => this.cancelled }, onProgress);
		startMark('persisted index restored');
		if (alreadyLoaded === undefined) {
			return;
		}
		const cache = contents.pages;
		this.indexed = true;
		this.indexingCounts = { pages: cache.size, fromCache: cache.size - alreadyLoaded, parsed: 0, alreadyLoaded };
		if (alreadyLoaded > 0) {
			this.scheduleCacheSave(0); // Open pages are not kept in the persisted index.
		}
		this.verification = new DiskVerification({
			root: this.root, pool: this.options.pool, isCancelled: () => this.cancelled,
			list: () => listVaultPagesInSteps(this.root, this.options.excludes, this.fileSystem),
			setAssets: assets => this.files.take(assets),
			stampOnDisk: page => this.stampOf(page), indexedStamp: page => this.stamps.get(page),
			isOpen: page => this.openTexts.has(page),
			read: page => readVaultPage(this.root, page, this.fileSystem), apply: result => this.apply(result),
			remove: page => this.diskDeleted(page),
		}, cache, {
			patched: (page, change) => listener?.patched(page, change),
			done: counts => {
				if (counts.stale + counts.added + counts.removed > 0) {
					this.scheduleCacheSave(0);
				}
				listener?.done?.(counts);
			},
		});
	}

	private stampOf(relative: string): string | undefined {
		try {
			return fileStamp(this.fileSystem.stat(this.absolutePath(relative)));
		} catch {
			return undefined;
		}
	}

	/**
	 * Puts a page read from disk in the index (or takes it out, with why).
	 * `initial`: by the initial indexing, which publishes every page's
	 * diagnostics when it ends, so what the page changes for others is not worked out.
	 */
	private apply(result: PageReadResult, initial = false): IndexChange {
		this.loaded.add(result.path);
		this.verification?.noteUpdated(result.path);
		if ('error' in result) {
			this.stamps.delete(result.path);
			return result.missing ? this.service.removePage(result.path) : this.service.markUnreadable(result.path, result.error);
		}
		this.stamps.set(result.path, result.stamp);
		if ('record' in result) {
			return this.service.updatePageRecord(result.record, initial);
		}
		if (initial) {
			this.service.loadParsedPage(result.parts, result.copied === true);
			return NO_CHANGE;
		}
		return this.service.updateParsedPage(result.parts, result.copied === true);
	}

	private loadFromDisk(relative: string): IndexChange {
		const change = this.apply(readVaultPage(this.root, relative, this.fileSystem));
		if (this.indexed) {
			this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
		}
		return change;
	}

	private scheduleCacheSave(delay: number): void {
		if (!this.persisted || this.cancelled) {
			return;
		}
		if (this.saveTimer) {
			clearTimeout(this.saveTimer);
		}
		this.saveTimer = setTimeout(() => {
			this.saveTimer = undefined;
			this.saving = this.saveCache().catch(() => {
				// The cache is only a shortcut; a failed write is retried at the next change.
			});
		}, delay);
		this.saveTimer.unref();
	}

	private saving: Promise<void> = Promise.resolve();

	/** Finishes a cache write that is due or under way (at shutdown), so the next start finds it. */
	async flushCache(): Promise<void> {
		if (this.saveTimer) {
			await this.saveCache().catch(() => undefined);
		} else {
			await this.saving;
		}
	}

	/** Writes the persisted index now (when one is configured), replacing a pending delayed write. */
	async saveCache(): Promise<void> {
		const persisted = this.persisted;
		if (!persisted) {
			return;
		}
		if (this.saveTimer) {
			clearTimeout(this.saveTimer);
			this.saveTimer = undefined;
		}
		await this.saving;
		if (!await persisted.save(this.service, this.stamps)) {
			// The site's rules changed while it was written: without the maps' state the next warm start links every page in; written again later.
			this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
		}
	}

	/**
	 * Makes sure the pages a page links to are indexed while indexing runs (a
	 * request about the page needs them: those not yet loaded are read now) and
	 * match the disk while a warm start is checked; after both, nothing is looked at.
	 */
	ensureLinkTargets(page: PageSummary): void {
		const verification = this.verification?.isRunning === true ? this.verification : undefined;
		if (this.indexed && !verification) {
			return;
		}
		for (const url of page.targetUrls) {
			for (const candidate of candidatePathsForUrl(url)) {
				const due = verification?.needsCheck(candidate) === true || (!this.loaded.has(candidate) && this.relativePath(this.absolutePath(candidate)) !== undefined);
				const result = due && !verification ? readVaultPage(this.root, candidate, this.fileSystem) : undefined;
				if (due && verification) {
					verification.checkNow(candidate);
				} else if (result && !('error' in result && result.missing)) {
					this.apply(result);
				}
			}
		}
	}

	/** The editor's text of a page, which wins over the disk while open. */
	openDocument(relative: string, text: string): IndexChange {
		this.verification?.noteUpdated(relative);
		this.openTexts.set(relative, text);
		this.loaded.add(relative);
		this.stamps.delete(relative);
		return this.service.updatePage(relative, text);
	}

	/** A page's text on disk, without reading it into the index; undefined when it cannot be read. */
	diskText(relative: string): string | undefined {
		const read = readPageText(this.absolutePath(relative), this.fileSystem);
		return 'text' in read ? read.text : undefined;
	}

	isOpen(relative: string): boolean {
		return this.openTexts.has(relative);
	}

	/** The paths of the open pages. */
	openPagePaths(): string[] {
		return [...this.openTexts.keys()];
	}

	/** The text of an open page, as indexed. */
	openText(relative: string): string | undefined {
		return this.openTexts.get(relative);
	}

	/** A page's diagnostics, with the text `unlinked-mention` reads when the page is open. */
	diagnostics(relative: string): ReturnType<VaultService['diagnostics']> {
		const diagnostics = this.service.diagnostics(relative, this.openTexts.get(relative));
		if (this.service.diagnosticsPartial()) {
			this.partialDiagnostics.add(relative);
		}
		return diagnostics;
	}

	/** Pages whose diagnostics were computed while the search tables were being built (`buildSearchTables`): published again once they are. */
	private readonly partialDiagnostics = new Set<string>();

	/**
	 * Builds the search tables in the background, in time slices (right
	 * after indexing, so the first edit or completion does not pay for them);
	 * then `republish` gets the pages whose diagnostics lack what they give.
	 */
	async buildSearchTables(republish: (paths: string[]) => void): Promise<void> {
		const steps = this.service.buildSearchTablesInSteps();
		const slicer = new BackgroundSlicer(undefined, undefined, undefined, 'search tables');
		try {
			while (!this.cancelled && steps.next().done !== true) {
				await slicer.pause();
			}
		} finally {
			steps.return?.();
		}
		const paths = [...this.partialDiagnostics];
		this.partialDiagnostics.clear();
		if (!this.cancelled && paths.length > 0) {
			republish(paths);
		}
	}

	/**
	 * A page's diagnostics with its text read from disk when it is not open
	 * (for `check`, which reports unlinked mentions on every page).
	 */
	diagnosticsReadingText(relative: string): ReturnType<VaultService['diagnostics']> {
		let text = this.openTexts.get(relative);
		// Only an indexed page: a quarantined one (a link out of the vault, a binary file) is never read again.
		if (text === undefined && this.service.getPage(relative) !== undefined && this.service.settings().severity['unlinked-mention'] !== 'off') {
			text = this.diskText(relative);
		}
		return this.service.diagnostics(relative, text);
	}

	/** A closed page goes back to its disk text, or out of the index when it is not on disk. */
	closeDocument(relative: string): IndexChange {
		this.openTexts.delete(relative);
		return this.loadFromDisk(relative);
	}

	/** A watched file was created or changed on disk. Ignored while the page is open. */
	diskChanged(relative: string): IndexChange | undefined {
		if (this.openTexts.has(relative)) {
			return undefined;
		}
		if (this.moving.has(relative)) {
			this.changedWhileMoving.add(relative);
			return undefined;
		}
		// The creation event of a page a move has just read: nothing to read again while the file is the one read.
		if (this.movedHere.delete(relative) && this.stamps.get(relative) === this.stampOf(relative)) {
			return undefined;
		}
		return this.loadFromDisk(relative);
	}

	/** A watched file was deleted on disk. An open page keeps its editor text. */
	diskDeleted(relative: string): IndexChange | undefined {
		this.verification?.noteUpdated(relative);
		this.stamps.delete(relative);
		if (this.openTexts.has(relative)) {
			return undefined;
		}
		this.loaded.add(relative);
		if (this.indexed) {
			this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
		}
		return this.service.removePage(relative);
	}

	/**
	 * A watched folder was deleted on disk: every page under it (indexed or
	 * unreadable) is gone, except open ones. The paths removed, with their changes.
	 */
	diskFolderDeleted(folderPath: string): { readonly path: string; readonly change: IndexChange }[] {
		const folder = this.relativeFolder(folderPath);
		const isRoot = path.relative(this.root, folderPath) === '';
		if (folder === undefined && !isRoot) {
			return [];
		}
		const removed: { path: string; change: IndexChange }[] = [];
		for (const path of folder === undefined ? this.allPaths() : this.pathsUnder(folder)) {
			const change = this.diskDeleted(path);
			if (change) {
				removed.push({ path, change });
			}
		}
		return removed;
	}

	/** The pages known under a vault-relative folder (indexed, or quarantined), from its section's list: no scan of the whole vault. */
	pathsUnder(folder: string): string[] {
		return indexedPagesUnder(this.service, folder);
	}

	/** The pages on disk under a vault-relative folder, listed (not read) as indexing lists a vault. */
	pagesOnDiskUnder(folder: string): string[] {
		return pagesListedUnder(this.root, this.filter, folder, this.fileSystem);
	}

	/**
	 * Pages moved or renamed on disk (`workspace/didRenameFiles`): the pages at
	 * `removed` leave the index, and only the files at `added` are read (on
	 * the worker pool when there are many), so nothing else is read again and
	 * no page is reindexed. An open page keeps its editor text: the editor's
	 * close and open of the moved document update it. The changes, by path, in
	 * the order made; `removed` says which pages left.
	 */
	async pagesMoved(removed: readonly string[], added: readonly string[]): Promise<{ readonly path: string; readonly removed: boolean; readonly change: IndexChange }[]> {
		const changes: { path: string; removed: boolean; change: IndexChange }[] = [];
		const adding = new Set(added);
		for (const path of removed) {
			// A path both left and arrived at (a name's case changed, pages swapped) is read again below.
			const change = adding.has(path) ? undefined : this.diskDeleted(path);
			if (change) {
				changes.push({ path, removed: true, change });
			}
		}
		const toRead = added.filter(path => !this.openTexts.has(path));
		for (const path of toRead) {
			this.moving.add(path);
		}
		const slicer = new TimeSlicer(undefined, 'pages added');
		try {
			await this.options.pool.parseAll(this.root, toRead, async results => {
				for (const result of results) {
					this.moving.delete(result.path);
					if (!this.openTexts.has(result.path)) {
						changes.push({ path: result.path, removed: false, change: this.apply(result) });
						this.movedHere.add(result.path);
					}
					await slicer.pause();
				}
			}, () => this.cancelled);
		} finally {
			for (const path of toRead) {
				this.moving.delete(path);
			}
		}
		// A page changed on disk while it was read: read it again if it is not the file that was read.
		for (const path of this.changedWhileMoving) {
			const change = this.diskChanged(path);
			if (change) {
				changes.push({ path, removed: false, change });
			}
		}
		this.changedWhileMoving.clear();
		if (this.indexed) {
			this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
		}
		return changes;
	}

	/** Every page path known: indexed pages and quarantined ones (unreadable or unparsable). */
	allPaths(): string[] {
		const paths = new Set<string>();
		for (const page of this.service.index.pages()) {
			paths.add(page.path);
		}
		for (const quarantined of this.service.quarantinedPaths()) {
			paths.add(quarantined);
		}
		return [...paths];
	}
}
