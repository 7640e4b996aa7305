import * as path from 'path';
import type { VaultService } from '../service/vaultService';
import type { PathFilter } from '../service/vault/pathFilter';
import type { OtherContentPage } from '../service/vault/siteRules';
import type { IndexChange } from '../service/vault/vaultIndex';
import { AssetFiles } from './assetFiles';
import { OtherContentFiles } from './site/hugoContentFiles';
import type { VaultFileSystem } from './vaultFileSystem';
import { vaultRelativePath } from './vaultFolderPaths';

/** What happened to a file on disk, as the watcher says. */
export type FileEvent = 'created' | 'changed' | 'deleted';

/**
 * The files of a vault that are not its markdown pages, as the service is
 * told of them: the assets (assetFiles.ts) and the pages the site publishes
 * from content files in other formats (hugoContentFiles.ts). Both come from
 * the vault's listing (the cold index's, or a warm start's check against the
 * disk) and then follow the watcher's events: nothing else walks the disk.
 */
export class ListedFiles {
	private readonly assets: AssetFiles;
	private readonly otherContent: OtherContentFiles;

	constructor(
		private readonly root: string,
		private readonly filter: PathFilter,
		fileSystem: VaultFileSystem,
		private readonly service: VaultService,
	) {
		this.assets = new AssetFiles(root, filter, fileSystem);
		this.otherContent = new OtherContentFiles(root, fileSystem);
	}

	/** Takes the files of a listing (vault-relative; pages are not among them). */
	take(listed: readonly string[]): IndexChange {
		this.otherContent.list(listed);
		this.service.setOtherContentPages(this.otherContentPages().pages);
		return this.service.setAssets(this.assets.list(listed, this.service.settings().site.staticFolders));
	}

	/**
	 * A file created, changed or deleted on disk (or a folder deleted), if it
	 * changes what the service knows: the change to publish.
	 */
	event(absolute: string, event: FileEvent): IndexChange | undefined {
		const relative = event === 'deleted' ? this.insideRoot(absolute) : vaultRelativePath(this.root, this.filter, absolute, true);
		const pagesChange = relative !== undefined && this.otherContent.changed(relative, event === 'deleted')
			? this.service.setOtherContentPages(this.otherContentPages().pages)
			: undefined;
		if (event === 'deleted') {
			const gone = this.assets.removed(absolute);
			return gone.length > 0 ? this.service.updateAssets([], gone) : pagesChange;
		}
		const added = event === 'created' ? this.assets.added(absolute, this.service.settings().site.staticFolders) : undefined;
		return added === undefined ? pagesChange : this.service.updateAssets([added], []);
	}

	/** The site's rules changed (its content folders may have): the pages in other formats as they now say. */
	rulesChanged(): IndexChange {
		return this.service.setOtherContentPages(this.otherContentPages().pages);
	}

	/** The pages published from files in other formats, and what could not be read of them. */
	otherContentPages(): { readonly pages: readonly OtherContentPage[]; readonly problems: readonly string[] } {
		return this.otherContent.pages(this.service.settings().site.contentFolders);
	}

	private insideRoot(absolute: string): string | undefined {
		const relative = path.relative(this.root, absolute);
		return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
	}
}
