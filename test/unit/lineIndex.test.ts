import * as assert from 'assert';
import { computeLineStarts, offsetAt, positionAt } from '../../server/src/service/text/lineIndex';

describe('line index', () => {
	it('counts LF, CRLF and lone CR line breaks', () => {
		const text = 'a\nb\r\nc\rd';
		assert.deepStrictEqual([...computeLineStarts(text)], [0, 2, 5, 7]);
		assert.deepStrictEqual(positionAt(computeLineStarts(text), 7), { line: 3, character: 0 });
		assert.deepStrictEqual(positionAt(computeLineStarts(text), 3), { line: 1, character: 1 });
	});

	it('counts LF-only line breaks, a final one included', () => {
		assert.deepStrictEqual([...computeLineStarts('a\n\nbc\n')], [0, 2, 3, 6]);
		assert.deepStrictEqual([...computeLineStarts('')], [0]);
		assert.deepStrictEqual([...computeLineStarts('\n')], [0, 1]);
	});

	it('counts UTF-16 code units for astral characters', () => {
		const text = '👨‍👩‍👧 [x](/a/b/)';
		const starts = computeLineStarts(text);
		assert.deepStrictEqual(positionAt(starts, text.indexOf('[')), { line: 0, character: 9 });
		assert.strictEqual(offsetAt(starts, text, { line: 0, character: 9 }), text.indexOf('['));
	});

	it('clamps positions past a line end or the text end', () => {
		const text = 'ab\r\ncd';
		const starts = computeLineStarts(text);
		assert.strictEqual(offsetAt(starts, text, { line: 0, character: 99 }), 2);
		assert.strictEqual(offsetAt(starts, text, { line: 9, character: 0 }), text.length);
		assert.strictEqual(offsetAt(starts, text, { line: -1, character: 0 }), 0);
	});
});
