import type { PageLink } from '../parse/pageSummary';
import { isMarkdownPath, pageUrlForPath } from '../vault/vaultPaths';

/**
 * Spelling a link's destination anew after pages moved, in the style it was
 * written in: absolute or relative, a URL (with or without its trailing
 * slash) or a path to a markdown file (`x.md`, `x/index.md`), its `?query`
 * and `#fragment` as they were.
 */

/** Where a link's target is after the moves: a page's URL, or an asset's path. */
export type MovedTarget = { readonly url: string } | { readonly assetPath: string };

/** A destination split at its first `?` or `#`, in the decoded destination. */
interface DestinationParts {
	/** Where the path starts (after leading spaces) and ends (at `?`, `#` or trailing spaces). */
	readonly pathStart: number;
	readonly pathEnd: number;
	readonly path: string;
}

function splitDestination(destination: string): DestinationParts {
	const pathStart = destination.length - destination.trimStart().length;
	let pathEnd = pathStart;
	while (pathEnd < destination.length && destination[pathEnd] !== '?' && destination[pathEnd] !== '#') {
		pathEnd++;
	}
	while (pathEnd > pathStart && /\s/.test(destination[pathEnd - 1])) {
		pathEnd--;
	}
	return { pathStart, pathEnd, path: destination.slice(pathStart, pathEnd) };
}

function segmentsOf(path: string): string[] {
	return path.split('/').filter(segment => segment !== '');
}

/** The folder segments of a vault path: `people/x.md` → `['people']`. */
function folderSegments(path: string): string[] {
	return segmentsOf(path).slice(0, -1);
}

/**
 * `to` (segments from the root) relative to the folder `from` (segments):
 * `../` as often as needed, then the rest; '' when `to` is `from` itself.
 */
function relativeSegments(from: readonly string[], to: readonly string[]): string {
	let common = 0;
	while (common < from.length && common < to.length && from[common] === to[common]) {
		common++;
	}
	return '../'.repeat(from.length - common) + to.slice(common).join('/');
}

/** Characters a destination cannot hold as they are in one of its forms (bare or `<…>`): written percent-encoded. */
function encodeUnsafe(path: string, encodeAll: boolean): string {
	if (encodeAll) {
		return path.split('/').map(segment => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
	}
	// eslint-disable-next-line no-control-regex
	return path.replace(/[\s<>()\\\u0000-\u001f]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The file-name form a markdown-path destination writes its page in: `.md`
 * for `x.md`, `/index.md` for `x/index.md` (extension and file name as written).
 */
function markdownFileForm(writtenPath: string): { readonly folderPage: string | undefined; readonly extension: string } {
	const last = writtenPath.slice(writtenPath.lastIndexOf('/') + 1);
	const dot = last.lastIndexOf('.');
	const stem = last.slice(0, dot);
	const extension = last.slice(dot);
	return stem === 'index' || stem === '_index' ? { folderPage: last, extension } : { folderPage: undefined, extension };
}

/**
 * The new path part of a destination (what comes before `?` and `#`), in the
 * style `writtenPath` has, for a link in the page now at `linkerPath` to
 * `target`. Undefined when the link names no page or asset by a path (a
 * `#fragment`-only link, which stays right wherever its page goes).
 */
function newPathPart(writtenPath: string, viaMarkdownPath: boolean, linkerPath: string, target: MovedTarget): string | undefined {
	if (writtenPath === '') {
		return undefined;
	}
	const normalized = writtenPath.replace(/\\/g, '/');
	const absolute = normalized.startsWith('/');
	let result: string;
	if ('assetPath' in target) {
		result = absolute ? `/${target.assetPath}` : relativeSegments(folderSegments(linkerPath), segmentsOf(target.assetPath));
	} else if (viaMarkdownPath && isMarkdownPath(normalized)) {
		const { folderPage, extension } = markdownFileForm(normalized);
		const urlSegments = segmentsOf(target.url);
		const file = folderPage !== undefined || urlSegments.length === 0
			? [...urlSegments, folderPage ?? `index${extension}`]
			: [...urlSegments.slice(0, -1), `${urlSegments[urlSegments.length - 1]}${extension}`];
		result = absolute ? `/${file.join('/')}` : relativeSegments(folderSegments(linkerPath), file);
	} else {
		const urlSegments = segmentsOf(target.url);
		const slash = normalized.endsWith('/');
		if (absolute) {
			result = urlSegments.length === 0 ? '/' : `/${urlSegments.join('/')}${slash ? '/' : ''}`;
		} else {
			// Relative URLs resolve against the page's URL, as a browser does (see resolveLinkDestination).
			const relative = relativeSegments(segmentsOf(pageUrlForPath(linkerPath)), urlSegments);
			if (relative === '') {
				result = slash ? './' : '.';
			} else if (relative.endsWith('/')) {
				result = slash ? relative : relative.slice(0, -1);
			} else {
				result = slash ? `${relative}/` : relative;
			}
		}
	}
	if (normalized.startsWith('./') && !result.startsWith('./') && !result.startsWith('/')) {
		result = `./${result}`;
	}
	return encodeUnsafe(result, /%[0-9A-Fa-f]{2}/.test(writtenPath));
}

/** Backslash-escapes what CommonMark would read otherwise in a destination (bare or `<…>`); spaces are percent-encoded. */
export function escapeDestination(destination: string): string {
	return destination.replace(/[\\<>()&[\]]/g, c => `\\${c}`).replace(/\s/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Offsets in the linking page's text, and the text that replaces them. */
export interface DestinationEdit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/**
 * The replacement of a link's destination so it names `target` from the page
 * now at `linkerPath`, in its own style, or undefined when it needs none
 * (`moved`: whether the linking page and the target moved; an absolute link
 * to a target that stayed stays as it is).
 * `span`: where it replaces, inside the destination as written. When the
 * destination is written with escapes or character references (its written
 * length differs from the decoded one), the whole destination is written
 * anew, escaped; otherwise only its path part is replaced, so the `?query`
 * and `#fragment` stay byte for byte.
 */
export function rewriteDestination(link: PageLink, linkerPath: string, target: MovedTarget, moved: { readonly linker: boolean; readonly target: boolean }): DestinationEdit | undefined {
	const destination = link.destination;
	const parts = splitDestination(destination);
	const absolute = parts.path.startsWith('/') || parts.path.startsWith('\\');
	if (!moved.target && (!moved.linker || absolute)) {
		return undefined;
	}
	const viaMarkdownPath = link.target.kind === 'page' && link.target.viaMarkdownPath;
	const path = newPathPart(parts.path, viaMarkdownPath, linkerPath, target);
	if (path === undefined || path === parts.path) {
		return undefined;
	}
	const span = link.destinationSpan;
	if (span.end - span.start === destination.length) {
		return { start: span.start + parts.pathStart, end: span.start + parts.pathEnd, text: path };
	}
	return { start: span.start, end: span.end, text: escapeDestination(path + destination.slice(parts.pathEnd).trimEnd()) };
}
