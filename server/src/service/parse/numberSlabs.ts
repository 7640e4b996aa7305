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

/** The slab being filled of one width: the array and how much of it is used. */
interface Filling {
	slab: Numbers;
	used: number;
}

/** The slabs of one vault's stored pages (16-bit and 32-bit); only the last of each is filled. */
export class NumberSlabs {
	private readonly narrow: Filling = { slab: new Uint16Array(0), used: 0 };
	private readonly wide: Filling = { slab: new Uint32Array(0), used: 0 };

	/** Copies `head`, then `rest`, into a slab: 16-bit when `rest` is and every number of `head` fits in 16 bits. */
	store(head: readonly number[], rest: Numbers): SlabPlace {
		const size = head.length + rest.length;
		const narrow = rest instanceof Uint16Array && head.every(value => value <= 0xffff);
		const make = (length: number): Numbers => (narrow ? new Uint16Array(length) : new Uint32Array(length));
		let place: SlabPlace;
		if (size > SLAB_ELEMENTS) {
			place = { slab: make(size), at: 0 };
		} else {
			const filling = narrow ? this.narrow : this.wide;
			if (filling.used + size > filling.slab.length) {
				filling.slab = make(SLAB_ELEMENTS);
				filling.used = 0;
			}
			place = { slab: filling.slab, at: filling.used };
			filling.used += size;
		}
		place.slab.set(head, place.at);
		place.slab.set(rest, place.at + head.length);
		return place;
	}
}
