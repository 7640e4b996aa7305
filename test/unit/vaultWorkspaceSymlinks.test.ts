import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listVaultPages, listVaultPagesInSteps, readVaultPage, readVaultPages, type PageReadResult } from '../../server/src/node/vaultFiles';
import { MemoryFileSystem, type FileAccess } from '../support/memoryFileSystem';
import { inVault, OUTSIDE, titled, titles, unreadablePages, VAULT_ROOT, workspaceOn, writeVault } from '../support/memoryVault';

const OUTSIDE_REASON = 'symbolic link pointing outside the vault; nothing outside the vault root is read';

/**
 * The accesses that reach outside the vault: any call given a path outside,
 * and any call but `realPath` (which only resolves a path) whose path leads
 * outside. The same rule as the hardening suite's spy on the real server.
 */
function accessesOutside(accesses: readonly FileAccess[]): FileAccess[] {
	const outside = (target: string | undefined): boolean => target !== undefined && (target === OUTSIDE || target.startsWith(`${OUTSIDE}/`));
	return accesses.filter(access => outside(access.path) || (access.operation !== 'realPath' && outside(access.real)));
}

/** A vault with links leading out of it (to a file, to a folder, relative and absolute) beside pages of its own. */
function vaultWithLinksOut(): MemoryFileSystem {
	const fileSystem = new MemoryFileSystem();
	writeVault(fileSystem, { 'people/a.md': titled('A', '[Secret](/leak/secret/)\n'), 'people/b.md': titled('B') });
	fileSystem.writeFile(`${OUTSIDE}/secret.md`, titled('Secret'));
	fileSystem.writeFile(`${OUTSIDE}/people/c.md`, titled('Outside C'));
	fileSystem.symlink(inVault('people/evil.md'), `${OUTSIDE}/secret.md`);
	fileSystem.symlink(inVault('people/relative.md'), '../../outside/secret.md');
	fileSystem.symlink(inVault('leak'), OUTSIDE);
	fileSystem.symlink(inVault('people/more'), '../../outside/people');
	return fileSystem;
}

