import * as assert from 'assert';
import * as fc from 'fast-check';
import { createVaultService } from '../../server/src/service/vaultService';
import type { VaultIndex } from '../../server/src/service/vault/vaultIndex';

const URLS = ['/people/ada/', '/people/bob/', '/places/iran/'];

/** What `linkersInOrder` must equal: the linking pages sorted by path, looked up now. */
function fresh(index: VaultIndex, url: string): { paths: string[]; pages: unknown[]; which: number[] } {
	const paths = index.linkersOf(url).sort();
	const pages = paths.map(path => index.getPage(path)!);
	return { paths, pages, which: pages.map(page => (page as { targetUrls: readonly string[] }).targetUrls.indexOf(url)) };
}

describe('the kept order of a URL\'s linking pages (VaultIndex.linkersInOrder)', () => {
	it('equals the linking pages sorted by path after any edits, additions and removals, patched or made again', () => {
		const path = fc.constantFrom('a.md', 'notes/b.md', 'notes/c.md', 'notes/d d.md', 'people/e.md', 'people/ada.md', 'z/f.md', 'notes/B.md');
		const edit = fc.record({
			path,
			// undefined: the page is removed; otherwise the URLs it links to, in order (repeats allowed).
			links: fc.option(fc.array(fc.constantFrom(...URLS), { maxLength: 4 }), { nil: undefined }),
			ask: fc.constantFrom(...URLS, undefined),
		});
		fc.assert(fc.property(fc.array(edit, { maxLength: 40 }), fc.array(fc.constantFrom(...URLS), { maxLength: 3 }), (edits, firstAsked) => {
			const service = createVaultService();
			const index = service.index;
			for (const url of firstAsked) {
				index.linkersInOrder(url);
			}
			for (const { path, links, ask } of edits) {
				if (links === undefined) {
					service.removePage(path);
				} else {
					service.updatePage(path, links.map((url, i) => `[L${i}](${url})`).join(' and ') + '\n');
				}
				if (ask !== undefined) {
					const { paths, pages, which } = index.linkersInOrder(ask);
					assert.deepStrictEqual({ paths, pages, which }, fresh(index, ask));
				}
			}
			for (const url of URLS) {
				const { paths, pages, which } = index.linkersInOrder(url);
				assert.deepStrictEqual({ paths, pages, which }, fresh(index, url));
			}
		}), { numRuns: 300 });
	});

	it('leaves an order handed out as it was when the index changes', () => {
		const service = createVaultService();
		service.updatePage('notes/a.md', '[A](/people/ada/)\n');
		service.updatePage('notes/c.md', '[A](/people/ada/)\n');
		const before = service.index.linkersInOrder('/people/ada/');
		service.updatePage('notes/b.md', '[A](/people/ada/)\n');
		service.removePage('notes/a.md');
		assert.deepStrictEqual(before.paths, ['notes/a.md', 'notes/c.md']);
		assert.deepStrictEqual(service.index.linkersInOrder('/people/ada/').paths, ['notes/b.md', 'notes/c.md']);
	});
});
