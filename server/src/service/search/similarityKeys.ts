import type { PageSummary } from '../parse/pageSummary';
import { slugOfUrl } from '../vault/vaultPaths';

/** `Robert Maxwell` → `robert-maxwell`: a title in slug form for comparison. */
export function slugifyTitle(title: string): string {
	return title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** What the closest pages are found by: a page's path, URL, section, title and aliases. */
export type SimilarPage = Pick<PageSummary, 'path' | 'url' | 'section' | 'title' | 'aliases'>;

/** A page's slug, title and aliases in slug form, lowercase, each once: what a missing slug is compared with. */
export function similarityKeys(page: Pick<SimilarPage, 'url' | 'title' | 'aliases'>): string[] {
	const keys = new Set([slugOfUrl(page.url).toLowerCase(), slugifyTitle(page.title), ...page.aliases.map(slugifyTitle)]);
	keys.delete('');
	return [...keys];
}

/** One key of one page. */
export interface SimilarityEntry {
	readonly url: string;
	readonly section: string | undefined;
	/** Slug, title or alias in slug form, lowercase. */
	readonly key: string;
}
