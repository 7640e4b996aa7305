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

/** `preferredLinkPath` with the page published at `url` (`index.pageForUrl(url)`) given. */
export function preferredLinkPathTo(index: VaultIndex, settings: VaultSettings, page: PageSummary, link: PageLink, url: string, targetPage: PageSummary | undefined): string | undefined {
	const target = link.target;
	if (target.kind !== 'page' || !isSitePage(page.path)) {
		return undefined;
	}
	const targetPath = targetPage?.path;
	if (targetPath !== undefined && !isSitePage(targetPath)) {
		return undefined;
	}
	const style = linkStyleInForce(index, settings);
	if (style === 'absolute') {
		return target.canonical && url === target.url ? undefined : url;
	}
	if (style === 'relative' && link.destination.trim().startsWith('/')) {
		return relativeUrl(page.url, url);
	}
	return undefined;
}
