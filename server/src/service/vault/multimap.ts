/** A multimap of strings that keeps a lone value as itself (the index's reverse maps, the asset tables). */

/**
 * Most URLs have one page and most slugs one URL: a multimap stores a lone
 * value as itself and only several values as an array, which keeps the index
 * small at 100,000 pages.
 */
export type OneOrMany = string | string[];

/** Lists shorter than this grow by a copy of exactly their length (most lists are short); longer ones by `push`. */
const EXACT_LISTS = 64;

/**
 * Adds `value` under `key`; `known` says the caller knows it is not there
 * yet (no scan of a long list). `loose`: a list is pushed to in place, any
 * length (it may keep spare room until `compactLists`): for many values
 * added at once, each short list not copied at every value. Whether `key`
 * is new (had no value before).
 */
export function addTo<K>(map: Map<K, OneOrMany>, key: K, value: string, known = false, loose = false): boolean {
	const existing = map.get(key);
	if (existing === undefined) {
		map.set(key, value);
		return true;
	}
	if (typeof existing === 'string') {
		if (existing !== value) {
			map.set(key, [existing, value]);
		}
	} else if (known || !existing.includes(value)) {
		if (existing.length < EXACT_LISTS && !loose) {
			// A copy one longer: a short list pushed to would keep room for 16 more (V8 grows an array by half and 16); a copy costs less than that room up to this length.
			map.set(key, existing.concat(value));
		} else {
			existing.push(value);
		}
	}
	return false;
}

/** Replaces every list of `map` by an exact copy: the spare room lists pushed to keep (`addTo`'s `loose`) let go. */
export function compactLists<K>(map: Map<K, OneOrMany>): void {
	for (const [key, values] of map) {
		if (typeof values !== 'string') {
			map.set(key, values.slice());
		}
	}
}

export function removeFrom<K>(map: Map<K, OneOrMany>, key: K, value: string): void {
	const existing = map.get(key);
	if (existing === value) {
		map.delete(key);
	} else if (Array.isArray(existing)) {
		// From the end: a page updated again (an open page at each keystroke) was added last.
		const i = existing.lastIndexOf(value);
		if (i >= 0) {
			existing[i] = existing[existing.length - 1];
			existing.pop();
		}
		if (existing.length === 1) {
			map.set(key, existing[0]);
		}
	}
}

export function valuesOf<K>(map: Map<K, OneOrMany>, key: K): readonly string[] {
	const existing = map.get(key);
	return existing === undefined ? [] : typeof existing === 'string' ? [existing] : existing;
}
