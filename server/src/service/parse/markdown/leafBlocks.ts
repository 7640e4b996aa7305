/**
 * The leaf blocks of the block pass: paragraphs (with the link reference
 * definitions at their start), ATX and setext headings, fenced and indented
 * code, HTML blocks and thematic breaks. It sees each line after its
 * container prefixes (blockScanner.ts handles those) and collects the
 * inline regions: paragraph and heading content.
 */

import type { LinkDefinition } from '../markdownTypes';
import { Code } from './characters';
import { fenceOpen, isClosingFence } from './codeFenced';
import { type DefinitionTable, countLeadingWs, parseDefinition } from './definition';
import { atxHeadingLevel, atxHeadingRegion } from './headingAtx';
import { HtmlKind, htmlBlockStart, htmlFlowEndsOnLine } from './htmlFlow';
import { LineCursor } from './lineCursor';
import { type ParaLine, type Region, buildContent, toTextOffset } from './region';
import { isSetextUnderline } from './setextUnderline';
import { ThematicBreaks } from './thematicBreak';

export const enum Leaf {
	None,
	Paragraph,
	Fenced,
	Indented,
	Html,
}

interface PendingHeading {
	level: number;
	start: number;
	end: number;
}

export class LeafScanner extends LineCursor {
	protected leaf = Leaf.None;
	private paraLines: ParaLine[] = [];
	private fenceChar = 0;
	private fenceLength = 0;
	protected htmlKind: HtmlKind = HtmlKind.Basic;
	protected readonly thematicBreaks = new ThematicBreaks();

	readonly regions: Region[] = [];
	readonly headings: PendingHeading[] = [];
	readonly definitions: DefinitionTable = { list: [], byLabel: new Map<string, LinkDefinition>() };
	/**
	 * Fenced and indented code blocks and HTML blocks, in document order, as
	 * pairs of offsets: where the first line's content starts, and where the
	 * last line ends (before its line ending).
	 */
	readonly codeBlocks: number[] = [];
	/** The HTML blocks other than comments: where each one's pair is in `codeBlocks`. */
	readonly htmlBlocks: number[] = [];

	/** Starts a code block (or HTML block) at `start` on the current line. */
	protected startCodeBlock(start: number): void {
		this.codeBlocks.push(start, this.lineEnd);
	}

	/** The current code block (or HTML block) goes on to `end`. */
	protected extendCodeBlock(end: number): void {
		this.codeBlocks[this.codeBlocks.length - 1] = end;
	}

	/** A fence or an HTML block of kinds 1-5: they run until an explicit end. */
	protected rawLeafOpen(): boolean {
		return this.leaf === Leaf.Fenced || (this.leaf === Leaf.Html && this.htmlKind <= HtmlKind.Cdata);
	}

	protected isThematicBreak(p: number): boolean {
		return this.thematicBreaks.isThematicBreak(this.text, p, this.lineStart, this.lineEnd);
	}

	protected htmlBlockStart(p: number, interrupt: boolean): number {
		return htmlBlockStart(this.text, p, this.lineEnd, interrupt);
	}

	/** A lazy line: would it be paragraph continuation text? */
	protected isLazyContinuation(): boolean {
		const indent = this.measureIndent();
		if (this.nwPos >= this.lineEnd) {
			return false;
		}
		if (indent >= 4) {
			return true;
		}
		return !this.interruptsParagraph(this.nwPos);
	}

	/** Whether a leaf block that can interrupt a paragraph starts at `p`. */
	private interruptsParagraph(p: number): boolean {
		const c = this.text.charCodeAt(p);
		if (c === Code.HASH) {
			return atxHeadingLevel(this.text, p, this.lineEnd) > 0;
		}
		if (c === Code.BACKTICK || c === Code.TILDE) {
			return fenceOpen(this.text, p, this.lineEnd) > 0;
		}
		if (c === Code.LT) {
			return this.htmlBlockStart(p, false) > 0;
		}
		if (c === Code.STAR || c === Code.DASH || c === Code.UNDERSCORE) {
			return this.isThematicBreak(p);
		}
		return false;
	}

