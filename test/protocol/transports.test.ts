import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { REQUEST_TIMINGS_VARIABLE } from '../../server/src/node/requestTimings';

const PAGE = '---\ntitle: A\ncategory: C\nsummary: S\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n[B](/people/b/) [C](/people/c/)\n';

function makeVault(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-transport-'));
	fs.mkdirSync(path.join(dir, 'people'));
	fs.writeFileSync(path.join(dir, 'people', 'a.md'), PAGE);
	fs.writeFileSync(path.join(dir, 'people', 'b.md'), PAGE.replace('title: A', 'title: B'));
	return dir;
}

describe('language server transports and diagnostics scope', function () {
	this.timeout(60000);

	for (const transport of ['ipc', 'pipe'] as const) {
		it(`serves over ${transport === 'ipc' ? 'node IPC' : 'a named pipe'}`, async () => {
			const dir = makeVault();
			const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'v' }], transport });
			try {
				await client.initialize();
				const ready = await client.waitUntilIndexed();
				assert.strictEqual(ready.pages, 2);
				const uri = URI.file(path.join(dir, 'people', 'a.md')).toString();
				await client.open(uri, PAGE);
				const diagnostics = await client.diagnosticsOf(uri, d => d.length > 0);
				assert.deepStrictEqual(diagnostics.map((d: Diagnostic) => d.code), ['broken-link']);
			} finally {
				await client.shutdown();
				fs.rmSync(dir, { recursive: true, force: true });
			}
		});
	}

	it('follows each stdio response with the server time it took when ENTITY_VAULT_REQUEST_TIMINGS=1, and only then', async () => {
		const dir = makeVault();
		const folders = [{ uri: URI.file(dir).toString(), name: 'v' }];
		const timed = new LspTestClient({ workspaceFolders: folders, env: { [REQUEST_TIMINGS_VARIABLE]: '1' } });
		const plain = new LspTestClient({ workspaceFolders: folders });
		try {
			for (const client of [timed, plain]) {
				await client.initialize();
				await client.waitUntilIndexed();
				const uri = URI.file(path.join(dir, 'people', 'a.md')).toString();
				await client.open(uri, PAGE);
				const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 2 } });
				assert.ok(hover, 'the hover on [B] is answered');
				await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 8, character: 8 } });
			}
			const timings = await timed.waitFor('two timings', () => timed.requestTimings.length >= 3 && timed.requestTimings);
			// initialize, then the two requests, in order, each once, with a time.
			assert.deepStrictEqual(timings.map(t => t.method), ['initialize', 'textDocument/hover', 'textDocument/definition']);
			assert.deepStrictEqual(new Set(timings.map(t => t.id)).size, 3);
			assert.ok(timings.every(t => typeof t.ms === 'number' && t.ms >= 0 && t.ms < 10_000), JSON.stringify(timings));
			assert.deepStrictEqual(plain.requestTimings, []);
		} finally {
			await timed.shutdown();
			await plain.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('publishes every page with the vault scope, and clears closed pages with the open-files scope', async () => {
		const dir = makeVault();
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'v' }], settings: { diagnostics: { scope: 'vault' } } });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const a = URI.file(path.join(dir, 'people', 'a.md')).toString();
			const b = URI.file(path.join(dir, 'people', 'b.md')).toString();
			// Nothing is open, yet both pages report their broken link.
			await client.diagnosticsOf(a, d => d.some(x => x.code === 'broken-link'));
			await client.diagnosticsOf(b, d => d.some(x => x.code === 'broken-link'));
			// A page created on disk fixes both.
			fs.writeFileSync(path.join(dir, 'people', 'c.md'), PAGE.replace('title: A', 'title: C').replace('[C](/people/c/)', ''));
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, 'people', 'c.md')).toString(), type: 1 }] });
			await client.diagnosticsOf(a, d => d.length === 0);
			await client.diagnosticsOf(b, d => d.length === 0);
			// Back to open files only: closed pages' diagnostics are cleared.
			fs.rmSync(path.join(dir, 'people', 'c.md'));
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, 'people', 'c.md')).toString(), type: 3 }] });
			await client.diagnosticsOf(a, d => d.length === 1);
			client.settings = { diagnostics: { scope: 'openFiles' } };
			await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
			await client.diagnosticsOf(a, d => d.length === 0);
			await client.diagnosticsOf(b, d => d.length === 0);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
