import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PageSummary } from '../parse/pageSummary';
import { lineAt } from '../text/lineIndex';
import { footnoteBlock } from './footnoteBlock';
import type { PageContext } from './pageContext';

/** Whether line `line` of the page holds nothing but spaces and tabs. */
function isBlankLine(page: PageSummary, text: string, line: number): boolean {
	const end = line + 1 < page.lineStarts.length ? page.lineStarts[line + 1] : text.length;
	return /^[ \t\r\n]*$/.test(text.slice(page.lineStarts[line], end));
}

/**
 * Folding ranges: the frontmatter block (a comment: it is metadata), each
 * heading's section (a region: from the heading to the line before the next
 * heading of the same or a higher level, blank lines at its end left out),
 * and the footnote block at the end of the page (a comment). Ranges of one
 * line are left out.
 */
export function provideFoldingRanges({ page, text }: PageContext): FoldingRange[] {
	if (text.length !== page.textLength) {
		return []; // the summary is of another version of the text
	}
	const ranges: FoldingRange[] = [];
	const add = (startLine: number, endLine: number, kind: FoldingRangeKind): void => {
		if (endLine > startLine) {
			ranges.push({ startLine, endLine, kind });
		}
	};
	const lastLine = page.lineStarts.length - 1;
	if (page.frontmatter.present) {
		const { start, end } = page.frontmatter.span;
		add(lineAt(page.lineStarts, start), lineAt(page.lineStarts, Math.max(start, end - 1)), FoldingRangeKind.Comment);
	}
	// The headings whose section is still open, each deeper than the one below it; a heading closes those at its level or deeper.
	const open: { readonly level: number; readonly startLine: number }[] = [];
	const closeSections = (level: number, lastLineOfSection: number): void => {
		while (open.length > 0 && open[open.length - 1].level >= level) {
			const { startLine } = open.pop()!;
			let endLine = lastLineOfSection;
			while (endLine > startLine && isBlankLine(page, text, endLine)) {
				endLine--;
			}
			add(startLine, endLine, FoldingRangeKind.Region);
		}
	};
	for (const heading of page.headings) {
		const startLine = lineAt(page.lineStarts, heading.span.start);
		closeSections(heading.level, startLine - 1);
		open.push({ level: heading.level, startLine });
	}
	closeSections(0, lastLine);
	const block = footnoteBlock(page, text);
	if (block.length > 0) {
		add(lineAt(page.lineStarts, block[0].span.start), lineAt(page.lineStarts, block[block.length - 1].span.end), FoldingRangeKind.Comment);
	}
	return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
