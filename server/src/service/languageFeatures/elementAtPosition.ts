import type { Position } from 'vscode-languageserver-types';
import type { FootnoteDefinition, FootnoteReference, Span } from '../parse/markdownTypes';
import type { PageLink, PageSummary } from '../parse/pageSummary';
import { offsetAt } from '../text/lineIndex';

/**
 * What the cursor is on, for the features that answer about one element
 * (definition, hover, references). Found from the page summary alone; the
 * text is only read to split a destination at its `#`.
 */
export type ElementAtPosition =
	| {
		readonly kind: 'link';
		readonly link: PageLink;
		/** `fragment`: on the `#…` part of the destination; `destination`: on the rest of it; `text`: elsewhere in the link. */
		readonly part: 'text' | 'destination' | 'fragment';
		/** The `#fragment` of the destination as written (from `#` to the end of the destination), if it has one. */
		readonly fragmentSpan: Span | undefined;
		/** The link's span when the cursor is in it, else the destination span (a reference link's definition). */
		readonly span: Span;
	}
	| { readonly kind: 'footnoteReference'; readonly reference: FootnoteReference }
	| { readonly kind: 'footnoteDefinition'; readonly definition: FootnoteDefinition };

/** The offset of `position` in the page (whose text is `text`, without BOM). */
export function pageOffsetAt(page: PageSummary, text: string, position: Position): number {
	return offsetAt(page.lineStarts, text, position);
}

/**
 * The item whose span holds `offset`: one that has the character at `offset`
 * first, else one that ends right at `offset` (the cursor just after it).
 * Among several, the innermost (shortest) wins.
 */
function itemAt<T>(items: readonly T[], spanOf: (item: T) => Span, offset: number): T | undefined {
	let best: T | undefined;
	let bestLength = Infinity;
	let bestStrict = false;
	for (const item of items) {
		const span = spanOf(item);
		if (offset < span.start || offset > span.end) {
			continue;
		}
		const strict = offset < span.end;
		const length = span.end - span.start;
		if ((strict && !bestStrict) || (strict === bestStrict && length < bestLength)) {
			best = item;
			bestLength = length;
			bestStrict = strict;
		}
	}
	return best;
}

/** The `#fragment` part of a link's destination as written in `text`, if any. */
function fragmentSpanOf(link: PageLink, text: string): Span | undefined {
	const { start, end } = link.destinationSpan;
	const hash = text.slice(start, end).indexOf('#');
	return hash >= 0 ? { start: start + hash, end } : undefined;
}

/** The link, footnote reference or footnote definition marker at `offset`. */
export function elementAtOffset(page: PageSummary, text: string, offset: number): ElementAtPosition | undefined {
	const onDestination = itemAt(page.links, link => link.destinationSpan, offset);
	if (onDestination) {
		const fragmentSpan = fragmentSpanOf(onDestination, text);
		const inLink = offset >= onDestination.span.start && offset <= onDestination.span.end;
		return {
			kind: 'link',
			link: onDestination,
			part: fragmentSpan && offset >= fragmentSpan.start ? 'fragment' : 'destination',
			fragmentSpan,
			span: inLink ? onDestination.span : onDestination.destinationSpan,
		};
	}
	const reference = itemAt(page.footnoteReferences, item => item.span, offset);
	const link = itemAt(page.links, item => item.span, offset);
	// A footnote call inside a link's text is the more specific element.
	if (reference && (!link || (reference.span.start >= link.span.start && reference.span.end <= link.span.end))) {
		return { kind: 'footnoteReference', reference };
	}
	if (link) {
		return { kind: 'link', link, part: 'text', fragmentSpan: fragmentSpanOf(link, text), span: link.span };
	}
	const definition = itemAt(page.footnoteDefinitions, item => item.markerSpan, offset);
	if (definition) {
		return { kind: 'footnoteDefinition', definition };
	}
	return undefined;
}

/** The element at an LSP position of the page's current text (without BOM). */
export function elementAtPosition(page: PageSummary, text: string, position: Position): ElementAtPosition | undefined {
	return elementAtOffset(page, text, pageOffsetAt(page, text, position));
}

/** The first definition of a footnote label on the page (GFM uses the first). */
export function firstFootnoteDefinition(page: PageSummary, label: string): FootnoteDefinition | undefined {
	return page.footnoteDefinitions.find(definition => definition.label === label);
}

/**
 * The text of a footnote definition without its `[^label]:` marker, with
 * continuation lines un-indented (up to four spaces or one tab), trimmed.
 */
export function footnoteDefinitionText(text: string, definition: FootnoteDefinition): string {
	const body = text.slice(definition.markerSpan.end, definition.span.end);
	return body
		.split(/\r\n|\r|\n/)
		.map((line, index) => index === 0 ? line.trim() : line.replace(/^(?: {1,4}|\t)/, '').trimEnd())
		.join('\n')
		.trim();
}
