import * as path from 'path';
import { createVaultService, type VaultService } from '../service/vaultService';
import type { VaultSettings } from '../service/vault/settings';
import type { IndexChange } from '../service/vault/vaultIndex';
import { candidatePathsForUrl, isMarkdownPath } from '../service/vault/vaultPaths';
import { PathFilter } from '../service/vault/pathFilter';
import { listVaultPages, readPageText } from './vaultFiles';

export interface IndexProgress {
	readonly indexed: number;
	readonly total: number;
}

/** Pages read per slice of indexing before yielding to pending requests. */
const SLICE_SIZE = 64;

const yieldToEventLoop = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/**
 * One vault (a workspace folder's root) on disk, and its service. Open
 * documents override the disk: while a page is open, only the editor's text
 * is indexed for it.
 */
export class VaultWorkspace {
	readonly service: VaultService;
	/** Paths whose text currently comes from an open editor. */
	private readonly openPaths = new Set<string>();
	/** Paths indexed from disk or editor so far (while indexing runs). */
	private readonly loaded = new Set<string>();
	private indexingPromise: Promise<void> | undefined;
	private indexed = false;
	private cancelled = false;
	private filter: PathFilter;
	/** Pages skipped while listing or reading, with the reason. */
	readonly unreadable = new Map<string, string>();

	constructor(
		readonly folderUri: string,
		readonly folderPath: string,
		readonly root: string,
		settings: VaultSettings,
		private readonly excludes: readonly string[],
	) {
		this.service = createVaultService({ settings });
		this.filter = new PathFilter(excludes);
	}

	get isIndexed(): boolean {
		return this.indexed;
	}

	/** The vault-relative path of an absolute file path, if it is a page of this vault. */
	relativePath(absolute: string): string | undefined {
		const relative = path.relative(this.root, absolute);
		if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
			return undefined;
		}
		const posix = relative.split(path.sep).join('/');
		if (!isMarkdownPath(posix)) {
			return undefined;
		}
		const segments = posix.split('/');
		for (let i = 0; i < segments.length; i++) {
			if (this.filter.isSkipped(segments.slice(0, i + 1).join('/'), segments[i])) {
				return undefined;
			}
		}
		return posix;
	}

	absolutePath(relative: string): string {
		return path.join(this.root, ...relative.split('/'));
	}

	/**
	 * Indexes every page on disk, in slices that yield to the event loop so
	 * requests are served meanwhile. Resolves when the index is complete.
	 */
	index(onProgress?: (progress: IndexProgress) => void): Promise<void> {
		if (!this.indexingPromise) {
			this.indexingPromise = this.runIndexing(onProgress);
		}
		return this.indexingPromise;
	}

	whenIndexed(): Promise<void> {
		return this.indexingPromise ?? Promise.resolve();
	}

	dispose(): void {
		this.cancelled = true;
	}

	private async runIndexing(onProgress?: (progress: IndexProgress) => void): Promise<void> {
		await yieldToEventLoop();
		const listing = listVaultPages(this.root, this.excludes);
		const total = listing.pages.length;
		onProgress?.({ indexed: 0, total });
		for (let i = 0; i < total; i += SLICE_SIZE) {
			if (this.cancelled) {
				return;
			}
			for (const page of listing.pages.slice(i, i + SLICE_SIZE)) {
				if (!this.loaded.has(page)) {
					this.loadFromDisk(page);
				}
			}
			onProgress?.({ indexed: Math.min(total, i + SLICE_SIZE), total });
			await yieldToEventLoop();
		}
		this.indexed = true;
	}

	private loadFromDisk(relative: string): IndexChange | undefined {
		this.loaded.add(relative);
		const read = readPageText(this.absolutePath(relative));
		if ('error' in read) {
			if (read.missing) {
				this.unreadable.delete(relative);
			} else {
				this.unreadable.set(relative, read.error);
			}
			return this.service.removePage(relative);
		}
		this.unreadable.delete(relative);
		return this.service.updatePage(relative, read.text);
	}

	/**
	 * Makes sure the pages a request needs are indexed even while indexing
	 * runs: the pages publishing the given URLs are read now if not yet loaded.
	 */
	ensureUrls(urls: Iterable<string>): void {
		if (this.indexed) {
			return;
		}
		for (const url of urls) {
			for (const candidate of candidatePathsForUrl(url)) {
				if (!this.loaded.has(candidate) && !this.filter.isSkipped(candidate, candidate.slice(candidate.lastIndexOf('/') + 1))) {
					const read = readPageText(this.absolutePath(candidate));
					if (!('error' in read)) {
						this.loaded.add(candidate);
						this.service.updatePage(candidate, read.text);
					}
				}
			}
		}
	}

	/** The editor's text of a page, which wins over the disk while open. */
	openDocument(relative: string, text: string): IndexChange {
		this.openPaths.add(relative);
		this.loaded.add(relative);
		return this.service.updatePage(relative, text);
	}

	isOpen(relative: string): boolean {
		return this.openPaths.has(relative);
	}

	/** A closed page goes back to its disk text, or out of the index when it is not on disk. */
	closeDocument(relative: string): IndexChange {
		this.openPaths.delete(relative);
		return this.loadFromDisk(relative) ?? this.service.removePage(relative);
	}

	/** A watched file was created or changed on disk. Ignored while the page is open. */
	diskChanged(relative: string): IndexChange | undefined {
		if (this.openPaths.has(relative)) {
			return undefined;
		}
		return this.loadFromDisk(relative);
	}

	/** A watched file was deleted on disk. An open page keeps its editor text. */
	diskDeleted(relative: string): IndexChange | undefined {
		this.unreadable.delete(relative);
		if (this.openPaths.has(relative)) {
			return undefined;
		}
		this.loaded.add(relative);
		return this.service.removePage(relative);
	}

	/** Every page path known: indexed pages and pages that could not be read. */
	allPaths(): string[] {
		const paths = new Set<string>();
		for (const page of this.service.index.pages()) {
			paths.add(page.path);
		}
		for (const unreadable of this.unreadable.keys()) {
			paths.add(unreadable);
		}
		return [...paths];
	}
}
