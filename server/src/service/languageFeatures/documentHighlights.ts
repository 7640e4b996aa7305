import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { Span } from '../parse/markdownTypes';
import type { PageLink } from '../parse/pageSummary';
import { spanToRange } from '../text/lineIndex';
import { elementAtPosition } from './elementAtPosition';
import type { PageContext } from './pageContext';

/** What makes two links of a page "the same target": the page URL, else the destination as written. */
function targetKey(link: PageLink): string {
	return link.target.kind === 'page' ? `page ${link.target.url}` : `destination ${link.destination.trim()}`;
}

/**
 * Document highlights:
 * - on a link: every link of the page to the same target (the same page,
 *   whatever the spelling or `#fragment`; for a link that names no page, the
 *   same destination), read accesses;
 * - on a footnote reference or definition marker: its references (read) and
 *   its definitions (write).
 * Answered from the page's summary alone.
 */
export function provideDocumentHighlights({ page, text }: PageContext, position: Position): DocumentHighlight[] {
	if (text.length !== page.textLength) {
		return []; // the summary is of another version of the text
	}
	const element = elementAtPosition(page, text, position);
	if (!element) {
		return [];
	}
	const highlight = (span: Span, kind: DocumentHighlightKind): DocumentHighlight => ({ range: spanToRange(page.lineStarts, span), kind });
	if (element.kind === 'link') {
		const key = targetKey(element.link);
		const seen = new Set<number>();
		const result: DocumentHighlight[] = [];
		for (const link of page.links) {
			// Reference links sharing one definition are one link each; a span is highlighted once.
			if (targetKey(link) === key && !seen.has(link.span.start)) {
				seen.add(link.span.start);
				result.push(highlight(link.span, DocumentHighlightKind.Read));
			}
		}
		return result;
	}
	const label = element.kind === 'footnoteReference' ? element.reference.label : element.definition.label;
	return [
		...page.footnoteReferences.filter(reference => reference.label === label).map(reference => highlight(reference.span, DocumentHighlightKind.Read)),
		...page.footnoteDefinitions.filter(definition => definition.label === label).map(definition => highlight(definition.markerSpan, DocumentHighlightKind.Write)),
	];
}
