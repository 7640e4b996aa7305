/**
 * Vault paths and site URLs. A path is vault-relative with `/` separators
 * (`people/robert-maxwell.md`); a URL is the site path a static-site generator
 * publishes it at (`/people/robert-maxwell/`).
 */

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;

export function isMarkdownPath(path: string): boolean {
	return MARKDOWN_EXTENSION.test(path);
}

/** `people/x.md`, `people/x/index.md` and `people/x/_index.md` → `/people/x/`. */
export function pageUrlForPath(path: string): string {
	const segments = path.split('/');
	const last = segments.pop() ?? '';
	const stem = last.replace(MARKDOWN_EXTENSION, '');
	if (stem !== 'index' && stem !== '_index') {
		segments.push(stem);
	}
	return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * A file the site publishes: every page in a folder, and the home page
 * (`index.md`, `_index.md`) in the root. The other files directly in the
 * root (`README.md`, `CONTRIBUTING.md`) are the repository's, rendered by
 * GitHub rather than by the site.
 */
export function isSitePage(path: string): boolean {
	return path.includes('/') || /^_?index\.(md|markdown)$/i.test(path);
}

/** The spelling of the site URL `url` relative to the page published at `fromUrl` (`/people/ada/` to `/people/bob/`: `../bob/`). */
export function relativeUrl(fromUrl: string, url: string): string {
	const from = fromUrl.split('/').filter(Boolean);
	const to = url.split('/').filter(Boolean);
	let common = 0;
	while (common < from.length && common < to.length && from[common] === to[common]) {
		common++;
	}
	const rest = to.slice(common);
	const spelled = '../'.repeat(from.length - common) + rest.map(segment => `${segment}/`).join('');
	return spelled === '' ? './' : spelled;
}

/** The section of a page: its top-level folder, if it is inside one. */
export function sectionOfPath(path: string): string | undefined {
	const slash = path.indexOf('/');
	return slash > 0 ? path.slice(0, slash) : undefined;
}

/** The page paths a URL may be published from, most specific first. */
export function candidatePathsForUrl(url: string): string[] {
	const trimmed = url.replace(/^\/+|\/+$/g, '');
	if (trimmed === '') {
		return ['index.md', '_index.md'];
	}
	return [`${trimmed}.md`, `${trimmed}/index.md`, `${trimmed}/_index.md`];
}

/** The last segment of a URL: `/people/robert-maxwell/` → `robert-maxwell`. */
export function slugOfUrl(url: string): string {
	const trimmed = url.replace(/\/+$/, '');
	return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The section a URL of one segment names (`/people/` → `people`: its list page), else undefined. */
export function sectionListOfUrl(url: string): string | undefined {
	const parts = url.split('/').filter(Boolean);
	return parts.length === 1 ? parts[0] : undefined;
}

/** The section of a URL: `/people/robert-maxwell/` → `people`. */
export function sectionOfUrl(url: string): string | undefined {
	const parts = url.split('/').filter(Boolean);
	return parts.length >= 2 ? parts[0] : undefined;
}

/** `robert-maxwell` → `Robert Maxwell`. */
export function titleFromSlug(slug: string): string {
	return slug
		.split(/[-_\s]+/)
		.filter(Boolean)
		.map(word => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

function isWordBreakCode(c: number): boolean {
	return c === 0x2d || c === 0x5f || c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Whether `spelling` is `titleFromSlug(slugOfUrl(url))` (`Michael Menashe`
 * for `/people/michael-menashe/`), compared code unit by code unit for an
 * ASCII slug (as it runs for every name spelling of every page put in the
 * index); a slug with other characters is compared with the title made.
 */
export function isSlugTitle(spelling: string, url: string): boolean {
	let end = url.length;
	while (end > 0 && url.charCodeAt(end - 1) === 0x2f /* / */) {
		end--;
	}
	let k = 0;
	let wordStart = true;
	for (let i = url.lastIndexOf('/', end - 1) + 1; i < end; i++) {
		const c = url.charCodeAt(i);
		if (c >= 0x80) {
			return titleFromSlug(slugOfUrl(url)) === spelling;
		}
		if (isWordBreakCode(c)) {
			wordStart = true;
		} else if (wordStart) {
			if (k > 0 && spelling.charCodeAt(k++) !== 0x20) {
				return false;
			}
			if (spelling.charCodeAt(k++) !== (c >= 0x61 && c <= 0x7a ? c - 32 : c)) {
				return false;
			}
			wordStart = false;
		} else if (spelling.charCodeAt(k++) !== c) {
			return false;
		}
	}
	return k === spelling.length;
}

/** What a link destination points at. */
export type LinkTarget =
	/** Another site, a mail address, or anything with a scheme. */
	| { readonly kind: 'external' }
	/** A file that is not a markdown page (an image, a PDF…), inside the vault. */
	| { readonly kind: 'asset'; readonly path: string }
	/** The destination leaves the vault root, or is not a path at all (drive letters, network paths, NUL bytes). */
	| { readonly kind: 'outside'; readonly reason: string }
	| {
		readonly kind: 'page';
		/** Canonical URL of the target page, `/section/slug/`. */
		readonly url: string;
		/** Decoded fragment without `#`, if any. */
		readonly fragment?: string;
		/** The destination's path part is written exactly as the canonical URL. */
		readonly canonical: boolean;
		/** Written as a path to a markdown file rather than as a URL. */
		readonly viaMarkdownPath: boolean;
	};

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const FILE_EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/** A file a link may name that is not a page: a name with an extension (`x.png`, `a.pdf`), not markdown. */
export function isAssetPath(path: string): boolean {
	return !MARKDOWN_EXTENSION.test(path) && FILE_EXTENSION.test(path);
}
const MAX_DECODE_ROUNDS = 4;

function decodeRepeatedly(value: string): string {
	let current = value;
	for (let round = 0; round < MAX_DECODE_ROUNDS && current.includes('%'); round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			// Malformed escapes: decode what can be decoded, leave the rest as written.
			next = current.replace(/%[0-9a-fA-F]{2}/g, escape => String.fromCharCode(parseInt(escape.slice(1), 16)));
		}
		if (next === current) {
			break;
		}
		current = next;
	}
	return current;
}

/** The decoded `#fragment` of a destination (undefined without `#`), as `resolveLinkDestination` gives it. */
export function destinationFragment(destination: string): string | undefined {
	const trimmed = destination.trim();
	const hash = trimmed.indexOf('#');
	return hash < 0 ? undefined : decodeFragment(trimmed.slice(hash + 1));
}

function decodeFragment(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}

/**
 * The common case, decided in one pass: `/section/slug/` written exactly as
 * the canonical URL (letters, digits, `-`, `_`; no dot, escape, backslash,
 * query, fragment or empty segment), which resolves to itself.
 */
function isPlainCanonicalUrl(destination: string, length = destination.length): boolean {
	if (length < 3 || destination.charCodeAt(0) !== 47 || destination.charCodeAt(length - 1) !== 47) {
		return false;
	}
	let previous = 47;
	for (let i = 1; i < length; i++) {
		const c = destination.charCodeAt(i);
		if (c === 47) {
			if (previous === 47) {
				return false;
			}
		} else if (!isPlainCharacter(c)) {
			return false;
		}
		previous = c;
	}
	return true;
}

/** A letter, digit, `-` or `_`. */
function isPlainCharacter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || (c >= 65 && c <= 90);
}

/**
 * `/section/slug/#anchor`: a plain canonical URL (`isPlainCanonicalUrl`)
 * and a non-empty anchor of letters, digits, `-` and `_` alone (nothing to
 * decode or trim, no template syntax); -1 otherwise, else where `#` is.
 */
function plainCanonicalAnchorAt(destination: string): number {
	const hash = destination.indexOf('#');
	if (hash < 0 || hash === destination.length - 1 || !isPlainCanonicalUrl(destination, hash)) {
		return -1;
	}
	for (let i = hash + 1; i < destination.length; i++) {
		if (!isPlainCharacter(destination.charCodeAt(i))) {
			return -1;
		}
	}
	return hash;
}

/** How a site publishes pages, for resolving links by its rules (see siteUrls.ts). */
export interface SitePaths {
	/** The URL the linking page is published at: relative URLs resolve against it. */
	readonly baseUrl: string;
	/** The URL a path to a markdown file names. */
	readonly urlOfPath: (path: string) => string;
}

/**
 * Resolves a link destination (as CommonMark gives it: escapes removed,
 * references decoded) written in the page at `fromPath`.
 *
 * Absolute destinations are site URLs from the vault root. Relative ones to a
 * markdown file are resolved against the page's folder (as editors and
 * repository viewers do); other relative ones against the page's published
 * URL (as browsers do). Percent-encoding is decoded repeatedly and backslashes
 * count as separators, so no spelling of `..` can leave the root unnoticed.
 */
export function resolveLinkDestination(destination: string, fromPath: string, site?: SitePaths): LinkTarget {
	if (isPlainCanonicalUrl(destination)) {
		return { kind: 'page', url: destination, fragment: undefined, canonical: true, viaMarkdownPath: false };
	}
	const anchorAt = plainCanonicalAnchorAt(destination);
	if (anchorAt >= 0) {
		// What the general case below makes of it, without its decoding, splitting and joining.
		return { kind: 'page', url: destination.slice(0, anchorAt), fragment: destination.slice(anchorAt + 1), canonical: true, viaMarkdownPath: false };
	}
	if (destination.includes('{{')) {
		return { kind: 'external' }; // template syntax (`{{< ref … >}}`): the site's templates make the URL
	}
	const urlOfPath = site?.urlOfPath ?? pageUrlForPath;
	let path = destination.trim();
	let fragment: string | undefined;
	const hash = path.indexOf('#');
	if (hash >= 0) {
		fragment = decodeFragment(path.slice(hash + 1));
		path = path.slice(0, hash);
	}
	const query = path.indexOf('?');
	if (query >= 0) {
		path = path.slice(0, query);
	}
	if (path === '') {
		// `#anchor` alone: a heading of this same page. An empty destination links nowhere.
		return fragment === undefined
			? { kind: 'external' }
			: { kind: 'page', url: site?.baseUrl ?? pageUrlForPath(fromPath), fragment, canonical: true, viaMarkdownPath: false };
	}
	const scheme = SCHEME.exec(path);
	if (scheme) {
		return scheme[0].length === 2
			? { kind: 'outside', reason: `"${scheme[0]}" is a drive letter, not a vault path` }
			: { kind: 'external' };
	}
	const decoded = decodeRepeatedly(path).replace(/\\/g, '/');
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f]/.test(decoded)) {
		return { kind: 'outside', reason: 'the path contains a control character' };
	}
	if (decoded.startsWith('//')) {
		return { kind: 'outside', reason: 'a network path (//host/…) is not inside the vault' };
	}
	if (/^[a-zA-Z]:/.test(decoded)) {
		return { kind: 'outside', reason: 'a drive letter is not a vault path' };
	}

	const endsWithSlash = decoded.endsWith('/');
	const rawSegments = decoded.split('/');
	const last = endsWithSlash ? '' : rawSegments[rawSegments.length - 1];
	const isMarkdownFile = MARKDOWN_EXTENSION.test(last);
	const isOtherFile = !isMarkdownFile && last !== '.' && last !== '..' && FILE_EXTENSION.test(last);

	let base: string[];
	if (decoded.startsWith('/')) {
		base = [];
	} else if (isMarkdownFile || isOtherFile) {
		base = fromPath.split('/').slice(0, -1);
	} else {
		base = (site?.baseUrl ?? pageUrlForPath(fromPath)).split('/').filter(Boolean);
	}
	const segments = base.slice();
	for (const segment of rawSegments) {
		if (segment === '' || segment === '.') {
			continue;
		}
		if (segment === '..') {
			if (segments.length === 0) {
				return { kind: 'outside', reason: 'the path climbs above the vault root' };
			}
			segments.pop();
			continue;
		}
		segments.push(segment);
	}

	if (isOtherFile) {
		return { kind: 'asset', path: segments.join('/') };
	}
	if (isMarkdownFile) {
		return { kind: 'page', url: urlOfPath(segments.join('/')), fragment, canonical: false, viaMarkdownPath: true };
	}
	if (segments.length === 0) {
		return { kind: 'external' }; // the site's home page
	}
	const url = `/${segments.join('/')}/`;
	return { kind: 'page', url, fragment, canonical: path === url, viaMarkdownPath: false };
}

/** A destination without its `?query` and `#fragment`. */
export function destinationPath(destination: string): string {
	const trimmed = destination.trim();
	for (let i = 0; i < trimmed.length; i++) {
		const c = trimmed.charCodeAt(i);
		if (c === 0x3f /* ? */ || c === 0x23 /* # */) {
			return trimmed.slice(0, i);
		}
	}
	return trimmed;
}
