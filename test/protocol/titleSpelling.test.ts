import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/applyEdits';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

/** The seed page with neither its summary nor its first sentence naming MI6 (the seed itself is titled MI6 from them): titled Mi6 from its file name. */
const SEED = fs.readFileSync(path.join(repoRoot, 'examples', 'vault', 'organizations', 'mi6.md'), 'utf8')
	.replace(/summary: [^]*?\ntags:/, 'summary: The service.\ntags:').replace('known popularly as MI6, ', '');
const LINKER = '---\ntitle: Kim Philby\n---\n\nHe worked for [Mi6](/organizations/mi6/).\n';

describe('language server: the title-spelling hint over JSON-RPC', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-title-'));
		fs.mkdirSync(path.join(dir, 'organizations'));
		fs.mkdirSync(path.join(dir, 'people'));
		fs.writeFileSync(path.join(dir, 'organizations', 'mi6.md'), SEED);
		fs.writeFileSync(path.join(dir, 'people', 'kim-philby.md'), LINKER);
		client = await LspTestClient.indexedOn(dir);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('republishes the page when a linking page starts writing MI6, and its quick fix adds title: MI6', async () => {
		const mi6 = uriOf('organizations/mi6.md');
		const philby = uriOf('people/kim-philby.md');
		await client.open(mi6, SEED, 1);
		const first = await client.diagnosticsOf(mi6, () => true);
		assert.ok(first.length > 0 && !first.some(d => d.code === 'title-spelling'), 'the one linking page writes Mi6');
		await client.open(philby, LINKER, 1);
		const at = LINKER.split('\n')[4].indexOf('Mi6');
		await client.change(philby, 2, [{ range: { start: { line: 4, character: at }, end: { line: 4, character: at + 3 } }, text: 'MI6' }]);
		// Only the linking page was edited: the hint comes from IndexChange.affected.
		const withHint = await client.diagnosticsOf(mi6, d => d.some(x => x.code === 'title-spelling'));
		const hint = withHint.find(d => d.code === 'title-spelling')!;
		assert.strictEqual(hint.message, 'Title Mi6 is made from the file name, but 1 page linking here writes MI6. Add title: MI6 to the frontmatter.');
		assert.deepStrictEqual(hint.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
		assert.strictEqual(hint.severity, 4);
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: mi6 }, range: hint.range, context: { diagnostics: [hint] } }) as CodeAction[];
		assert.deepStrictEqual(actions.map(a => a.title), ['Add title: MI6']);
		const edit = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
		assert.strictEqual(edit.textDocument.uri, mi6);
		const fixed = applyTextEdits(SEED, edit.edits as TextEdit[]);
		assert.strictEqual(fixed, SEED.replace('updated: 2026-05-14\n---\n', 'updated: 2026-05-14\ntitle: MI6\n---\n'));
		await client.change(mi6, 2, [{ text: fixed }]);
		await client.diagnosticsOf(mi6, d => d.length > 0 && !d.some(x => x.code === 'title-spelling'));
		assert.strictEqual(fs.readFileSync(path.join(dir, 'organizations', 'mi6.md'), 'utf8'), SEED, 'the server never writes files');
	});
});
