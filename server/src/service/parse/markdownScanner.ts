/**
 * A hand-written CommonMark + GFM scanner that extracts what the vault needs
 * from a markdown page: links, link reference definitions, footnote calls and
 * definitions, and headings with their anchors.
 *
 * It follows micromark (the reference parser behind mdast) closely and is
 * checked against it by test/unit/markdownScannerDifferential.test.ts.
 *
 * Two phases:
 *  1. a block pass over the lines (containers: block quotes, list items,
 *     footnote definitions; leaves: paragraphs, headings, fenced and
 *     indented code, HTML blocks, thematic breaks, link reference
 *     definitions), which collects the inline regions (paragraph and heading
 *     content);
 *  2. an inline pass over each region once all definitions are known (code
 *     spans, autolinks, raw HTML, escapes, links/images, footnote calls).
 *
 * All offsets are UTF-16 code units into the given text.
 *
 * One deliberate difference: a footnote call `[^x]` is reported (and parsed)
 * whether `x` is defined or not, exactly as micromark parses calls of defined
 * labels (micromark leaves calls of undefined labels as text), so that the
 * server can report missing footnotes.
 *
 * Known differences with micromark, deliberately out of scope for a vault:
 *  - GFM tables are scanned as paragraphs (a link split by a cell `|` is
 *    still one link here);
 *  - GFM literal autolinks (bare `https://…`, `www.…`) are skipped like
 *    micromark does (so `https://x.org/a[^1]` holds no footnote call) but
 *    not reported as links; bare e-mail addresses are not looked for (they
 *    cannot contain link syntax).
 */

import { decodeNamedCharacterReference } from './htmlEntities';
import { HeadingSlugger } from './headingSlug';
import type {
	FootnoteDefinition,
	FootnoteReference,
	Heading,
	LinkDefinition,
	LinkOccurrence,
	MarkdownScan,
} from './markdownTypes';

// ---------------------------------------------------------------------------
// Character codes and classes

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const HASH = 35;
const AMP = 38;
const APOS = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const SEMI = 59;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const CARET = 94;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;
const DEL = 127;

const MAX_LABEL = 999;
/** Longest raw link text looked up as a reference label. */
const MAX_LABEL_SCAN = 4 * MAX_LABEL;

