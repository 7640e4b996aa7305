import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { positionAt, spanToRange } from '../text/lineIndex';
import type { PageContext } from './pageContext';

/**
 * The outline of a page: the frontmatter (with its fields) when present,
 * then the headings nested by level. A heading's range runs to the end of
 * its section: up to the start of the next heading of the same or a higher
 * level (end exclusive), or the end of the page.
 */
export function provideDocumentSymbols({ page }: PageContext): DocumentSymbol[] {
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
