import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyWorkspaceEditToFiles } from '../support/applyEdits';
import { rangeOfText } from '../support/cursor';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

const X = '---\r\ntitle: X\r\n---\r\n# X\r\n\r\nSee [below](#early-life)[^src].\r\n\r\n## Early life 🙂\r\n\r\nBorn[^SRC].\r\n\r\n[^src]: A source.\r\n';
const PAGES: Record<string, string> = {
	'people/x.md': X,
	'notes/a.md': '---\ntitle: A\n---\n[X](/people/x/#early-life-), [file](../people/x.md#early-life-) and [top](/people/x/).\n\n`[code](/people/x/#early-life-)`\n',
	'notes/b.md': '---\ntitle: B\n---\nNothing about x.\n',
};

describe('renaming a heading or a footnote label over JSON-RPC', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const file = (relative: string) => path.join(dir, relative);

	beforeEach(async () => {
		dir = temporaryVault('ev-rename-in-page-', PAGES);
		client = await LspTestClient.indexedOn(dir);
		await client.open(URI.file(file('people/x.md')).toString(), X);
	});

	afterEach(async () => {
		await client.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function rename(at: string, newName: string): Promise<WorkspaceEdit> {
		const textDocument = { uri: URI.file(file('people/x.md')).toString() };
		const position = rangeOfText(X, at).start;
		const prepared = await client.connection.sendRequest('textDocument/prepareRename', { textDocument, position }) as { placeholder: string };
		assert.ok(prepared && typeof prepared.placeholder === 'string', JSON.stringify(prepared));
		return await client.connection.sendRequest('textDocument/rename', { textDocument, position, newName }) as WorkspaceEdit;
	}

	it('renames a heading: its text and the #anchor links to it on the page and in other pages, code and other links untouched', async () => {
		const edit = await rename('arly life', 'Childhood');
		const { written } = applyWorkspaceEditToFiles(edit);
		assert.deepStrictEqual(written.map(written => path.relative(dir, written).split(path.sep).join('/')).sort(), ['notes/a.md', 'people/x.md']);
		assert.strictEqual(fs.readFileSync(file('people/x.md'), 'utf8'), X.replace('## Early life 🙂', '## Childhood'));
		assert.strictEqual(fs.readFileSync(file('notes/a.md'), 'utf8'),
			'---\ntitle: A\n---\n[X](/people/x/#childhood), [file](../people/x.md#childhood) and [top](/people/x/).\n\n`[code](/people/x/#early-life-)`\n');
		assert.strictEqual(fs.readFileSync(file('notes/b.md'), 'utf8'), PAGES['notes/b.md']);
	});

	it('renames a footnote label: the definition and every use, in any spelling, CRLF kept', async () => {
		const edit = await rename('SRC]', 'dorril');
		applyWorkspaceEditToFiles(edit);
		assert.strictEqual(fs.readFileSync(file('people/x.md'), 'utf8'), X.replace('[^src].', '[^dorril].').replace('[^SRC]', '[^dorril]').replace('[^src]:', '[^dorril]:'));
	});

	it('renames a footnote label for a client that cannot rename files (no file moves), and refuses it the entity rename', async () => {
		const textClient = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }], resourceOperations: ['create'] });
		try {
			await textClient.initialize();
			await textClient.waitUntilIndexed();
			const textDocument = { uri: URI.file(file('people/x.md')).toString() };
			await textClient.open(textDocument.uri, X);
			const position = rangeOfText(X, 'SRC]').start;
			assert.deepStrictEqual(await textClient.connection.sendRequest('textDocument/prepareRename', { textDocument, position }), { range: rangeOfText(X, 'SRC'), placeholder: 'SRC' });
			applyWorkspaceEditToFiles(await textClient.connection.sendRequest('textDocument/rename', { textDocument, position, newName: 'dorril' }) as WorkspaceEdit);
			assert.strictEqual(fs.readFileSync(file('people/x.md'), 'utf8'), X.replace('[^src].', '[^dorril].').replace('[^SRC]', '[^dorril]').replace('[^src]:', '[^dorril]:'));
			const onTitle = rangeOfText(X, 'X\r\n---').start;
			await assert.rejects(textClient.connection.sendRequest('textDocument/prepareRename', { textDocument, position: onTitle }), /does not rename files/);
			await assert.rejects(textClient.connection.sendRequest('textDocument/rename', { textDocument, position: onTitle, newName: 'y' }), /does not rename files/);
		} finally {
			await textClient.shutdown();
		}
	});

	it('refuses a heading text whose anchor another heading has, with the reason', async () => {
		const textDocument = { uri: URI.file(file('people/x.md')).toString() };
		await assert.rejects(
			client.connection.sendRequest('textDocument/rename', { textDocument, position: rangeOfText(X, 'arly life').start, newName: 'X' }),
			/Another heading, "X", has the anchor #x/,
		);
	});
});
