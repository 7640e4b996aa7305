import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileChangeType, type Diagnostic, type FileEvent, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { countLinkEdits } from '../../server/src/node/fileMoves';
import { applyWorkspaceEditToFiles } from '../support/applyEdits';
import { linkTargetsByTitle } from '../support/linkTargets';
import { LspTestClient } from '../support/lspClient';
import { checkWithCli, DECOYS, readMarkdownFiles, writeMoveFixture, type CheckedProblem } from '../support/moveFixture';

/** Hints for links written otherwise than `/SECTION/SLUG/` quote the link, which a move rewrites: compared apart (see below). */
const CHECK_ARGS = ['--severity', 'non-canonical-link=off'];
const SERVER_SEVERITY = { 'non-canonical-link': 'off' };

const uriOf = (dir: string, relative: string) => URI.file(path.join(dir, ...relative.split('/'))).toString();

/** Where a page went: its new path when it was moved (as a page, or in a folder), else the same. */
function movedPath(page: string, moves: readonly { from: string; to: string }[]): string {
	for (const { from, to } of moves) {
		if (page === from) {
			return to;
		}
		if (page.startsWith(`${from}/`)) {
			return to + page.slice(from.length);
		}
	}
	return page;
}

/** The latest non-empty diagnostics the server published, as the CLI reports them, sorted. */
function publishedProblems(client: LspTestClient, dir: string): CheckedProblem[] {
	const severities = ['', 'error', 'warning', 'information', 'hint'];
	const problems: CheckedProblem[] = [];
	for (const [uri, { diagnostics }] of client.diagnostics) {
		const file = path.relative(dir, URI.parse(uri).fsPath).split(path.sep).join('/');
		for (const diagnostic of diagnostics) {
			problems.push({ file, line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1, code: String(diagnostic.code), severity: severities[diagnostic.severity ?? 1], message: String(diagnostic.message) });
		}
	}
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** The text edits of a WorkspaceEdit, by file URI. */
function textEditsByUri(edit: WorkspaceEdit): Map<string, TextDocumentEdit> {
	return new Map((edit.documentChanges ?? []).filter((change): change is TextDocumentEdit => 'edits' in change).map(change => [change.textDocument.uri, change]));
}

describe('moves in the explorer over JSON-RPC: willRenameFiles, didRenameFiles (real server, real files)', function () {
	this.timeout(120000);
	let dir: string;
	let client: LspTestClient;

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-moves-'));
		writeMoveFixture(dir, 200, 520);
		client = new LspTestClient({
			workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }],
			settings: { diagnostics: { scope: 'vault', severity: SERVER_SEVERITY }, updateLinksOnMove: 'always' },
		});
		const result = await client.initialize();
		assert.deepStrictEqual(result.capabilities.workspace?.fileOperations?.willRename?.filters?.map(filter => [filter.pattern.glob, filter.pattern.matches]), [['**/*.{md,markdown}', 'file'], ['**/*', 'folder']]);
		assert.deepStrictEqual(result.capabilities.workspace?.fileOperations?.didRename, result.capabilities.workspace?.fileOperations?.willRename);
		await client.waitUntilIndexed();
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/**
	 * Moves pages or folders as VS Code does: asks willRenameFiles, applies the
	 * edit to the files (the watcher reports them changed, a while before the
	 * move), moves them, sends didRenameFiles, then the watcher's deletions
	 * and creations. Returns the edit and every diagnostic published meanwhile.
	 */
	async function move(moves: { from: string; to: string }[]): Promise<{ edit: WorkspaceEdit; published: Diagnostic[][]; statuses: string[] }> {
		const files = moves.map(({ from, to }) => ({ oldUri: uriOf(dir, from), newUri: uriOf(dir, to) }));
		const edit = await client.connection.sendRequest('workspace/willRenameFiles', { files }) as WorkspaceEdit;
		assert.ok(edit, 'an edit');
		const publishedBefore = client.diagnosticsHistory.length;
		const statusCount = client.statuses.length;
		{
			const written = applyWorkspaceEditToFiles(edit).written;
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: written.map(file => ({ uri: URI.file(file).toString(), type: FileChangeType.Changed })) });
			// Once the server has read them (it answers in order), longer than the diagnostics' debounce:
			// the edited pages now link to paths that the move has not made yet.
			await client.connection.sendRequest('entityVault/vaultInfo');
			await new Promise(resolve => setTimeout(resolve, 600));
			for (const { from, to } of moves) {
				fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
				fs.renameSync(path.join(dir, from), path.join(dir, to));
			}
			await client.connection.sendNotification('workspace/didRenameFiles', { files });
			// As VS Code's watcher reports a move: the old file or folder deleted, the new one created (for a folder, nothing about the files in it).
			const watcherEvents: FileEvent[] = moves.flatMap(({ from, to }) => [
				{ uri: uriOf(dir, from), type: FileChangeType.Deleted },
				{ uri: uriOf(dir, to), type: FileChangeType.Created },
			]);
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: watcherEvents });
			// Settled: nothing published for a second.
			let count = -1;
			while (count !== client.diagnosticsHistory.length) {
				count = client.diagnosticsHistory.length;
				await new Promise(resolve => setTimeout(resolve, 1000));
			}
		}
		const published = client.diagnosticsHistory.slice(publishedBefore).map(params => params.diagnostics);
		return { edit, published, statuses: client.statuses.slice(statusCount).map(status => status.state) };
	}

	/** Moves, then checks: the CLI reports what it did before (on the moved pages' new paths), every link reaches what it reached, no link names an old URL, and the server's diagnostics agree. */
	async function moveAndCompare(moves: { from: string; to: string }[], oldUrlPattern: RegExp): Promise<WorkspaceEdit> {
		const before = checkWithCli(dir, ...CHECK_ARGS);
		const hintsBefore = checkWithCli(dir).filter(problem => problem.code === 'non-canonical-link');
		const targetsBefore = linkTargetsByTitle(readMarkdownFiles(dir));
		await client.waitFor('the server to publish what check reports', () => JSON.stringify(publishedProblems(client, dir)) === JSON.stringify(before));
		const { edit, published, statuses } = await move(moves);

		const after = checkWithCli(dir, ...CHECK_ARGS);
		assert.deepStrictEqual(after, before.map(problem => ({ ...problem, file: movedPath(problem.file, moves) })).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column));
		const hintsAfter = checkWithCli(dir).filter(problem => problem.code === 'non-canonical-link');
		assert.deepStrictEqual(hintsAfter.map(problem => `${problem.file}:${problem.line}`).sort(), hintsBefore.map(problem => `${movedPath(problem.file, moves)}:${problem.line}`).sort());
		const texts = readMarkdownFiles(dir);
		assert.deepStrictEqual(linkTargetsByTitle(texts), targetsBefore, 'every link reaches the page (and heading) it reached');
		for (const [page, text] of texts) {
			const body = page === 'places/decoys.md' ? text.split('\n').filter(line => line.startsWith('Real:')).join('\n') : text;
			assert.doesNotMatch(body, oldUrlPattern, `${page} still names an old URL`);
		}
		const decoys = texts.get('places/decoys.md')!;
		assert.strictEqual(decoys.slice(decoys.indexOf('\n', decoys.indexOf('Real:'))), DECOYS.slice(DECOYS.indexOf('\n')) + '\n', 'the decoys are byte for byte as they were');

		// On a loaded machine the server may still be publishing after a second of quiet: wait for agreement, then assert it.
		await client.waitFor('the index after didRenameFiles to give what check gives', () => JSON.stringify(publishedProblems(client, dir)) === JSON.stringify(after), 60000).catch(() => undefined);
		assert.deepStrictEqual(publishedProblems(client, dir), after, 'the index after didRenameFiles gives what check gives');
		const brokenDuringMove = published.flat().filter(diagnostic => diagnostic.code === 'broken-link' && !/nobody/.test(String(diagnostic.message)));
		assert.deepStrictEqual(brokenDuringMove.map(diagnostic => String(diagnostic.message)), [], 'no wave of broken links while the move was under way');
		assert.deepStrictEqual(statuses.filter(state => state === 'indexing'), [], 'no reindexing');
		return edit;
	}

	it('moves a page to another section: every link to it, in every spelling, follows; the links inside it too', async () => {
		const edit = await moveAndCompare([{ from: 'people/robert-maxwell.md', to: 'organizations/robert-maxwell.md' }], /\/people\/robert-maxwell|people\/robert-maxwell\.md|\]\(robert-maxwell\.md/);
		const edits = textEditsByUri(edit);
		// 200 linking pages of places/, the decoys' real link, ghislaine's, the 520 programs' relative links, and the moved page's own relative links.
		assert.strictEqual(edits.size, 200 + 1 + 1 + 520 + 1);
		const moved = fs.readFileSync(path.join(dir, 'organizations', 'robert-maxwell.md'), 'utf8');
		assert.match(moved, /\[Ghislaine\]\(\.\.\/people\/ghislaine\.md\), \[London\]\(\.\.\/places\/london\.md\)/);
		assert.match(fs.readFileSync(path.join(dir, 'places', 'p-3.md'), 'utf8'), /\[RM\]\[rm-6\][\s\S]*\n\[rm-6\]: \/organizations\/robert-maxwell\/\n/);
		assert.match(fs.readFileSync(path.join(dir, 'places', 'p-1.md'), 'utf8'), /\[RM\]\(\/organizations\/robert-maxwell\)/, 'without its slash, as written');
	});

	it('moves a whole section folder of 520 pages, with 400 links into it from places/ and relative links inside and out of it, in one edit', async () => {
		const edit = await moveAndCompare([{ from: 'programs', to: 'operations' }], /\/programs\/|programs\/prog-/);
		const edits = textEditsByUri(edit);
		assert.ok(edits.has(uriOf(dir, 'places/p-0.md')) && edits.has(uriOf(dir, 'organizations/robert-maxwell.md')));
		// The links inside the moved folder to its own pages are relative or name /programs/: the relative ones stay.
		assert.match(fs.readFileSync(path.join(dir, 'operations', 'prog-7.md'), 'utf8'), /\[next\]\(prog-8\.md\), previous \[prev\]\(\/operations\/prog-6\/\)/);
	});
});

