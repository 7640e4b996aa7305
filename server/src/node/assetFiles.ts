import * as path from 'path';
import type { PathFilter } from '../service/vault/pathFilter';
import { isAssetPath } from '../service/vault/vaultPaths';
import type { VaultFileSystem } from './vaultFileSystem';
import { isFolder, isInsideFolder } from './site/siteData';
import { listVaultPages } from './vaultFiles';
import { absolutePath } from './absolutePath';

/**
 * The files of a vault that are not pages (images, PDFs…), by name only:
 * those under the vault root and those of the site's static folders
 * (`SiteRules.staticFolders`, relative to the root: Hugo's `static/` beside
 * `content/` is `../static`), each with the path the site publishes it at
 * (without the leading `/`). The workspace hands them to the service
 * (`setAssets`, `updateAssets`) and follows the file watcher's events.
 */
export class AssetFiles {
	/** Absolute path → published path. */
	private readonly files = new Map<string, string>();

	constructor(
		private readonly root: string,
		private readonly filter: PathFilter,
		private readonly fileSystem: VaultFileSystem,
	) { }

	/** Lists every asset anew: `rootAssets` (the root's listing, vault-relative), then each static folder's files. */
	list(rootAssets: readonly string[], staticFolders: readonly string[]): string[] {
		this.files.clear();
		for (const relative of rootAssets) {
			this.files.set(absolutePath(this.root, relative), relative);
		}
		for (const folder of this.staticRoots(staticFolders)) {
			let listed: string[];
			try {
				listed = listVaultPages(folder, [], this.fileSystem).assets;
			} catch {
				continue;
			}
			for (const relative of listed) {
				this.files.set(absolutePath(folder, relative), relative);
			}
		}
		return [...this.files.values()];
	}

	/** The published path of a file that appeared, if it is an asset of the vault; undefined otherwise (or when known). */
	added(absolute: string, staticFolders: readonly string[]): string | undefined {
		if (this.files.has(absolute) || !isAssetPath(absolute)) {
			return undefined;
		}
		const published = this.publishedPath(absolute, staticFolders);
		if (published !== undefined) {
			this.files.set(absolute, published);
		}
		return published;
	}

	/** The published paths of the files at or under `absolute` that went. */
	removed(absolute: string): string[] {
		const gone: string[] = [];
		const under = absolute.endsWith(path.sep) ? absolute : absolute + path.sep;
		for (const [file, published] of this.files) {
			if (file === absolute || file.startsWith(under)) {
				gone.push(published);
				this.files.delete(file);
			}
		}
		return gone;
	}

	private staticRoots(staticFolders: readonly string[]): string[] {
		return staticFolders.map(folder => path.resolve(this.root, folder)).filter(folder => isFolder(folder, this.fileSystem) && !isInsideFolder(this.root, folder));
	}

	private publishedPath(absolute: string, staticFolders: readonly string[]): string | undefined {
		for (const base of [this.root, ...this.staticRoots(staticFolders)]) {
			if (!isInsideFolder(base, absolute) || absolute === base) {
				continue;
			}
			const segments = path.relative(base, absolute).split(path.sep);
			const skipped = segments.some((segment, i) => this.filter.isSkipped(segments.slice(0, i + 1).join('/'), segment));
			return skipped ? undefined : segments.join('/');
		}
		return undefined;
	}
}
