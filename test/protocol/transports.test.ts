import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

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
