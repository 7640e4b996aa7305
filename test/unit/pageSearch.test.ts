import * as assert from 'assert';
import { createVaultService } from '../../server/src/service/vaultService';
import { searchPages } from '../../server/src/service/languageFeatures/pageSearch';

const page = (title: string): string => `---\ntitle: ${title}\n---\n`;

describe('page search table', () => {
	it('follows edits, removals and renames through the index journal', () => {
		const service = createVaultService();
		for (let i = 0; i < 50; i++) {
			service.updatePage(`people/p${i}.md`, page(`Person ${i}`));
		}
		const titles = (query: string, section?: string) => searchPages(service.index, query, section, 10).matches.map(m => m.page.title);
		assert.strictEqual(titles('person 7')[0], 'Person 7');
		service.updatePage('people/p7.md', page('Renamed Seven'));
		assert.ok(!titles('person 7').includes('Person 7'));
		assert.deepStrictEqual(titles('renamed'), ['Renamed Seven']);
		service.removePage('people/p8.md');
		assert.ok(!titles('person 8').includes('Person 8'));
		// An empty query lists pages alphabetically and skips holes.
		assert.ok(!titles('', 'people').includes('Person 8'));
		service.updatePage('places/p8.md', page('Person 8'));
		assert.strictEqual(titles('person 8')[0], 'Person 8');
		assert.ok(!titles('person 8', 'people').includes('Person 8'));
		assert.deepStrictEqual(titles('person 8', 'places'), ['Person 8']);
		// Many changes at once: the table is rebuilt and still right.
		for (let i = 0; i < 50; i++) {
			service.removePage(`people/p${i}.md`);
		}
		assert.deepStrictEqual(titles('person'), ['Person 8']);
		assert.deepStrictEqual(searchPages(service.index, '', 'people', 10).matches, []);
	});
});
