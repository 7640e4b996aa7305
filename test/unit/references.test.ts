import * as assert from 'assert';
import { summarizePage } from '../../server/src/service/parse/pageSummary';
import type { VaultLocation } from '../../server/src/service/vaultService';
import { rangeOfText, vaultWithCursor } from '../support/cursor';

const MAXWELL = '---\ntitle: Robert Maxwell\n---\n\n# Robert Maxwell\n\nPublisher. See [MI6](/organizations/mi6/).\n';
const MI6 = '---\ntitle: MI6\n---\n\nWorked with [Maxwell](/people/robert-maxwell/) and [again](/people/robert-maxwell/#death).\n';
const A = '# A\n\n[RM](../people/robert-maxwell.md) then [short](/people/robert-maxwell) and [MI6](/organizations/mi6/).\n';

function referencesAt(pages: Record<string, string>, includeDeclaration = false) {
	const vault = vaultWithCursor(pages);
	return vault.service.references(vault.path, vault.text, vault.position, includeDeclaration);
}

/** Where `fragment` (the n-th occurrence) is in `text`, as a location in `path`. */
function at(path: string, text: string, fragment: string, occurrence = 0): VaultLocation {
	return { path, range: rangeOfText(text, fragment, occurrence) };
}

const BACKLINKS_OF_MAXWELL = [
	at('notes/a.md', A, '[RM](../people/robert-maxwell.md)'),
	at('notes/a.md', A, '[short](/people/robert-maxwell)'),
	at('organizations/mi6.md', MI6, '[Maxwell](/people/robert-maxwell/)'),
	at('organizations/mi6.md', MI6, '[again](/people/robert-maxwell/#death)'),
];

describe('references', () => {
	it('lists every link in the vault to the page a link points to, whatever its spelling', () => {
		const result = referencesAt({
			'people/robert-maxwell.md': MAXWELL,
			'organizations/mi6.md': MI6,
			'notes/a.md': A.replace('[short]', '[sh$|$ort]'),
		});
		assert.deepStrictEqual(result, BACKLINKS_OF_MAXWELL);
	});

	it('lists the backlinks of a page from its frontmatter or its title line', () => {
		for (const marked of [
			MAXWELL.replace('title: Robert', 'title: Rob$|$ert'),
			MAXWELL.replace('---\n\n', '---$|$\n\n'),
			MAXWELL.replace('# Robert', '# Rob$|$ert'),
		]) {
			assert.deepStrictEqual(referencesAt({ 'people/robert-maxwell.md': marked, 'organizations/mi6.md': MI6, 'notes/a.md': A }), BACKLINKS_OF_MAXWELL, marked);
		}
	});

	it('puts the target page first when the declaration is included', () => {
		const result = referencesAt({ 'people/robert-maxwell.md': MAXWELL, 'organizations/mi6.md': MI6, 'notes/a.md': A.replace('[RM]', '[R$|$M]') }, true);
		assert.deepStrictEqual(result, [{ path: 'people/robert-maxwell.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, ...BACKLINKS_OF_MAXWELL]);
	});

	it('lists the links to a missing page too, and nothing for external links or plain text', () => {
		const text = '[x](/people/ghost/) and [y$|$](/people/ghost/)\n';
		const result = referencesAt({ 'notes/a.md': text, 'notes/b.md': 'Also [ghost](/people/ghost/).\n' });
		const clean = text.replace('$|$', '');
		assert.deepStrictEqual(result, [
			at('notes/a.md', clean, '[x](/people/ghost/)'),
			at('notes/a.md', clean, '[y](/people/ghost/)'),
			at('notes/b.md', 'Also [ghost](/people/ghost/).\n', '[ghost](/people/ghost/)'),
		]);
		assert.deepStrictEqual(referencesAt({ 'notes/a.md': '[x$|$](https://example.com/)\n' }), []);
		assert.deepStrictEqual(referencesAt({ 'people/robert-maxwell.md': MAXWELL.replace('Publisher', 'Pub$|$lisher'), 'notes/a.md': A }), []);
	});

	it('lists the references of a footnote in the document, from a reference or the definition', () => {
		const text = 'One.[^1] Two.[^n] Three.[^1]\n\n[^1]: Source.\n[^n]: Note.\n';
		const expected = [at('notes/a.md', text, '[^1]', 0), at('notes/a.md', text, '[^1]', 1)];
		assert.deepStrictEqual(referencesAt({ 'notes/a.md': text.replace('[^1]', '[^$|$1]') }), expected);
		assert.deepStrictEqual(referencesAt({ 'notes/a.md': text.replace('[^1]:', '[^1$|$]:') }), expected);
		assert.deepStrictEqual(referencesAt({ 'notes/a.md': text.replace('[^1]', '[^$|$1]') }, true),
			[at('notes/a.md', text, '[^1]:'), ...expected]);
	});

	it('is exact in UTF-16 with emoji and CRLF in the linking pages', () => {
		const linker = '# B\r\n\r\n😀👍🏽 [RM](/people/robert-maxwell/)\r\n🇬🇧 [again](/people/robert-maxwell/)\r\n';
		const result = referencesAt({
			'people/robert-maxwell.md': MAXWELL.replace('# Robert', '# $|$Robert'),
			'notes/b.md': linker,
		});
		assert.deepStrictEqual(result, [
			{ path: 'notes/b.md', range: { start: { line: 2, character: '😀👍🏽 '.length }, end: { line: 2, character: '😀👍🏽 [RM](/people/robert-maxwell/)'.length } } },
			{ path: 'notes/b.md', range: { start: { line: 3, character: '🇬🇧 '.length }, end: { line: 3, character: '🇬🇧 [again](/people/robert-maxwell/)'.length } } },
		]);
	});

	it('stops when cancelled', () => {
		const vault = vaultWithCursor({ 'notes/a.md': '[x$|$](/people/ghost/)\n', 'notes/b.md': '[y](/people/ghost/)\n' });
		assert.strictEqual(vault.service.references(vault.path, vault.text, vault.position, false).length, 2);
		const pages: Record<string, string> = { 'notes/a.md': '[x$|$](/people/ghost/)\n' };
		for (let i = 0; i < 600; i++) {
			pages[`notes/n${i}.md`] = '[y](/people/ghost/)\n';
		}
		const many = vaultWithCursor(pages);
		assert.strictEqual(many.service.references(many.path, many.text, many.position, false).length, 601);
		assert.deepStrictEqual(many.service.references(many.path, many.text, many.position, false, { isCancellationRequested: true }), []);
	});
});

describe('link spans by target', () => {
	it('are the spans of the page links whose target is that URL, however the link is written', () => {
		const text = '---\ntitle: T\n---\n[a](/people/x/) [b](/people/x) [c](../people/x.md#h) [d](/people/y/) ![i](/people/x/) [e][r] <https://e.com> [f](/people/x/?q=1)\n\n[r]: /people/x/#top\n';
		const page = summarizePage('notes/n.md', text);
		for (const url of ['/people/x/', '/people/y/', '/people/z/', 'https://e.com']) {
			const expected = page.links.filter(link => link.target.kind === 'page' && link.target.url === url).map(link => link.span);
			assert.deepStrictEqual(page.linkSpansTo(url), expected, url);
		}
		assert.strictEqual(page.linkSpansTo('/people/x/').length, 6);
	});
});
