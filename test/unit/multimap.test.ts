import * as assert from 'assert';
import { addTo, compactLists, removeFrom, valuesOf, type OneOrMany } from '../../server/src/service/vault/multimap';

describe('string multimap (the index reverse maps)', () => {
	it('keeps a lone value as itself, several in an array, and removes any one of them, the last one swapped into its place', () => {
		const map = new Map<string, OneOrMany>();
		addTo(map, 'k', 'a');
		assert.strictEqual(map.get('k'), 'a');
		for (const value of ['b', 'c', 'd', 'e']) {
			addTo(map, 'k', value, true);
		}
		addTo(map, 'k', 'c');
		assert.deepStrictEqual(valuesOf(map, 'k'), ['a', 'b', 'c', 'd', 'e']);
		removeFrom(map, 'k', 'b');
		assert.deepStrictEqual(valuesOf(map, 'k'), ['a', 'e', 'c', 'd']);
		removeFrom(map, 'k', 'd');
		assert.deepStrictEqual(valuesOf(map, 'k'), ['a', 'e', 'c']);
		removeFrom(map, 'k', 'x');
		assert.deepStrictEqual(valuesOf(map, 'k'), ['a', 'e', 'c']);
		// Removed and added again (an open page at each keystroke): it goes last, and is found there.
		removeFrom(map, 'k', 'a');
		addTo(map, 'k', 'a', true);
		assert.deepStrictEqual(valuesOf(map, 'k'), ['c', 'e', 'a']);
		removeFrom(map, 'k', 'e');
		removeFrom(map, 'k', 'c');
		assert.strictEqual(map.get('k'), 'a');
		removeFrom(map, 'k', 'a');
		assert.ok(!map.has('k'));
	});

	it('keeps every value once, in order, as a list grows past the length up to which it is copied (64) and shrinks again', () => {
		const map = new Map<string, OneOrMany>();
		const values = Array.from({ length: 150 }, (_, i) => `people/p${i}.md`);
		for (const value of values) {
			assert.strictEqual(addTo(map, 'k', value), value === values[0]);
			addTo(map, 'k', value);
			addTo(map, 'k', values[0]);
		}
		assert.deepStrictEqual(valuesOf(map, 'k'), values);
		for (const value of values.slice(0, 140)) {
			removeFrom(map, 'k', value);
		}
		assert.deepStrictEqual([...valuesOf(map, 'k')].sort(), values.slice(140).sort());
		for (const value of values.slice(0, 100)) {
			addTo(map, 'k', value, true);
		}
		assert.strictEqual(valuesOf(map, 'k').length, 110);
		assert.deepStrictEqual(valuesOf(map, 'k').slice(10), values.slice(0, 100));
	});

	it('pushed to in place (loose, a bulk load) holds what copied lists hold, in order, before and after its lists are compacted, and edits after match', () => {
		const exact = new Map<string, OneOrMany>();
		const loose = new Map<string, OneOrMany>();
		const keys = ['one', 'two', 'many'];
		for (let i = 0; i < 200; i++) {
			const key = keys[Math.min(i % 7, 2)];
			const value = `people/p${i}.md`;
			assert.strictEqual(addTo(loose, key, value, true, true), addTo(exact, key, value, true));
		}
		addTo(loose, 'lone', 'x', true, true);
		addTo(exact, 'lone', 'x', true);
		const same = (): void => {
			for (const key of [...keys, 'lone', 'none']) {
				assert.deepStrictEqual(valuesOf(loose, key), valuesOf(exact, key), key);
			}
		};
		same();
		const before = loose.get('many');
		compactLists(loose);
		assert.notStrictEqual(loose.get('many'), before, 'a list is replaced by its copy');
		assert.strictEqual(loose.get('lone'), 'x');
		same();
		for (const value of ['people/p2.md', 'people/p9.md', 'people/p0.md']) {
			removeFrom(loose, 'many', value);
			removeFrom(exact, 'many', value);
			removeFrom(loose, 'one', value);
			removeFrom(exact, 'one', value);
		}
		addTo(loose, 'many', 'people/new.md');
		addTo(exact, 'many', 'people/new.md');
		same();
	});
});
