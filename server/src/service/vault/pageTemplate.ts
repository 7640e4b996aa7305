import { isIsoDate } from './fieldValues';
import { VAULT_MODEL_TYPES } from './frontmatterSchema';
import { slugifyTitle } from '../search/similarityKeys';
import type { VaultIndex } from './vaultIndex';
import { titleFromSlug } from './vaultPaths';

/**
 * The text of new pages and of inserted frontmatter fields, in the vault's
 * own style: a YAML block with one `key: value` per line, keys in
 * alphabetical order (as the vault's pages are written), lists as `- item`
 * lines, values the author has to fill left empty.
 *
 * Placeholders, by field type (see VAULT_MODEL_TYPES):
 * - `title`: the page's title;
 * - dates (`created`, `updated`): `today`, a valid `YYYY-MM-DD` date;
 * - `tags`: the tags every other page of the section has (`- Person` in
 *   `people/`), `[]` when they share none; other lists: `[]`;
 * - `category`: the category every other page of the section has, else empty;
 * - everything else (`summary`, `location`, custom fields): no value at all
 *   (`summary:`), which YAML reads as empty. A required field written this way
 *   is reported as *empty* instead of *missing* until the author fills it in.
 */

/** Fields every new page gets, whether required or not. */
const TEMPLATE_FIELDS: readonly string[] = Object.freeze(['category', 'created', 'location', 'summary', 'tags', 'title', 'updated']);

/** What all the pages of a section share, used to prefill a new one. */
interface SectionConventions {
	/** Tags every page of the section has, in the order the first page lists them. */
	readonly tags: readonly string[];
	/** The category every page of the section has, if they all have the same. */
	readonly category?: string;
}

/** Values the placeholders are made of. */
export interface PlaceholderValues {
	readonly title: string;
	/** `YYYY-MM-DD` (the caller reads the clock, the service never does). */
	readonly today: string;
	readonly conventions?: SectionConventions;
	/** The value of a date field when it is not `today` (a missing `created` takes the page's oldest date). */
	readonly dates?: Readonly<Record<string, string>>;
	/** The `summary` when one is known (Make this a page: the page's first sentence); none leaves it empty. */
	readonly summary?: string;
}

export interface PageTemplateOptions extends PlaceholderValues {
	/** Required frontmatter fields (settings); the ones not among TEMPLATE_FIELDS are added too. */
	readonly requiredFields: readonly string[];
	/** Line break to use, `\n` unless given. */
	readonly lineEnding?: string;
}

