import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';
import { waitForPersistedIndex } from '../support/persistedIndexFile';

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

describe('the vault configuration file over JSON-RPC', function () {
	this.timeout(60000);
	let folder: string;
	let client: LspTestClient;
	const configFile = (): string => path.join(folder, '.entity-vault.json');
	const configUri = (): string => URI.file(configFile()).toString();
	const pageUri = (): string => URI.file(path.join(folder, 'people', 'a.md')).toString();
	const PAGE_TEXT = '---\ntitle: A\n---\n\nSee [nobody](/people/nobody/).\n';

	before(async () => {
		folder = temporaryVault('ev-config-', {
			'.entity-vault.json': '{\n\t"severity": { "broken-link": "warning" },\n\t"mentions": { "minLength": "three" },\n\t"unknown": true\n}\n',
			'people/a.md': PAGE_TEXT,
		});
		client = await LspTestClient.indexedOn(folder);
	});

	after(async () => {
		await client.shutdown();
		fs.rmSync(folder, { recursive: true, force: true });
	});

	it('publishes each problem on the file at its key, and serves with the valid rest', async () => {
		const problems = await client.diagnosticsOf(configUri(), diagnostics => diagnostics.length > 0);
		assert.deepStrictEqual(problems.map(d => `${d.range.start.line}:${d.range.start.character} ${d.message}`), [
			'2:15 mentions.minLength: mentions.minLength must be a whole number, 1 or more',
			'3:1 unknown: unknown key "unknown" (known: $schema, root, exclude, severity, linkStyle, ignoreDestinations, mapDestinations, publishedPrefixes, redirectField, mentions, frontmatter, site)',
		]);
		await client.open(pageUri(), PAGE_TEXT);
		const page = await client.diagnosticsOf(pageUri(), diagnostics => diagnostics.some(d => d.code === 'broken-link'));
		assert.strictEqual(page.find(d => d.code === 'broken-link')?.severity, 2, 'the valid severity of the file applies: warning');
	});

	it('reads the file again when it changes: fixed problems are cleared, new severities apply', async () => {
		fs.writeFileSync(configFile(), '{ "severity": { "broken-link": "hint" } }\n');
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: 2 }] });
		await client.diagnosticsOf(configUri(), diagnostics => diagnostics.length === 0);
		const page = await client.diagnosticsOf(pageUri(), diagnostics => diagnostics.some(d => d.code === 'broken-link' && d.severity === 4));
		assert.ok(page.length > 0);
	});
});

describe("a Hugo site's pages in other formats than markdown over JSON-RPC", function () {
	this.timeout(60000);
	let site: string;
	let client: LspTestClient;
	const LINKS = '---\ntitle: Links\n---\n\n[Donate](/donate/) and [legal](/legal/) and [nowhere](/nowhere/).\n';
	const pageUri = (): string => URI.file(path.join(site, 'content', 'links.md')).toString();
	const brokenUrls = async (expected: string[]): Promise<void> => {
		const urls = (diagnostics: { code?: unknown; data?: unknown }[]): string[] => diagnostics.filter(d => d.code === 'broken-link').map(d => (d.data as { url: string }).url);
		const diagnostics = await client.diagnosticsOf(pageUri(), published => JSON.stringify(urls(published)) === JSON.stringify(expected));
		assert.deepStrictEqual(urls(diagnostics), expected);
	};
	const watched = (file: string, type: number): Promise<void> => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type }] });

	before(async () => {
		site = temporaryVault('ev-formats-', {
			'hugo.toml': "baseURL = 'https://example.org/'\n",
			'content/links.md': LINKS,
			'content/donate.html': '---\ntitle: Donate\n---\n<p>Give.</p>\n',
		});
		client = await LspTestClient.indexedOn(site);
	});

	after(async () => {
		await client.shutdown();
		fs.rmSync(site, { recursive: true, force: true });
	});

	it('knows the HTML page from the listing, and follows such pages as they are created, changed and deleted', async () => {
		const root = path.join(site, 'content');
		assert.ok(client.logs.includes(`Site rules for ${root} (hugo, from hugo.toml): URLs lower-cased; heading ids github, {#id} attributes; redirect fields aliases.`), client.logs.join('\n'));
		await client.waitFor('the pages in other formats logged', () => client.logs.includes(`Pages of ${root} in formats other than markdown (.html): 1 page, published, not read.`) || undefined);
		await client.open(pageUri(), LINKS);
		await brokenUrls(['/legal/', '/nowhere/']);
		const legal = path.join(root, 'legal.adoc');
		fs.writeFileSync(legal, '---\ntitle: Legal\n---\n= Legal\n');
		await watched(legal, 1);
		await brokenUrls(['/nowhere/']);
		// Its slug changed: it is published elsewhere now.
		fs.writeFileSync(legal, '---\ntitle: Legal\nslug: terms\n---\n= Legal\n');
		await watched(legal, 2);
		await brokenUrls(['/legal/', '/nowhere/']);
		const donate = path.join(root, 'donate.html');
		fs.rmSync(donate);
		await watched(donate, 3);
		await brokenUrls(['/donate/', '/legal/', '/nowhere/']);
	});

	it('knows them after a warm start too, from the check against the disk, before any diagnostics are published', async () => {
		const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-formats-cache-'));
		const warmSite = temporaryVault('ev-formats-warm-', {
			'hugo.toml': "baseURL = 'https://example.org/'\n",
			'content/links.md': LINKS,
			'content/donate.html': '---\ntitle: Donate\n---\n<p>Give.</p>\n',
			'content/legal/index.html': '<p>Legal.</p>\n',
		});
		try {
			const first = await LspTestClient.indexedOn(warmSite, { cacheDirectory: cache });
			await first.shutdown();
			await waitForPersistedIndex(cache);
			const warm = await LspTestClient.indexedOn(warmSite, { cacheDirectory: cache, settings: { diagnostics: { scope: 'vault' } } });
			try {
				assert.ok(warm.logs.some(line => /^Checking 1 page of .* against the disk/.test(line)), warm.logs.join('\n'));
				const uri = URI.file(path.join(warmSite, 'content', 'links.md')).toString();
				await warm.diagnosticsOf(uri, () => true);
				// The first diagnostics published for the page (scope vault), not a later correction.
				const first = warm.diagnosticsHistory.find(published => published.uri === uri)!;
				assert.deepStrictEqual(first.diagnostics.filter(d => d.code === 'broken-link').map(d => (d.data as { url: string }).url), ['/nowhere/']);
			} finally {
				await warm.shutdown();
			}
		} finally {
			fs.rmSync(warmSite, { recursive: true, force: true });
			fs.rmSync(cache, { recursive: true, force: true });
		}
	});
});
