import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CompletionItem, CompletionList, Hover, Location, CodeAction, DocumentLink, DocumentSymbol, InitializeResult, MarkupContent, TextDocumentEdit, CreateFile, SymbolInformation } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

function copyExampleVault(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-protocol-'));
	fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
	return dir;
}

const DRAFT = [
	'---',
	'title: Draft 👩‍💻 Page',
	'category: Person',
	'created: 2026-05-14',
	'updated: 2026-05-14',
	'summary: A page under test.',
	'tags:',
	'- Test',
	'---',
	'',
	'😀 See [Maxwell](/people/robert-maxwell/) and [Iran](/places/irn/) and [MI6](/organizations/mi6/#robert-maxwell).[^1]',
	'Also [^2].',
	'',
	'[^1]: A source.',
	'',
].join('\n');

describe('language server over JSON-RPC (stdio)', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	let init: InitializeResult;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();

	before(async () => {
		dir = copyExampleVault();
		fs.writeFileSync(path.join(dir, 'people', 'draft.md'), DRAFT);
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }] });
		init = await client.initialize();
		await client.waitUntilIndexed();
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('announces its features, reports indexing progress and registers file watchers', () => {
		const capabilities = init.capabilities;
		assert.ok(capabilities.definitionProvider && capabilities.hoverProvider && capabilities.completionProvider && capabilities.codeActionProvider);
		assert.ok(capabilities.documentLinkProvider && capabilities.documentSymbolProvider && capabilities.workspaceSymbolProvider && capabilities.referencesProvider);
		const ready = client.statuses[client.statuses.length - 1];
		assert.strictEqual(ready.state, 'ready');
		assert.strictEqual(ready.pages, 23);
		const kinds = client.progress.map(p => (p as { value: { kind: string } }).value.kind);
		assert.strictEqual(kinds[0], 'begin');
		assert.strictEqual(kinds[kinds.length - 1], 'end');
		assert.ok(client.registrations.some(r => r.method === 'workspace/didChangeWatchedFiles'));
	});

	it('publishes diagnostics for an opened page and updates them on incremental edits', async () => {
		const uri = uriOf('people/draft.md');
		await client.open(uri, DRAFT);
		const diagnostics = await client.diagnosticsOf(uri, d => d.length > 0);
		assert.deepStrictEqual(diagnostics.map(d => d.code).sort(), ['broken-link', 'missing-footnote']);
		const broken = diagnostics.find(d => d.code === 'broken-link')!;
		const line = DRAFT.split('\n')[10];
		assert.deepStrictEqual(broken.range, { start: { line: 10, character: line.indexOf('/places/irn/') }, end: { line: 10, character: line.indexOf('/places/irn/') + 12 } });
		assert.deepStrictEqual((broken.data as { suggestions: { url: string }[] }).suggestions.map(s => s.url)[0], '/places/iran/');
		// Fix the link with an incremental edit: insert the missing "a".
		const at = line.indexOf('/places/irn/') + '/places/ir'.length;
		await client.change(uri, 2, [{ range: { start: { line: 10, character: at }, end: { line: 10, character: at } }, text: 'a' }]);
		const after = await client.diagnosticsOf(uri, d => !d.some(x => x.code === 'broken-link'));
		assert.deepStrictEqual(after.map(d => d.code), ['missing-footnote']);
		assert.strictEqual(client.diagnostics.get(uri)!.version, 2);
		// Put the typo back for the next tests.
		await client.change(uri, 3, [{ range: { start: { line: 10, character: at }, end: { line: 10, character: at + 1 } }, text: '' }]);
		await client.diagnosticsOf(uri, d => d.some(x => x.code === 'broken-link'));
	});

	it('publishes the empty list for an opened page without problems, for each version', async () => {
		const uri = uriOf('people/clean-page.md');
		const text = [
			'---',
			'title: Clean Page',
			'category: Person',
			'created: 2026-05-14',
			'updated: 2026-05-14',
			'summary: A page without problems.',
			'tags:',
			'- Test',
			'---',
			'',
			'See [Maxwell](/people/robert-maxwell/).',
			'',
		].join('\n');
		assert.strictEqual(client.diagnostics.get(uri), undefined);
		await client.open(uri, text, 1);
		const first = await client.waitFor('diagnostics of the clean page', () => client.diagnostics.get(uri));
		assert.deepStrictEqual(first, { uri, version: 1, diagnostics: [] });
		await client.change(uri, 2, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'Still clean. ' }]);
		const second = await client.waitFor('diagnostics of the second version', () => client.diagnostics.get(uri)?.version === 2 && client.diagnostics.get(uri));
		assert.deepStrictEqual(second, { uri, version: 2, diagnostics: [] });
		await client.close(uri);
	});

	it('goes to the definition of an entity link, a fragment and a footnote', async () => {
		const uri = uriOf('people/draft.md');
		const line = DRAFT.split('\n')[10];
		const onLink = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 10, character: line.indexOf('Maxwell](') + 2 } }) as Location[];
		assert.deepStrictEqual(onLink.map(l => l.uri), [uriOf('people/robert-maxwell.md')]);
		const onFragment = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 10, character: line.indexOf('#robert-maxwell') + 3 } }) as Location[];
		assert.strictEqual(onFragment[0].uri, uriOf('organizations/mi6.md'));
		const mi6Lines = fs.readFileSync(path.join(dir, 'organizations', 'mi6.md'), 'utf8').split('\n');
		assert.strictEqual(mi6Lines[onFragment[0].range.start.line], '### Robert Maxwell');
		const onFootnote = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 10, character: line.indexOf('[^1]') + 1 } }) as Location[];
		assert.deepStrictEqual(onFootnote.map(l => [l.uri, l.range.start.line]), [[uri, 13]]);
	});

	it('hovers an entity link with its card', async () => {
		const uri = uriOf('people/draft.md');
		const line = DRAFT.split('\n')[10];
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: line.indexOf('/people/robert-maxwell/') + 5 } }) as Hover;
		const value = (hover.contents as MarkupContent).value;
		const page = fs.readFileSync(path.join(dir, 'people', 'robert-maxwell.md'), 'utf8');
		assert.match(value, /Robert Maxwell/);
		const category = /^category: (.*)$/m.exec(page)![1];
		assert.ok(value.includes(category), value);
		assert.match(value, /people\/robert-maxwell\.md/);
		assert.match(value, /[Ll]inked from \d+ page/);
		const broken = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: line.indexOf('/places/irn/') + 3 } }) as Hover;
		assert.match((broken.contents as MarkupContent).value, /\/places\/iran\//);
	});

	it('completes section slugs by title and whole links from link text', async () => {
		const uri = uriOf('people/probe.md');
		const text = 'See [x](/places/';
		await client.open(uri, text);
		const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } }) as CompletionList;
		const labels = list.items.map(item => item.label);
		assert.ok(labels.includes('Iran'), labels.join(', '));
		assert.ok(labels.includes('London'), labels.join(', '));
		// The summary is sent when the editor resolves the item it shows.
		const london = list.items.find(item => item.label === 'London')!;
		assert.strictEqual(london.documentation, undefined);
		const resolved = await client.connection.sendRequest('completionItem/resolve', london) as CompletionItem;
		assert.match((resolved.documentation as MarkupContent).value, /capital/i);
		assert.strictEqual(resolved.label, 'London');
		await client.change(uri, 2, [{ text: 'See [Robert Max' }]);
		const linkList = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 'See [Robert Max'.length } }) as CompletionList;
		const maxwell = linkList.items.find(item => JSON.stringify(item).includes('[Robert Maxwell](/people/robert-maxwell/)'));
		assert.ok(maxwell, JSON.stringify(linkList.items.slice(0, 3)));
		await client.close(uri);
	});

	it('offers quick fixes as workspace edits, including creating the missing page', async () => {
		const uri = uriOf('people/draft.md');
		const diagnostics = await client.diagnosticsOf(uri, d => d.some(x => x.code === 'broken-link'));
		const broken = diagnostics.find(d => d.code === 'broken-link')!;
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: broken.range, context: { diagnostics: [broken] } }) as CodeAction[];
		const replace = actions.find(a => a.title.includes('/places/iran/'))!;
		assert.ok(replace, actions.map(a => a.title).join(' | '));
		assert.strictEqual(replace.kind, 'quickfix');
		const edit = replace.edit!.documentChanges![0] as TextDocumentEdit;
		assert.strictEqual(edit.textDocument.uri, uri);
		assert.deepStrictEqual(edit.edits[0].range, broken.range);
		assert.strictEqual((edit.edits[0] as { newText: string }).newText, '/places/iran/');
		const create = actions.find(a => a.edit?.documentChanges?.some(change => (change as CreateFile).kind === 'create'))!;
		assert.ok(create, actions.map(a => a.title).join(' | '));
		const createFile = create.edit!.documentChanges!.find(change => (change as CreateFile).kind === 'create') as CreateFile;
		assert.strictEqual(createFile.uri, uriOf('places/irn.md'));
		assert.strictEqual(fs.existsSync(path.join(dir, 'places', 'irn.md')), false, 'the server never writes files');
	});

	it('follows pages created and deleted on disk (watched files)', async () => {
		const uri = uriOf('people/draft.md');
		const target = path.join(dir, 'places', 'irn.md');
		fs.writeFileSync(target, '---\ntitle: Irn\ncategory: Place\ncreated: 2026-05-14\nupdated: 2026-05-14\nsummary: Test.\ntags: [T]\n---\n');
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(target).toString(), type: 1 }] });
		await client.diagnosticsOf(uri, d => !d.some(x => x.code === 'broken-link'));
		fs.rmSync(target);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(target).toString(), type: 3 }] });
		await client.diagnosticsOf(uri, d => d.some(x => x.code === 'broken-link'));
	});

	it('lists document links, document symbols, workspace symbols and references', async () => {
		const uri = uriOf('people/draft.md');
		const links = await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }) as DocumentLink[];
		assert.ok(links.some(link => link.target === uriOf('people/robert-maxwell.md')), JSON.stringify(links));
		const mi6 = uriOf('organizations/mi6.md');
		await client.open(mi6, fs.readFileSync(path.join(dir, 'organizations', 'mi6.md'), 'utf8'));
		const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: mi6 } }) as DocumentSymbol[];
		assert.ok(JSON.stringify(symbols).includes('Operation Boot: The Iran Coup'));
		const workspace = await client.connection.sendRequest('workspace/symbol', { query: 'maxwel' }) as SymbolInformation[];
		assert.ok(workspace.some(symbol => symbol.name === 'Robert Maxwell' && symbol.location.uri === uriOf('people/robert-maxwell.md')), JSON.stringify(workspace));
		const line = DRAFT.split('\n')[10];
		const references = await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 10, character: line.indexOf('/people/robert-maxwell/') + 3 }, context: { includeDeclaration: false } }) as Location[];
		assert.ok(references.some(reference => reference.uri === mi6), JSON.stringify(references));
		assert.ok(references.some(reference => reference.uri === uri));
		await client.close(mi6);
	});

	it('applies setting changes without a restart', async () => {
		const uri = uriOf('people/draft.md');
		client.settings = { diagnostics: { severity: { 'broken-link': 'off' } } };
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await client.diagnosticsOf(uri, d => !d.some(x => x.code === 'broken-link') && d.some(x => x.code === 'missing-footnote'));
		client.settings = {};
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await client.diagnosticsOf(uri, d => d.some(x => x.code === 'broken-link'));
	});

	it('answers Check Vault with counts and publishes every page', async () => {
		const result = await client.connection.sendRequest('entityVault/checkVault') as { pages: number; errors: number; warnings: number };
		assert.deepStrictEqual(result, { pages: 23, errors: 2, warnings: 0 });
		await client.waitFor('diagnostics of every page', () => client.diagnostics.size >= 1);
		const info = await client.connection.sendRequest('entityVault/vaultInfo') as { vaults: { sections: string[]; pages: number }[] };
		assert.deepStrictEqual(info.vaults[0].sections, ['events', 'organizations', 'people', 'places', 'programs']);
		const template = await client.connection.sendRequest('entityVault/newPageTemplate', { rootUri: URI.file(dir).toString(), section: 'people', title: 'Kim Philby' }) as { uri: string; text: string };
		assert.strictEqual(template.uri, uriOf('people/kim-philby.md'));
		assert.match(template.text, /^---\n/);
		assert.match(template.text, /title: Kim Philby/);
		const existing = await client.connection.sendRequest('entityVault/newPageTemplate', { rootUri: URI.file(dir).toString(), section: 'people', title: 'Robert Maxwell' }) as { uri: string; exists: boolean };
		assert.deepStrictEqual(existing, { uri: uriOf('people/robert-maxwell.md'), text: '', exists: true });
	});
});

