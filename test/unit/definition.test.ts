import * as assert from 'assert';
import { rangeOfText, vaultWithCursor } from '../support/cursor';

const MI6 = [
	'---',
	'category: Intelligence & Government',
	'summary: The foreign intelligence service.',
	'---',
	'',
	'Intro.',
	'',
	'### Origins and World War II',
	'',
	'Text.',
	'',
	'### Operation Boot: The Iran Coup',
	'',
].join('\n');

const PAGE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function definitionAt(pages: Record<string, string>) {
	const vault = vaultWithCursor(pages);
	return vault.service.definition(vault.path, vault.text, vault.position);
}

describe('definition', () => {
	it('goes from a link text to the top of the target page', () => {
		const result = definitionAt({
			'organizations/mi6.md': MI6,
			'people/a.md': 'See [M$|$I6](/organizations/mi6/) here.\n',
		});
		assert.deepStrictEqual(result, [{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});

	it('goes from the destination path to the target page, at both ends of the link', () => {
		for (const marked of [
			'See [MI6](/organiz$|$ations/mi6/) here.\n',
			'See $|$[MI6](/organizations/mi6/) here.\n',
			'See [MI6](/organizations/mi6/)$|$ here.\n',
		]) {
			const result = definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': marked });
			assert.deepStrictEqual(result, [{ path: 'organizations/mi6.md', range: PAGE_START }], marked);
		}
	});

	it('picks the link the cursor is on when two links touch', () => {
		const pages = (marked: string) => ({ 'organizations/mi6.md': MI6, 'people/x.md': '# X\n', 'people/a.md': marked });
		// The cursor between two links is on the second one (the character after the cursor), whatever their lengths.
		assert.deepStrictEqual(definitionAt(pages('[MI6](/organizations/mi6/)$|$[X](/people/x/)\n')), [{ path: 'people/x.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt(pages('[X](/people/x/)$|$[MI6](/organizations/mi6/)\n')), [{ path: 'organizations/mi6.md', range: PAGE_START }]);
		// At the end of a line, the link just before the cursor.
		assert.deepStrictEqual(definitionAt(pages('[X](/people/x/)[MI6](/organizations/mi6/)$|$\n')), [{ path: 'organizations/mi6.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt(pages('[MI6](/organizations/mi6/$|$)[X](/people/x/)\n')), [{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});

	it('gives nothing next to a link or in plain text', () => {
		assert.deepStrictEqual(definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': 'Se$|$e [MI6](/organizations/mi6/)\n' }), []);
		assert.deepStrictEqual(definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': 'See[MI6](/organizations/mi6/) $|$x\n' }), []);
	});

	it('goes from a #fragment to the heading in the target page', () => {
		const result = definitionAt({
			'organizations/mi6.md': MI6,
			'people/a.md': 'See [MI6](/organizations/mi6/#operation-boot-the$|$-iran-coup).\n',
		});
		assert.deepStrictEqual(result, [{ path: 'organizations/mi6.md', range: rangeOfText(MI6, '### Operation Boot: The Iran Coup') }]);
		assert.deepStrictEqual(result[0].range.start, { line: 11, character: 0 });
	});

	it('goes to the page itself from the link text of a link with a fragment, and to its start when the anchor is missing', () => {
		assert.deepStrictEqual(definitionAt({
			'organizations/mi6.md': MI6,
			'people/a.md': 'See [M$|$I6](/organizations/mi6/#origins-and-world-war-ii).\n',
		}), [{ path: 'organizations/mi6.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt({
			'organizations/mi6.md': MI6,
			'people/a.md': 'See [MI6](/organizations/mi6/#no-such-$|$heading).\n',
		}), [{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});

	it('follows a same-page #heading link from anywhere on it', () => {
		const text = '# Title\n\nJump to [the end$|$](#the-end).\n\n## The End\n';
		const result = definitionAt({ 'people/a.md': text });
		assert.deepStrictEqual(result, [{ path: 'people/a.md', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } } }]);
	});

	it('goes from a footnote reference to its first definition', () => {
		const text = 'Claim.[^n$|$ote] Other.[^2]\n\n[^note]: First source,\n    continued.\n[^note]: Duplicate.\n[^2]: Two.\n';
		const clean = text.replace('$|$', '');
		assert.deepStrictEqual(definitionAt({ 'people/a.md': text }), [{ path: 'people/a.md', range: rangeOfText(clean, '[^note]: First source,\n    continued.') }]);
	});

	it('gives nothing for an undefined footnote and on a footnote definition', () => {
		assert.deepStrictEqual(definitionAt({ 'people/a.md': 'Claim.[^mi$|$ssing]\n' }), []);
		assert.deepStrictEqual(definitionAt({ 'people/a.md': 'Claim.[^1]\n\n[^$|$1]: Source.\n' }), []);
	});

	it('follows a reference-style link from its text and from its definition', () => {
		const pages = (marked: string) => ({ 'organizations/mi6.md': MI6, 'people/a.md': marked });
		assert.deepStrictEqual(definitionAt(pages('See [the service$|$][mi6].\n\n[mi6]: /organizations/mi6/\n')),
			[{ path: 'organizations/mi6.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt(pages('See [the service][mi6].\n\n[mi6]: /organizations/$|$mi6/\n')),
			[{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});

	it('resolves non-canonical spellings and relative markdown paths', () => {
		assert.deepStrictEqual(definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': '[x$|$](/organizations/mi6)\n' }),
			[{ path: 'organizations/mi6.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': '[x$|$](../organizations/mi6.md)\n' }),
			[{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});

	it('opens the file the index has for the URL (index.md, or the first of conflicting files)', () => {
		assert.deepStrictEqual(definitionAt({ 'people/x/index.md': '# X\n', 'people/a.md': '[X$|$](/people/x/)\n' }),
			[{ path: 'people/x/index.md', range: PAGE_START }]);
		assert.deepStrictEqual(definitionAt({ 'people/x/index.md': '# X\n', 'people/x.md': '# X too\n', 'people/a.md': '[X$|$](/people/x/)\n' }),
			[{ path: 'people/x.md', range: PAGE_START }]);
	});

	it('gives nothing for broken, external and outside links', () => {
		for (const marked of [
			'[Nobody$|$](/people/nobody/)\n',
			'[Site$|$](https://example.com/)\n',
			'[Up$|$](../../../etc/passwd)\n',
			'[Section$|$](/organizations/)\n',
		]) {
			assert.deepStrictEqual(definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': marked }), [], marked);
		}
	});

	it('is exact in UTF-16 after emoji and with CRLF line breaks', () => {
		const marked = '---\r\ntitle: A\r\n---\r\n\r\n😀👍🏽 text [😀 MI6](/organizations/mi6/#origins-and-$|$world-war-ii)[^1]\r\n\r\n[^1]: 😀 note\r\n';
		const crlfTarget = MI6.replace(/\n/g, '\r\n');
		const result = definitionAt({ 'organizations/mi6.md': crlfTarget, 'people/a.md': marked });
		assert.deepStrictEqual(result, [{
			path: 'organizations/mi6.md',
			range: { start: { line: 7, character: 0 }, end: { line: 7, character: '### Origins and World War II'.length } },
		}]);
		assert.deepStrictEqual(result[0].range, rangeOfText(crlfTarget, '### Origins and World War II'));

		// The footnote after the link, on a line with astral characters before it.
		const footnote = definitionAt({ 'organizations/mi6.md': crlfTarget, 'people/a.md': marked.replace('$|$', '').replace('[^1]\r\n\r\n', '[^$|$1]\r\n\r\n') });
		assert.deepStrictEqual(footnote, [{ path: 'people/a.md', range: { start: { line: 6, character: 0 }, end: { line: 6, character: '[^1]: 😀 note'.length } } }]);
	});

	it('counts positions without a byte order mark', () => {
		const result = definitionAt({ 'organizations/mi6.md': MI6, 'people/a.md': '\uFEFF[M$|$I6](/organizations/mi6/)\n' });
		assert.deepStrictEqual(result, [{ path: 'organizations/mi6.md', range: PAGE_START }]);
	});
});
