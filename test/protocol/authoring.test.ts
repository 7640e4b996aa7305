import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, CompletionList, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../support/applyEdits';
import { CURSOR } from '../support/cursor';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

const PAGE = [
	'---',
	'title: Authoring Probe',
	'---',
	'',
	'😀 A claim.[^1] Another.[^2] See [](/people/robert-max',
	'',
	'[^1]: A source.',
	'',
	'## Later',
	'',
].join('\r\n');

for (const snippetEdits of [true, false]) {
	describe(`authoring links and footnotes through the language server (client ${snippetEdits ? 'with' : 'without'} snippet edits)`, function () {
		this.timeout(60000);
		let dir: string;
		let client: LspTestClient;
		let uri: string;

		before(async () => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-authoring-'));
			fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
			fs.writeFileSync(path.join(dir, 'people', 'authoring-probe.md'), PAGE);
			uri = URI.file(path.join(dir, 'people', 'authoring-probe.md')).toString();
			client = await LspTestClient.indexedOn(dir, { snippetEdits });
			await client.open(uri, PAGE);
		});

		after(async () => {
			await client?.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		});

		it('fills an empty link text with the title of the page picked', async () => {
			const line = PAGE.split('\r\n')[4];
			const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: line.length } }) as CompletionList;
			const maxwell = list.items.find(item => item.label === 'Robert Maxwell');
			assert.ok(maxwell, JSON.stringify(list.items.map(item => item.label)));
			const after = applyTextEdits(PAGE, [maxwell.textEdit as TextEdit, ...(maxwell.additionalTextEdits ?? [])]);
			assert.strictEqual(after, PAGE.replace('See [](/people/robert-max', 'See [Robert Maxwell](/people/robert-maxwell/'));
		});

		it('adds a missing footnote definition after the last one, with the cursor in it when the client takes snippets', async () => {
			const diagnostics = await client.diagnosticsOf(uri, d => d.some(x => x.code === 'missing-footnote'));
			const missing = diagnostics.find(d => d.code === 'missing-footnote')!;
			const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } }) as CodeAction[];
			const add = actions.find(action => action.title === 'Add footnote definition [^2]');
			assert.ok(add, actions.map(action => action.title).join(' | '));
			const change = add.edit!.documentChanges![0] as TextDocumentEdit;
			assert.strictEqual(change.textDocument.uri, uri);
			const edits = change.edits as (TextEdit | SnippetTextEdit)[];
			assert.strictEqual(edits.every(edit => 'snippet' in edit), snippetEdits, JSON.stringify(edits));
			const expected = PAGE.replace('[^1]: A source.\r\n', `[^1]: A source.\r\n[^2]: ${snippetEdits ? CURSOR : ''}\r\n`);
			assert.strictEqual(applyTextEdits(PAGE, edits, CURSOR), expected);
		});
	});
}
