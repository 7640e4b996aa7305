import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { positionAt, spanToRange } from '../text/lineIndex';
import type { PageSummary } from '../parse/pageSummary';
import { footnoteDefinitionText } from './elementAtPosition';
import { shorten } from './entityCard';
import type { PageContext } from './pageContext';

export interface DocumentSymbolOptions {
	/**
	 * Whether the outline lists the headings. An editor whose own markdown
	 * support already outlines them (VS Code) asks for the rest only, so no
	 * heading shows twice.
	 */
	readonly headings: boolean;
}

/** How much of a footnote's text its outline entry shows. */
const FOOTNOTE_DETAIL_LENGTH = 60;

/**
 * The outline of a page: the frontmatter (with its fields) when present,
 * then the headings nested by level, then the footnote definitions. A
 * heading's range runs to the end of its section: up to the start of the
 * next heading of the same or a higher level (end exclusive), or the end of
 * the page.
 */
export function provideDocumentSymbols({ page, text }: PageContext, options: DocumentSymbolOptions = { headings: true }): DocumentSymbol[] {
	const symbols: DocumentSymbol[] = [];
	const frontmatter = page.frontmatter;
	if (frontmatter.present) {
		const range = spanToRange(page.lineStarts, frontmatter.span);
		symbols.push({
			name: 'Frontmatter',
			kind: SymbolKind.Namespace,
			range,
			selectionRange: spanToRange(page.lineStarts, { start: frontmatter.span.start, end: Math.min(frontmatter.span.end, frontmatter.span.start + 3) }),
			children: frontmatter.fields.map((field): DocumentSymbol => ({
				name: field.key,
				kind: SymbolKind.Property,
				range: spanToRange(page.lineStarts, { start: field.keySpan.start, end: Math.max(field.keySpan.end, field.valueSpan.end) }),
				selectionRange: spanToRange(page.lineStarts, field.keySpan),
			})),
		});
	}

	if (options.headings) {
		symbols.push(...headingSymbols(page));
	}
	const footnotes = page.footnoteDefinitions;
	if (footnotes.length > 0) {
		const children = footnotes.map((definition): DocumentSymbol => ({
			name: `[^${definition.rawLabel}]`,
			detail: shorten(footnoteDefinitionText(text, definition), FOOTNOTE_DETAIL_LENGTH),
			kind: SymbolKind.Key,
			range: spanToRange(page.lineStarts, definition.span),
			selectionRange: spanToRange(page.lineStarts, definition.markerSpan),
		}));
		symbols.push({
			name: 'Footnotes',
			kind: SymbolKind.Namespace,
			range: { start: children[0].range.start, end: children[children.length - 1].range.end },
			selectionRange: children[0].selectionRange,
			children,
		});
	}
	return symbols;
}

/** The headings, nested by level. */
function headingSymbols(page: PageSummary): DocumentSymbol[] {
	const symbols: DocumentSymbol[] = [];
	const headings = page.headings;
	const stack: { level: number; symbol: DocumentSymbol }[] = [];
	for (let i = 0; i < headings.length; i++) {
		const heading = headings[i];
		let sectionEnd = page.textLength;
		for (let j = i + 1; j < headings.length; j++) {
			if (headings[j].level <= heading.level) {
				sectionEnd = headings[j].span.start;
				break;
			}
		}
		const symbol: DocumentSymbol = {
			name: heading.text.trim() || '(empty heading)',
			detail: '#'.repeat(heading.level),
			kind: SymbolKind.String,
			range: { start: positionAt(page.lineStarts, heading.span.start), end: positionAt(page.lineStarts, Math.max(sectionEnd, heading.span.end)) },
			selectionRange: spanToRange(page.lineStarts, heading.span),
			children: [],
		};
		while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) {
			stack.pop();
		}
		if (stack.length > 0) {
			stack[stack.length - 1].symbol.children!.push(symbol);
		} else {
			symbols.push(symbol);
		}
		stack.push({ level: heading.level, symbol });
	}
	return symbols;
}
