import * as assert from 'assert';
import { inVault, memoryVault, titled, titles, unreadablePages } from '../support/memoryVault';

/** Reads of page files recorded since the last `clearAccesses`. */
function reads(fileSystem: { accesses: readonly { operation: string; path: string }[] }): string[] {
	return fileSystem.accesses.filter(access => access.operation === 'readFile').map(access => access.path).sort();
}

/** The changes of a move as [path, removed, affected pages], sorted by path. */
function summary(changes: readonly { path: string; removed: boolean; change: { affected: ReadonlySet<string> } }[]): [string, boolean, string[]][] {
	return changes.map(({ path, removed, change }) => [path, removed, [...change.affected].sort()] as [string, boolean, string[]]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('vault workspace: pages moved on disk (didRenameFiles)', () => {
	it('a page moved to another section: the old path leaves the index, only the moved file is read, and the pages linking to either URL are rechecked', async () => {
		const { vault, fileSystem } = memoryVault({
			'people/ada.md': titled('Ada', '[Bob](/people/bob/) [Bob again](/organizations/bob/)\n'),
			'people/bob.md': titled('Bob', '[Ada](ada.md)\n'),
			'places/paris.md': titled('Paris', '[Bob](/people/bob/)\n'),
		});
		await vault.index();
		fileSystem.makeDirectory(inVault('organizations'));
		await fileSystem.rename(inVault('people/bob.md'), inVault('organizations/bob.md'));
		fileSystem.clearAccesses();
		const changes = await vault.pagesMoved(['people/bob.md'], ['organizations/bob.md']);
		assert.deepStrictEqual(reads(fileSystem), [inVault('organizations/bob.md')]);
		assert.deepStrictEqual(titles(vault), { 'organizations/bob.md': 'Bob', 'people/ada.md': 'Ada', 'places/paris.md': 'Paris' });
		assert.deepStrictEqual(summary(changes), [
			['organizations/bob.md', false, ['people/ada.md']],
			['people/bob.md', true, ['people/ada.md', 'places/paris.md']],
		]);
		// Its relative link is resolved from where it is now.
		assert.deepStrictEqual(vault.service.getPage('organizations/bob.md')?.targetUrls, ['/organizations/ada/']);
	});

	it('a section folder of many pages moved: only its pages are read (on the page parser, in batches), nothing else', async () => {
		const files: Record<string, string> = { 'places/paris.md': titled('Paris', '[P0](/people/p0/)\n') };
		for (let i = 0; i < 300; i++) {
			files[`people/p${i}.md`] = titled(`P${i}`, `[next](/people/p${i + 1}/)\n`);
		}
		const { vault, fileSystem } = memoryVault(files, { batchSize: 64 });
		await vault.index();
		await fileSystem.rename(inVault('people'), inVault('persons'));
		fileSystem.clearAccesses();
		const removed = vault.pathsUnder('people');
		const added = vault.pagesOnDiskUnder('persons');
		assert.strictEqual(removed.length, 300);
		assert.deepStrictEqual(added.sort(), removed.map(path => path.replace('people/', 'persons/')).sort());
		assert.deepStrictEqual(reads(fileSystem), [], 'listing the folder reads no page');
		const changes = await vault.pagesMoved(removed, added);
		assert.deepStrictEqual(reads(fileSystem), added.map(inVault).sort());
		assert.strictEqual(vault.service.index.sectionPaths('people').size, 0);
		assert.strictEqual(vault.service.index.sectionPaths('persons').size, 300);
		assert.strictEqual(changes.length, 600);
		assert.ok(changes.find(({ path }) => path === 'people/p0.md')!.change.affected.has('places/paris.md'), 'the page linking to the old URL is rechecked');
	});

	it("the watcher's events that follow the move read nothing while the files are those read, but a page changed since is read again", async () => {
		const { vault, fileSystem } = memoryVault({ 'people/ada.md': titled('Ada'), 'people/bob.md': titled('Bob') });
		await vault.index();
		fileSystem.makeDirectory(inVault('places'));
		await fileSystem.rename(inVault('people/ada.md'), inVault('places/ada.md'));
		await fileSystem.rename(inVault('people/bob.md'), inVault('places/bob.md'));
		await vault.pagesMoved(['people/ada.md', 'people/bob.md'], ['places/ada.md', 'places/bob.md']);
		fileSystem.writeFile(inVault('places/bob.md'), titled('Bob, edited'));
		fileSystem.clearAccesses();
		// What the watcher reports after the move: the old paths deleted, the new ones created.
		assert.deepStrictEqual(vault.diskDeleted('people/ada.md'), { affected: new Set(), pagesChanged: false });
		assert.deepStrictEqual(vault.diskFolderDeleted(inVault('people')), []);
		assert.strictEqual(vault.diskChanged('places/ada.md'), undefined);
		assert.ok(vault.diskChanged('places/bob.md'));
		assert.deepStrictEqual(reads(fileSystem), [inVault('places/bob.md')]);
		assert.deepStrictEqual(titles(vault), { 'places/ada.md': 'Ada', 'places/bob.md': 'Bob, edited' });
		// Only the first event is spared: a later change event reads the page again.
		fileSystem.clearAccesses();
		vault.diskChanged('places/ada.md');
		assert.deepStrictEqual(reads(fileSystem), [inVault('places/ada.md')]);
	});

	it('a change event for a moved page while the move reads it is looked at once the move is done', async () => {
		const { vault, fileSystem } = memoryVault({ 'people/ada.md': titled('Ada'), 'people/bob.md': titled('Bob') }, { batchSize: 1 });
		await vault.index();
		fileSystem.makeDirectory(inVault('places'));
		await fileSystem.rename(inVault('people/ada.md'), inVault('places/ada.md'));
		await fileSystem.rename(inVault('people/bob.md'), inVault('places/bob.md'));
		const moving = vault.pagesMoved(['people/ada.md', 'people/bob.md'], ['places/ada.md', 'places/bob.md']);
		// The move has read the first page, not yet the second; the editor saves a new text of the second meanwhile.
		fileSystem.writeFile(inVault('places/bob.md'), titled('Bob, saved'));
		assert.strictEqual(vault.diskChanged('places/bob.md'), undefined, 'deferred to the move');
		fileSystem.clearAccesses();
		const changes = await moving;
		assert.deepStrictEqual(reads(fileSystem), [inVault('places/bob.md')], 'read once, by the move');
		assert.deepStrictEqual(titles(vault), { 'places/ada.md': 'Ada', 'places/bob.md': 'Bob, saved' });
		assert.deepStrictEqual(changes.map(({ path, removed }) => [path, removed]), [['people/ada.md', true], ['people/bob.md', true], ['places/ada.md', false], ['places/bob.md', false]]);
	});

	it('an open page keeps its editor text: neither its old path is taken out nor its new one read (the editor closes and opens it)', async () => {
		const { vault, fileSystem } = memoryVault({ 'people/ada.md': titled('Ada'), 'people/bob.md': titled('Bob') });
		await vault.index();
		vault.openDocument('people/ada.md', titled('Ada in the editor'));
		vault.openDocument('places/bob.md', titled('Bob in the editor'));
		fileSystem.makeDirectory(inVault('places'));
		await fileSystem.rename(inVault('people/ada.md'), inVault('places/ada.md'));
		await fileSystem.rename(inVault('people/bob.md'), inVault('places/bob.md'));
		fileSystem.clearAccesses();
		await vault.pagesMoved(['people/ada.md', 'people/bob.md'], ['places/ada.md', 'places/bob.md']);
		assert.deepStrictEqual(reads(fileSystem), [inVault('places/ada.md')]);
		assert.deepStrictEqual(titles(vault), { 'people/ada.md': 'Ada in the editor', 'places/ada.md': 'Ada', 'places/bob.md': 'Bob in the editor' });
		vault.closeDocument('people/ada.md');
		assert.deepStrictEqual(Object.keys(titles(vault)), ['places/ada.md', 'places/bob.md']);
	});

	it('an unreadable page moved stays quarantined under its new path; a page whose name only changes case is read again', async () => {
		const { vault, fileSystem } = memoryVault({ 'people/locked.md': titled('Locked'), 'people/ada.md': titled('Ada') });
		fileSystem.makeUnreadable(inVault('people/locked.md'));
		await vault.index();
		fileSystem.makeDirectory(inVault('places'));
		await fileSystem.rename(inVault('people/locked.md'), inVault('places/locked.md'));
		const moved = vault.pathsUnder('people');
		assert.deepStrictEqual(moved.sort(), ['people/ada.md', 'people/locked.md']);
		await vault.pagesMoved(['people/locked.md'], ['places/locked.md']);
		assert.deepStrictEqual(unreadablePages(vault).map(([path]) => path), ['places/locked.md']);
		fileSystem.writeFile(inVault('people/ada.md'), titled('Ada, read again'));
		await vault.pagesMoved(['people/ada.md'], ['people/ada.md']);
		assert.strictEqual(vault.service.getPage('people/ada.md')?.title, 'Ada, read again');
	});
});
