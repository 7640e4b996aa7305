import * as assert from 'assert';
import { VersionedMemo } from '../../server/src/service/search/versionedMemo';

describe('versioned memo', () => {
	it('computes an answer once per key and version, and forgets every answer when the version changes', () => {
		const memo = new VersionedMemo<string[]>(10);
		const computed: string[] = [];
		const answer = (version: number, key: string): string[] => memo.get(version, key, () => {
			computed.push(`${version} ${key}`);
			return [`${key}@${version}`];
		});
		const first = answer(1, 'a');
		assert.strictEqual(answer(1, 'a'), first);
		answer(1, 'b');
		assert.deepStrictEqual(answer(2, 'a'), ['a@2']);
		answer(2, 'b');
		// Back at an earlier version: nothing of it was kept.
		assert.deepStrictEqual(answer(1, 'a'), ['a@1']);
		assert.notStrictEqual(answer(1, 'a'), first);
		assert.deepStrictEqual(computed, ['1 a', '1 b', '2 a', '2 b', '1 a']);
	});

	it('keeps an empty answer', () => {
		const memo = new VersionedMemo<string[]>(10);
		let calls = 0;
		const none = (): string[] => {
			calls++;
			return [];
		};
		memo.get(1, 'k', none);
		memo.get(1, 'k', none);
		assert.strictEqual(calls, 1);
	});

	it('starts over when full', () => {
		const memo = new VersionedMemo<number>(3);
		const computed: string[] = [];
		const answer = (key: string): number => memo.get(1, key, () => {
			computed.push(key);
			return key.length;
		});
		for (const key of ['a', 'b', 'c', 'd', 'a', 'd']) {
			answer(key);
		}
		// `d` found three answers kept: they were forgotten, so `a` is computed again; `d` was kept.
		assert.deepStrictEqual(computed, ['a', 'b', 'c', 'd', 'a']);
	});
});

describe('versioned memo in a scope', () => {
	it('forgets every answer when asked in another scope (other settings), and keeps them in the same one', () => {
		const memo = new VersionedMemo<string>(10);
		const computed: string[] = [];
		const first = {};
		const second = {};
		const answer = (scope: object, key: string): string => memo.get(1, key, () => {
			computed.push(`${scope === first ? 'first' : 'second'} ${key}`);
			return key;
		}, scope);
		answer(first, 'a');
		answer(first, 'a');
		answer(second, 'a');
		answer(second, 'a');
		answer(first, 'a');
		assert.deepStrictEqual(computed, ['first a', 'second a', 'first a']);
	});
});

describe('versioned memo asked without a closure (kept, keep)', () => {
	it('gives what was kept at the same version and scope, nothing at another, and keeps what it is given', () => {
		const memo = new VersionedMemo<number>(2);
		const scope = {};
		assert.strictEqual(memo.kept(1, 'a', scope), undefined);
		memo.keep('a', 1);
		assert.strictEqual(memo.kept(1, 'a', scope), 1);
		assert.strictEqual(memo.get(1, 'a', () => 2, scope), 1, 'get reads what keep kept');
		assert.strictEqual(memo.kept(1, 'a', {}), undefined, 'another scope forgets');
		const other = {};
		assert.strictEqual(memo.kept(1, 'a', other), undefined);
		memo.keep('a', 3);
		assert.strictEqual(memo.kept(2, 'a', other), undefined, 'another version forgets');
		memo.keep('a', 4);
		memo.keep('b', 5);
		memo.keep('c', 6);
		assert.deepStrictEqual(['a', 'b', 'c'].map(key => memo.kept(2, key, other)), [undefined, undefined, 6], 'full (2 kept): started over');
	});
});