function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
function isAsciiAlpha(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
function isAlnum(c: number): boolean {
	return isDigit(c) || isAsciiAlpha(c);
}
function isHexDigit(c: number): boolean {
	return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** Space, tab or line ending (markdownLineEndingOrSpace). */
function isWs(c: number): boolean {
	return c === SPACE || c === TAB || c === LF || c === CR;
}
function isSpaceOrTab(c: number): boolean {
	return c === SPACE || c === TAB;
}
function isLineEnding(c: number): boolean {
	return c === LF || c === CR;
}
/** asciiControl as micromark sees it (tabs and line endings included). */
function isControl(c: number): boolean {
	return c < 32 || c === DEL;
}
/** micromark asciiAtext: [#-'*+\--9=?A-Z^-~] */
function isAtext(c: number): boolean {
	return (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
}

// ---------------------------------------------------------------------------
// Labels and string decoding

const WS_RUN = /[\t\n\r ]+/g;

/**
 * Normalizes a link or footnote label the way mdast does for `identifier`:
 * whitespace runs collapsed to one space, trimmed, case-folded.
 */
export function normalizeMarkdownLabel(raw: string): string {
	let value = raw;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c === TAB || c === LF || c === CR || (c === SPACE && (i === 0 || i === value.length - 1 || value.charCodeAt(i + 1) === SPACE))) {
			value = value.replace(WS_RUN, ' ');
			if (value.charCodeAt(0) === SPACE) {
				value = value.slice(1);
			}
			if (value.charCodeAt(value.length - 1) === SPACE) {
				value = value.slice(0, -1);
			}
			break;
		}
	}
	return value.toLowerCase().toUpperCase().toLowerCase();
}

function decodeNumericReference(value: string, base: number): string {
	const code = Number.parseInt(value, base);
	if (
		code < 9 || code === 11 || (code > 13 && code < 32) ||
		(code > 126 && code < 160) ||
		(code > 55295 && code < 57344) ||
		(code > 64975 && code < 65008) ||
		(code & 65535) === 65535 || (code & 65535) === 65534 ||
		code > 1114111
	) {
		return '\uFFFD';
	}
	return String.fromCodePoint(code);
}

/**
 * Tries a character reference at `s[i] === '&'`. Returns the index after the
 * `;` and sets `refValue`, or -1.
 */
let refValue = '';
function scanCharacterReference(s: string, i: number, end: number): number {
	let k = i + 1;
	if (k >= end) return -1;
	if (s.charCodeAt(k) === HASH) {
		k++;
		let hex = false;
		const c = s.charCodeAt(k);
		if (c === 120 || c === 88) {
			hex = true;
			k++;
		}
		const start = k;
		const max = hex ? 6 : 7;
		while (k < end && k - start < max && (hex ? isHexDigit(s.charCodeAt(k)) : isDigit(s.charCodeAt(k)))) k++;
		if (k === start || k >= end || s.charCodeAt(k) !== SEMI) return -1;
		refValue = decodeNumericReference(s.slice(start, k), hex ? 16 : 10);
		return k + 1;
	}
	const start = k;
	while (k < end && k - start < 31 && isAlnum(s.charCodeAt(k))) k++;
	if (k === start || k >= end || s.charCodeAt(k) !== SEMI) return -1;
	const value = decodeNamedCharacterReference(s.slice(start, k));
	if (value === undefined) return -1;
	refValue = value;
	return k + 1;
}

/** Resolves backslash escapes and character references (micromark decodeString). */
function decodeString(s: string, start: number, end: number): string {
	let k = start;
	while (k < end) {
		const c = s.charCodeAt(k);
		if (c === BACKSLASH || c === AMP) break;
		k++;
	}
	if (k === end) return s.slice(start, end);
	let out = s.slice(start, k);
	let last = k;
	while (k < end) {
		const c = s.charCodeAt(k);
		if (c === BACKSLASH && k + 1 < end && isAsciiPunct(s.charCodeAt(k + 1))) {
			out += s.slice(last, k);
			last = k + 1;
			k += 2;
		} else if (c === AMP) {
			const after = scanCharacterReference(s, k, end);
			if (after < 0) {
				k++;
			} else {
				out += s.slice(last, k) + refValue;
				last = after;
				k = after;
			}
		} else {
			k++;
		}
	}
	return out + s.slice(last, end);
}

// ---------------------------------------------------------------------------
// Inline regions: paragraph or heading content, with its mapping to the text

interface Region {
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

function toTextOffset(region: Region, p: number): number {
	const segContent = region.segContent;
	if (segContent === undefined) return region.base + p;
	const segText = region.segText!;
	let lo = 0;
	let hi = segContent.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (segContent[mid] <= p) lo = mid;
		else hi = mid - 1;
	}
	return segText[lo] + (p - segContent[lo]);
}

/** One line of a paragraph being collected. */
interface ParaLine {
	/** Content start (after container prefixes and leading whitespace). */
	start: number;
	/** Content end (before the line ending). */
	end: number;
}

// ---------------------------------------------------------------------------
// Block pass

const enum Leaf {
	None,
	Paragraph,
	Fenced,
	Indented,
	Html,
}

const enum ContainerKind {
	BlockQuote,
	ListItem,
	Footnote,
}

interface Container {
	kind: ContainerKind;
	// list item
	ordered: boolean;
	marker: number;
	size: number;
	initialBlank: boolean;
	furtherBlank: boolean;
	// footnote definition
	footnoteIndex: number;
}

const HTML_BLOCK_NAMES = new Set([
	'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
	'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
	'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
	'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
	'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const HTML_RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

const enum HtmlKind {
	Raw = 1,
	Comment = 2,
	Instruction = 3,
	Declaration = 4,
	Cdata = 5,
	Basic = 6,
	Complete = 7,
}

interface PendingHeading {
	level: number;
	start: number;
	end: number;
}

interface FootnoteDefDraft {
	label: string;
	rawLabel: string;
	start: number;
	markerEnd: number;
	end: number;
}

class Scanner {
	private readonly text: string;
	private readonly length: number;

	// Current line.
	private lineStart = 0;
	private lineEnd = 0;
	private nextLine = 0;
	// Cursor within the line: position, column, and the columns left of a
	// partially consumed tab at `pos` (0 when none).
	private pos = 0;
	private col = 0;
	private partial = 0;

	private readonly containers: Container[] = [];
	private leaf = Leaf.None;
	private paraLines: ParaLine[] = [];
	private fenceChar = 0;
	private fenceLength = 0;
	private htmlKind: HtmlKind = HtmlKind.Basic;

	readonly regions: Region[] = [];
	readonly headings: PendingHeading[] = [];
	readonly definitions: LinkDefinition[] = [];
	readonly definitionMap = new Map<string, LinkDefinition>();
	readonly footnoteDrafts: FootnoteDefDraft[] = [];
	readonly footnoteLabels = new Set<string>();

	constructor(text: string) {
		this.text = text;
		this.length = text.length;
	}

	// -- cursor helpers ------------------------------------------------------

	private advanceColumns(n: number): void {
		const text = this.text;
		while (n > 0 && this.pos < this.lineEnd) {
			const c = text.charCodeAt(this.pos);
			if (c === TAB) {
				const w = this.partial > 0 ? this.partial : 4 - (this.col % 4);
				if (w <= n) {
					n -= w;
					this.col += w;
					this.pos++;
					this.partial = 0;
				} else {
					this.partial = w - n;
					this.col += n;
					n = 0;
				}
			} else if (c === SPACE) {
				this.pos++;
				this.col++;
				n--;
			} else {
				break;
			}
		}
	}

	// Results of measureIndent.
	private nwPos = 0;
	private nwCol = 0;

	/** Columns of whitespace from the cursor; sets nwPos/nwCol to the first non-whitespace. */
	private measureIndent(): number {
		const text = this.text;
		let p = this.pos;
		let c = this.col;
		if (this.partial > 0) {
			c += this.partial;
			p++;
		}
		while (p < this.lineEnd) {
			const ch = text.charCodeAt(p);
			if (ch === SPACE) c++;
			else if (ch === TAB) c += 4 - (c % 4);
			else break;
			p++;
		}
		this.nwPos = p;
		this.nwCol = c;
		return c - this.col;
	}

	private skipToNonWhitespace(): void {
		this.measureIndent();
		this.pos = this.nwPos;
		this.col = this.nwCol;
		this.partial = 0;
	}

	// -- main loop -------------------------------------------------------------

	scan(bodyStart: number): void {
		const text = this.text;
		const length = this.length;
		let start = bodyStart;
		// Line ends found with indexOf (fast); a lone CR is rare.
		let nextLf = text.indexOf('\n', start);
		let nextCr = text.indexOf('\r', start);
		while (start < length) {
			if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
			if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
			let end = nextLf < 0 ? length : nextLf;
			if (nextCr >= 0 && nextCr < end) end = nextCr;
			let next = end;
			if (next < length) {
				next += text.charCodeAt(next) === CR && text.charCodeAt(next + 1) === LF ? 2 : 1;
			}
			this.lineStart = start;
			this.lineEnd = end;
			this.nextLine = next;
			this.pos = start;
			this.col = 0;
			this.partial = 0;
			this.processLine();
			// The line ending starts where the line ends.
			if (next > end && this.breakAfterSig < 0) this.breakAfterSig = end;
			start = next;
			if (next === end) break;
		}
		// An unclosed fence runs to the end of the document, blank lines
		// included, unless a block quote (which blank lines do not continue)
		// holds it.
		if (this.rawLeafOpen() && !this.containers.some((c) => c.kind === ContainerKind.BlockQuote)) {
			this.markSig(length);
		}
		this.closeLeaf();
		this.closeContainers(0, this.endAt(length));
	}

	// Where containers end, as micromark puts it: at their exit point, moved
	// back before the line endings (and whitespace) that precede it. Tracked
	// as the end of the last "significant" token (content, container marker)
	// and the start of the first line ending after it.
	private lastSig = 0;
	private breakAfterSig = -1;

	private markSig(end: number): void {
		this.lastSig = end;
		this.breakAfterSig = -1;
	}

	/** The end of containers that exit at `exit`. */
	private endAt(exit: number): number {
		return this.breakAfterSig >= 0 ? this.breakAfterSig : exit;
	}

	private cursorOffset(): number {
		return this.partial > 0 ? this.pos + 1 : this.pos;
	}

	/** A fence or an HTML block of kinds 1-5: they run until an explicit end. */
	private rawLeafOpen(): boolean {
		return this.leaf === Leaf.Fenced || (this.leaf === Leaf.Html && this.htmlKind <= HtmlKind.Cdata);
	}

	private processLine(): void {
		const containers = this.containers;
		let matched = 0;
		let siblingReplaced = false;
		let footnoteIndentBefore = false;
		// Where containers closed by this line before its prefixes end (lazy
		// lines, sibling list items).
		const endBeforeLine = this.breakAfterSig >= 0 ? this.breakAfterSig : this.lineStart;
		// 1. Continue the open containers.
		while (matched < containers.length) {
			const c = containers[matched];
			if (c.kind === ContainerKind.BlockQuote) {
				const indent = this.measureIndent();
				if (indent < 4 && this.nwPos < this.lineEnd && this.text.charCodeAt(this.nwPos) === GT) {
					this.pos = this.nwPos + 1;
					this.col = this.nwCol + 1;
					this.partial = 0;
					this.consumeOptionalSpace();
					matched++;
					this.markSig(this.cursorOffset());
					footnoteIndentBefore = false;
					continue;
				}
				break;
			}
			if (c.kind === ContainerKind.Footnote) {
				const indent = this.measureIndent();
				if (this.nwPos >= this.lineEnd) {
					matched++;
					footnoteIndentBefore = false;
					continue;
				}
				if (indent >= 4) {
					this.advanceColumns(4);
					matched++;
					this.markSig(this.cursorOffset());
					footnoteIndentBefore = true;
					continue;
				}
				// micromark quirk: a footnote definition directly inside another
				// one that was just continued by its indent is continued too.
				if (indent === 0 && footnoteIndentBefore) {
					matched++;
					continue;
				}
				break;
			}
			footnoteIndentBefore = false;
			// List item.
			const indent = this.measureIndent();
			if (this.nwPos >= this.lineEnd) {
				c.furtherBlank = c.furtherBlank || c.initialBlank;
				matched++;
				continue;
			}
			const first = this.partial > 0 ? SPACE : this.text.charCodeAt(this.pos);
			const further = c.furtherBlank;
			c.furtherBlank = false;
			c.initialBlank = false;
			if (!further && isSpaceOrTab(first) && indent >= c.size) {
				this.advanceColumns(c.size);
				matched++;
				continue;
			}
			// Not in this item: a sibling item of the same list?
			if (indent < 4 && this.tryListItemStart(c, false, matched, this.rawLeafOpen() ? this.lineStart : endBeforeLine)) {
				siblingReplaced = true;
				matched++;
			}
			break;
		}
		if (siblingReplaced) {
			// The new sibling item was opened by tryListItemStart.
			this.openNewContainers(false);
			this.processLeafLine();
			return;
		}

		const allMatched = matched === containers.length;
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
			// Lazy continuation of a paragraph?
			if (this.leaf === Leaf.Paragraph) {
				if (this.isLazyContinuation()) {
					this.addParagraphLine();
					return;
				}
				// micromark quirk: on a lazy line a complete HTML tag (kind 7) is
				// not held back by the paragraph, and the HTML block opens inside
				// the unmatched containers.
				// (On the document's last line, without a line ending after it, the
				// tag is seen at once and the containers close first.)
				if (
					this.nextLine > this.lineEnd &&
					this.nwPos < this.lineEnd &&
					this.text.charCodeAt(this.nwPos) === LT &&
					this.htmlBlockStart(this.nwPos, false) === HtmlKind.Complete
				) {
					this.closeLeaf();
					this.leaf = Leaf.Html;
					this.htmlKind = HtmlKind.Complete;
					this.markSig(this.lineEnd);
					return;
				}
			}
			this.closeLeaf();
			this.closeContainers(matched, endBeforeLine);
			this.processLeafLine();
			// micromark: indented code begun on a lazy line ends with that line.
			if (this.leaf === Leaf.Indented) this.leaf = Leaf.None;
			return;
		}
		this.processLeafLine();
	}

	private consumeOptionalSpace(): void {
		if (this.pos >= this.lineEnd) return;
		const c = this.text.charCodeAt(this.pos);
		if (c === SPACE) {
			this.pos++;
			this.col++;
		} else if (c === TAB) {
			this.advanceColumns(1);
		}
	}

	/** Whether a container starts at the cursor (does not move the cursor). */
	private startsContainer(interrupt: boolean): boolean {
		const indent = this.measureIndent();
		if (indent >= 4 || this.nwPos >= this.lineEnd) return false;
		const c = this.text.charCodeAt(this.nwPos);
		if (c === GT) return true;
		if (c === LBRACKET) return this.footnoteDefinitionStart(this.nwPos) >= 0;
		return this.listMarkerAt(this.nwPos, interrupt, undefined) >= 0;
	}

	/** Opens every container that starts at the cursor, in order. */
	private openNewContainers(interrupt: boolean): void {
		for (;;) {
			const indent = this.measureIndent();
			if (indent >= 4 || this.nwPos >= this.lineEnd) return;
			const c = this.text.charCodeAt(this.nwPos);
			if (c === GT) {
				this.closeLeaf();
				this.pos = this.nwPos + 1;
				this.col = this.nwCol + 1;
				this.partial = 0;
				this.consumeOptionalSpace();
				this.containers.push(newContainer(ContainerKind.BlockQuote));
				this.markSig(this.cursorOffset());
				continue;
			}
			if (c === LBRACKET) {
				const after = this.footnoteDefinitionStart(this.nwPos);
				if (after >= 0) {
					this.closeLeaf();
					const container = newContainer(ContainerKind.Footnote);
					container.footnoteIndex = this.footnoteDrafts.length;
					const rawLabel = this.text.slice(this.nwPos + 2, after - 2);
					const label = normalizeMarkdownLabel(rawLabel);
					this.footnoteDrafts.push({ label, rawLabel, start: this.nwPos, markerEnd: after, end: after });
					this.footnoteLabels.add(label);
					this.col = this.nwCol + (after - this.nwPos);
					this.pos = after;
					this.partial = 0;
					this.skipToNonWhitespace();
					this.containers.push(container);
					this.markSig(this.pos);
					continue;
				}
				return;
			}
			if (this.tryListItemStart(undefined, interrupt, -1, -1)) {
				continue;
			}
			return;
		}
	}

	/**
	 * `[^label]:` at `p`; returns the index after the colon or -1.
	 */
	private footnoteDefinitionStart(p: number): number {
		const text = this.text;
		const end = this.lineEnd;
		if (text.charCodeAt(p) !== LBRACKET || text.charCodeAt(p + 1) !== CARET) return -1;
		let k = p + 2;
		let size = 0;
		let data = false;
		while (k < end) {
			const c = text.charCodeAt(k);
			if (size > MAX_LABEL || (c === RBRACKET && !data) || c === LBRACKET || isWs(c)) return -1;
			if (c === RBRACKET) {
				return k + 1 < end && text.charCodeAt(k + 1) === COLON ? k + 2 : -1;
			}
			data = true;
			size++;
			k++;
			if (c === BACKSLASH && k < end) {
				const n = text.charCodeAt(k);
				if (n === LBRACKET || n === BACKSLASH || n === RBRACKET) {
					k++;
					size++;
				}
			}
		}
		return -1;
	}

	// Result of listMarkerAt.
	private markerChar = 0;
	private markerOrdered = false;

	/**
	 * A list marker at `p` (after up to 3 columns of indentation): returns the
	 * index after the marker or -1. `same` restricts to a sibling of that item.
	 */
	private listMarkerAt(p: number, interrupt: boolean, same: Container | undefined): number {
		const text = this.text;
		const end = this.lineEnd;
		const c = text.charCodeAt(p);
		let after: number;
		if (c === STAR || c === PLUS || c === DASH) {
			if (same !== undefined && (same.ordered || same.marker !== c)) return -1;
			if (c !== PLUS && this.isThematicBreak(p)) return -1;
			after = p + 1;
			this.markerOrdered = false;
			this.markerChar = c;
		} else if (isDigit(c)) {
			if (same !== undefined && !same.ordered) return -1;
			if (interrupt && c !== 49) return -1;
			let k = p;
			while (k < end && isDigit(text.charCodeAt(k)) && k - p < 9) k++;
			if (k - p > 9 || (interrupt && k - p > 1)) return -1;
			const m = text.charCodeAt(k);
			if (m !== DOT && m !== RPAREN) return -1;
			if (same !== undefined && same.marker !== m) return -1;
			after = k + 1;
			this.markerOrdered = true;
			this.markerChar = m;
		} else {
			return -1;
		}
		if (after < end) {
			const n = text.charCodeAt(after);
			if (!isSpaceOrTab(n)) return -1;
			// A blank item cannot interrupt a paragraph.
			if (interrupt) {
				let k = after;
				while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
				if (k === end) return -1;
			}
		} else if (interrupt) {
			return -1;
		}
		return after;
	}

	/**
	 * Opens a list item at the cursor (after up to 3 columns of indentation).
	 * With `same`, only a sibling of that item, which then replaces it at
	 * `index` (closing everything inside it).
	 */
	private tryListItemStart(same: Container | undefined, interrupt: boolean, index: number, closeEnd: number): boolean {
		const indent = this.measureIndent();
		if (indent >= 4 || this.nwPos >= this.lineEnd) return false;
		const after = this.listMarkerAt(this.nwPos, same === undefined ? interrupt : false, same);
		if (after < 0) return false;
		// Commit.
		this.closeLeaf();
		if (same !== undefined) {
			this.closeContainers(index, closeEnd);
		}
		const initialSize = indent;
		this.pos = after;
		this.col = this.nwCol + (after - this.nwPos);
		this.partial = 0;
		const markerWidth = after - this.nwPos;
		const container = newContainer(ContainerKind.ListItem);
		container.ordered = this.markerOrdered;
		container.marker = this.markerChar;
		// Whitespace after the marker.
		const ws = this.measureIndent();
		if (this.nwPos >= this.lineEnd) {
			container.initialBlank = true;
			container.size = initialSize + markerWidth + 1;
			this.markSig(after);
			this.pos = this.nwPos;
			this.col = this.nwCol;
		} else if (ws >= 1 && ws <= 4) {
			container.size = initialSize + markerWidth + ws;
			this.pos = this.nwPos;
			this.col = this.nwCol;
			this.markSig(this.pos);
		} else {
			container.size = initialSize + markerWidth + 1;
			this.advanceColumns(1);
			this.markSig(this.cursorOffset());
		}
		this.containers.push(container);
		return true;
	}

	// Per line and marker character: the last offset holding another
	// character than the marker, a space or a tab (so that a line of many
	// nested list markers `- - - … x` is not scanned once per marker).
	private breakCacheLine = -1;
	private readonly breakLastOther = [0, 0, 0];

	private isThematicBreak(p: number): boolean {
		const text = this.text;
		const end = this.lineEnd;
		const marker = text.charCodeAt(p);
		const slot = marker === STAR ? 0 : marker === DASH ? 1 : marker === UNDERSCORE ? 2 : -1;
		if (slot < 0) return false;
		if (this.breakCacheLine !== this.lineStart) {
			this.breakCacheLine = this.lineStart;
			this.breakLastOther[0] = this.breakLastOther[1] = this.breakLastOther[2] = -2;
		}
		let lastOther = this.breakLastOther[slot];
		if (lastOther === -2) {
			lastOther = end - 1;
			while (lastOther >= this.lineStart) {
				const c = text.charCodeAt(lastOther);
				if (c !== marker && !isSpaceOrTab(c)) break;
				lastOther--;
			}
			this.breakLastOther[slot] = lastOther;
		}
		if (p < lastOther) return false;
		let count = 0;
		for (let k = p; k < end && count < 3; k++) {
			if (text.charCodeAt(k) === marker) count++;
		}
		return count >= 3;
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

	/** A lazy line: would it be paragraph continuation text? */
	private isLazyContinuation(): boolean {
		const indent = this.measureIndent();
		if (this.nwPos >= this.lineEnd) return false;
		if (indent >= 4) return true;
		return !this.interruptsParagraph(this.nwPos);
	}

	/** Whether a leaf block that can interrupt a paragraph starts at `p`. */
	private interruptsParagraph(p: number): boolean {
		const c = this.text.charCodeAt(p);
		if (c === HASH) return this.atxHeadingLevel(p) > 0;
		if (c === BACKTICK || c === TILDE) return this.fenceOpen(p) > 0;
		if (c === LT) {
			const kind = this.htmlBlockStart(p, false);
			return kind > 0;
		}
		if (c === STAR || c === DASH || c === UNDERSCORE) return this.isThematicBreak(p);
		return false;
	}

	// -- leaves ------------------------------------------------------------------

	/** The current line (after its container prefixes) for the leaf blocks. Never a lazy line. */
	private processLeafLine(): void {
		const text = this.text;
		if (this.leaf === Leaf.Fenced) {
			const indent = this.measureIndent();
			if (indent < 4 && this.nwPos < this.lineEnd && this.isClosingFence(this.nwPos)) {
				this.leaf = Leaf.None;
			}
			// Blank lines too belong to the code.
			this.markSig(this.lineEnd);
			return;
		}
		if (this.leaf === Leaf.Html) {
			this.continueHtml();
			return;
		}
		const indent = this.measureIndent();
		const p = this.nwPos;
		if (p >= this.lineEnd) {
			// Blank line.
			if (this.leaf === Leaf.Paragraph) this.closeLeaf();
			return;
		}
		this.markSig(this.lineEnd);
		if (indent >= 4) {
			if (this.leaf === Leaf.Paragraph) {
				this.addParagraphLine();
			} else {
				this.leaf = Leaf.Indented;
			}
			return;
		}
		const c = text.charCodeAt(p);
		if (c === HASH) {
			const level = this.atxHeadingLevel(p);
			if (level > 0) {
				this.closeLeaf();
				this.atxHeading(p, level);
				return;
			}
		} else if (c === BACKTICK || c === TILDE) {
			const length = this.fenceOpen(p);
			if (length > 0) {
				this.closeLeaf();
				this.leaf = Leaf.Fenced;
				this.fenceChar = c;
				this.fenceLength = length;
				return;
			}
		} else if (c === LT) {
			const kind = this.htmlBlockStart(p, this.leaf === Leaf.Paragraph);
			if (kind > 0) {
				this.closeLeaf();
				this.leaf = Leaf.Html;
				this.htmlKind = kind;
				// The end condition may hold on the start line itself.
				this.pos = p;
				this.col = this.nwCol;
				this.partial = 0;
				this.continueHtml(true);
				return;
			}
		} else if ((c === EQUALS || c === DASH) && this.leaf === Leaf.Paragraph) {
			if (this.isSetextUnderline(p) && this.setextHeading(c === EQUALS ? 1 : 2)) {
				return;
			}
		}
		if ((c === STAR || c === DASH || c === UNDERSCORE) && this.isThematicBreak(p)) {
			this.closeLeaf();
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

	private addParagraphLine(): void {
		this.measureIndent();
		this.paraLines.push({ start: this.nwPos, end: this.lineEnd });
		this.markSig(this.lineEnd);
	}

	private closeLeaf(): void {
		if (this.leaf === Leaf.Paragraph) {
			const region = this.paragraphRegion(this.paraLines, -1, false);
			if (region !== undefined) this.regions.push(region);
			this.paraLines = [];
		}
		this.leaf = Leaf.None;
	}

	/**
	 * Turns collected paragraph lines into a region, after taking the link
	 * reference definitions off its start. Returns undefined when nothing is
	 * left. The definitions found are recorded.
	 */
	private paragraphRegion(lines: ParaLine[], heading: number, trimEnd: boolean): Region | undefined {
		const text = this.text;
		let first = 0;
		if (text.charCodeAt(lines[0].start) === LBRACKET) {
			const built = buildContent(text, lines, 0, lines.length);
			let offset = 0;
			for (;;) {
				const after = this.parseDefinition(built, offset);
				if (after < 0) break;
				offset = after;
				// `after` is at a line start in the content (or the end).
				if (offset >= built.content.length) {
					return undefined;
				}
				if (built.content.charCodeAt(offset + countLeadingWs(built.content, offset)) !== LBRACKET) break;
			}
			if (offset > 0) {
				// Count the lines consumed.
				const textOffset = toTextOffset(built, offset);
				while (first < lines.length && lines[first].end < textOffset) first++;
				if (first >= lines.length) return undefined;
			}
		}
		return buildContent(text, lines, first, lines.length, trimEnd, heading);
	}

	private atxHeadingLevel(p: number): number {
		const text = this.text;
		let k = p;
		while (k < this.lineEnd && text.charCodeAt(k) === HASH && k - p < 7) k++;
		const level = k - p;
		if (level > 6) return 0;
		if (k < this.lineEnd && !isSpaceOrTab(text.charCodeAt(k))) return 0;
		return level;
	}

	private atxHeading(p: number, level: number): void {
		const text = this.text;
		let start = p + level;
		while (start < this.lineEnd && isSpaceOrTab(text.charCodeAt(start))) start++;
		let end = this.lineEnd;
		while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
		// Optional closing sequence.
		let k = end;
		while (k > start && text.charCodeAt(k - 1) === HASH) k--;
		if (k < end && (k === start || isSpaceOrTab(text.charCodeAt(k - 1)))) {
			end = k;
			while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
		}
		const spanEnd = this.lineEnd;
		const index = this.headings.length;
		this.headings.push({ level, start: p, end: spanEnd });
		if (end > start) {
			this.regions.push({ content: text.slice(start, end), base: start, segContent: undefined, segText: undefined, heading: index });
		}
	}

	private isSetextUnderline(p: number): boolean {
		const text = this.text;
		const marker = text.charCodeAt(p);
		let k = p;
		while (k < this.lineEnd && text.charCodeAt(k) === marker) k++;
		while (k < this.lineEnd && isSpaceOrTab(text.charCodeAt(k))) k++;
		return k === this.lineEnd;
	}

	/** Turns the open paragraph into a setext heading; false when it held only definitions. */
	private setextHeading(level: number): boolean {
		const index = this.headings.length;
		const region = this.paragraphRegion(this.paraLines, index, true);
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

	/** An opening code fence at `p`: returns its length, or 0. */
	private fenceOpen(p: number): number {
		const text = this.text;
		const marker = text.charCodeAt(p);
		let k = p;
		while (k < this.lineEnd && text.charCodeAt(k) === marker) k++;
		const length = k - p;
		if (length < 3) return 0;
		if (marker === BACKTICK) {
			for (; k < this.lineEnd; k++) {
				if (text.charCodeAt(k) === BACKTICK) return 0;
			}
		}
		return length;
	}

	private isClosingFence(p: number): boolean {
		const text = this.text;
		let k = p;
		while (k < this.lineEnd && text.charCodeAt(k) === this.fenceChar) k++;
		if (k - p < this.fenceLength) return false;
		while (k < this.lineEnd && isSpaceOrTab(text.charCodeAt(k))) k++;
		return k === this.lineEnd;
	}

	/** The kind of HTML block starting at `p`, or 0. */
	private htmlBlockStart(p: number, interrupt: boolean): number {
		const text = this.text;
		const end = this.lineEnd;
		let k = p + 1;
		const c = text.charCodeAt(k);
		if (c === BANG) {
			k++;
			const d = text.charCodeAt(k);
			if (d === DASH) return text.charCodeAt(k + 1) === DASH && k + 1 < end ? HtmlKind.Comment : 0;
			if (d === LBRACKET) return text.startsWith('CDATA[', k + 1) && k + 7 <= end ? HtmlKind.Cdata : 0;
			if (k < end && isAsciiAlpha(d)) return HtmlKind.Declaration;
			return 0;
		}
		if (c === QUESTION) return HtmlKind.Instruction;
		let closing = false;
		if (c === SLASH) {
			closing = true;
			k++;
		}
		if (k >= end || !isAsciiAlpha(text.charCodeAt(k))) return 0;
		const nameStart = k;
		while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === DASH)) k++;
		const n = k < end ? text.charCodeAt(k) : -1;
		if (!(n === -1 || n === SLASH || n === GT || isSpaceOrTab(n))) return 0;
		const name = text.slice(nameStart, k).toLowerCase();
		if (!closing && n !== SLASH && HTML_RAW_NAMES.has(name)) return HtmlKind.Raw;
		if (HTML_BLOCK_NAMES.has(name)) {
			if (n === SLASH) return text.charCodeAt(k + 1) === GT && k + 1 < end ? HtmlKind.Basic : 0;
			return HtmlKind.Basic;
		}
		if (interrupt) return 0;
		// Complete open or closing tag, then only whitespace.
		const after = closing ? completeClosingTagEnd(text, k, end) : completeOpenTagEnd(text, k, end);
		if (after < 0) return 0;
		for (let j = after; j < end; j++) {
			if (!isSpaceOrTab(text.charCodeAt(j))) return 0;
		}
		return HtmlKind.Complete;
	}

	/**
	 * Feeds the current line to the open HTML block: ends it when the end
	 * condition is met on this line (or, for kinds 6 and 7, at a blank line).
	 */
	private continueHtml(first = false): void {
		const text = this.text;
		const kind = this.htmlKind;
		const start = this.pos;
		const end = this.lineEnd;
		if (kind === HtmlKind.Basic || kind === HtmlKind.Complete) {
			this.measureIndent();
			if (!first && this.nwPos >= end) {
				this.leaf = Leaf.None;
				return;
			}
			this.markSig(end);
			return;
		}
		this.markSig(end);
		let found = false;
		switch (kind) {
			case HtmlKind.Comment: {
				// `<!-->` and `<!--->` close at once.
				let from = start;
				if (first) {
					const open = text.indexOf('<!--', start);
					from = open + 4;
					if (text.charCodeAt(from) === GT || (text.charCodeAt(from) === DASH && text.charCodeAt(from + 1) === GT)) {
						found = from < end;
						break;
					}
				}
				const k = text.indexOf('-->', from);
				found = k >= 0 && k + 3 <= end;
				break;
			}
			case HtmlKind.Instruction: {
				if (first && text.charCodeAt(start + 2) === GT && start + 2 < end) {
					found = true;
					break;
				}
				const k = text.indexOf('?>', first ? start + 2 : start);
				found = k >= 0 && k + 2 <= end;
				break;
			}
			case HtmlKind.Declaration: {
				const k = text.indexOf('>', start);
				found = k >= 0 && k < end;
				break;
			}
			case HtmlKind.Cdata: {
				const k = text.indexOf(']]>', first ? start + 9 : start);
				found = k >= 0 && k + 3 <= end;
				break;
			}
			case HtmlKind.Raw: {
				let k = start;
				for (;;) {
					k = text.indexOf('</', k);
					if (k < 0 || k >= end) break;
					let j = k + 2;
					while (j < end && j - k - 2 < 8 && isAsciiAlpha(text.charCodeAt(j))) j++;
					if (j < end && text.charCodeAt(j) === GT && HTML_RAW_NAMES.has(text.slice(k + 2, j).toLowerCase())) {
						found = true;
						break;
					}
					k += 2;
				}
				break;
			}
		}
		if (found) this.leaf = Leaf.None;
	}

	// -- link reference definitions -------------------------------------------

	/**
	 * Parses one definition at content offset `p` (a line start). Records it
	 * and returns the content offset of the next line start (or the end), or
	 * -1 when there is none.
	 */
	private parseDefinition(region: Region, p: number): number {
		const s = region.content;
		const len = s.length;
		let k = p;
		// Up to 3 spaces were stripped already (first line) or are leading whitespace.
		while (k < len && isSpaceOrTab(s.charCodeAt(k))) k++;
		if (s.charCodeAt(k) !== LBRACKET) return -1;
		const labelEnd = scanLinkLabel(s, k, len);
		if (labelEnd < 0 || s.charCodeAt(labelEnd) !== COLON) return -1;
		const rawLabel = s.slice(k + 1, labelEnd - 1);
		k = labelEnd + 1;
		k = skipWhitespace(s, k, len, true);
		// Destination.
		const destEnd = scanDestination(s, k, len, Infinity);
		if (destEnd < 0) return -1;
		const enclosed = s.charCodeAt(k) === LT;
		const destStart = enclosed ? k + 1 : k;
		const destStop = enclosed ? destEnd - 1 : destEnd;
		k = destEnd;
		// Optional title, which needs whitespace before it.
		let lineEnd = -1;
		const afterWs = skipWhitespace(s, k, len, true);
		if (afterWs > k) {
			const t = s.charCodeAt(afterWs);
			if (t === QUOTE || t === APOS || t === LPAREN) {
				const titleEnd = scanTitle(s, afterWs, len);
				if (titleEnd >= 0) {
					const rest = restOfLineBlank(s, titleEnd, len);
					if (rest >= 0) lineEnd = rest;
				}
			}
		}
		if (lineEnd < 0) {
			lineEnd = restOfLineBlank(s, k, len);
			if (lineEnd < 0) return -1;
		}
		const label = normalizeMarkdownLabel(rawLabel);
		const definition: LinkDefinition = {
			label,
			destination: decodeString(s, destStart, destStop),
			span: { start: toTextOffset(region, p + (s.charCodeAt(p) === LBRACKET ? 0 : countLeadingWs(s, p))), end: toTextOffset(region, endOfLineContent(s, lineEnd)) },
			destinationSpan: { start: toTextOffset(region, destStart), end: toTextOffset(region, destStop) },
		};
		this.definitions.push(definition);
		if (!this.definitionMap.has(label)) this.definitionMap.set(label, definition);
		return lineEnd;
	}
}

function newContainer(kind: ContainerKind): Container {
	return { kind, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, footnoteIndex: -1 };
}

function countLeadingWs(s: string, p: number): number {
	let k = p;
	while (k < s.length && isSpaceOrTab(s.charCodeAt(k))) k++;
	return k - p;
}

/** Given the offset after a line ending (or the end), the end of that line's content. */
function endOfLineContent(s: string, after: number): number {
	let k = after;
	if (k > 0 && s.charCodeAt(k - 1) === LF) {
		k--;
		if (k > 0 && s.charCodeAt(k - 1) === CR) k--;
	} else if (k > 0 && s.charCodeAt(k - 1) === CR) {
		k--;
	}
	while (k > 0 && isSpaceOrTab(s.charCodeAt(k - 1))) k--;
	return k;
}

/** Only spaces/tabs up to the line end: returns the offset after the line ending (or the end), else -1. */
function restOfLineBlank(s: string, p: number, len: number): number {
	let k = p;
	while (k < len && isSpaceOrTab(s.charCodeAt(k))) k++;
	if (k >= len) return len;
	const c = s.charCodeAt(k);
	if (c === LF) return k + 1;
	if (c === CR) return s.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
	return -1;
}

/** Skips spaces/tabs and (when allowed) line endings, as factoryWhitespace. */
function skipWhitespace(s: string, p: number, len: number, lineEndings: boolean): number {
	let k = p;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === SPACE || c === TAB || (lineEndings && (c === LF || c === CR))) k++;
		else break;
	}
	return k;
}

/** A link label `[...]` at `p` (factoryLabel): returns the index after `]`, or -1. */
function scanLinkLabel(s: string, p: number, len: number): number {
	let k = p + 1;
	let size = 0;
	let seen = false;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (size > MAX_LABEL || c === LBRACKET) return -1;
		if (c === RBRACKET) return seen ? k + 1 : -1;
		k++;
		if (c === LF || c === CR) continue;
		size++;
		if (!seen && !isSpaceOrTab(c)) seen = true;
		if (c === BACKSLASH && k < len) {
			const n = s.charCodeAt(k);
			if (n === LBRACKET || n === BACKSLASH || n === RBRACKET) {
				k++;
				size++;
			}
		}
	}
	return -1;
}

/** A destination at `p` (factoryDestination): returns the index after it, or -1. */
function scanDestination(s: string, p: number, len: number, limit: number): number {
	if (p >= len) return -1;
	let c = s.charCodeAt(p);
	if (c === LT) {
		let k = p + 1;
		while (k < len) {
			c = s.charCodeAt(k);
			if (c === GT) return k + 1;
			if (c === LT || c === LF || c === CR) return -1;
			k++;
			if (c === BACKSLASH && k < len) {
				const n = s.charCodeAt(k);
				if (n === LT || n === GT || n === BACKSLASH) k++;
			}
		}
		return -1;
	}
	if (c === SPACE || c === RPAREN || isControl(c)) return -1;
	let balance = 0;
	let k = p;
	while (k <= len) {
		c = k < len ? s.charCodeAt(k) : -1;
		if (balance === 0 && (c === -1 || c === RPAREN || isWs(c))) return k;
		if (c === LPAREN && balance < limit) {
			balance++;
			k++;
			continue;
		}
		if (c === RPAREN) {
			balance--;
			k++;
			continue;
		}
		if (c === -1 || c === SPACE || c === LPAREN || isControl(c)) return -1;
		k++;
		if (c === BACKSLASH && k < len) {
			const n = s.charCodeAt(k);
			if (n === LPAREN || n === RPAREN || n === BACKSLASH) k++;
		}
	}
	return -1;
}

/** A title at `p` (factoryTitle): returns the index after its closing marker, or -1. */
function scanTitle(s: string, p: number, len: number): number {
	const open = s.charCodeAt(p);
	const marker = open === LPAREN ? RPAREN : open;
	let k = p + 1;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === marker) return k + 1;
		k++;
		if (c === BACKSLASH && k < len) {
			const n = s.charCodeAt(k);
			if (n === marker || n === BACKSLASH) k++;
		}
	}
	return -1;
}

