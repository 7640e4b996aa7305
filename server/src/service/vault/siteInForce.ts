import type { PageSummaries } from '../parse/pageSummary';
import { withSiteUrls } from '../parse/siteParts';
import { summaryParts } from '../parse/storedPageSummary';
import type { PersistedIndexState } from './indexState';
import type { OtherContentPage, SiteRules } from './siteRules';
import { SiteUrls } from './siteUrls';
import { assetsChanged, type IndexChange, type VaultIndex } from './vaultIndex';

/**
 * Puts the site's rules in force in the index and the page summaries: when
 * they differ from those in force, every page is taken out of the index and
 * put back under them (from its summary: nothing is read again). Whether
 * the pages were put back.
 */
export function putSiteRulesInForce(index: VaultIndex, summaries: PageSummaries, rules: SiteRules): boolean {
	if (JSON.stringify(rules) === JSON.stringify(index.site.rules)) {
		return false;
	}
	const site = new SiteUrls(rules, index.site.otherContentPages);
	const parts = [...index.pages()].map(summaryParts);
	parts.forEach(page => index.remove(page.path));
	index.site = site;
	summaries.site = site;
	parts.forEach(page => index.update(summaries.fromParts(withSiteUrls(page, site), true)));
	return true;
}

/**
 * Puts in force the pages the site publishes from content files in other
 * formats: the same rules with other published URLs, so no page's URLs nor
 * links change and nothing is put back (the link checks' memo, scoped by the
 * site, forgets). Like a change of the assets for the diagnostics.
 */
export function putOtherContentPagesInForce(index: VaultIndex, summaries: PageSummaries, pages: readonly OtherContentPage[]): IndexChange {
	if (JSON.stringify(pages) === JSON.stringify(index.site.otherContentPages)) {
		return { affected: new Set<string>(), pagesChanged: false };
	}
	const site = new SiteUrls(index.site.rules, pages);
	index.site = site;
	summaries.site = site;
	return assetsChanged();
}

/** A persisted index state with the pages in other formats in force (a warm start knows them before the vault is listed). */
export function withOtherContentPages(state: PersistedIndexState | undefined, index: VaultIndex): PersistedIndexState | undefined {
	return state === undefined || index.site.otherContentPages.length === 0 ? state : { ...state, otherContentPages: index.site.otherContentPages };
}

/** Puts in force the pages in other formats of a persisted index state, when it has a list of them. */
export function restoreOtherContentPages(index: VaultIndex, summaries: PageSummaries, state: PersistedIndexState): void {
	const pages = state.otherContentPages;
	if (Array.isArray(pages) && pages.every(page => typeof page?.path === 'string' && typeof page.data === 'object' && page.data !== null)) {
		putOtherContentPagesInForce(index, summaries, pages);
	}
}
