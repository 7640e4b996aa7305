/**
 * Inline regions: the content of a paragraph or heading handed from the
 * block pass to the inline pass, with the mapping of its offsets back to the
 * text.
 */

import { Code, isSpaceOrTab } from './characters';

export interface Region {
	/** The content: one slice of the text, or line segments joined with their line endings. */
	readonly content: string;
	/** Offset in the text of content[0] when there is a single segment. */
	readonly base: number;
	/** For joined segments: start of each segment in content, and in the text. */
	readonly segContent: number[] | undefined;
	readonly segText: number[] | undefined;
	/** Index into the heading list, or -1 for a paragraph. */
	readonly heading: number;
}

export function toTextOffset(region: Region, p: number): number {
	const segContent = region.segContent;
	if (segContent === undefined) {
		return region.base + p;
	}
	const segText = region.segText!;
	let lo = 0;
	let hi = segContent.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (segContent[mid] <= p) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	return segText[lo] + (p - segContent[lo]);
}

/** One line of a paragraph being collected. */
export interface ParaLine {
	/** Content start (after container prefixes and leading whitespace). */
	start: number;
	/** Content end (before the line ending). */
	end: number;
}

// ---------------------------------------------------------------------------

/**
 * Builds the content of lines[from..to): one slice of the text when the
 * lines are only separated by line endings and whitespace, else the line
 * contents joined with their line endings.
 */
export function buildContent(text: string, lines: ParaLine[], from: number, to: number, trimEnd = false, heading = -1): Region {
	const first = lines[from];
	let last = lines[to - 1].end;
	if (trimEnd) {
		while (last > lines[to - 1].start && isSpaceOrTab(text.charCodeAt(last - 1))) {
			last--;
		}
	}
	let contiguous = true;
	for (let i = from + 1; i < to && contiguous; i++) {
		const prevEnd = lines[i - 1].end;
		const start = lines[i].start;
		for (let k = prevEnd; k < start; k++) {
			const c = text.charCodeAt(k);
			if (c !== Code.LF && c !== Code.CR && c !== Code.SPACE && c !== Code.TAB) {
				contiguous = false;
				break;
			}
		}
	}
	if (contiguous) {
		return { content: text.slice(first.start, last), base: first.start, segContent: undefined, segText: undefined, heading };
	}
	const segContent: number[] = [];
	const segText: number[] = [];
	let content = '';
	for (let i = from; i < to; i++) {
		if (i > from) {
			// The previous line's own line ending.
			const eol = lines[i - 1].end;
			content += text.charCodeAt(eol) === Code.CR ? (text.charCodeAt(eol + 1) === Code.LF ? '\r\n' : '\r') : '\n';
		}
		segContent.push(content.length);
		segText.push(lines[i].start);
		content += text.slice(lines[i].start, i === to - 1 ? last : lines[i].end);
	}
	return { content, base: first.start, segContent, segText, heading };
}
