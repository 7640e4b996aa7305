/**
 * The block pass over the lines: the containers (block quotes, list items,
 * GFM footnote definitions), continued, opened and closed line by line the
 * way micromark's document tokenizer does, and where they end. Each line,
 * after its container prefixes, goes to the leaf blocks (leafBlocks.ts).
 */

import { Code, isSpaceOrTab } from './characters';
import { footnoteDefinitionStart } from './gfmFootnote';
import { HtmlKind } from './htmlFlow';
import { normalizeMarkdownLabel } from './label';
import { Leaf, LeafScanner } from './leafBlocks';
import { type ListMarker, isOrderedMarker, listMarkerEnd } from './list';

const enum ContainerKind {
	BlockQuote,
	ListItem,
	Footnote,
}

interface Container extends ListMarker {
	kind: ContainerKind;
	// list item (and ListMarker)
	size: number;
	initialBlank: boolean;
	furtherBlank: boolean;
	// footnote definition
	footnoteIndex: number;
}

function newContainer(kind: ContainerKind): Container {
	return { kind, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, footnoteIndex: -1 };
}

/** How a line continues an open container. */
const enum Continuation {
	None,
	Continued,
	/** A footnote definition continued by its indentation (or directly inside one that was). */
	ByIndent,
	/** A sibling list item replaced the item (and is open now). */
	SiblingReplaced,
}

interface FootnoteDefDraft {
	label: string;
	rawLabel: string;
	start: number;
	markerEnd: number;
	end: number;
}

export class BlockScanner extends LeafScanner {
	private readonly containers: Container[] = [];

	readonly footnoteDrafts: FootnoteDefDraft[] = [];
	readonly footnoteLabels = new Set<string>();

	scan(bodyStart: number): void {
		const text = this.text;
		const length = this.length;
		let start = bodyStart;
		// Line ends found with indexOf (fast); a lone CR is rare.
		let nextLf = text.indexOf('\n', start);
		let nextCr = text.indexOf('\r', start);
		while (start < length) {
			if (nextLf >= 0 && nextLf < start) {
				nextLf = text.indexOf('\n', start);
			}
			if (nextCr >= 0 && nextCr < start) {
				nextCr = text.indexOf('\r', start);
			}
			let end = nextLf < 0 ? length : nextLf;
			if (nextCr >= 0 && nextCr < end) {
				end = nextCr;
			}
			let next = end;
			if (next < length) {
				next += text.charCodeAt(next) === Code.CR && text.charCodeAt(next + 1) === Code.LF ? 2 : 1;
			}
			this.startLine(start, end, next);
			this.processLine();
			// The line ending starts where the line ends.
			if (next > end && this.breakAfterSig < 0) {
				this.breakAfterSig = end;
			}
			start = next;
			if (next === end) {
				break;
			}
		}
		// An unclosed fence runs to the end of the document, blank lines
		// included, unless a block quote (which blank lines do not continue)
		// holds it.
		if (this.rawLeafOpen() && !this.containers.some((c) => c.kind === ContainerKind.BlockQuote)) {
			this.markSignificant();
		}
		if (this.leaf === Leaf.Fenced) {
			// An unclosed fence holds the rest of the document.
			this.extendCodeBlock(length);
		}
		this.closeLeaf();
		this.closeContainers(0, this.endAt(length));
	}

	private processLine(): void {
		// Where containers closed by this line before its prefixes end (lazy
		// lines, sibling list items).
		const endBeforeLine = this.breakAfterSig >= 0 ? this.breakAfterSig : this.lineStart;
		// 1. Continue the open containers.
		const matched = this.continueContainers(endBeforeLine);
		if (matched < 0) {
			// The new sibling item was opened by tryListItemStart.
			this.openNewContainers(false);
			this.processLeafLine();
			return;
		}
		const allMatched = matched === this.containers.length;
		if (allMatched && (this.leaf === Leaf.Fenced || this.leaf === Leaf.Html)) {
			this.processLeafLine();
			return;
		}
		// micromark: a new container "interrupts" while a multi-line flow
		// construct is in progress (a paragraph, or indented code, which stays
		// current across blank lines).
		const interrupt = allMatched && (this.leaf === Leaf.Paragraph || this.leaf === Leaf.Indented);
		// 2. New containers?
		if (this.startsContainer(interrupt)) {
			// An open fence ends at this line's start, before its prefixes.
			const exit = this.cursorOffset();
			const end = this.rawLeafOpen() ? exit : this.endAt(exit);
			this.closeLeaf();
			this.closeContainers(matched, end);
			this.openNewContainers(interrupt);
			this.processLeafLine();
			return;
		}
		if (!allMatched) {
			this.processLazyLine(matched, endBeforeLine);
			return;
		}
		this.processLeafLine();
	}

