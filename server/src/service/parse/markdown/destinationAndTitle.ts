/**
 * The parts shared by link reference definitions and inline resources:
 * whitespace, destination and title (micromark factory-whitespace,
 * factory-destination, factory-title).
 */

import { Code, isControl, isWs } from './characters';

/** Skips spaces/tabs and (when allowed) line endings, as factoryWhitespace. */
export function skipWhitespace(s: string, p: number, len: number, lineEndings: boolean): number {
	let k = p;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === Code.SPACE || c === Code.TAB || (lineEndings && (c === Code.LF || c === Code.CR))) {
			k++;
		} else {
			break;
		}
	}
	return k;
}

/** A destination at `p` (factoryDestination): returns the index after it, or -1. */
export function scanDestination(s: string, p: number, len: number, limit: number): number {
	if (p >= len) {
		return -1;
	}
	let c = s.charCodeAt(p);
	if (c === Code.LT) {
		let k = p + 1;
		while (k < len) {
			c = s.charCodeAt(k);
			if (c === Code.GT) {
				return k + 1;
			}
			if (c === Code.LT || c === Code.LF || c === Code.CR) {
				return -1;
			}
			k++;
			if (c === Code.BACKSLASH && k < len) {
				const n = s.charCodeAt(k);
				if (n === Code.LT || n === Code.GT || n === Code.BACKSLASH) {
					k++;
				}
			}
		}
		return -1;
	}
	if (c === Code.SPACE || c === Code.RPAREN || isControl(c)) {
		return -1;
	}
	let balance = 0;
	let k = p;
	while (k <= len) {
		c = k < len ? s.charCodeAt(k) : -1;
		if (balance === 0 && (c === -1 || c === Code.RPAREN || isWs(c))) {
			return k;
		}
		if (c === Code.LPAREN && balance < limit) {
			balance++;
			k++;
			continue;
		}
		if (c === Code.RPAREN) {
			balance--;
			k++;
			continue;
		}
		if (c === -1 || c === Code.SPACE || c === Code.LPAREN || isControl(c)) {
			return -1;
		}
		k++;
		if (c === Code.BACKSLASH && k < len) {
			const n = s.charCodeAt(k);
			if (n === Code.LPAREN || n === Code.RPAREN || n === Code.BACKSLASH) {
				k++;
			}
		}
	}
	return -1;
}

/** A title at `p` (factoryTitle): returns the index after its closing marker, or -1. */
export function scanTitle(s: string, p: number, len: number): number {
	const open = s.charCodeAt(p);
	const marker = open === Code.LPAREN ? Code.RPAREN : open;
	let k = p + 1;
	while (k < len) {
		const c = s.charCodeAt(k);
		if (c === marker) {
			return k + 1;
		}
		k++;
		if (c === Code.BACKSLASH && k < len) {
			const n = s.charCodeAt(k);
			if (n === marker || n === Code.BACKSLASH) {
				k++;
			}
		}
	}
	return -1;
}
