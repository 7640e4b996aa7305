import type { SiteUrls } from '../vault/siteUrls';
import { LINK, LINK_FLAGS, PART_ORDER } from './pageSummaryLayout';
import { destinationPath } from '../vault/vaultPaths';
import type { PageSummaryParts } from './pageSummary';

/**
 * A summary's plain data under a site's URL rules (siteUrls.ts): the page's
 * published URL and each link's target made again from the page's path,
 * frontmatter and link destinations, whatever rules the parts were made
 * under (the worker threads parse by the plain vault model, the persisted
 * index keeps what it was given). Parts already made under these rules are
 * returned as they are, so the plain vault model costs nothing.
 */
export function withSiteUrls(parts: PageSummaryParts, site: SiteUrls): PageSummaryParts {
	if ((parts.siteKey ?? '') === site.key) {
		return parts;
	}
	const url = site.pageUrl(parts.path, parts.frontmatter.data);
	// Links are the first kind stored: link i's numbers start at i * LINK.numbers.
	const linkCount = parts.counts[PART_ORDER.indexOf('links')];
	const numbers = parts.numbers.slice();
	const linkTargetUrls: string[] = [];
	const renamed = new Map<string, string>();
	const keep = LINK_FLAGS.kindMask | LINK_FLAGS.image;
	for (let i = 0; i < linkCount; i++) {
		const at = i * LINK.numbers + LINK.at.flags;
		const destination = parts.strings[i * LINK.strings + LINK.at.destination];
		const written = destinationPath(destination);
		const before = (numbers[at] & LINK_FLAGS.pageTarget) !== 0 ? parts.linkTargetUrls?.[i] || written : '';
		const target = site.resolve(destination, parts.path, url);
		let flags = numbers[at] & keep;
		if (target.kind === 'page') {
			flags |= LINK_FLAGS.pageTarget | (target.canonical ? LINK_FLAGS.canonical : 0) | (target.viaMarkdownPath ? LINK_FLAGS.markdownPath : 0);
			if (before !== '') {
				renamed.set(before, target.url);
			}
		}
		numbers[at] = flags;
		linkTargetUrls.push(target.kind === 'page' && target.url !== written ? target.url : '');
	}
	const nameSpellings = parts.nameSpellings?.map((value, i) => (i % 2 === 0 ? renamed.get(value) ?? value : value));
	return {
		...parts,
		url,
		numbers,
		linkTargetUrls: linkTargetUrls.some(target => target !== '') ? linkTargetUrls : undefined,
		nameSpellings,
		siteKey: site.key,
	};
}
