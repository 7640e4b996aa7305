import * as assert from 'assert';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { rangeOfText, vaultWithCursor } from '../support/cursor';

function highlightsAt(pages: Record<string, string>) {
	const vault = vaultWithCursor(pages);
	return vault.service.documentHighlights(vault.path, vault.text, vault.position);
}

const IRAN = '---\ntitle: Iran\n---\n# Iran\n';

describe('document highlights', () => {
	it('highlights the links of the page to the same page, whatever their spelling, and not the others', () => {
		const marked = '# Notes\n\n[Iran](/places/ir$|$an/) and [again](../places/iran.md#history), [short](/places/iran) 🙂 [UK](/places/uk/)\n\n`[code](/places/iran/)`\n';
		const text = marked.replace('$|$', '');
		const result = highlightsAt({ 'notes/a.md': marked, 'places/iran.md': IRAN });
		assert.deepStrictEqual(result, [
			{ range: rangeOfText(text, '[Iran](/places/iran/)'), kind: DocumentHighlightKind.Read },
			{ range: rangeOfText(text, '[again](../places/iran.md#history)'), kind: DocumentHighlightKind.Read },
			{ range: rangeOfText(text, '[short](/places/iran)'), kind: DocumentHighlightKind.Read },
		]);
	});

	it('highlights from the link text too, with CRLF line breaks and emoji before it', () => {
		const marked = '# 🙂 Notes\r\n\r\n🙂 [I$|$ran](/places/iran/)\r\n[x](/places/iran/#a)\r\n';
		const text = marked.replace('$|$', '');
		const result = highlightsAt({ 'notes/a.md': marked, 'places/iran.md': IRAN });
		assert.deepStrictEqual(result.map(highlight => highlight.range), [rangeOfText(text, '[Iran](/places/iran/)'), rangeOfText(text, '[x](/places/iran/#a)')]);
	});

	it('highlights a footnote\'s references (read) and its definition (write), in any spelling of its label', () => {
		const marked = 'One[^a] two[^2] three[^A$|$].\r\n\r\n[^a]: Source.\r\n[^2]: Other.\r\n';
		const text = marked.replace('$|$', '');
		const result = highlightsAt({ 'notes/a.md': marked });
		assert.deepStrictEqual(result, [
			{ range: rangeOfText(text, '[^a]'), kind: DocumentHighlightKind.Read },
			{ range: rangeOfText(text, '[^A]'), kind: DocumentHighlightKind.Read },
			{ range: rangeOfText(text, '[^a]:'), kind: DocumentHighlightKind.Write },
		]);
	});

	it('answers the same from the definition marker, and nothing on plain text', () => {
		const text = 'One[^a].\n\n[^a]: Source.\n';
		const fromDefinition = highlightsAt({ 'notes/a.md': text.replace('[^a]:', '[^$|$a]:') });
		assert.deepStrictEqual(fromDefinition.map(highlight => highlight.kind), [DocumentHighlightKind.Read, DocumentHighlightKind.Write]);
		assert.deepStrictEqual(highlightsAt({ 'notes/a.md': text.replace('One', 'O$|$ne') }), []);
	});
});
