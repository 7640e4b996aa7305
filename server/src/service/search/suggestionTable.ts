import type { PageSummary } from '../parse/pageSummary';
import { slugOfUrl } from '../vault/vaultPaths';
import { findClosestPages, type ClosestPagesSource, type PageSuggestion, type SuggestedPages } from './closestPages';
import { EditDistanceRows } from './editDistance';
import { SegmentIndex } from './segmentIndex';
import { similarityKeys, type SimilarPage } from './similarityKeys';
import { stringHash } from '../text/stringHash';
import { addTo, type OneOrMany } from '../vault/multimap';
import { urlsWithSlugIn } from '../vault/urlsBySlug';

/**
 * The closest pages to a missing URL (`VaultSearch.closestPages`, the
 * suggestions of a broken link) found by a thread that has no index
 * (`entity-vault check`'s workers): it is given what the search reads of
 * the index once, as plain data (`suggestionSetupOf`), and builds its own
 * segment index from it, so its answers are the index's.
 */

/** What the closest pages are found among. */
export interface SuggestionSetup {
	/** Every page, in the index's order (its path left out: the table never removes a page). */
	readonly pages: readonly Omit<SimilarPage, 'path'>[];
	/**
	 * `url, title` pairs: each URL pages are published at whose page there
	 * (`pageForUrl`) is titled otherwise than the first page of the URL in
	 * `pages`; every other URL's title is its first page's.
	 */
	readonly titles: readonly string[];
	/** The sections holding pages. */
	readonly sections: readonly string[];
}

/** What `suggestionSetupOf` reads of the index. */
export type SuggestionSource = SuggestedPages & { pages(): Iterable<PageSummary> };

export function suggestionSetupOf(vault: SuggestionSource): SuggestionSetup {
	const pages: Omit<SimilarPage, 'path'>[] = [];
	const titles: string[] = [];
	const urls = new Set<string>();
	const sections = new Set<string>();
	for (const page of vault.pages()) {
		const { url, section, title, aliases } = page;
		pages.push({ url, section, title, aliases });
		if (!urls.has(url)) {
			urls.add(url);
			const published = vault.pageForUrl(url)?.title ?? title;
			if (published !== title) {
				titles.push(url, published);
			}
		}
		if (section !== undefined && !sections.has(section) && vault.sectionPaths(section).size > 0) {
			sections.add(section);
		}
	}
	return { pages, titles, sections: [...sections] };
}

/**
 * The closest pages among a setup's pages: its own segment index, the title
 * published at each URL, the URLs by the hash of their slug (a lone URL
 * kept as itself, `OneOrMany`). No object per page: one per URL's title
 * would be made each time it is asked for.
 */
export class SuggestionTable implements ClosestPagesSource {
	private readonly segments = new SegmentIndex();
	private readonly titles = new Map<string, string>();
	private readonly urlsBySlug = new Map<number, OneOrMany>();
	private readonly sections: ReadonlySet<string>;
	private readonly rows = new EditDistanceRows();

	constructor(setup: SuggestionSetup) {
		for (const page of setup.pages) {
			this.segments.addKeys(page.url, page.section, similarityKeys(page));
			if (!this.titles.has(page.url)) {
				this.titles.set(page.url, page.title);
				addTo(this.urlsBySlug, stringHash(slugOfUrl(page.url)), page.url, true);
			}
		}
		for (let i = 0; i < setup.titles.length; i += 2) {
			this.titles.set(setup.titles[i], setup.titles[i + 1]);
		}
		this.sections = new Set(setup.sections);
	}

	pageForUrl(url: string): { readonly title: string } | undefined {
		const title = this.titles.get(url);
		return title === undefined ? undefined : { title };
	}

	urlsWithSlug(slug: string): readonly string[] {
		return urlsWithSlugIn(this.urlsBySlug, slug);
	}

	sectionPaths(section: string): { readonly size: number } {
		return { size: this.sections.has(section) ? 1 : 0 };
	}

	/** `VaultSearch.closestPages` of the index the setup was made from. */
	closestPages(url: string, max = 3): PageSuggestion[] {
		return findClosestPages(this, url, max, (slug, limit, section) => this.segments.candidates(slug, limit, section), this.rows);
	}
}
