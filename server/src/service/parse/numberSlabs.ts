/**
 * The typed arrays stored page headers keep their numbers in, many pages to
 * an array (a slab): an array of its own would cost each page about 190
 * bytes (a view and its buffer) besides its numbers. A slab lives while a
 * header in it does: a page updated or removed leaves its numbers there
 * until the slab's other pages go too (at most `SLAB_ELEMENTS` numbers
 * each, so a slab kept by one page keeps 16 KiB).
 */

/** Numbers in a slab: about 30 pages of the generated vaults' (a longer page gets an array of its own). */
const SLAB_ELEMENTS = 8192;

type Numbers = Uint16Array | Uint32Array;

/** Numbers copied into a slab: the slab and where they start in it. */
export interface SlabPlace {
	readonly slab: Numbers;
	readonly at: number;
}

/** The slabs of one vault's stored pages (16-bit and 32-bit); only the last of each is filled. */
export class NumberSlabs {
	private narrow: Uint16Array = new Uint16Array(0);
	private narrowUsed = 0;
	private wide: Uint32Array = new Uint32Array(0);
	private wideUsed = 0;

	/** Copies `head`, then `rest`, into a slab: 16-bit when `rest` is and every number of `head` fits in 16 bits. */
	store(head: readonly number[], rest: Numbers): SlabPlace {
		const size = head.length + rest.length;
		const narrow = rest instanceof Uint16Array && head.every(value => value <= 0xffff);
		let slab: Numbers;
		let at: number;
		if (size > SLAB_ELEMENTS) {
			slab = narrow ? new Uint16Array(size) : new Uint32Array(size);
			at = 0;
		} else if (narrow) {
			if (this.narrowUsed + size > this.narrow.length) {
				this.narrow = new Uint16Array(SLAB_ELEMENTS);
				this.narrowUsed = 0;
			}
			slab = this.narrow;
			at = this.narrowUsed;
			this.narrowUsed += size;
		} else {
			if (this.wideUsed + size > this.wide.length) {
				this.wide = new Uint32Array(SLAB_ELEMENTS);
				this.wideUsed = 0;
			}
			slab = this.wide;
			at = this.wideUsed;
			this.wideUsed += size;
		}
		slab.set(head, at);
		slab.set(rest, at + head.length);
		return { slab, at };
	}
}
