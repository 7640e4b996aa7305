import * as assert from 'assert';
import { URI } from 'vscode-uri';
import { countLinkEdits, planMoves, type MovePlan } from '../../server/src/node/fileMoves';
import { InProcessPageParser } from '../../server/src/node/pageParser';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { inVault, titled, VAULT_ROOT, workspaceOn, writeVault } from '../support/memoryVault';

const fileUri = (absolute: string) => URI.file(absolute).toString();
const rename = (from: string, to: string) => ({ oldUri: fileUri(from), newUri: fileUri(to) });

/** A plan with the vaults named by their roots, for comparing. */
function named(plan: MovePlan<VaultWorkspace>): { within: unknown; left: unknown; arrived: unknown } {
	return {
		within: [...plan.within].map(([vault, moves]) => [vault.root, moves]),
		left: plan.left.map(({ vault, path, folder }) => [vault.root, path, folder]),
		arrived: plan.arrived.map(({ vault, path, folder }) => [vault.root, path, folder]),
	};
}

/** `/vault` (pages in people/ and places/, drafts/ excluded), and `/vault/nested` a vault of its own inside it, and `/other`. */
function setup() {
	const fileSystem = new MemoryFileSystem();
	writeVault(fileSystem, {
		'people/ada.md': titled('Ada'),
		'people/asia/bob.md': titled('Bob'),
		'places/paris.md': titled('Paris'),
		'drafts/x.md': titled('X'),
		'nested/things/cup.md': titled('Cup'),
		'folder.md/inside.md': titled('A folder named like a page'),
	});
	fileSystem.writeFile('/other/people/eve.md', titled('Eve'));
	const vault = workspaceOn(fileSystem, { excludes: ['drafts/**'] });
	const other = (root: string) => new VaultWorkspace(fileUri(root), root, root, { settings: DEFAULT_SETTINGS, excludes: [], pool: new InProcessPageParser(fileSystem), fileSystem });
	const nested = other(`${VAULT_ROOT}/nested`);
	const elsewhere = other('/other');
	return { fileSystem, vault, nested, elsewhere, vaults: [vault, nested, elsewhere] };
}

describe('file moves: mapping renamed files and folders to the vaults', () => {
	it('a page moved to another section, or renamed, is a move inside its vault', () => {
		const { vaults } = setup();
		const plan = planMoves(vaults, [rename(inVault('people/ada.md'), inVault('places/ada.md')), rename(inVault('places/paris.md'), inVault('places/paris-france.markdown'))], 'old');
		assert.deepStrictEqual(named(plan), {
			within: [[VAULT_ROOT, [{ from: 'people/ada.md', to: 'places/ada.md' }, { from: 'places/paris.md', to: 'places/paris-france.markdown' }]]],
			left: [],
			arrived: [],
		});
	});

	it('a folder (a section, a folder in one, or one named like a page) is told from a page by the disk: the old path before the move, the new one after', async () => {
		const { vaults, fileSystem } = setup();
		const before = planMoves(vaults, [rename(inVault('people'), inVault('persons')), rename(inVault('people/asia'), inVault('places/asia')), rename(inVault('folder.md'), inVault('people/folder.md'))], 'old');
		assert.deepStrictEqual(named(before).within, [[VAULT_ROOT, [{ from: 'people', to: 'persons' }, { from: 'people/asia', to: 'places/asia' }, { from: 'folder.md', to: 'people/folder.md' }]]]);
		await fileSystem.rename(inVault('people'), inVault('persons'));
		const after = planMoves(vaults, [rename(inVault('people'), inVault('persons'))], 'new');
		assert.deepStrictEqual(named(after).within, [[VAULT_ROOT, [{ from: 'people', to: 'persons' }]]]);
		assert.deepStrictEqual(named(planMoves(vaults, [rename(inVault('people'), inVault('persons'))], 'old')).within, [], 'the old folder is gone: it reads as a page path, and a folder name is no page');
	});

	it('a page moved out of the vault (outside every root, into an excluded folder, or to a name that is no page) left it: there it is deleted', () => {
		const { vaults } = setup();
		const plan = planMoves(vaults, [
			rename(inVault('people/ada.md'), '/tmp/ada.md'),
			rename(inVault('places/paris.md'), inVault('drafts/paris.md')),
			rename(inVault('people/asia/bob.md'), inVault('people/asia/bob.txt')),
		], 'old');
		assert.deepStrictEqual(named(plan), {
			within: [],
			left: [[VAULT_ROOT, 'people/ada.md', false], [VAULT_ROOT, 'places/paris.md', false], [VAULT_ROOT, 'people/asia/bob.md', false]],
			arrived: [],
		});
	});

	it('a page or folder moved from one vault to another (a nested one: the innermost vault holds it) left the first and arrived in the second; one from outside arrived', () => {
		const { vaults } = setup();
		const plan = planMoves(vaults, [
			rename(inVault('people/ada.md'), `${VAULT_ROOT}/nested/things/ada.md`),
			rename('/other/people', inVault('others')),
			rename('/tmp/new.md', '/other/people/new.md'),
			rename(inVault('nested/things/cup.md'), inVault('nested/things/mug.md')),
		], 'old');
		assert.deepStrictEqual(named(plan), {
			within: [[`${VAULT_ROOT}/nested`, [{ from: 'things/cup.md', to: 'things/mug.md' }]]],
			left: [[VAULT_ROOT, 'people/ada.md', false], ['/other', 'people', true]],
			arrived: [[`${VAULT_ROOT}/nested`, 'things/ada.md', false], [VAULT_ROOT, 'others', true], ['/other', 'people/new.md', false]],
		});
	});

	it('the vault root itself, a URI that is not a file, and a name that does not change are no move', () => {
		const { vaults } = setup();
		const plan = planMoves(vaults, [
			rename(VAULT_ROOT, '/vault2'),
			{ oldUri: 'untitled:Untitled-1', newUri: fileUri(inVault('people/u.md')) },
			{ oldUri: fileUri(inVault('people/ada.md')), newUri: fileUri(inVault('people/ada.md')) },
		], 'old');
		assert.deepStrictEqual(named(plan), { within: [], left: [], arrived: [] });
	});

	it('counts the links (text edits) and the pages of an edit', () => {
		const edit = (line: number) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: 'x' });
		assert.deepStrictEqual(countLinkEdits({
			documentChanges: [
				{ textDocument: { uri: 'file:///a.md', version: null }, edits: [edit(0), edit(1)] },
				{ textDocument: { uri: 'file:///b.md', version: 3 }, edits: [edit(2)] },
				{ textDocument: { uri: 'file:///c.md', version: null }, edits: [] },
				{ kind: 'rename', oldUri: 'file:///d.md', newUri: 'file:///e.md' },
			],
		}), { links: 3, pages: 2 });
		assert.deepStrictEqual(countLinkEdits({}), { links: 0, pages: 0 });
	});
});