/** End of a complete HTML closing tag after its name at `k` (`</name` read), or -1. */
function completeClosingTagEnd(s: string, k: number, end: number): number {
	while (k < end && isSpaceOrTab(s.charCodeAt(k))) k++;
	return k < end && s.charCodeAt(k) === GT ? k + 1 : -1;
}

/** End of a complete HTML open tag (on one line) after its name at `k`, or -1. */
function completeOpenTagEnd(s: string, k: number, end: number): number {
	for (;;) {
		// completeAttributeNameBefore
		const before = k;
		while (k < end && isSpaceOrTab(s.charCodeAt(k))) k++;
		if (k >= end) return -1;
		let c = s.charCodeAt(k);
		if (c === SLASH) {
			return k + 1 < end && s.charCodeAt(k + 1) === GT ? k + 2 : -1;
		}
		if (c === GT) return k + 1;
		if (!(c === COLON || c === UNDERSCORE || isAsciiAlpha(c))) return -1;
		if (k === before) return -1; // attributes need whitespace before them
		k++;
		while (k < end) {
			c = s.charCodeAt(k);
			if (c === DASH || c === DOT || c === COLON || c === UNDERSCORE || isAlnum(c)) k++;
			else break;
		}
		// completeAttributeNameAfter
		let j = k;
		while (j < end && isSpaceOrTab(s.charCodeAt(j))) j++;
		if (j < end && s.charCodeAt(j) === EQUALS) {
			j++;
			while (j < end && isSpaceOrTab(s.charCodeAt(j))) j++;
			if (j >= end) return -1;
			c = s.charCodeAt(j);
			if (c === LT || c === EQUALS || c === GT || c === BACKTICK) return -1;
			if (c === QUOTE || c === APOS) {
				const close = s.indexOf(String.fromCharCode(c), j + 1);
				if (close < 0 || close >= end) return -1;
				k = close + 1;
				if (k < end) {
					const n = s.charCodeAt(k);
					if (!(n === SLASH || n === GT || isSpaceOrTab(n))) return -1;
				}
			} else {
				while (j < end) {
					c = s.charCodeAt(j);
					if (c === QUOTE || c === APOS || c === SLASH || c === LT || c === EQUALS || c === GT || c === BACKTICK || isSpaceOrTab(c)) break;
					j++;
				}
				k = j;
			}
		}
		// else: attribute without value; k stays after the name (whitespace re-skipped above).
	}
}

