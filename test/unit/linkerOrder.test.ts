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

	it('patches the order after a burst of edits of a few pages (journal entries beyond the patch limit), not made again', () => {
		const service = createVaultService();
		for (let i = 0; i < 30; i++) {
			service.updatePage(`notes/p${String(i).padStart(2, '0')}.md`, '[A](/people/ada/)\n');
		}
		const index = service.index;
		index.linkersInOrder('/people/ada/');
		// 300 keystrokes on two pages: 300 journal entries, two pages changed.
		for (let k = 0; k < 300; k++) {
			service.updatePage(k % 2 === 0 ? 'notes/p03.md' : 'notes/typing.md', `[A](/people/ada/) ${'x'.repeat(k % 7)}\n`);
		}
		// An order made again asks the index for the linking pages; a patch does not.
		let made = 0;
		const linkersOf = index.linkersOf.bind(index);
		index.linkersOf = (url: string) => {
			made++;
			return linkersOf(url);
		};
		const { paths, pages, which } = index.linkersInOrder('/people/ada/');
		assert.strictEqual(made, 0, 'patched from the journal');
		assert.deepStrictEqual({ paths, pages, which }, fresh(index, '/people/ada/'));
	});
});
