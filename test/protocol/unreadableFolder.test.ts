import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../support/lspClient';

describe('protocol: a workspace folder that cannot be read', () => {
	let tmp: string;
	let client: LspTestClient | undefined;

	before(() => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-unreadable-'));
		fs.mkdirSync(path.join(tmp, 'vault', 'people'), { recursive: true });
		fs.writeFileSync(path.join(tmp, 'vault', 'people', 'ada.md'), '---\ntitle: Ada\n---\n# Ada\n');
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(tmp, { recursive: true, force: true });
	});

	it('comes to ready with the readable folder\'s pages, and says which folder it could not index', async () => {
		const missing = path.join(tmp, 'gone');
		client = new LspTestClient({
			workspaceFolders: [
				{ uri: URI.file(missing).toString(), name: 'gone' },
				{ uri: URI.file(path.join(tmp, 'vault')).toString(), name: 'vault' },
			],
			settings: {},
		});
		await client.initialize();
		const status = await client.waitUntilIndexed(30_000);
		assert.strictEqual(status.state, 'ready');
		assert.strictEqual(status.pages, 1);
		assert.ok(client.messageRequests.some(({ message }) => message.startsWith(`Entity Vault could not index ${missing}: `) && message.includes('ENOENT')), JSON.stringify(client.messageRequests));
	});
});
