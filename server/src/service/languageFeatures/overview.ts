import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import type { PageTextReader } from './rename';
import { describeWantedUrl, rankedWantedUrls, type WantedPage } from './wantedPages';

/** A page as the overview lists it. */
export interface OverviewPage {
	readonly path: string;
	readonly url: string;
	readonly title: string;
}

/** A page with how many other pages link to it. */
export interface LinkedPage extends OverviewPage {
	readonly linkers: number;
}

/** The vault at a glance: what the Vault Overview view and `check --format html` show. */
export interface VaultOverview {
	/** Entity pages (in sections). */
	readonly pages: number;
	/** Each section with its page count, by name. */
	readonly sections: readonly { readonly section: string; readonly pages: number }[];
	/** The pages most linked from other pages, most first (then by path), at most `limit`. */
	readonly mostLinked: readonly LinkedPage[];
	/** The entity pages no other page links, by path, at most `limit`; `orphanCount` counts them all. */
	readonly orphans: readonly OverviewPage[];
	readonly orphanCount: number;
	/** The entity pages without a footnote call (no claim sourced), by path, at most `limit`; `unsourcedCount` counts them all. */
	readonly unsourced: readonly OverviewPage[];
	readonly unsourcedCount: number;
	/** The wanted pages (missing targets of links), most linked first, at most `limit`; `wantedCount` counts them all. */
	readonly wanted: readonly WantedPage[];
	readonly wantedCount: number;
}

/** What the overview keeps between two index versions: everything but the wanted pages' link texts. */
export interface PageTallies {
	readonly mostLinked: LinkedPage[];
	readonly orphans: OverviewPage[];
	readonly unsourced: OverviewPage[];
}

function listed(page: PageSummary): OverviewPage {
	return { path: page.path, url: page.url, title: page.title };
}

const byPath = (a: OverviewPage, b: OverviewPage): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Other pages linking to the page (a link to itself does not count). */
function otherLinkers(index: VaultIndex, page: PageSummary): number {
	const count = index.backlinkCount(page.url);
	return count === 1 && index.linkersOf(page.url)[0] === page.path ? 0 : count > 1 && index.linkersOf(page.url).includes(page.path) ? count - 1 : count;
}

/**
 * One pass over the entity pages' summaries (no text is read): the linkers
 * of each from the index's reverse map, its footnote calls from its
 * summary. The service keeps the result while the index's version stays
 * the same. Undefined when cancelled.
 */
export function tallyPages(index: VaultIndex, token?: CancellationLike): PageTallies | undefined {
	const mostLinked: LinkedPage[] = [];
	const orphans: OverviewPage[] = [];
	const unsourced: OverviewPage[] = [];
	let seen = 0;
	for (const section of index.sections()) {
		for (const path of index.sectionPaths(section)) {
			if (++seen % CANCELLATION_CHECK_INTERVAL === 0 && token?.isCancellationRequested) {
				return undefined;
			}
			const page = index.getPage(path);
			if (!page) {
				continue;
			}
			const linkers = otherLinkers(index, page);
			if (linkers === 0) {
				orphans.push(listed(page));
			} else {
				mostLinked.push({ ...listed(page), linkers });
			}
			if (page.footnoteReferences.length === 0) {
				unsourced.push(listed(page));
			}
		}
	}
	mostLinked.sort((a, b) => b.linkers - a.linkers || byPath(a, b));
	return { mostLinked, orphans: orphans.sort(byPath), unsourced: unsourced.sort(byPath) };
}

/**
 * The vault overview from the index: pages per section (kept by the index),
 * the tallies (`tallyPages`, kept per index version by the caller) and the
 * wanted pages (the index's set of missing targets; the link texts of the
 * `limit` listed read from `textOf`).
 */
export function vaultOverview(index: VaultIndex, tallies: PageTallies, textOf: PageTextReader, limit: number, token?: CancellationLike): VaultOverview {
	const sections = index.sections().map(section => ({ section, pages: index.sectionPaths(section).size }));
	const ranked = rankedWantedUrls(index, token);
	const wantedCount = ranked.length;
	const wanted = ranked.slice(0, Math.max(0, limit)).map(entry => describeWantedUrl(index, entry, textOf));
	return {
		pages: index.pageCount,
		sections,
		mostLinked: tallies.mostLinked.slice(0, limit),
		orphans: tallies.orphans.slice(0, limit),
		orphanCount: tallies.orphans.length,
		unsourced: tallies.unsourced.slice(0, limit),
		unsourcedCount: tallies.unsourced.length,
		wanted,
		wantedCount,
	};
}
