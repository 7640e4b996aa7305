import * as assert from 'assert';
import * as v8 from 'v8';
import { PageSummaries, pageSummaryToParts, summarizePage, summarizePageParts, transferableBuffersOf, type PageSummary } from '../../server/src/service/parse/pageSummary';
import {
	CODE_REGION, FOOTNOTE_DEFINITION, FOOTNOTE_REFERENCE, FRONTMATTER_FIELD, HEADING, LINK, PART_ORDER, PARTS, packCounts, unpackCount,
} from '../../server/src/service/parse/pageSummaryLayout';
import { spanOfText } from '../support/cursor';

const PAGE = [
	'---',
	'title: A',
	'tags: [x]',
	'---',
	'# A',
	'',
	'See [MI6](/organizations/mi6/#origins) and ![map](../maps/iran.png).[^1]',
	'',
	'## Notes',
	'',
	'[^1]: Source.',
	'',
].join('\n');

/** Everything a summary shows of a page, as plain data. */
function viewsOf(summary: PageSummary) {
	return {
		links: summary.links,
		footnoteReferences: summary.footnoteReferences,
		footnoteDefinitions: summary.footnoteDefinitions,
		headings: summary.headings,
		fields: summary.frontmatter.fields,
		targetUrls: summary.targetUrls,
		lineStarts: [...summary.lineStarts],
	};
}

/** The summary rebuilt from its plain data after a `v8` round trip (as the persisted index stores it). */
function roundTrip(summary: PageSummary): PageSummary {
	return new PageSummaries().fromParts(v8.deserialize(v8.serialize(pageSummaryToParts(summary))), true);
}

