import * as assert from 'assert';
import { afterIndexChange } from '../../server/src/node/documentSync';
import { VaultStatus } from '../../server/src/node/vaultStatus';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import type { StatusParams } from '../../server/src/protocol';
import { memoryVault, titled } from '../support/memoryVault';

describe('the server status and the routing of index changes', () => {
	it('reports the progress of the vaults still indexing, then the page count, each only when it changed', async () => {
		const first = memoryVault({ 'people/a.md': titled('A'), 'people/b.md': titled('B') }).vault;
		const second = memoryVault({ 'places/c.md': titled('C') }).vault;
		const sent: StatusParams[] = [];
		const status = new VaultStatus({ all: [first, second] }, params => sent.push(params));
		status.update();
		status.update();
		status.indexingProgress(first, { indexed: 1, total: 2 });
		status.indexingProgress(second, { indexed: 0, total: 1 });
		status.update();
		await first.index();
		status.indexingDone(first);
		status.update();
		await second.index();
		status.indexingDone(second);
		status.update();
		status.update();
		assert.deepStrictEqual(sent, [
			{ state: 'indexing', indexed: 0, total: 0, pages: 0, isVault: false },
			{ state: 'indexing', indexed: 1, total: 3, pages: 0, isVault: false },
			// Once pages with frontmatter are indexed, the folder is a vault.
			{ state: 'indexing', indexed: 0, total: 1, pages: 2, isVault: true },
			{ state: 'ready', indexed: 3, total: 3, pages: 3, isVault: true },
		]);
	});

	it('schedules the changed page and the pages it affects, and updates the status when the pages changed', () => {
		const vault = {} as VaultWorkspace;
		const scheduled: string[][] = [];
		let updates = 0;
		const afterChange = afterIndexChange({ schedule: (_vault, paths) => scheduled.push([...paths]), clear: () => undefined }, { update: () => updates++ });
		afterChange(vault, 'people/a.md', { affected: new Set(['people/b.md']), pagesChanged: false });
		assert.deepStrictEqual([scheduled, updates], [[['people/a.md'], ['people/b.md']], 0]);
		afterChange(vault, undefined, { affected: new Set(['people/c.md']), pagesChanged: true });
		assert.deepStrictEqual([scheduled.slice(2), updates], [[['people/c.md']], 1]);
		afterChange(vault, 'people/d.md', undefined);
		assert.deepStrictEqual([scheduled.slice(3), updates], [[['people/d.md']], 1]);
	});

	it('schedules every page and updates the status when the folder became a vault or stopped being one', () => {
		const vault = { allPaths: () => ['people/a.md', 'people/b.md', 'README.md'] } as unknown as VaultWorkspace;
		const scheduled: string[][] = [];
		let updates = 0;
		const afterChange = afterIndexChange({ schedule: (_vault, paths) => scheduled.push([...paths]), clear: () => undefined }, { update: () => updates++ });
		afterChange(vault, 'people/a.md', { affected: new Set(), pagesChanged: false, vaultKindChanged: true });
		assert.deepStrictEqual([scheduled, updates], [[['people/a.md'], ['people/a.md', 'people/b.md', 'README.md']], 1]);
	});
});
