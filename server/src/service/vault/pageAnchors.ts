/**
 * The anchors a page has on the published site, as its site makes them
 * (`SiteRules`): its headings' ids (`headingIds`; a `{#custom-id}`
 * attribute block sets one when `headingAttributes`), its definition terms'
 * ids when `definitionTermIds` (sharing the duplicate counter with the
 * headings, as Hugo's goldmark does), and the `id`/`name` anchors of its
 * HTML, which every site publishes as written. Broken-anchor diagnostics,
 * anchor completion, hover, definition and the broken-anchor quick fixes
 * all read them here, so they agree.
 *
 * Given the index, the anchors of the pages it includes through an include
 * shortcode (pageIncludes.ts) are its own too, placed where the call is:
 * their headings and terms continue the page's duplicate counter in
 * document order, as Hugo renders the included text into the page (an
 * included page's HTML anchors come after the page's own). Includes of
 * includes are followed `MAX_INCLUDE_DEPTH` deep; a page already being
 * included is not included again (a cycle).
 */

import { HeadingIdFactory, headingIdFunction } from '../parse/headingSlug';
import { attributeBlockId, isAttributeList, withoutAttributeBlock } from '../parse/markdown/headingAttributes';
import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import type { AnchorSource } from '../parse/pageSummaryTypes';
import { StoredPageSummary } from '../parse/storedPageSummary';
import type { SiteRules } from './siteRules';
import { includeCalls, includedPage, MAX_INCLUDE_DEPTH, type PagesByPath } from './pageIncludes';

export interface PageAnchor {
	readonly id: string;
	/** Where it is made: the heading, the HTML attribute's value, the term. */
	readonly span: Span;
	readonly kind: 'heading' | 'html' | 'term';
	/** What it names: the heading's or the term's text; the id for HTML. */
	readonly text: string;
	/** The heading's level; 0 for the others. */
	readonly level: number;
	/** The page it is written in when that is an included page (`span` is in that page's text). */
	readonly path?: string;
}

/**
 * The page's anchors in document order, headings and terms first, then HTML
 * anchors; with `pages` (the index), those of the pages it includes too.
 */
export function pageAnchors(page: AnchorSource, site: SiteRules, pages?: PagesByPath): PageAnchor[] {
	const includes = pages && site.includeShortcodes.length > 0 && includeCalls(page, site.includeShortcodes).length > 0;
	if (includes) {
		const anchors: PageAnchor[] = [];
		const html: PageAnchor[] = [];
		const ids = new HeadingIdFactory(headingIdFunction(site.headingIds, site.generator === 'hugo'));
		withIncludes(page, site, pages, ids, { anchors, html, depth: 0, open: new Set([page.path]), top: page.path });
		return [...anchors, ...html];
	}
	const anchors = usesStoredAnchors(site)
		? page.headings.map((heading): PageAnchor => ({ id: heading.anchor, span: heading.span, kind: 'heading', text: heading.text, level: heading.level }))
		: generatedAnchors(page, site, new HeadingIdFactory(headingIdFunction(site.headingIds, site.generator === 'hugo')));
	for (const html of page.htmlAnchors) {
		anchors.push({ id: html.id, span: html.span, kind: 'html', text: html.id, level: 0 });
	}
	return anchors;
}

/**
 * Anchor ids kept per page object (a page's version: an update makes a new
 * one), joined by NUL into one string (a page's ids cost one string, not an
 * array of them) with their count, with the rules they were made under.
 */
export type AnchorIdMemo = WeakMap<PageSummary, { readonly site: SiteRules; readonly joined: string; readonly count: number }>;

const SEPARATOR = '\0';

/**
 * The page's anchor ids NUL-joined between NULs, from `memo` or made and
 * kept there; undefined when they cannot be joined (an id with a NUL).
 * Kept only when its ids depend on the page alone (it includes no other
 * page): a page stored as a record is then decoded once for them.
 */
function memoizedIds(page: PageSummary, site: SiteRules, pages: PagesByPath, memo: AnchorIdMemo): { readonly joined: string; readonly count: number } | { readonly ids: string[] } {
	const known = memo.get(page);
	if (known?.site === site) {
		return known;
	}
	const includes = site.includeShortcodes.length > 0 && includeCalls(page, site.includeShortcodes).length > 0;
	// Without includes, a stored page's anchors are made from its blob decoded alone, the page not expanded.
	const ids = (includes ? pageAnchors(page, site, pages) : pageAnchors(page instanceof StoredPageSummary ? page.anchorSource() : page, site)).map(anchor => anchor.id);
	if (ids.some(id => id.includes(SEPARATOR))) {
		return { ids };
	}
	const kept = { site, joined: `${SEPARATOR}${ids.join(SEPARATOR)}${SEPARATOR}`, count: ids.length };
	if (!includes) {
		memo.set(page, kept);
	}
	return kept;
}

/**
 * Makes the page's anchor ids and keeps them in `memo` as `hasAnchorId`
 * does (not those of a page that includes another): for a caller holding
 * the page's blob now that checks links to the page later (`check`, before
 * the blobs leave memory).
 */
export function rememberAnchorIds(page: PageSummary, site: SiteRules, pages: PagesByPath, memo: AnchorIdMemo): void {
	memoizedIds(page, site, pages, memo);
}

/**
 * Whether the page has an anchor with the id `fragment` (`pageAnchors`).
 * When its ids depend on the page alone (it includes no other page) they are
 * kept in `memo`: a page stored as a record is then decoded once for them,
 * not once per link to it.
 */
