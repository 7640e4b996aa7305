import * as assert from 'assert';
import { rangeOfText, vaultOf } from '../support/cursor';

const MI6 = '---\ntitle: MI6\n---\n\nIntro.\n\n## Origins\n\nText.\n';

function linksOf(pages: Record<string, string>, path: string) {
	const service = vaultOf(pages);
	assert.ok(service.getPage(path), `${path} is not indexed`);
	return service.documentLinks(path, pages[path]);
}

describe('document links', () => {
	it('links the destination of every link that resolves to a page', () => {
		const text = '# A\n\nSee [MI6](/organizations/mi6/), [again](../organizations/mi6.md) and [short](/organizations/mi6).\n';
		const links = linksOf({ 'organizations/mi6.md': MI6, 'people/a.md': text }, 'people/a.md');
		assert.deepStrictEqual(links, [
			{ range: rangeOfText(text, '/organizations/mi6/'), targetPath: 'organizations/mi6.md', tooltip: 'Open MI6 (organizations/mi6.md)' },
			{ range: rangeOfText(text, '../organizations/mi6.md'), targetPath: 'organizations/mi6.md', tooltip: 'Open MI6 (organizations/mi6.md)' },
			{ range: rangeOfText(text, '/organizations/mi6)'.slice(0, -1), 2), targetPath: 'organizations/mi6.md', tooltip: 'Open MI6 (organizations/mi6.md)' },
		]);
	});

	it('skips broken links, sections, external links, assets and links leaving the vault', () => {
		const text = '[a](/people/nobody/) [b](/organizations/) [c](https://example.com/) [d](/img/x.png) [e](../../../x/) <https://x.org>\n';
		assert.deepStrictEqual(linksOf({ 'organizations/mi6.md': MI6, 'people/a.md': text }, 'people/a.md'), []);
	});

	it('carries the fragment and the heading it names', () => {
		const text = 'See [origins](/organizations/mi6/#origins) and [gone](/organizations/mi6/#gone) and [self](#top).\n\n# Top\n';
		const links = linksOf({ 'organizations/mi6.md': MI6, 'people/a.md': text }, 'people/a.md');
		assert.deepStrictEqual(links, [
			{
				range: rangeOfText(text, '/organizations/mi6/#origins'),
				targetPath: 'organizations/mi6.md',
				fragment: 'origins',
				targetRange: { start: { line: 6, character: 0 }, end: { line: 6, character: '## Origins'.length } },
				tooltip: 'Open MI6 › Origins (organizations/mi6.md)',
			},
			{
				range: rangeOfText(text, '/organizations/mi6/#gone'),
				targetPath: 'organizations/mi6.md',
				fragment: 'gone',
				tooltip: 'Open MI6 (organizations/mi6.md); no heading #gone',
			},
			{
				range: rangeOfText(text, '#top'),
				targetPath: 'people/a.md',
				fragment: 'top',
				targetRange: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } },
				tooltip: 'Open Top › Top (people/a.md)',
			},
		]);
	});

	it('gives reference links sharing a definition one link, on the definition', () => {
		const text = 'See [one][mi6] and [two][mi6].\n\n[mi6]: /organizations/mi6/\n';
		const links = linksOf({ 'organizations/mi6.md': MI6, 'people/a.md': text }, 'people/a.md');
		assert.deepStrictEqual(links.map(link => link.range), [rangeOfText(text, '/organizations/mi6/')]);
	});

	it('uses the file the index has for the URL', () => {
		const links = linksOf({ 'people/x/index.md': '# X\n', 'people/a.md': '[x](/people/x/)\n' }, 'people/a.md');
		assert.deepStrictEqual(links.map(link => link.targetPath), ['people/x/index.md']);
	});

	it('is exact in UTF-16 after emoji and with CRLF line breaks', () => {
		const text = '---\r\ntitle: A\r\n---\r\n\r\n😀👍🏽 x [MI6](/organizations/mi6/)\r\n\r\n🇬🇧 [o](/organizations/mi6/#origins)\r\n';
		const links = linksOf({ 'organizations/mi6.md': MI6.replace(/\n/g, '\r\n'), 'people/a.md': text }, 'people/a.md');
		assert.deepStrictEqual(links.map(link => link.range), [
			{ start: { line: 4, character: '😀👍🏽 x [MI6]('.length }, end: { line: 4, character: '😀👍🏽 x [MI6](/organizations/mi6/'.length } },
			{ start: { line: 6, character: '🇬🇧 [o]('.length }, end: { line: 6, character: '🇬🇧 [o](/organizations/mi6/#origins'.length } },
		]);
		assert.deepStrictEqual(links[1].targetRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 10 } });
	});
});
