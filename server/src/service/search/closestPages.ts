import type { PageSummary } from '../parse/pageSummary';
import { sectionOfUrl, slugOfUrl } from '../vault/vaultPaths';
import { boundedEditDistance, DistanceFromQuery, EditDistanceRows } from './editDistance';
import { MAX_EDITS } from './segmentIndex';
import { similarityKeys, type SimilarityEntry } from './similarityKeys';

export interface PageSuggestion {
	readonly url: string;
	readonly title: string;
	/** Edit distance of the best-matching slug or title (0 for the same slug in another section). */
	readonly distance: number;
}

/** What the suggestions read of the vault index. */
export interface SuggestedPages {
	pages(): Iterable<PageSummary>;
	pageForUrl(url: string): PageSummary | undefined;
	urlsWithSlug(slug: string): readonly string[];
	sectionPaths(section: string): ReadonlySet<string>;
}

/** What `findClosestPages` reads: the index, or a table of plain data made for a thread without it (suggestionTable.ts). */
export interface ClosestPagesSource {
	pageForUrl(url: string): { readonly title: string } | undefined;
	urlsWithSlug(slug: string): readonly string[];
	sectionPaths(section: string): { readonly size: number };
}

/** The keys of every page (in `section` when given) that may be within `limit` edits of `slug`. */
export type CandidateSource = (slug: string, limit: number, section: string | undefined) => Iterable<SimilarityEntry>;

/** Every key of every page (of `section` when given): the exhaustive candidates, the oracle of the tests. */
export function everyCandidate(vault: SuggestedPages): CandidateSource {
	return function* (_slug, _limit, section) {
		for (const page of vault.pages()) {
			if (section === undefined || page.section === section) {
				for (const key of similarityKeys(page)) {
					yield { url: page.url, section: page.section, key };
				}
			}
		}
	};
}

/**
 * Existing pages closest to a URL that does not exist: the same slug in
 * another section first, then pages of the same section (or, when the
 * section does not exist, of every section) whose slug, title or alias is
 * within a small edit distance of the missing slug, among the candidates.
 */
export function findClosestPages(vault: ClosestPagesSource, url: string, max: number, candidatesOf: CandidateSource, rows = new EditDistanceRows()): PageSuggestion[] {
	const slug = slugOfUrl(url).toLowerCase();
	const section = sectionOfUrl(url);
	// Up to 3 edits (fewer for short slugs): typos and small variations, not lookalikes.
	const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(slug.length / 4)));
	const found = new Map<string, PageSuggestion>();
	const offer = (candidateUrl: string, distance: number): void => {
		const page = vault.pageForUrl(candidateUrl);
		const existing = found.get(candidateUrl);
		if (page && candidateUrl !== url && (!existing || existing.distance > distance)) {
			found.set(candidateUrl, { url: candidateUrl, title: page.title, distance });
		}
	};
	for (const candidate of vault.urlsWithSlug(slugOfUrl(url))) {
		offer(candidate, 0);
	}
	if (slug !== '') {
		const inSection = section !== undefined && vault.sectionPaths(section).size > 0 ? section : undefined;
		const fromSlug = slug.length <= DistanceFromQuery.MAX_LENGTH ? new DistanceFromQuery(slug) : undefined;
		for (const candidate of candidatesOf(slug, limit, inSection)) {
			const distance = fromSlug ? fromSlug.within(candidate.key, limit) : boundedEditDistance(slug, candidate.key, limit, rows);
			if (distance <= limit) {
				offer(candidate.url, distance);
			}
		}
	}
	return [...found.values()]
		.sort((a, b) => a.distance - b.distance || a.url.localeCompare(b.url))
		.slice(0, max);
}
