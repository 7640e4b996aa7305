/** Levenshtein distances bounded by a limit: the measure of every "did you mean" of the service. */

/**
 * Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`,
 * with the dynamic programme's two rows in `rows` (grown as needed, so a
 * caller measuring many strings allocates them once).
 */
export function boundedEditDistance(a: string, b: string, limit: number, rows: EditDistanceRows = new EditDistanceRows()): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	if (a === b) {
		return 0;
	}
	rows.fit(b.length + 1);
	let previous = rows.a;
	let current = rows.b;
	for (let j = 0; j <= b.length; j++) {
		previous[j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
			const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current[j] = value;
			if (value < rowMin) {
				rowMin = value;
			}
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		const swap = previous;
		previous = current;
		current = swap;
	}
	return previous[b.length];
}

/** The two rows of `boundedEditDistance`, kept by a caller that measures many strings. */
export class EditDistanceRows {
	a = new Int32Array(64);
	b = new Int32Array(64);

	/** Makes both rows hold at least `length` numbers. */
	fit(length: number): void {
		if (this.a.length < length) {
			this.a = new Int32Array(length);
			this.b = new Int32Array(length);
		}
	}
}

/**
 * Levenshtein distances from one query of at most 32 UTF-16 units to many
 * strings, with Myers' bit-parallel algorithm (Hyyrö's formulation): one
 * pass of a few word operations per character of the other string, instead
 * of a row of the dynamic programme. `boundedEditDistance` is its oracle in
 * the tests.
 */
export class DistanceFromQuery {
	static readonly MAX_LENGTH = 32;
	private readonly ascii = new Int32Array(128);
	private readonly other = new Map<number, number>();
	private readonly last: number;

	constructor(private readonly query: string) {
		if (query.length > DistanceFromQuery.MAX_LENGTH) {
			throw new RangeError(`query longer than ${DistanceFromQuery.MAX_LENGTH}`);
		}
		for (let i = 0; i < query.length; i++) {
			const c = query.charCodeAt(i);
			if (c < 128) {
				this.ascii[c] |= 1 << i;
			} else {
				this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
			}
		}
		this.last = query.length === 0 ? 0 : 1 << (query.length - 1);
	}

	/** The distance to `text`, or `limit + 1` as soon as it must exceed `limit`. */
	within(text: string, limit: number): number {
		const m = this.query.length;
		if (Math.abs(m - text.length) > limit) {
			return limit + 1;
		}
		if (m === 0) {
			return text.length;
		}
		let pv = -1;
		let mv = 0;
		let score = m;
		const last = this.last;
		for (let j = 0, n = text.length; j < n; j++) {
			const c = text.charCodeAt(j);
			const eq = c < 128 ? this.ascii[c] : this.other.get(c) ?? 0;
			const xv = eq | mv;
			const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
			let ph = mv | ~(xh | pv);
			let mh = pv & xh;
			if (ph & last) {
				score++;
			} else if (mh & last) {
				score--;
			}
			// The rest of the text can lower the score by one per character at most.
			if (score - (n - j - 1) > limit) {
				return limit + 1;
			}
			ph = (ph << 1) | 1;
			mh <<= 1;
			pv = mh | ~(xv | ph);
			mv = ph & xv;
		}
		return score <= limit ? score : limit + 1;
	}
}
