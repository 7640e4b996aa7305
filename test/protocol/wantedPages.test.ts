import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { NewPageTemplateResult, WantedPagesResult } from '../../server/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { fixturesRoot } from '../support/paths';

describe('entityVault/wantedPages through the language server', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-wanted-'));
		fs.cpSync(path.join(fixturesRoot, 'vaults', 'wanted'), dir, { recursive: true });
		client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'wanted' }] });
		await client.initialize();
		await client.waitUntilIndexed();
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('ranks the missing targets by the pages linking them, with the most common link text and the file to create', async () => {
		const result = await client.connection.sendRequest('entityVault/wantedPages', {}) as WantedPagesResult;
		const rootUri = URI.file(dir).toString();
		assert.deepStrictEqual(result.pages.map(page => ({ ...page })), [
			{ url: '/people/sami/', rootUri, uri: URI.file(path.join(dir, 'people', 'sami.md')).toString(), section: 'people', slug: 'sami', linkers: 3, text: 'Sami', title: 'Sami' },
			{ url: '/places/paris/', rootUri, uri: URI.file(path.join(dir, 'places', 'paris.md')).toString(), section: 'places', slug: 'paris', linkers: 2, text: 'Paris', title: 'Paris' },
			{ url: '/organizations/bureau/', rootUri, uri: URI.file(path.join(dir, 'organizations', 'bureau.md')).toString(), section: 'organizations', slug: 'bureau', linkers: 1, text: 'the Bureau', title: 'Bureau' },
		]);
		const two = await client.connection.sendRequest('entityVault/wantedPages', { limit: 2 }) as WantedPagesResult;
		assert.deepStrictEqual(two.pages.map(page => page.url), ['/people/sami/', '/places/paris/']);
	});

	it('gives the template of a wanted page at the URL the links name, and drops it from the list once it exists', async () => {
		const [, , bureau] = (await client.connection.sendRequest('entityVault/wantedPages', {}) as WantedPagesResult).pages;
		const template = await client.connection.sendRequest('entityVault/newPageTemplate', { rootUri: bureau.rootUri, section: bureau.section, title: 'The Bureau', slug: bureau.slug }) as NewPageTemplateResult;
		assert.strictEqual(template.uri, bureau.uri);
		assert.strictEqual(template.exists, false);
		assert.match(template.text, /^title: The Bureau$/m);
		const file = URI.parse(template.uri).fsPath;
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, template.text);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: template.uri, type: 1 }] });
		let urls: string[] = [];
		for (const started = Date.now(); Date.now() - started < 20000; await new Promise(resolve => setTimeout(resolve, 50))) {
			urls = (await client.connection.sendRequest('entityVault/wantedPages', {}) as WantedPagesResult).pages.map(page => page.url);
			if (!urls.includes('/organizations/bureau/')) {
				break;
			}
		}
		assert.deepStrictEqual(urls, ['/people/sami/', '/places/paris/']);
	});
});
