import { DEFAULT_SETTINGS, type VaultSettings } from '../../server/src/service/vault/settings';
import { InProcessPageParser } from '../../server/src/node/pageParser';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { MemoryFileSystem } from './memoryFileSystem';

/** Where `memoryVault` puts the vault, and what lies beside it. */
export const VAULT_ROOT = '/vault';
export const OUTSIDE = '/outside';
export const CACHE_FILE = '/cache/index.bin';

/** The absolute path of a vault-relative path of `memoryVault`'s vault. */
export function inVault(relative: string): string {
	return `${VAULT_ROOT}/${relative}`;
}

export interface MemoryVaultOptions {
	readonly excludes?: readonly string[];
	/** Keep a persisted index at `CACHE_FILE`. */
	readonly cache?: boolean;
	/** Pages per batch of the in-process parser (small ones let a test act between batches). */
	readonly batchSize?: number;
	readonly settings?: VaultSettings;
}

/** A page with a title (what a test reads back to tell one text from another). */
export function titled(title: string, body = ''): string {
	return `---\ntitle: ${title}\n---\n${body}`;
}

/** Writes `files` (vault-relative path → text) into the vault folder of a file system. */
export function writeVault(fileSystem: MemoryFileSystem, files: Record<string, string>): void {
	fileSystem.makeDirectory(VAULT_ROOT);
	for (const [relative, text] of Object.entries(files)) {
		fileSystem.writeFile(inVault(relative), text);
	}
}

/** A vault workspace over an in-memory file system, its pages parsed on this thread. */
export function workspaceOn(fileSystem: MemoryFileSystem, options: MemoryVaultOptions = {}): VaultWorkspace {
	return new VaultWorkspace(`file://${VAULT_ROOT}`, VAULT_ROOT, VAULT_ROOT, {
		settings: options.settings ?? DEFAULT_SETTINGS,
		excludes: options.excludes ?? [],
		pool: new InProcessPageParser(fileSystem, options.batchSize),
		cacheFile: options.cache ? CACHE_FILE : undefined,
		fileSystem,
	});
}

/** A fresh in-memory file system holding `files` under `VAULT_ROOT`, and a workspace on it. */
export function memoryVault(files: Record<string, string>, options: MemoryVaultOptions = {}): { fileSystem: MemoryFileSystem; vault: VaultWorkspace } {
	const fileSystem = new MemoryFileSystem();
	writeVault(fileSystem, files);
	return { fileSystem, vault: workspaceOn(fileSystem, options) };
}

/** The titles of the indexed pages, by path, sorted by path. */
export function titles(vault: VaultWorkspace): Record<string, string> {
	const result: Record<string, string> = {};
	for (const page of [...vault.service.index.pages()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
		result[page.path] = page.title;
	}
	return result;
}

/** The pages kept out of the index with why (unreadable on disk, or unparsable), in the order they were put there. */
export function unreadablePages(vault: VaultWorkspace): [string, string][] {
	return vault.service.quarantinedPaths().map(path => [path, vault.service.quarantined(path)!]);
}
