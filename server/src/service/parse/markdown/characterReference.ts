/** Character references `&amp;`, `&#35;`, `&#x23;` (micromark character-reference). */

import { decodeNamedCharacterReference } from '../htmlEntities';
import { Code, isAlnum, isDigit, isHexDigit } from './characters';

/** A character reference found in a string: where it ends (after `;`) and what it stands for. */
interface CharacterReference {
	readonly end: number;
	readonly value: string;
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

/** Tries a character reference at `s[i] === '&'`, on `s[0, end)`. */
export function scanCharacterReference(s: string, i: number, end: number): CharacterReference | undefined {
	let k = i + 1;
	if (k >= end) {
		return undefined;
	}
	if (s.charCodeAt(k) === Code.HASH) {
		k++;
		let hex = false;
		const c = s.charCodeAt(k);
		if (c === 120 || c === 88) {
			hex = true;
			k++;
		}
		const start = k;
		const max = hex ? 6 : 7;
		while (k < end && k - start < max && (hex ? isHexDigit(s.charCodeAt(k)) : isDigit(s.charCodeAt(k)))) {
			k++;
		}
		if (k === start || k >= end || s.charCodeAt(k) !== Code.SEMI) {
			return undefined;
		}
		return { end: k + 1, value: decodeNumericReference(s.slice(start, k), hex ? 16 : 10) };
	}
	const start = k;
	while (k < end && k - start < 31 && isAlnum(s.charCodeAt(k))) {
		k++;
	}
	if (k === start || k >= end || s.charCodeAt(k) !== Code.SEMI) {
		return undefined;
	}
	const value = decodeNamedCharacterReference(s.slice(start, k));
	if (value === undefined) {
		return undefined;
	}
	return { end: k + 1, value };
}
