/**
 * The inline pass over one region (paragraph or heading content), once all
 * definitions are known: code spans, autolinks, raw HTML, escapes and
 * character references, links/images and footnote calls, GFM literal
 * autolinks; in headings also the plain text (with emphasis resolved) that
 * gives the anchor. Each construct lives in its own file; this loop only
 * finds where one may start.
 */

import type { HtmlAnchor } from '../markdownTypes';
import { Code, isAsciiPunct, isLineEnding, isSpaceOrTab } from './characters';
import { processEmphasis, scanAttention } from './attention';
import { scanAutolink } from './autolink';
import { scanCharacterReference } from './characterReference';
import { codeSpanValue, findCodeCloser } from './codeText';
import { scanLiteralAutolink } from './gfmAutolinkLiteral';
import { scanFootnoteLabel } from './gfmFootnote';
import { collectHtmlAnchors } from './htmlAnchors';
import { scanHtmlInline } from './htmlText';
import { InlineContext } from './inlineContext';
import { normalizeMarkdownLabel } from './label';
import { labelEnd } from './labelEnd';
import { type Region, toTextOffset } from './region';

/** ASCII characters the inline scanner must look at (1) or may skip (0). */
const INLINE_SPECIAL = new Uint8Array(128);
for (const c of '\\`<&![]*_~hHwW') {
	INLINE_SPECIAL[c.charCodeAt(0)] = 1;
}

export class InlineScanner extends InlineContext {
	/**
	 * Scans one region; returns the heading text when it is a heading. The
	 * loop only finds where a construct may start (each case hands over to
	 * it, which returns the index after it, or after its first character
	 * when there is none).
	 */
	scanRegion(region: Region): string {
		this.startRegion(region);
		const s = this.s;
		const len = this.len;
		let i = 0;
		while (i < len) {
			const c = s.charCodeAt(i);
			if (c >= 128 || INLINE_SPECIAL[c] === 0) {
				i++;
				continue;
			}
			switch (c) {
				case Code.BACKSLASH:
					i = this.escape(i);
					break;
				case Code.BACKTICK:
					i = this.codeText(i);
					break;
				case Code.LT:
					i = this.autolinkOrHtml(i);
					break;
				case Code.AMP:
					i = this.characterReference(i);
					break;
				case Code.BANG:
					i = this.imageStart(i);
					break;
				case Code.LBRACKET:
					i = this.linkStartOrFootnoteCall(i);
					break;
				case Code.RBRACKET:
					i = this.labelEnd(i);
					break;
				case 104: // h
				case 72: // H
				case 119: // w
				case 87: {
					// W. GFM literal autolinks cannot start inside link text.
					const n = i + 1 < len ? s.charCodeAt(i + 1) | 0x20 : 0;
					i = this.openers.length === 0 && (n === 116 /* t */ || n === 119) /* w */ ? this.literalAutolink(i) : i + 1;
					break;
				}
				case Code.STAR:
				case Code.UNDERSCORE:
				case Code.TILDE:
					i = this.heading ? scanAttention(this, i, c) : i + 1;
					break;
				default:
					i++;
			}
		}
		if (!this.heading) {
			return '';
		}
		this.flush(this.literal, len);
		processEmphasis(this);
		return this.pieces!.join('');
	}

	/** A backslash escape, or in heading text a hard break. */
	private escape(i: number): number {
		const s = this.s;
		const len = this.len;
		if (i + 1 < len && isAsciiPunct(s.charCodeAt(i + 1))) {
			if (this.heading) {
				this.replaceText(i, i + 1, undefined);
			}
			return i + 2;
		}
		if (this.heading && i + 1 < len && isLineEnding(s.charCodeAt(i + 1))) {
			// Hard break: the line ending goes too.
			let k = i + 1;
			k += s.charCodeAt(k) === Code.CR && s.charCodeAt(k + 1) === Code.LF ? 2 : 1;
			while (k < len && isSpaceOrTab(s.charCodeAt(k))) {
				k++;
			}
			this.replaceText(i, k, undefined);
			return k;
		}
		return i + 1;
	}

	private codeText(i: number): number {
		const s = this.s;
		const len = this.len;
		let k = i + 1;
		while (k < len && s.charCodeAt(k) === Code.BACKTICK) {
			k++;
		}
		const n = k - i;
		const close = findCodeCloser(this, k, n);
		if (close < 0) {
			return k;
		}
		this.codeSpans.push(toTextOffset(this.region, k), toTextOffset(this.region, close));
		if (this.heading) {
			this.replaceText(i, close + n, codeSpanValue(s, k, close));
		}
		return close + n;
	}