export function hasAnchorId(page: PageSummary, site: SiteRules, pages: PagesByPath, memo: AnchorIdMemo, fragment: string): boolean {
	const ids = memoizedIds(page, site, pages, memo);
	if ('ids' in ids || fragment.includes(SEPARATOR)) {
		return 'ids' in ids ? ids.ids.includes(fragment) : false;
	}
	return ids.joined.includes(`${SEPARATOR}${fragment}${SEPARATOR}`);
}

/**
 * The ids of `pageAnchors`, in its order, kept in `memo` as `hasAnchorId`
 * keeps them: for what needs only the ids (a broken anchor's closest ids),
 * so a stored page is not decoded again for them.
 */
export function anchorIdList(page: PageSummary, site: SiteRules, pages: PagesByPath, memo: AnchorIdMemo): string[] {
	const ids = memoizedIds(page, site, pages, memo);
	if ('ids' in ids) {
		return ids.ids;
	}
	return ids.count === 0 ? [] : ids.joined.slice(1, -1).split(SEPARATOR);
}

/** The anchor a `#fragment` names on a page, if any (the first of equals: a heading before an HTML anchor). */
export function anchorForFragment(page: PageSummary, site: SiteRules, fragment: string, pages?: PagesByPath): PageAnchor | undefined {
	return pageAnchors(page, site, pages).find(anchor => anchor.id === fragment);
}

interface IncludeWalk {
	readonly anchors: PageAnchor[];
	readonly html: PageAnchor[];
	readonly depth: number;
	/** The pages being included on the way here (a cycle stops at them). */
	readonly open: Set<string>;
	/** The page asked about: anchors of other pages carry their path. */
	readonly top: string;
}

/** The page's headings and terms with those of the pages it includes at their calls, one duplicate counter for all. */
function withIncludes(page: AnchorSource, site: SiteRules, pages: PagesByPath, ids: HeadingIdFactory, walk: IncludeWalk): void {
	const calls = walk.depth < MAX_INCLUDE_DEPTH ? includeCalls(page, site.includeShortcodes) : [];
	let c = 0;
	const own: PageAnchor[] = [];
	const flush = (): void => {
		walk.anchors.push(...own.splice(0).map(anchor => (page.path === walk.top ? anchor : { ...anchor, path: page.path })));
	};
	generatedAnchors(page, site, ids, own, (offset: number): void => {
		if (c < calls.length && calls[c].span.start < offset) {
			flush();
		}
		for (; c < calls.length && calls[c].span.start < offset; c++) {
			const included = includedPage(pages, page.path, calls[c]);
			if (included && !walk.open.has(included.path)) {
				walk.open.add(included.path);
				withIncludes(included, site, pages, ids, { ...walk, depth: walk.depth + 1 });
				walk.open.delete(included.path);
			}
		}
	});
	flush();
	const where = page.path === walk.top ? {} : { path: page.path };
	for (const html of page.htmlAnchors) {
		walk.html.push({ id: html.id, span: html.span, kind: 'html', text: html.id, level: 0, ...where });
	}
}

/** The defaults (GitHub ids, no attributes, no terms): the ids the scanner stored are the site's. */
function usesStoredAnchors(site: SiteRules): boolean {
	return site.headingIds === 'github' && site.generator !== 'hugo' && !site.headingAttributes && !site.definitionTermIds;
}

/**
 * The page's heading and term anchors with ids from `ids`; `before(offset)`
 * is called before each is made (and once at the end with Infinity), where
 * the anchors of included pages come in.
 */
function generatedAnchors(page: AnchorSource, site: SiteRules, ids: HeadingIdFactory, anchors: PageAnchor[] = [], before?: (offset: number) => void): PageAnchor[] {
	const hugo = site.generator === 'hugo';
	const terms = site.definitionTermIds ? page.definitionTerms : [];
	let t = 0;
	const termsBefore = (offset: number): void => {
		for (; t < terms.length && terms[t].span.start < offset; t++) {
			before?.(terms[t].span.start);
			anchors.push({ id: ids.generate(terms[t].text, 'term'), span: terms[t].span, kind: 'term', text: terms[t].text, level: 0 });
		}
		before?.(offset);
	};
	for (const heading of page.headings) {
		termsBefore(heading.span.start);
		let text = heading.idText || heading.text;
		// A kramdown attribute list on the next line is text to other generators.
		const block = isAttributeList(heading.attributes) && !site.attributeLists ? '' : heading.attributes;
		if (site.headingAttributes && block !== '') {
			const custom = attributeBlockId(block);
			const shown = withoutAttributeBlock(heading.text, block);
			if (custom !== undefined) {
				ids.put(custom);
				anchors.push({ id: custom, span: heading.span, kind: 'heading', text: shown, level: heading.level });
				continue;
			}
			text = withoutAttributeBlock(text, block);
		}
		if (hugo) {
			// Hugo makes a multi-line (setext) heading's id from its last line, after its
			// shortcodes are rendered: what they make is unknown here, mostly an icon or a
			// badge in HTML, which ids leave out, so their calls are left out too.
			text = text.slice(text.lastIndexOf('\n') + 1).replace(/\{\{[<%].*?[%>]\}\}/g, '');
		}
		const shown = site.headingAttributes ? withoutAttributeBlock(heading.text, heading.attributes) : heading.text;
		anchors.push({ id: ids.generate(text, 'heading'), span: heading.span, kind: 'heading', text: shown, level: heading.level });
	}
	termsBefore(Infinity);
	return anchors;
}