describe('vault workspace: symbolic links (in-memory file system)', () => {
	it('follows links that stay inside the vault, listing every page once under its own path', async () => {
		const fileSystem = new MemoryFileSystem();
		writeVault(fileSystem, { 'people/a.md': titled('A'), '.archive/old.md': titled('Old') });
		fileSystem.symlink(inVault('mirror'), 'people');
		fileSystem.symlink(inVault('people/alias.md'), 'a.md');
		fileSystem.symlink(inVault('archive'), '.archive');
		fileSystem.symlink(inVault('places/b.md'), '/vault/people/a.md');
		const vault = workspaceOn(fileSystem);
		await vault.index();
		assert.deepStrictEqual(titles(vault), { 'archive/old.md': 'Old', 'people/a.md': 'A' });
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses), []);
	});

	it('never reads what a link leading out of the vault points to, while indexing or after', async () => {
		const fileSystem = vaultWithLinksOut();
		const vault = workspaceOn(fileSystem);
		await vault.index();
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'people/b.md': 'B' });
		// The pages behind links out are asked for on watched-file events and as link targets: each is refused unread.
		for (const page of ['people/evil.md', 'people/relative.md', 'leak/secret.md', 'people/more/c.md']) {
			vault.diskChanged(vault.relativePath(inVault(page))!);
		}
		vault.openDocument('people/d.md', '[Secret](/leak/secret/) [C](/people/more/c/)\n');
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A', 'people/b.md': 'B', 'people/d.md': 'D' });
		assert.deepStrictEqual(unreadablePages(vault).sort(), [
			['leak/secret.md', OUTSIDE_REASON],
			['people/evil.md', OUTSIDE_REASON],
			['people/more/c.md', OUTSIDE_REASON],
			['people/relative.md', OUTSIDE_REASON],
		]);
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses), []);
	});

	it('reads nothing outside for the pages a page links to while indexing runs', () => {
		const fileSystem = vaultWithLinksOut();
		const vault = workspaceOn(fileSystem);
		vault.openDocument('people/d.md', '[Secret](/leak/secret/) [C](/people/more/c/) [Evil](/people/evil/)\n');
		vault.ensureLinkTargets(vault.service.getPage('people/d.md')!);
		assert.deepStrictEqual(Object.keys(titles(vault)), ['people/d.md']);
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses), []);
	});

	it('reads a batch resolving each folder once, and still refuses every page that leads out of the vault', () => {
		const fileSystem = vaultWithLinksOut();
		fileSystem.symlink(inVault('people/alias.md'), 'a.md');
		fileSystem.clearAccesses();
		const pages = ['people/a.md', 'people/alias.md', 'people/b.md', 'people/evil.md', 'people/relative.md', 'leak/secret.md', 'people/more/c.md', 'people/gone.md'];
		const results = readVaultPages(VAULT_ROOT, pages, fileSystem);
		const outcome = (result: PageReadResult): string => ('parts' in result ? `title ${result.parts.title}` : 'error' in result ? result.error : 'record');
		assert.deepStrictEqual(results.map(outcome), [
			'title A', 'title A', 'title B', OUTSIDE_REASON, OUTSIDE_REASON, OUTSIDE_REASON, OUTSIDE_REASON,
			`cannot read: ENOENT: no such file or directory, open '${inVault('people/gone.md')}'`,
		]);
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses), []);
		const resolved = (target: string): number => fileSystem.accesses.filter(access => access.operation === 'realPath' && access.path === target).length;
		assert.strictEqual(resolved(inVault('people')), 1, 'the folder of five pages resolved once');
		assert.deepStrictEqual([resolved(inVault('people/a.md')), resolved(inVault('people/b.md'))], [0, 0], 'plain pages not resolved one by one');
		assert.ok(resolved(inVault('people/evil.md')) >= 1 && resolved(inVault('people/alias.md')) >= 1, 'a page that is a link is resolved');
		const stampOf = (result: PageReadResult): string | undefined => ('stamp' in result ? result.stamp : undefined);
		assert.deepStrictEqual(results.map(stampOf), pages.map(page => stampOf(readVaultPage(VAULT_ROOT, page, fileSystem))), 'the same stamps as one page at a time');
		assert.strictEqual(results.filter(result => stampOf(result) !== undefined).length, 3);
	});

	it('the outside check is not blind: reading through a link out is seen (positive control)', () => {
		const fileSystem = vaultWithLinksOut();
		fileSystem.readFile(inVault('people/evil.md'), 1000);
		fileSystem.stat(inVault('leak/secret.md'));
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses).map(access => access.operation), ['readFile', 'stat']);
	});

	it('a link retargeted out of the vault after indexing takes its page out, unread', async () => {
		const fileSystem = new MemoryFileSystem();
		writeVault(fileSystem, { 'people/b.md': titled('B') });
		fileSystem.writeFile(`${OUTSIDE}/secret.md`, titled('Secret'));
		fileSystem.symlink(inVault('places/moving.md'), '../people/b.md');
		fileSystem.symlink(inVault('places/other.md'), '/vault/people/b.md');
		const vault = workspaceOn(fileSystem);
		await vault.index();
		vault.openDocument('places/moving.md', titled('Moving'));
		vault.closeDocument('places/moving.md');
		assert.strictEqual(vault.service.getPage('places/moving.md')?.title, 'B', 'a link inside is read like a page');
		fileSystem.remove(inVault('places/moving.md'));
		fileSystem.symlink(inVault('places/moving.md'), `${OUTSIDE}/secret.md`);
		vault.diskChanged('places/moving.md');
		assert.strictEqual(vault.service.getPage('places/moving.md'), undefined);
		assert.deepStrictEqual(unreadablePages(vault), [['places/moving.md', OUTSIDE_REASON]]);
		assert.deepStrictEqual(accessesOutside(fileSystem.accesses), []);
	});

	it('terminates on link loops and dangling links, indexing each real page once', async () => {
		const fileSystem = new MemoryFileSystem();
		writeVault(fileSystem, { 'people/a.md': titled('A') });
		fileSystem.symlink(inVault('loop'), '.');
		fileSystem.symlink(inVault('people/up'), '..');
		fileSystem.symlink(inVault('people/x.md'), 'y.md');
		fileSystem.symlink(inVault('people/y.md'), 'x.md');
		fileSystem.symlink(inVault('people/gone.md'), 'nowhere.md');
		const vault = workspaceOn(fileSystem);
		await vault.index();
		assert.deepStrictEqual(titles(vault), { 'people/a.md': 'A' });
		assert.deepStrictEqual(unreadablePages(vault), []);
	});

	it('lists a folder per step (a warm start lists after ready, yielding between steps), the same listing as in one go', () => {
		const fileSystem = vaultWithLinksOut();
		writeVault(fileSystem, { 'places/iran.md': titled('Iran'), 'places/old/persia.md': titled('Persia'), 'images/map.png': 'png' });
		fileSystem.symlink(inVault('loop'), '.');
		const whole = listVaultPages(VAULT_ROOT, [], fileSystem);
		const before = fileSystem.accesses.length;
		const steps = listVaultPagesInSteps(VAULT_ROOT, [], fileSystem);
		let step = steps.next();
		let folderReads = 0;
		let count = 0;
		while (step.done !== true) {
			const reads = fileSystem.accesses.slice(before).filter(access => access.operation === 'readDirectory').length;
			assert.ok(reads - folderReads <= 1, `step ${count} read ${reads - folderReads} folders`);
			folderReads = reads;
			count++;
			step = steps.next();
		}
		assert.deepStrictEqual(step.value, whole);
		assert.ok(folderReads >= 5 && count > folderReads, `${count} steps, ${folderReads} folders read`);
		assert.ok(whole.pages.includes('places/old/persia.md') && whole.assets.includes('images/map.png'));
	});
});

