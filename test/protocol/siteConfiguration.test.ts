import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

const PAGE = '---\ntitle: A\n---\n\n# A\n';

describe("the site generator's configuration over JSON-RPC", function () {
	this.timeout(60000);
	let site: string;
	let client: LspTestClient;

	before(async () => {
		site = temporaryVault('ev-site-', {
			'hugo.toml': "[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n",
			'content/en/docs/a.md': PAGE,
			'content/de/docs/a.md': PAGE,
			'pages/docs/a.md': PAGE,
		});
		client = await LspTestClient.indexedOn(site);
	});

	after(async () => {
		await client.shutdown();
		fs.rmSync(site, { recursive: true, force: true });
	});

	it("takes the vault root from the site's configuration and logs the rules it read", () => {
		const root = path.join(site, 'content', 'en');
		assert.ok(client.logs.includes(`Vault of folder ${site}: ${root} (the content folder of the site's configuration, hugo.toml).`), client.logs.join('\n'));
		assert.ok(client.logs.includes(`Site rules for ${root} (hugo, from hugo.toml): URLs lower-cased; heading ids github, {#id} attributes; redirect fields aliases.`), client.logs.join('\n'));
	});

	it('reads the rules again when the file changes, and makes the vault again when its content folder moves', async () => {
		const hugoToml = path.join(site, 'hugo.toml');
		const changed = async (text: string): Promise<void> => {
			fs.writeFileSync(hugoToml, text);
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(hugoToml).toString(), type: 2 }] });
		};
		await changed("disablePathToLower = true\n[markup.goldmark.parser]\nautoHeadingIDType = 'github-ascii'\n[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n");
		const root = path.join(site, 'content', 'en');
		await client.waitFor('the new rules in the log', () => client.logs.includes(`Site rules for ${root} (hugo, from hugo.toml): URL letter case kept; heading ids github-ascii, {#id} attributes; redirect fields aliases.`));
		await changed("contentDir = 'pages'\n");
		const pages = path.join(site, 'pages');
		await client.waitFor('the new root in the log', () => client.logs.includes(`Vault of folder ${site}: ${pages} (the content folder of the site's configuration, hugo.toml).`));
	});
});
