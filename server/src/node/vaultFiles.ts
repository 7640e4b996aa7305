import * as path from 'path';
import { PathFilter } from '../service/vault/pathFilter';
import { isAssetPath, isMarkdownPath } from '../service/vault/vaultPaths';
import { stripBom, summarizePageParts, type PageSummaryParts } from '../service/parse/pageSummary';
import type { PageRecord } from '../service/parse/storedPageSummary';
import { MAX_PAGE_LENGTH, sizeOf } from '../service/vaultService';
import { nodeFileSystem } from './nodeFileSystem';
import type { BoundedFileRead, VaultDirectoryEntry, VaultFileStat, VaultFileSystem } from './vaultFileSystem';
import { readSiteConfiguration, type SiteConfiguration } from './site/siteConfiguration';
import { isFolder, isInsideFolder } from './site/siteData';
import { absolutePath } from './absolutePath';

/** Folders that, when present, hold the sections instead of the folder itself (Hugo's layout). */
const CONTENT_FOLDER = 'content';

/** How a folder's vault root was chosen: the vault configuration file's `root`, the `entityVault.root` setting, the site generator's configuration, the folder's `content/`, or the folder itself. */
export type VaultRootChoice = 'configFile' | 'setting' | 'site' | 'content' | 'folder';

/**
 * The vault root for a folder: an explicit setting (relative to the folder)
 * wins; then the content folder the site generator's configuration names
 * (hugoDocs' `hugo.toml` mounts `content/en`), when it exists; otherwise the
 * folder's `content/` subfolder when it holds sub-folders (Hugo layout), else
 * the folder itself.
 */
export function findVaultRoot(folder: string, configuredRoot?: string, fileSystem: VaultFileSystem = nodeFileSystem): string {
	return chooseVaultRoot(folder, configuredRoot, fileSystem).root;
}

/** `findVaultRoot`, saying how the root was chosen, with the site configuration read on the way (undefined: none). */
export function chooseVaultRoot(folder: string, configuredRoot?: string, fileSystem: VaultFileSystem = nodeFileSystem): { root: string; chosenBy: VaultRootChoice; site: SiteConfiguration | undefined } {
	const site = readSiteConfiguration(folder, fileSystem);
	if (configuredRoot && configuredRoot.trim() !== '') {
		return { root: path.resolve(folder, configuredRoot.trim()), chosenBy: 'setting', site };
	}
	if (site?.contentDir !== undefined) {
		const siteRoot = path.resolve(folder, site.contentDir);
		if (isInsideFolder(folder, siteRoot) && isFolder(siteRoot, fileSystem)) {
			return { root: siteRoot, chosenBy: 'site', site };
		}
	}
	const content = path.join(folder, CONTENT_FOLDER);
	try {
		if (fileSystem.stat(content).isDirectory && fileSystem.readDirectory(content).some(entry => entry.isDirectory && !entry.name.startsWith('.'))) {
			return { root: content, chosenBy: 'content', site };
		}
	} catch {
		// no content folder
	}
	return { root: folder, chosenBy: 'folder', site };
}

/**
 * The vault configuration file. Here only a marker: its presence, at the vault
 * root or in the workspace folder above it, makes the folder a vault; what it
 * may hold is not read.
 */
export const VAULT_MARKER_FILE = '.entity-vault.json';

/**
 * Why a folder is a vault whatever its pages hold: the root was set
 * explicitly (`rootSetting`: the setting or flag that set it), or the marker
 * file exists in the vault root or the folder. Undefined: its pages decide.
 */
export function vaultDeclaration(folder: string, root: string, rootSetting: string | undefined, fileSystem: VaultFileSystem = nodeFileSystem): string | undefined {
	if (rootSetting !== undefined) {
		return rootSetting;
	}
	for (const where of root === folder ? [root] : [root, folder]) {
		try {
			if (fileSystem.stat(path.join(where, VAULT_MARKER_FILE)).isFile) {
				return `marker file ${path.relative(folder, path.join(where, VAULT_MARKER_FILE)).split(path.sep).join('/')}`;
			}
		} catch {
			// no marker there
		}
	}
	return undefined;
}

interface VaultListing {
	/** Vault-relative, `/`-separated paths of the markdown pages, each real file once. */
	readonly pages: string[];
	/** Vault-relative paths of the other files with an extension (images, PDFs…): names only, never read. */
	readonly assets: string[];
	/** Entries passed over, with why (symlinks leading out of the vault, loops, unreadable folders). */
	readonly skipped: { path: string; reason: string }[];
}

/**
 * Lists a vault's pages. Symbolic links are followed only while they stay
 * inside the vault root; loops and second paths to the same file are skipped,
 * so every page is listed exactly once and nothing outside the root is read.
 * Real folders are walked before any symbolic link is followed, so a page
 * reachable both directly and through a link is listed under its own path.
 */
