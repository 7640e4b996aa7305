/** A 31-bit hash of the UTF-16 code units of `text[start, end)` (FNV-1a, shifted right by one): a small integer, two strings may share one. */
export function stringHash(text: string, start = 0, end = text.length): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	}
	return h >>> 1;
}
