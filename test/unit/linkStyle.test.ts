import * as assert from 'assert';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES, type LinkStyle } from '../../server/src/service/vault/siteRules';
import { relativeUrl } from '../../server/src/service/vault/vaultPaths';
import { applyTextEdits } from '../support/applyEdits';
import { folderSettingsFrom } from '../../server/src/node/serverSettings';

const TODAY = '2026-12-07';

function serviceWith(pages: Record<string, string>, linkStyle?: LinkStyle): VaultService {
	const site = linkStyle === undefined ? undefined : { ...DEFAULT_SITE_RULES, linkStyle };
	const service = createVaultService({ settings: settingsFrom({ site }).settings });
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return service;
}

/** Each non-canonical-link hint of the page: the destination as written → the spelling asked for. */
function hints(service: VaultService, path: string): Record<string, string> {
	return Object.fromEntries(service.diagnostics(path).filter(d => d.code === 'non-canonical-link').map(d => {
		const data = d.data as { destination: string; canonical: string };
		return [data.destination, data.canonical];
	}));
}

/** The page's text after the preferred quick fix of every non-canonical-link hint. */
function fixed(service: VaultService, path: string, text: string): string {
	const edits = service.diagnostics(path).filter(d => d.code === 'non-canonical-link').flatMap(diagnostic => {
		const action = service.codeActions(path, text, diagnostic.range, [diagnostic], TODAY, false, ['quickfix']).find(candidate => candidate.isPreferred);
		assert.ok(action?.edit.changes, `a quick fix for ${JSON.stringify(diagnostic.data)}`);
		return action.edit.changes.flatMap(change => change.edits);
	});
	return applyTextEdits(text, edits);
}

const BOB = '# Bob\n\n## Early life\n';
const ADA = 'See [Bob](/people/bob) and [Bob](../bob/#early-life) and [Bob](bob.md) and [Bob](/people/bob/) 🎉 and [London](/places/london/).\r\n';

