import * as assert from 'assert';
import { addTo, removeFrom, valuesOf, type OneOrMany } from '../../server/src/service/vault/multimap';

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
});
