import type { PageSummary } from '../parse/pageSummary';

/**
 * What checking a link reads of the index about its target URL: the same
 * for every link to that URL, whichever page links it.
 */
export interface UrlFacts {
	/** A page is published at the URL, or it is a section's list page or a taxonomy page (`urlExists`). */
	readonly exists: boolean;
	/** The page published at it (`VaultIndex.pageForUrl`). */
	readonly page: PageSummary | undefined;
}
