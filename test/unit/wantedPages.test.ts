import * as assert from 'assert';
import { createVaultService, type VaultService, type WantedPage } from '../../server/src/service/vaultService';
import { titled } from '../support/memoryVault';

/** A service over in-memory pages, with their texts for the wanted pages' link texts. */
function vaultOf(pages: Record<string, string>): { service: VaultService; texts: Map<string, string>; wanted: (limit?: number) => WantedPage[] } {
	const service = createVaultService();
	const texts = new Map<string, string>();
	for (const [path, text] of Object.entries(pages)) {
		texts.set(path, text);
		service.updatePage(path, text);
	}
	return { service, texts, wanted: (limit = 100) => service.wantedPages(path => texts.get(path), limit) };
}

/** `url linkers "text" title` per wanted page. */
function lines(wanted: readonly WantedPage[]): string[] {
	return wanted.map(page => `${page.url} ${page.linkers} ${JSON.stringify(page.text)} ${page.title} ${page.path}`);
}

describe('wanted pages', () => {
	const pages = {
		'people/ada.md': titled('Ada', 'Ada met [Sami](/people/sami/) in [Paris](/places/paris/) and worked for [the Bureau](/organizations/bureau/); [Bob](/people/bob/), [all](/people/), [x](/a/b/c/).\n'),
		'people/bob.md': titled('Bob', 'Bob met [Sami](/people/sami/) in [Paris](../places/paris.md), and [Sami Jones](/people/sami/) 🙂, ![Sami](/people/sami/).\n'),
		'places/london.md': titled('London', '[**Sami**](/people/sami/) lived in London.\r\n\r\n[`Sami`](/people/sami/ "t").\r\n'),
	};

	it('ranks the missing targets by how many pages link them, each with its most common plain link text', () => {
		const { wanted } = vaultOf(pages);
		assert.deepStrictEqual(lines(wanted()), [
			'/people/sami/ 3 "Sami" Sami people/sami.md',
			'/places/paris/ 2 "Paris" Paris places/paris.md',
			// The title is the slug's words when the text does not name the slug.
			'/organizations/bureau/ 1 "the Bureau" Bureau organizations/bureau.md',
		]);
		assert.deepStrictEqual(lines(wanted(2)).length, 2);
		assert.deepStrictEqual(wanted(1)[0].section, 'people');
		assert.deepStrictEqual(wanted(1)[0].slug, 'sami');
	});

	it('follows the index: a page created leaves the list, a page removed that is linked joins it, a link removed goes', () => {
		const { service, texts, wanted } = vaultOf(pages);
		const set = (path: string, text: string): void => {
			texts.set(path, text);
			service.updatePage(path, text);
		};
		set('people/sami/index.md', titled('Sami'));
		assert.deepStrictEqual(wanted().map(page => page.url), ['/places/paris/', '/organizations/bureau/']);
		service.removePage('people/bob.md');
		assert.deepStrictEqual(wanted().map(page => `${page.url} ${page.linkers}`), ['/organizations/bureau/ 1', '/people/bob/ 1', '/places/paris/ 1']);
		set('people/ada.md', titled('Ada', 'No links.\n'));
		assert.deepStrictEqual(wanted().map(page => page.url), []);
		service.removePage('people/sami/index.md');
		assert.deepStrictEqual(wanted().map(page => page.url), ['/people/sami/']);
	});

	it('reads no text that is not the indexed version of a page', () => {
		const { texts, wanted } = vaultOf(pages);
		texts.set('people/ada.md', 'changed on disk');
		texts.delete('places/london.md');
		assert.deepStrictEqual(lines(wanted()).slice(0, 2), ['/people/sami/ 3 "Sami" Sami people/sami.md', '/places/paris/ 2 "Paris" Paris places/paris.md']);
		texts.delete('people/bob.md');
		assert.deepStrictEqual(lines(wanted())[0], '/people/sami/ 3 "" Sami people/sami.md');
	});

	it('creates a wanted page at the URL the links name, whatever its title', () => {
		const { service } = vaultOf(pages);
		const page = service.newPage({ section: 'organizations', title: 'The Bureau', slug: 'bureau', today: '2026-06-01' });
		assert.strictEqual(page.exists, false);
		assert.strictEqual(page.path, 'organizations/bureau.md');
		assert.match(page.exists ? '' : page.text, /^title: The Bureau$/m);
		assert.throws(() => service.newPage({ section: 'people', title: 'X', slug: '../x', today: '2026-06-01' }));
	});

	it('keeps the wanted URLs equal to the linked URLs without a page through random updates and removals', () => {
		const service = createVaultService();
		const paths = ['a/x.md', 'a/y.md', 'a/y/index.md', 'b/z.md', 'b/w/_index.md', 'c/v.md'];
		const urls = ['/a/x/', '/a/y/', '/b/z/', '/b/w/', '/c/v/', '/c/u/', '/a/'];
		let seed = 7;
		const random = (n: number): number => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return (seed >>> 16) % n;
		};
		for (let step = 0; step < 400; step++) {
			const path = paths[random(paths.length)];
			if (random(4) === 0) {
				service.removePage(path);
			} else {
				const links = Array.from({ length: random(4) }, () => `[l](${urls[random(urls.length)]})`).join(' ');
				service.updatePage(path, titled(path, `${links}\n`));
			}
			const index = service.index;
			const expected = new Set<string>();
			for (const page of index.pages()) {
				for (const url of page.targetUrls) {
					if (!index.hasUrl(url)) {
						expected.add(url);
					}
				}
			}
			assert.deepStrictEqual([...index.wantedUrls()].sort(), [...expected].sort(), `step ${step}`);
		}
	});
});