describe('moves over JSON-RPC: entityVault.updateLinksOnMove, and the question a client that does not ask itself gets', function () {
	this.timeout(60000);
	let dir: string;

	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-move-prompt-'));
		writeMoveFixture(dir, 6, 3);
		fs.writeFileSync(path.join(dir, 'people', 'loner.md'), '---\ntitle: Loner\n---\nNo link here, and none to here.\n');
	});

	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/** A server on the fixture with `settings` (and the client's own initialization options), indexed; shut down after `run`. */
	async function withServer(settings: unknown, initializationOptions: Record<string, unknown>, run: (client: LspTestClient) => Promise<void>): Promise<void> {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }], settings, initializationOptions });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			await run(client);
		} finally {
			await client.shutdown();
		}
	}

	const willRename = (client: LspTestClient, from: string, to: string) =>
		client.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uriOf(dir, from), newUri: uriOf(dir, to) }] }) as Promise<WorkspaceEdit | null>;
	const MAXWELL = ['people/robert-maxwell.md', 'organizations/robert-maxwell.md'] as const;
	// 12 links of 6 pages of places/, the decoys' real one, Ghislaine's, one in each of the 3 programs, and the moved page's link to ghislaine.md
	// (its ../places/london.md still reaches London from organizations/).
	const QUESTION = 'Update 18 links in 12 pages?';

	it('prompt (the default): asks once with the count of links and pages, and answers the edit only when the user says so', async () => {
		await withServer({}, {}, async client => {
			const answers: (string | null)[] = ['Update Links', "Don't Update", null];
			client.answerMessageRequest = () => answers.shift() ?? null;
			const accepted = await willRename(client, ...MAXWELL);
			assert.deepStrictEqual(client.messageRequests, [{ message: QUESTION, actions: ['Update Links', "Don't Update"] }]);
			assert.ok(accepted);
			assert.strictEqual(QUESTION, `Update ${countLinkEdits(accepted).links} links in ${countLinkEdits(accepted).pages} pages?`);
			assert.strictEqual(await willRename(client, ...MAXWELL), null, "Don't Update");
			assert.strictEqual(await willRename(client, ...MAXWELL), null, 'the question dismissed');
			assert.strictEqual(client.messageRequests.length, 3, 'once per move');
		});
	});

	it('nothing to change (no link to the page, none in it): no question, no edit', async () => {
		await withServer({}, {}, async client => {
			assert.strictEqual(await willRename(client, 'people/loner.md', 'places/loner.md'), null);
			assert.deepStrictEqual(client.messageRequests, []);
		});
	});

	it('always: the edit without a question; never: no edit, no question', async () => {
		await withServer({ updateLinksOnMove: 'always' }, {}, async client => {
			assert.deepStrictEqual(countLinkEdits((await willRename(client, ...MAXWELL))!), { links: 18, pages: 12 });
			client.settings = { updateLinksOnMove: 'never' };
			await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
			assert.strictEqual(await willRename(client, ...MAXWELL), null);
			assert.strictEqual(await willRename(client, 'programs', 'operations'), null, 'nor for a folder');
			assert.deepStrictEqual(client.messageRequests, []);
		});
	});

	it('a client that asks the user itself (initializationOptions.promptsOnMove, as VS Code does) gets the edit without the server asking', async () => {
		await withServer({ updateLinksOnMove: 'prompt' }, { promptsOnMove: true }, async client => {
			assert.deepStrictEqual(countLinkEdits((await willRename(client, ...MAXWELL))!), { links: 18, pages: 12 });
			assert.deepStrictEqual(client.messageRequests, []);
		});
	});
});