describe('page summary layout', () => {
	it('stores a fixed number of numbers and strings per item of each kind (the memory cost of a summary)', () => {
		assert.deepStrictEqual(PART_ORDER, ['links', 'footnoteReferences', 'footnoteDefinitions', 'headings', 'fields']);
		assert.deepStrictEqual(PART_ORDER.map(part => [PARTS[part].numbers, PARTS[part].strings]), [[7, 1], [2, 2], [5, 2], [3, 4], [4, 1]]);
		assert.deepStrictEqual([CODE_REGION.numbers, CODE_REGION.strings], [2, 0]);
		// The persisted index stores this layout: a change here must bump CACHE_FORMAT in server/src/node/indexCache.ts.
		assert.deepStrictEqual(PART_ORDER.map(part => PARTS[part].names), [
			['flags', 'span', 'textSpan', 'destinationSpan', 'destination'],
			['span', 'label', 'rawLabel'],
			['span', 'markerSpan', 'sameTextAs', 'label', 'rawLabel'],
			['level', 'span', 'text', 'anchor', 'idText', 'attributes'],
			['keySpan', 'valueSpan', 'key'],
		]);
		assert.deepStrictEqual(CODE_REGION.names, ['span']);
		const parts = summarizePageParts('people/a.md', PAGE);
		assert.deepStrictEqual(parts.counts, [2, 1, 1, 2, 2]);
		assert.strictEqual(parts.numbers.length, 2 * LINK.numbers + FOOTNOTE_REFERENCE.numbers + FOOTNOTE_DEFINITION.numbers + 2 * HEADING.numbers + 2 * FRONTMATTER_FIELD.numbers);
		assert.strictEqual(parts.strings.length, 2 * LINK.strings + FOOTNOTE_REFERENCE.strings + FOOTNOTE_DEFINITION.strings + 2 * HEADING.strings + 2 * FRONTMATTER_FIELD.strings);
		assert.ok(parts.numbers instanceof Uint16Array);
	});

	it('writes each field of an item at its named offset', () => {
		const numbers: number[] = [99];
		const strings: string[] = ['before'];
		LINK.write({ flags: 5, span: { start: 10, end: 20 }, textSpan: { start: 11, end: 14 }, destinationSpan: { start: 16, end: 19 }, destination: '/a/' }, numbers, 1, strings);
		assert.deepStrictEqual(numbers.length, 1 + LINK.numbers);
		assert.deepStrictEqual(
			[numbers[1 + LINK.at.flags], numbers[1 + LINK.at.span], numbers[2 + LINK.at.span], numbers[1 + LINK.at.textSpan], numbers[2 + LINK.at.textSpan], numbers[1 + LINK.at.destinationSpan], numbers[2 + LINK.at.destinationSpan]],
			[5, 10, 20, 11, 14, 16, 19],
		);
		assert.deepStrictEqual(strings, ['before', '/a/']);
		HEADING.write({ level: 2, span: { start: 3, end: 4 }, text: 'Notes {#n}', anchor: 'notes-n', idText: '', attributes: '{#n}' }, numbers, 1 + LINK.numbers, strings);
		assert.deepStrictEqual(numbers.slice(1 + LINK.numbers), [2, 3, 4]);
		assert.deepStrictEqual(strings.slice(1 + LINK.strings + HEADING.at.text), ['Notes {#n}', 'notes-n', '', '{#n}']);
	});

	it('has for each kind a writer that writes every declared field at its offset, and nothing else', () => {
		for (const layout of [...PART_ORDER.map(part => PARTS[part]), CODE_REGION]) {
			// Distinct values for every field: a number, a span's start and end, a string.
			let next = 1000;
			const item: Record<string, unknown> = {};
			layout.names.forEach((name, i) => {
				const kind = layout.kinds[i];
				item[name] = kind === 'string' ? `s${next++}` : kind === 'span' ? { start: next++, end: next++ } : next++;
			});
			const numbers: number[] = [7];
			const strings: string[] = ['before'];
			(layout.write as (item: unknown, numbers: number[], at: number, strings: string[]) => void)(item, numbers, 1, strings);
			const name = layout.names.join(',');
			assert.strictEqual(numbers.length, 1 + layout.numbers, name);
			assert.strictEqual(strings.length, 1 + layout.strings, name);
			layout.names.forEach((field, i) => {
				const at = (layout.at as Record<string, number>)[field];
				const kind = layout.kinds[i];
				const actual = kind === 'string' ? strings[1 + at] : kind === 'span' ? { start: numbers[1 + at], end: numbers[2 + at] } : numbers[1 + at];
				assert.deepStrictEqual(actual, item[field], `${name}: ${field}`);
			});
		}
	});

	it('packs the counts a byte each, and gives up on a count over 255', () => {
		const packed = packCounts([1, 0, 200, 255, 7]);
		assert.ok(packed !== undefined);
		assert.deepStrictEqual([0, 1, 2, 3].map(which => unpackCount(packed, which)), [1, 0, 200, 255]);
		assert.strictEqual(packCounts([1, 256, 0, 0, 0]), undefined);
		assert.strictEqual(packCounts([0, 0, 0, 0, 256]), undefined);
	});
});

