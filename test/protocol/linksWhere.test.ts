import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, CodeLens, DocumentHighlight, FoldingRange, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../support/applyEdits';
import { rangeOfText } from '../support/cursor';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

const IRAN = '---\r\ntitle: Iran\r\n---\r\n\r\n# Iran 🙂\r\n\r\nOil[^b] and [history](#history)[^a].\r\n\r\n## History\r\n\r\nOld.\r\n\r\n[^a]: Alpha.\r\n[^b]: Beta.\r\n';
const PAGES: Record<string, string> = {
	'places/iran.md': IRAN,
	'people/a.md': '---\ntitle: A\n---\n[Iran](/places/iran/) and [again](../places/iran.md#history).\n',
	'people/b.md': '---\ntitle: B\n---\nNo link yet.\n',
};

describe('seeing what links where over JSON-RPC', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string) => URI.file(path.join(dir, relative)).toString();

	beforeEach(async () => {
		dir = temporaryVault('ev-links-where-', PAGES);
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }] });
		const result = await client.initialize();
		assert.deepStrictEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
		assert.strictEqual(result.capabilities.documentHighlightProvider, true);
		assert.strictEqual(result.capabilities.foldingRangeProvider, true);
		await client.waitUntilIndexed();
		await client.open(uriOf('places/iran.md'), IRAN);
	});

	afterEach(async () => {
		await client.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const codeLenses = () => client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf('places/iran.md') } }) as Promise<CodeLens[]>;

	it('gives resolved code lenses: the backlinks at the top, opening their links, and each footnote\'s uses', async () => {
		const lenses = await codeLenses();
		assert.deepStrictEqual(lenses.map(lens => [lens.range.start.line, lens.command?.title]), [[0, '1 backlink'], [12, '1 use'], [13, '1 use']]);
		const top = lenses[0].command!;
		assert.strictEqual(top.command, 'entityVault.showReferences');
		const [uri, position, locations] = top.arguments as [string, unknown, { uri: string }[]];
		assert.strictEqual(uri, uriOf('places/iran.md'));
		assert.deepStrictEqual(position, { line: 0, character: 0 });
		assert.deepStrictEqual(locations.map(location => location.uri), [uriOf('people/a.md'), uriOf('people/a.md')]);
	});

	it('asks the client to refresh the lenses when another page starts linking here, and shows none when the setting is off', async () => {
		await codeLenses();
		const b = uriOf('people/b.md');
		await client.open(b, PAGES['people/b.md']);
		await client.change(b, 2, [{ text: '---\ntitle: B\n---\nNow [Iran](/places/iran/).\n' }]);
		await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > 0);
		assert.strictEqual((await codeLenses())[0].command?.title, '2 backlinks');

		const before = client.codeLensRefreshes;
		client.settings = { codeLens: { enabled: false } };
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
		await client.waitFor('a code lens refresh after the setting', () => client.codeLensRefreshes > before);
		assert.deepStrictEqual(await codeLenses(), []);
	});

	it('highlights a footnote\'s reference and definition, and folds the frontmatter, the sections and the footnote block', async () => {
		const highlights = await client.connection.sendRequest('textDocument/documentHighlight', {
			textDocument: { uri: uriOf('places/iran.md') },
			position: rangeOfText(IRAN, '^a]').start,
		}) as DocumentHighlight[];
		assert.deepStrictEqual(highlights, [
			{ range: rangeOfText(IRAN, '[^a]'), kind: 2 },
			{ range: rangeOfText(IRAN, '[^a]:'), kind: 3 },
		]);
		const folding = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uriOf('places/iran.md') } }) as FoldingRange[];
		assert.deepStrictEqual(folding, [
			{ startLine: 0, endLine: 2, kind: 'comment' },
			{ startLine: 4, endLine: 13, kind: 'region' },
			{ startLine: 8, endLine: 13, kind: 'region' },
			{ startLine: 12, endLine: 13, kind: 'comment' },
		]);
	});

	it('offers Renumber footnotes as a source action whose edit renumbers the page, CRLF kept', async () => {
		const actions = await client.connection.sendRequest('textDocument/codeAction', {
			textDocument: { uri: uriOf('places/iran.md') },
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
			context: { diagnostics: [], only: ['source'] },
		}) as CodeAction[];
		assert.deepStrictEqual(actions.map(action => [action.title, action.kind]), [['Renumber footnotes', 'source.renumberFootnotes']]);
		const [change] = actions[0].edit!.documentChanges as TextDocumentEdit[];
		assert.strictEqual(change.textDocument.uri, uriOf('places/iran.md'));
		assert.strictEqual(change.textDocument.version, 1);
		assert.strictEqual(applyTextEdits(IRAN, change.edits),
			'---\r\ntitle: Iran\r\n---\r\n\r\n# Iran 🙂\r\n\r\nOil[^1] and [history](#history)[^2].\r\n\r\n## History\r\n\r\nOld.\r\n\r\n[^1]: Beta.\r\n[^2]: Alpha.\r\n');
		const quickFixesOnly = await client.connection.sendRequest('textDocument/codeAction', {
			textDocument: { uri: uriOf('places/iran.md') },
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
			context: { diagnostics: [], only: ['quickfix'] },
		}) as CodeAction[];
		assert.deepStrictEqual(quickFixesOnly, []);
	});
});
