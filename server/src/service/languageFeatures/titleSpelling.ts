import { isTitledFromSlug, type PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl, titleFromSlug } from '../vault/vaultPaths';

/**
 * The `title-spelling` check: a page without a `title` (and without a `# `
 * heading) is titled from its file name's words, `mi6.md` → "Mi6" (or as
 * its own summary or first sentence writes them, "MI6": see
 * `summarizePageParts`), while the pages linking to it write the name
 * otherwise. How they write it is read from the links to the page whose
 * text is its slug title up to letter case, one vote per linking page
 * (`PageSummary.nameSpellingFor`, found through the index's backlinks;
 * nothing is scanned), the most common spelling winning and the page's
 * title winning a tie. A name written all in lower case is running prose
 * ("an apple"), not a spelling of the name: it counts as the title.
 */
export interface TitleSpelling {
	/** The title the page has now, made from its slug's words. */
	readonly derived: string;
	/** Whether `derived` is the slug as it reads (`Mi6`), not as the page's own text writes it. */
	readonly fromFileName: boolean;
	/** The spelling the linking pages use, which the quick fix writes as `title`. */
	readonly proposed: string;
	/** How many linking pages write `proposed`. */
	readonly pages: number;
}

function spellingInLinks(index: VaultIndex, page: PageSummary): { spelling: string; pages: number } | undefined {
	const votes = new Map<string, number>();
	for (const path of index.linkersOf(page.url)) {
		const spelling = index.getPage(path)?.nameSpellingFor(page.url);
		if (spelling !== undefined) {
			const key = spelling === spelling.toLowerCase() ? page.title : spelling;
			votes.set(key, (votes.get(key) ?? 0) + 1);
		}
	}
	let best: { spelling: string; pages: number } | undefined;
	for (const [spelling, pages] of [...votes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (best === undefined || pages > best.pages || (pages === best.pages && spelling === page.title)) {
			best = { spelling, pages };
		}
	}
	return best;
}

/** The spelling to give a page titled from its slug's words, when the pages linking to it write its name otherwise. */
export function titleSpelling(index: VaultIndex, page: PageSummary): TitleSpelling | undefined {
	if (!isTitledFromSlug(page)) {
		return undefined;
	}
	const inLinks = spellingInLinks(index, page);
	if (inLinks === undefined || inLinks.spelling === page.title) {
		return undefined;
	}
	return { derived: page.title, fromFileName: page.title === titleFromSlug(slugOfUrl(page.url)), proposed: inLinks.spelling, pages: inLinks.pages };
}
