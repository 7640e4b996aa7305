/**
 * Keeps the best `limit` of many items without sorting them all: once
 * `limit` items are kept, an item no better than the worst kept one is
 * only counted; the others are buffered and the buffer is cut back to
 * `limit` whenever it grows too long.
 */
export class BestMatches<T> {
	private items: T[] = [];
	private worstKept: T | undefined;
	/** How many items were offered in all. */
	total = 0;

	constructor(private readonly limit: number, private readonly compare: (a: T, b: T) => number) { }

	/** Once `limit` items are kept: the worst of them; nothing comparing no better can make the result. */
	get worst(): T | undefined {
		return this.worstKept;
	}

	add(item: T): void {
		this.total++;
		if (this.worstKept !== undefined && this.compare(item, this.worstKept) >= 0) {
			return;
		}
		this.keep(item);
	}

	/** Counts an item known to be worse than `worst`, without keeping it. */
	skip(): void {
		this.total++;
	}

	private keep(item: T): void {
		this.items.push(item);
		if (this.items.length >= this.limit * 2 + 64) {
			this.cut();
		}
	}

	private cut(): void {
		this.items.sort(this.compare);
		if (this.items.length >= this.limit) {
			this.items.length = this.limit;
			this.worstKept = this.items[this.limit - 1];
		}
	}

	/** The best items, best first. */
	result(): T[] {
		this.cut();
		return this.items;
	}

	get capped(): boolean {
		return this.total > this.limit;
	}
}
