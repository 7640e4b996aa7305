/**
 * The state of the inline pass over one region (paragraph or heading
 * content), shared by the inline constructs: what was found, the open
 * link/image openers, and for a heading the pieces of its plain text and
 * its emphasis delimiter runs.
 */

import type { FootnoteReference, HtmlAnchor, LinkDefinition, LinkOccurrence, Span } from '../markdownTypes';
import { type Region, toTextOffset } from './region';

export interface Opener {
	/** Index of `[` (or `!` for an image) in the content. */
	pos: number;
	/** Index after `[`. */
	textStart: number;
	image: boolean;
	inactive: boolean;
	/** Index of the heading-text piece holding the opener, or -1. */
	piece: number;
}

export interface RawLink {
	start: number;
	end: number;
	link: LinkOccurrence | undefined;
	footnote: FootnoteReference | undefined;
}

/** A delimiter run for emphasis/strikethrough in heading text. */
export interface Delimiter {
	piece: number;
	char: number;
	length: number;
	original: number;
	canOpen: boolean;
	canClose: boolean;
	/** Link text the run is in (0: none); emphasis never crosses link text. */
	group: number;
}

const LINE_ENDING_WS = /([ \t]*)(\r\n|\r|\n)[ \t]*/g;

export class InlineContext {
	readonly definitions: Map<string, LinkDefinition>;
	readonly footnoteLabels: Set<string>;
	readonly found: RawLink[] = [];
	/** Code spans, in document order, as pairs of text offsets: their content's start and end (between the backtick runs). */
	readonly codeSpans: number[] = [];
	/** GFM literal autolinks (bare `https://…`, `www.…`), in document order. */
	readonly literalAutolinks: Span[] = [];
	/** `id`/`name` anchors of raw inline HTML, in document order. */
	readonly htmlAnchors: HtmlAnchor[] = [];

	// Per region state.
	s = '';
	len = 0;
	region!: Region;
	/** Code span closers known absent, by backtick count (1 when absent). */
	noCloser: number[] = [];
	openers: Opener[] = [];
	lastOpenerPos = -1;
	lastConstructPos = -1;
	/** found.length when the region started. */
	regionFound = 0;
	// Heading text.
	heading = false;
	pieces: string[] | undefined;
	/** The pieces of the heading text that are raw HTML (left out of the text an id is made from). */
	htmlPieces: number[] = [];
	/** Start of pending literal text (heading text only). */
	literal = 0;
	potentialCallPiece = -1;
	groupCount = 0;
	delimiters: Delimiter[] = [];

	constructor(definitions: Map<string, LinkDefinition>, footnoteLabels: Set<string>) {
		this.definitions = definitions;
		this.footnoteLabels = footnoteLabels;
	}

	protected startRegion(region: Region): void {
		const s = region.content;
		this.s = s;
		this.len = s.length;
		this.region = region;
		if (this.noCloser.length !== 0) {
			this.noCloser = [];
		}
		if (this.openers.length !== 0) {
			this.openers.length = 0;
		}
		this.lastOpenerPos = -1;
		this.lastConstructPos = -1;
		this.regionFound = this.found.length;
		this.heading = region.heading >= 0;
		this.pieces = this.heading ? [] : undefined;
		if (this.heading) {
			this.delimiters = [];
			this.htmlPieces = [];
		}
		this.groupCount = 0;
		this.literal = 0;
	}

	/** Adds the literal text s[from, to) to the heading text. */
	flush(from: number, to: number): void {
		if (to <= from) {
			return;
		}
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

	/** In heading text, the construct s[from, to) stands for `value` (undefined: for nothing). */
	replaceText(from: number, to: number, value: string | undefined): void {
		this.flush(this.literal, from);
		if (value !== undefined) {
			this.pieces!.push(value);
		}
		this.literal = to;
	}

	recordFootnote(start: number, end: number, rawLabel: string, label: string): void {
		const span = { start: toTextOffset(this.region, start), end: toTextOffset(this.region, end) };
		this.found.push({ start, end, link: undefined, footnote: { label, rawLabel, span } });
	}

	/** Forgets what was found in this region from `start` on. */
	dropFoundFrom(start: number): void {
		const found = this.found;
		let k = found.length;
		while (k > this.regionFound && found[k - 1].start >= start) {
			k--;
		}
		found.length = k;
	}
}
