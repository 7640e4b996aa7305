import * as assert from 'assert';
import * as fc from 'fast-check';
import { PageSummaries } from '../../server/src/service/parse/pageSummary';
import { RecentlyUsed, StringPool } from '../../server/src/service/parse/stringPool';

describe('string pool and recent views of the summaries', () => {
	it('gives back one string for equal strings, short and long, and copies a long one out of its text', () => {
		const pool = new StringPool();
		const text = 'See /organizations/secret-intelligence-service/ twice: /organizations/secret-intelligence-service/';
		const first = pool.intern(text.slice(4, 47));
		assert.strictEqual(first, '/organizations/secret-intelligence-service/');
		assert.strictEqual(pool.intern(text.slice(55, 98)), first);
		assert.strictEqual(pool.intern('mi6'), 'mi6');
		assert.deepStrictEqual(pool.internValue({ tags: ['MI6', 'GCHQ'], n: 3 }, false), { tags: ['MI6', 'GCHQ'], n: 3 });
	});

	it('makes objects with the keys given, in their order, each a new one, whatever other lists of keys it made before', () => {
		const pool = new StringPool();
		const keys = ['title', 'created', 'summary', 'tags', 'location', '2', 'a\nb', 'c'];
		const first = pool.objectWithKeys(keys);
		assert.deepStrictEqual(Object.keys(first), Object.keys(JSON.parse(`{${keys.map(key => `${JSON.stringify(key)}:null`).join(',')}}`) as object));
		assert.ok(Object.values(first).every(value => value === null));
		first.title = 'Changed';
		const second = pool.objectWithKeys(keys);
		assert.notStrictEqual(second, first);
		assert.strictEqual(second.title, null);
		// Keys that would join alike (a newline inside one) are other lists.
		const other = ['title', 'created', 'summary', 'tags', 'location', '2', 'a', 'b\nc'];
		assert.deepStrictEqual(Object.keys(pool.objectWithKeys(other)).sort(), [...other].sort());
		assert.deepStrictEqual(Object.keys(pool.objectWithKeys(['a', 'b'])), []);
		const withProto = pool.objectWithKeys(['a', 'b', 'c', 'd', '__proto__']);
		assert.deepStrictEqual(Object.keys(withProto), []);
		assert.strictEqual(Object.getPrototypeOf(withProto), Object.prototype);
	});

	it('keeps the views of the last pages asked for, forgetting the least recently used', () => {
		const recent = new RecentlyUsed<string, number>(2);
		recent.set('a', 1);
		recent.set('b', 2);
		assert.strictEqual(recent.get('a'), 1);
		recent.set('c', 3);
		assert.deepStrictEqual([recent.get('a'), recent.get('b'), recent.get('c')], [1, undefined, 3]);
	});

	it('answers as a least-recently-used map does, whatever the uses', () => {
		/** The reference: a `Map` whose order of keys is their order of use. */
		class MapLru {
			readonly entries = new Map<number, number>();
			constructor(readonly capacity: number) { }
			get(key: number): number | undefined {
				const value = this.entries.get(key);
				if (value !== undefined) {
					this.entries.delete(key);
					this.entries.set(key, value);
				}
				return value;
			}
			set(key: number, value: number): void {
				this.entries.delete(key);
				this.entries.set(key, value);
				if (this.entries.size > this.capacity) {
					this.entries.delete(this.entries.keys().next().value!);
				}
			}
		}
		const use = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 7 }), fc.integer());
		fc.assert(fc.property(fc.integer({ min: 0, max: 6 }), fc.array(use, { maxLength: 200 }), (capacity, uses) => {
			const recent = new RecentlyUsed<number, number>(capacity);
			const reference = new MapLru(capacity);
			for (const [isGet, key, value] of uses) {
				if (isGet) {
					assert.strictEqual(recent.get(key), reference.get(key));
				} else {
					recent.set(key, value);
					reference.set(key, value);
				}
			}
			for (let key = 0; key <= 7; key++) {
				assert.strictEqual(recent.get(key), reference.get(key), `key ${key}`);
			}
		}), { numRuns: 2000 });
	});

	it('keeps the object views of the pages in use, and builds them anew once 64 other pages were asked for', () => {
		const summaries = new PageSummaries();
		const pages = Array.from({ length: 65 }, (_, i) => summaries.summarize(`people/p${i}.md`, `# P${i}\n\n[A](/people/a/)\n`));
		const links = pages[0].links;
		assert.strictEqual(pages[0].links, links);
		for (const page of pages.slice(1, 64)) {
			assert.strictEqual(page.links.length, 1);
		}
		assert.strictEqual(pages[0].links, links, 'still among the last 64');
		for (const page of pages.slice(1)) {
			assert.strictEqual(page.links.length, 1);
		}
		assert.notStrictEqual(pages[0].links, links, 'forgotten after 64 others');
		assert.deepStrictEqual(pages[0].links, links);
	});
});
