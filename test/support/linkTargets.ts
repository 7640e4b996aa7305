import { isMarkdownPath } from '../../server/src/service/vault/vaultPaths';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';
import type { PathMove } from '../../server/src/service/vaultService';
import { applyVaultEdit } from './applyEdits';
import { vaultOf } from './cursor';

/** An in-memory vault service over the markdown pages of `texts` (other files, images, are left out). */
function serviceOver(texts: ReadonlyMap<string, string>) {
	return vaultOf(Object.fromEntries([...texts].filter(([path]) => isMarkdownPath(path))));
}

/**
 * What every link of an in-memory vault reaches, for tests of edits that move
 * pages: per page (by its `title:`, which a move keeps), per link in order,
 * the title of the target page (`page:TITLE#fragment`), the asset path, or
 * the URL of a broken link, so a vault before and after a move compare equal
 * when every link still reaches the same thing.
 */
export function linkTargetsByTitle(texts: ReadonlyMap<string, string>, assetMoves: (path: string) => string = path => path): Record<string, string[]> {
	const service = serviceOver(texts);
	const result: Record<string, string[]> = {};
	for (const page of service.index.pages()) {
		result[page.title] = page.links.map(link => {
			const target = link.target;
			if (target.kind === 'page') {
				const targetPage = service.index.pageForUrl(target.url);
				return `${targetPage ? `page:${targetPage.title}` : `broken:${target.url}`}${target.fragment === undefined ? '' : `#${target.fragment}`}`;
			}
			return target.kind === 'asset' ? `asset:${assetMoves(target.path)}` : target.kind;
		});
	}
	return result;
}

/** How many links of an in-memory vault name no page. */
export function brokenLinkCount(texts: ReadonlyMap<string, string>): number {
	const service = serviceOver(texts);
	let count = 0;
	for (const page of service.index.pages()) {
		count += page.links.filter(link => link.target.kind === 'page' && !service.index.hasUrl(link.target.url)).length;
	}
	return count;
}

/** Asks a fresh service over `texts` for the link edits of `moves`, then applies them and the moves themselves to `texts`. */
export function moveInMemory(texts: Map<string, string>, moves: readonly PathMove[]): VaultEdit {
	const edit = serviceOver(texts).moveEdits(moves);
	applyVaultEdit(texts, { ...edit, renameFiles: moves });
	return edit;
}
