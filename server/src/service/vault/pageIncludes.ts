/**
 * Pages a page renders in place through an include shortcode
 * (`SiteRules.includeShortcodes`: hugoDocs' `{{% include "/_common/x.md" %}}`
 * does `.Page.GetPage` then `site.GetPage` of its argument): their anchors
 * are the including page's (pageAnchors.ts), and the index keeps which pages
 * include which (vaultIndex.ts) so that a change of an included page
 * rechecks its includers. The argument is a content path: relative to the
 * including page's folder first, then to the content root (the vault root);
 * `.md` may be left out, and `x` also names `x/index.md` and `x/_index.md`.
 */

import type { ShortcodeCall } from '../parse/shortcodeCalls';
import type { PageSummary } from '../parse/pageSummary';
import { candidatePathsForUrl } from './vaultPaths';

/** How deep includes of includes are followed. */
export const MAX_INCLUDE_DEPTH = 8;

/** Finds a page by its vault-relative path (the index). */
export interface PagesByPath {
	getPage(path: string): PageSummary | undefined;
}

/** The page's calls of an include shortcode, in document order. */
export function includeCalls(page: Pick<PageSummary, 'shortcodeCalls'>, shortcodes: readonly string[]): ShortcodeCall[] {
	if (shortcodes.length === 0 || page.shortcodeCalls.length === 0) {
		return [];
	}
	return page.shortcodeCalls.filter(call => shortcodes.includes(call.name) && call.argument.trim() !== '');
}

/** The paths an include argument written in the page at `fromPath` may name, in the order they are tried. */
export function includeCandidates(fromPath: string, argument: string): string[] {
	const written = argument.trim().replace(/\.md$/i, '').replace(/^(\.\/)+/, '');
	const fromRoot = candidatePathsForUrl(written);
	if (written.startsWith('/')) {
		return fromRoot;
	}
	const slash = fromPath.lastIndexOf('/');
	return slash < 0 ? fromRoot : [...candidatePathsForUrl(`${fromPath.slice(0, slash)}/${written}`), ...fromRoot];
}

/** The page an include call names, if the vault has it. */
export function includedPage(pages: PagesByPath, fromPath: string, call: ShortcodeCall): PageSummary | undefined {
	for (const path of includeCandidates(fromPath, call.argument)) {
		const page = pages.getPage(path);
		if (page) {
			return page;
		}
	}
	return undefined;
}

/** Every path the page's include calls may name (the index's reverse map keys), distinct. */
export function includeCandidatePaths(page: PageSummary, shortcodes: readonly string[]): string[] {
	return [...new Set(includeCalls(page, shortcodes).flatMap(call => includeCandidates(page.path, call.argument)))];
}
