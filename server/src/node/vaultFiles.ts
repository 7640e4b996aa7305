import * as fs from 'fs';
import * as path from 'path';
import { PathFilter } from '../service/vault/pathFilter';
import { isMarkdownPath } from '../service/vault/vaultPaths';
import type { PageSummaryParts } from '../service/parse/pageSummary';

/** Folders that, when present, hold the sections instead of the folder itself (Hugo's layout). */
const CONTENT_FOLDER = 'content';

/**
 * The vault root for a folder: an explicit setting (relative to the folder)
 * wins; otherwise the folder's `content/` subfolder when it holds sub-folders
 * (Hugo layout), else the folder itself.
 */
export function findVaultRoot(folder: string, configuredRoot?: string): string {
	if (configuredRoot && configuredRoot.trim() !== '') {
		return path.resolve(folder, configuredRoot.trim());
	}
	const content = path.join(folder, CONTENT_FOLDER);
	try {
		if (fs.statSync(content).isDirectory() && fs.readdirSync(content, { withFileTypes: true }).some(entry => entry.isDirectory() && !entry.name.startsWith('.'))) {
			return content;
		}
	} catch {
		// no content folder
	}
	return folder;
}

export interface VaultListing {
	/** Vault-relative, `/`-separated paths of the markdown pages, each real file once. */
	readonly pages: string[];
	/** Entries passed over, with why (symlinks leading out of the vault, loops, unreadable folders). */
	readonly skipped: { path: string; reason: string }[];
}

function isInside(root: string, candidate: string): boolean {
	const relative = path.relative(root, candidate);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists a vault's pages. Symbolic links are followed only while they stay
 * inside the vault root; loops and second paths to the same file are skipped,
 * so every page is listed exactly once and nothing outside the root is read.
 */
export function listVaultPages(root: string, excludes: readonly string[] = []): VaultListing {
	const filter = new PathFilter(excludes);
	const realRoot = fs.realpathSync(root);
	const pages: string[] = [];
	const skipped: { path: string; reason: string }[] = [];
	const seenDirectories = new Set<string>([realRoot]);
	const seenFiles = new Set<string>();
	const pending: { absolute: string; relative: string }[] = [{ absolute: realRoot, relative: '' }];
	while (pending.length > 0) {
		const { absolute, relative } = pending.pop()!;
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(absolute, { withFileTypes: true });
		} catch (error) {
			skipped.push({ path: relative || '.', reason: `unreadable folder: ${(error as Error).message}` });
			continue;
		}
		for (const entry of entries) {
			const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (filter.isSkipped(childRelative, entry.name)) {
				continue;
			}
			const childAbsolute = path.join(absolute, entry.name);
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			let real = childAbsolute;
			if (entry.isSymbolicLink()) {
				try {
					real = fs.realpathSync(childAbsolute);
				} catch {
					skipped.push({ path: childRelative, reason: 'dangling symbolic link' });
					continue;
				}
				if (!isInside(realRoot, real)) {
					skipped.push({ path: childRelative, reason: 'symbolic link pointing outside the vault' });
					continue;
				}
				const stat = fs.statSync(real);
				isDirectory = stat.isDirectory();
				isFile = stat.isFile();
			}
			if (isDirectory) {
				if (seenDirectories.has(real)) {
					skipped.push({ path: childRelative, reason: 'folder already listed through another path (symbolic link loop)' });
					continue;
				}
				seenDirectories.add(real);
				pending.push({ absolute: real, relative: childRelative });
			} else if (isFile && isMarkdownPath(entry.name)) {
				if (seenFiles.has(real)) {
					skipped.push({ path: childRelative, reason: 'file already listed through another path' });
					continue;
				}
				seenFiles.add(real);
				pages.push(childRelative);
			}
		}
	}
	pages.sort();
	return { pages, skipped };
}

/** A page read from disk and parsed, or why it could not be. */
export type PageReadResult =
	| { readonly path: string; readonly stamp: string; readonly parts: PageSummaryParts }
	| { readonly path: string; readonly error: string; readonly missing?: boolean };

/** `size:mtime` of a file, what the persisted index is keyed by. */
export function fileStamp(stat: fs.Stats): string {
	return `${stat.size}:${stat.mtimeMs}`;
}

/**
 * Reads and parses one page. A parser failure is reported as the page's
 * error (the page is left out of the index) instead of being thrown.
 */
export function readPageFile(absolutePath: string, relative: string, parse: (text: string) => PageSummaryParts): PageReadResult {
	let stamp: string;
	try {
		stamp = fileStamp(fs.statSync(absolutePath));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { path: relative, error: `cannot read: ${(error as Error).message}`, missing: code === 'ENOENT' || code === 'ENOTDIR' };
	}
	const read = readPageText(absolutePath);
	if ('error' in read) {
		return { path: relative, ...read };
	}
	try {
		return { path: relative, stamp, parts: parse(read.text) };
	} catch (error) {
		return { path: relative, error: `the page could not be parsed (${(error as Error)?.message ?? error}); it is left out of the index` };
	}
}

/** Reads a page as text, or says why it cannot be read as one. */
export function readPageText(absolutePath: string): { text: string } | { error: string; missing?: boolean } {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(absolutePath);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { error: `cannot read: ${(error as Error).message}`, missing: code === 'ENOENT' || code === 'ENOTDIR' };
	}
	return decodePageBytes(bytes);
}

/**
 * Decodes a page's bytes: UTF-8 (BOM removed), UTF-16 with a BOM; NUL bytes
 * mean a binary file. Invalid UTF-8 is decoded as Latin-1 rather than losing
 * text, and said.
 */
export function decodePageBytes(bytes: Uint8Array): { text: string; note?: string } | { error: string } {
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
		return { text: new TextDecoder('latin1').decode(bytes), note: 'not valid UTF-8, read as Latin-1' };
	}
}
