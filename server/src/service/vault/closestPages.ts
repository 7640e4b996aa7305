import type { VaultIndex } from './vaultIndex';
import { sectionOfUrl, slugOfUrl } from './vaultPaths';

export interface PageSuggestion {
	readonly url: string;
	readonly title: string;
	/** Edit distance of the best-matching slug or title (0 for the same slug in another section). */
	readonly distance: number;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	if (a === b) {
		return 0;
	}
	if (rowA.length <= b.length) {
		rowA = new Int32Array(b.length + 1);
		rowB = new Int32Array(b.length + 1);
	}
	let previous = rowA;
	let current = rowB;
	for (let j = 0; j <= b.length; j++) {
		previous[j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current[j] = value;
			if (value < rowMin) {
				rowMin = value;
			}
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		const swap = previous;
		previous = current;
		current = swap;
	}
	return previous[b.length];
}

/** `Robert Maxwell` → `robert-maxwell`: a title in slug form for comparison. */
export function slugifyTitle(title: string): string {
	return title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * Existing pages closest to a URL that does not exist: the same slug in
 * another section first, then pages of the same section (or, when the
 * section does not exist, of every section) whose slug or title is within a
 * small edit distance.
 */
export function closestPages(index: VaultIndex, url: string, max = 3): PageSuggestion[] {
	const slug = slugOfUrl(url).toLowerCase();
	const section = sectionOfUrl(url);
	const limit = Math.max(2, Math.floor(slug.length * 0.4));
	const found = new Map<string, PageSuggestion>();
	const offer = (candidateUrl: string, distance: number): void => {
		const page = index.pageForUrl(candidateUrl);
		const existing = found.get(candidateUrl);
		if (page && candidateUrl !== url && (!existing || existing.distance > distance)) {
			found.set(candidateUrl, { url: candidateUrl, title: page.title, distance });
		}
	};
	for (const candidate of index.urlsWithSlug(slugOfUrl(url))) {
		offer(candidate, 0);
	}
	const sections = section !== undefined && index.sectionPaths(section).size > 0 ? [section] : index.sections();
	for (const name of sections) {
		for (const path of index.sectionPaths(name)) {
			const page = index.getPage(path);
			if (!page) {
				continue;
			}
			const candidateSlug = slugOfUrl(page.url).toLowerCase();
			let distance = boundedEditDistance(slug, candidateSlug, limit);
			if (distance > limit) {
				distance = boundedEditDistance(slug, slugifyTitle(page.title), limit);
			}
			for (const alias of page.aliases) {
				if (distance <= 0) {
					break;
				}
				distance = Math.min(distance, boundedEditDistance(slug, slugifyTitle(alias), limit));
			}
			if (distance <= limit) {
				offer(page.url, distance);
			}
		}
	}
	return [...found.values()]
		.sort((a, b) => a.distance - b.distance || a.url.localeCompare(b.url))
		.slice(0, max);
}
