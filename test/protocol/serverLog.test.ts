import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { LspTestClient, type LspClientOptions } from '../support/lspClient';
import { repoRoot } from '../support/paths';
import { waitForPersistedIndex } from '../support/persistedIndexFile';

type ProgressValue = { kind: string; message?: string };

/** Starts a server on `folder`, waits for indexing, and returns its log lines and `$/progress` values. */
async function indexOnce(folder: string, options: Partial<LspClientOptions>): Promise<{ logs: string[]; progress: ProgressValue[] }> {
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'site' }], ...options });
	try {
		await client.initialize();
		await client.waitUntilIndexed();
		return { logs: [...client.logs], progress: client.progress.map(p => (p as { value: ProgressValue }).value) };
	} finally {
		await client.shutdown();
	}
}

describe('server log and indexing progress', function () {
	this.timeout(60000);
	let site: string;
	let cache: string;

	before(() => {
		// A Hugo-style site: the pages are under content/.
		site = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-log-site-'));
		cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-log-cache-'));
		fs.cpSync(path.join(repoRoot, 'examples', 'vault'), path.join(site, 'content'), { recursive: true });
	});

	after(() => {
		fs.rmSync(site, { recursive: true, force: true });
		fs.rmSync(cache, { recursive: true, force: true });
	});

	it('logs the root and how it was chosen, the settings, and a cold indexing; sends $/progress to a client without a status bar', async () => {
		const root = path.join(site, 'content');
		const { logs, progress } = await indexOnce(site, { cacheDirectory: cache, settings: { diagnostics: { scope: 'vault', severity: { 'unused-footnote': 'off' } } } });
		assert.ok(logs.includes(`Vault of folder ${site}: ${root} (its content/ folder, which holds the sections).`), logs.join('\n'));
		assert.ok(logs.includes(`Settings for ${root}: diagnostics for every page (scope vault); required fields as inferred from the pages (check --print-schema); excluded nothing; severities default but unused-footnote off.`), logs.join('\n'));
		const indexed = logs.find(line => line.startsWith('Indexed '));
		assert.match(indexed ?? '', new RegExp(`^Indexed 22 pages of ${escape(root)} in [\\d,]+ ms: 0 from the persisted index, 22 parsed \\(cold: nothing usable in the persisted index\\)\\.$`));
		assert.strictEqual(progress[0].kind, 'begin');
		assert.strictEqual(progress[progress.length - 1].kind, 'end');
		assert.ok(progress.some(value => value.kind === 'report' && value.message === '22/22 pages'), JSON.stringify(progress));
	});

	it('logs pages taken from the persisted index, and sends no $/progress to a client that shows the status itself', async () => {
		await waitForPersistedIndex(cache);
		const root = path.join(site, 'content');
		const { logs, progress } = await indexOnce(site, { cacheDirectory: cache, statusBar: true });
		assert.ok(logs.includes(`Settings for ${root}: diagnostics for open pages (scope openFiles); required fields as inferred from the pages (check --print-schema); excluded nothing; severities default.`), logs.join('\n'));
		assert.match(logs.find(line => line.startsWith('Indexed ')) ?? '', new RegExp(`^Indexed 22 pages of ${escape(root)} in [\\d,]+ ms: 22 from the persisted index, 0 parsed\\.$`));
		assert.deepStrictEqual(progress, []);
	});

	it('logs a root set by entityVault.root, and says when no persisted index is kept', async () => {
		const { logs } = await indexOnce(site, { cacheDirectory: null, settings: { root: 'content/people' } });
		const root = path.join(site, 'content', 'people');
		assert.ok(logs.includes(`Vault of folder ${site}: ${root} (set by entityVault.root ("content/people")).`), logs.join('\n'));
		assert.match(logs.find(line => line.startsWith('Indexed ')) ?? '', /^Indexed \d+ pages of .* in [\d,]+ ms: \d+ parsed \(no persisted index is kept\)\.$/);
	});

	it('counts the pages Check Vault has checked on the work-done token the client sends', async () => {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(site).toString(), name: 'site' }], statusBar: true });
		try {
			await client.initialize();
			const result = await client.connection.sendRequest('entityVault/checkVault', { workDoneToken: 'check-1' }) as { pages: number };
			assert.strictEqual(result.pages, 22);
			const values = client.progress.filter(p => (p as { token: unknown }).token === 'check-1').map(p => (p as { value: ProgressValue }).value);
			assert.deepStrictEqual(values[0], { kind: 'begin', title: 'Entity Vault: checking the vault', cancellable: false, message: 'waiting for indexing', percentage: 0 });
			const messages = values.filter(value => value.kind === 'report').map(value => value.message);
			assert.strictEqual(messages[0], '0/22 pages checked');
			assert.strictEqual(messages[messages.length - 1], '22/22 pages checked');
			assert.strictEqual(values[values.length - 1].kind, 'end');
		} finally {
			await client.shutdown();
		}
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
