import type { PageLink, PageSummary } from '../parse/pageSummary';
import { resolveLinkDestination } from '../vault/vaultPaths';

/**
 * The frontmatter's link values as links of the page (see
 * parse/frontmatterLinks.ts), for the checks, hover and definition of body
 * links: those written `[Text](destination)`, and the bare site paths of the
 * fields `isLinkField` accepts (by default, every bare path that names a page).
 */
export function frontmatterPageLinks(page: PageSummary, isLinkField?: (field: string) => boolean): PageLink[] {
	const links: PageLink[] = [];
	for (const link of page.frontmatter.links) {
		const target = resolveLinkDestination(link.destination, page.path);
		if (!link.markdown && (isLinkField ? !isLinkField(link.field) : target.kind !== 'page')) {
			continue;
		}
		links.push({ kind: 'inline', isImage: false, destination: link.destination, span: link.span, textSpan: link.textSpan, destinationSpan: link.destinationSpan, target });
	}
	return links;
}
