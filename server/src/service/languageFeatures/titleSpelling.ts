import { isTitledFromSlug, type PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl, titleFromSlug } from '../vault/vaultPaths';

/**
 * The `title-spelling` check: a page without a `title` (and without a `# `
 * heading) is titled from its file name, `mi6.md` → "Mi6", while the vault
 * writes the name "MI6". How the vault writes it is read, in this order:
 * 1. the links to the page whose text is its slug title up to letter case,
 *    one vote per linking page (`PageSummary.nameSpellingFor`, found through
 *    the index's backlinks; nothing is scanned), the most common spelling
 *    winning and the slug title winning a tie;
 * 2. failing any such link, the first mention of the name in the page's own
 *    `summary` field.
 * A name written all in lower case is running prose ("an apple"), not a
 * spelling of the name: it counts as the slug title.
 */
export interface TitleSpelling {
	/** The title the page has now, made from its slug. */
	readonly derived: string;
	/** The spelling the vault uses, which the quick fix writes as `title`. */
	readonly proposed: string;
	/** Where `proposed` was read: the links to the page, or its summary. */
	readonly source: 'links' | 'summary';
	/** With `links`: how many linking pages write `proposed`. */
	readonly pages: number;
}

/** A spelling as a vote: all lower case counts as the slug title. */
function vote(spelling: string, slugTitle: string): string {
	return spelling === spelling.toLowerCase() ? slugTitle : spelling;
}

function spellingInLinks(index: VaultIndex, page: PageSummary, slugTitle: string): { spelling: string; pages: number } | undefined {
	const votes = new Map<string, number>();
	for (const path of index.linkersOf(page.url)) {
		const spelling = index.getPage(path)?.nameSpellingFor(page.url);
		if (spelling !== undefined) {
			const key = vote(spelling, slugTitle);
			votes.set(key, (votes.get(key) ?? 0) + 1);
		}
	}
	let best: { spelling: string; pages: number } | undefined;
	for (const [spelling, pages] of [...votes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (best === undefined || pages > best.pages || (pages === best.pages && spelling === slugTitle)) {
			best = { spelling, pages };
		}
	}
	return best;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first mention of the slug title (up to letter case, as a whole word) in the page's `summary` field. */
function spellingInSummary(page: PageSummary, slugTitle: string): string | undefined {
	const summary = page.frontmatter.data?.summary;
	if (typeof summary !== 'string') {
		return undefined;
	}
	const words = slugTitle.split(' ').map(escapeRegExp).join('\\s+');
	const match = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu').exec(summary);
	return match ? vote(match[0].replace(/\s+/g, ' '), slugTitle) : undefined;
}

/** The spelling to give a page titled from its slug, when the vault writes its name otherwise. */
export function titleSpelling(index: VaultIndex, page: PageSummary): TitleSpelling | undefined {
	const slugTitle = titleFromSlug(slugOfUrl(page.url));
	if (!isTitledFromSlug(page)) {
		return undefined;
	}
	const inLinks = spellingInLinks(index, page, slugTitle);
	if (inLinks !== undefined) {
		return inLinks.spelling === slugTitle ? undefined : { derived: slugTitle, proposed: inLinks.spelling, source: 'links', pages: inLinks.pages };
	}
	const inSummary = spellingInSummary(page, slugTitle);
	return inSummary === undefined || inSummary === slugTitle ? undefined : { derived: slugTitle, proposed: inSummary, source: 'summary', pages: 0 };
}
