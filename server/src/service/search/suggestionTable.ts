import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { slugOfUrl } from '../vault/vaultPaths';
import { findClosestPages, type ClosestPagesSource, type PageSuggestion, type SuggestedPages } from './closestPages';
import { EditDistanceRows } from './editDistance';
import { SegmentIndex } from './segmentIndex';
import type { SimilarPage } from './similarityKeys';

/**
 * The closest pages to a missing URL (`VaultSearch.closestPages`, the
 * suggestions of a broken link) found by a thread that has no index
 * (`entity-vault check`'s workers): it is given what the search reads of
 * the index once, as plain data (`suggestionSetupOf`), and builds its own
 * segment index from it, so its answers are the index's.
 */

/** What the closest pages are found among. */
export interface SuggestionSetup {
	/** Every page, in the index's order. */
	readonly pages: readonly SimilarPage[];
	/** Each URL pages are published at, then the title of the page published there (`pageForUrl`): `url, title` pairs. */
	readonly titles: readonly string[];
	/** The sections holding pages. */
	readonly sections: readonly string[];
}

/** What `suggestionSetupOf` reads of the index. */
export type SuggestionSource = SuggestedPages & { pages(): Iterable<PageSummary> };

export function suggestionSetupOf(vault: SuggestionSource): SuggestionSetup {
	const pages: SimilarPage[] = [];
	const titles: string[] = [];
	const urls = new Set<string>();
	const sections = new Set<string>();
	for (const page of vault.pages()) {
		const { path, url, section, title, aliases } = page;
		pages.push({ path, url, section, title, aliases });
		if (!urls.has(url)) {
			urls.add(url);
			titles.push(url, vault.pageForUrl(url)?.title ?? title);
		}
		if (section !== undefined && !sections.has(section) && vault.sectionPaths(section).size > 0) {
			sections.add(section);
		}
	}
	return { pages, titles, sections: [...sections] };
}

export class SuggestionTable implements ClosestPagesSource {
	private readonly segments = new SegmentIndex();
	private readonly titles = new Map<string, { readonly title: string }>();
	private readonly urlsBySlug = new Map<string, string[]>();
	private readonly sections: ReadonlySet<string>;
	private readonly rows = new EditDistanceRows();

	constructor(setup: SuggestionSetup) {
		this.segments.rebuild(setup.pages);
		for (let i = 0; i < setup.titles.length; i += 2) {
			const url = setup.titles[i];
			this.titles.set(url, { title: setup.titles[i + 1] });
			const slug = slugOfUrl(url);
			const same = this.urlsBySlug.get(slug);
			if (same) {
				same.push(url);
			} else {
				this.urlsBySlug.set(slug, [url]);
			}
		}
		this.sections = new Set(setup.sections);
	}

	pageForUrl(url: string): { readonly title: string } | undefined {
		return this.titles.get(url);
	}

	urlsWithSlug(slug: string): readonly string[] {
		return this.urlsBySlug.get(slug) ?? [];
	}

	sectionPaths(section: string): { readonly size: number } {
		return { size: this.sections.has(section) ? 1 : 0 };
	}

	/** `VaultSearch.closestPages` of the index the setup was made from. */
	closestPages(url: string, max = 3): PageSuggestion[] {
		return findClosestPages(this, url, max, (slug, limit, section) => this.segments.candidates(slug, limit, section), this.rows);
	}
}

/**
 * The URLs the page at `path` links that no page is published at (MediaWiki's
 * wanted pages, `VaultIndex.wantedUrls`): those a broken link of the page
 * may ask the closest pages to, from its header alone.
 */
export function missingLinkTargets(index: VaultIndex, path: string): string[] {
	const missing = index.wantedUrls();
	return index.getPage(path)?.targetUrls.filter(url => missing.has(url)) ?? [];
}
