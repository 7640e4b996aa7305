import * as assert from 'assert';
import { SuggestionTable, suggestionSetupOf } from '../../server/src/service/search/suggestionTable';
import { memoryVault } from '../support/memoryVault';
import { missingLinkTargets, suggestionVaultFiles } from '../support/suggestionVault';

/**
 * `check`'s workers find the closest pages to a broken link's URL from
 * plain data (`SuggestionTable`), not the index: their answers must be the
 * index's (`VaultSearch.closestPages`), which the diagnostics then use.
 */
describe('SuggestionTable: the closest pages found without the index', () => {
	it('gives what the index\'s search gives for every missing URL the pages link, and for other URLs', async () => {
		const { vault } = memoryVault(suggestionVaultFiles());
		await vault.index();
		const index = vault.service.index;
		const table = new SuggestionTable(structuredClone(suggestionSetupOf(index)));
		const urls = new Set<string>(['/', '/people/', '/people/robert-maxwel/', '/nowhere/', '/people/twn/', '/x/', '/agencies/mi7/']);
		for (const page of index.pages()) {
			for (const url of missingLinkTargets(index, page.path)) {
				urls.add(url);
			}
		}
		assert.ok(urls.size > 300, `many missing URLs (${urls.size})`);
		let suggested = 0;
		for (const url of urls) {
			const expected = index.search.closestPages(url);
			assert.deepStrictEqual(table.closestPages(url), expected, url);
			suggested += expected.length > 0 ? 1 : 0;
		}
		assert.ok(suggested > urls.size / 2, `most have suggestions (${suggested})`);
		assert.ok(index.search.closestPages('/people/twn/').some(page => page.title === 'Twin One' || page.title === 'Twin Two'));
	});

	it('lists a page\'s linked URLs that no page is published at, from its header', async () => {
		const { vault } = memoryVault({ 'people/a.md': '[b](/people/b/) [c](/people/c/) [c again](/people/c/) [gone](/people/gone/) [out](https://example.org/)\n', 'people/b.md': 'B\n' });
		await vault.index();
		assert.deepStrictEqual(missingLinkTargets(vault.service.index, 'people/a.md'), ['/people/c/', '/people/gone/']);
		assert.deepStrictEqual(missingLinkTargets(vault.service.index, 'people/none.md'), []);
	});
});
