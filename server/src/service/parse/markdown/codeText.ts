/** Code spans `` `code` `` (micromark code-text). */

import { Code } from './characters';
import type { InlineContext } from './inlineContext';

/**
 * The closing run of exactly `n` backticks from `from`, or -1. Remembers,
 * per run length, that there is none, which keeps many unclosed runs linear.
 */
export function findCodeCloser(ctx: InlineContext, from: number, n: number): number {
	if (ctx.noCloser[n] === 1) {
		return -1;
	}
	const s = ctx.s;
	const len = ctx.len;
	let k = from;
	for (;;) {
		k = s.indexOf('`', k);
		if (k < 0) {
			break;
		}
		let j = k + 1;
		while (j < len && s.charCodeAt(j) === Code.BACKTICK) {
			j++;
		}
		if (j - k === n) {
			return k;
		}
		k = j;
	}
	ctx.noCloser[n] = 1;
	return -1;
}

/**
 * The value of a code span as mdast has it: line endings kept, and one
 * space or line ending stripped from each side when both sides have one and
 * something else is inside.
 */
export function codeSpanValue(s: string, start: number, end: number): string {
	if (end - start >= 2) {
		const first = s.charCodeAt(start);
		const last = s.charCodeAt(end - 1);
		if ((first === Code.SPACE || first === Code.LF || first === Code.CR) && (last === Code.SPACE || last === Code.LF || last === Code.CR)) {
			let hasData = false;
			for (let k = start; k < end && !hasData; k++) {
				const c = s.charCodeAt(k);
				hasData = c !== Code.SPACE && c !== Code.LF && c !== Code.CR;
			}
			if (hasData) {
				const from = first === Code.CR && s.charCodeAt(start + 1) === Code.LF ? start + 2 : start + 1;
				const to = last === Code.LF && s.charCodeAt(end - 2) === Code.CR ? end - 2 : end - 1;
				return s.slice(from, to);
			}
		}
	}
	return s.slice(start, end);
}
