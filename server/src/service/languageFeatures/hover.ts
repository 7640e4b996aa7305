import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import { spanToRange } from '../text/lineIndex';
import { anchorsNear } from '../search/anchorsNear';
import { anchorForFragment, anchorIdList, hasAnchorId, type PageAnchor } from '../vault/pageAnchors';
import type { SiteRules } from '../vault/siteRules';
import type { VaultIndex } from '../vault/vaultIndex';
import { candidatePathsForUrl, sectionListOfUrl } from '../vault/vaultPaths';
import { urlExists } from './diagnostics';
import { codeSpan, entityCardMarkdown, escapeMarkdown, plural } from './entityCard';
import { elementAtOffset, footnoteDefinitionText, pageOffsetAt, type ElementAtPosition } from './elementAtPosition';
import type { PageContext } from './pageContext';

/** The link target of a vault-relative page path in hover markdown (the transport gives its file URI). */
export type PageLinkTarget = (path: string) => string;

/** How many similar pages a broken-link hover suggests. */
const SUGGESTIONS = 5;
/** How many headings a missing-anchor hover lists. */
const LISTED_HEADINGS = 8;

/**
 * Hover:
 * - on an entity link: the target's entity card (range: the whole link);
 * - on its `#fragment`: the heading it names, or that none has that anchor;
 * - on a broken link: where it looked and the closest existing pages, linked through `pageLink`;
 * - on a link leaving the vault: why it is refused;
 * - on a footnote reference: the footnote's text, read from `text`.
 */
export function provideHover({ index, page, text: body, site }: PageContext, position: Position, pageLink: PageLinkTarget = path => path): Hover | undefined {
	const element = elementAtOffset(page, body, pageOffsetAt(page, body, position));
	if (!element) {
		return undefined;
	}
	switch (element.kind) {
		case 'footnoteReference':
			return hover(page, element.reference.span, footnoteHover(page, body, element.reference.label, element.reference.rawLabel));
		case 'footnoteDefinition': {
			const uses = page.footnoteReferences.filter(reference => reference.label === element.definition.label).length;
			return hover(page, element.definition.markerSpan,
				`Footnote ${codeSpan(`[^${element.definition.rawLabel}]`)}: ${uses === 0 ? 'not referenced on this page' : `referenced ${plural(uses, 'time', 'times')} on this page`}.`);
		}
		case 'link':
			return linkHover(index, page, element, pageLink, site);
	}
}

function hover(page: PageSummary, span: Span, markdown: string): Hover {
	return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: spanToRange(page.lineStarts, span) };
}

function footnoteHover(page: PageSummary, text: string, label: string, rawLabel: string): string {
	const definitions = page.footnoteDefinitions.filter(definition => definition.label === label);
	const name = codeSpan(`[^${rawLabel}]`);
	if (definitions.length === 0) {
		return `Footnote ${name} has no definition on this page: add a line \`[^${rawLabel}]: …\`.`;
	}
	const content = footnoteDefinitionText(text, definitions[0]);
	const note = definitions.length > 1 ? `\n\n*Defined ${definitions.length} times; the first definition counts.*` : '';
	return `**Footnote ${escapeMarkdown(`[^${rawLabel}]`)}**\n\n${content === '' ? '*(empty)*' : content}${note}`;
}

