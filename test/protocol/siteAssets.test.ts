import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { fixturesRoot } from '../support/paths';
import { LspTestClient } from '../support/lspClient';

describe('language server on a Hugo site: assets followed on disk', function () {
	this.timeout(60000);

	it('reports broken-asset on an open page, and follows a file created in static/ and deleted from a bundle (workspace/didChangeWatchedFiles)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-site-assets-'));
		fs.cpSync(path.join(fixturesRoot, 'sites', 'hugo-anchors'), dir, { recursive: true });
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'site' }] });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			assert.ok(client.registrations.some(r => JSON.stringify(r.registerOptions).includes('"**/*.*"')), 'the server watches the files that are not pages');
			const reader = URI.file(path.join(dir, 'content', 'docs', 'reader.md')).toString();
			await client.open(reader, fs.readFileSync(path.join(dir, 'content', 'docs', 'reader.md'), 'utf8'));
			const assetMessages = (diagnostics: Diagnostic[]): string[] => diagnostics.filter(d => d.code === 'broken-asset').map(d => String(d.message));
			const before = await client.diagnosticsOf(reader, d => assetMessages(d).length > 0);
			assert.deepStrictEqual(assetMessages(before), ['No file at /images/missing.png.', 'No file at /files/guide.pdf.']);

			const pdf = path.join(dir, 'static', 'files', 'guide.pdf');
			fs.mkdirSync(path.dirname(pdf));
			fs.writeFileSync(pdf, '%PDF');
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(pdf).toString(), type: 1 }] });
			const added = await client.diagnosticsOf(reader, d => assetMessages(d).length === 1);
			assert.deepStrictEqual(assetMessages(added), ['No file at /images/missing.png.']);

			const photo = path.join(dir, 'content', 'docs', 'bundle', 'photo.jpg');
			fs.rmSync(photo);
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(photo).toString(), type: 3 }] });
			const removed = await client.diagnosticsOf(reader, d => assetMessages(d).length === 2);
			assert.deepStrictEqual(assetMessages(removed), ['No file at /docs/bundle/photo.jpg. Looked for /docs/bundle/photo.jpg, /docs/reader/bundle/photo.jpg.', 'No file at /images/missing.png.']);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