/**
 * Builds the content of lines[from..to): one slice of the text when the
 * lines are only separated by line endings and whitespace, else the line
 * contents joined with their line endings.
 */
function buildContent(text: string, lines: ParaLine[], from: number, to: number, trimEnd = false, heading = -1): Region {
	const first = lines[from];
	let last = lines[to - 1].end;
	if (trimEnd) {
		while (last > lines[to - 1].start && isSpaceOrTab(text.charCodeAt(last - 1))) last--;
	}
	let contiguous = true;
	for (let i = from + 1; i < to && contiguous; i++) {
		const prevEnd = lines[i - 1].end;
		const start = lines[i].start;
		for (let k = prevEnd; k < start; k++) {
			const c = text.charCodeAt(k);
			if (c !== LF && c !== CR && c !== SPACE && c !== TAB) {
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
			content += text.charCodeAt(eol) === CR ? (text.charCodeAt(eol + 1) === LF ? '\r\n' : '\r') : '\n';
		}
		segContent.push(content.length);
		segText.push(lines[i].start);
		content += text.slice(lines[i].start, i === to - 1 ? last : lines[i].end);
	}
	return { content, base: first.start, segContent, segText, heading };
}

// ---------------------------------------------------------------------------
// Inline pass

interface Opener {
	/** Index of `[` (or `!` for an image) in the content. */
	pos: number;
	/** Index after `[`. */
	textStart: number;
	image: boolean;
	inactive: boolean;
	/** Index of the heading-text piece holding the opener, or -1. */
	piece: number;
}

interface RawLink {
	start: number;
	end: number;
	link: LinkOccurrence | undefined;
	footnote: FootnoteReference | undefined;
}

/** A delimiter run for emphasis/strikethrough in heading text. */
interface Delimiter {
	piece: number;
	char: number;
	length: number;
	original: number;
	canOpen: boolean;
	canClose: boolean;
	/** Link text the run is in (0: none); emphasis never crosses link text. */
	group: number;
}

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

/** ASCII characters the inline scanner must look at (1) or may skip (0). */
const INLINE_SPECIAL = new Uint8Array(128);
for (const c of '\\`<&![]*_~hHwW') INLINE_SPECIAL[c.charCodeAt(0)] = 1;
const LINE_ENDING_WS = /([ \t]*)(\r\n|\r|\n)[ \t]*/g;
const UNICODE_WS = /\s/u;

/** micromark classifyCharacter on UTF-16 code units: 0 whitespace (or edge), 1 punctuation, 2 other. */
function classify(s: string, index: number, before: boolean): number {
	const at = before ? index - 1 : index;
	if (at < 0 || at >= s.length) return 0;
	const code = s.charCodeAt(at);
	if (code < 128) {
		if (code === SPACE || code === TAB || code === LF || code === CR) return 0;
		return isAsciiPunct(code) ? 1 : 2;
	}
	if (isUnicodeWhitespace(code)) return 0;
	if (isUnicodePunctuation(code)) return 1;
	return 2;
}

function isUnicodeWhitespace(code: number): boolean {
	return code < 128 ? code === SPACE || (code >= 9 && code <= 13) : UNICODE_WS.test(String.fromCharCode(code));
}

function isUnicodePunctuation(code: number): boolean {
	return code < 128 ? isAsciiPunct(code) : UNICODE_PUNCT.test(String.fromCharCode(code));
}

/** Characters a GFM literal autolink path may end with (trail). */
function isTrailPunctuation(c: number): boolean {
	return c === BANG || c === QUOTE || c === APOS || c === RPAREN || c === STAR || c === 44 /* , */ || c === DOT || c === COLON || c === SEMI || c === QUESTION || c === UNDERSCORE || c === TILDE;
}

/** GFM literal autolink `trail` check at `k`: is what follows only trailing punctuation? */
function literalTrailEnds(s: string, k: number, len: number): boolean {
	for (;;) {
		if (k >= len) return true;
		const c = s.charCodeAt(k);
		if (isTrailPunctuation(c)) {
			k++;
		} else if (c === AMP) {
			k++;
			if (k >= len || !isAsciiAlpha(s.charCodeAt(k))) return false;
			while (k < len && isAsciiAlpha(s.charCodeAt(k))) k++;
			if (k >= len || s.charCodeAt(k) !== SEMI) return false;
			k++;
		} else if (c === RBRACKET) {
			k++;
			if (k >= len) return true;
			const n = s.charCodeAt(k);
			if (n === LPAREN || n === LBRACKET || isWs(n) || isUnicodeWhitespace(n)) return true;
		} else {
			return c === LT || isWs(c) || isUnicodeWhitespace(c);
		}
	}
}

/** GFM literal autolink domain from `k`: returns its end, or -1. */
function scanLiteralDomain(s: string, k: number, len: number): number {
	let seen = false;
	let underscoreLast = false;
	let underscoreLastLast = false;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === DOT || c === UNDERSCORE) {
			if (literalTrailEnds(s, k, len)) break;
			if (c === UNDERSCORE) {
				underscoreLast = true;
			} else {
				underscoreLastLast = underscoreLast;
				underscoreLast = false;
			}
			k++;
			continue;
		}
		if (isWs(c) || isUnicodeWhitespace(c) || (c !== DASH && isUnicodePunctuation(c))) break;
		seen = true;
		k++;
	}
	return underscoreLast || underscoreLastLast || !seen ? -1 : k;
}

