import * as assert from 'assert';
import { rangeOfText, spanOfText } from '../support/cursor';

describe('test support: spanOfText and rangeOfText', () => {
	it('gives the range of the first occurrence, or of the n-th after it', () => {
		const text = 'ab [x]\r\ncd [x] [x]\n';
		assert.deepStrictEqual(rangeOfText(text, '[x]'), { start: { line: 0, character: 3 }, end: { line: 0, character: 6 } });
		assert.deepStrictEqual(rangeOfText(text, '[x]', 2), { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
		assert.deepStrictEqual(rangeOfText(text, 'b [x]\r\ncd'), { start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
		assert.deepStrictEqual(spanOfText(text, '[x]', 1), { start: 11, end: 14 });
	});

	it('fails when there is no such occurrence, rather than starting over', () => {
		assert.throws(() => rangeOfText('ab [x] [x]\n', '[y]'), assert.AssertionError);
		assert.throws(() => rangeOfText('ab [x] [x]\n', '[x]', 2), assert.AssertionError);
		assert.throws(() => rangeOfText('[x]', '[x]', 2), assert.AssertionError);
		assert.throws(() => spanOfText('[x]', '[x]', 2), assert.AssertionError);
	});
});
