/**
 * Marks on small integer ids (positions in a table) for one lookup at a
 * time: `begin` starts a lookup and forgets every earlier mark at once, so
 * a lookup that meets the same id through several lists keeps it once
 * without clearing anything.
 */
export class VisitMarks {
	private marks = new Uint32Array(0);
	private lookup = 0;

	/** Starts a lookup over ids below `size`. */
	begin(size: number): void {
		if (this.marks.length < size) {
			this.marks = new Uint32Array(Math.max(size, this.marks.length * 2));
		}
		if (++this.lookup === 0xffffffff) {
			this.marks.fill(0);
			this.lookup = 1;
		}
	}

	/** True the first time `id` is met in the current lookup. */
	first(id: number): boolean {
		if (this.marks[id] === this.lookup) {
			return false;
		}
		this.marks[id] = this.lookup;
		return true;
	}
}
