/**
 * The end of link text `]` (micromark label-end): what follows it (an
 * inline resource, a full, collapsed or shortcut reference) turns the
 * innermost opener into a link or an image; GFM's `![^label]` becomes `!`
 * and a footnote call.
 */

import type { LinkOccurrence } from '../markdownTypes';
import { Code, isWs } from './characters';
import { decodeString } from './decodeString';
import { scanDestination, scanTitle, skipWhitespace } from './destinationAndTitle';
import { scanFootnoteLabel } from './gfmFootnote';
import type { InlineContext, Opener } from './inlineContext';
import { LabelLimit, normalizeMarkdownLabel, scanLinkLabel } from './label';
import { toTextOffset } from './region';

/** What closes link text: a resource (refLabel undefined, with its destination) or a reference. */
interface LabelEndMatch {
	/** Index after the resource or reference. */
	end: number;
	refLabel: string | undefined;
	destStart: number;
	destStop: number;
}

/** `]` at i: closes a link/image if possible; returns the index after it, or -1. */
export function labelEnd(ctx: InlineContext, i: number): number {
	const openers = ctx.openers;
	if (openers.length === 0) {
		return -1;
	}
	const opener = openers[openers.length - 1];
	if (opener.inactive) {
		openers.pop();
		return -1;
	}
	// A label this long could only match a definition through huge runs of
	// whitespace; not looking at it keeps `[[[[…]]]]` linear.
	const labelTooLong = i - opener.textStart > LabelLimit.MaxScan;
	const match = matchLabelEnd(ctx, i, opener, labelTooLong);
	openers.pop();
	if (match === undefined) {
		return footnoteCallAfterBang(ctx, i, opener, labelTooLong);
	}
	recordLinkOrImage(ctx, i, opener, match);
	return match.end;
}

function reference(end: number, refLabel: string): LabelEndMatch {
	return { end, refLabel, destStart: 0, destStop: 0 };
}

function matchLabelEnd(ctx: InlineContext, i: number, opener: Opener, labelTooLong: boolean): LabelEndMatch | undefined {
	const s = ctx.s;
	const len = ctx.len;
	const next = i + 1 < len ? s.charCodeAt(i + 1) : -1;
	if (next === Code.LPAREN) {
		const resource = scanResource(s, i + 1, len);
		if (resource !== undefined) {
			return resource;
		}
	} else if (next === Code.LBRACKET) {
		// Full reference `[text][label]`.
		const labelEnd = scanLinkLabel(s, i + 1, len);
		if (labelEnd > 0) {
			const label = normalizeMarkdownLabel(s.slice(i + 2, labelEnd - 1));
			if (ctx.definitions.has(label)) {
				return reference(labelEnd, label);
			}
		}
		// Collapsed reference `[text][]`.
		if (i + 2 < len && s.charCodeAt(i + 2) === Code.RBRACKET) {
			const label = definedLabel(ctx, opener.textStart, i, labelTooLong);
			if (label !== undefined) {
				return reference(i + 3, label);
			}
		}
	}
	// Shortcut (also after a `(` that starts no resource).
	if (next !== Code.LBRACKET && ctx.definitions.size > 0) {
		const label = definedLabel(ctx, opener.textStart, i, labelTooLong);
		if (label !== undefined) {
			return reference(i + 1, label);
		}
	}
	return undefined;
}

/** The normalized label s[from, to) when a definition has it. */
function definedLabel(ctx: InlineContext, from: number, to: number, tooLong: boolean): string | undefined {
	if (tooLong) {
		return undefined;
	}
	const label = normalizeMarkdownLabel(ctx.s.slice(from, to));
	return ctx.definitions.has(label) ? label : undefined;
}