describe('moves over JSON-RPC: a page moved out of the vault, and one moved in', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-move-out-'));
		writeMoveFixture(path.join(dir, 'vault'), 3, 2);
		fs.mkdirSync(path.join(dir, 'outside'));
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(path.join(dir, 'vault')).toString(), name: 'vault' }], settings: { diagnostics: { scope: 'vault' }, updateLinksOnMove: 'always' } });
		await client.initialize();
		await client.waitUntilIndexed();
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function moveFile(from: string, to: string): Promise<WorkspaceEdit | null> {
		const files = [{ oldUri: URI.file(path.join(dir, from)).toString(), newUri: URI.file(path.join(dir, to)).toString() }];
		const edit = await client.connection.sendRequest('workspace/willRenameFiles', { files }) as WorkspaceEdit | null;
		fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
		fs.renameSync(path.join(dir, from), path.join(dir, to));
		await client.connection.sendNotification('workspace/didRenameFiles', { files });
		return edit;
	}

	const brokenLinks = (relative: string) => (client.diagnostics.get(URI.file(path.join(dir, 'vault', relative)).toString())?.diagnostics ?? [])
		.filter(diagnostic => diagnostic.code === 'broken-link').map(diagnostic => String(diagnostic.message));

	it('out of the vault: no link is rewritten (a site link cannot leave the vault), the page is gone from the index and the links to it are broken', async () => {
		assert.deepStrictEqual(brokenLinks('people/robert-maxwell.md'), []);
		assert.strictEqual(await moveFile('vault/people/ghislaine.md', 'outside/ghislaine.md'), null);
		await client.waitFor('the link to the page that left reported broken', () => brokenLinks('people/robert-maxwell.md').length === 1);
		assert.match(brokenLinks('people/robert-maxwell.md')[0], /\/people\/ghislaine\//);
	});

	it('into the vault: the page is read where it lands, its relative links resolved from there', async () => {
		assert.strictEqual(await moveFile('outside/ghislaine.md', 'vault/places/ghislaine.md'), null);
		await client.waitFor('the page that arrived checked', () => brokenLinks('places/ghislaine.md').some(message => message.includes('/places/robert-maxwell/')));
		assert.deepStrictEqual(brokenLinks('people/robert-maxwell.md'), ['No page at /people/ghislaine/.']);
	});
});
