/**
 * Pages a site generator makes without a file: a taxonomy's list and term
 * pages (Hugo makes `/tags/` and `/tags/TERM/` for every tag a page has) and
 * files such as `/sitemap.xml` (`SiteRules.taxonomies`, `generatedFiles`).
 */
import type { SiteRules } from './siteRules';
import { urlize } from './siteUrls';

/**
 * Whether `url` is a taxonomy page the generator makes: the list of a
 * taxonomy, or one of its terms. `usedTags`: the tags the pages have (the
 * index's counts); other taxonomies' terms are not kept, so any term of
 * theirs is taken as made.
 */
export function isTaxonomyUrl(rules: SiteRules, url: string, usedTags: ReadonlyMap<string, number>): boolean {
	const parts = url.split('/').filter(Boolean);
	if (parts.length === 0 || parts.length > 2 || !rules.taxonomies.includes(parts[0])) {
		return false;
	}
	if (parts.length === 1 || parts[0] !== 'tags') {
		return true;
	}
	let term = parts[1];
	try {
		term = decodeURIComponent(term);
	} catch {
		// Kept as written.
	}
	for (const tag of usedTags.keys()) {
		// Hugo makes a term's URL with urlize, lower-cased unless disablePathToLower.
		if (urlize(tag).toLowerCase() === term.toLowerCase()) {
			return true;
		}
	}
	return false;
}

/** Whether the generator makes a file at `path` (vault-relative or site path, with or without the leading `/`). */
export function isGeneratedFile(rules: SiteRules, path: string): boolean {
	const url = `/${path.replace(/^\/+/, '')}`.toLowerCase();
	return rules.generatedFiles.some(file => file.toLowerCase() === url);
}