export function listVaultPages(root: string, excludes: readonly string[] = [], fileSystem: VaultFileSystem = nodeFileSystem): VaultListing {
	const steps = listVaultPagesInSteps(root, excludes, fileSystem);
	let step = steps.next();
	while (step.done !== true) {
		step = steps.next();
	}
	return step.value;
}

/**
 * `listVaultPages` a folder (or a symbolic link) at a time: the caller may
 * yield to the event loop between steps (a warm start lists the vault after
 * ready, when requests are being answered). Gives the listing when done.
 */
export function* listVaultPagesInSteps(root: string, excludes: readonly string[] = [], fileSystem: VaultFileSystem = nodeFileSystem): Generator<void, VaultListing> {
	const filter = new PathFilter(excludes);
	const realRoot = fileSystem.realPath(root);
	const pages: string[] = [];
	const assets: string[] = [];
	const skipped: { path: string; reason: string }[] = [];
	const seenDirectories = new Set<string>([realRoot]);
	const seenFiles = new Set<string>();
	const pending: { absolute: string; relative: string }[] = [{ absolute: realRoot, relative: '' }];
	/** Symbolic links met so far, followed once no real folder is left to walk. */
	const links: { absolute: string; relative: string; name: string }[] = [];

	const addFolder = (real: string, relative: string): void => {
		if (seenDirectories.has(real)) {
			skipped.push({ path: relative, reason: 'folder already listed through another path (symbolic link loop)' });
			return;
		}
		seenDirectories.add(real);
		pending.push({ absolute: real, relative });
	};
	const addPage = (real: string, relative: string): void => {
		if (seenFiles.has(real)) {
			skipped.push({ path: relative, reason: 'file already listed through another path' });
			return;
		}
		seenFiles.add(real);
		pages.push(relative);
	};
	const followLink = (link: { absolute: string; relative: string; name: string }): void => {
		let real: string;
		let stat: VaultFileStat;
		try {
			real = fileSystem.realPath(link.absolute);
		} catch {
			skipped.push({ path: link.relative, reason: 'dangling symbolic link (or a loop of links)' });
			return;
		}
		if (!isInsideFolder(realRoot, real)) {
			skipped.push({ path: link.relative, reason: 'symbolic link pointing outside the vault' });
			return;
		}
		try {
			stat = fileSystem.stat(real);
		} catch (error) {
			skipped.push({ path: link.relative, reason: `unreadable: ${(error as Error).message}` });
			return;
		}
		if (stat.isDirectory) {
			addFolder(real, link.relative);
		} else if (stat.isFile && isMarkdownPath(link.name)) {
			addPage(real, link.relative);
		} else if (stat.isFile && isAssetPath(link.name)) {
			assets.push(link.relative);
		}
	};

	while (pending.length > 0 || links.length > 0) {
		yield;
		if (pending.length === 0) {
			followLink(links.shift()!);
			continue;
		}
		const { absolute, relative } = pending.pop()!;
		let entries: VaultDirectoryEntry[];
		try {
			entries = fileSystem.readDirectory(absolute);
		} catch (error) {
			skipped.push({ path: relative || '.', reason: `unreadable folder: ${(error as Error).message}` });
			continue;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (filter.isSkipped(childRelative, entry.name, entry.isDirectory || entry.isSymbolicLink)) {
				continue;
			}
			const childAbsolute = path.join(absolute, entry.name);
			if (entry.isSymbolicLink) {
				links.push({ absolute: childAbsolute, relative: childRelative, name: entry.name });
			} else if (entry.isDirectory) {
				addFolder(childAbsolute, childRelative);
			} else if (entry.isFile && isMarkdownPath(entry.name)) {
				addPage(childAbsolute, childRelative);
			} else if (entry.isFile && isAssetPath(entry.name)) {
				assets.push(childRelative);
			}
		}
	}
	pages.sort();
	assets.sort();
	return { pages, assets, skipped };
}

/** A page read from disk and parsed, or why it could not be. */
/** A page read and parsed on this thread (`readPageFile`), or why it could not be. */
export type PageFileRead =
	| { readonly path: string; readonly stamp: string; readonly parts: PageSummaryParts; readonly copied?: boolean }
	| { readonly path: string; readonly error: string; readonly missing?: boolean };

export type PageReadResult = PageFileRead
	/** From a worker thread: the page's record (storedPageSummary.ts), its blob a view into a buffer the batch shares. */
	| { readonly path: string; readonly stamp: string; readonly record: PageRecord };

/** `size:mtime` of a file, what the persisted index is keyed by. */
export function fileStamp(stat: Pick<VaultFileStat, 'size' | 'mtimeMs'>): string {
	return `${stat.size}:${stat.mtimeMs}`;
}

