/**
 * Emphasis and strikethrough in heading text (micromark attention and
 * micromark-extension-gfm-strikethrough): the markers they consume are not
 * part of the heading's text, which gives its anchor.
 */

import { Code, classify } from './characters';
import type { Delimiter, InlineContext } from './inlineContext';

/** A run of `c` (`*`, `_` or `~`) at `i` in heading text: records it as a delimiter run; returns its end. */
export function scanAttention(ctx: InlineContext, i: number, c: number): number {
	const s = ctx.s;
	const len = ctx.len;
	let k = i + 1;
	while (k < len && s.charCodeAt(k) === c) {
		k++;
	}
	ctx.flush(ctx.literal, i);
	const length = k - i;
	const before = classify(s, i, true);
	const after = classify(s, k, false);
	const leftFlanking = after !== 0 && (after !== 1 || before !== 2);
	const rightFlanking = before !== 0 && (before !== 1 || after !== 2);
	let canOpen = leftFlanking;
	let canClose = rightFlanking;
	if (c === Code.UNDERSCORE) {
		canOpen = leftFlanking && (!rightFlanking || before === 1);
		canClose = rightFlanking && (!leftFlanking || after === 1);
	}
	if (c !== Code.TILDE || length <= 2) {
		ctx.delimiters.push({ piece: ctx.pieces!.length, char: c, length, original: length, canOpen, canClose, group: 0 });
	}
	ctx.pieces!.push(s.slice(i, k));
	ctx.literal = k;
	return k;
}

/** CommonMark "process emphasis" over the heading's delimiter runs: consumed markers are removed from the pieces. */
export function processEmphasis(ctx: InlineContext): void {
	const all = ctx.delimiters;
	for (let group = 0; group <= ctx.groupCount; group++) {
		const delimiters = all.filter((d) => d.group === group);
		if (delimiters.length > 1) {
			processEmphasisGroup(delimiters);
		}
	}
	const pieces = ctx.pieces!;
	for (const d of all) {
		if (d.length !== d.original) {
			pieces[d.piece] = pieces[d.piece].slice(0, d.length);
		}
	}
}

function processEmphasisGroup(delimiters: Delimiter[]): void {
	for (let closerIndex = 0; closerIndex < delimiters.length; closerIndex++) {
		const closer = delimiters[closerIndex];
		if (!closer.canClose) {
			continue;
		}
		while (closer.length > 0) {
			const found = openerFor(delimiters, closerIndex);
			if (found < 0) {
				break;
			}
			const opener = delimiters[found];
			const use = closer.char === Code.TILDE ? closer.length : opener.length >= 2 && closer.length >= 2 ? 2 : 1;
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

/** The index of the nearest opener before `closerIndex` that matches its closer, or -1. */
function openerFor(delimiters: Delimiter[], closerIndex: number): number {
	const closer = delimiters[closerIndex];
	for (let k = closerIndex - 1; k >= 0; k--) {
		const opener = delimiters[k];
		if (opener.char !== closer.char || !opener.canOpen || opener.length === 0) {
			continue;
		}
		if (closer.char === Code.TILDE) {
			if (opener.length !== closer.length) {
				continue;
			}
		} else if ((opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0)) {
			continue;
		}
		return k;
	}
	return -1;
}
