import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl } from '../vault/vaultPaths';
import type { PathMove } from './moveLinks';

/**
 * The new name of a renamed entity: a slug (`robert-maxwell-2`), or
 * `/SECTION/SLUG/` to move it into another section; checked against the
 * vault's slug style and its pages.
 */

/** Where a renamed page goes: its new URL, and the file or folder move that puts it there. */
export interface EntityDestination {
	readonly url: string;
	readonly move: PathMove;
}

/** What the slugs of a set of pages allow beyond lowercase ASCII letters, digits and `-`. */
interface SlugStyle {
	readonly uppercase: boolean;
	readonly underscore: boolean;
	readonly nonAscii: boolean;
}

/** How many pages of a section are looked at to learn its slug style. */
const STYLE_SAMPLE = 2000;

function styleOf(slugs: Iterable<string>): SlugStyle {
	let uppercase = false;
	let underscore = false;
	let nonAscii = false;
	for (const slug of slugs) {
		uppercase ||= /[A-Z]/.test(slug);
		underscore ||= slug.includes('_');
		// eslint-disable-next-line no-control-regex
		nonAscii ||= /[^\u0000-\u007f]/.test(slug);
	}
	return { uppercase, underscore, nonAscii };
}

/** The slugs of up to `STYLE_SAMPLE` pages of a section. */
function* sectionSlugs(index: VaultIndex, section: string): Generator<string> {
	let seen = 0;
	for (const path of index.sectionPaths(section)) {
		const page = index.getPage(path);
		if (page) {
			yield slugOfUrl(page.url);
		}
		if (++seen >= STYLE_SAMPLE) {
			return;
		}
	}
}

/** Why `value` cannot be a slug (or a section name: `what`) in a vault of this style, if it cannot. */
function segmentProblem(value: string, what: string, style: SlugStyle): string | undefined {
	if (value === '') {
		return `The ${what} is empty.`;
	}
	if (/\s/.test(value)) {
		return `The ${what} "${value}" has a space: write words with "-" between them, e.g. "${value.trim().toLowerCase().replace(/\s+/g, '-')}".`;
	}
	if (value === '.' || value.includes('..')) {
		return `The ${what} "${value}" is not a name: "." and ".." name folders.`;
	}
	if (!style.uppercase && /[A-Z]/.test(value)) {
		return `The ${what} "${value}" has capital letters, and this vault's slugs are lowercase: write "${value.toLowerCase()}".`;
	}
	const letters = style.nonAscii ? '\\p{L}\\p{N}' : style.uppercase ? 'a-zA-Z0-9' : 'a-z0-9';
	const allowed = new RegExp(`^[${letters}${style.underscore ? '_' : ''}-]+$`, 'u');
	if (!allowed.test(value)) {
		const kinds = [style.nonAscii ? 'letters' : style.uppercase ? 'letters' : 'lowercase letters', 'digits', '"-"', ...(style.underscore ? ['"_"'] : [])];
		return `The ${what} "${value}" may hold only ${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}, as this vault's slugs do.`;
	}
	return undefined;
}

/** The file or folder that holds a page: `people/x.md`, or `people/x` for `people/x/index.md`. */
export function pageHolder(page: PageSummary): { readonly path: string; readonly folder: boolean; readonly extension: string } {
	const match = /\/(?:_?index)(\.[^./]+)$/i.exec(page.path);
	if (match) {
		return { path: page.path.slice(0, match.index), folder: true, extension: match[1] };
	}
	return { path: page.path, folder: false, extension: page.path.slice(page.path.lastIndexOf('.')) };
}

/**
 * Where `page` goes when renamed to `newName`, or why it cannot: a bad slug
 * or section, the page's own URL, or a clash with another page at the new
 * URL in any of its file forms (compared without letter case, as
 * case-insensitive file systems do).
 */
export function entityDestination(index: VaultIndex, page: PageSummary, newName: string): EntityDestination | { readonly error: string } {
	const name = newName.trim();
	const current = page.section ?? '';
	let section = current;
	let slug = name;
	if (name === '') {
		return { error: 'The new name is empty: type the page\'s new slug, e.g. "robert-maxwell-2", or "/SECTION/SLUG/" to move it to another section.' };
	}
	if (name.startsWith('/')) {
		const parts = name.replace(/^\/+|\/+$/g, '').split('/');
		if (parts.length !== 2) {
			return { error: `"${name}" is not /SECTION/SLUG/: to move the page to another section, write one section and one slug, e.g. "/organizations/${slugOfUrl(page.url)}/".` };
		}
		[section, slug] = parts;
		if (!index.sections().includes(section)) {
			return { error: `There is no section "${section}" in this vault (its sections: ${index.sections().join(', ')}).` };
		}
	} else if (/[/\\]/.test(name)) {
		return { error: `A slug has no "/": to move the page to another section, write "/SECTION/SLUG/", e.g. "/organizations/${slugOfUrl(page.url)}/".` };
	}
	const problem = segmentProblem(slug, 'slug', styleOf([slugOfUrl(page.url), ...sectionSlugs(index, section)]));
	if (problem !== undefined) {
		return { error: problem };
	}
	const url = `/${section}/${slug}/`;
	if (url === page.url) {
		return { error: `The page is already at ${url}.` };
	}
	const holder = pageHolder(page);
	const moving = (path: string): boolean => path === page.path || (holder.folder && path.startsWith(`${holder.path}/`));
	const lower = url.toLowerCase();
	const folder = `${section}/${slug}/`.toLowerCase();
	for (const path of index.sectionPaths(section)) {
		const other = index.getPage(path);
		if (other && !moving(path) && (other.url.toLowerCase() === lower || (holder.folder && path.toLowerCase().startsWith(folder)))) {
			return { error: `${url} is taken: ${path} is there${other.url === url ? '' : ' (file names are compared without letter case)'}. Choose another name.` };
		}
	}
	const to = holder.folder ? `${section}/${slug}` : `${section}/${slug}${holder.extension}`;
	return { url, move: { from: holder.path, to } };
}