/** Real paths of vault roots, resolved once per root (and file system). */
const realRoots = new WeakMap<VaultFileSystem, Map<string, string>>();

function realRootOf(root: string, fileSystem: VaultFileSystem): string {
	let known = realRoots.get(fileSystem);
	if (known === undefined) {
		known = new Map<string, string>();
		realRoots.set(fileSystem, known);
	}
	let real = known.get(root);
	if (real === undefined) {
		real = fileSystem.realPath(root);
		if (known.size > 64) {
			known.clear();
		}
		known.set(root, real);
	}
	return real;
}

/** The vault root of the page `relative` at `absolutePath`, or why its path is not that page's. */
function pageRoot(absolutePath: string, relative: string): { root: string } | { error: string } {
	const segments = relative.split('/');
	if (segments.some(segment => segment === '' || segment === '.' || segment === '..')) {
		return { error: `\`${relative}\` is not a vault path` };
	}
	let root = absolutePath;
	for (let i = 0; i < segments.length; i++) {
		root = path.dirname(root);
	}
	// `path.join` normalizes what it joins: a path already written so is that page without it.
	const joined = `${root}${root.endsWith(path.sep) ? '' : path.sep}${segments.join(path.sep)}`;
	if (joined !== absolutePath && path.join(root, ...segments) !== path.normalize(absolutePath)) {
		return { error: `\`${absolutePath}\` is not the page \`${relative}\`` };
	}
	return { root };
}

const OUTSIDE_VAULT = 'symbolic link pointing outside the vault; nothing outside the vault root is read';

/**
 * Why the file at `absolutePath` in the vault at `root` must not be read: it
 * resolves (through symbolic links) outside the vault root. Undefined when
 * it may be read.
 */
function outsideVault(absolutePath: string, root: string, fileSystem: VaultFileSystem): string | undefined {
	let realRoot: string;
	try {
		realRoot = realRootOf(root, fileSystem);
	} catch {
		return undefined; // no root: reading fails and says so
	}
	// The file, or (when it does not exist) its nearest existing folder, must lead inside the root.
	for (let candidate = absolutePath; ; candidate = path.dirname(candidate)) {
		let real: string | undefined;
		try {
			real = fileSystem.realPath(candidate);
		} catch {
			real = undefined;
		}
		if (real !== undefined) {
			return isInsideFolder(realRoot, real) ? undefined : OUTSIDE_VAULT;
		}
		if (candidate === root || path.dirname(candidate) === candidate) {
			return undefined;
		}
	}
}

/**
 * The folders of one batch of pages found to lead inside the vault root,
 * each resolved once (`realPath`) instead of once per page: a page in such
 * a folder is then opened without following a symbolic link in its own
 * name, and only a page that is one is resolved. Kept for one batch only,
 * so a folder replaced by a link meanwhile is seen by the next.
 */
export class BatchFolders {
	private readonly inside = new Map<string, boolean>();

	/** Whether the folder of `absolutePath` resolves inside the vault at `root`; undefined when it cannot be resolved. */
	leadsInside(absolutePath: string, root: string, fileSystem: VaultFileSystem): boolean | undefined {
		const folder = path.dirname(absolutePath);
		let known = this.inside.get(folder);
		if (known === undefined) {
			try {
				known = isInsideFolder(realRootOf(root, fileSystem), fileSystem.realPath(folder));
			} catch {
				return undefined;
			}
			this.inside.set(folder, known);
		}
		return known;
	}
}

/**
 * Reads and parses one page. A parser failure is reported as the page's
 * error (the page is left out of the index) instead of being thrown. A page
 * that resolves outside the vault root (through a symbolic link) is never
 * read, and neither is one larger than `MAX_PAGE_LENGTH` bytes. `folders`:
 * the folders of the batch the page is read in (see `BatchFolders`).
 */
export function readPageFile(absolutePath: string, relative: string, parse: (text: string) => PageSummaryParts, fileSystem: VaultFileSystem = nodeFileSystem, folders?: BatchFolders): PageFileRead {
	const place = pageRoot(absolutePath, relative);
	if ('error' in place) {
		return { path: relative, error: place.error };
	}
	const folderInside = folders?.leadsInside(absolutePath, place.root, fileSystem);
	if (folderInside === false) {
		return { path: relative, error: OUTSIDE_VAULT };
	}
	const outside = folderInside === true ? undefined : outsideVault(absolutePath, place.root, fileSystem);
	if (outside !== undefined) {
		return { path: relative, error: outside };
	}
	const first = readPageText(absolutePath, fileSystem, folderInside === true);
	let read: PageText | PageReadError;
	if ('symbolicLink' in first) {
		// The page itself is a symbolic link: where it leads is checked, then it is read.
		const leads = outsideVault(absolutePath, place.root, fileSystem);
		if (leads !== undefined) {
			return { path: relative, error: leads };
		}
		read = readPageText(absolutePath, fileSystem);
	} else {
		read = first;
	}
	if ('error' in read) {
		return { path: relative, ...read };
	}
	try {
		return { path: relative, stamp: read.stamp, parts: parse(read.text) };
	} catch (error) {
		return { path: relative, error: `the page could not be parsed (${(error as Error)?.message ?? error}); it is left out of the index` };
	}
}

