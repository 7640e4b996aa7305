/** A 31-bit hash of a string's UTF-16 code units (FNV-1a, shifted right by one): a small integer, two strings may share one. */
export function stringHash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	}
	return h >>> 1;
}
