import type { FootnoteDefinition } from './markdownTypes';

/**
 * What a footnote definition cites, to tell two definitions that cite the
 * same thing: its text after the `[^label]:` marker, an autolink's angle
 * brackets dropped (`<https://x>` is `https://x`), blanks collapsed, letter
 * case and a final full stop ignored. Empty for an empty definition.
 */
export function citationKey(text: string, definition: FootnoteDefinition): string {
	const written = text.slice(definition.markerSpan.end, definition.span.end);
	return (written.includes('<') ? written.replace(/<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>/g, '$1') : written)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[.\s]+$/, '')
		.toLowerCase();
}
