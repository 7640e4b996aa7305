import * as assert from 'assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { vaultOf } from '../support/cursor';

function symbolsOf(text: string): DocumentSymbol[] {
	const service = vaultOf({ 'people/a.md': text });
	assert.ok(service.getPage('people/a.md'), 'the page is not indexed');
	return service.documentSymbols('people/a.md', text);
}

/** name → children, to compare the shape of the outline. */
function outline(symbols: readonly DocumentSymbol[]): unknown[] {
	return symbols.map(symbol => (symbol.children && symbol.children.length > 0 ? { [symbol.name]: outline(symbol.children) } : symbol.name));
}

function assertContained(symbol: DocumentSymbol): void {
	const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean =>
		(inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
		&& (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
	assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name}: selection outside range`);
	for (const child of symbol.children ?? []) {
		assert.ok(inside(child.range, symbol.range), `${child.name} outside ${symbol.name}`);
		assertContained(child);
	}
}

describe('document symbols', () => {
	const text = [
		'---',
		'title: Robert Maxwell',
		'summary: A publisher',
		'  over two lines.',
		'---',
		'',
		'# Robert Maxwell',
		'',
		'Intro.',
		'',
		'## Early life',
		'',
		'### Childhood',
		'',
		'Text.',
		'',
		'## Politics and *Business*',
		'',
		'#### Deep without a level 3',
		'',
		'# Appendix',
		'',
	].join('\n');

	it('nests headings by level after the frontmatter', () => {
		assert.deepStrictEqual(outline(symbolsOf(text)), [
			{ Frontmatter: ['title', 'summary'] },
			{ 'Robert Maxwell': [{ 'Early life': ['Childhood'] }, { 'Politics and Business': ['Deep without a level 3'] }] },
			'Appendix',
		]);
	});

	it('gives each heading the range of its section and its line as selection', () => {
		const symbols = symbolsOf(text);
		const title = symbols[1];
		assert.strictEqual(title.kind, SymbolKind.String);
		assert.strictEqual(title.detail, '#');
		assert.deepStrictEqual(title.selectionRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 16 } });
		// Up to the start of `# Appendix`.
		assert.deepStrictEqual(title.range, { start: { line: 6, character: 0 }, end: { line: 20, character: 0 } });
		const early = title.children![0];
		assert.deepStrictEqual(early.range, { start: { line: 10, character: 0 }, end: { line: 16, character: 0 } });
		assert.strictEqual(early.detail, '##');
		// The last section runs to the end of the page.
		assert.deepStrictEqual(symbols[2].range, { start: { line: 20, character: 0 }, end: { line: 21, character: 0 } });
		symbols.forEach(assertContained);
	});

	it('shows the frontmatter with its fields', () => {
		const frontmatter = symbolsOf(text)[0];
		assert.strictEqual(frontmatter.kind, SymbolKind.Namespace);
		assert.deepStrictEqual(frontmatter.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 3 } });
		assert.deepStrictEqual(frontmatter.children!.map(field => [field.name, field.kind, field.selectionRange, field.range]), [
			['title', SymbolKind.Property, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, { start: { line: 1, character: 0 }, end: { line: 1, character: 21 } }],
			['summary', SymbolKind.Property, { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } }, { start: { line: 2, character: 0 }, end: { line: 3, character: 17 } }],
		]);
		assertContained(frontmatter);
	});

	it('has only headings without frontmatter, and nothing for an empty page', () => {
		assert.deepStrictEqual(outline(symbolsOf('Text\n\n## Only\n')), ['Only']);
		assert.deepStrictEqual(symbolsOf(''), []);
	});

	it('lists the footnote definitions last, each with the start of its text, and leaves the headings out when asked', () => {
		const page = '---\ntitle: A\n---\n# A\r\n\r\nText.[^1] 😀[^note]\r\n\r\n[^1]: First source, a long one that goes on and on past sixty characters.\r\n[^note]: 👩‍💻 Second.\r\n';
		const service = vaultOf({ 'people/a.md': page });
		const all = service.documentSymbols('people/a.md', page);
		assert.deepStrictEqual(outline(all), [{ Frontmatter: ['title'] }, 'A', { Footnotes: ['[^1]', '[^note]'] }]);
		const footnotes = all[2];
		assert.strictEqual(footnotes.kind, SymbolKind.Namespace);
		assert.deepStrictEqual(footnotes.children!.map(child => [child.kind, child.detail, child.selectionRange]), [
			[SymbolKind.Key, 'First source, a long one that goes on and on past sixty…', { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } }],
			[SymbolKind.Key, '👩‍💻 Second.', { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } }],
		]);
		assert.deepStrictEqual(footnotes.range, { start: { line: 7, character: 0 }, end: { line: 8, character: '[^note]: 👩‍💻 Second.'.length } });
		assertContained(footnotes);
		assert.deepStrictEqual(outline(service.documentSymbols('people/a.md', page, { headings: false })), [{ Frontmatter: ['title'] }, { Footnotes: ['[^1]', '[^note]'] }]);
	});

	it('names an empty heading so editors accept it', () => {
		assert.deepStrictEqual(outline(symbolsOf('#\n\ntext\n')), ['(empty heading)']);
	});

	it('is exact in UTF-16 with emoji and CRLF, setext headings included', () => {
		const symbols = symbolsOf('😀 intro\r\n\r\n## 👩‍👩‍👧 Family\r\n\r\nSetext 🇬🇧\r\n---------\r\n\r\ntext\r\n');
		assert.deepStrictEqual(outline(symbols), ['👩‍👩‍👧 Family', 'Setext 🇬🇧']);
		assert.deepStrictEqual(symbols[0].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: '## 👩‍👩‍👧 Family'.length } });
		assert.deepStrictEqual(symbols[0].range.end, { line: 4, character: 0 });
		assert.deepStrictEqual(symbols[1].selectionRange, { start: { line: 4, character: 0 }, end: { line: 5, character: 9 } });
		assert.deepStrictEqual(symbols[1].range.end, { line: 8, character: 0 });
	});
});
