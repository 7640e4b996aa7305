import * as assert from 'assert';
import { findVaultRoot } from '../../server/src/node/vaultFiles';
import type { IndexProgress } from '../../server/src/node/vaultWorkspace';
import { MAX_PAGE_LENGTH } from '../../server/src/service/vaultService';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { inVault, memoryVault, titled, titles, unreadablePages } from '../support/memoryVault';

function pagesNamed(...names: string[]): Record<string, string> {
	return Object.fromEntries(names.map(name => [`people/${name}.md`, titled(name.toUpperCase())]));
}

describe('vault workspace: indexing (in-memory file system)', () => {
	it('indexes every markdown page of the vault, skipping other files, dot-folders, node_modules and excludes', async () => {
		const { vault } = memoryVault({
			'people/a.md': titled('A'),
			'places/iran.markdown': titled('Iran'),
			'people/notes.txt': 'not a page',
			'.obsidian/x.md': titled('Hidden'),
			'node_modules/p/readme.md': titled('Module'),
			'drafts/d.md': titled('Draft'),
		}, { excludes: ['drafts'] });
		assert.strictEqual(vault.isIndexed, false);
		await vault.index();
		assert.strictEqual(vault.isIndexed, true);
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'places/iran.markdown': 'Iran' });
		assert.deepStrictEqual(vault.allPaths().sort(), ['people/a.md', 'places/iran.markdown']);
	});

	it('reports progress from none to all, once per batch of parsed pages', async () => {
		const { vault } = memoryVault(pagesNamed('a', 'b', 'c', 'd', 'e'), { batchSize: 2 });
		const progress: IndexProgress[] = [];
		await vault.index(report => progress.push(report));
		assert.deepStrictEqual(progress, [
			{ indexed: 0, total: 5 },
			{ indexed: 0, total: 5 },
			{ indexed: 2, total: 5 },
			{ indexed: 4, total: 5 },
			{ indexed: 5, total: 5 },
		]);
	});

	it('indexes once: a second call returns the same run, whenIndexed waits for it', async () => {
		const { vault, fileSystem } = memoryVault(pagesNamed('a'));
		assert.strictEqual(vault.index(), vault.index());
		await vault.whenIndexed();
		assert.strictEqual(vault.isIndexed, true);
		assert.strictEqual(fileSystem.accesses.filter(access => access.operation === 'readFile').length, 1);
	});

	it('whenIndexed asked before indexing starts waits for it, and resolves when the vault is disposed instead', async () => {
		const { vault } = memoryVault(pagesNamed('a', 'b'));
		let ended = false;
		const waiting = vault.whenIndexed().then(() => {
			ended = true;
		});
		await new Promise(resolve => setTimeout(resolve, 10));
		assert.strictEqual(ended, false);
		await vault.index();
		await waiting;
		assert.strictEqual(vault.isIndexed, true);

		const { vault: disposed } = memoryVault(pagesNamed('a'));
		const gone = disposed.whenIndexed();
		disposed.dispose();
		await gone;
		assert.strictEqual(disposed.isIndexed, false);
	});

	it('keeps the editor text of a page opened before or while indexing runs', async () => {
		const { vault } = memoryVault(pagesNamed('a', 'b', 'c', 'd'), { batchSize: 1 });
		const indexing = vault.index(({ indexed }) => {
			if (indexed === 1) {
				vault.openDocument('people/d.md', titled('D in the editor'));
			}
		});
		vault.openDocument('people/b.md', titled('B in the editor'));
		await indexing;
		assert.deepStrictEqual(titles(vault), {
			'people/a.md': 'A',
			'people/b.md': 'B in the editor',
			'people/c.md': 'C',
			'people/d.md': 'D in the editor',
		});
	});

	it('reads the pages an open page links to before indexing gets to them, and nothing once indexed', async () => {
		const { vault, fileSystem } = memoryVault({ ...pagesNamed('b', 'c'), 'places/iran.md': titled('Iran') });
		vault.openDocument('people/a.md', '[B](/people/b/) and [Iran](/places/iran/) and [nobody](/people/nobody/)\n');
		vault.ensureLinkTargets(vault.service.getPage('people/a.md')!);
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'people/b.md': 'B', 'places/iran.md': 'Iran' });
		await vault.index();
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md', 'people/b.md', 'people/c.md', 'places/iran.md']);
		fileSystem.clearAccesses();
		vault.ensureLinkTargets(vault.service.getPage('people/a.md')!);
		assert.deepStrictEqual(fileSystem.accesses, []);
	});

	it('stops when disposed while indexing: the rest is not read', async () => {
		const { vault, fileSystem } = memoryVault(pagesNamed('a', 'b', 'c', 'd'), { batchSize: 1 });
		await vault.index(({ indexed }) => {
			if (indexed === 2) {
				vault.dispose();
			}
		});
		assert.strictEqual(vault.isIndexed, false);
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md', 'people/b.md']);
		assert.deepStrictEqual(fileSystem.accesses.filter(access => access.operation === 'readFile').map(access => access.path), ['/vault/people/a.md', '/vault/people/b.md']);
	});

	it('leaves out pages that cannot be read, each with a page-unreadable diagnostic saying why', async () => {
		const { vault, fileSystem } = memoryVault({
			...pagesNamed('a'),
			'people/locked.md': titled('Locked'),
			'people/binary.md': 'a\0b',
		});
		fileSystem.writeFile(inVault('people/huge.md'), new Uint8Array(MAX_PAGE_LENGTH + 1).fill(0x61));
		fileSystem.makeUnreadable(inVault('people/locked.md'));
		await vault.index();
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md']);
		assert.deepStrictEqual(unreadablePages(vault).sort(), [
			['people/binary.md', 'binary file (contains NUL bytes), not a markdown page'],
			['people/huge.md', 'the file is 2.0 MiB, more than the 2.0 MiB a page may be; it is not read'],
			['people/locked.md', "cannot read: EACCES: permission denied, open '/vault/people/locked.md'"],
		]);
		assert.deepStrictEqual(vault.service.diagnostics('people/locked.md').map(d => [d.code, d.message]), [
			['page-unreadable', "Page skipped: cannot read: EACCES: permission denied, open '/vault/people/locked.md'."],
		]);
		assert.deepStrictEqual(vault.allPaths().sort(), ['people/a.md', 'people/binary.md', 'people/huge.md', 'people/locked.md']);
	});

	it('indexes the rest of the vault when a folder cannot be listed', async () => {
		const { vault, fileSystem } = memoryVault({ ...pagesNamed('a'), 'places/iran.md': titled('Iran') });
		fileSystem.makeUnreadable(inVault('places'));
		await vault.index();
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/a.md']);
		assert.strictEqual(vault.isIndexed, true);
	});

	it('decodes UTF-16 and BOM-prefixed pages as the editor does', async () => {
		const { vault, fileSystem } = memoryVault({ 'people/bom.md': `\ufeff${titled('Bom')}` });
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...titled('Sixteen')].flatMap(c => [c.charCodeAt(0), 0])]);
		fileSystem.writeFile(inVault('people/sixteen.md'), utf16);
		await vault.index();
		assert.deepStrictEqual(titles(vault), { 'people/bom.md': 'Bom', 'people/sixteen.md': 'Sixteen' });
	});
});

