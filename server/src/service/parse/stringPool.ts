/**
 * Strings kept by summaries are copied out of the document text: V8 keeps a
 * substring as a slice of its parent, so one destination string would keep a
 * whole page's text alive. Equal strings (URLs, labels, keys) are shared
 * through a pool owned by the vault service (one per vault; a worker thread
 * makes plain parts and shares nothing).
 */

const MAX_INTERNED = 1 << 20;
/** Sets of frontmatter keys kept as objects to copy (`objectWithKeys`): a vault has a few dozen. */
const MAX_SHAPES = 1024;
/** Short strings (footnote labels, most tags and keys) are most of the lookups: a small pool stays in the cache. */
const SHORT = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A flat copy of a string (V8 keeps a substring of 13 or more characters as
 * a slice of its parent). A string with lone surrogates does not survive the
 * UTF-8 round trip and is kept as it is.
 */
export function detach(value: string): string {
	if (value.length < 13) {
		return value;
	}
	const copy = decoder.decode(encoder.encode(value));
	return copy === value ? copy : value;
}

/**
 * Shares equal strings, each detached from the text it was cut from;
 * cleared when it grows past a million strings, and let go by `forget`.
 */
export class StringPool {
	private pool = new Map<string, string>();
	private shortPool = new Map<string, string>();
	/** Per list of keys (as JSON), an object with those keys (null), made once and copied. */
	private readonly shapes = new Map<string, Record<string, unknown>>();

	/** How many strings it holds. */
	get size(): number {
		return this.pool.size + this.shortPool.size;
	}

	/**
	 * Lets go of every string (and of its tables: a pool of 10,000 pages'
	 * strings takes about 100 bytes a page): the pages keep the strings they
	 * shared, and pages made after share theirs through a new pool.
	 */
	forget(): void {
		if (this.size > 0) {
			this.pool = new Map();
			this.shortPool = new Map();
		}
	}

	/** `alreadyFlat`: the string is a fresh copy (it crossed a thread or came from a file), so no detaching. */
	intern(value: string, alreadyFlat = false): string {
		if (value.length <= SHORT) {
			const known = this.shortPool.get(value);
			if (known !== undefined) {
				return known;
			}
			if (this.shortPool.size >= MAX_INTERNED) {
				this.shortPool.clear();
			}
			// Shorter than 13 characters: never a slice of a page text, nothing to detach.
			this.shortPool.set(value, value);
			return value;
		}
		const existing = this.pool.get(value);
		if (existing !== undefined) {
			return existing;
		}
		const detached = alreadyFlat ? value : detach(value);
		if (this.pool.size >= MAX_INTERNED) {
			this.pool.clear();
		}
		this.pool.set(detached, detached);
		return detached;
	}

	/**
	 * An object whose own properties are `keys` (null), in that order: V8
	 * keeps them in the object itself, where `{}` given them one by one
	 * keeps those past the fourth in a second array (about 30 bytes more for
	 * a page's data). Made by `JSON.parse` once per set of keys, then copied
	 * (a spread keeps the layout). `__proto__` left to the caller's `{}`.
	 */
	objectWithKeys(keys: readonly string[]): Record<string, unknown> {
		if (keys.length <= 4 || keys.includes('__proto__')) {
			return {};
		}
		const joined = JSON.stringify(keys);
		let shape = this.shapes.get(joined);
		if (shape === undefined) {
			if (this.shapes.size >= MAX_SHAPES) {
				this.shapes.clear();
			}
			shape = JSON.parse(`{${keys.map(key => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, unknown>;
			this.shapes.set(joined, shape);
		}
		return { ...shape };
	}

	/** A copy of a parsed YAML value whose strings no longer point into the page text (nor repeat). */
	internValue(value: unknown, alreadyFlat: boolean): unknown {
		if (typeof value === 'string') {
			return value.length < 64 ? this.intern(value, alreadyFlat) : alreadyFlat ? value : detach(value);
		}
		if (Array.isArray(value)) {
			return value.map(item => this.internValue(item, alreadyFlat));
		}
		if (value !== null && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const key of Object.keys(value)) {
				// A property's key is a string V8 shares (internalizes) itself: not pooled.
				out[key] = this.internValue((value as Record<string, unknown>)[key], alreadyFlat);
			}
			return out;
		}
		return value;
	}
}

/**
 * The values of the last keys asked for, at most `capacity` of them: keys
 * and values in arrays, their order of use a list through two arrays of
 * indexes (the least recently used is replaced). A key is looked for among
 * the keys one by one, the last one asked for first (mostly the one asked
 * for again). Not a `Map` deleting and adding a key at each use: V8 then
 * replaces the map's table every few uses, and a replaced table that reached
 * the old generation keeps what it held alive through scavenges until the
 * next full collection (`check` at 10,000 pages, its diagnostics: 70 MB
 * promoted and 5 full collections with a `Map`, 25 MB and 2 with arrays).
 */
export class RecentlyUsed<K, V> {
	private readonly keys: K[] = [];
	private readonly values: V[] = [];
	/** Per entry, the entry used next after it and the one used last before it (-1: none). */
	private readonly newer: Int32Array;
	private readonly older: Int32Array;
	private newest = -1;
	private oldest = -1;

	constructor(private readonly capacity: number) {
		this.newer = new Int32Array(Math.max(0, capacity));
		this.older = new Int32Array(Math.max(0, capacity));
	}

	/** The value kept for `key`, which becomes the most recently used; undefined when none is kept. */
	get(key: K): V | undefined {
		const at = this.find(key);
		if (at < 0) {
			return undefined;
		}
		this.use(at);
		return this.values[at];
	}

	/** Keeps `value` for `key`, forgetting the least recently used key past the capacity. */
	set(key: K, value: V): void {
		let at = this.find(key);
		if (at < 0 && this.keys.length < this.capacity) {
			at = this.keys.length;
			this.keys.push(key);
			this.values.push(value);
			this.newer[at] = -1;
			this.older[at] = -1;
			this.makeNewest(at);
			return;
		}
		if (at < 0) {
			if (this.oldest < 0) {
				return;
			}
			at = this.oldest;
			this.keys[at] = key;
		}
		this.values[at] = value;
		this.use(at);
	}

	private find(key: K): number {
		return this.newest >= 0 && this.keys[this.newest] === key ? this.newest : this.keys.indexOf(key);
	}

	/** Makes entry `at` the most recently used. */
	private use(at: number): void {
		if (at === this.newest) {
			return;
		}
		// Out of the list (not the newest, it has a newer entry)…
		const before = this.older[at];
		const after = this.newer[at];
		if (before >= 0) {
			this.newer[before] = after;
		} else {
			this.oldest = after;
		}
		this.older[after] = before;
		// …and back in at its newest end.
		this.makeNewest(at);
	}

	private makeNewest(at: number): void {
		this.older[at] = this.newest;
		this.newer[at] = -1;
		if (this.newest >= 0) {
			this.newer[this.newest] = at;
		}
		this.newest = at;
		if (this.oldest < 0) {
			this.oldest = at;
		}
	}
}