	/** The current line (after its container prefixes) for the leaf blocks. Never a lazy line. */
	protected processLeafLine(): void {
		if (this.leaf === Leaf.Fenced) {
			this.continueFencedCode();
			return;
		}
		if (this.leaf === Leaf.Html) {
			this.continueHtml(false);
			return;
		}
		const indent = this.measureIndent();
		const p = this.nwPos;
		if (p >= this.lineEnd) {
			// Blank line.
			if (this.leaf === Leaf.Paragraph) {
				this.closeLeaf();
			}
			return;
		}
		this.markSignificant();
		if (indent >= 4) {
			if (this.leaf === Leaf.Paragraph) {
				this.addParagraphLine();
			} else {
				this.indentedCodeLine(p);
			}
			return;
		}
		if (this.startsLeafAt(p)) {
			return;
		}
		if (this.leaf === Leaf.Paragraph) {
			this.addParagraphLine();
			return;
		}
		this.closeLeaf();
		this.leaf = Leaf.Paragraph;
		this.paraLines = [{ start: p, end: this.lineEnd }];
	}

	/** A line of indented code (its content at `p`), which may start the block. */
	private indentedCodeLine(p: number): void {
		if (this.leaf === Leaf.Indented) {
			// Blank lines in between belong to the block only when more code follows.
			this.extendCodeBlock(this.lineEnd);
		} else {
			this.startCodeBlock(p);
			this.leaf = Leaf.Indented;
		}
	}

	private continueFencedCode(): void {
		this.extendCodeBlock(this.lineEnd);
		const indent = this.measureIndent();
		if (indent < 4 && this.nwPos < this.lineEnd && isClosingFence(this.text, this.nwPos, this.lineEnd, this.fenceChar, this.fenceLength)) {
			this.leaf = Leaf.None;
		}
		// Blank lines too belong to the code.
		this.markSignificant();
	}

	/**
	 * A heading, code fence, HTML block, setext underline or thematic break
	 * at `p` (the first non-whitespace, indented less than 4 columns):
	 * handles it and returns true, else false.
	 */
	private startsLeafAt(p: number): boolean {
		const c = this.text.charCodeAt(p);
		if (c === Code.HASH) {
			if (this.startAtxHeading(p)) {
				return true;
			}
		} else if (c === Code.BACKTICK || c === Code.TILDE) {
			if (this.startFencedCode(p, c)) {
				return true;
			}
		} else if (c === Code.LT) {
			if (this.startHtml(p)) {
				return true;
			}
		} else if ((c === Code.EQUALS || c === Code.DASH) && this.leaf === Leaf.Paragraph) {
			if (isSetextUnderline(this.text, p, this.lineEnd) && this.setextHeading(c === Code.EQUALS ? 1 : 2)) {
				return true;
			}
		}
		if ((c === Code.STAR || c === Code.DASH || c === Code.UNDERSCORE) && this.isThematicBreak(p)) {
			this.closeLeaf();
			return true;
		}
		return false;
	}

	private startAtxHeading(p: number): boolean {
		const level = atxHeadingLevel(this.text, p, this.lineEnd);
		if (level === 0) {
			return false;
		}
		this.closeLeaf();
		const index = this.headings.length;
		this.headings.push({ level, start: p, end: this.lineEnd });
		const region = atxHeadingRegion(this.text, p, level, this.lineEnd, index);
		if (region !== undefined) {
			this.regions.push(region);
		}
		return true;
	}

	private startFencedCode(p: number, marker: number): boolean {
		const length = fenceOpen(this.text, p, this.lineEnd);
		if (length === 0) {
			return false;
		}
		this.closeLeaf();
		this.startCodeBlock(p);
		this.leaf = Leaf.Fenced;
		this.fenceChar = marker;
		this.fenceLength = length;
		return true;
	}