describe('language server while indexing a large vault', function () {
	this.timeout(120000);
	const PAGES = 6000;
	/** Every 40th page is a person titled "… Quokka": 150 pages, under the completion cap, spread over the people/ section. */
	const isQuokka = (i: number): boolean => i % 40 === 0;
	const QUOKKAS = PAGES / 40;
	let dir: string;
	let client: LspTestClient;

	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-large-'));
		for (const section of ['people', 'places']) {
			fs.mkdirSync(path.join(dir, section));
		}
		const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40);
		for (let i = 0; i < PAGES; i++) {
			const section = i % 2 === 0 ? 'people' : 'places';
			const links = [1, 2, 3].map(k => `[Page ${(i + k) % PAGES}](/${(i + k) % 2 === 0 ? 'people' : 'places'}/page-${(i + k) % PAGES}/)`).join(' ');
			fs.writeFileSync(path.join(dir, section, `page-${i}.md`), `---\ntitle: Page ${i}${isQuokka(i) ? ' Quokka' : ''}\ncategory: Test\nsummary: Summary of page ${i}.\ntags: [T${i % 7}]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n\n${filler}\n\n${links}\n`);
		}
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('answers requests mid-indexing with the pages they need or have so far, and honours cancellation while it waits', async () => {
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'large' }] });
		await client.initialize();
		// page-5996 links to page-5999, the last page the indexer reads (places/ sorts after people/).
		const uri = URI.file(path.join(dir, 'people', 'page-5996.md')).toString();
		const text = fs.readFileSync(path.join(dir, 'people', 'page-5996.md'), 'utf8');
		await client.open(uri, text);
		const lines = text.split('\n');
		const line = lines.findIndex(l => l.includes('/page-5999/'));
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf('/page-5999/') + 2 } }) as Hover;
		const readyBeforeHover = client.statuses.some(s => s.state === 'ready');
		assert.match((hover.contents as MarkupContent).value, /Page 5999/);
		assert.match((hover.contents as MarkupContent).value, /Summary of page 5999/);
		// The hover was answered from the target page alone, before indexing finished.
		assert.strictEqual(readyBeforeHover, false, 'indexing finished before the hover: make the vault larger');

		// Completion does not wait for indexing: it answers from the pages indexed so far, marked
		// incomplete, and fills in as indexing proceeds (a new page, linking nothing of its own).
		const draft = '---\ntitle: Draft\n---\n\nSee [a quokka](/people/quokka';
		const draftUri = URI.file(path.join(dir, 'people', 'draft.md')).toString();
		await client.open(draftUri, draft);
		const completionParams = { textDocument: { uri: draftUri }, position: { line: 4, character: draft.split('\n')[4].length } };
		const quokkasIn = (list: CompletionList): number => new Set(list.items.map(item => {
			const match = /^people\/page-(\d+)\.md$/.exec((item.data as { page: string }).page);
			assert.ok(match && isQuokka(Number(match[1])), `not a quokka: ${item.label}`);
			return Number(match[1]);
		})).size;
		const isReady = (): boolean => client.statuses.some(s => s.state === 'ready');
		const midIndexing: number[] = [];
		/** Asks for the completion while indexing runs, until it has items (or `untilReady`, until indexing is done). */
		const completeWhileIndexing = async (untilReady: boolean): Promise<void> => {
			while (!isReady() && (untilReady || !midIndexing.some(count => count > 0))) {
				const list = await client.connection.sendRequest('textDocument/completion', completionParams) as CompletionList;
				if (isReady()) {
					break;
				}
				assert.strictEqual(list.isIncomplete, true, 'a list answered while indexing runs is incomplete');
				midIndexing.push(quokkasIn(list));
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		};
		await completeWhileIndexing(false);
		const firstItems = midIndexing.find(count => count > 0);
		assert.ok(firstItems !== undefined && firstItems < QUOKKAS, `indexing finished before the completion had items (make the vault larger): ${midIndexing}`);

		// Workspace symbols also answer from the pages indexed so far.
		const partial = await client.connection.sendRequest('workspace/symbol', { query: 'quokka' }) as SymbolInformation[];
		assert.strictEqual(isReady(), false, 'indexing finished before the symbols: make the vault larger');
		assert.ok(partial.length > 0 && partial.length < QUOKKAS, `symbols while indexing: ${partial.length}`);

		// References wait for the whole vault; cancelled while waiting, the request is answered
		// as cancelled (or empty) at once, and the server goes on.
		const source = new CancellationTokenSource();
		const references = { textDocument: { uri }, position: { line, character: lines[line].indexOf('/page-5999/') + 2 }, context: { includeDeclaration: false } };
		const pending = client.connection.sendRequest('textDocument/references', references, source.token);
		// Cancelled once the server waits with it.
		await new Promise(resolve => setTimeout(resolve, 100));
		source.cancel();
		const outcome = await pending.then(result => ({ result }), error => ({ error: error as { code: number } }));
		assert.strictEqual(isReady(), false, 'the cancelled request waited for indexing (or the vault is too small)');
		if ('error' in outcome) {
			assert.strictEqual(outcome.error.code, -32800);
		} else {
			assert.deepStrictEqual(outcome.result, []);
		}

		await completeWhileIndexing(true);
		assert.deepStrictEqual(midIndexing, [...midIndexing].sort((a, b) => a - b), 'the list only grows as indexing proceeds');
		const ready = await client.waitUntilIndexed(90000);
		assert.strictEqual(ready.pages, PAGES + 1);
		const full = await client.connection.sendRequest('textDocument/completion', completionParams) as CompletionList;
		assert.strictEqual(full.isIncomplete, false);
		assert.strictEqual(quokkasIn(full), QUOKKAS);
		const symbols = await client.connection.sendRequest('workspace/symbol', { query: 'page 5999' }) as SymbolInformation[];
		assert.ok(symbols.some(symbol => symbol.name === 'Page 5999'));
		const quokkas = await client.connection.sendRequest('workspace/symbol', { query: 'quokka' }) as SymbolInformation[];
		assert.strictEqual(quokkas.length, QUOKKAS);
	});
});
