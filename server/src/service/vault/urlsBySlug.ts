import { stringHash } from '../text/stringHash';
import { valuesOf, type OneOrMany } from './multimap';
import { slugOfUrl } from './vaultPaths';

/**
 * The URLs of a multimap of URLs by the hash of their slug (`stringHash(slugOfUrl(url))`,
 * the index's and a check worker's suggestion table's) whose slug is `slug`.
 */
export function urlsWithSlugIn(urlsBySlug: Map<number, OneOrMany>, slug: string): readonly string[] {
	const urls = valuesOf(urlsBySlug, stringHash(slug));
	// Two slugs may share a hash: rarely, so the list is filtered only when one differs.
	return urls.every(url => slugOfUrl(url) === slug) ? urls : urls.filter(url => slugOfUrl(url) === slug);
}