	private autolinkOrHtml(i: number): number {
		const auto = scanAutolink(this, i);
		if (auto > 0) {
			if (this.heading) {
				this.replaceText(i, auto, this.s.slice(i + 1, auto - 1));
			}
			return auto;
		}
		const html = scanHtmlInline(this.s, i, this.len);
		if (html < 0) {
			return i + 1;
		}
		this.htmlInline(i, html);
		return html;
	}

	/** Raw inline HTML s[i, end): its anchors; in heading text, a piece of its own. */
	private htmlInline(i: number, end: number): void {
		const anchors: HtmlAnchor[] = [];
		collectHtmlAnchors(this.s, i, end, anchors);
		for (const anchor of anchors) {
			this.htmlAnchors.push({ id: anchor.id, span: { start: toTextOffset(this.region, anchor.span.start), end: toTextOffset(this.region, anchor.span.end) } });
		}
		if (this.heading) {
			this.flush(this.literal, i);
			this.flush(i, end);
			this.htmlPieces.push(this.pieces!.length - 1);
			this.literal = end;
		}
	}

	/** The heading text without its raw HTML pieces, or '' when it has none. */
	headingIdText(): string {
		if (this.htmlPieces.length === 0) {
			return '';
		}
		const pieces = [...this.pieces!];
		for (const piece of this.htmlPieces) {
			pieces[piece] = '';
		}
		return pieces.join('').trim();
	}

	/** Only heading text needs character references resolved. */
	private characterReference(i: number): number {
		if (this.heading) {
			const reference = scanCharacterReference(this.s, i, this.len);
			if (reference !== undefined) {
				this.replaceText(i, reference.end, reference.value);
				return reference.end;
			}
		}
		return i + 1;
	}

	private imageStart(i: number): number {
		if (i + 1 >= this.len || this.s.charCodeAt(i + 1) !== Code.LBRACKET) {
			return i + 1;
		}
		this.pushOpener(i, 2, true);
		return i + 2;
	}

	private linkStartOrFootnoteCall(i: number): number {
		const s = this.s;
		if (i + 1 < this.len && s.charCodeAt(i + 1) === Code.CARET) {
			const end = scanFootnoteLabel(s, i, this.len);
			if (end > 0) {
				// A call whether its label is defined or not (micromark
				// only makes calls of defined labels; an undefined one is
				// parsed here as if it were defined).
				const rawLabel = s.slice(i + 2, end - 1);
				this.recordFootnote(i, end, rawLabel, normalizeMarkdownLabel(rawLabel));
				if (this.heading) {
					this.replaceText(i, end, undefined);
				}
				this.lastConstructPos = i;
				return end;
			}
		}
		this.pushOpener(i, 1, false);
		return i + 1;
	}

	/** Opens link text (`[`, width 1) or image text (`![`, width 2) at `i`. */
	private pushOpener(i: number, width: number, image: boolean): void {
		let piece = -1;
		if (this.heading) {
			this.flush(this.literal, i);
			piece = this.pieces!.length;
			this.pieces!.push(image ? '![' : '[');
			this.literal = i + width;
		}
		this.openers.push({ pos: i, textStart: i + width, image, inactive: false, piece });
		this.lastOpenerPos = i;
	}

	private labelEnd(i: number): number {
		const after = labelEnd(this, i);
		if (this.heading && after > 0) {
			this.replaceText(i, after, undefined);
			const callPiece = this.potentialCallPiece;
			if (callPiece >= 0) {
				// `![^label]` became `!` and a footnote call: its label is not text.
				this.pieces!.length = callPiece + 1;
				this.delimiters = this.delimiters.filter((d) => d.piece <= callPiece);
				this.potentialCallPiece = -1;
			}
		}
		return after > 0 ? after : i + 1;
	}

	/** At `h` of `http` or `w` of `www` (outside link text). */
	private literalAutolink(i: number): number {
		const end = scanLiteralAutolink(this.s, i, this.len);
		if (end < 0) {
			return i + 1;
		}
		this.literalAutolinks.push({ start: toTextOffset(this.region, i), end: toTextOffset(this.region, end) });
		if (this.heading) {
			this.replaceText(i, end, this.s.slice(i, end));
		}
		return end;
	}
}