	/**
	 * Continues the open containers with the current line: returns how many
	 * it continues, or -1 when a sibling list item replaced one of them (the
	 * sibling is open then).
	 */
	private continueContainers(endBeforeLine: number): number {
		const containers = this.containers;
		let matched = 0;
		let footnoteIndentBefore = false;
		while (matched < containers.length) {
			const c = containers[matched];
			let how: Continuation;
			if (c.kind === ContainerKind.BlockQuote) {
				how = this.continueBlockQuote();
			} else if (c.kind === ContainerKind.Footnote) {
				how = this.continueFootnote(footnoteIndentBefore);
			} else {
				how = this.continueListItem(c, matched, endBeforeLine);
			}
			if (how === Continuation.SiblingReplaced) {
				return -1;
			}
			if (how === Continuation.None) {
				break;
			}
			footnoteIndentBefore = how === Continuation.ByIndent;
			matched++;
		}
		return matched;
	}

	private continueBlockQuote(): Continuation {
		const indent = this.measureIndent();
		if (indent < 4 && this.nwPos < this.lineEnd && this.text.charCodeAt(this.nwPos) === Code.GT) {
			this.consumeBlockQuoteMarker();
			return Continuation.Continued;
		}
		return Continuation.None;
	}

	private continueFootnote(indentBefore: boolean): Continuation {
		const indent = this.measureIndent();
		if (this.nwPos >= this.lineEnd) {
			return Continuation.Continued;
		}
		if (indent >= 4) {
			this.advanceColumns(4);
			this.markSignificant();
			return Continuation.ByIndent;
		}
		// micromark quirk: a footnote definition directly inside another
		// one that was just continued by its indent is continued too.
		if (indent === 0 && indentBefore) {
			return Continuation.ByIndent;
		}
		return Continuation.None;
	}

	private continueListItem(c: Container, index: number, endBeforeLine: number): Continuation {
		const indent = this.measureIndent();
		if (this.nwPos >= this.lineEnd) {
			c.furtherBlank = c.furtherBlank || c.initialBlank;
			return Continuation.Continued;
		}
		const first = this.partial > 0 ? Code.SPACE : this.text.charCodeAt(this.pos);
		const further = c.furtherBlank;
		c.furtherBlank = false;
		c.initialBlank = false;
		if (!further && isSpaceOrTab(first) && indent >= c.size) {
			this.advanceColumns(c.size);
			return Continuation.Continued;
		}
		// Not in this item: a sibling item of the same list?
		if (indent < 4 && this.tryListItemStart(c, false, index, this.rawLeafOpen() ? this.lineStart : endBeforeLine)) {
			return Continuation.SiblingReplaced;
		}
		return Continuation.None;
	}

	/** A line that does not continue all open containers and opens none. */
	private processLazyLine(matched: number, endBeforeLine: number): void {
		// Lazy continuation of a paragraph?
		if (this.leaf === Leaf.Paragraph) {
			if (this.isLazyContinuation()) {
				this.addParagraphLine();
				return;
			}
			if (this.opensLazyHtml()) {
				return;
			}
		}
		this.closeLeaf();
		this.closeContainers(matched, endBeforeLine);
		this.processLeafLine();
		// micromark: indented code begun on a lazy line ends with that line.
		if (this.leaf === Leaf.Indented) {
			this.leaf = Leaf.None;
		}
	}

	/**
	 * micromark quirk: on a lazy line a complete HTML tag (kind 7) is not
	 * held back by the paragraph, and the HTML block opens inside the
	 * unmatched containers. (On the document's last line, without a line
	 * ending after it, the tag is seen at once and the containers close
	 * first.) Needs the indent measured (isLazyContinuation did).
	 */
	private opensLazyHtml(): boolean {
		if (
			this.nextLine > this.lineEnd &&
			this.nwPos < this.lineEnd &&
			this.text.charCodeAt(this.nwPos) === Code.LT &&
			this.htmlBlockStart(this.nwPos, false) === HtmlKind.Complete
		) {
			this.closeLeaf();
			this.startCodeBlock(this.nwPos);
			this.htmlBlocks.push(this.codeBlocks.length - 2);
			this.leaf = Leaf.Html;
			this.htmlKind = HtmlKind.Complete;
			this.markSignificant();
			return true;
		}
		return false;
	}

	/** Whether a container starts at the cursor (does not move the cursor). */
	private startsContainer(interrupt: boolean): boolean {
		const indent = this.measureIndent();
		if (indent >= 4 || this.nwPos >= this.lineEnd) {
			return false;
		}
		const c = this.text.charCodeAt(this.nwPos);
		if (c === Code.GT) {
			return true;
		}
		if (c === Code.LBRACKET) {
			return footnoteDefinitionStart(this.text, this.nwPos, this.lineEnd) >= 0;
		}
		return this.listMarkerEnd(this.nwPos, interrupt, undefined) >= 0;
	}

