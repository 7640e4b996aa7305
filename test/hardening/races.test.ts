import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { createVaultService } from '../../server/src/service/vaultService';
import { LspTestClient } from '../support/lspClient';
import { recordFigure } from './support/figures';

const PAGE = (title: string, body: string): string => `---\ntitle: ${title}\ncategory: Test\nsummary: S.\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n${body}\n`;
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

function makeTempDir(): string {
	return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-hard-races-')));
}

function listPages(root: string, relative = ''): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
		const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
		if (entry.isDirectory()) {
			out.push(...listPages(root, child));
		} else if (entry.name.endsWith('.md')) {
			out.push(child);
		}
	}
	return out;
}

/** The diagnostics every page must end up with: a from-scratch index of the disk, with open documents' texts winning. */
function truth(root: string, open: ReadonlyMap<string, string> = new Map()): Map<string, string> {
	const service = createVaultService();
	const pages = new Set([...listPages(root), ...open.keys()]);
	for (const page of pages) {
		service.updatePage(page, open.get(page) ?? fs.readFileSync(path.join(root, page), 'utf8'));
	}
	const expected = new Map<string, string>();
	for (const page of pages) {
		expected.set(URI.file(path.join(root, page)).toString(), JSON.stringify(JSON.parse(JSON.stringify(service.diagnostics(page)))));
	}
	return expected;
}

/** URIs whose published diagnostics differ from the truth (a page without problems may have nothing published). */
function stale(client: LspTestClient, expected: ReadonlyMap<string, string>): string[] {
	const wrong: string[] = [];
	for (const [uri, diagnostics] of expected) {
		const published = client.diagnostics.get(uri);
		const actual = published ? JSON.stringify(published.diagnostics) : '[]';
		if (actual !== diagnostics) {
			wrong.push(`${uri}: published ${actual.slice(0, 300)} expected ${diagnostics.slice(0, 300)}`);
		}
	}
	for (const [uri, published] of client.diagnostics) {
		if (!expected.has(uri) && published.diagnostics.length > 0) {
			wrong.push(`${uri} (deleted page still has diagnostics)`);
		}
	}
	return wrong;
}

async function settle(client: LspTestClient, expected: ReadonlyMap<string, string>, timeoutMs = 60000): Promise<string[]> {
	await client.waitFor('diagnostics to settle to the truth', () => stale(client, expected).length === 0, timeoutMs).catch(() => undefined);
	// Then nothing stale may arrive later.
	await new Promise(resolve => setTimeout(resolve, 600));
	return stale(client, expected);
}

