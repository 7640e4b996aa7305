/** Raw inline HTML (micromark html-text). */

import { Code, isAlnum, isAsciiAlpha, isWs } from './characters';

/** Raw inline HTML at `s[p] === '<'`: returns the index after it, or -1 (micromark htmlText). */
export function scanHtmlInline(s: string, p: number, len: number): number {
	let k = p + 1;
	if (k >= len) {
		return -1;
	}
	let c = s.charCodeAt(k);
	if (c === Code.BANG) {
		k++;
		c = k < len ? s.charCodeAt(k) : -1;
		if (c === Code.DASH) {
			if (s.charCodeAt(k + 1) !== Code.DASH || k + 1 >= len) {
				return -1;
			}
			k += 2;
			// `<!-->` and `<!--->` are comments.
			if (s.charCodeAt(k) === Code.GT && k < len) {
				return k + 1;
			}
			if (s.charCodeAt(k) === Code.DASH && s.charCodeAt(k + 1) === Code.GT && k + 1 < len) {
				return k + 2;
			}
			const close = s.indexOf('-->', k);
			return close < 0 ? -1 : close + 3;
		}
		if (c === Code.LBRACKET) {
			if (!s.startsWith('CDATA[', k + 1)) {
				return -1;
			}
			const close = s.indexOf(']]>', k + 7);
			return close < 0 ? -1 : close + 3;
		}
		if (c >= 0 && isAsciiAlpha(c)) {
			const close = s.indexOf('>', k);
			return close < 0 ? -1 : close + 1;
		}
		return -1;
	}
	if (c === Code.QUESTION) {
		const close = s.indexOf('?>', k + 1);
		return close < 0 ? -1 : close + 2;
	}
	if (c === Code.SLASH) {
		k++;
		if (k >= len || !isAsciiAlpha(s.charCodeAt(k))) {
			return -1;
		}
		k++;
		while (k < len && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === Code.DASH)) {
			k++;
		}
		while (k < len && isWs(s.charCodeAt(k))) {
			k++;
		}
		return k < len && s.charCodeAt(k) === Code.GT ? k + 1 : -1;
	}
	if (!isAsciiAlpha(c)) {
		return -1;
	}
	k++;
	while (k < len && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === Code.DASH)) {
		k++;
	}
	if (k >= len) {
		return -1;
	}
	c = s.charCodeAt(k);
	if (!(c === Code.SLASH || c === Code.GT || isWs(c))) {
		return -1;
	}
	// tagOpenBetween
	for (;;) {
		const before = k;
		while (k < len && isWs(s.charCodeAt(k))) {
			k++;
		}
		if (k >= len) {
			return -1;
		}
		c = s.charCodeAt(k);
		if (c === Code.SLASH) {
			return k + 1 < len && s.charCodeAt(k + 1) === Code.GT ? k + 2 : -1;
		}
		if (c === Code.GT) {
			return k + 1;
		}
		if (!(c === Code.COLON || c === Code.UNDERSCORE || isAsciiAlpha(c))) {
			return -1;
		}
		if (k === before) {
			return -1;
		}
		k++;
		while (k < len) {
			c = s.charCodeAt(k);
			if (c === Code.DASH || c === Code.DOT || c === Code.COLON || c === Code.UNDERSCORE || isAlnum(c)) {
				k++;
			} else {
				break;
			}
		}
		// tagOpenAttributeNameAfter
		let j = k;
		while (j < len && isWs(s.charCodeAt(j))) {
			j++;
		}
		if (j < len && s.charCodeAt(j) === Code.EQUALS) {
			j++;
			while (j < len && isWs(s.charCodeAt(j))) {
				j++;
			}
			if (j >= len) {
				return -1;
			}
			c = s.charCodeAt(j);
			if (c === Code.LT || c === Code.EQUALS || c === Code.GT || c === Code.BACKTICK) {
				return -1;
			}
			if (c === Code.QUOTE || c === Code.APOS) {
				const close = s.indexOf(String.fromCharCode(c), j + 1);
				if (close < 0) {
					return -1;
				}
				k = close + 1;
				if (k >= len) {
					return -1;
				}
				const n = s.charCodeAt(k);
				if (!(n === Code.SLASH || n === Code.GT || isWs(n))) {
					return -1;
				}
			} else {
				while (j < len) {
					c = s.charCodeAt(j);
					if (c === Code.QUOTE || c === Code.APOS || c === Code.LT || c === Code.EQUALS || c === Code.BACKTICK) {
						return -1;
					}
					if (c === Code.SLASH || c === Code.GT || isWs(c)) {
						break;
					}
					j++;
				}
				if (j >= len) {
					return -1;
				}
				k = j;
			}
		}
	}
}