describe('page summary', () => {
	it('gives back every item of the page from its packed numbers and strings', () => {
		const summary = summarizePage('people/a.md', PAGE);
		assert.deepStrictEqual(summary.links, [
			{
				kind: 'inline', isImage: false, destination: '/organizations/mi6/#origins',
				span: spanOfText(PAGE, '[MI6](/organizations/mi6/#origins)'), textSpan: spanOfText(PAGE, 'MI6'), destinationSpan: spanOfText(PAGE, '/organizations/mi6/#origins'),
				target: { kind: 'page', url: '/organizations/mi6/', fragment: 'origins', canonical: true, viaMarkdownPath: false },
			},
			{
				kind: 'inline', isImage: true, destination: '../maps/iran.png',
				span: spanOfText(PAGE, '![map](../maps/iran.png)'), textSpan: spanOfText(PAGE, 'map'), destinationSpan: spanOfText(PAGE, '../maps/iran.png'),
				target: { kind: 'asset', path: 'maps/iran.png' },
			},
		]);
		assert.deepStrictEqual(summary.footnoteReferences, [{ label: '1', rawLabel: '1', span: spanOfText(PAGE, '[^1]') }]);
		assert.deepStrictEqual(summary.footnoteDefinitions, [{ label: '1', rawLabel: '1', span: spanOfText(PAGE, '[^1]: Source.'), markerSpan: spanOfText(PAGE, '[^1]:'), sameTextAs: -1 }]);
		assert.deepStrictEqual(summary.headings, [
			{ level: 1, text: 'A', idText: '', attributes: '', anchor: 'a', span: spanOfText(PAGE, '# A') },
			{ level: 2, text: 'Notes', idText: '', attributes: '', anchor: 'notes', span: spanOfText(PAGE, '## Notes') },
		]);
		assert.deepStrictEqual(summary.frontmatter.fields, [
			{ key: 'title', keySpan: spanOfText(PAGE, 'title'), valueSpan: spanOfText(PAGE, 'A') },
			{ key: 'tags', keySpan: spanOfText(PAGE, 'tags'), valueSpan: spanOfText(PAGE, '[x]') },
		]);
		assert.deepStrictEqual(summary.targetUrls, ['/organizations/mi6/']);
		assert.deepStrictEqual(summary.linkSpansTo('/organizations/mi6/'), [spanOfText(PAGE, '[MI6](/organizations/mi6/#origins)')]);
	});

	it('is the same after a round trip through its plain data', () => {
		const summary = summarizePage('people/a.md', PAGE);
		assert.deepStrictEqual(viewsOf(roundTrip(summary)), viewsOf(summary));
	});

	it('names every buffer of its plain data for a worker to transfer', () => {
		const parts = summarizePageParts('people/a.md', PAGE);
		const buffers = Object.values(parts).filter(ArrayBuffer.isView).map(view => view.buffer);
		const transferable = transferableBuffersOf(parts);
		assert.strictEqual(buffers.length, 2);
		assert.strictEqual(transferable.length, buffers.length);
		assert.ok(buffers.every(buffer => transferable.includes(buffer as ArrayBuffer)), 'a buffer of the parts is not transferred');
	});

	it('keeps counts over 255 and pages over 64 KiB (32-bit numbers)', () => {
		const wide = ['---', 'title: W', '---', ...Array.from({ length: 300 }, (_, i) => `## H ${i}\n\n[p](/people/p${i}/)[^${i}]\n\n[^${i}]: Note.\n`)].join('\n');
		const wideSummary = summarizePage('people/w.md', wide);
		assert.deepStrictEqual(pageSummaryToParts(wideSummary).counts, [300, 300, 300, 300, 1]);
		assert.deepStrictEqual(
			[wideSummary.links.length, wideSummary.footnoteReferences.length, wideSummary.footnoteDefinitions.length, wideSummary.headings.length, wideSummary.frontmatter.fields.length],
			[300, 300, 300, 300, 1],
		);
		assert.deepStrictEqual(wideSummary.headings[299], { level: 2, text: 'H 299', idText: '', attributes: '', anchor: 'h-299', span: spanOfText(wide, '## H 299') });
		assert.deepStrictEqual(viewsOf(roundTrip(wideSummary)), viewsOf(wideSummary));

		const big = `# Big\n\n${'word '.repeat(14000)}\n\n[a](/people/a/)\n`;
		const bigParts = summarizePageParts('people/big.md', big);
		assert.ok(bigParts.numbers instanceof Uint32Array);
		const bigSummary = summarizePage('people/big.md', big);
		assert.deepStrictEqual(bigSummary.links.map(link => link.span), [spanOfText(big, '[a](/people/a/)')]);
		assert.ok(bigSummary.links[0].span.start > 0xffff);
		assert.deepStrictEqual(viewsOf(roundTrip(bigSummary)), viewsOf(bigSummary));
	});
});
