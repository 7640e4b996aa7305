import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyTextEdits, applyWorkspaceEditToFiles } from '../support/applyEdits';
import { checkFolder } from '../support/checkCommand';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

const PROBE = [
	'---',
	'category: Person',
	'created: 2026-05-14',
	'summary: A probe.',
	'tags:',
	'- Person',
	'title: Probe',
	'updated: 2026-05-20',
	'---',
	'',
	'😀 The probe met Sami Kallio in [London](/places/london/).[^1] See https://example.org/report. Again.[^2]',
	'',
	'[^1]: Smith, *A Report*, 1990.',
	'[^2]: smith, *a report*, 1990',
	'',
].join('\r\n');

describe('pages from text and citations through the language server', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	let uri: string;

	const codeActions = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> =>
		await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }) as CodeAction[];
	const rangeOf = (fragment: string): { start: { line: number; character: number }; end: { line: number; character: number } } => {
		const lines = PROBE.split('\r\n');
		const line = lines.findIndex(candidate => candidate.includes(fragment));
		const character = lines[line].indexOf(fragment);
		return { start: { line, character }, end: { line, character: character + fragment.length } };
	};

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-pages-from-text-'));
		fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'people', 'probe.md'), PROBE);
		uri = URI.file(path.join(dir, 'people', 'probe.md')).toString();
		client = await LspTestClient.indexedOn(dir);
		await client.open(uri, PROBE);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('creates a page for a selection and links it, in one workspace edit applied to the files; check then finds the link resolved', async () => {
		const actions = await codeActions(rangeOf('Sami Kallio'));
		const create = actions.find(action => action.title === "Create a page for 'Sami Kallio' in /people/ and link it");
		assert.ok(create, actions.map(action => action.title).join(' | '));
		assert.strictEqual(create.kind, 'refactor.extract');
		assert.ok(actions.some(action => action.title === "Create a page for 'Sami Kallio' in /places/ and link it"));
		assert.strictEqual(fs.existsSync(path.join(dir, 'people', 'sami-kallio.md')), false, 'the server never writes files');
		applyWorkspaceEditToFiles(create.edit!);
		const page = fs.readFileSync(path.join(dir, 'people', 'sami-kallio.md'), 'utf8');
		assert.match(page, /^---\ncategory: Person\ncreated: \d{4}-\d{2}-\d{2}\n(.*\n)*tags:\n- Person\ntitle: Sami Kallio\n(.*\n)*---\n\n$/);
		assert.strictEqual(fs.readFileSync(path.join(dir, 'people', 'probe.md'), 'utf8'), PROBE.replace('met Sami Kallio in', 'met [Sami Kallio](/people/sami-kallio/) in'));
		const problems = checkFolder(dir).diagnostics
			.filter(problem => problem.file === 'people/probe.md' || problem.file === 'people/sami-kallio.md');
		// The link resolves; the new page waits only for its summary, as a New Page does.
		assert.deepStrictEqual(problems.map(problem => `${problem.file} ${problem.code}`), ['people/probe.md duplicate-citation', 'people/sami-kallio.md frontmatter-field']);
		assert.match(problems[1].message, /summary/);
		fs.writeFileSync(path.join(dir, 'people', 'probe.md'), PROBE);
	});

	it('only answers the kinds asked for', async () => {
		const only = async (kinds: string[]): Promise<CodeAction[]> => await client.connection.sendRequest('textDocument/codeAction',
			{ textDocument: { uri }, range: rangeOf('Sami Kallio'), context: { diagnostics: [], only: kinds } }) as CodeAction[];
		assert.ok((await codeActions(rangeOf('Sami Kallio'))).some(action => action.kind === 'refactor.extract'));
		const refactors = await only(['refactor']);
		assert.ok(refactors.length > 0 && refactors.every(action => action.kind === 'refactor.extract'), JSON.stringify(refactors.map(action => action.kind)));
		assert.deepStrictEqual(await only(['quickfix']), []);
	});

	it('cites a bare URL as the next footnote', async () => {
		const actions = await codeActions(rangeOf('example.org'));
		const cite = actions.find(action => action.title === 'Cite as a footnote: [^3]: <https://example.org/report>');
		assert.ok(cite, actions.map(action => action.title).join(' | '));
		assert.strictEqual(cite.kind, 'quickfix');
		const edit = cite.edit!.documentChanges![0] as TextDocumentEdit;
		assert.strictEqual(edit.textDocument.uri, uri);
		assert.strictEqual(applyTextEdits(PROBE, edit.edits), PROBE
			.replace('See https://example.org/report. Again', 'See [^3]. Again')
			.replace('[^2]: smith, *a report*, 1990\r\n', '[^2]: smith, *a report*, 1990\r\n[^3]: <https://example.org/report>\r\n'));
	});

	it('hints at a repeated citation and replaces it by the first', async () => {
		const diagnostics = await client.diagnosticsOf(uri, published => published.some(diagnostic => diagnostic.code === 'duplicate-citation'));
		const duplicate = diagnostics.find(diagnostic => diagnostic.code === 'duplicate-citation')!;
		assert.strictEqual(duplicate.message, 'Footnote [^2] cites the same as [^1]: use [^1] instead.');
		assert.strictEqual(duplicate.severity, 4);
		const actions = await codeActions(duplicate.range, [duplicate]);
		const use = actions.find(action => action.title === 'Use [^1] instead');
		assert.ok(use, actions.map(action => action.title).join(' | '));
		const edit = use.edit!.documentChanges![0] as TextDocumentEdit;
		assert.strictEqual(applyTextEdits(PROBE, edit.edits), PROBE.replace('Again.[^2]', 'Again.[^1]').replace('[^2]: smith, *a report*, 1990\r\n', ''));
	});
});