	/** Opens every container that starts at the cursor, in order. */
	private openNewContainers(interrupt: boolean): void {
		for (;;) {
			const indent = this.measureIndent();
			if (indent >= 4 || this.nwPos >= this.lineEnd) {
				return;
			}
			const c = this.text.charCodeAt(this.nwPos);
			if (c === Code.GT) {
				this.closeLeaf();
				this.consumeBlockQuoteMarker();
				this.containers.push(newContainer(ContainerKind.BlockQuote));
				continue;
			}
			if (c === Code.LBRACKET) {
				if (!this.openFootnoteDefinition()) {
					return;
				}
				continue;
			}
			if (!this.tryListItemStart(undefined, interrupt, -1, -1)) {
				return;
			}
		}
	}

	/** Moves past the `>` at the first non-whitespace (as measured) and the optional space after it. */
	private consumeBlockQuoteMarker(): void {
		this.moveAfterIndent(this.nwPos + 1, 1);
		this.consumeOptionalSpace();
		this.markSignificant();
	}

	/** Opens a footnote definition `[^label]:` at the first non-whitespace, if there is one. */
	private openFootnoteDefinition(): boolean {
		const start = this.nwPos;
		const after = footnoteDefinitionStart(this.text, start, this.lineEnd);
		if (after < 0) {
			return false;
		}
		this.closeLeaf();
		const container = newContainer(ContainerKind.Footnote);
		container.footnoteIndex = this.footnoteDrafts.length;
		const rawLabel = this.text.slice(start + 2, after - 2);
		const label = normalizeMarkdownLabel(rawLabel);
		this.footnoteDrafts.push({ label, rawLabel, start, markerEnd: after, end: after });
		this.footnoteLabels.add(label);
		this.moveAfterIndent(after, after - start);
		this.skipToNonWhitespace();
		this.containers.push(container);
		this.markSignificant();
		return true;
	}

	private listMarkerEnd(p: number, interrupt: boolean, same: ListMarker | undefined): number {
		return listMarkerEnd(this.text, p, this.lineStart, this.lineEnd, interrupt, same, this.thematicBreaks);
	}

	/**
	 * Opens a list item at the cursor (after up to 3 columns of indentation).
	 * With `same`, only a sibling of that item, which then replaces it at
	 * `index` (closing everything inside it at `closeEnd`).
	 */
	private tryListItemStart(same: Container | undefined, interrupt: boolean, index: number, closeEnd: number): boolean {
		const indent = this.measureIndent();
		if (indent >= 4 || this.nwPos >= this.lineEnd) {
			return false;
		}
		const after = this.listMarkerEnd(this.nwPos, same === undefined ? interrupt : false, same);
		if (after < 0) {
			return false;
		}
		// Commit.
		this.closeLeaf();
		if (same !== undefined) {
			this.closeContainers(index, closeEnd);
		}
		const markerWidth = after - this.nwPos;
		this.moveAfterIndent(after, markerWidth);
		const markerChar = this.text.charCodeAt(after - 1);
		const container = newContainer(ContainerKind.ListItem);
		container.ordered = isOrderedMarker(markerChar);
		container.marker = markerChar;
		container.size = indent + markerWidth + this.consumeSpaceAfterMarker(container);
		this.containers.push(container);
		return true;
	}

	/**
	 * Consumes the whitespace after a list marker; returns how many columns
	 * of it belong to the item's content indentation.
	 */
	private consumeSpaceAfterMarker(container: Container): number {
		const ws = this.measureIndent();
		if (this.nwPos >= this.lineEnd) {
			// A blank start line: the content indentation is one column.
			container.initialBlank = true;
			this.markSignificant();
			this.pos = this.nwPos;
			this.col = this.nwCol;
			return 1;
		}
		if (ws >= 1 && ws <= 4) {
			this.pos = this.nwPos;
			this.col = this.nwCol;
			this.markSignificant();
			return ws;
		}
		// Five columns or more: the content is indented code, one column in.
		this.advanceColumns(1);
		this.markSignificant();
		return 1;
	}

	/** Closes the containers above `keep`; footnote definitions among them end at `end`. */
	private closeContainers(keep: number, end: number): void {
		const containers = this.containers;
		while (containers.length > keep) {
			const c = containers.pop()!;
			if (c.kind === ContainerKind.Footnote) {
				this.closeLeaf();
				this.footnoteDrafts[c.footnoteIndex].end = end;
			}
		}
	}
}