/** GFM literal autolink path from `k`: returns its end. */
function scanLiteralPath(s: string, k: number, len: number): number {
	let open = 0;
	let close = 0;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === LPAREN) {
			open++;
			k++;
			continue;
		}
		if (c === RPAREN && close < open) {
			close++;
			k++;
			continue;
		}
		if (isTrailPunctuation(c) || c === AMP || c === LT || c === RBRACKET) {
			if (literalTrailEnds(s, k, len)) return k;
			if (c === RPAREN) close++;
			k++;
			continue;
		}
		if (isWs(c) || isUnicodeWhitespace(c)) return k;
		k++;
	}
	return k;
}

/**
 * A GFM literal `http(s)://` or `www.` autolink starting at `i` (whose
 * first character is h/H/w/W): returns its end, or -1.
 */
function scanLiteralAutolink(s: string, i: number, len: number): number {
	const previous = i > 0 ? s.charCodeAt(i - 1) : -1;
	const c = s.charCodeAt(i);
	if (c === 104 || c === 72) {
		if (previous >= 0 && isAsciiAlpha(previous)) return -1;
		let k = i + 1;
		while (k < len && k - i < 5 && isAsciiAlpha(s.charCodeAt(k))) k++;
		if (k >= len || s.charCodeAt(k) !== COLON) return -1;
		const protocol = s.slice(i, k).toLowerCase();
		if (protocol !== 'http' && protocol !== 'https') return -1;
		if (s.charCodeAt(k + 1) !== SLASH || s.charCodeAt(k + 2) !== SLASH || k + 2 >= len) return -1;
		k += 3;
		if (k >= len) return -1;
		const first = s.charCodeAt(k);
		if (isControl(first) || isWs(first) || isUnicodeWhitespace(first) || isUnicodePunctuation(first)) return -1;
		const domainEnd = scanLiteralDomain(s, k, len);
		return domainEnd < 0 ? -1 : scanLiteralPath(s, domainEnd, len);
	}
	// www.
	if (!(previous < 0 || previous === LPAREN || previous === STAR || previous === UNDERSCORE || previous === LBRACKET || previous === RBRACKET || previous === TILDE || isWs(previous))) {
		return -1;
	}
	for (let k = i + 1; k < i + 3; k++) {
		const w = s.charCodeAt(k);
		if (w !== 119 && w !== 87) return -1;
	}
	if (s.charCodeAt(i + 3) !== DOT || i + 4 >= len) return -1;
	const domainEnd = scanLiteralDomain(s, i, len);
	return domainEnd < 0 ? -1 : scanLiteralPath(s, domainEnd, len);
}

