/**
 * Open-addressing hash tables over typed arrays for the mention table: a
 * lookup allocates nothing (no string key, no boxed number), which matters
 * on the thousands of words of a page searched at every keystroke. Linear
 * probing; a deletion shifts the entries after it back, so no tombstones.
 */

function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1) ^ Math.imul(b + 0x68e31da4, 0x85ebca77);
	h ^= h >>> 15;
	h = Math.imul(h, 0x2c1b3c6d);
	return (h ^ (h >>> 12)) >>> 0;
}

/** A map from a pair of non-negative integers to a non-negative integer. */
export class PairTable {
	private keysA = new Int32Array(16);
	private keysB = new Int32Array(16);
	/** The value + 1; 0 marks an empty slot. */
	private values = new Int32Array(16);
	private count = 0;

	get size(): number {
		return this.count;
	}

	get(a: number, b: number): number {
		const mask = this.values.length - 1;
		for (let i = mix(a, b) & mask; this.values[i] !== 0; i = (i + 1) & mask) {
			if (this.keysA[i] === a && this.keysB[i] === b) {
				return this.values[i] - 1;
			}
		}
		return -1;
	}

	set(a: number, b: number, value: number): void {
		if ((this.count + 1) * 2 > this.values.length) {
			this.resize(this.values.length * 2);
		}
		const mask = this.values.length - 1;
		let i = mix(a, b) & mask;
		while (this.values[i] !== 0 && !(this.keysA[i] === a && this.keysB[i] === b)) {
			i = (i + 1) & mask;
		}
		if (this.values[i] === 0) {
			this.count++;
		}
		this.keysA[i] = a;
		this.keysB[i] = b;
		this.values[i] = value + 1;
	}

	delete(a: number, b: number): void {
		const mask = this.values.length - 1;
		let i = mix(a, b) & mask;
		while (this.values[i] !== 0 && !(this.keysA[i] === a && this.keysB[i] === b)) {
			i = (i + 1) & mask;
		}
		if (this.values[i] === 0) {
			return;
		}
		this.count--;
		// Backward-shift: move up each following entry whose home slot is not between the hole and it.
		let hole = i;
		for (let j = (i + 1) & mask; this.values[j] !== 0; j = (j + 1) & mask) {
			const home = mix(this.keysA[j], this.keysB[j]) & mask;
			if ((j > hole && (home <= hole || home > j)) || (j < hole && home <= hole && home > j)) {
				this.keysA[hole] = this.keysA[j];
				this.keysB[hole] = this.keysB[j];
				this.values[hole] = this.values[j];
				hole = j;
			}
		}
		this.values[hole] = 0;
	}

	clear(): void {
		this.keysA = new Int32Array(16);
		this.keysB = new Int32Array(16);
		this.values = new Int32Array(16);
		this.count = 0;
	}

	/** Bytes held by the arrays. */
	get bytes(): number {
		return this.values.length * 12;
	}

	private resize(capacity: number): void {
		const { keysA, keysB, values } = this;
		this.keysA = new Int32Array(capacity);
		this.keysB = new Int32Array(capacity);
		this.values = new Int32Array(capacity);
		this.count = 0;
		for (let i = 0; i < values.length; i++) {
			if (values[i] !== 0) {
				this.set(keysA[i], keysB[i], values[i] - 1);
			}
		}
	}
}

/**
 * `array` when it holds `size` numbers, else a copy at least twice as long
 * (the new numbers `fill`): the growth of a table kept in a typed array.
 */
export function withRoom(array: Int32Array, size: number, fill = 0): Int32Array {
	if (size <= array.length) {
		return array;
	}
	const grown = new Int32Array(Math.max(size, array.length * 2));
	grown.set(array);
	if (fill !== 0) {
		grown.fill(fill, array.length);
	}
	return grown;
}

/** The hash of a word folded to ASCII lower case, or -1 when it has a character that is not ASCII. */
export function asciiFoldedHash(text: string, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 0x80) {
			return -1;
		}
		if (c >= 0x41 && c <= 0x5a) {
			c += 32;
		}
		h = Math.imul(h ^ c, 0x01000193);
	}
	return h >>> 1;
}

/** Whether `text[start, end)` folded to ASCII lower case is `word`. */
export function asciiFoldedEquals(text: string, start: number, end: number, word: string): boolean {
	if (end - start !== word.length) {
		return false;
	}
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 0x41 && c <= 0x5a) {
			c += 32;
		}
		if (c !== word.charCodeAt(i - start)) {
			return false;
		}
	}
	return true;
}
