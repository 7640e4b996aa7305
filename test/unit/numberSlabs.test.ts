import * as assert from 'assert';
import { NumberSlabs } from '../../server/src/service/parse/numberSlabs';

describe('number slabs (the stored headers\' numbers, many pages to an array)', () => {
	it('keeps each page\'s numbers where it put them, 16-bit when they fit, however many pages share a slab and however long a page is', () => {
		const slabs = new NumberSlabs();
		const kept: { head: number[]; rest: number[]; place: ReturnType<NumberSlabs['store']> }[] = [];
		for (let page = 0; page < 400; page++) {
			const length = page % 97 === 0 ? 9000 + page : (page * 37) % 300;
			const wide = page % 13 === 0;
			const rest = Array.from({ length }, (_, i) => (page * 7919 + i * 31) % (wide ? 200_000 : 0x10000));
			const head = [page, page % 5 === 0 ? 70_000 : page * 3, length];
			const place = slabs.store(head, wide ? Uint32Array.from(rest) : Uint16Array.from(rest));
			kept.push({ head, rest, place });
		}
		for (const { head, rest, place } of kept) {
			const narrow = head.every(value => value <= 0xffff) && rest.every(value => value <= 0xffff) && !(head[0] % 13 === 0);
			assert.strictEqual(place.slab instanceof Uint16Array, narrow, `page ${head[0]}`);
			assert.deepStrictEqual(Array.from(place.slab.subarray(place.at, place.at + head.length + rest.length)), [...head, ...rest], `page ${head[0]}`);
		}
		assert.ok(new Set(kept.map(({ place }) => place.slab)).size < kept.length / 10, 'slabs are shared');
	});
});
