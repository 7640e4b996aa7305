import * as assert from 'assert';
import { statusBarText } from '../../client/src/statusBarText';
import { folderSettingsFrom } from '../../server/src/node/serverSettings';
import { checkVaultProgressMessage, indexingProgressMessage, vaultIndexedLine, vaultKindLine, vaultRootLine, vaultSettingsLine, vaultSiteLine, vaultVerifiedLine, vaultVerifyingLine } from '../../server/src/node/vaultLog';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';

describe('server log lines and progress text', () => {
	it('names the vault root and how it was chosen', () => {
		assert.strictEqual(vaultRootLine('/w/site', '/w/site/content', 'content', ''), 'Vault of folder /w/site: /w/site/content (its content/ folder, which holds the sections).');
		assert.strictEqual(vaultRootLine('/w/notes', '/w/notes', 'folder', ''),
			'Vault of folder /w/notes: /w/notes (the folder itself: no entityVault.root setting and no content/ folder with sections).');
		assert.strictEqual(vaultRootLine('/w/site', '/w/site/pages', 'setting', ' pages '), 'Vault of folder /w/site: /w/site/pages (set by entityVault.root ("pages")).');
		assert.strictEqual(vaultRootLine('/w/site', '/w/site/content/en', 'site', '', ['hugo.toml']), "Vault of folder /w/site: /w/site/content/en (the content folder of the site's configuration, hugo.toml).");
	});

	it('says which site rules are in force and from which files', () => {
		assert.strictEqual(vaultSiteLine('/v', DEFAULT_SITE_RULES, []), 'Site rules for /v: the plain vault model (no site configuration found).');
		const hugo = {
			...DEFAULT_SITE_RULES, generator: 'hugo' as const, lowercaseUrls: true, headingAttributes: true, definitionTermIds: true, aliasFields: ['aliases'],
			languages: [{ code: 'en', urlPrefix: '' }, { code: 'de', urlPrefix: '/de/' }], permalinks: { posts: '/:year/:slug/' }, externalPrefixes: ['/docs/'], staticFolders: ['../static'],
		};
		assert.strictEqual(vaultSiteLine('/w/site/content', hugo, ['hugo.toml'], ['the mount of "/x" onto the content root is not read']),
			'Site rules for /w/site/content (hugo, from hugo.toml): URLs lower-cased; heading ids github, {#id} attributes, definition term ids; languages en, de (/de/); '
			+ 'permalinks posts /:year/:slug/; published from elsewhere /docs/; redirect fields aliases; static files in ../static. Not used: the mount of "/x" onto the content root is not read.');
	});

	it('lists the settings in force, severities only where they differ from the defaults', () => {
		assert.strictEqual(vaultSettingsLine('/v', folderSettingsFrom(undefined)),
			'Settings for /v: diagnostics for open pages (scope openFiles); required fields as inferred from the pages (check --print-schema); excluded nothing; severities default.');
		const custom = folderSettingsFrom({
			exclude: ['drafts/**', '_archive/**'],
			diagnostics: { scope: 'vault', severity: { 'broken-link': 'warning', 'unused-footnote': 'off' } },
			frontmatter: { requiredFields: [] },
		});
		assert.strictEqual(vaultSettingsLine('/v', custom),
			'Settings for /v: diagnostics for every page (scope vault); required fields none; excluded drafts/**, _archive/**; severities default but broken-link warning, unused-footnote off.');
	});

	it('says how many pages came from the persisted index and how many were parsed, with grouped numbers', () => {
		assert.strictEqual(vaultIndexedLine('/v', { pages: 10000, fromCache: 9988, parsed: 10, alreadyLoaded: 2 }, 1234.4, true),
			'Indexed 10,000 pages of /v in 1,234 ms: 9,988 from the persisted index, 10 parsed, 2 from open editors.');
		assert.strictEqual(vaultIndexedLine('/v', { pages: 1, fromCache: 0, parsed: 1, alreadyLoaded: 0 }, 7, true),
			'Indexed 1 page of /v in 7 ms: 0 from the persisted index, 1 parsed (cold: nothing usable in the persisted index).');
		assert.strictEqual(vaultIndexedLine('/v', { pages: 3, fromCache: 0, parsed: 3, alreadyLoaded: 0 }, 7, false),
			'Indexed 3 pages of /v in 7 ms: 3 parsed (no persisted index is kept).');
	});

	it('says when a warm start is checked against the disk, and what the check found', () => {
		assert.strictEqual(vaultVerifyingLine('/v', 10000), 'Checking 10,000 pages of /v against the disk (changed pages are patched as found)…');
		assert.strictEqual(vaultVerifiedLine('/v', { checked: 10001, stale: 1200, added: 1, removed: 0, milliseconds: 1234.4 }),
			'Checked 10,001 pages of /v against the disk in 1,234 ms: 1,200 stale, 1 added, 0 removed.');
	});

	it('shows in the status bar the pages being checked against the disk after a warm start, then the page count', () => {
		assert.strictEqual(statusBarText({ state: 'ready', indexed: 10000, total: 10000, pages: 10000, verifying: 10000 }), '$(sync~spin) Entity Vault: checking 10,000 pages against the disk…');
		assert.strictEqual(statusBarText({ state: 'ready', indexed: 10000, total: 10000, pages: 10000 }), '$(book) 10,000 pages');
	});

	it('says whether the folder is a vault, and why', () => {
		assert.strictEqual(vaultKindLine('/v', { isVault: true, reason: 'marker file .entity-vault.json' }),
			'/v is a vault (marker file .entity-vault.json): pages in sections need frontmatter.');
		assert.strictEqual(vaultKindLine('/d', { isVault: false, reason: 'frontmatter on 0 of 2 pages in sections' }),
			'/d is a plain markdown folder, not a vault (frontmatter on 0 of 2 pages in sections): links, anchors and footnotes are checked, frontmatter is not. Add .entity-vault.json or set entityVault.root to make it a vault.');
	});

	it('formats the $/progress count as the status bar does', () => {
		assert.strictEqual(indexingProgressMessage(1234, 10000), '1,234/10,000 pages');
		assert.ok(statusBarText({ state: 'indexing', indexed: 1234, total: 10000, pages: 1234 }).endsWith('indexing 1,234/10,000'));
	});

	it('counts the pages Check Vault has checked', () => {
		assert.strictEqual(checkVaultProgressMessage(0, 10000), '0/10,000 pages checked');
		assert.strictEqual(checkVaultProgressMessage(1234, 10000), '1,234/10,000 pages checked');
	});
});
