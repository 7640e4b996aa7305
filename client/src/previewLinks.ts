import * as path from 'path';
import { candidatePathsForUrl } from '../../server/src/service/vault/vaultPaths';

/**
 * The Markdown preview's site links: `/SECTION/SLUG/` (a page's URL in the vault's site) becomes
 * the path of the page's file relative to the previewed document, so that a click opens the page.
 * Pure: the file system is the `exists` function; paths are the platform's (fsPath).
 */
export interface PreviewLinkContext {
	/** The previewed document's file path. */
	readonly documentPath: string;
	/** The known vault roots (file paths); the document's is the longest that contains it. */
	readonly vaultRoots: readonly string[];
	readonly exists: (filePath: string) => boolean;
}

/** `/a/b/` or `/a/b` with an optional `#fragment`; not `//host`, not a query. */
const SITE_LINK = /^\/([^/?#][^?#]*?)\/?(#.*)?$/;

/** The href to put in the preview for `href`, or undefined to leave it as it is. */
export function rewriteSiteLink(href: string, context: PreviewLinkContext): string | undefined {
	const match = SITE_LINK.exec(href);
	if (!match) {
		return undefined;
	}
	const root = vaultRootOf(context.documentPath, context.vaultRoots);
	if (root === undefined) {
		return undefined;
	}
	let segments: string[];
	try {
		segments = match[1].split('/').map(segment => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
	if (segments.some(segment => segment === '' || segment === '.' || segment === '..')) {
		return undefined;
	}
	// The page files the server resolves the URL to, in its order (`slug.md`, `slug/index.md`, `slug/_index.md`).
	const target = candidatePathsForUrl(`/${segments.join('/')}/`)
		.map(candidate => path.join(root, ...candidate.split('/')))
		.find(candidate => context.exists(candidate));
	if (target === undefined) {
		return undefined;
	}
	const relative = path.relative(path.dirname(context.documentPath), target).split(path.sep).join('/');
	return encodeURI(relative) + (match[2] ?? '');
}

/** The longest root that contains `filePath`, or undefined. */
export function vaultRootOf(filePath: string, roots: readonly string[]): string | undefined {
	let best: string | undefined;
	for (const root of roots) {
		const relative = path.relative(root, filePath);
		const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
		if (inside && (best === undefined || root.length > best.length)) {
			best = root;
		}
	}
	return best;
}
