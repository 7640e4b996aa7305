import type { QuickFixContext } from './quickFix';

/** What the line helpers read: the page's line starts, its text and its line break. */
export type PageLines = Pick<QuickFixContext, 'page' | 'text' | 'lineEnding'>;

/** One line of the page: where it starts, where its content ends (before the line break), where the next one starts. */
interface LineBounds {
	readonly start: number;
	readonly contentEnd: number;
	readonly next: number;
}

function lineCount(context: PageLines): number {
	return context.page.lineStarts.length;
}

export function lineBounds(context: PageLines, line: number): LineBounds {
	const { lineStarts } = context.page;
	const start = lineStarts[line];
	const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : context.text.length;
	let contentEnd = next;
	while (contentEnd > start && (context.text.charCodeAt(contentEnd - 1) === 10 || context.text.charCodeAt(contentEnd - 1) === 13)) {
		contentEnd--;
	}
	return { start, contentEnd, next };
}

/** A line holding nothing but spaces and tabs. */
export function isBlankLine(context: PageLines, line: number): boolean {
	const bounds = lineBounds(context, line);
	return /^[ \t]*$/.test(context.text.slice(bounds.start, bounds.contentEnd));
}

/** The last line that is not blank, -1 when every line is. */
export function lastNonBlankLine(context: PageLines): number {
	let line = lineCount(context) - 1;
	while (line >= 0 && isBlankLine(context, line)) {
		line--;
	}
	return line;
}

/**
 * The line break ending `line`, or the nearest line before it that has one,
 * or the document's: what text inserted there should use in a page whose
 * line endings are mixed.
 */
export function lineBreakNear(context: PageLines, line: number): string {
	for (let n = Math.min(line, lineCount(context) - 1); n >= 0; n--) {
		const bounds = lineBounds(context, n);
		if (bounds.next > bounds.contentEnd) {
			return context.text.slice(bounds.contentEnd, bounds.next);
		}
	}
	return context.lineEnding;
}
