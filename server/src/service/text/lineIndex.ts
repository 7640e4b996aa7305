import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '../parse/markdownTypes';

/** The empty range at the start of a page: where a link to a page without a heading takes you. */
export const PAGE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Offsets of the starts of a text's lines (16-bit for texts shorter than 64 Ki code units). */
export type LineStarts = Uint16Array | Uint32Array;

/**
 * Line starts of a text, as UTF-16 offsets. Line breaks are `\r\n`, `\n` and a
 * lone `\r`, as the LSP specification defines them.
 */
export function computeLineStarts(text: string): Uint32Array {
	if (!text.includes('\r')) {
		// Only `\n` breaks (most pages): found by `indexOf`, counted first so the array is made once.
		let count = 1;
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
			count++;
		}
		const starts = new Uint32Array(count);
		let line = 1;
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
			starts[line++] = i + 1;
		}
		return starts;
	}
	let count = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			count++;
		} else if (c === 13) {
			if (text.charCodeAt(i + 1) !== 10) {
				count++;
			}
		}
	}
	const starts = new Uint32Array(count);
	let line = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			starts[line++] = i + 1;
		} else if (c === 13) {
			if (text.charCodeAt(i + 1) === 10) {
				i++;
			}
			starts[line++] = i + 1;
		}
	}
	return starts;
}

/** Zero-based line containing `offset` (binary search). */
export function lineAt(lineStarts: LineStarts, offset: number): number {
	return lineIn(lineStarts, 0, offset);
}

/** `lineAt` over the line starts from index `first` of `numbers` to `after` (a stored page's header keeps them after its link spans, in a slab of several pages). */
function lineIn(numbers: LineStarts, first: number, offset: number, after = numbers.length): number {
	let low = first;
	let high = after - 1;
	while (low < high) {
		const mid = (low + high + 1) >>> 1;
		if (numbers[mid] <= offset) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	return low - first;
}

export function positionAt(lineStarts: LineStarts, offset: number): Position {
	const line = lineAt(lineStarts, offset);
	return { line, character: offset - lineStarts[line] };
}

/** Lines after a span's first that its end is looked for on one by one, before a binary search over the rest. */
const SPAN_END_STEPS = 4;

/**
 * The range of a span: its start's line by binary search, its end's from
 * there (most spans end on their first line or one of the next few, as a
 * references answer's tens of thousands of links do).
 */
export function spanToRange(lineStarts: LineStarts, span: Span): Range {
	return rangeInLines(lineStarts, 0, span.start, span.end);
}

/** Whether two ranges cover the same positions (the same object, or equal line and character at both ends). */
export function sameRange(a: Range, b: Range): boolean {
	return a === b || (a.start.line === b.start.line && a.start.character === b.start.character
		&& a.end.line === b.end.line && a.end.character === b.end.character);
}

/**
 * `spanToRange` of the span from `start` to `end`, over the line starts from
 * index `first` of `numbers` to `after`: a stored page's header keeps them
 * after its link spans (in a slab of several pages' numbers), and a
 * references answer turns tens of thousands of those spans into ranges
 * without a span object or a view of the array.
 */
export function rangeInLines(numbers: LineStarts, first: number, start: number, end: number, after = numbers.length): Range {
	const startLine = lineIn(numbers, first, start, after);
	const last = after - 1 - first;
	let endLine = startLine;
	for (let step = 0; endLine < last && numbers[first + endLine + 1] <= end; step++) {
		if (step === SPAN_END_STEPS) {
			endLine = lineIn(numbers, first, end, after);
			break;
		}
		endLine++;
	}
	return {
		start: { line: startLine, character: start - numbers[first + startLine] },
		end: { line: endLine, character: end - numbers[first + endLine] },
	};
}

/**
 * The offset of an LSP position, clamped to the text: a line past the end maps
 * to the end, a character past the end of its line to the line's end (before
 * its line break), as the LSP specification asks.
 */
export function offsetAt(lineStarts: LineStarts, text: string, position: Position): number {
	if (position.line < 0) {
		return 0;
	}
	if (position.line >= lineStarts.length) {
		return text.length;
	}
	const lineStart = lineStarts[position.line];
	let lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
	while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) {
		lineEnd--;
	}
	return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

export function spanContains(span: Span, offset: number): boolean {
	return offset >= span.start && offset <= span.end;
}