describe('hardening: races', function () {
	this.timeout(240000);

	it('a target deleted and recreated over and over: diagnostics settle to the truth', async () => {
		const dir = makeTempDir();
		fs.mkdirSync(path.join(dir, 'people'));
		fs.writeFileSync(path.join(dir, 'people', 'a.md'), PAGE('A', 'See [B](/people/b/).'));
		fs.writeFileSync(path.join(dir, 'people', 'c.md'), PAGE('C', 'Also [B](/people/b/#part).'));
		const bPath = path.join(dir, 'people', 'b.md');
		const bText = PAGE('B', '## Part\n\nBack to [A](/people/a/).');
		fs.writeFileSync(bPath, bText);
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'races' }], settings: { diagnostics: { scope: 'vault' } } });
		const ROUNDS = 25;
		const staleAfter: number[] = [];
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const aUri = URI.file(path.join(dir, 'people', 'a.md')).toString();
			await client.open(aUri, fs.readFileSync(path.join(dir, 'people', 'a.md'), 'utf8'));
			const bUri = URI.file(bPath).toString();
			for (let round = 0; round < ROUNDS; round++) {
				fs.rmSync(bPath);
				await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: DELETED }] });
				fs.writeFileSync(bPath, round % 2 === 0 ? bText : bText.replace('## Part', '## Other'));
				await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: CREATED }] });
				if (round % 5 === 4) {
					// Some rounds with the events batched and out of order: created before deleted, as watchers do.
					fs.rmSync(bPath);
					fs.writeFileSync(bPath, bText);
					await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: CREATED }, { uri: bUri, type: DELETED }, { uri: bUri, type: CHANGED }] });
				}
			}
			const open = new Map([['people/a.md', fs.readFileSync(path.join(dir, 'people', 'a.md'), 'utf8')]]);
			staleAfter.push((await settle(client, truth(dir, open))).length);
			// The final state is "deleted": the broken links come back.
			fs.rmSync(bPath);
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: bUri, type: DELETED }] });
			const expected = truth(dir, open);
			assert.ok([...expected.values()].some(d => d.includes('broken-link')));
			staleAfter.push((await settle(client, expected)).length);
			assert.strictEqual(client.exited, null);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
		recordFigure({ area: 'Races', test: 'Target deleted and recreated', inputs: `${ROUNDS} delete/create rounds (some batched out of order), then a final delete; 3 pages, scope vault`, figure: 'stale diagnostics after settling', value: staleAfter.reduce((a, b) => a + b, 0), expected: 0 });
		assert.deepStrictEqual(staleAfter, [0, 0]);
	});

	it('a git checkout changing 1,000 pages at once: one didChangeWatchedFiles, diagnostics settle to the truth', async () => {
		const dir = makeTempDir();
		const PAGES = 1000;
		fs.mkdirSync(path.join(dir, 'people'));
		fs.mkdirSync(path.join(dir, 'places'));
		const pathOf = (i: number): string => `${i % 2 === 0 ? 'people' : 'places'}/page-${i}.md`;
		const urlOf = (i: number): string => `/${pathOf(i).replace(/\.md$/, '')}/`;
		for (let i = 0; i < PAGES; i++) {
			fs.writeFileSync(path.join(dir, pathOf(i)), PAGE(`Page ${i}`, `## Part ${i}\n\n[Next](${urlOf((i + 1) % PAGES)}) [Far](${urlOf((i + 7) % PAGES)}#part-${(i + 7) % PAGES})`));
		}
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'checkout' }], settings: { diagnostics: { scope: 'vault' } } });
		let staleCount = -1;
		let changes = 0;
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const opened = pathOf(3);
			const openedUri = URI.file(path.join(dir, opened)).toString();
			const openText = fs.readFileSync(path.join(dir, opened), 'utf8');
			await client.open(openedUri, openText);
			assert.deepStrictEqual((await settle(client, truth(dir, new Map([[opened, openText]])))).slice(0, 3), []);
			// The checkout: 100 pages deleted, 50 created, every other page rewritten (new headings, new links, some broken).
			const events: { uri: string; type: number }[] = [];
			for (let i = 0; i < PAGES; i++) {
				const file = path.join(dir, pathOf(i));
				if (i % 10 === 9) {
					fs.rmSync(file);
					events.push({ uri: URI.file(file).toString(), type: DELETED });
				} else {
					fs.writeFileSync(file, PAGE(`Page ${i} v2`, `## Section ${i}\n\n[Next](${urlOf((i + 1) % PAGES)}) [New](/places/new-${i % 50}/) [Far](${urlOf((i + 3) % PAGES)}#section-${(i + 3) % PAGES})`));
					events.push({ uri: URI.file(file).toString(), type: CHANGED });
				}
			}
			for (let k = 0; k < 50; k++) {
				const file = path.join(dir, 'places', `new-${k}.md`);
				fs.writeFileSync(file, PAGE(`New ${k}`, `[Back](${urlOf(k * 20)})`));
				events.push({ uri: URI.file(file).toString(), type: CREATED });
			}
			changes = events.length;
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: events });
			// The open page keeps its editor text.
			const expected = truth(dir, new Map([[opened, openText]]));
			const wrong = await settle(client, expected, 90000);
			staleCount = wrong.length;
			assert.deepStrictEqual(wrong.slice(0, 10), []);
			assert.strictEqual(client.exited, null);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
			recordFigure({ area: 'Races', test: 'A git checkout changing 1,000 pages at once', inputs: `${PAGES} pages, one didChangeWatchedFiles with ${changes} changes (900 rewritten, 100 deleted, 50 created), one page open, scope vault`, figure: 'stale diagnostics after settling', value: staleCount, expected: 0 });
		}
	});

	it('an external change to a page with unsaved edits: the editor text wins until it is closed', async () => {
		const dir = makeTempDir();
		fs.mkdirSync(path.join(dir, 'people'));
		const aPath = path.join(dir, 'people', 'a.md');
		fs.writeFileSync(aPath, PAGE('A', 'See [B](/people/b/).'));
		fs.writeFileSync(path.join(dir, 'people', 'b.md'), PAGE('B', 'Hi.'));
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'unsaved' }], settings: { diagnostics: { scope: 'vault' } } });
		const aUri = URI.file(aPath).toString();
		const editorText = PAGE('A edited', 'See [Z](/people/zz/) and [B](/people/b/).');
		const wrongAfter: number[] = [];
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			await client.open(aUri, fs.readFileSync(aPath, 'utf8'));
			await client.change(aUri, 2, [{ text: editorText }]);
			await client.diagnosticsOf(aUri, d => d.some(x => x.code === 'broken-link'));
			// Disk changes under the unsaved editor, several times (a formatter, a git pull).
			for (let round = 0; round < 5; round++) {
				fs.writeFileSync(aPath, PAGE(`A disk ${round}`, round % 2 === 1 ? 'No links.' : 'See [Y](/people/yy/).'));
				await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: aUri, type: CHANGED }] });
			}
			const withEditor = truth(dir, new Map([['people/a.md', editorText]]));
			wrongAfter.push((await settle(client, withEditor)).length);
			const line = editorText.split('\n').findIndex(l => l.includes('/people/zz/'));
			const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: aUri }, position: { line, character: editorText.split('\n')[line].indexOf('/people/zz/') + 3 } }) as Hover | null;
			assert.match(JSON.stringify(hover?.contents), /people\/zz/, 'hover answers from the editor text');
			assert.strictEqual(client.diagnostics.get(aUri)?.version, 2);
			// Closed without saving: the disk text is the truth again.
			await client.close(aUri);
			wrongAfter.push((await settle(client, truth(dir))).length);
			const published = client.diagnostics.get(aUri)?.diagnostics ?? [];
			assert.ok(published.some((d: Diagnostic) => JSON.stringify(d.message).includes('/people/yy/')), 'the disk text is checked after closing');
			assert.strictEqual(client.exited, null);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
		recordFigure({ area: 'Races', test: 'External change to a page with unsaved edits', inputs: '5 disk changes under an open, edited page; then close', figure: 'stale diagnostics (editor text open, disk text after close)', value: wrongAfter.reduce((a, b) => a + b, 0), expected: 0 });
		assert.deepStrictEqual(wrongAfter, [0, 0]);
	});
});
