import * as assert from 'assert';
import { loadIndexCache } from '../../server/src/node/indexCache';
import { fileStamp } from '../../server/src/node/vaultFiles';
import type { MemoryFileSystem } from '../support/memoryFileSystem';
import { DEFAULT_SETTINGS, type VaultSettings } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { CACHE_FILE, inVault, memoryVault, titled, titles, VAULT_ROOT, workspaceOn } from '../support/memoryVault';


/** The vault paths whose files were read. */
function pagesRead(fileSystem: MemoryFileSystem): string[] {
	return fileSystem.accesses.filter(access => access.operation === 'readFile').map(access => access.path.slice(VAULT_ROOT.length + 1)).sort();
}

/** Indexes a vault with a persisted index and writes it; gives the file system, ready for a second start. */
async function indexedOnce(files: Record<string, string>, settings?: VaultSettings): Promise<MemoryFileSystem> {
	const { vault, fileSystem } = memoryVault(files, { cache: true, settings });
	await vault.index();
	await vault.flushCache();
	vault.dispose();
	fileSystem.clearAccesses();
	return fileSystem;
}

/** Rewrites a file with other text of the same length and gives it back its time: only the persisted index can still show the old text. */
function replaceKeepingStamp(fileSystem: MemoryFileSystem, relative: string, text: string): void {
	const before = fileSystem.stat(inVault(relative));
	fileSystem.writeFile(inVault(relative), text);
	fileSystem.setModificationTime(inVault(relative), before.mtimeMs);
	assert.strictEqual(fileStamp(fileSystem.stat(inVault(relative))), fileStamp(before));
}

const PAGES = { 'people/a.md': titled('A1'), 'people/b.md': titled('B1'), 'places/c.md': titled('C1') };