class InlineScanner {
	private readonly definitions: Map<string, LinkDefinition>;
	private readonly footnoteLabels: Set<string>;
	readonly found: RawLink[] = [];

	// Per region state.
	private s = '';
	private len = 0;
	private region!: Region;
	private noCloser: number[] = [];
	private openers: Opener[] = [];
	private lastOpenerPos = -1;
	private lastConstructPos = -1;
	private regionFound = 0;
	// Heading text.
	private pieces: string[] | undefined;
	private potentialCallPiece = -1;
	private groupCount = 0;
	private delimiters: Delimiter[] = [];

	constructor(definitions: Map<string, LinkDefinition>, footnoteLabels: Set<string>) {
		this.definitions = definitions;
		this.footnoteLabels = footnoteLabels;
	}

	/** Scans one region; returns the heading text when it is a heading. */
	scanRegion(region: Region): string {
		const s = region.content;
		this.s = s;
		this.len = s.length;
		this.region = region;
		if (this.noCloser.length !== 0) this.noCloser = [];
		if (this.openers.length !== 0) this.openers.length = 0;
		this.lastOpenerPos = -1;
		this.lastConstructPos = -1;
		this.regionFound = this.found.length;
		const heading = region.heading >= 0;
		this.pieces = heading ? [] : undefined;
		if (heading) this.delimiters = [];
		this.groupCount = 0;
		const len = this.len;
		let i = 0;
		let literal = 0; // start of pending literal text (heading text only)
		while (i < len) {
			const c = s.charCodeAt(i);
			if (c >= 128 || INLINE_SPECIAL[c] === 0) {
				i++;
				continue;
			}
			switch (c) {
				case BACKSLASH: {
					if (i + 1 < len && isAsciiPunct(s.charCodeAt(i + 1))) {
						if (heading) {
							this.flush(literal, i);
							literal = i + 1;
						}
						i += 2;
					} else if (heading && i + 1 < len && isLineEnding(s.charCodeAt(i + 1))) {
						// Hard break: the line ending goes too.
						this.flush(literal, i);
						let k = i + 1;
						k += s.charCodeAt(k) === CR && s.charCodeAt(k + 1) === LF ? 2 : 1;
						while (k < len && isSpaceOrTab(s.charCodeAt(k))) k++;
						literal = k;
						i = k;
					} else {
						i++;
					}
					continue;
				}
				case BACKTICK: {
					let k = i + 1;
					while (k < len && s.charCodeAt(k) === BACKTICK) k++;
					const n = k - i;
					const close = this.findCodeCloser(k, n);
					if (close < 0) {
						i = k;
					} else {
						if (heading) {
							this.flush(literal, i);
							this.pieces!.push(codeSpanValue(s, k, close));
							literal = close + n;
						}
						i = close + n;
					}
					continue;
				}
				case LT: {
					const auto = this.scanAutolink(i);
					if (auto > 0) {
						if (heading) {
							this.flush(literal, i);
							this.pieces!.push(s.slice(i + 1, auto - 1));
							literal = auto;
						}
						i = auto;
						continue;
					}
					const html = scanHtmlInline(s, i, len);
					i = html > 0 ? html : i + 1;
					continue;
				}
				case AMP: {
					if (heading) {
						const after = scanCharacterReference(s, i, len);
						if (after > 0) {
							this.flush(literal, i);
							this.pieces!.push(refValue);
							literal = after;
							i = after;
							continue;
						}
					}
					i++;
					continue;
				}
				case BANG: {
					if (i + 1 < len && s.charCodeAt(i + 1) === LBRACKET) {
						let piece = -1;
						if (heading) {
							this.flush(literal, i);
							piece = this.pieces!.length;
							this.pieces!.push('![');
							literal = i + 2;
						}
						this.openers.push({ pos: i, textStart: i + 2, image: true, inactive: false, piece });
						this.lastOpenerPos = i;
						i += 2;
						continue;
					}
					i++;
					continue;
				}
				case LBRACKET: {
					if (i + 1 < len && s.charCodeAt(i + 1) === CARET) {
						const end = this.scanFootnoteCall(i);
						if (end > 0) {
							// A call whether its label is defined or not (micromark
							// only makes calls of defined labels; an undefined one is
							// parsed here as if it were defined).
							const rawLabel = s.slice(i + 2, end - 1);
							this.recordFootnote(i, end, rawLabel, normalizeMarkdownLabel(rawLabel));
							if (heading) {
								this.flush(literal, i);
								literal = end;
							}
							this.lastConstructPos = i;
							i = end;
							continue;
						}
					}
					let piece = -1;
					if (heading) {
						this.flush(literal, i);
						piece = this.pieces!.length;
						this.pieces!.push('[');
						literal = i + 1;
					}
					this.openers.push({ pos: i, textStart: i + 1, image: false, inactive: false, piece });
					this.lastOpenerPos = i;
					i++;
					continue;
				}
				case RBRACKET: {
					const after = this.labelEnd(i);
					if (heading && after > 0) {
						this.flush(literal, i);
						literal = after;
						const callPiece = this.potentialCallPiece;
						if (callPiece >= 0) {
							// `![^label]` became `!` and a footnote call: its label is not text.
							this.pieces!.length = callPiece + 1;
							this.delimiters = this.delimiters.filter((d) => d.piece <= callPiece);
							this.potentialCallPiece = -1;
						}
					}
					i = after > 0 ? after : i + 1;
					continue;
				}
				case 104: // h
				case 72: // H
				case 119: // w
				case 87: {
					// W. GFM literal autolinks cannot start inside link text.
					const n = i + 1 < len ? s.charCodeAt(i + 1) | 0x20 : 0;
					if (this.openers.length === 0 && (n === 116 /* t */ || n === 119) /* w */) {
						const end = scanLiteralAutolink(s, i, len);
						if (end > 0) {
							if (heading) {
								this.flush(literal, i);
								this.pieces!.push(s.slice(i, end));
								literal = end;
							}
							i = end;
							continue;
						}
					}
					i++;
					continue;
				}
				case STAR:
				case UNDERSCORE:
				case TILDE: {
					if (!heading) {
						i++;
						continue;
					}
					let k = i + 1;
					while (k < len && s.charCodeAt(k) === c) k++;
					this.flush(literal, i);
					const length = k - i;
					const before = classify(s, i, true);
					const after = classify(s, k, false);
					const leftFlanking = after !== 0 && (after !== 1 || before !== 2);
					const rightFlanking = before !== 0 && (before !== 1 || after !== 2);
					let canOpen = leftFlanking;
					let canClose = rightFlanking;
					if (c === UNDERSCORE) {
						canOpen = leftFlanking && (!rightFlanking || before === 1);
						canClose = rightFlanking && (!leftFlanking || after === 1);
					}
					if (c !== TILDE || length <= 2) {
						this.delimiters.push({ piece: this.pieces!.length, char: c, length, original: length, canOpen, canClose, group: 0 });
					}
					this.pieces!.push(s.slice(i, k));
					literal = k;
					i = k;
					continue;
				}
				default:
					i++;
			}
		}
		if (!heading) return '';
		this.flush(literal, len);
		this.processEmphasis();
		return this.pieces!.join('');
	}

