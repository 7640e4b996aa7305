/**
 * The files a site publishes that are not pages (images, PDFs…), as the
 * transport lists them: each file's published path, without the leading
 * `/` (a file under the vault root: its vault-relative path; a file of a
 * static folder: its path in that folder). Only names are kept, never
 * contents. A path published twice (the same file name in `content/` and
 * `static/`) is counted, so removing one copy keeps it.
 */

import { addTo, removeFrom, valuesOf, type OneOrMany } from './multimap';
import { isMarkdownPath, pageUrlForPath, resolveLinkDestination } from './vaultPaths';

/** A published path's file name and folder, letter case folded for matching. */
function nameOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

function stemKey(path: string): string {
	const dot = path.lastIndexOf('.');
	return (dot > path.lastIndexOf('/') ? path.slice(0, dot) : path).toLowerCase();
}

export class VaultAssets {
	private readonly published = new Map<string, number>();
	private readonly byName = new Map<string, OneOrMany>();
	private readonly byStem = new Map<string, OneOrMany>();
	private listedOnce = false;

	/** Whether the transport listed the assets: until then no asset link is reported. */
	get listed(): boolean {
		return this.listedOnce;
	}

	get size(): number {
		return this.published.size;
	}

	/** Replaces every asset with `paths`. */
	replace(paths: Iterable<string>): void {
		this.published.clear();
		this.byName.clear();
		this.byStem.clear();
		this.listedOnce = true;
		for (const path of paths) {
			this.add(path);
		}
	}

	add(path: string): void {
		this.listedOnce = true;
		const count = this.published.get(path) ?? 0;
		this.published.set(path, count + 1);
		if (count === 0) {
			addTo(this.byName, nameOf(path), path);
			addTo(this.byStem, stemKey(path), path);
		}
	}

	remove(path: string): void {
		const count = this.published.get(path) ?? 0;
		if (count > 1) {
			this.published.set(path, count - 1);
		} else if (count === 1) {
			this.published.delete(path);
			removeFrom(this.byName, nameOf(path), path);
			removeFrom(this.byStem, stemKey(path), path);
		}
	}

	has(path: string): boolean {
		return this.published.has(path);
	}

	/**
	 * The existing assets closest to a missing one: the same file name in
	 * other folders (letter case aside), else the same name with another
	 * extension in the same folder; at most `limit`, shortest path first.
	 */
	closest(path: string, limit = 3): string[] {
		const sameName = valuesOf(this.byName, nameOf(path));
		const found = sameName.length > 0 ? sameName : valuesOf(this.byStem, stemKey(path));
		return [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
	}
}

/**
 * The published paths a link to a file may name, in the order the site
 * looks: relative to the page's folder (a page bundle's `img.png`, or
 * `../files/a.pdf` beside the page file), then relative to the page's
 * published URL (what a browser resolves it against: `/a/b/img.png` for
 * `a/b.md`); an absolute `/images/x.png` from the site root, and under the
 * prefix of a multilingual site's bundles' shared resources
 * (`sharedPrefix`: `/en/docs/img.png` is `docs/img.png`). Undefined when the
 * destination is not a file in the vault.
 */
export function assetCandidates(destination: string, pagePath: string, sharedPrefix = ''): string[] | undefined {
	const target = resolveLinkDestination(destination, pagePath);
	if (target.kind !== 'asset') {
		return undefined;
	}
	const candidates = [target.path];
	const trimmed = destination.trim();
	if (sharedPrefix !== '' && target.path.startsWith(`${sharedPrefix}/`)) {
		candidates.push(target.path.slice(sharedPrefix.length + 1));
	}
	const name = pagePath.slice(pagePath.lastIndexOf('/') + 1);
	if (!trimmed.startsWith('/') && isMarkdownPath(pagePath) && !/^_?index\.(md|markdown)$/i.test(name)) {
		// As the browser resolves it against the page's URL (`/a/b/` for `a/b.md`).
		const urlFolder = pageUrlForPath(pagePath).slice(1);
		const fromUrl = resolveLinkDestination(destination, `${urlFolder}index.md`);
		if (fromUrl.kind === 'asset' && fromUrl.path !== target.path) {
			candidates.push(fromUrl.path);
		}
	}
	return candidates;
}
