import * as assert from 'assert';
import { scanMarkdown } from '../../server/src/service/parse/markdown';

/** The terms of a page as `text@start-end`. */
function terms(text: string): string[] {
	return scanMarkdown(text).definitionTerms.map(term => `${term.text}@${term.span.start}-${term.span.end}`);
}

describe('definition list terms (the lines before a `: description` line)', () => {
	it('takes a description after at most three spaces or tabs, followed by a space or tab', () => {
		assert.deepStrictEqual(terms('Term\n: desc\n'), ['Term@0-4']);
		assert.deepStrictEqual(terms('Term\n   :\tdesc\n'), ['Term@0-4']);
		assert.deepStrictEqual(terms('Term\n    : not a description\n'), []);
		assert.deepStrictEqual(terms('Term\n:no space\n'), []);
	});

	it('does not take a colon inside a line for a description', () => {
		assert.deepStrictEqual(terms('a: b\nc\n'), []);
		assert.deepStrictEqual(terms('Key: value\n: desc\n'), ['Key: value@0-10']);
	});

	it('reads CRLF and lone CR lines, and the paragraph before a description that opens a paragraph', () => {
		assert.deepStrictEqual(terms('First\r\nSecond\r\n: desc\r\n'), ['First@0-5', 'Second@7-13']);
		assert.deepStrictEqual(terms('Term\r: desc\r'), ['Term@0-4']);
		assert.deepStrictEqual(terms('Apple\n\n: the fruit\n'), ['Apple@0-5']);
		assert.deepStrictEqual(terms('Apple\n\n> quote\n\n: d\n'), ['quote@9-14']);
	});
});
