/** Resolving escapes and character references in destinations (micromark-util-decode-string). */

import { Code, isAsciiPunct } from './characters';
import { scanCharacterReference } from './characterReference';

/** Resolves backslash escapes and character references in `s[start, end)`. */
export function decodeString(s: string, start: number, end: number): string {
	let k = start;
	while (k < end) {
		const c = s.charCodeAt(k);
		if (c === Code.BACKSLASH || c === Code.AMP) {
			break;
		}
		k++;
	}
	if (k === end) {
		return s.slice(start, end);
	}
	let out = s.slice(start, k);
	let last = k;
	while (k < end) {
		const c = s.charCodeAt(k);
		if (c === Code.BACKSLASH && k + 1 < end && isAsciiPunct(s.charCodeAt(k + 1))) {
			out += s.slice(last, k);
			last = k + 1;
			k += 2;
		} else if (c === Code.AMP) {
			const reference = scanCharacterReference(s, k, end);
			if (reference === undefined) {
				k++;
			} else {
				out += s.slice(last, k) + reference.value;
				last = reference.end;
				k = reference.end;
			}
		} else {
			k++;
		}
	}
	return out + s.slice(last, end);
}
