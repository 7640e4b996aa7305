import * as assert from 'assert';
import { PageSummaries, pageSummaryToParts, summarizePage, type PageSummary } from '../../server/src/service/parse/pageSummary';

/** The offsets of `text` that the summary says are in code. */
function codeOffsets(summary: PageSummary, text: string): number[] {
	const offsets: number[] = [];
	for (let offset = 0; offset <= text.length; offset++) {
		if (summary.isInCode(offset)) {
			offsets.push(offset);
		}
	}
	return offsets;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('page summary: code regions', () => {
	const text = '---\ntitle: A\n---\n\nSee `x` and [a](/b/).\n\n    code\n\n```\nfenced\n```\n\nafter\n';
	const span = text.indexOf('x`');
	const indented = text.indexOf('code');
	const fence = text.indexOf('```');
	const fenceEnd = text.indexOf('```', fence + 3) + 3;

	it('knows which offsets are in code, ends included', () => {
		assert.deepStrictEqual(codeOffsets(summarizePage('places/a.md', text), text), [
			...range(span, span + 1),
			...range(indented, indented + 4),
			...range(fence, fenceEnd),
		]);
	});

	it('keeps them through its plain data (workers, persisted index), with the other parts intact', () => {
		const summary = summarizePage('places/a.md', text);
		const copy = new PageSummaries().fromParts(structuredClone(pageSummaryToParts(summary)), true);
		assert.deepStrictEqual(codeOffsets(copy, text), codeOffsets(summary, text));
		assert.deepStrictEqual(copy.links, summary.links);
		assert.deepStrictEqual(copy.frontmatter.fields, summary.frontmatter.fields);
		assert.deepStrictEqual([...copy.lineStarts], [...summary.lineStarts]);
	});

	it('has none on a page without code, and stores pages over 64 KiB too', () => {
		assert.deepStrictEqual(codeOffsets(summarizePage('places/a.md', 'Plain [a](/b/).\n'), 'Plain [a](/b/).\n'), []);
		const long = 'x'.repeat(70000) + '\n\n`y`\n';
		const summary = summarizePage('places/a.md', long);
		assert.deepStrictEqual([summary.isInCode(70002), summary.isInCode(70003), summary.isInCode(70004), summary.isInCode(70005)], [false, true, true, false]);
	});
});
