import * as assert from 'assert';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { IndexWorkerPool } from '../../server/src/node/indexWorkerPool';
import { folderSettingsFrom } from '../../server/src/node/serverSettings';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { WorkspaceVaults } from '../../server/src/node/workspaceVaults';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';

/** Nothing is read from disk: locating a page and naming its URI only compare paths. */
const base = path.resolve('/tmp/entity-vault-workspace-vaults');
const pool = new IndexWorkerPool(1);

function vaultAt(root: string): VaultWorkspace {
	return new VaultWorkspace(URI.file(root).toString(), root, root, { settings: DEFAULT_SETTINGS, excludes: [], pool });
}

const fileUri = (...segments: string[]) => URI.file(path.join(base, ...segments)).toString();

describe('the workspace vaults', () => {
	after(() => pool.dispose());

	it('locates a page whatever the spelling of its URI, and names it by the editor\'s spelling while it is open', () => {
		const vaults = new WorkspaceVaults();
		const vault = vaultAt(base);
		vaults.add(vault, folderSettingsFrom(undefined));
		const plain = fileUri('people', 'kim philby.md');
		const encoded = plain.replace('kim%20philby', 'kim%20phi%6Cby').replace('people', '%70eople');
		assert.notStrictEqual(encoded, plain);
		assert.deepStrictEqual(vaults.locate(plain), { vault, path: 'people/kim philby.md' });
		assert.deepStrictEqual(vaults.locate(encoded), { vault, path: 'people/kim philby.md' });

		assert.strictEqual(vaults.uriOf(vault, 'people/kim philby.md'), plain);
		vaults.rememberOpen({ vault, path: 'people/kim philby.md' }, encoded);
		assert.strictEqual(vaults.uriOf(vault, 'people/kim philby.md'), encoded);
		assert.strictEqual(vaults.uriOf(vault, 'people/robert-maxwell.md'), fileUri('people', 'robert-maxwell.md'));
		vaults.forgetOpen({ vault, path: 'people/kim philby.md' });
		assert.strictEqual(vaults.uriOf(vault, 'people/kim philby.md'), plain);

		// Two open pages: forgetting one keeps the other's spelling.
		const otherEncoded = fileUri('people', 'robert-maxwell.md').replace('people', '%70eople');
		vaults.rememberOpen({ vault, path: 'people/kim philby.md' }, encoded);
		vaults.rememberOpen({ vault, path: 'people/robert-maxwell.md' }, otherEncoded);
		vaults.forgetOpen({ vault, path: 'people/kim philby.md' });
		assert.strictEqual(vaults.uriOf(vault, 'people/kim philby.md'), plain);
		assert.strictEqual(vaults.uriOf(vault, 'people/robert-maxwell.md'), otherEncoded);
		vaults.forgetOpen({ vault, path: 'people/robert-maxwell.md' });
		assert.strictEqual(vaults.uriOf(vault, 'people/robert-maxwell.md'), fileUri('people', 'robert-maxwell.md'));

		vaults.rememberOpen({ vault, path: 'people/kim philby.md' }, encoded);
		vaults.forgetAllOpen();
		assert.strictEqual(vaults.uriOf(vault, 'people/kim philby.md'), plain);
	});

	it('locates nothing outside the vaults, of another scheme, or that is not a page', () => {
		const vaults = new WorkspaceVaults();
		vaults.add(vaultAt(path.join(base, 'vault')), folderSettingsFrom(undefined));
		assert.strictEqual(vaults.locate(fileUri('elsewhere', 'a.md')), undefined);
		assert.strictEqual(vaults.locate(fileUri('vault', 'people', 'a.txt')), undefined);
		assert.strictEqual(vaults.locate(fileUri('vault', '.hidden', 'a.md')), undefined);
		assert.strictEqual(vaults.locate(fileUri('vault', 'people', 'a.md').replace(/^file:/, 'untitled:')), undefined);
		assert.strictEqual(vaults.locate('vscode-notebook-cell:/x/a.md#cell'), undefined);
		assert.strictEqual(new WorkspaceVaults().locate(fileUri('vault', 'people', 'a.md')), undefined);
	});

	it('gives a page of nested vault roots to the innermost vault, whatever the order of the vaults', () => {
		const outer = vaultAt(base);
		const inner = vaultAt(path.join(base, 'content'));
		for (const order of [[outer, inner], [inner, outer]]) {
			const vaults = new WorkspaceVaults();
			for (const vault of order) {
				vaults.add(vault, folderSettingsFrom(undefined));
			}
			assert.deepStrictEqual(vaults.locate(fileUri('content', 'people', 'a.md')), { vault: inner, path: 'people/a.md' });
			assert.deepStrictEqual(vaults.locate(fileUri('people', 'a.md')), { vault: outer, path: 'people/a.md' });
		}
	});

	it('keeps each vault\'s settings and whether it was checked whole, and forgets both with the vaults', () => {
		const vaults = new WorkspaceVaults();
		const vault = vaultAt(base);
		const wide = folderSettingsFrom({ diagnostics: { scope: 'vault' } });
		vaults.add(vault, folderSettingsFrom(undefined));
		vault.openDocument('people/open.md', '# Open\n');
		assert.strictEqual(vaults.settingsOf(vault).scope, 'openFiles');
		assert.deepStrictEqual([vaults.shouldPublish(vault, 'people/open.md'), vaults.shouldPublish(vault, 'people/closed.md')], [true, false]);

		vaults.markCheckedWhole(vault);
		assert.strictEqual(vaults.shouldPublish(vault, 'people/closed.md'), true);
		vaults.unmarkCheckedWhole(vault);
		assert.strictEqual(vaults.shouldPublish(vault, 'people/closed.md'), false);

		vaults.setSettings(vault, wide);
		assert.strictEqual(vaults.settingsOf(vault), wide);
		assert.strictEqual(vaults.shouldPublish(vault, 'people/closed.md'), true);

		vaults.markCheckedWhole(vault);
		assert.deepStrictEqual(vaults.removeAll(), [vault]);
		assert.deepStrictEqual(vaults.all, []);
		// Not checked whole any more, and back to the open-files scope: a closed page is not published.
		assert.strictEqual(vaults.shouldPublish(vault, 'people/closed.md'), false);
		assert.deepStrictEqual(vaults.settingsOf(vault), folderSettingsFrom(undefined));
	});

	it('resolves whenVaultsCreated once the setup steps queued so far have run, in order', async () => {
		const vaults = new WorkspaceVaults();
		const steps: string[] = [];
		let finishFirst!: () => void;
		vaults.queueSetup(() => new Promise<void>(resolve => {
			finishFirst = () => {
				steps.push('first');
				vaults.add(vaultAt(base), folderSettingsFrom(undefined));
				resolve();
			};
		}));
		vaults.queueSetup(async () => {
			steps.push(`second, after ${vaults.all.length} vault`);
		});
		let created = false;
		const waiting = vaults.whenVaultsCreated().then(() => {
			created = true;
		});
		await new Promise(resolve => setImmediate(resolve));
		assert.strictEqual(created, false);
		assert.deepStrictEqual(steps, []);
		finishFirst();
		await waiting;
		assert.deepStrictEqual(steps, ['first', 'second, after 1 vault']);
		assert.strictEqual(vaults.all.length, 1);
		// A request that comes later does not wait for anything.
		await vaults.whenVaultsCreated();
	});
});
