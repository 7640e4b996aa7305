/**
 * The index's state (`VaultService.persistedIndexState`) as the persisted
 * index writes it: V8's serializer takes a value whole, in one call, and
 * the state of 100,000 pages holds arrays and maps of 100,000 keys and more
 * (a few hundred milliseconds of one slice). So every array and `Map`
 * longer than `PIECE_ITEMS`, wherever it lies among the state's plain
 * objects and arrays, is cut out of it: the state's head is what is left
 * (each cut left empty) with where each cut was, and the pieces of the cuts
 * follow it, each serialized on its own (indexCache.ts writes each in a
 * chunk of its own, between slices).
 */

/** The elements of an array, or the entries of a map, in a piece. */
const PIECE_ITEMS = 4_096;

/**
 * Where an array or a map was cut out of the state: the keys and indexes
 * leading to it, what it was, and how many pieces it was cut into (a map's
 * come in pairs: some of its keys, then their values).
 */
export type StateCut = readonly [path: readonly (string | number)[], kind: 'array' | 'map', pieces: number];

/** A state cut into its head, where the cuts were, and their pieces, in order. */
export interface CutState {
	readonly head: unknown;
	readonly cuts: readonly StateCut[];
	readonly pieces: readonly unknown[][];
}

/**
 * Cuts `state` (which may hold the index's live maps): done at once, the
 * head made of copies along the way and the pieces copied, so what is
 * serialized later is the state as it was now, whatever the index does
 * meanwhile. `pieceItems`: the longest array (and largest map) left whole,
 * and the items of a piece.
 */
export function cutState(state: unknown, pieceItems = PIECE_ITEMS): CutState {
	const cuts: StateCut[] = [];
	const pieces: unknown[][] = [];
	/** Cuts `lists` (of the same length) into pieces, the pieces of each in turn for each stretch of `pieceItems`. */
	const cut = (lists: readonly unknown[][], path: readonly (string | number)[], kind: 'array' | 'map'): void => {
		let count = 0;
		for (let at = 0; at < lists[0].length; at += pieceItems) {
			for (const list of lists) {
				pieces.push(list.slice(at, at + pieceItems));
				count++;
			}
		}
		cuts.push([path, kind, count]);
	};
	const walk = (value: unknown, path: readonly (string | number)[]): unknown => {
		if (value instanceof Map) {
			if (value.size <= pieceItems) {
				return value;
			}
			// Its keys and its values taken whole by spreading (V8's fast path: 2 ms for 100,000 entries, against 6 to 60 ms pushed pair by pair).
			cut([[...value.keys()], [...value.values()]], path, 'map');
			return new Map();
		}
		if (Array.isArray(value)) {
			if (value.length > pieceItems) {
				cut([value], path, 'array');
				return [];
			}
			return value.map((item, i) => walk(item, [...path, i]));
		}
		if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
			const copy: Record<string, unknown> = {};
			for (const [key, item] of Object.entries(value)) {
				copy[key] = walk(item, [...path, key]);
			}
			return copy;
		}
		return value;
	};
	const head = walk(state, []);
	return { head, cuts, pieces };
}

/** Whether a value read back is where the cuts of a state were. */
export function isStateCuts(value: unknown): value is StateCut[] {
	return Array.isArray(value) && value.every(cut => Array.isArray(cut) && cut.length === 3 && Array.isArray(cut[0])
		&& cut[0].every((key: unknown) => typeof key === 'string' || typeof key === 'number')
		&& (cut[1] === 'array' || cut[1] === 'map') && Number.isInteger(cut[2]) && cut[2] > 0);
}

/**
 * A state put back together from its head and its pieces as they are
 * read; `whole` once every piece is in. Anything that does not fit (a piece
 * too many, a path that leads nowhere, a map's keys and values of other
 * lengths) makes it never whole: the state is then not used.
 */
export class StateAssembler {
	private readonly pieces: unknown[][] = [];
	private readonly expected: number;
	private broken = false;
	private assembled: { readonly value: unknown } | undefined;

	constructor(private readonly head: unknown, private readonly cuts: readonly StateCut[]) {
		this.expected = cuts.reduce((sum, cut) => sum + cut[2], 0);
	}

	/** Takes the next piece. */
	add(piece: unknown): void {
		if (!Array.isArray(piece) || this.pieces.length === this.expected) {
			this.broken = true;
		} else {
			this.pieces.push(piece);
		}
	}

	get whole(): boolean {
		return !this.broken && this.pieces.length === this.expected;
	}

	/** The state, every cut put back in its place (once whole, and once: the same value after); undefined when it does not fit. */
	value(): unknown {
		if (!this.whole) {
			return undefined;
		}
		this.assembled ??= { value: this.assemble() };
		return this.assembled.value;
	}

	private assemble(): unknown {
		let next = 0;
		for (const [path, kind, count] of this.cuts) {
			const pieces = this.pieces.slice(next, next + count);
			next += count;
			const value = kind === 'array' ? ([] as unknown[]).concat(...pieces) : mapOf(pieces);
			if (value === undefined || !this.put(path, value)) {
				return undefined;
			}
		}
		return this.head;
	}

	/** Sets the value at `path` in the head (an empty array or map must be there); false when it is not. */
	private put(path: readonly (string | number)[], value: unknown): boolean {
		let parent: unknown = this.head;
		for (let i = 0; i + 1 < path.length; i++) {
			if (parent === null || typeof parent !== 'object' || parent instanceof Map) {
				return false;
			}
			parent = (parent as Record<string | number, unknown>)[path[i]];
		}
		const key = path[path.length - 1];
		if (path.length === 0 || parent === null || typeof parent !== 'object' || parent instanceof Map) {
			return false;
		}
		const place = (parent as Record<string | number, unknown>)[key];
		if (!(Array.isArray(place) && place.length === 0) && !(place instanceof Map && place.size === 0)) {
			return false;
		}
		(parent as Record<string | number, unknown>)[key] = value;
		return true;
	}
}

/** The map of pieces in pairs (keys, then their values); undefined when they do not pair up. */
function mapOf(pieces: readonly unknown[][]): Map<unknown, unknown> | undefined {
	if (pieces.length % 2 !== 0) {
		return undefined;
	}
	const map = new Map<unknown, unknown>();
	for (let i = 0; i < pieces.length; i += 2) {
		const keys = pieces[i];
		const values = pieces[i + 1];
		if (keys.length !== values.length) {
			return undefined;
		}
		for (let k = 0; k < keys.length; k++) {
			map.set(keys[k], values[k]);
		}
	}
	return map;
}