const RESERVED_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const PLAIN_SCALAR = /^\p{L}[\p{L}\p{M}\p{N} .,'’()&/–—-]*$/u;

/**
 * A string as a YAML scalar that reads back as exactly that string: plain
 * when nothing in it can be misread (a word, a name, a sentence without
 * `:` or `#`), double-quoted otherwise.
 */
export function yamlString(value: string): string {
	if (PLAIN_SCALAR.test(value) && !value.endsWith(' ') && !RESERVED_WORDS.test(value)) {
		return value;
	}
	// A JSON string is a valid YAML double-quoted scalar.
	return JSON.stringify(value);
}

/**
 * The lines (without line breaks) of a field with its placeholder value:
 * one `key: value` line, followed by `- item` lines for a prefilled list.
 */
export function placeholderFieldLines(field: string, values: PlaceholderValues): string[] {
	const key = /^[A-Za-z_][\w-]*$/.test(field) ? field : JSON.stringify(field);
	if (field === 'title') {
		return [`${key}: ${yamlString(values.title)}`];
	}
	if (field === 'tags' && values.conventions && values.conventions.tags.length > 0) {
		return [`${key}:`, ...values.conventions.tags.map(tag => `- ${yamlString(tag)}`)];
	}
	if (field === 'summary' && values.summary !== undefined && values.summary.trim() !== '') {
		return [`${key}: ${yamlString(values.summary.trim())}`];
	}
	if (field === 'category' && values.conventions?.category !== undefined) {
		return [`${key}: ${yamlString(values.conventions.category)}`];
	}
	switch (VAULT_MODEL_TYPES[field] ?? 'any') {
		case 'date':
			return [`${key}: ${values.dates?.[field] ?? values.today}`];
		case 'names':
			return [`${key}: []`];
		default:
			return [`${key}:`];
	}
}

function checkToday(today: string): void {
	if (!isIsoDate(today)) {
		throw new Error(`today must be a date written YYYY-MM-DD, not ${JSON.stringify(today)}`);
	}
}

/** The frontmatter block (both fences, each line ended by `lineEnding`) for a page with this title. */
export function frontmatterBlock(options: PageTemplateOptions): string {
	checkToday(options.today);
	const eol = options.lineEnding ?? '\n';
	const fields = [...new Set([...TEMPLATE_FIELDS, ...options.requiredFields.map(field => field.trim()).filter(Boolean)])].sort();
	const lines = ['---', ...fields.flatMap(field => placeholderFieldLines(field, options)), '---'];
	return lines.map(line => line + eol).join('');
}

/** The whole text of a new page: its frontmatter, then a blank line where the body begins. */
export function pageTemplate(options: PageTemplateOptions): string {
	return frontmatterBlock(options) + (options.lineEnding ?? '\n');
}

/** Pages looked at to find a section's conventions (enough to be sure, bounded for huge sections). */
const MAX_CONVENTION_PAGES = 500;

/**
 * The tags and category shared by every page of `section` (other than
 * `exceptPath`), when it has at least two such pages; nothing otherwise.
 */
export function sectionConventions(index: VaultIndex, section: string, exceptPath?: string): SectionConventions {
	let tags: string[] | undefined;
	let category: string | undefined;
	let sameCategory = true;
	let pages = 0;
	for (const path of index.sectionPaths(section)) {
		const page = path === exceptPath ? undefined : index.getPage(path);
		if (!page) {
			continue;
		}
		pages++;
		const pageTags = new Set(page.tags);
		tags = tags === undefined ? [...pageTags] : tags.filter(tag => pageTags.has(tag));
		const pageCategory = page.frontmatter.data?.category;
		if (typeof pageCategory !== 'string' || pageCategory.trim() === '' || (category !== undefined && category !== pageCategory.trim())) {
			sameCategory = false;
		} else {
			category = pageCategory.trim();
		}
		if (pages >= MAX_CONVENTION_PAGES || (tags.length === 0 && !sameCategory)) {
			break;
		}
	}
	if (pages < 2) {
		return { tags: [] };
	}
	return sameCategory && category !== undefined ? { tags: tags ?? [], category } : { tags: tags ?? [] };
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const ASCII_FOLDING: Readonly<Record<string, string>> = Object.freeze({
	'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l',
	'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'h',
});

/**
 * The slug of a page named `title`, like the vault's own (`robert-maxwell`,
 * `world-war-ii`): lowercase, accents and Latin ligatures folded to ASCII,
 * apostrophes dropped (`O'Brien` → `obrien`), every other run of
 * punctuation or spaces one hyphen. Letters of other scripts are kept.
 * Empty when the title has no letter or digit.
 */
export function pageSlug(title: string): string {
	const folded = title.replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦ]/g, letter => ASCII_FOLDING[letter] ?? letter).replace(/['’ʼ]/g, '');
	return slugifyTitle(folded);
}

/**
 * Link text (or selected text) as a page title: emphasis and code marks
 * dropped, blanks collapsed; empty when it holds other markup (brackets,
 * angle brackets, backslashes).
 */
export function plainTitleText(written: string): string {
	const text = written.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
	return /[[\]<>\\]/.test(text) ? '' : text;
}

/**
 * The title of a new page at `slug` that links name `linkText`: the text
 * when it names the slug (`MI5` for `mi5`), else the slug's words (`Mi5`).
 */
export function titleForSlug(linkText: string, slug: string): string {
	return linkText !== '' && pageSlug(linkText) === pageSlug(slug) ? linkText : titleFromSlug(slug);
}

/** The slug of a new page named `title`: its `pageSlug`, or `new-page` when that is empty. */
function newPageSlug(title: string): string {
	return pageSlug(title) || 'new-page';
}

/**
 * The path for a new page in `section`: `SECTION/slug.md` (the slug made
 * from `title` unless given), with `-2`, `-3`… appended to the slug when a
 * page already has that path or URL (in any of its file forms).
 */
export function newPagePath(index: VaultIndex, section: string, title: string, slug = newPageSlug(title)): string {
	const folder = section.replace(/^\/+|\/+$/g, '');
	const prefix = folder === '' ? '' : `${folder}/`;
	for (let n = 1; ; n++) {
		const path = `${prefix}${n === 1 ? slug : `${slug}-${n}`}.md`;
		if (!index.getPage(path) && !index.hasUrl(index.site.fileUrl(path))) {
			return path;
		}
	}
}

export interface NewPageRequest {
	readonly section: string;
	readonly title: string;
	readonly today: string;
	readonly requiredFields: readonly string[];
	/** The new page's slug, when it is not made from the title (a wanted page's URL). */
	readonly slug?: string;
}

/**
 * What the New Page command creates: a free path in the section and the
 * page's text, prefilled with the section's conventions.
 */
export function newPageFile(index: VaultIndex, request: NewPageRequest): { path: string; text: string } {
	const section = request.section.replace(/^\/+|\/+$/g, '');
	return {
		path: newPagePath(index, section, request.title, request.slug || undefined),
		text: pageTemplate({
			title: request.title.trim(),
			today: request.today,
			requiredFields: request.requiredFields,
			conventions: sectionConventions(index, section),
		}),
	};
}

/** What the New Page command asks for, as the user typed it. */
export interface NewPageInput {
	readonly section: string;
	readonly title: string;
	/** `YYYY-MM-DD` (the caller reads the clock, the service never does). */
	readonly today: string;
	/** The slug of the page's file, when it is not made from the title (Wanted Pages: the slug of the URL linked). */
	readonly slug?: string;
}

/** The page the New Page command opens: an existing one of that title, or a new one to create. */
export type NewPage =
	| { readonly exists: true; readonly path: string }
	| { readonly exists: false; readonly path: string; readonly text: string };

/**
 * The New Page command: the page of `input.title` in `input.section` when
 * the vault has one already (the editor opens it instead of making a twin),
 * else a new page file (see `newPageFile`). Throws when the section or the
 * title is empty or the section climbs out of the vault (`..`).
 */
export function newPage(index: VaultIndex, input: NewPageInput, requiredFields: readonly string[]): NewPage {
	const section = input.section.trim().replace(/^\/+|\/+$/g, '');
	const title = input.title.trim();
	const slug = input.slug?.trim() || newPageSlug(title);
	if (section === '' || section.includes('..') || title === '' || !/^[^/\\.][^/\\]*$/.test(slug)) {
		throw new Error('A new page needs a section and a title.');
	}
	// Under the site's rules: on a lower-casing site `IsBranch` and `isbranch` are one page.
	const existing = index.pathsForUrl(index.site.fileUrl(`${section}/${slug}.md`))[0];
	if (existing !== undefined) {
		return { exists: true, path: existing };
	}
	return { exists: false, ...newPageFile(index, { section, title, today: input.today, requiredFields, slug }) };
}
