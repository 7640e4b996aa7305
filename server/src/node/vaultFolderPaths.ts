import * as path from 'path';
import type { PathFilter } from '../service/vault/pathFilter';
import { isMarkdownPath } from '../service/vault/vaultPaths';
import type { VaultService } from '../service/vaultService';
import { listVaultPages } from './vaultFiles';
import type { VaultFileSystem } from './vaultFileSystem';
import { absolutePath } from './absolutePath';

/**
 * The vault-relative, `/`-separated path of an absolute path inside `root`
 * (not the root itself), when nothing on the way is skipped by `filter`
 * (dot-folders, `node_modules`, the excludes); undefined otherwise. A file
 * (`folder` false) must be a markdown page.
 */
export function vaultRelativePath(root: string, filter: PathFilter, absolute: string, folder: boolean): string | undefined {
	const relative = path.relative(root, absolute);
	if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
		return undefined;
	}
	const posix = relative.split(path.sep).join('/');
	if (!folder && !isMarkdownPath(posix)) {
		return undefined;
	}
	const segments = posix.split('/');
	for (let i = 0; i < segments.length; i++) {
		if (filter.isSkipped(segments.slice(0, i + 1).join('/'), segments[i], folder || i < segments.length - 1)) {
			return undefined;
		}
	}
	return posix;
}

/**
 * The pages known under a vault-relative folder (indexed, or quarantined),
 * from its section's list: no scan of the whole vault.
 */
export function indexedPagesUnder(service: Pick<VaultService, 'index' | 'quarantinedPaths'>, folder: string): string[] {
	const prefix = `${folder}/`;
	const section = folder.split('/')[0];
	const paths = [...service.index.sectionPaths(section)].filter(page => page.startsWith(prefix));
	for (const quarantined of service.quarantinedPaths()) {
		if (quarantined.startsWith(prefix)) {
			paths.push(quarantined);
		}
	}
	return paths;
}

/**
 * The pages on disk under a vault-relative folder, listed (not read) as
 * indexing lists a vault: each real file once, nothing skipped by the excludes.
 */
export function pagesListedUnder(root: string, filter: PathFilter, folder: string, fileSystem: VaultFileSystem): string[] {
	const absoluteFolder = absolutePath(root, folder);
	let listed: string[];
	try {
		listed = listVaultPages(absoluteFolder, [], fileSystem).pages;
	} catch {
		return [];
	}
	return listed.map(page => vaultRelativePath(root, filter, absolutePath(absoluteFolder, page), false)).filter(page => page !== undefined);
}
