/** Autolinks `<https://example.org>` and `<user@example.org>` (micromark autolink). */

import type { LinkOccurrence } from '../markdownTypes';
import { Code, isAlnum, isAsciiAlpha, isAtext, isControl } from './characters';
import type { InlineContext } from './inlineContext';
import { toTextOffset } from './region';

/** `<` at i: an autolink? Records it and returns the index after `>`, or -1. */
export function scanAutolink(ctx: InlineContext, i: number): number {
	const s = ctx.s;
	const len = ctx.len;
	const k = i + 1;
	if (k >= len) {
		return -1;
	}
	const c = s.charCodeAt(k);
	if (isAsciiAlpha(c)) {
		const end = uriAutolinkEnd(s, i, len);
		if (end !== 0) {
			if (end > 0) {
				recordAutolink(ctx, i, end, false);
			}
			return end;
		}
	} else if (c === Code.AT || !isAtext(c)) {
		return -1;
	}
	const end = emailAutolinkEnd(s, i, len);
	if (end > 0) {
		recordAutolink(ctx, i, end, true);
	}
	return end;
}

/**
 * A URI autolink (scheme `:` then no space, `<` or control) at `s[i] === '<'`
 * whose next character is a letter: the index after its `>`, -1 when it has
 * a scheme but is no autolink, or 0 when it has no scheme (it may be an
 * e-mail address).
 */
function uriAutolinkEnd(s: string, i: number, len: number): number {
	let k = i + 2;
	let size = 1;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === Code.PLUS || c === Code.DASH || c === Code.DOT || isAlnum(c)) {
			size++;
			k++;
			if (size > 32) {
				break;
			}
		} else {
			break;
		}
	}
	if (!(size >= 2 && size <= 32 && k < len && s.charCodeAt(k) === Code.COLON)) {
		return 0;
	}
	k++;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === Code.GT) {
			return k + 1;
		}
		if (c === Code.SPACE || c === Code.LT || isControl(c)) {
			return -1;
		}
		k++;
	}
	return -1;
}

/** An e-mail autolink `atext+ '@' label ('.' label)* '>'` at `s[i] === '<'`: the index after `>`, or -1. */
function emailAutolinkEnd(s: string, i: number, len: number): number {
	let k = i + 1;
	while (k < len && isAtext(s.charCodeAt(k))) {
		k++;
	}
	if (k >= len || s.charCodeAt(k) !== Code.AT || k === i + 1) {
		return -1;
	}
	k++;
	for (;;) {
		if (k >= len || !isAlnum(s.charCodeAt(k))) {
			return -1;
		}
		let size = 0;
		let lastDash = false;
		while (k < len) {
			const c = s.charCodeAt(k);
			if (isAlnum(c) || c === Code.DASH) {
				if (size >= 63) {
					return -1;
				}
				size++;
				lastDash = c === Code.DASH;
				k++;
			} else {
				break;
			}
		}
		if (lastDash) {
			return -1;
		}
		if (k < len && s.charCodeAt(k) === Code.DOT) {
			k++;
			continue;
		}
		if (k < len && s.charCodeAt(k) === Code.GT) {
			return k + 1;
		}
		return -1;
	}
}

function recordAutolink(ctx: InlineContext, start: number, end: number, email: boolean): void {
	const raw = ctx.s.slice(start + 1, end - 1);
	const region = ctx.region;
	const span = { start: toTextOffset(region, start), end: toTextOffset(region, end) };
	const link: LinkOccurrence = {
		kind: 'autolink',
		isImage: false,
		destination: email ? 'mailto:' + raw : raw,
		span,
		textSpan: { start: span.start + 1, end: span.start + 1 },
		destinationSpan: { start: span.start + 1, end: span.end - 1 },
	};
	ctx.lastConstructPos = start;
	ctx.found.push({ start, end, link, footnote: undefined });
}