function linkHover(index: VaultIndex, page: PageSummary, element: Extract<ElementAtPosition, { kind: 'link' }>, pageLink: PageLinkTarget, site: SiteRules): Hover | undefined {
	const { link } = element;
	const target = link.target;
	if (target.kind === 'outside') {
		return hover(page, element.span,
			`**Link leaves the vault**: ${escapeMarkdown(target.reason)}.\n\nNothing outside the vault root is read, so ${codeSpan(link.destination)} cannot be followed.`);
	}
	if (target.kind !== 'page') {
		return undefined;
	}
	const targetPage = index.pageForUrl(target.url);
	if (!targetPage) {
		const section = sectionListOfUrl(target.url);
		if (section !== undefined && urlExists(index, target.url)) {
			return hover(page, element.span,
				`**Section ${codeSpan(section)}**  \n${plural(index.sectionPaths(section).size, 'page', 'pages')}; the site generator makes its list page.`);
		}
		return hover(page, element.span, brokenLinkMarkdown(index, target.url, pageLink));
	}
	const fragmentOnly = element.fragmentSpan !== undefined && element.fragmentSpan.start === link.destinationSpan.start;
	if (target.fragment && element.fragmentSpan && (element.part === 'fragment' || fragmentOnly)) {
		return hover(page, element.part === 'fragment' ? element.fragmentSpan : element.span, fragmentMarkdown(index, targetPage, site, target.fragment, targetPage.path === page.path));
	}
	let card = entityCardMarkdown(index, targetPage);
	if (target.fragment) {
		// A missing anchor is told from the ids kept per page version, without decoding the target page.
		const anchor = hasAnchorId(targetPage, site, index, index.anchorIds, target.fragment) ? anchorForFragment(targetPage, site, target.fragment, index) : undefined;
		card += anchor
			? `\n\n→ ${anchor.kind === 'heading' ? 'Section' : anchor.kind === 'term' ? 'Term' : 'Anchor'} **${escapeMarkdown(anchor.text)}**`
			: `\n\n⚠ No heading ${codeSpan(`#${target.fragment}`)} on this page.`;
	}
	return hover(page, element.span, card);
}

/**
 * A broken link's hover: what its diagnostic does not say (the diagnostic, shown above it,
 * names the URL and the closest URLs): where it looked, and the closest pages as links to their files.
 */
function brokenLinkMarkdown(index: VaultIndex, url: string, pageLink: PageLinkTarget): string {
	const lines = [`Looked for ${candidatePathsForUrl(url).map(path => codeSpan(path)).join(', ')}: none exists.`];
	const suggestions = index.search.closestPages(url, SUGGESTIONS).flatMap(suggestion => {
		const suggested = index.pageForUrl(suggestion.url);
		return suggested ? [`- [${escapeMarkdown(suggestion.title)}](<${pageLink(suggested.path)}>) ${codeSpan(suggestion.url)}`] : [];
	});
	lines.push(suggestions.length > 0 ? `Closest pages:\n${suggestions.join('\n')}` : 'No similar page in the vault.');
	return lines.join('\n\n');
}

function fragmentMarkdown(index: VaultIndex, targetPage: PageSummary, site: SiteRules, fragment: string, samePage: boolean): string {
	const where = samePage ? 'this page' : `**${escapeMarkdown(targetPage.title)}**`;
	const found = hasAnchorId(targetPage, site, index, index.anchorIds, fragment) ? anchorForFragment(targetPage, site, fragment, index) : undefined;
	if (found) {
		const included = found.path === undefined ? '' : ` (included from ${codeSpan(found.path)})`;
		return `${anchorDescription(found)} in ${where}${included}  \n${codeSpan(`#${fragment}`)}`;
	}
	const lines = [`**Missing heading**: no heading ${codeSpan(`#${fragment}`)} in ${where}.`];
	const anchors = anchorIdList(targetPage, site, index, index.anchorIds);
	if (anchors.length === 0) {
		lines.push('The page has no headings.');
		return lines.join('\n\n');
	}
	// The nearest, the first heading of the page among equals.
	const closest = anchorsNear(fragment, anchors).reduce<{ anchor: string; distance: number } | undefined>(
		(best, candidate) => (best === undefined || candidate.distance < best.distance ? candidate : best), undefined);
	if (closest !== undefined) {
		lines.push(`Did you mean ${codeSpan(`#${closest.anchor}`)}?`);
	}
	const listed = anchors.slice(0, LISTED_HEADINGS).map(anchor => codeSpan(`#${anchor}`)).join(', ');
	lines.push(`Headings: ${listed}${anchors.length > LISTED_HEADINGS ? ', …' : ''}`);
	return lines.join('\n\n');
}

function anchorDescription(anchor: PageAnchor): string {
	switch (anchor.kind) {
		case 'heading':
			return `Heading **${escapeMarkdown(anchor.text)}** (level ${anchor.level})`;
		case 'term':
			return `Definition term **${escapeMarkdown(anchor.text)}**`;
		case 'html':
			return `HTML anchor ${codeSpan(`id="${anchor.id}"`)}`;
	}
}
