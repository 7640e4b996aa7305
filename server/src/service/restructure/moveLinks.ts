import type { TextEdit } from 'vscode-languageserver-types';
import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageLink, PageSummary } from '../parse/pageSummary';
import { spanToRange } from '../text/lineIndex';
import type { VaultIndex } from '../vault/vaultIndex';
import { isMarkdownPath, pageUrlForPath, sectionOfPath } from '../vault/vaultPaths';
import type { VaultEdit } from '../vault/vaultResults';
import { rewriteDestination, type DestinationEdit, type MovedTarget } from './linkDestination';

/**
 * A file or folder moving in the vault (vault-relative paths, `/`-separated).
 * A folder moves every page under it (and every other file: assets inside it
 * are found at their new place too).
 */
export interface PathMove {
	readonly from: string;
	readonly to: string;
}

/** The moves, trimmed of slashes, with how each path maps to its new place. */
class MoveMap {
	private readonly moves: readonly PathMove[];
	/** Every move by the path it moves (a move of thousands of files finds each in one look). */
	private readonly exact = new Map<string, string>();
	/** The moves that may be of folders (all but markdown files), looked through in order for the paths under them. */
	private readonly folders: PathMove[] = [];

	constructor(moves: readonly PathMove[]) {
		this.moves = moves
			.map(move => ({ from: move.from.replace(/^\/+|\/+$/g, ''), to: move.to.replace(/^\/+|\/+$/g, '') }))
			.filter(move => move.from !== '' && move.to !== '' && move.from !== move.to);
		for (const move of this.moves) {
			if (!this.exact.has(move.from)) {
				this.exact.set(move.from, move.to);
			}
			if (!isMarkdownPath(move.from)) {
				this.folders.push(move);
			}
		}
	}

	/** The new path of `path` (a file, or anything under a moved folder), or undefined when it stays. */
	map(path: string): string | undefined {
		const exact = this.exact.get(path);
		if (exact !== undefined) {
			return exact;
		}
		for (const move of this.folders) {
			if (path.startsWith(move.from) && path.charCodeAt(move.from.length) === 47 /* / */) {
				return move.to + path.slice(move.from.length);
			}
		}
		return undefined;
	}

	/** The pages that move, old path → new path: those of a moved file, and those under a moved folder (from their section's list). */
	movedPages(index: VaultIndex): Map<string, string> {
		const pages = new Map<string, string>();
		for (const move of this.moves) {
			if (isMarkdownPath(move.from) && index.getPage(move.from)) {
				pages.set(move.from, this.map(move.from) ?? move.to);
				continue;
			}
			const section = sectionOfPath(`${move.from}/`);
			for (const path of section === undefined ? [] : index.sectionPaths(section)) {
				const next = this.map(path);
				if (next !== undefined && !pages.has(path)) {
					pages.set(path, next);
				}
			}
		}
		return pages;
	}
}

/**
 * The URLs that move: old URL → new URL, for each moved page whose URL
 * changes (`people/x.md` → `people/x/index.md` changes none) and that was
 * the only page at its URL or moves with all the others there.
 */
function movedUrls(index: VaultIndex, pages: ReadonlyMap<string, string>): Map<string, string> {
	const urls = new Map<string, string>();
	for (const [from, to] of pages) {
		const page = index.getPage(from);
		const next = pageUrlForPath(to);
		if (!page || next === page.url || urls.has(page.url)) {
			continue;
		}
		if (index.pathsForUrl(page.url).every(path => pages.has(path))) {
			urls.set(page.url, pageUrlForPath(pages.get(index.pageForUrl(page.url)?.path ?? from) ?? to));
		}
	}
	return urls;
}

/** Where a link's target is after the moves, and whether it moved; undefined for links to no page or asset. */
function targetAfterMoves(link: PageLink, urls: ReadonlyMap<string, string>, moves: MoveMap): { target: MovedTarget; moved: boolean } | undefined {
	const target = link.target;
	if (target.kind === 'page') {
		const url = urls.get(target.url);
		return { target: { url: url ?? target.url }, moved: url !== undefined };
	}
	if (target.kind === 'asset') {
		const path = moves.map(target.path);
		return { target: { assetPath: path ?? target.path }, moved: path !== undefined };
	}
	return undefined;
}

/** The edits of one linking page: one per destination written (a reference definition once, however many links use it). */
function editsOfPage(page: PageSummary, newPath: string | undefined, urls: ReadonlyMap<string, string>, moves: MoveMap): TextEdit[] {
	const edits = new Map<number, DestinationEdit>();
	for (const link of page.links) {
		if (edits.has(link.destinationSpan.start)) {
			continue;
		}
		const after = targetAfterMoves(link, urls, moves);
		if (after === undefined || (!after.moved && newPath === undefined)) {
			continue;
		}
		const edit = rewriteDestination(link, newPath ?? page.path, after.target, { linker: newPath !== undefined, target: after.moved });
		if (edit) {
			edits.set(link.destinationSpan.start, edit);
		}
	}
	return [...edits.values()]
		.sort((a, b) => a.start - b.start)
		.map(edit => ({ range: spanToRange(page.lineStarts, edit), newText: edit.text }));
}

/**
 * The text edits that keep every link right when files and folders move:
 * every link in the vault to a moved page names its new URL, and every
 * relative link inside a moved page (to pages or assets) still reaches the
 * same target from the page's new place. Each link keeps its style (see
 * linkDestination.ts); link text, code, HTML and frontmatter are untouched.
 *
 * The edits name the pages at their current (old) paths: the editor applies
 * them before it moves the files. Only `changes` is set; the caller adds the
 * renames. Answered from the index's backlinks: only the moved pages and the
 * pages linking to them are read. Empty when cancelled.
 */
export function linkEditsForMoves(index: VaultIndex, moves: readonly PathMove[], token?: CancellationLike): VaultEdit {
	const moveMap = new MoveMap(moves);
	const pages = moveMap.movedPages(index);
	const urls = movedUrls(index, pages);
	const linkers = new Set<string>(pages.keys());
	for (const url of urls.keys()) {
		for (const path of index.linkersOf(url)) {
			linkers.add(path);
		}
	}
	const changes: { path: string; edits: TextEdit[] }[] = [];
	let seen = 0;
	for (const path of [...linkers].sort()) {
		if (++seen % CANCELLATION_CHECK_INTERVAL === 0 && token?.isCancellationRequested) {
			return {};
		}
		const page = index.getPage(path);
		const edits = page ? editsOfPage(page, pages.get(path), urls, moveMap) : [];
		if (edits.length > 0) {
			changes.push({ path, edits });
		}
	}
	return token?.isCancellationRequested ? {} : { changes };
}
