import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { toWorkspaceEdit } from '../../server/src/node/workspaceEdits';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';
import { applyVaultEdit, applyWorkspaceEditToFiles } from '../support/applyEdits';

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

const EDIT: VaultEdit = {
	deleteFiles: [{ path: 'old/gone.md' }],
	renameFiles: [{ from: 'people/x.md', to: 'people/y.md' }, { from: 'places', to: 'sites' }],
	changes: [{ path: 'people/x.md', edits: [{ range: AT_START, newText: 'X' }] }, { path: 'places/a.md', edits: [{ range: AT_START, newText: 'A' }] }],
	createFiles: [{ path: 'notes/new.md', text: 'new\n' }],
};

describe('workspace edits with renamed and deleted files', () => {
	it('orders the operations as the editor applies them: creates, text edits (versioned when open), renames, deletes', () => {
		const vault = {} as VaultWorkspace;
		const edit = toWorkspaceEdit({ uriOf: (_vault, page) => `file:///v/${page}`, versionOf: uri => (uri === 'file:///v/places/a.md' ? 7 : undefined) }, vault, EDIT);
		assert.deepStrictEqual(edit.documentChanges, [
			{ kind: 'create', uri: 'file:///v/notes/new.md', options: { overwrite: false, ignoreIfExists: true } },
			{ textDocument: { uri: 'file:///v/notes/new.md', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'new\n' }] },
			{ textDocument: { uri: 'file:///v/people/x.md', version: null }, edits: [{ range: AT_START, newText: 'X' }] },
			{ textDocument: { uri: 'file:///v/places/a.md', version: 7 }, edits: [{ range: AT_START, newText: 'A' }] },
			{ kind: 'rename', oldUri: 'file:///v/people/x.md', newUri: 'file:///v/people/y.md', options: { overwrite: false } },
			{ kind: 'rename', oldUri: 'file:///v/places', newUri: 'file:///v/sites', options: { overwrite: false } },
			{ kind: 'delete', uri: 'file:///v/old/gone.md' },
		]);
	});

	it('applies them to an in-memory vault: a folder rename moves every path under it', () => {
		const texts = new Map([['people/x.md', 'x\n'], ['places/a.md', 'a\n'], ['places/deep/b.md', 'b\n'], ['placesque.md', 'q\n'], ['old/gone.md', 'g\n']]);
		applyVaultEdit(texts, EDIT);
		assert.deepStrictEqual(Object.fromEntries([...texts].sort()), {
			'notes/new.md': 'new\n',
			'people/y.md': 'X\n',
			'placesque.md': 'q\n',
			'sites/a.md': 'A\n',
			'sites/deep/b.md': 'b\n',
		});
	});

	it('refuses a rename onto an existing path, or of nothing, and a deletion of nothing', () => {
		assert.throws(() => applyVaultEdit(new Map([['a.md', ''], ['b.md', '']]), { renameFiles: [{ from: 'a.md', to: 'b.md' }] }), /b\.md: it exists/);
		assert.throws(() => applyVaultEdit(new Map([['a/x.md', ''], ['b/x.md', '']]), { renameFiles: [{ from: 'a', to: 'b' }] }), /b\/x\.md: it exists/);
		assert.throws(() => applyVaultEdit(new Map(), { renameFiles: [{ from: 'a.md', to: 'b.md' }] }), /nothing at a\.md/);
		assert.throws(() => applyVaultEdit(new Map(), { deleteFiles: [{ path: 'a.md' }] }), /no file a\.md/);
	});

	it('applies an LSP WorkspaceEdit to real files, refusing a rename onto an existing file', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-edit-'));
		try {
			const write = (relative: string, text: string): void => {
				fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
				fs.writeFileSync(path.join(root, relative), text);
			};
			write('people/x.md', 'x\n');
			write('places/a.md', 'a\n');
			write('places/deep/b.md', 'b\n');
			write('old/gone.md', 'g\n');
			const edit = toWorkspaceEdit({ uriOf: (_vault, page) => URI.file(path.join(root, page)).toString(), versionOf: () => undefined }, {} as VaultWorkspace, EDIT);
			applyWorkspaceEditToFiles(edit);
			const read = (relative: string): string | undefined => (fs.existsSync(path.join(root, relative)) ? fs.readFileSync(path.join(root, relative), 'utf8') : undefined);
			assert.deepStrictEqual(
				['notes/new.md', 'people/x.md', 'people/y.md', 'places/a.md', 'sites/a.md', 'sites/deep/b.md', 'old/gone.md'].map(read),
				['new\n', undefined, 'X\n', undefined, 'A\n', 'b\n', undefined],
			);
			const onto: WorkspaceEdit = { documentChanges: [{ kind: 'rename', oldUri: URI.file(path.join(root, 'people/y.md')).toString(), newUri: URI.file(path.join(root, 'sites/a.md')).toString(), options: { overwrite: false } }] };
			assert.throws(() => applyWorkspaceEditToFiles(onto), /it exists/);
			assert.strictEqual(read('people/y.md'), 'X\n');
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});