/** A resource `(dest "title")` at `p`. */
function scanResource(s: string, p: number, len: number): LabelEndMatch | undefined {
	let k = skipWhitespace(s, p + 1, len, true);
	if (k >= len) {
		return undefined;
	}
	if (s.charCodeAt(k) === Code.RPAREN) {
		return { end: k + 1, refLabel: undefined, destStart: k, destStop: k };
	}
	const destEnd = scanDestination(s, k, len, 32);
	if (destEnd < 0) {
		return undefined;
	}
	const enclosed = s.charCodeAt(k) === Code.LT;
	const destStart = enclosed ? k + 1 : k;
	const destStop = enclosed ? destEnd - 1 : destEnd;
	k = destEnd;
	if (k < len && isWs(s.charCodeAt(k))) {
		k = skipWhitespace(s, k, len, true);
		const c = k < len ? s.charCodeAt(k) : -1;
		if (c === Code.QUOTE || c === Code.APOS || c === Code.LPAREN) {
			k = scanTitle(s, k, len);
			if (k < 0) {
				return undefined;
			}
			k = skipWhitespace(s, k, len, true);
		}
	}
	if (k < len && s.charCodeAt(k) === Code.RPAREN) {
		return { end: k + 1, refLabel: undefined, destStart, destStop };
	}
	return undefined;
}

/**
 * gfm: `![^label]` that is no image is `!` and a footnote call (undefined
 * labels are treated as if they were defined). Returns the index after `]`,
 * or -1.
 */
function footnoteCallAfterBang(ctx: InlineContext, i: number, opener: Opener, labelTooLong: boolean): number {
	if (!opener.image || labelTooLong || ctx.lastOpenerPos !== opener.pos || ctx.lastConstructPos >= opener.pos) {
		return -1;
	}
	const s = ctx.s;
	const id = normalizeMarkdownLabel(s.slice(opener.textStart, i));
	if (id.charCodeAt(0) !== Code.CARET) {
		return -1;
	}
	if (!ctx.footnoteLabels.has(id.slice(1)) && scanFootnoteLabel(s, opener.pos + 1, ctx.len) !== i + 1) {
		return -1;
	}
	if (ctx.pieces !== undefined && opener.piece >= 0) {
		ctx.pieces[opener.piece] = '!';
		ctx.potentialCallPiece = opener.piece;
	}
	const rawLabel = s.slice(opener.textStart + 1, i);
	ctx.recordFootnote(opener.pos + 1, i + 1, rawLabel, id.slice(1));
	ctx.lastConstructPos = opener.pos + 1;
	return i + 1;
}

function recordLinkOrImage(ctx: InlineContext, i: number, opener: Opener, match: LabelEndMatch): void {
	const region = ctx.region;
	const start = opener.pos;
	const end = match.end;
	const span = { start: toTextOffset(region, start), end: toTextOffset(region, end) };
	const textSpan = { start: toTextOffset(region, opener.textStart), end: toTextOffset(region, i) };
	const refLabel = match.refLabel;
	let link: LinkOccurrence;
	if (refLabel === undefined) {
		link = {
			kind: 'inline',
			isImage: opener.image,
			destination: decodeString(ctx.s, match.destStart, match.destStop),
			span,
			textSpan,
			destinationSpan: { start: toTextOffset(region, match.destStart), end: toTextOffset(region, match.destStop) },
		};
	} else {
		const definition = ctx.definitions.get(refLabel)!;
		link = {
			kind: 'reference',
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
		ctx.dropFoundFrom(start);
	} else {
		deactivateLinkOpeners(ctx.openers);
	}
	if (ctx.pieces !== undefined && opener.piece >= 0) {
		// The link text stays in the heading text; emphasis never crosses it.
		ctx.pieces[opener.piece] = '';
		const group = ++ctx.groupCount;
		for (const d of ctx.delimiters) {
			if (d.piece > opener.piece && d.group === 0) {
				d.group = group;
			}
		}
	}
	ctx.lastConstructPos = start;
	ctx.found.push({ start, end, link, footnote: undefined });
}

/** No links in links: earlier link openers become inactive (below an inactive one all already are). */
function deactivateLinkOpeners(openers: Opener[]): void {
	for (let k = openers.length - 1; k >= 0; k--) {
		const other = openers[k];
		if (other.image) {
			continue;
		}
		if (other.inactive) {
			break;
		}
		other.inactive = true;
	}
}
