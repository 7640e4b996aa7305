/**
 * GFM literal autolinks (`https://…`, `www.…`; micromark-extension-gfm-autolink-literal).
 * They are skipped like micromark does, so that nothing inside them is read
 * as link syntax, but not reported as links.
 */

import { Code, isAsciiAlpha, isControl, isUnicodePunctuation, isUnicodeWhitespace, isWs } from './characters';

/** Characters a GFM literal autolink path may end with (trail). */
function isTrailPunctuation(c: number): boolean {
	return c === Code.BANG || c === Code.QUOTE || c === Code.APOS || c === Code.RPAREN || c === Code.STAR || c === 44 /* , */ || c === Code.DOT || c === Code.COLON || c === Code.SEMI || c === Code.QUESTION || c === Code.UNDERSCORE || c === Code.TILDE;
}

/** GFM literal autolink `trail` check at `k`: is what follows only trailing punctuation? */
function literalTrailEnds(s: string, k: number, len: number): boolean {
	for (;;) {
		if (k >= len) {
			return true;
		}
		const c = s.charCodeAt(k);
		if (isTrailPunctuation(c)) {
			k++;
		} else if (c === Code.AMP) {
			k++;
			if (k >= len || !isAsciiAlpha(s.charCodeAt(k))) {
				return false;
			}
			while (k < len && isAsciiAlpha(s.charCodeAt(k))) {
				k++;
			}
			if (k >= len || s.charCodeAt(k) !== Code.SEMI) {
				return false;
			}
			k++;
		} else if (c === Code.RBRACKET) {
			k++;
			if (k >= len) {
				return true;
			}
			const n = s.charCodeAt(k);
			if (n === Code.LPAREN || n === Code.LBRACKET || isWs(n) || isUnicodeWhitespace(n)) {
				return true;
			}
		} else {
			return c === Code.LT || isWs(c) || isUnicodeWhitespace(c);
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
		if (c === Code.DOT || c === Code.UNDERSCORE) {
			if (literalTrailEnds(s, k, len)) {
				break;
			}
			if (c === Code.UNDERSCORE) {
				underscoreLast = true;
			} else {
				underscoreLastLast = underscoreLast;
				underscoreLast = false;
			}
			k++;
			continue;
		}
		if (isWs(c) || isUnicodeWhitespace(c) || (c !== Code.DASH && isUnicodePunctuation(c))) {
			break;
		}
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
		if (c === Code.LPAREN) {
			open++;
			k++;
			continue;
		}
		if (c === Code.RPAREN && close < open) {
			close++;
			k++;
			continue;
		}
		if (isTrailPunctuation(c) || c === Code.AMP || c === Code.LT || c === Code.RBRACKET) {
			if (literalTrailEnds(s, k, len)) {
				return k;
			}
			if (c === Code.RPAREN) {
				close++;
			}
			k++;
			continue;
		}
		if (isWs(c) || isUnicodeWhitespace(c)) {
			return k;
		}
		k++;
	}
	return k;
}

/**
 * A GFM literal `http(s)://` or `www.` autolink starting at `i` (whose
 * first character is h/H/w/W): returns its end, or -1.
 */
export function scanLiteralAutolink(s: string, i: number, len: number): number {
	const previous = i > 0 ? s.charCodeAt(i - 1) : -1;
	const c = s.charCodeAt(i);
	if (c === 104 || c === 72) {
		if (previous >= 0 && isAsciiAlpha(previous)) {
			return -1;
		}
		let k = i + 1;
		while (k < len && k - i < 5 && isAsciiAlpha(s.charCodeAt(k))) {
			k++;
		}
		if (k >= len || s.charCodeAt(k) !== Code.COLON) {
			return -1;
		}
		const protocol = s.slice(i, k).toLowerCase();
		if (protocol !== 'http' && protocol !== 'https') {
			return -1;
		}
		if (s.charCodeAt(k + 1) !== Code.SLASH || s.charCodeAt(k + 2) !== Code.SLASH || k + 2 >= len) {
			return -1;
		}
		k += 3;
		if (k >= len) {
			return -1;
		}
		const first = s.charCodeAt(k);
		if (isControl(first) || isWs(first) || isUnicodeWhitespace(first) || isUnicodePunctuation(first)) {
			return -1;
		}
		const domainEnd = scanLiteralDomain(s, k, len);
		return domainEnd < 0 ? -1 : scanLiteralPath(s, domainEnd, len);
	}
	// www.
	if (!(previous < 0 || previous === Code.LPAREN || previous === Code.STAR || previous === Code.UNDERSCORE || previous === Code.LBRACKET || previous === Code.RBRACKET || previous === Code.TILDE || isWs(previous))) {
		return -1;
	}
	for (let k = i + 1; k < i + 3; k++) {
		const w = s.charCodeAt(k);
		if (w !== 119 && w !== 87) {
			return -1;
		}
	}
	if (s.charCodeAt(i + 3) !== Code.DOT || i + 4 >= len) {
		return -1;
	}
	const domainEnd = scanLiteralDomain(s, i, len);
	return domainEnd < 0 ? -1 : scanLiteralPath(s, domainEnd, len);
}
