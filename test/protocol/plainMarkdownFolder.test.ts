import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { VaultInfoResult } from '../../server/src/protocol';
import { LspTestClient } from '../support/lspClient';

const DOC_A = '# A 😀\r\n\r\nSee [B](/docs/b/) and [nothing](/docs/nope/).\r\n';

/** An ordinary repository: README.md and CHANGELOG.md at the root, docs without frontmatter. */
function makeDocsRepo(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-plain-'));
	fs.writeFileSync(path.join(dir, 'README.md'), '# Project\n\nSee [the docs](/docs/a/).\n');
	fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n');
	fs.mkdirSync(path.join(dir, 'docs'));
	fs.writeFileSync(path.join(dir, 'docs', 'a.md'), DOC_A);
	fs.writeFileSync(path.join(dir, 'docs', 'b.md'), '# B\n');
	return dir;
}

describe('language server in a plain markdown folder (not a vault)', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();

	before(async () => {
		dir = makeDocsRepo();
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'repo' }] });
		await client.initialize();
		await client.waitUntilIndexed();
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('counts no root file as a page, says why it is not a vault, and logs it', async () => {
		const ready = client.statuses[client.statuses.length - 1];
		assert.deepStrictEqual([ready.pages, ready.isVault], [2, false]);
		const info = await client.connection.sendRequest('entityVault/vaultInfo') as VaultInfoResult;
		assert.deepStrictEqual(info.vaults.map(vault => [vault.pages, vault.isVault, vault.vaultReason]), [[2, false, 'frontmatter on 0 of 2 pages in sections']]);
		await client.waitFor('the vault decision in the log', () => client.logs.find(line => line.includes('is a plain markdown folder, not a vault (frontmatter on 0 of 2 pages in sections)')));
	});

	it('publishes link problems but no frontmatter problems for an opened doc, until most docs have frontmatter', async () => {
		const a = uriOf('docs/a.md');
		await client.open(a, DOC_A);
		const diagnostics = await client.diagnosticsOf(a, d => d.length > 0);
		assert.deepStrictEqual(diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character]), [['broken-link', 2, DOC_A.split('\r\n')[2].indexOf('/docs/nope/')]]);

		// Frontmatter in b (1 of 2 pages) makes it a vault: a's published diagnostics follow without a's own change.
		const b = uriOf('docs/b.md');
		await client.open(b, '# B\n');
		await client.change(b, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '---\ntitle: B\n---\n' }]);
		const after = await client.diagnosticsOf(a, d => d.some(x => x.code === 'frontmatter-missing'));
		assert.deepStrictEqual(after.map(d => d.code), ['broken-link', 'frontmatter-missing']);
		const info = await client.connection.sendRequest('entityVault/vaultInfo') as VaultInfoResult;
		assert.deepStrictEqual(info.vaults.map(vault => [vault.isVault, vault.vaultReason]), [[true, 'frontmatter on 1 of 2 pages in sections']]);
		await client.waitFor('the status to say it is a vault now', () => client.statuses[client.statuses.length - 1].isVault === true || undefined);
	});
});

describe('language server in a folder with the vault marker file', function () {
	this.timeout(60000);

	it('checks the frontmatter of the docs, until the marker is deleted', async () => {
		const dir = makeDocsRepo();
		fs.writeFileSync(path.join(dir, '.entity-vault.json'), '{}\n');
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'repo' }] });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const a = URI.file(path.join(dir, 'docs', 'a.md')).toString();
			await client.open(a, DOC_A);
			const diagnostics = await client.diagnosticsOf(a, d => d.length > 0);
			assert.deepStrictEqual(diagnostics.map(d => d.code), ['broken-link', 'frontmatter-missing']);
			const info = await client.connection.sendRequest('entityVault/vaultInfo') as VaultInfoResult;
			assert.deepStrictEqual(info.vaults.map(vault => [vault.pages, vault.isVault, vault.vaultReason]), [[2, true, 'marker file .entity-vault.json']]);

			// The marker deleted on disk (a watched file): a plain markdown folder again, and a's diagnostics follow.
			assert.ok(client.registrations.some(r => JSON.stringify(r.registerOptions).includes('**/.entity-vault.json')));
			fs.rmSync(path.join(dir, '.entity-vault.json'));
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, '.entity-vault.json')).toString(), type: 3 }] });
			const after = await client.diagnosticsOf(a, d => !d.some(x => x.code === 'frontmatter-missing'));
			assert.deepStrictEqual(after.map(d => d.code), ['broken-link']);
			const plain = await client.connection.sendRequest('entityVault/vaultInfo') as VaultInfoResult;
			assert.deepStrictEqual(plain.vaults.map(vault => [vault.isVault, vault.vaultReason]), [[false, 'frontmatter on 0 of 2 pages in sections']]);
		} finally {
			await client.shutdown();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