	private startHtml(p: number): boolean {
		const kind = this.htmlBlockStart(p, this.leaf === Leaf.Paragraph);
		if (kind === 0) {
			return false;
		}
		this.closeLeaf();
		this.startCodeBlock(p);
		if (kind !== HtmlKind.Comment) {
			this.htmlBlocks.push(this.codeBlocks.length - 2);
		}
		this.leaf = Leaf.Html;
		this.htmlKind = kind;
		// The end condition may hold on the start line itself.
		this.pos = p;
		this.col = this.nwCol;
		this.partial = 0;
		this.continueHtml(true);
		return true;
	}

	protected addParagraphLine(): void {
		this.measureIndent();
		this.paraLines.push({ start: this.nwPos, end: this.lineEnd });
		this.markSignificant();
	}

	protected closeLeaf(): void {
		if (this.leaf === Leaf.Paragraph) {
			const region = this.paragraphRegion(-1, false);
			if (region !== undefined) {
				this.regions.push(region);
			}
			this.paraLines = [];
		}
		this.leaf = Leaf.None;
	}

	/**
	 * Turns the collected paragraph lines into a region, after taking the
	 * link reference definitions off its start. Returns undefined when
	 * nothing is left. The definitions found are recorded.
	 */
	private paragraphRegion(heading: number, trimEnd: boolean): Region | undefined {
		const text = this.text;
		const lines = this.paraLines;
		const first = text.charCodeAt(lines[0].start) === Code.LBRACKET ? this.linesOfDefinitions() : 0;
		if (first >= lines.length) {
			return undefined;
		}
		return buildContent(text, lines, first, lines.length, trimEnd, heading);
	}

	/** Parses the definitions that open the paragraph; returns how many of its lines they take. */
	private linesOfDefinitions(): number {
		const lines = this.paraLines;
		const built = buildContent(this.text, lines, 0, lines.length);
		let offset = 0;
		for (;;) {
			const after = parseDefinition(built, offset, this.definitions);
			if (after < 0) {
				break;
			}
			offset = after;
			// `after` is at a line start in the content (or the end).
			if (offset >= built.content.length) {
				return lines.length;
			}
			if (built.content.charCodeAt(offset + countLeadingWs(built.content, offset)) !== Code.LBRACKET) {
				break;
			}
		}
		let first = 0;
		if (offset > 0) {
			const textOffset = toTextOffset(built, offset);
			while (first < lines.length && lines[first].end < textOffset) {
				first++;
			}
		}
		return first;
	}

	/** Turns the open paragraph into a setext heading; false when it held only definitions. */
	private setextHeading(level: number): boolean {
		const index = this.headings.length;
		const region = this.paragraphRegion(index, true);
		if (region === undefined) {
			// Only definitions (already recorded): the paragraph is gone.
			this.paraLines = [];
			this.leaf = Leaf.None;
			return false;
		}
		const end = this.lineEnd;
		// Like micromark, the heading starts with the paragraph, definitions included.
		const start = this.paraLines[0].start;
		this.headings.push({ level, start, end });
		this.regions.push(region);
		this.paraLines = [];
		this.leaf = Leaf.None;
		return true;
	}

	/**
	 * Feeds the current line to the open HTML block: ends it when the end
	 * condition is met on this line (or, for kinds 6 and 7, at a blank line).
	 */
	private continueHtml(first: boolean): void {
		const kind = this.htmlKind;
		const end = this.lineEnd;
		if (kind === HtmlKind.Basic || kind === HtmlKind.Complete) {
			this.measureIndent();
			if (!first && this.nwPos >= end) {
				this.leaf = Leaf.None;
				return;
			}
			this.extendCodeBlock(end);
			this.markSignificant();
			return;
		}
		this.extendCodeBlock(end);
		this.markSignificant();
		if (htmlFlowEndsOnLine(this.text, kind, this.pos, end, first)) {
			this.leaf = Leaf.None;
		}
	}
}
