import { VisitMarks } from '../visitMarks';
import type { PageSearchEntry } from './searchKeys';

/** Words are bucketed by their first three characters (a shorter word by itself). */
const WORD_KEY_LENGTH = 3;

/** The word-prefix bucket keys of an entry, each once. */
export function wordKeysOf(entry: PageSearchEntry): string[] {
	const keys = new Set<string>();
	for (const field of [entry.slug, entry.title, ...entry.aliases]) {
		for (const word of field.split(' ')) {
			if (word !== '') {
				keys.add(word.slice(0, WORD_KEY_LENGTH));
			}
		}
	}
	return [...keys];
}

/**
 * Word-prefix buckets of a page search table: the first three characters of
 * every word of an entry's slug, title and aliases (a shorter word by
 * itself) → positions. A position may stay in a bucket its entry no longer
 * fits, or appear twice: readers check what they find.
 */
export class WordPrefixBuckets {
	private readonly buckets = new Map<string, number[]>();
	/** The positions already met in the current lookup. */
	private readonly met = new VisitMarks();

	clear(): void {
		this.buckets.clear();
	}

	add(position: number, keys: Iterable<string>): void {
		for (const key of keys) {
			const bucket = this.buckets.get(key);
			if (bucket) {
				bucket.push(position);
			} else {
				this.buckets.set(key, [position]);
			}
		}
	}

	/**
	 * Each position (once) whose entry may have a word starting with `prefix`
	 * (non-empty, normalised, no space), or undefined when that would be more
	 * than half of the `size` positions of the table anyway.
	 */
	positionsWithWordPrefix(prefix: string, size: number): number[] | undefined {
		const buckets: number[][] = [];
		if (prefix.length >= WORD_KEY_LENGTH) {
			const bucket = this.buckets.get(prefix.slice(0, WORD_KEY_LENGTH));
			if (bucket) {
				buckets.push(bucket);
			}
		} else {
			for (const [key, bucket] of this.buckets) {
				if (key.startsWith(prefix)) {
					buckets.push(bucket);
				}
			}
		}
		let total = 0;
		for (const bucket of buckets) {
			total += bucket.length;
		}
		if (total > size / 2) {
			return undefined;
		}
		this.met.begin(size);
		const positions: number[] = [];
		for (const bucket of buckets) {
			for (const position of bucket) {
				if (this.met.first(position)) {
					positions.push(position);
				}
			}
		}
		return positions;
	}
}
