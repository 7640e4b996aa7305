import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import type { PageParser } from '../../server/src/node/pageParser';
import { readVaultPage, type PageReadResult } from '../../server/src/node/vaultFiles';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import type { MemoryFileSystem } from '../support/memoryFileSystem';
import { CACHE_FILE, inVault, memoryVault, titled, titles, VAULT_ROOT } from '../support/memoryVault';

/**
 * Reads the pages it is given at once, then holds the results until `release`:
 * a test acts between the background read and its landing in the index.
 */
class HeldParser implements PageParser {
	readonly read: string[] = [];
	private released!: () => void;
	private readonly gate = new Promise<void>(resolve => {
		this.released = resolve;
	});
	private readDone!: () => void;
	/** Resolved once a batch was read (and is held). */
	readonly hasRead = new Promise<void>(resolve => {
		this.readDone = resolve;
	});

	constructor(private readonly fileSystem: MemoryFileSystem) { }

	async parseAll(root: string, paths: readonly string[], onBatch: (results: readonly PageReadResult[]) => void | Promise<void>): Promise<void> {
		const results = paths.map(relative => readVaultPage(root, relative, this.fileSystem));
		this.read.push(...paths);
		if (paths.length > 0) {
			this.readDone();
			await this.gate;
		}
		await onBatch(results);
	}

	release(): void {
		this.released();
	}
}

const PAGES = { 'people/a.md': titled('A1'), 'people/b.md': titled('B1'), 'people/linker.md': titled('Linker', '[A](/people/a/)\n') };

/** A vault indexed once with a persisted index written, then `a` changed on disk; a second workspace on it, parsing with a held parser. */
async function warmVaultWithStalePage(): Promise<{ fileSystem: MemoryFileSystem; vault: VaultWorkspace; parser: HeldParser; patched: string[] }> {
	const { vault: first, fileSystem } = memoryVault(PAGES, { cache: true });
	await first.index();
	await first.flushCache();
	first.dispose();
	fileSystem.writeFile(inVault('people/a.md'), titled('A2, changed'));
	const parser = new HeldParser(fileSystem);
	const vault = new VaultWorkspace(`file://${VAULT_ROOT}`, VAULT_ROOT, VAULT_ROOT, { settings: DEFAULT_SETTINGS, excludes: [], pool: parser, cacheFile: CACHE_FILE, fileSystem });
	const patched: string[] = [];
	await vault.index(undefined, { patched: path => patched.push(path ?? '(files)') });
	return { fileSystem, vault, parser, patched };
}

describe('warm start: the check against the disk (in-memory file system)', () => {
	it('is ready with the persisted index, then patches the stale page and tells it', async () => {
		const { vault, parser, patched } = await warmVaultWithStalePage();
		assert.strictEqual(vault.isIndexed, true);
		assert.strictEqual(vault.verifyingPages, 3);
		assert.strictEqual(titles(vault)['people/a.md'], 'A1');
		await parser.hasRead;
		parser.release();
		await vault.whenVerified();
		assert.strictEqual(titles(vault)['people/a.md'], 'A2, changed');
		assert.deepStrictEqual(parser.read, ['people/a.md']);
		assert.deepStrictEqual(patched, ['(files)', 'people/a.md']);
		assert.strictEqual(vault.verifyingPages, 0);
	});

	it('never lets an older background read overwrite a change the watcher brought meanwhile', async () => {
		const { fileSystem, vault, parser } = await warmVaultWithStalePage();
		await parser.hasRead;
		fileSystem.writeFile(inVault('people/a.md'), titled('A3, newer still'));
		vault.diskChanged('people/a.md');
		parser.release();
		await vault.whenVerified();
		assert.strictEqual(titles(vault)['people/a.md'], 'A3, newer still');
	});

	it('never lets a background read overwrite a page opened meanwhile, nor one deleted meanwhile', async () => {
		const { fileSystem, vault, parser } = await warmVaultWithStalePage();
		await parser.hasRead;
		vault.openDocument('people/a.md', titled('A in the editor'));
		fileSystem.remove(inVault('people/b.md'));
		vault.diskDeleted('people/b.md');
		parser.release();
		await vault.whenVerified();
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A in the editor', 'people/linker.md': 'Linker' });
	});

	it('checks one page on demand (completion resolve), and nothing once the check is over', async () => {
		const { fileSystem, vault, parser, patched } = await warmVaultWithStalePage();
		vault.checkPageNow('people/b.md');
		assert.deepStrictEqual(patched, []);
		vault.checkPageNow('people/a.md');
		assert.strictEqual(titles(vault)['people/a.md'], 'A2, changed');
		assert.deepStrictEqual(patched, ['people/a.md']);
		parser.release();
		await vault.whenVerified();
		fileSystem.writeFile(inVault('people/b.md'), titled('B2, after the check: the watcher tells'));
		vault.checkPageNow('people/b.md');
		assert.strictEqual(titles(vault)['people/b.md'], 'B1');
	});

	it('checks a link target on demand before the background gets to it (a request about it)', async () => {
		const { vault, parser, patched } = await warmVaultWithStalePage();
		vault.ensureLinkTargets(vault.service.getPage('people/linker.md')!);
		assert.strictEqual(titles(vault)['people/a.md'], 'A2, changed');
		assert.deepStrictEqual(patched, ['people/a.md']);
		// The background check finds it done: nothing read for it.
		parser.release();
		await vault.whenVerified();
		assert.deepStrictEqual(parser.read, []);
		assert.strictEqual(titles(vault)['people/a.md'], 'A2, changed');
	});
});
