import type { Position } from 'vscode-languageserver-types';
import { spanToRange, PAGE_START } from '../text/lineIndex';
import type { VaultIndex } from '../vault/vaultIndex';
import type { VaultLocation } from '../vault/vaultResults';
import { anchorForFragment } from '../vault/pageAnchors';
import type { SiteRules } from '../vault/siteRules';
import { elementAtPosition, firstFootnoteDefinition, type ElementAtPosition } from './elementAtPosition';
import type { PageContext } from './pageContext';

/**
 * Go to definition:
 * - on an entity link (its text or destination, inline or reference-style):
 *   the target page, at its start;
 * - on the `#fragment` of a destination (or anywhere on a `#heading`-only
 *   link): that heading in the target (the page start when no heading has
 *   that anchor);
 * - on a footnote reference `[^x]`: its first definition.
 * Nothing for broken links, links leaving the vault, external links and
 * anywhere else.
 */
export function provideDefinition({ index, page, text, site }: PageContext, position: Position): VaultLocation[] {
	const element = elementAtPosition(page, text, position);
	if (!element) {
		return [];
	}
	if (element.kind === 'footnoteReference') {
		const definition = firstFootnoteDefinition(page, element.reference.label);
		return definition ? [{ path: page.path, range: spanToRange(page.lineStarts, definition.span) }] : [];
	}
	if (element.kind === 'link') {
		return linkDefinition(index, element, site);
	}
	return [];
}

function linkDefinition(index: VaultIndex, element: Extract<ElementAtPosition, { kind: 'link' }>, site: SiteRules): VaultLocation[] {
	const target = element.link.target;
	if (target.kind !== 'page') {
		return [];
	}
	const path = index.pathsForUrl(target.url)[0];
	const targetPage = path === undefined ? undefined : index.getPage(path);
	if (!targetPage) {
		return [];
	}
	const fragmentOnly = element.fragmentSpan !== undefined && element.fragmentSpan.start === element.link.destinationSpan.start;
	if (target.fragment && (element.part === 'fragment' || fragmentOnly)) {
		const anchor = anchorForFragment(targetPage, site, target.fragment, index);
		// An anchor of an included page is in that page's text.
		const written = anchor?.path === undefined ? targetPage : index.getPage(anchor.path);
		if (anchor && written) {
			return [{ path: written.path, range: spanToRange(written.lineStarts, anchor.span) }];
		}
	}
	return [{ path: targetPage.path, range: PAGE_START }];
}
