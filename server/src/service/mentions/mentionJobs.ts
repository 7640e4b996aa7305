import type { PageSummary } from '../parse/pageSummary';
import { computeLineStarts } from '../text/lineIndex';
import type { MentionSettings } from '../vault/settings';
import { excludedSpans, findMentionsIn, type Mention } from './findMentions';
import { namesOfPage } from './mentionRules';
import { MentionTable } from './mentionTable';

/**
 * The unlinked-mention search as plain data, for a thread that has neither
 * the index nor the summaries (`entity-vault check`'s workers): the names of
 * every page once (`mentionNamesOf`, from which it builds its own
 * `MentionTable`), then per page what the search reads of its summary
 * (`mentionJobOf`); it reads the page's text itself and returns every
 * occurrence (`findJobMentions`), narrowed to those the page's diagnostics
 * report (`reportedMentions`) by the searching thread when the job lists
 * the URLs the page links, else by the index's side.
 */

/** One page's names, as `namesOfPage` lists them. */
export interface PageNames {
	readonly path: string;
	readonly url: string;
	readonly names: readonly string[];
}

/** What the search reads of one page's summary. */
export interface MentionJob {
	readonly path: string;
	/** The length of the text the summary was made from (BOM removed): another text is not searched. */
	readonly textLength: number;
	readonly bodyStart: number;
	/**
	 * `excludedSpans`: merged `start, end` pairs. As made, the lists the page
	 * gives, copied as they are into their batch's one typed array (see
	 * `MentionJobPacker`): no typed array made per page (one with memory of
	 * its own when over 64 bytes, which the collector frees); unpacked, views of that array.
	 */
	readonly excluded: ArrayLike<number>;
	/** `PageSummary.codeRegions`: `start, end` pairs, each end included. */
	readonly codeRegions: ArrayLike<number>;
	/**
	 * The URLs the page links (`PageSummary.targetUrls`): given, the search
	 * returns only the mentions the page's diagnostics report
	 * (`mentionsToReport`, with the page's names from the search's), so most
	 * pages send nothing back.
	 */
	readonly linked?: readonly string[];
}

/** The names of the pages, in the order given (a `MentionTable` rebuilt from them adds them so): pages without names left out. */
export function mentionNamesOf(pages: Iterable<PageSummary>): PageNames[] {
	const list: PageNames[] = [];
	for (const page of pages) {
		const names = namesOfPage(page);
		if (names.length > 0) {
			list.push({ path: page.path, url: page.url, names });
		}
	}
	return list;
}

/** The table `MentionTable.rebuild` makes of the pages whose names these are. */
export function mentionTableOf(pages: readonly PageNames[]): MentionTable {
	const table = new MentionTable();
	for (const page of pages) {
		table.addNames(page.path, page.url, page.names);
	}
	return table;
}

export function mentionJobOf(page: PageSummary): MentionJob {
	return { path: page.path, textLength: page.textLength, bodyStart: page.frontmatter.bodyStart, excluded: excludedSpans(page), codeRegions: page.codeRegions, linked: page.targetUrls };
}

/** Whether `offset` is in one of the regions (`start, end` pairs in order, each end included), as `PageSummary.isInCode` decides. */
function inRegions(regions: ArrayLike<number>, offset: number): boolean {
	let lo = 0;
	let hi = regions.length / 2 - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (regions[mid * 2] <= offset) {
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return hi >= 0 && offset <= regions[hi * 2 + 1];
}

/**
 * Every occurrence of a name of the table in the page's text (BOM removed),
 * as `findMentions` finds it on the summary; none when the text is not the
 * one the summary was made from.
 */
export function findJobMentions(table: MentionTable, job: MentionJob, text: string, settings: MentionSettings): Mention[] {
	if (text.length !== job.textLength) {
		return [];
	}
	const regions = job.codeRegions;
	const layout = { excluded: job.excluded, bodyStart: job.bodyStart, isInCode: (offset: number) => inRegions(regions, offset), lineStarts: computeLineStarts(text) };
	return findMentionsIn(table, layout, text, settings);
}