describe('link style and files that are not pages (non-canonical-link)', () => {
	it('spells a URL relative to a page\'s own', () => {
		assert.strictEqual(relativeUrl('/people/ada/', '/people/bob/'), '../bob/');
		assert.strictEqual(relativeUrl('/people/ada/', '/places/london/'), '../../places/london/');
		assert.strictEqual(relativeUrl('/people/ada/', '/people/'), '../');
		assert.strictEqual(relativeUrl('/', '/people/bob/'), 'people/bob/');
		assert.strictEqual(relativeUrl('/people/ada/', '/people/ada/'), './');
		assert.strictEqual(relativeUrl('/people/', '/people/ada/'), 'ada/');
	});

	it('absolute: every spelling but /SECTION/SLUG/ gets the hint, as before', () => {
		const service = serviceWith({ 'people/bob.md': BOB, 'places/london.md': '# London\n', 'people/ada.md': ADA }, 'absolute');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), { '/people/bob': '/people/bob/', '../bob/#early-life': '/people/bob/#early-life', 'bob.md': '/people/bob/' });
		assert.strictEqual(fixed(service, 'people/ada.md', ADA), 'See [Bob](/people/bob/) and [Bob](/people/bob/#early-life) and [Bob](/people/bob/) and [Bob](/people/bob/) 🎉 and [London](/places/london/).\r\n');
	});

	it('relative: the links written absolute get the hint, with the relative spelling; relative ones are left as written', () => {
		const service = serviceWith({ 'people/bob.md': BOB, 'places/london.md': '# London\n', 'people/ada.md': ADA }, 'relative');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), { '/people/bob': '../bob/', '/people/bob/': '../bob/', '/places/london/': '../../places/london/' });
		assert.match(service.diagnostics('people/ada.md').find(d => d.code === 'non-canonical-link')!.message, /^Link "\/people\/bob" is better written as "\.\.\/bob\/", relative as the vault's links are\.$/);
		const text = fixed(service, 'people/ada.md', ADA);
		assert.strictEqual(text, 'See [Bob](../bob/) and [Bob](../bob/#early-life) and [Bob](bob.md) and [Bob](../bob/) 🎉 and [London](../../places/london/).\r\n');
		service.updatePage('people/ada.md', text);
		assert.deepStrictEqual(hints(service, 'people/ada.md'), {}, 'the fixed page has no hint left');
	});

	it('any: no hint about the spelling', () => {
		const service = serviceWith({ 'people/bob.md': BOB, 'places/london.md': '# London\n', 'people/ada.md': ADA }, 'any');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), {});
	});

	it('auto (the default): what most links of the site\'s pages use, counted by the index as pages change', () => {
		const relativePages = { 'people/bob.md': '[Ada](../ada/) [Cy](../cy/)\n', 'people/cy.md': '[Ada](../ada/) [Bob](bob.md)\n' };
		const service = serviceWith({ ...relativePages, 'people/ada.md': '[Bob](/people/bob/)\n' });
		assert.deepStrictEqual(hints(service, 'people/ada.md'), { '/people/bob/': '../bob/' }, '4 relative, 1 absolute');
		service.updatePage('places/london.md', '[A](/people/ada/) [B](/people/bob/) [C](/people/cy/) [D](/people/ada/#x)\n');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), {}, '4 relative, 5 absolute: absolute, and the link is canonical');
		assert.deepStrictEqual(hints(service, 'people/bob.md'), { '../ada/': '/people/ada/', '../cy/': '/people/cy/' });
		service.removePage('places/london.md');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), { '/people/bob/': '../bob/' }, 'relative again once the page is gone');
		service.updatePage('README.md', '[A](/people/ada/) [B](/people/bob/) [C](/people/cy/) [D](/people/ada/) [E](/people/bob/)\n');
		assert.deepStrictEqual(hints(service, 'people/ada.md'), { '/people/bob/': '../bob/' }, 'README.md is not a site page: its links are not counted');
		assert.deepStrictEqual(serviceWith({}).diagnostics('x.md'), []);
	});

	it('no hint on README.md, CONTRIBUTING.md and other files directly in the root (GitHub renders them), nor on a link to them; the home page is a site page', () => {
		const pages = {
			'people/bob.md': BOB,
			'README.md': 'See [Bob](people/bob.md) and [Bob](/people/bob) and [contributing](CONTRIBUTING.md).\n',
			'CONTRIBUTING.md': 'Read [the readme](README.md) and [Bob](./people/bob.md#early-life).\n',
			'people/ada.md': 'Read [the readme](../README.md) and [Bob](bob.md).\n',
			'_index.md': 'Home: [Bob](people/bob.md).\n',
		};
		for (const style of ['absolute', 'relative', 'auto'] as const) {
			const service = serviceWith(pages, style);
			assert.deepStrictEqual(hints(service, 'README.md'), {}, style);
			assert.deepStrictEqual(hints(service, 'CONTRIBUTING.md'), {}, style);
			assert.ok(!('../README.md' in hints(service, 'people/ada.md')), style);
		}
		const absolute = serviceWith(pages, 'absolute');
		assert.deepStrictEqual(hints(absolute, 'people/ada.md'), { 'bob.md': '/people/bob/' });
		assert.deepStrictEqual(hints(absolute, '_index.md'), { 'people/bob.md': '/people/bob/' });
	});

	it('reads entityVault.links.style into the site rules, reporting a bad value', () => {
		assert.strictEqual(folderSettingsFrom(undefined).vault.site.linkStyle, 'auto');
		assert.strictEqual(folderSettingsFrom({ links: { style: 'relative' } }).vault.site.linkStyle, 'relative');
		const bad = folderSettingsFrom({ links: { style: 'sideways' } });
		assert.strictEqual(bad.vault.site.linkStyle, 'auto');
		assert.deepStrictEqual(bad.problems, ['entityVault.links.style must be "auto", "absolute", "relative" or "any"']);
	});
});
