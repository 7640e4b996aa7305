import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { MAX_PAGE_LENGTH } from '../../server/src/service/vaultService';
import { vaultOf, vaultWithCursor } from '../support/cursor';

const TODAY = '2026-06-01';
const WHOLE_PAGE: Range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
const PAGES = {
	'people/robert-maxwell.md': '---\nsummary: A publisher.\ntitle: Robert Maxwell\n---\n\n## Death\n\nText.\n',
	'people/a.md': '# A\n\nSee [RM](/people/robert-maxwell/#death) and [ghost](/people/ghost/).[^1]\n\n[^1]: A note.\n',
};

describe('vault service facade', () => {
	it('answers nothing about a page its index does not have', () => {
		const service = vaultOf(PAGES);
		service.updatePage('people/huge.md', 'x'.repeat(MAX_PAGE_LENGTH + 1));
		assert.ok(service.quarantined('people/huge.md'));
		const position = { line: 2, character: 6 };
		for (const path of ['people/unknown.md', 'people/huge.md']) {
			const text = PAGES['people/a.md'];
			assert.deepStrictEqual(service.definition(path, text, position), [], path);
			assert.deepStrictEqual(service.references(path, text, position, true), [], path);
			assert.strictEqual(service.hover(path, text, position), undefined, path);
			assert.deepStrictEqual(service.completion(path, '[R', { line: 0, character: 2 }), { isIncomplete: false, items: [] }, path);
			assert.deepStrictEqual(service.documentLinks(path, text), [], path);
			assert.deepStrictEqual(service.documentSymbols(path, text), [], path);
			assert.deepStrictEqual(service.codeActions(path, text, WHOLE_PAGE, service.diagnostics('people/a.md'), TODAY), [], path);
		}
		// The same requests about an indexed page do answer.
		const text = PAGES['people/a.md'];
		assert.strictEqual(service.definition('people/a.md', text, position).length, 1);
		assert.ok(service.hover('people/a.md', text, position));
		assert.strictEqual(service.documentLinks('people/a.md', text).length, 1);
		assert.deepStrictEqual(service.documentSymbols('people/a.md', text).map(symbol => symbol.name), ['A', 'Footnotes']);
		assert.ok(service.codeActions('people/a.md', text, WHOLE_PAGE, service.diagnostics('people/a.md'), TODAY).length > 0);
	});

	it('takes the editor\'s text with or without a byte order mark, as positions do not count it', () => {
		const cases = [
			'See [RM](/people/robert-maxwell/#de$|$ath).\n',
			'Text.[^1$|$]\n\n[^1]: A note.\n',
			'See [Rob$|$\n',
			'See [x](/people/rob$|$\n',
			'# A$|$\n\nText.\n',
		];
		for (const marked of cases) {
			const plain = vaultWithCursor({ ...PAGES, 'people/b.md': marked });
			const withBom = vaultWithCursor({ ...PAGES, 'people/b.md': `\uFEFF${marked}` });
			assert.strictEqual(withBom.text, `\uFEFF${plain.text}`);
			assert.deepStrictEqual(withBom.position, plain.position);
			const answers = (vault: typeof plain) => ({
				definition: vault.service.definition(vault.path, vault.text, vault.position),
				references: vault.service.references(vault.path, vault.text, vault.position, true),
				hover: vault.service.hover(vault.path, vault.text, vault.position),
				completion: vault.service.completion(vault.path, vault.text, vault.position),
				documentLinks: vault.service.documentLinks(vault.path, vault.text),
				documentSymbols: vault.service.documentSymbols(vault.path, vault.text),
			});
			const expected = answers(plain);
			assert.ok(expected.definition.length + expected.references.length + expected.completion.items.length > 0 || expected.hover, marked);
			assert.deepStrictEqual(answers(withBom), expected, marked);
		}
	});

	it('resolves a completion item of one of its pages, and leaves other items as they are', () => {
		const vault = vaultWithCursor({ ...PAGES, 'people/b.md': 'See [Rob$|$\n' });
		const [item] = vault.service.completion(vault.path, vault.text, vault.position).items;
		assert.strictEqual(item.label, 'Robert Maxwell');
		assert.strictEqual(item.documentation, undefined);
		assert.ok(vault.service.resolveCompletion(item).documentation);
		const other = { label: 'x', data: { page: 'people/unknown.md' } };
		assert.strictEqual(vault.service.resolveCompletion(other), other);
	});
});