	/** Adds the literal text s[from, to) to the heading text. */
	private flush(from: number, to: number): void {
		if (to <= from) return;
		let piece = this.s.slice(from, to);
		if (piece.indexOf('\n') >= 0 || piece.indexOf('\r') >= 0) {
			// Whitespace around line endings is dropped; two or more trailing
			// spaces make a hard break, which drops the line ending too.
			piece = piece.replace(LINE_ENDING_WS, (_match: string, before: string, eol: string) =>
				before.length >= 2 && before.indexOf('\t') < 0 ? '' : eol,
			);
		}
		this.pieces!.push(piece);
	}

	private findCodeCloser(from: number, n: number): number {
		if (this.noCloser[n] === 1) return -1;
		const s = this.s;
		const len = this.len;
		let k = from;
		for (;;) {
			k = s.indexOf('`', k);
			if (k < 0) break;
			let j = k + 1;
			while (j < len && s.charCodeAt(j) === BACKTICK) j++;
			if (j - k === n) return k;
			k = j;
		}
		this.noCloser[n] = 1;
		return -1;
	}

	private scanFootnoteCall(i: number): number {
		const s = this.s;
		const len = this.len;
		let k = i + 2;
		let size = 0;
		let data = false;
		while (k < len) {
			const c = s.charCodeAt(k);
			if (size > MAX_LABEL || (c === RBRACKET && !data) || c === LBRACKET || isWs(c)) return -1;
			if (c === RBRACKET) return k + 1;
			data = true;
			size++;
			k++;
			if (c === BACKSLASH && k < len) {
				const n = s.charCodeAt(k);
				if (n === LBRACKET || n === BACKSLASH || n === RBRACKET) {
					k++;
					size++;
				}
			}
		}
		return -1;
	}

	private recordFootnote(start: number, end: number, rawLabel: string, label: string): void {
		const span = { start: toTextOffset(this.region, start), end: toTextOffset(this.region, end) };
		this.found.push({ start, end, link: undefined, footnote: { label, rawLabel, span } });
	}

	/** `<` at i: an autolink? Records it and returns the index after `>`, or -1. */
	private scanAutolink(i: number): number {
		const s = this.s;
		const len = this.len;
		let k = i + 1;
		if (k >= len) return -1;
		let c = s.charCodeAt(k);
		let email = false;
		if (isAsciiAlpha(c)) {
			k++;
			let size = 1;
			while (k < len) {
				c = s.charCodeAt(k);
				if (c === PLUS || c === DASH || c === DOT || isAlnum(c)) {
					size++;
					k++;
					if (size > 32) break;
				} else {
					break;
				}
			}
			if (size >= 2 && size <= 32 && k < len && s.charCodeAt(k) === COLON) {
				k++;
				while (k < len) {
					c = s.charCodeAt(k);
					if (c === GT) {
						this.recordAutolink(i, k + 1, false);
						return k + 1;
					}
					if (c === SPACE || c === LT || isControl(c)) return -1;
					k++;
				}
				return -1;
			}
			email = true;
		} else if (c !== AT && isAtext(c)) {
			email = true;
		}
		if (!email) return -1;
		// Email: atext+ '@' label ('.' label)* '>'
		k = i + 1;
		while (k < len && isAtext(s.charCodeAt(k))) k++;
		if (k >= len || s.charCodeAt(k) !== AT || k === i + 1) return -1;
		k++;
		for (;;) {
			if (k >= len || !isAlnum(s.charCodeAt(k))) return -1;
			let size = 0;
			let lastDash = false;
			while (k < len) {
				c = s.charCodeAt(k);
				if (isAlnum(c) || c === DASH) {
					if (size >= 63) return -1;
					size++;
					lastDash = c === DASH;
					k++;
				} else {
					break;
				}
			}
			if (lastDash) return -1;
			if (k < len && s.charCodeAt(k) === DOT) {
				k++;
				continue;
			}
			if (k < len && s.charCodeAt(k) === GT) {
				this.recordAutolink(i, k + 1, true);
				return k + 1;
			}
			return -1;
		}
	}

	private recordAutolink(start: number, end: number, email: boolean): void {
		const raw = this.s.slice(start + 1, end - 1);
		const region = this.region;
		const span = { start: toTextOffset(region, start), end: toTextOffset(region, end) };
		const link: LinkOccurrence = {
			kind: 'autolink',
			isImage: false,
			destination: email ? 'mailto:' + raw : raw,
			span,
			textSpan: { start: span.start + 1, end: span.start + 1 },
			destinationSpan: { start: span.start + 1, end: span.end - 1 },
		};
		this.lastConstructPos = start;
		this.found.push({ start, end, link, footnote: undefined });
	}

	/** `]` at i: closes a link/image if possible; returns the index after it, or -1. */
	private labelEnd(i: number): number {
		const openers = this.openers;
		const s = this.s;
		const len = this.len;
		if (openers.length === 0) return -1;
		const opener = openers[openers.length - 1];
		if (opener.inactive) {
			openers.pop();
			return -1;
		}
		// A label this long could only match a definition through huge runs of
		// whitespace; not looking at it keeps `[[[[…]]]]` linear.
		const labelTooLong = i - opener.textStart > MAX_LABEL_SCAN;
		const next = i + 1 < len ? s.charCodeAt(i + 1) : -1;
		let end = -1;
		let kind: 'inline' | 'reference' = 'inline';
		let refLabel: string | undefined;
		let destStart = 0;
		let destStop = 0;
		if (next === LPAREN) {
			const r = this.scanResource(i + 1);
			if (r > 0) {
				end = r;
				destStart = this.resDestStart;
				destStop = this.resDestStop;
			}
		} else if (next === LBRACKET) {
			const labelEnd = scanLinkLabel(s, i + 1, len);
			if (labelEnd > 0) {
				const label = normalizeMarkdownLabel(s.slice(i + 2, labelEnd - 1));
				if (this.definitions.has(label)) {
					end = labelEnd;
					kind = 'reference';
					refLabel = label;
				}
			}
			if (end < 0 && i + 2 < len && s.charCodeAt(i + 2) === RBRACKET) {
				refLabel = this.definedLabel(opener.textStart, i, labelTooLong);
				if (refLabel !== undefined) {
					end = i + 3;
					kind = 'reference';
				}
			}
		}
		// Shortcut (also after a `(` that starts no resource).
		if (end < 0 && next !== LBRACKET && this.definitions.size > 0) {
			refLabel = this.definedLabel(opener.textStart, i, labelTooLong);
			if (refLabel !== undefined) {
				end = i + 1;
				kind = 'reference';
			}
		}
		openers.pop();
		if (end < 0) {
			// gfm: `![^label]` that is no image is `!` and a footnote call
			// (undefined labels are treated as if they were defined).
			if (opener.image && !labelTooLong && this.lastOpenerPos === opener.pos && this.lastConstructPos < opener.pos) {
				const raw = s.slice(opener.textStart, i);
				const id = normalizeMarkdownLabel(raw);
				if (id.charCodeAt(0) === CARET && (this.footnoteLabels.has(id.slice(1)) || this.scanFootnoteCall(opener.pos + 1) === i + 1)) {
					if (this.pieces !== undefined && opener.piece >= 0) {
						this.pieces[opener.piece] = '!';
						this.potentialCallPiece = opener.piece;
					}
					const rawLabel = s.slice(opener.textStart + 1, i);
					this.recordFootnote(opener.pos + 1, i + 1, rawLabel, id.slice(1));
					this.lastConstructPos = opener.pos + 1;
					return i + 1;
				}
			}
			return -1;
		}
		// A link or image.
		const region = this.region;
		const start = opener.pos;
		let link: LinkOccurrence;
		const span = { start: toTextOffset(region, start), end: toTextOffset(region, end) };
		const textSpan = { start: toTextOffset(region, opener.textStart), end: toTextOffset(region, i) };
		if (kind === 'inline') {
			link = {
				kind,
				isImage: opener.image,
				destination: decodeString(s, destStart, destStop),
				span,
				textSpan,
				destinationSpan: { start: toTextOffset(region, destStart), end: toTextOffset(region, destStop) },
			};
		} else {
			const definition = this.definitions.get(refLabel!)!;
			link = {
				kind,
				isImage: opener.image,
				destination: definition.destination,
				span,
				textSpan,
				destinationSpan: definition.destinationSpan,
				referenceLabel: refLabel,
			};
		}
		if (opener.image) {
			// mdast keeps only the alt text of an image: nothing inside is a link.
			this.dropFoundFrom(start);
		} else {
			// No links in links: earlier link openers become inactive (below an
			// inactive one all already are).
			for (let k = openers.length - 1; k >= 0; k--) {
				const other = openers[k];
				if (other.image) continue;
				if (other.inactive) break;
				other.inactive = true;
			}
		}
		if (this.pieces !== undefined && opener.piece >= 0) {
			this.pieces[opener.piece] = '';
			const group = ++this.groupCount;
			for (const d of this.delimiters) {
				if (d.piece > opener.piece && d.group === 0) d.group = group;
			}
		}
		this.lastConstructPos = start;
		this.found.push({ start, end, link, footnote: undefined });
		return end;
	}

