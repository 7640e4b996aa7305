import * as assert from 'assert';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { vaultOf } from '../support/cursor';

function foldingOf(text: string): FoldingRange[] {
	return vaultOf({ 'people/x.md': text }).foldingRanges('people/x.md', text);
}

const PAGE = [
	'---', // 0
	'title: X',
	'tags: [a]',
	'---', // 3
	'# X', // 4
	'',
	'Intro[^1].',
	'',
	'## Early life 🙂', // 8
	'',
	'Born.',
	'',
	'### School', // 12
	'Went.',
	'',
	'',
	'## Later', // 16
	'Moved[^2].',
	'',
	'[^1]: One.', // 19
	'[^2]: Two,',
	'    continued.', // 21
	'',
].join('\n');

describe('folding ranges', () => {
	const expected: FoldingRange[] = [
		{ startLine: 0, endLine: 3, kind: FoldingRangeKind.Comment },
		{ startLine: 4, endLine: 21, kind: FoldingRangeKind.Region },
		{ startLine: 8, endLine: 13, kind: FoldingRangeKind.Region },
		{ startLine: 12, endLine: 13, kind: FoldingRangeKind.Region },
		{ startLine: 16, endLine: 21, kind: FoldingRangeKind.Region },
		{ startLine: 19, endLine: 21, kind: FoldingRangeKind.Comment },
	];

	it('folds the frontmatter, each heading\'s section without its trailing blank lines, and the footnote block', () => {
		assert.deepStrictEqual(foldingOf(PAGE), expected);
	});

	it('gives the same lines with CRLF line breaks', () => {
		assert.deepStrictEqual(foldingOf(PAGE.replace(/\n/g, '\r\n')), expected);
	});

	it('folds no one-line range, no footnotes that are not at the end, and setext headings by their first line', () => {
		const text = 'Title\n=====\n\n[^1]: Middle.\n\nText[^1].\n\n## One\n';
		assert.deepStrictEqual(foldingOf(text), [{ startLine: 0, endLine: 7, kind: FoldingRangeKind.Region }]);
	});
});
