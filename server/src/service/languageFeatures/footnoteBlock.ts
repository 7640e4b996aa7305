import type { FootnoteDefinition } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';

function isBlank(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
			return false;
		}
	}
	return true;
}

/**
 * The footnote block of a page: its last definitions, in document order,
 * with nothing but blank space between them and after the last one (the
 * definitions "at the end"). Empty when the page does not end with one.
 */
export function footnoteBlock(page: PageSummary, text: string): readonly FootnoteDefinition[] {
	const definitions = page.footnoteDefinitions;
	let first = definitions.length;
	let after = text.length;
	while (first > 0 && isBlank(text, definitions[first - 1].span.end, after) && definitions[first - 1].span.end <= after) {
		first--;
		after = definitions[first].span.start;
	}
	return definitions.slice(first);
}
