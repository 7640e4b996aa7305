/**
 * The anchors a page has on the published site, as its site makes them
 * (`SiteRules`): its headings' ids (`headingIds`; a `{#custom-id}`
 * attribute block sets one when `headingAttributes`), its definition terms'
 * ids when `definitionTermIds` (sharing the duplicate counter with the
 * headings, as Hugo's goldmark does), and the `id`/`name` anchors of its
 * HTML, which every site publishes as written. Broken-anchor diagnostics,
 * anchor completion, hover, definition and the broken-anchor quick fixes
 * all read them here, so they agree.
 */

import { HeadingIdFactory, headingIdFunction } from '../parse/headingSlug';
import { attributeBlockId, withoutAttributeBlock } from '../parse/markdown/headingAttributes';
import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import type { SiteRules } from './siteRules';

export interface PageAnchor {
	readonly id: string;
	/** Where it is made: the heading, the HTML attribute's value, the term. */
	readonly span: Span;
	readonly kind: 'heading' | 'html' | 'term';
	/** What it names: the heading's or the term's text; the id for HTML. */
	readonly text: string;
	/** The heading's level; 0 for the others. */
	readonly level: number;
}

/** The page's anchors in document order, headings and terms first, then HTML anchors. */
export function pageAnchors(page: PageSummary, site: SiteRules): PageAnchor[] {
	const anchors = usesStoredAnchors(site)
		? page.headings.map((heading): PageAnchor => ({ id: heading.anchor, span: heading.span, kind: 'heading', text: heading.text, level: heading.level }))
		: generatedAnchors(page, site);
	for (const html of page.htmlAnchors) {
		anchors.push({ id: html.id, span: html.span, kind: 'html', text: html.id, level: 0 });
	}
	return anchors;
}

/** The anchor a `#fragment` names on a page, if any (the first of equals: a heading before an HTML anchor). */
export function anchorForFragment(page: PageSummary, site: SiteRules, fragment: string): PageAnchor | undefined {
	return pageAnchors(page, site).find(anchor => anchor.id === fragment);
}

/** The defaults (GitHub ids, no attributes, no terms): the ids the scanner stored are the site's. */
function usesStoredAnchors(site: SiteRules): boolean {
	return site.headingIds === 'github' && site.generator !== 'hugo' && !site.headingAttributes && !site.definitionTermIds;
}

function generatedAnchors(page: PageSummary, site: SiteRules): PageAnchor[] {
	const hugo = site.generator === 'hugo';
	const ids = new HeadingIdFactory(headingIdFunction(site.headingIds, hugo));
	const anchors: PageAnchor[] = [];
	const terms = site.definitionTermIds ? page.definitionTerms : [];
	let t = 0;
	const termsBefore = (offset: number): void => {
		for (; t < terms.length && terms[t].span.start < offset; t++) {
			anchors.push({ id: ids.generate(terms[t].text, 'term'), span: terms[t].span, kind: 'term', text: terms[t].text, level: 0 });
		}
	};
	for (const heading of page.headings) {
		termsBefore(heading.span.start);
		let text = heading.idText || heading.text;
		if (site.headingAttributes && heading.attributes !== '') {
			const custom = attributeBlockId(heading.attributes);
			const shown = withoutAttributeBlock(heading.text, heading.attributes);
			if (custom !== undefined) {
				ids.put(custom);
				anchors.push({ id: custom, span: heading.span, kind: 'heading', text: shown, level: heading.level });
				continue;
			}
			text = withoutAttributeBlock(text, heading.attributes);
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
