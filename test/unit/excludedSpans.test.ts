import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { excludedSpans } from '../../server/src/service/mentions/findMentions';
import { summarizePage, type PageSummary } from '../../server/src/service/parse/pageSummary';
import type { Span } from '../../server/src/service/parse/markdownTypes';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'markdown');

/** The spans merged as a list of span objects sorted by their start (the reference). */
function mergedByReference(page: PageSummary): number[] {
	const spans: Span[] = [
		...page.links.map(link => link.span),
		...page.headings.map(heading => heading.span),
		...page.footnoteReferences.map(reference => reference.span),
		...page.footnoteDefinitions.map(definition => definition.span),
	].sort((a, b) => a.start - b.start);
	const merged: number[] = [];
	for (const span of spans) {
		const last = merged.length - 1;
		if (last > 0 && span.start <= merged[last]) {
			merged[last] = Math.max(merged[last], span.end);
		} else {
			merged.push(span.start, span.end);
		}
	}
	return merged;
}

/**
 * Where no unlinked mention is looked for (links, headings, footnotes),
 * merged: sorted as numbers, the same as the spans sorted as objects.
 */
describe('excludedSpans: the spans of a page where nothing is a mention', () => {
	it('merges them as a sort of span objects does, on every markdown fixture', () => {
		const names = fs.readdirSync(FIXTURES);
		assert.ok(names.length > 5);
		for (const name of names) {
			const page = summarizePage(`notes/${name}`, fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
			assert.deepStrictEqual(excludedSpans(page), mergedByReference(page), name);
		}
	});

	it('merges them so on a page of many spans (keys past 2 ** 31), then on a small one', () => {
		const long = summarizePage('notes/long.md', Array.from({ length: 1000 }, (_, i) => `## H${i}\n\n[a${i}](/x/${i}/) and [^${i}]\n\n[^${i}]: Note ${i}.\n`).join('\n'));
		assert.ok(mergedByReference(long).length > 1000 && long.textLength ** 2 > 2 ** 31);
		assert.deepStrictEqual(excludedSpans(long), mergedByReference(long));
		const small = summarizePage('notes/small.md', '# T\n\n[b](/y/)\n');
		assert.deepStrictEqual(excludedSpans(small), mergedByReference(small));
	});

	it('merges them so on made-up pages: nested, touching and repeated links, headings, footnotes', () => {
		const piece = fc.constantFrom(
			'[a](/x/)', '[![img](/i.png)](/y/)', '[b][r]', '[r]', '[^1]', '[^n]', '# Head [l](/z/)', '## Two', '\n[r]: /r/\n', '\n[^1]: Note [x](/x/).\n',
			'text ', '\n\n', '`[code](/c/)`', '[[w]]', '<https://e.org>', '😀', '\r\n',
		);
		fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), pieces => {
			const page = summarizePage('notes/p.md', pieces.join(''));
			assert.deepStrictEqual(excludedSpans(page), mergedByReference(page));
		}), { numRuns: 500 });
	});
});