	/** The normalized label s[from, to) when a definition has it. */
	private definedLabel(from: number, to: number, tooLong: boolean): string | undefined {
		if (tooLong) return undefined;
		const label = normalizeMarkdownLabel(this.s.slice(from, to));
		return this.definitions.has(label) ? label : undefined;
	}

	private dropFoundFrom(start: number): void {
		const found = this.found;
		let k = found.length;
		while (k > this.regionFound && found[k - 1].start >= start) k--;
		found.length = k;
	}

	private resDestStart = 0;
	private resDestStop = 0;

	/** A resource `(dest "title")` at `p`: returns the index after `)`, or -1. */
	private scanResource(p: number): number {
		const s = this.s;
		const len = this.len;
		let k = skipWhitespace(s, p + 1, len, true);
		if (k >= len) return -1;
		if (s.charCodeAt(k) === RPAREN) {
			this.resDestStart = k;
			this.resDestStop = k;
			return k + 1;
		}
		const destEnd = scanDestination(s, k, len, 32);
		if (destEnd < 0) return -1;
		if (s.charCodeAt(k) === LT) {
			this.resDestStart = k + 1;
			this.resDestStop = destEnd - 1;
		} else {
			this.resDestStart = k;
			this.resDestStop = destEnd;
		}
		k = destEnd;
		if (k < len && isWs(s.charCodeAt(k))) {
			k = skipWhitespace(s, k, len, true);
			const c = k < len ? s.charCodeAt(k) : -1;
			if (c === QUOTE || c === APOS || c === LPAREN) {
				k = scanTitle(s, k, len);
				if (k < 0) return -1;
				k = skipWhitespace(s, k, len, true);
			}
		}
		return k < len && s.charCodeAt(k) === RPAREN ? k + 1 : -1;
	}

	/** CommonMark "process emphasis" over the heading's delimiter runs: consumed markers are removed from the pieces. */
	private processEmphasis(): void {
		const all = this.delimiters;
		for (let group = 0; group <= this.groupCount; group++) {
			const delimiters = all.filter((d) => d.group === group);
			if (delimiters.length > 1) this.processEmphasisGroup(delimiters);
		}
		const pieces = this.pieces!;
		for (const d of all) {
			if (d.length !== d.original) pieces[d.piece] = pieces[d.piece].slice(0, d.length);
		}
	}

	private processEmphasisGroup(delimiters: Delimiter[]): void {
		for (let closerIndex = 0; closerIndex < delimiters.length; closerIndex++) {
			const closer = delimiters[closerIndex];
			if (!closer.canClose) continue;
			while (closer.length > 0) {
				let found = -1;
				for (let k = closerIndex - 1; k >= 0; k--) {
					const opener = delimiters[k];
					if (opener.char !== closer.char || !opener.canOpen || opener.length === 0) continue;
					if (closer.char === TILDE) {
						if (opener.length !== closer.length) continue;
					} else if ((opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0)) {
						continue;
					}
					found = k;
					break;
				}
				if (found < 0) break;
				const opener = delimiters[found];
				const use = closer.char === TILDE ? closer.length : opener.length >= 2 && closer.length >= 2 ? 2 : 1;
				opener.length -= use;
				closer.length -= use;
				// Delimiters between opener and closer can no longer match.
				for (let k = found + 1; k < closerIndex; k++) {
					delimiters[k].canOpen = false;
					delimiters[k].canClose = false;
				}
			}
		}
	}
}

/**
 * The value of a code span as mdast has it: line endings kept, and one
 * space or line ending stripped from each side when both sides have one and
 * something else is inside.
 */
function codeSpanValue(s: string, start: number, end: number): string {
	if (end - start >= 2) {
		const first = s.charCodeAt(start);
		const last = s.charCodeAt(end - 1);
		if ((first === SPACE || first === LF || first === CR) && (last === SPACE || last === LF || last === CR)) {
			let hasData = false;
			for (let k = start; k < end && !hasData; k++) {
				const c = s.charCodeAt(k);
				hasData = c !== SPACE && c !== LF && c !== CR;
			}
			if (hasData) {
				const from = first === CR && s.charCodeAt(start + 1) === LF ? start + 2 : start + 1;
				const to = last === LF && s.charCodeAt(end - 2) === CR ? end - 2 : end - 1;
				return s.slice(from, to);
			}
		}
	}
	return s.slice(start, end);
}

/** Raw inline HTML at `s[p] === '<'`: returns the index after it, or -1 (micromark htmlText). */
function scanHtmlInline(s: string, p: number, len: number): number {
	let k = p + 1;
	if (k >= len) return -1;
	let c = s.charCodeAt(k);
	if (c === BANG) {
		k++;
		c = k < len ? s.charCodeAt(k) : -1;
		if (c === DASH) {
			if (s.charCodeAt(k + 1) !== DASH || k + 1 >= len) return -1;
			k += 2;
			// `<!-->` and `<!--->` are comments.
			if (s.charCodeAt(k) === GT && k < len) return k + 1;
			if (s.charCodeAt(k) === DASH && s.charCodeAt(k + 1) === GT && k + 1 < len) return k + 2;
			const close = s.indexOf('-->', k);
			return close < 0 ? -1 : close + 3;
		}
		if (c === LBRACKET) {
			if (!s.startsWith('CDATA[', k + 1)) return -1;
			const close = s.indexOf(']]>', k + 7);
			return close < 0 ? -1 : close + 3;
		}
		if (c >= 0 && isAsciiAlpha(c)) {
			const close = s.indexOf('>', k);
			return close < 0 ? -1 : close + 1;
		}
		return -1;
	}
	if (c === QUESTION) {
		const close = s.indexOf('?>', k + 1);
		return close < 0 ? -1 : close + 2;
	}
	if (c === SLASH) {
		k++;
		if (k >= len || !isAsciiAlpha(s.charCodeAt(k))) return -1;
		k++;
		while (k < len && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
		while (k < len && isWs(s.charCodeAt(k))) k++;
		return k < len && s.charCodeAt(k) === GT ? k + 1 : -1;
	}
	if (!isAsciiAlpha(c)) return -1;
	k++;
	while (k < len && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
	if (k >= len) return -1;
	c = s.charCodeAt(k);
	if (!(c === SLASH || c === GT || isWs(c))) return -1;
	// tagOpenBetween
	for (;;) {
		const before = k;
		while (k < len && isWs(s.charCodeAt(k))) k++;
		if (k >= len) return -1;
		c = s.charCodeAt(k);
		if (c === SLASH) return k + 1 < len && s.charCodeAt(k + 1) === GT ? k + 2 : -1;
		if (c === GT) return k + 1;
		if (!(c === COLON || c === UNDERSCORE || isAsciiAlpha(c))) return -1;
		if (k === before) return -1;
		k++;
		while (k < len) {
			c = s.charCodeAt(k);
			if (c === DASH || c === DOT || c === COLON || c === UNDERSCORE || isAlnum(c)) k++;
			else break;
		}
		// tagOpenAttributeNameAfter
		let j = k;
		while (j < len && isWs(s.charCodeAt(j))) j++;
		if (j < len && s.charCodeAt(j) === EQUALS) {
			j++;
			while (j < len && isWs(s.charCodeAt(j))) j++;
			if (j >= len) return -1;
			c = s.charCodeAt(j);
			if (c === LT || c === EQUALS || c === GT || c === BACKTICK) return -1;
			if (c === QUOTE || c === APOS) {
				const close = s.indexOf(String.fromCharCode(c), j + 1);
				if (close < 0) return -1;
				k = close + 1;
				if (k >= len) return -1;
				const n = s.charCodeAt(k);
				if (!(n === SLASH || n === GT || isWs(n))) return -1;
			} else {
				while (j < len) {
					c = s.charCodeAt(j);
					if (c === QUOTE || c === APOS || c === LT || c === EQUALS || c === BACKTICK) return -1;
					if (c === SLASH || c === GT || isWs(c)) break;
					j++;
				}
				if (j >= len) return -1;
				k = j;
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Entry point

/**
 * Scans a markdown document. `bodyStart` is where the body begins (after
 * YAML frontmatter, at a line start); nothing before it is looked at.
 */
export function scanMarkdown(text: string, bodyStart = 0): MarkdownScan {
	const scanner = new Scanner(text);
	scanner.scan(bodyStart);
	const inline = new InlineScanner(scanner.definitionMap, scanner.footnoteLabels);
	const headingTexts: string[] = new Array<string>(scanner.headings.length).fill('');
	for (const region of scanner.regions) {
		const headingText = inline.scanRegion(region);
		if (region.heading >= 0) headingTexts[region.heading] = headingText;
	}
	const found = inline.found;
	// Inner links complete before outer ones: restore document order.
	const startOf = (entry: RawLink): number => (entry.link !== undefined ? entry.link.span.start : entry.footnote!.span.start);
	let sorted = true;
	for (let k = 1; k < found.length && sorted; k++) sorted = startOf(found[k - 1]) <= startOf(found[k]);
	if (!sorted) found.sort((a, b) => startOf(a) - startOf(b));
	const links: LinkOccurrence[] = [];
	const footnoteReferences: FootnoteReference[] = [];
	for (const entry of found) {
		if (entry.link !== undefined) links.push(entry.link);
		else footnoteReferences.push(entry.footnote!);
	}
	const slugger = new HeadingSlugger();
	const headings: Heading[] = scanner.headings.map((h, index) => ({
		level: h.level,
		text: headingTexts[index],
		anchor: slugger.slug(headingTexts[index]),
		span: { start: h.start, end: h.end },
	}));
	const footnoteDefinitions: FootnoteDefinition[] = scanner.footnoteDrafts.map((d) => ({
		label: d.label,
		rawLabel: d.rawLabel,
		span: { start: d.start, end: d.end },
		markerSpan: { start: d.start, end: d.markerEnd },
	}));
	return { links, definitions: scanner.definitions, footnoteReferences, footnoteDefinitions, headings };
}
