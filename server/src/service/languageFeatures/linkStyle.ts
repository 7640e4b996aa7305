import type { PageLink, PageSummary } from '../parse/pageSummary';
import type { VaultSettings } from '../vault/settings';
import type { VaultIndex } from '../vault/vaultIndex';
import { isSitePage, relativeUrl } from '../vault/vaultPaths';

/**
 * How a link to a page is best written, for the `non-canonical-link` hint
 * and its quick fix (so both say the same), by the vault's link style
 * (`settings.site.linkStyle`):
 * - `absolute`: the URL the page is published at, `/SECTION/SLUG/`;
 * - `relative`: a link written absolute, as the URL relative to the page's
 *   own (`../bob/`); relative links, a site's legitimate style, as written;
 * - `any`: every spelling that reaches the page;
 * - `auto` (the default): `relative` when most links of the site's pages
 *   are relative, else `absolute` (counted by the index as pages change).
 * Files that are not site pages (`README.md`, `CONTRIBUTING.md` directly in
 * the root) are rendered by GitHub, where a site URL breaks: no hint is
 * given on them, nor on a link to them.
 */

export type LinkStyleInForce = 'absolute' | 'relative' | 'any';

export function linkStyleInForce(index: VaultIndex, settings: VaultSettings): LinkStyleInForce {
	const style = settings.site.linkStyle;
	return style === 'auto' ? index.linkStyle : style;
}

/**
 * The path part (without `?query#fragment`) the link is better written
 * with, undefined when it is fine as written. `url`: the URL the link leads
 * to (the page's, or where a redirect or alias of it leads).
 */
export function preferredLinkPath(index: VaultIndex, settings: VaultSettings, page: PageSummary, link: PageLink, url: string): string | undefined {
	return preferredLinkPathTo(index, settings, page, link, url, index.pageForUrl(url));
}

/**
 * `preferredLinkPath` with the page published at `url` given
 * (`index.pageForUrl(url)`, or the link's `UrlFacts`: `true` or `false` when
 * none is). The page is read only when the link would be hinted: the links
 * of 100,000 pages name pages out of the cache, and most links are written
 * as the style asks.
 */
export function preferredLinkPathTo(index: VaultIndex, settings: VaultSettings, page: PageSummary, link: PageLink, url: string, targetPage: PageSummary | boolean | undefined): string | undefined {
	const target = link.target;
	if (target.kind !== 'page' || !isSitePage(page.path)) {
		return undefined;
	}
	const style = linkStyleInForce(index, settings);
	let preferred: string | undefined;
	if (style === 'absolute') {
		preferred = target.canonical && url === target.url ? undefined : url;
	} else if (style === 'relative' && link.destination.trim().startsWith('/')) {
		preferred = relativeUrl(page.url, url);
	}
	// A link to a file that is no site page (README.md) is not hinted either.
	const targetPath = preferred !== undefined && typeof targetPage === 'object' ? targetPage.path : undefined;
	return targetPath !== undefined && !isSitePage(targetPath) ? undefined : preferred;
}
