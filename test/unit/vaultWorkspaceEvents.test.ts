import * as assert from 'assert';
import { inVault, memoryVault, titled, titles, unreadablePages, VAULT_ROOT } from '../support/memoryVault';


/** An indexed in-memory vault: A links to B, which exists, and to C, which does not yet. */
async function indexedVault() {
	const setup = memoryVault({
		'people/a.md': titled('A', '[B](/people/b/) [C](/people/c/)\n'),
		'people/b.md': titled('B'),
	});
	await setup.vault.index();
	setup.fileSystem.clearAccesses();
	return setup;
}

describe('vault workspace: watched-file events (in-memory file system)', () => {
	it('a created page is read and indexed, and the pages linking to it are rechecked', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.writeFile(inVault('people/c.md'), titled('C'));
		const change = vault.diskChanged('people/c.md');
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'people/b.md': 'B', 'people/c.md': 'C' });
		assert.deepStrictEqual(change && { affected: [...change.affected], pagesChanged: change.pagesChanged }, { affected: ['people/a.md'], pagesChanged: true });
		assert.deepStrictEqual(fileSystem.accesses.filter(access => access.operation === 'readFile').map(access => access.path), [inVault('people/c.md')]);
	});

	it('a changed page is read again', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.writeFile(inVault('people/b.md'), titled('B, renamed'));
		vault.diskChanged('people/b.md');
		assert.strictEqual(vault.service.getPage('people/b.md')?.title, 'B, renamed');
	});

	it('a deleted page leaves the index without being read', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.remove(inVault('people/b.md'));
		const change = vault.diskDeleted('people/b.md');
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md']);
		assert.deepStrictEqual(change && [...change.affected], ['people/a.md']);
		assert.deepStrictEqual(fileSystem.accesses, []);
	});

	it('a change event for a page that is gone (deleted with its folder, or its folder replaced by a file) takes it out, not as unreadable', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.remove(inVault('people'));
		vault.diskChanged('people/b.md');
		fileSystem.writeFile(inVault('people'), 'now a file');
		vault.diskChanged('people/a.md');
		assert.deepStrictEqual(titles(vault), {});
		assert.deepStrictEqual(unreadablePages(vault), []);
		assert.deepStrictEqual(vault.allPaths(), []);
	});

	it('a deleted folder takes out every page under it, indexed or unreadable, but not open pages nor a folder of a longer name', async () => {
		const { vault, fileSystem } = memoryVault({
			'people/a.md': titled('A', '[B](/people/b/)\n'),
			'people/b.md': titled('B'),
			'people/c.md': titled('C'),
			'people/locked.md': titled('Locked'),
			'people-old/d.md': titled('D', '[A](/people/a/)\n'),
		});
		fileSystem.makeUnreadable(inVault('people/locked.md'));
		await vault.index();
		vault.openDocument('people/c.md', titled('C in the editor'));
		assert.deepStrictEqual(unreadablePages(vault).map(([path]) => path), ['people/locked.md']);
		fileSystem.remove(inVault('people'));
		const removed = vault.diskFolderDeleted(inVault('people'));
		assert.deepStrictEqual(removed.map(({ path }) => path).sort(), ['people/a.md', 'people/b.md', 'people/locked.md']);
		assert.deepStrictEqual([...removed.find(({ path }) => path === 'people/a.md')!.change.affected], ['people-old/d.md']);
		assert.deepStrictEqual(titles(vault), { 'people-old/d.md': 'D', 'people/c.md': 'C in the editor' });
		assert.deepStrictEqual(unreadablePages(vault), []);
		assert.deepStrictEqual(vault.allPaths().sort(), ['people-old/d.md', 'people/c.md']);
		assert.deepStrictEqual(vault.diskFolderDeleted('/elsewhere/people'), [], 'a folder outside the vault names no page');
	});

	it('a folder created with pages in it: each page event indexes its page', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.writeFile(inVault('places/asia/iran.md'), titled('Iran'));
		fileSystem.writeFile(inVault('places/asia/iraq.md'), titled('Iraq'));
		assert.strictEqual(vault.relativePath(inVault('places/asia')), undefined, 'a folder is not a page');
		for (const page of ['places/asia/iran.md', 'places/asia/iraq.md']) {
			vault.diskChanged(vault.relativePath(inVault(page))!);
		}
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md', 'people/b.md', 'places/asia/iran.md', 'places/asia/iraq.md']);
	});

	it('a page that becomes unreadable is reported, and cleared once it can be read again', async () => {
		const { vault, fileSystem } = await indexedVault();
		fileSystem.makeUnreadable(inVault('people/b.md'));
		vault.diskChanged('people/b.md');
		assert.deepStrictEqual(unreadablePages(vault), [['people/b.md', "cannot read: EACCES: permission denied, open '/vault/people/b.md'"]]);
		assert.deepStrictEqual(vault.service.diagnostics('people/b.md').map(d => d.code), ['page-unreadable']);
		assert.strictEqual(vault.service.getPage('people/b.md'), undefined);
		fileSystem.writeFile(inVault('people/b.md'), titled('B again'));
		vault.diskChanged('people/b.md');
		assert.deepStrictEqual(unreadablePages(vault), []);
		assert.strictEqual(vault.service.getPage('people/b.md')?.title, 'B again');
	});

	it('an open page keeps its editor text through changes and deletion on disk, and goes back to the disk when closed', async () => {
		const { vault, fileSystem } = await indexedVault();
		vault.openDocument('people/b.md', titled('B in the editor'));
		fileSystem.writeFile(inVault('people/b.md'), titled('B on disk'));
		assert.strictEqual(vault.diskChanged('people/b.md'), undefined);
		assert.strictEqual(vault.service.getPage('people/b.md')?.title, 'B in the editor');
		assert.strictEqual(vault.isOpen('people/b.md'), true);
		vault.closeDocument('people/b.md');
		assert.strictEqual(vault.isOpen('people/b.md'), false);
		assert.strictEqual(vault.service.getPage('people/b.md')?.title, 'B on disk');

		vault.openDocument('people/b.md', titled('B in the editor'));
		fileSystem.remove(inVault('people/b.md'));
		assert.strictEqual(vault.diskDeleted('people/b.md'), undefined);
		assert.strictEqual(vault.service.getPage('people/b.md')?.title, 'B in the editor');
		vault.closeDocument('people/b.md');
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md']);
	});

	it('a new page opened before it is saved leaves the index when closed unsaved', async () => {
		const { vault } = await indexedVault();
		vault.openDocument('people/c.md', titled('C, unsaved'));
		assert.strictEqual(vault.service.getPage('people/c.md')?.title, 'C, unsaved');
		vault.closeDocument('people/c.md');
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md', 'people/b.md']);
		assert.deepStrictEqual(unreadablePages(vault), []);
	});

	it('events arriving while indexing runs win over the listing taken before them', async () => {
		const { vault, fileSystem } = memoryVault({ 'people/a.md': titled('A'), 'people/b.md': titled('B'), 'people/c.md': titled('C') }, { batchSize: 1 });
		await vault.index(({ indexed }) => {
			if (indexed === 1) {
				fileSystem.remove(inVault('people/c.md'));
				vault.diskDeleted('people/c.md');
				fileSystem.writeFile(inVault('people/b.md'), titled('B, changed'));
				vault.diskChanged('people/b.md');
			}
		});
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'people/b.md': 'B, changed' });
		assert.strictEqual(fileSystem.accesses.filter(access => access.operation === 'readFile' && access.path === inVault('people/c.md')).length, 0);
	});

	it('maps only markdown pages inside the vault, outside excluded and dot-folders, to vault paths', () => {
		const { vault } = memoryVault({}, { excludes: ['drafts/**'] });
		assert.strictEqual(vault.relativePath(inVault('people/a.md')), 'people/a.md');
		assert.strictEqual(vault.relativePath(inVault('people/a.markdown')), 'people/a.markdown');
		assert.strictEqual(vault.relativePath(inVault('people/a.txt')), undefined);
		assert.strictEqual(vault.relativePath(inVault('.obsidian/a.md')), undefined);
		assert.strictEqual(vault.relativePath(inVault('drafts/a.md')), undefined);
		assert.strictEqual(vault.relativePath('/vault-other/a.md'), undefined);
		assert.strictEqual(vault.relativePath('/outside/a.md'), undefined);
		assert.strictEqual(vault.relativePath(VAULT_ROOT), undefined);
		assert.strictEqual(vault.absolutePath('people/a.md'), inVault('people/a.md'));
	});
});
