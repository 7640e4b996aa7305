import * as assert from 'assert';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { applyVaultEdit } from '../support/applyEdits';
import { rangeOfText } from '../support/cursor';

const TODAY = '2026-12-07';

const ADA = [
	'---', 'title: Ada', '---', '# Ada', '',
	'![portrait](portrait.png) ![missing](missing.png "a title") 🙂 ![logo](/images/logo.svg?v=2#top) [pdf](../files/a.pdf)', '',
	'<img src="/images/not-checked.png"> `![code](/images/in-code.png)`', '',
	'[page](/people/bob/) [site](https://example.com/x.png)', '',
].join('\r\n');
const BOB = '# Bob\n\n![x](/img/logo.png) ![y](bob.jpg)\n';

function vault(assets?: readonly string[]): VaultService {
	const service = createVaultService();
	service.updatePage('people/ada/index.md', ADA);
	service.updatePage('people/bob.md', BOB);
	if (assets) {
		service.setAssets(assets);
	}
	return service;
}

function brokenAssets(service: VaultService, path: string): string[] {
	return service.diagnostics(path).filter(diagnostic => diagnostic.code === 'broken-asset').map(diagnostic => diagnostic.message);
}

describe('broken-asset', () => {
	it('checks links and images to files as the site resolves them: the page bundle, the site root and the static folders', () => {
		const service = vault(['people/ada/portrait.png', 'images/logo.png', 'files/a.pdf', 'people/bob/bob.jpg']);
		assert.deepStrictEqual(brokenAssets(service, 'people/ada/index.md'), [
			'No file at /people/ada/missing.png.',
			'No file at /images/logo.svg: did you mean /images/logo.png?',
			'No file at /people/files/a.pdf: did you mean /files/a.pdf?',
		]);
		// `bob.jpg` on `people/bob.md` is `/people/bob/bob.jpg` to a browser.
		assert.deepStrictEqual(brokenAssets(service, 'people/bob.md'), ['No file at /img/logo.png: did you mean /images/logo.png?']);
	});

	it("finds a multilingual Hugo bundle's shared resources under the default language's prefix, and only there", () => {
		const site = { ...DEFAULT_SITE_RULES, generator: 'hugo' as const, lowercaseUrls: true, languages: [{ code: 'en', urlPrefix: '/en/' }, { code: 'fr', urlPrefix: '/fr/' }], defaultLanguage: 'en' };
		const service = createVaultService({ settings: settingsFrom({ site }).settings });
		const page = '# Styles\n\n![blue](/en/basics/styles/images/blue.png?width=60pc) ![fr](/fr/basics/styles/images/blue.png) ![gone](/en/basics/styles/images/gone.png) ![here](images/blue.png)\n';
		service.updatePage('basics/styles/_index.fr.md', page);
		service.setAssets(['basics/styles/images/blue.png']);
		assert.deepStrictEqual(brokenAssets(service, 'basics/styles/_index.fr.md'), [
			'No file at /fr/basics/styles/images/blue.png: did you mean /basics/styles/images/blue.png?',
			'No file at /en/basics/styles/images/gone.png. Looked for /en/basics/styles/images/gone.png, /basics/styles/images/gone.png.',
		]);
		const oneLanguage = createVaultService({ settings: settingsFrom({ site: { ...site, languages: [], defaultLanguage: '' } }).settings });
		oneLanguage.updatePage('basics/styles/_index.md', page);
		oneLanguage.setAssets(['basics/styles/images/blue.png']);
		assert.strictEqual(brokenAssets(oneLanguage, 'basics/styles/_index.md')[0], 'No file at /en/basics/styles/images/blue.png: did you mean /basics/styles/images/blue.png?');
	});

	it('reports nothing until the transport listed the files (a service fed pages only)', () => {
		assert.deepStrictEqual(brokenAssets(vault(), 'people/ada/index.md'), []);
	});

	it('follows files added and removed, a path published twice staying until both copies go', () => {
		const service = vault(['images/logo.png', 'people/ada/portrait.png']);
		assert.strictEqual(service.updateAssets(['people/ada/missing.png', 'images/logo.svg', 'images/logo.svg'], []).assetsChanged, true);
		assert.deepStrictEqual(brokenAssets(service, 'people/ada/index.md'), ['No file at /people/files/a.pdf.']);
		service.updateAssets([], ['images/logo.svg', 'people/ada/portrait.png']);
		assert.deepStrictEqual(brokenAssets(service, 'people/ada/index.md'), ['No file at /people/ada/portrait.png.', 'No file at /people/files/a.pdf.']);
	});

	it('is a warning on the destination, with a quick fix to the closest file that keeps the query and fragment', () => {
		const service = vault(['images/logo.png', 'people/ada/portrait.png', 'people/ada/missing.jpg']);
		const diagnostics = service.diagnostics('people/ada/index.md').filter(diagnostic => diagnostic.code === 'broken-asset');
		assert.deepStrictEqual(diagnostics.map(diagnostic => [diagnostic.severity, diagnostic.range]), [
			[2, rangeOfText(ADA, 'missing.png')],
			[2, rangeOfText(ADA, '/images/logo.svg?v=2#top')],
			[2, rangeOfText(ADA, '../files/a.pdf')],
		]);
		const logo = diagnostics[1];
		const actions = service.codeActions('people/ada/index.md', ADA, logo.range, [logo], TODAY);
		const fix = actions.find(action => action.title === 'Change link to /images/logo.png');
		assert.ok(fix?.edit, JSON.stringify(actions.map(action => action.title)));
		const after = applyVaultEdit(new Map([['people/ada/index.md', ADA]]), fix.edit as VaultEdit).get('people/ada/index.md')!;
		assert.ok(after.includes('🙂 ![logo](/images/logo.png?v=2#top) [pdf]'), after);
		service.updatePage('people/ada/index.md', after);
		assert.deepStrictEqual(brokenAssets(service, 'people/ada/index.md'), ['No file at /people/ada/missing.png: did you mean /people/ada/missing.jpg?', 'No file at /people/files/a.pdf.']);
	});

	it('has no quick fix when no file is close', () => {
		const service = vault([]);
		const diagnostics = service.diagnostics('people/bob.md').filter(diagnostic => diagnostic.code === 'broken-asset');
		assert.strictEqual(diagnostics.length, 2);
		assert.deepStrictEqual(service.codeActions('people/bob.md', BOB, diagnostics[0].range, diagnostics, TODAY).filter(action => action.title.startsWith('Change link')), []);
	});
});
