import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import { plainTitleText, titleForSlug } from '../vault/pageTemplate';
import type { VaultIndex } from '../vault/vaultIndex';
import { candidatePathsForUrl, sectionOfUrl, slugOfUrl } from '../vault/vaultPaths';
import { urlExists } from './diagnostics';
import type { PageTextReader } from './rename';

/** A page that links ask for and that does not exist (MediaWiki's *Special:WantedPages*). */
export interface WantedPage {
	/** The URL linked, `/SECTION/SLUG/`. */
	readonly url: string;
	/** The file a page at that URL would be, `SECTION/SLUG.md`. */
	readonly path: string;
	readonly section: string;
	readonly slug: string;
	/** How many pages link to it. */
	readonly linkers: number;
	/** The most common text of the links to it (plain text), '' when none could be read. */
	readonly text: string;
	/** The title a page created for it gets: `text` when it names the slug, else the slug's words. */
	readonly title: string;
}


/** Linking pages read per wanted page to find its most common link text. */
const TEXT_SAMPLE = 25;

/**
 * The most common plain text of the links to `url` among (at most
 * `TEXT_SAMPLE` of) the pages linking to it, ties to the first seen in path
 * order; '' when no text could be read.
 */
function mostCommonText(index: VaultIndex, url: string, textOf: PageTextReader): string {
	const counts = new Map<string, number>();
	let best = '';
	for (const path of index.linkersOf(url).sort().slice(0, TEXT_SAMPLE)) {
		const page = index.getPage(path);
		const text = page && textOf(path);
		if (!page || text === undefined || text.length !== page.textLength) {
			continue;
		}
		const spans = page.linkSpansTo(url);
		for (const link of page.links) {
			if (link.isImage || !spans.some(span => span.start === link.span.start && span.end === link.span.end)) {
				continue;
			}
			const written = plainTitleText(text.slice(link.textSpan.start, link.textSpan.end));
			if (written === '') {
				continue;
			}
			const count = (counts.get(written) ?? 0) + 1;
			counts.set(written, count);
			if (count > (counts.get(best) ?? 0)) {
				best = written;
			}
		}
	}
	return best;
}

/** A missing target of links and how many pages link it. */
export interface WantedUrl {
	readonly url: string;
	readonly linkers: number;
}

/**
 * The missing targets of the vault's links, most linked first (then by
 * URL): only URLs a page could be created at (`/SECTION/SLUG/`), from the
 * index's set of wanted URLs. None when cancelled.
 */
export function rankedWantedUrls(index: VaultIndex, token?: CancellationLike): WantedUrl[] {
	const ranked: WantedUrl[] = [];
	let seen = 0;
	for (const url of index.wantedUrls()) {
		if (++seen % CANCELLATION_CHECK_INTERVAL === 0 && token?.isCancellationRequested) {
			return [];
		}
		// `/SECTION/SLUG/` only: a page of a section can be made there.
		const parts = url.split('/').filter(Boolean);
		if (parts.length === 2 && !parts[0].startsWith('.') && !urlExists(index, url) && !index.site.isExternal(url)) {
			ranked.push({ url, linkers: index.backlinkCount(url) });
		}
	}
	return ranked.sort((a, b) => b.linkers - a.linkers || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** A wanted URL with its most common link text (read from `textOf`) and the file and title a page there would have. */
export function describeWantedUrl(index: VaultIndex, { url, linkers }: WantedUrl, textOf: PageTextReader): WantedPage {
	const slug = slugOfUrl(url);
	const text = mostCommonText(index, url, textOf);
	return { url, path: candidatePathsForUrl(url)[0], section: sectionOfUrl(url) ?? '', slug, linkers, text, title: titleForSlug(text, slug) };
}

/**
 * The missing targets of the vault's links, most linked first (then by URL),
 * at most `limit` (see `rankedWantedUrls`); the link texts are read from
 * `textOf` for the pages listed only.
 */
export function wantedPages(index: VaultIndex, textOf: PageTextReader, limit: number, token?: CancellationLike): WantedPage[] {
	return rankedWantedUrls(index, token).slice(0, Math.max(0, limit)).map(wanted => describeWantedUrl(index, wanted, textOf));
}
