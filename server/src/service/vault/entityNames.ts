import type { Range } from 'vscode-languageserver-types';
import type { PageSummary } from '../parse/pageSummary';
import { sectionListOfUrl } from './vaultPaths';

/**
 * The names an entity page is known by, for the `duplicate-entity` check:
 * its title and its aliases, compared case-insensitively with runs of
 * white space made one space.
 *
 * Which pages take part, and where a name must be unique:
 * - only entity pages: pages in a section, not a section's list page
 *   (`people/_index.md`, published at `/people/`);
 * - a name is unique within the page's folder: the URL without its last
 *   segment (`/organizations/` for `/organizations/mi6/`). In a vault that is
 *   the section, the kind of entity: "Jordan" in `people/` and "Jordan" in
 *   `places/` are two entities. In a documentation site, `methods/page/title.md`
 *   and `methods/site/title.md` are both titled "Title" and are different;
 * - an alias written as a URL path (`/old/url/`, Hugo's redirects) is not a name.
 */

/** A name as it is compared: trimmed, white space runs made one space, lower case (Unicode NFC). */
export function normalizeEntityName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The folder in which a page's names must be unique (its URL without the last segment), undefined when it is no entity page. */
function nameScopeOf(page: PageSummary): string | undefined {
	if (page.section === undefined || sectionListOfUrl(page.url) !== undefined || page.url === '/') {
		return undefined;
	}
	const trimmed = page.url.slice(0, -1);
	return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/** An alias that is a URL path (`/getting-started/glossary/`), as Hugo's redirects are, names no entity. */
function isNameAlias(alias: string): boolean {
	return !alias.trimStart().startsWith('/');
}

/** One name of a page as written (its title, or an alias) with its normalised form. */
export interface EntityName {
	readonly written: string;
	readonly normalized: string;
	/** The page's title, or one of its aliases. */
	readonly kind: 'title' | 'alias';
}

/** Where each page version writes its title and its aliases, as far as asked (`keptNameRange`, duplicateEntity.ts). */
export type EntityNameRanges = WeakMap<PageSummary, { -readonly [K in EntityName['kind']]?: Range }>;

/** The distinct names of an entity page (title first), none for a page that is no entity page. */
export function entityNamesOf(page: PageSummary): EntityName[] {
	if (nameScopeOf(page) === undefined) {
		return [];
	}
	const names: EntityName[] = [];
	const seen = new Set<string>();
	const add = (written: string, kind: EntityName['kind']): void => {
		const normalized = normalizeEntityName(written);
		if (normalized !== '' && !seen.has(normalized)) {
			seen.add(normalized);
			names.push({ written, normalized, kind });
		}
	};
	add(page.title, 'title');
	for (const alias of page.aliases) {
		if (isNameAlias(alias)) {
			add(alias, 'alias');
		}
	}
	return names;
}

/** The index keys of a page's names: its name scope and the normalised name, each once. */
export function entityNameKeysOf(page: PageSummary): string[] {
	const scope = nameScopeOf(page);
	return scope === undefined ? [] : entityNamesOf(page).map(name => entityNameKey(scope, name.normalized));
}

/** The index key of a normalised name in the name scope of `page`. */
export function entityNameKeyFor(page: PageSummary, normalized: string): string | undefined {
	const scope = nameScopeOf(page);
	return scope === undefined ? undefined : entityNameKey(scope, normalized);
}

function entityNameKey(scope: string, normalized: string): string {
	// Joined, one flat string: a template would be a rope of two (the index keeps one key per page).
	return [scope, normalized].join('\u0000');
}