/** One step of building a tree: a file with its text, or a link with its target. */
type TreeStep = { readonly file: string; readonly text: string } | { readonly link: string; readonly target: string };

const TREE: readonly TreeStep[] = [
	{ file: 'vault/people/a.md', text: titled('A', '[B](/people/b/)\n') },
	{ file: 'vault/people/b.md', text: titled('B') },
	{ file: 'vault/places/iran.markdown', text: '# Iran\n' },
	{ file: 'vault/places/notes.txt', text: 'not a page' },
	{ file: 'vault/.archive/old.md', text: titled('Old') },
	{ file: 'vault/node_modules/m/readme.md', text: '# Module' },
	{ file: 'vault/binary.md', text: 'a\0b' },
	{ file: 'outside/secret.md', text: titled('Secret') },
	{ file: 'outside/people/c.md', text: titled('C') },
	{ link: 'vault/mirror', target: 'people' },
	{ link: 'vault/archive', target: '.archive' },
	{ link: 'vault/people/alias.md', target: 'a.md' },
	{ link: 'vault/people/evil.md', target: '../../outside/secret.md' },
	{ link: 'vault/leak', target: '../outside' },
	{ link: 'vault/people/more', target: '../../outside/people' },
	{ link: 'vault/loop', target: '.' },
	{ link: 'vault/people/x.md', target: 'y.md' },
	{ link: 'vault/people/y.md', target: 'x.md' },
	{ link: 'vault/people/gone.md', target: 'nowhere.md' },
	{ link: 'vault/places/folder.md', target: '../people' },
];

/** A read result without its stamp (the times differ between the two file systems). */
function withoutStamp(result: PageReadResult): object {
	if ('error' in result) {
		return result;
	}
	const { stamp, ...rest } = result;
	assert.match(stamp, /^\d+:\d+(\.\d+)?$/);
	return rest;
}

describe('in-memory file system against the real one', function () {
	let base: string;

	before(function () {
		if (process.platform === 'win32') {
			this.skip();
		}
		base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-memory-fs-')));
	});

	after(() => {
		if (base) {
			fs.rmSync(base, { recursive: true, force: true });
		}
	});

	it('lists and reads the same tree of pages, links in, out, looping and dangling, the same way', () => {
		const memory = new MemoryFileSystem();
		for (const step of TREE) {
			const target = path.join(base, 'link' in step ? step.link : step.file);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			if ('link' in step) {
				fs.symlinkSync(step.target, target);
				memory.symlink(target, step.target);
			} else {
				fs.writeFileSync(target, step.text);
				memory.writeFile(target, step.text);
			}
		}
		const root = path.join(base, 'vault');
		const real = listVaultPages(root);
		const inMemory = listVaultPages(root, [], memory);
		assert.deepStrictEqual(inMemory, real);
		assert.deepStrictEqual(real.pages, ['archive/old.md', 'binary.md', 'people/a.md', 'people/b.md', 'places/iran.markdown']);
		const asked = [...real.pages, ...real.skipped.map(entry => `${entry.path}`).filter(entry => entry.endsWith('.md')), 'leak/secret.md', 'people/more/c.md', 'people/missing.md', 'places/folder.md', 'places/notes.txt/x.md'];
		for (const page of asked) {
			assert.deepStrictEqual(withoutStamp(readVaultPage(root, page, memory)), withoutStamp(readVaultPage(root, page)), page);
		}
	});
});