describe('vault workspace: persisted index (in-memory file system)', () => {
	it('is written after indexing, with the stamp of every page', async () => {
		const fileSystem = await indexedOnce(PAGES);
		const cached = await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem);
		assert.deepStrictEqual([...cached.keys()].sort(), Object.keys(PAGES));
		for (const [page, { stamp }] of cached) {
			assert.strictEqual(stamp, fileStamp(fileSystem.stat(inVault(page))));
		}
	});

	it("keeps the site's pages in other formats: known at a warm start's ready, corrected once the vault is listed", async () => {
		const settings = { ...DEFAULT_SETTINGS, site: { ...DEFAULT_SITE_RULES, generator: 'hugo' as const, contentFolders: [''] } };
		const fileSystem = await indexedOnce({ 'a.md': titled('A', '[D](/donate/) [L](/legal/)\n'), 'donate.html': '<p>Give.</p>\n' }, settings);
		fileSystem.remove(inVault('donate.html'));
		fileSystem.writeFile(inVault('legal.html'), '<p>Legal.</p>\n');
		const vault = workspaceOn(fileSystem, { cache: true, settings });
		const published = (): string[] => ['/donate/', '/legal/'].filter(url => vault.service.index.site.isExternal(url));
		await vault.index();
		assert.deepStrictEqual(published(), ['/donate/'], 'as written, before any listing');
		await vault.whenVerified();
		assert.deepStrictEqual(published(), ['/legal/'], 'as listed');
	});

	it('gives the pages whose size and time are unchanged without reading them', async () => {
		const fileSystem = await indexedOnce(PAGES);
		replaceKeepingStamp(fileSystem, 'people/a.md', titled('A2'));
		const vault = workspaceOn(fileSystem, { cache: true });
		await vault.index();
		await vault.whenVerified();
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A1', 'people/b.md': 'B1', 'places/c.md': 'C1' });
		assert.deepStrictEqual(pagesRead(fileSystem), []);
	});

	it('reads again the pages changed since, takes out the deleted ones and reads the new ones', async () => {
		const fileSystem = await indexedOnce(PAGES);
		fileSystem.writeFile(inVault('people/a.md'), titled('A2'));
		fileSystem.remove(inVault('people/b.md'));
		fileSystem.writeFile(inVault('people/d.md'), titled('D1'));
		const vault = workspaceOn(fileSystem, { cache: true });
		await vault.index();
		// Ready from the persisted index alone: nothing listed, stat'ed or read yet.
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A1', 'people/b.md': 'B1', 'places/c.md': 'C1' });
		assert.deepStrictEqual(fileSystem.accesses.filter(access => access.path.startsWith(VAULT_ROOT)), []);
		// Then checked against the disk in the background.
		await vault.whenVerified();
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A2', 'people/d.md': 'D1', 'places/c.md': 'C1' });
		assert.deepStrictEqual(pagesRead(fileSystem), ['people/a.md', 'people/d.md']);
		// The cache is rewritten to match.
		await vault.flushCache();
		const cached = await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem);
		assert.deepStrictEqual([...cached.keys()].sort(), ['people/a.md', 'people/d.md', 'places/c.md']);
	});

	it('is ignored whole when corrupt, cut short or empty: every page is read', async () => {
		for (const damage of [
			(bytes: Uint8Array) => bytes.map((byte, i) => (i > 8 ? byte ^ 0x5a : byte)),
			(bytes: Uint8Array) => bytes.subarray(0, bytes.length - 3),
			() => new Uint8Array(0),
			() => new TextEncoder().encode('not an index at all'),
		]) {
			const fileSystem = await indexedOnce(PAGES);
			replaceKeepingStamp(fileSystem, 'people/a.md', titled('A2'));
			fileSystem.writeFile(CACHE_FILE, damage(await fileSystem.readWholeFile(CACHE_FILE)));
			fileSystem.clearAccesses();
			const vault = workspaceOn(fileSystem, { cache: true });
			await vault.index();
			assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A2', 'people/b.md': 'B1', 'places/c.md': 'C1' });
			assert.deepStrictEqual(pagesRead(fileSystem), Object.keys(PAGES));
		}
	});

	it('is checked as it is read, a piece at a time: loads whole, and a byte changed in any piece makes it ignored', async () => {
		const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`people/p${i}.md`, titled(`P${i}`, `[Next](/people/p${i + 1}/) and some words of text.\n`)]));
		const fileSystem = await indexedOnce(many);
		const whole = await fileSystem.readWholeFile(CACHE_FILE);
		// The in-memory file system reads in pieces of 1,000 bytes: the file spans many.
		assert.ok(whole.length > 10_000, `${whole.length} bytes`);
		assert.strictEqual((await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem)).size, 80);
		for (const at of [1500, Math.floor(whole.length / 3), Math.floor(whole.length / 2), whole.length - 5000, whole.length - 200]) {
			const damaged = Uint8Array.from(whole);
			damaged[at] ^= 0x01;
			fileSystem.writeFile(CACHE_FILE, damaged);
			assert.strictEqual((await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem)).size, 0, `byte ${at} of ${whole.length}`);
		}
		fileSystem.writeFile(CACHE_FILE, whole);
		assert.strictEqual((await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem)).size, 80, 'the control: the whole file loads');
	});

	it('is not used for a page opened in the editor, nor written for it', async () => {
		const fileSystem = await indexedOnce(PAGES);
		const vault = workspaceOn(fileSystem, { cache: true });
		vault.openDocument('people/a.md', titled('A in the editor'));
		await vault.index();
		await vault.flushCache();
		assert.strictEqual(vault.service.getPage('people/a.md')?.title, 'A in the editor');
		const cached = await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem);
		assert.deepStrictEqual([...cached.keys()].sort(), ['people/b.md', 'places/c.md']);
	});

	it('follows changes on disk after indexing when flushed (at shutdown)', async () => {
		const fileSystem = await indexedOnce(PAGES);
		const vault = workspaceOn(fileSystem, { cache: true });
		await vault.index();
		await vault.flushCache();
		fileSystem.writeFile(inVault('people/a.md'), titled('A2'));
		vault.diskChanged('people/a.md');
		fileSystem.remove(inVault('people/b.md'));
		vault.diskDeleted('people/b.md');
		await vault.flushCache();
		vault.dispose();
		const cached = await loadIndexCache(CACHE_FILE, VAULT_ROOT, fileSystem);
		assert.deepStrictEqual([...cached.keys()].sort(), ['people/a.md', 'places/c.md']);
		assert.strictEqual(cached.get('people/a.md')?.stamp, fileStamp(fileSystem.stat(inVault('people/a.md'))));
		// The next start takes the changed page from the persisted index.
		replaceKeepingStamp(fileSystem, 'people/a.md', titled('A3'));
		fileSystem.clearAccesses();
		const next = workspaceOn(fileSystem, { cache: true });
		await next.index();
		await next.whenVerified();
		assert.deepStrictEqual(titles(next), { 'people/a.md': 'A2', 'places/c.md': 'C1' });
		assert.deepStrictEqual(pagesRead(fileSystem), []);
	});

	it('is never written without a cache file, and the vault reads nothing but its own pages', async () => {
		const { vault, fileSystem } = memoryVault(PAGES);
		await vault.index();
		await vault.saveCache();
		await vault.flushCache();
		assert.strictEqual(fileSystem.exists(CACHE_FILE), false);
		assert.deepStrictEqual(fileSystem.accesses.filter(access => !access.path.startsWith(VAULT_ROOT)), []);
	});
});
