import * as assert from 'assert';
import type { VaultLocation } from '../../server/src/service/vaultService';
import { rangeOfText, vaultWithCursor } from '../support/cursor';

const ADA = '---\r\ntitle: Ada 😀\r\n---\r\n\r\n# Ada\r\n';

/** `count` pages linking to Ada, every third one twice (once with a fragment), in CRLF with emoji before the links. */
function linkingPages(count: number): Record<string, string> {
	const pages: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		pages[`notes/n${String(i).padStart(4, '0')}.md`] = `# N${i}\r\n\r\n😀 See [Ada](/people/ada/)` + (i % 3 === 0 ? ' and [her](/people/ada#ada).\r\n' : '.\r\n');
	}
	return pages;
}

describe('references in pieces (partial results)', () => {
	for (const includeDeclaration of [false, true]) {
		it(`gives the whole answer of references, in its order, a piece per ${100} linking pages (declaration ${includeDeclaration ? 'first' : 'left out'})`, () => {
			const vault = vaultWithCursor({ 'people/ada.md': ADA, ...linkingPages(450), 'notes/cursor.md': 'Me: [A$|$da](/people/ada/)\n' });
			const pieces = [...vault.service.referencesInChunks(vault.path, vault.text, vault.position, includeDeclaration, 100)];
			const whole = vault.service.references(vault.path, vault.text, vault.position, includeDeclaration);
			assert.strictEqual(whole.length, 451 + 150 + (includeDeclaration ? 1 : 0));
			assert.deepStrictEqual(pieces.flat(), whole);
			// 451 linking pages: four pieces of 100 pages and one of 51.
			assert.deepStrictEqual(pieces.map(piece => new Set(piece.filter(location => location.path.startsWith('notes/')).map(location => location.path)).size), [100, 100, 100, 100, 51]);
			if (includeDeclaration) {
				assert.deepStrictEqual(pieces[0][0], { path: 'people/ada.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
			}
			const n0 = linkingPages(1)['notes/n0000.md'];
			assert.deepStrictEqual(whole.filter(location => location.path === 'notes/n0000.md'), [
				{ path: 'notes/n0000.md', range: rangeOfText(n0, '[Ada](/people/ada/)') },
				{ path: 'notes/n0000.md', range: rangeOfText(n0, '[her](/people/ada#ada)') },
			] satisfies VaultLocation[]);
		});
	}

	it('gives a footnote\'s references in one piece, and nothing off a link', () => {
		const text = 'A[^1] and B[^1].\n\n[^1]: Note.\n';
		const vault = vaultWithCursor({ 'notes/f.md': text.replace('A[^1]', 'A[^$|$1]') });
		assert.deepStrictEqual([...vault.service.referencesInChunks(vault.path, vault.text, vault.position, true, 1)], [[
			{ path: 'notes/f.md', range: rangeOfText(text, '[^1]:') },
			{ path: 'notes/f.md', range: rangeOfText(text, '[^1]', 0) },
			{ path: 'notes/f.md', range: rangeOfText(text, '[^1]', 1) },
		]]);
		const plain = vaultWithCursor({ 'notes/p.md': 'Plain $|$text.\n' });
		assert.deepStrictEqual([...plain.service.referencesInChunks(plain.path, plain.text, plain.position, false, 1)], []);
	});
});