/**
 * Reads and parses the page `relative` of the vault at `root` (its path
 * checked, as `readPageFile` does), the way the index parses a page from
 * disk: BOM removed, summarized.
 */
export function readVaultPage(root: string, relative: string, fileSystem: VaultFileSystem = nodeFileSystem, folders?: BatchFolders): PageFileRead {
	return readPageFile(absolutePath(root, relative), relative, text => summarizePageParts(relative, stripBom(text)), fileSystem, folders);
}

/** Reads and parses a batch of pages of the vault at `root`, as `readVaultPage` each, every folder resolved once (`BatchFolders`). */
export function readVaultPages(root: string, relatives: readonly string[], fileSystem: VaultFileSystem = nodeFileSystem): PageFileRead[] {
	const folders = new BatchFolders();
	return relatives.map(relative => readVaultPage(root, relative, fileSystem, folders));
}

/** A page's plain data as on disk now; undefined when it cannot be read as a page. */
export function readVaultPageParts(root: string, relative: string, fileSystem: VaultFileSystem = nodeFileSystem): PageSummaryParts | undefined {
	const read = readVaultPage(root, relative, fileSystem);
	return 'parts' in read ? read.parts : undefined;
}

/** Why a file could not be read; `missing` when it (or a folder on its path) is not there. */
function cannotRead(error: unknown): { error: string; missing: boolean } {
	const code = (error as NodeJS.ErrnoException).code;
	return { error: `cannot read: ${(error as Error).message}`, missing: code === 'ENOENT' || code === 'ENOTDIR' };
}

type PageText = { readonly text: string; readonly stamp: string };
type PageReadError = { readonly error: string; readonly missing?: boolean };

/**
 * Reads a page as text (at most `MAX_PAGE_LENGTH` bytes) with the stamp of
 * the file read, or says why it cannot be read as one. `noFollow`: a file
 * that is a symbolic link is not opened (`symbolicLink` says so).
 */
export function readPageText(absolutePath: string, fileSystem?: VaultFileSystem): PageText | PageReadError;
export function readPageText(absolutePath: string, fileSystem: VaultFileSystem, noFollow: boolean): PageText | PageReadError | { symbolicLink: true };
export function readPageText(absolutePath: string, fileSystem: VaultFileSystem = nodeFileSystem, noFollow = false): PageText | PageReadError | { symbolicLink: true } {
	let read: BoundedFileRead;
	try {
		read = fileSystem.readFile(absolutePath, MAX_PAGE_LENGTH, noFollow);
	} catch (error) {
		return noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP' ? { symbolicLink: true } : cannotRead(error);
	}
	if ('tooLarge' in read) {
		return { error: `the file is ${sizeOf(read.tooLarge)}, more than the ${sizeOf(MAX_PAGE_LENGTH)} a page may be; it is not read` };
	}
	const decoded = decodePageBytes(read.bytes);
	return 'error' in decoded ? decoded : { text: decoded.text, stamp: fileStamp(read) };
}

/**
 * Decodes a page's bytes: UTF-8 (BOM removed), UTF-16 with a BOM; NUL bytes
 * mean a binary file. Damaged UTF-8 keeps its valid characters (bad bytes
 * become U+FFFD, as in an editor); bytes that are not UTF-8 at all are
 * decoded as Latin-1 rather than losing text, and said.
 */
function decodePageBytes(bytes: Uint8Array): { text: string; note?: string } | { error: string } {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'UTF-16 encoded' };
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'UTF-16 encoded' };
	}
	if (bytes.includes(0)) {
		return { error: 'binary file (contains NUL bytes), not a markdown page' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
	} catch {
		// Damaged UTF-8 (a file cut inside a character, a stray byte) stays UTF-8, each bad
		// sequence one U+FFFD as an editor shows it, so positions agree with the editor. Only
		// text without any valid multi-byte character is a legacy Latin-1 file.
		const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
		let replaced = 0;
		let multiByte = 0;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 0xfffd) {
				replaced++;
			} else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) {
				multiByte++;
			}
		}
		if (multiByte > 0 && multiByte >= replaced) {
			return { text, note: `not valid UTF-8: ${replaced} damaged ${replaced === 1 ? 'sequence' : 'sequences'} replaced by U+FFFD` };
		}
		return { text: new TextDecoder('latin1').decode(bytes), note: 'not valid UTF-8, read as Latin-1' };
	}
}