describe('vault root (in-memory file system)', () => {
	it('is the content/ folder when it holds a section folder, else the folder itself; a configured root wins', () => {
		const fileSystem = new MemoryFileSystem();
		fileSystem.writeFile('/hugo/content/people/a.md', titled('A'));
		fileSystem.writeFile('/flat/content/a.md', titled('A'));
		fileSystem.writeFile('/hidden/content/.git/x', '');
		fileSystem.writeFile('/plain/people/a.md', titled('A'));
		fileSystem.writeFile('/linked/elsewhere/people/a.md', titled('A'));
		fileSystem.symlink('/linked/content', 'elsewhere');
		assert.strictEqual(findVaultRoot('/hugo', undefined, fileSystem), '/hugo/content');
		assert.strictEqual(findVaultRoot('/flat', undefined, fileSystem), '/flat');
		assert.strictEqual(findVaultRoot('/hidden', undefined, fileSystem), '/hidden');
		assert.strictEqual(findVaultRoot('/plain', undefined, fileSystem), '/plain');
		assert.strictEqual(findVaultRoot('/linked', undefined, fileSystem), '/linked/content');
		assert.strictEqual(findVaultRoot('/hugo', ' site ', fileSystem), '/hugo/site');
		assert.strictEqual(findVaultRoot('/hugo', '  ', fileSystem), '/hugo/content');
	});
});
