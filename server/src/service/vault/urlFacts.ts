import type { PageSummary } from '../parse/pageSummary';

/**
 * What checking a link reads of the index about its target URL: the same
 * for every link to that URL, whichever page links it. The page published
 * at it (`VaultIndex.pageForUrl`); `true` when none is and the URL exists
 * all the same (a section's list page, a taxonomy page: `urlExists`);
 * `false` when it does not. One value, no object: the links of 100,000
 * pages read 2.5 million of them in a memo of 160,000, and reading an
 * object besides was a cache miss each time.
 */
export type UrlFacts = PageSummary | boolean;

/** The page published at the URL the facts are of, if any. */
export function pageOfFacts(facts: UrlFacts): PageSummary | undefined {
	return typeof facts === 'object' ? facts : undefined;
}
