import * as assert from 'assert';
import { computeLineStarts, offsetAt, positionAt, spanToRange } from '../../server/src/service/text/lineIndex';

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

	it('gives a span the range of its two offsets, on one line or across any number of lines (LF, CRLF, lone CR, emoji)', () => {
		const text = 'a 👍 b\r\n\ncd\re\n' + 'line\n'.repeat(12) + 'end 😀\r\nlast';
		const starts = computeLineStarts(text);
		let checked = 0;
		for (let start = 0; start <= text.length; start++) {
			for (let end = start; end <= text.length; end++) {
				assert.deepStrictEqual(spanToRange(starts, { start, end }), { start: positionAt(starts, start), end: positionAt(starts, end) }, `${start}–${end}`);
				checked++;
			}
		}
		assert.ok(checked > 3000);
		assert.deepStrictEqual(spanToRange(new Uint16Array([0]), { start: 0, end: 0 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
	});
});
