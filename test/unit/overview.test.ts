import * as assert from 'assert';
import { createVaultService, type VaultOverview, type VaultService } from '../../server/src/service/vaultService';
import { titled } from '../support/memoryVault';

function vaultOf(pages: Record<string, string>): { service: VaultService; texts: Map<string, string>; overview: (limit?: number) => VaultOverview } {
	const service = createVaultService();
	const texts = new Map<string, string>();
	for (const [path, text] of Object.entries(pages)) {
		texts.set(path, text);
		service.updatePage(path, text);
	}
	return { service, texts, overview: (limit = 100) => service.overview(path => texts.get(path), limit)! };
}

const pages = {
	'README.md': 'Not a page. [Ada](/people/ada/)\n',
	'people/ada.md': titled('Ada', 'Ada met [Bob](/people/bob/) in [London](/places/london/)[^1] and [Sami](/people/sami/).\n\n[^1]: A source.\n'),
	'people/bob.md': titled('Bob', 'Bob lived in [London](/places/london/) and met [Sami](/people/sami/), [himself](/people/bob/).\n'),
	'people/carl.md': titled('Carl', 'Carl links [himself](/people/carl/) only[^a].\n\n[^a]: Source.\n'),
	'places/london.md': titled('London', 'A city, see [Paris](/places/paris/).\n'),
};

describe('vault overview', () => {
	it('counts pages per section, ranks the most linked, lists orphans, unsourced and wanted pages', () => {
		const { overview } = vaultOf(pages);
		const result = overview();
		assert.strictEqual(result.pages, 4);
		assert.deepStrictEqual(result.sections, [{ section: 'people', pages: 3 }, { section: 'places', pages: 1 }]);
		// Bob's link to himself does not count; the README's link to Ada does.
		assert.deepStrictEqual(result.mostLinked.map(page => `${page.path} ${page.linkers}`), ['places/london.md 2', 'people/ada.md 1', 'people/bob.md 1']);
		assert.deepStrictEqual(result.orphans.map(page => page.path), ['people/carl.md']);
		assert.strictEqual(result.orphanCount, 1);
		assert.deepStrictEqual(result.unsourced.map(page => page.path), ['people/bob.md', 'places/london.md']);
		assert.strictEqual(result.unsourcedCount, 2);
		assert.deepStrictEqual(result.wanted.map(page => `${page.url} ${page.linkers} ${page.text}`), ['/people/sami/ 2 Sami', '/places/paris/ 1 Paris']);
		assert.strictEqual(result.wantedCount, 2);
	});

	it('cuts each list at the limit but counts them all', () => {
		const { overview } = vaultOf(pages);
		const result = overview(1);
		assert.deepStrictEqual([result.mostLinked.length, result.unsourced.length, result.wanted.length], [1, 1, 1]);
		assert.deepStrictEqual([result.unsourcedCount, result.wantedCount], [2, 2]);
	});

	it('follows the index as pages change', () => {
		const { service, texts, overview } = vaultOf(pages);
		assert.strictEqual(overview().orphanCount, 1);
		const text = titled('Sami', 'Sami knew [Carl](/people/carl/)[^1].\n\n[^1]: Source.\n');
		texts.set('people/sami.md', text);
		service.updatePage('people/sami.md', text);
		const result = overview();
		assert.deepStrictEqual(result.orphans.map(page => page.path), []);
		assert.deepStrictEqual(result.wanted.map(page => page.url), ['/places/paris/']);
		assert.deepStrictEqual(result.sections, [{ section: 'people', pages: 4 }, { section: 'places', pages: 1 }]);
		service.removePage('places/london.md');
		assert.deepStrictEqual(overview().wanted.map(page => `${page.url} ${page.linkers}`), ['/places/london/ 2']);
	});

	it('answers nothing when cancelled before the tallies are made', () => {
		const { service, texts } = vaultOf(Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`people/p${i}.md`, titled(`P${i}`)])));
		assert.strictEqual(service.overview(path => texts.get(path), 10, { isCancellationRequested: true }), undefined);
		assert.strictEqual(service.overview(path => texts.get(path), 10)?.orphanCount, 1200);
	});
});
