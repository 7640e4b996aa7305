import * as assert from 'assert';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { rangeOfText, vaultOf } from '../support/cursor';
import { rememberSharedNameRanges } from '../../server/src/service/languageFeatures/duplicateEntity';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { JSON_PAGE_CODEC, type PageCodec } from '../../server/src/service/parse/storedPageSummary';

const MI6 = 'organizations/mi6.md';
const SIS = 'organizations/secret-intelligence-service.md';

/** A vault page with `title` (none when undefined) and extra frontmatter lines. */
function page(title: string | undefined, extra: readonly string[] = [], body = 'Text.', eol = '\n'): string {
	return ['---', ...(title === undefined ? [] : [`title: ${title}`]), 'summary: A page.', ...extra, '---', '', body, ''].join(eol);
}

function duplicates(service: VaultService, path: string): Diagnostic[] {
	return service.diagnostics(path).filter(diagnostic => diagnostic.code === 'duplicate-entity');
}

describe('duplicate-entity: two pages of a section sharing a title or an alias', () => {
	it('warns on both pages sharing a title, whatever the letter case and spacing, at the title, related to the other', () => {
		const mi6 = page('MI6');
		const sis = page('  mi6 ');
		const service = vaultOf({ [MI6]: mi6, [SIS]: sis, 'organizations/cia.md': page('CIA') });
		const [onMi6, ...more] = duplicates(service, MI6);
		assert.strictEqual(more.length, 0);
		assert.strictEqual(onMi6.severity, DiagnosticSeverity.Warning);
		assert.strictEqual(onMi6.source, 'entity-vault');
		assert.deepStrictEqual(onMi6.range, rangeOfText(mi6, 'MI6'));
		assert.strictEqual(onMi6.message, 'The title MI6 also names mi6 (/organizations/secret-intelligence-service/): if they are one entity, merge the two pages.');
		assert.deepStrictEqual(onMi6.data, { name: 'MI6', kind: 'title', others: [{ path: SIS, url: '/organizations/secret-intelligence-service/', title: 'mi6' }] });
		assert.deepStrictEqual(onMi6.relatedInformation, [{ location: { uri: SIS, range: rangeOfText(sis, 'mi6') }, message: 'mi6: the title of /organizations/secret-intelligence-service/' }]);
		const onSis = duplicates(service, SIS);
		assert.strictEqual(onSis.length, 1);
		assert.deepStrictEqual(onSis[0].data, { name: 'mi6', kind: 'title', others: [{ path: MI6, url: '/organizations/mi6/', title: 'MI6' }] });
		assert.deepStrictEqual(duplicates(service, 'organizations/cia.md'), []);
	});

	it('warns on an alias naming another page, at the aliases field, and on that page at its title', () => {
		const sis = page('Secret Intelligence Service', ['aliases:', '  - SIS', '  - Mi6']);
		const mi6 = page('MI6');
		const service = vaultOf({ [MI6]: mi6, [SIS]: sis });
		const [onSis] = duplicates(service, SIS);
		assert.deepStrictEqual(onSis.range, { start: rangeOfText(sis, 'aliases').start, end: rangeOfText(sis, 'Mi6').end });
		assert.deepStrictEqual(onSis.data, { name: 'Mi6', kind: 'alias', others: [{ path: MI6, url: '/organizations/mi6/', title: 'MI6' }] });
		const [onMi6] = duplicates(service, MI6);
		assert.deepStrictEqual(onMi6.range, rangeOfText(mi6, 'MI6'));
		assert.strictEqual(onMi6.message, 'The title MI6 also names Secret Intelligence Service (/organizations/secret-intelligence-service/): if they are one entity, merge the two pages.');
		assert.deepStrictEqual(onMi6.relatedInformation?.[0].location.range, onSis.range);
		assert.strictEqual(onMi6.relatedInformation?.[0].message, 'MI6: an alias of Secret Intelligence Service (/organizations/secret-intelligence-service/)');
	});

	it('names a page without a title by its first heading, else its slug (mi6.md is Mi6)', () => {
		const bare = '---\nsummary: No title.\n---\n\nText.\n';
		const headed = '---\nsummary: A heading.\n---\n\n# Secret Intelligence Service\n';
		const aliased = page('The Firm', ['aliases: [MI6, secret intelligence service]']);
		const service = vaultOf({ [MI6]: bare, [SIS]: headed, 'organizations/firm.md': aliased });
		assert.deepStrictEqual(duplicates(service, MI6).map(d => [d.range, d.data]), [[{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { name: 'Mi6', kind: 'title', others: [{ path: 'organizations/firm.md', url: '/organizations/firm/', title: 'The Firm' }] }]]);
		assert.deepStrictEqual(duplicates(service, SIS).map(d => d.range), [rangeOfText(headed, '# Secret Intelligence Service')]);
		assert.deepStrictEqual(duplicates(service, 'organizations/firm.md').map(d => (d.data as { name: string }).name), ['MI6', 'secret intelligence service']);
	});

	it('is quiet for a title equal to its own alias, other folders, list pages, URL aliases, plain folders and severity off', () => {
		const pages = {
			[MI6]: page('MI6', ['aliases: [mi6, /intelligence/mi6/]']),
			'people/jordan.md': page('Jordan'),
			'places/jordan.md': page('Jordan'),
			'methods/page/title.md': page('Title'),
			'methods/site/title.md': page('Title'),
			'organizations/_index.md': page('Organizations'),
			'organizations/organizations.md': page('Organizations', ['aliases: [/intelligence/mi6/]']),
		};
		const service = vaultOf(pages);
		for (const path of Object.keys(pages)) {
			assert.deepStrictEqual(duplicates(service, path), [], path);
		}
		const plain = vaultOf({ 'docs/a.md': '# Setup\n', 'docs/b.md': '# Setup\n' });
		assert.strictEqual(plain.vaultKind().isVault, false);
		assert.deepStrictEqual(duplicates(plain, 'docs/a.md'), []);
		const off = createVaultService({ settings: settingsFrom({ severity: { 'duplicate-entity': 'off' } }).settings });
		off.updatePage(MI6, page('MI6'));
		off.updatePage(SIS, page('MI6'));
		assert.deepStrictEqual(duplicates(off, MI6), []);
	});

	it('reports the pages to check again when a page takes or gives up a name, or goes', () => {
		const service = vaultOf({ [MI6]: page('MI6'), [SIS]: page('Secret Intelligence Service'), 'organizations/cia.md': page('CIA') });
		assert.deepStrictEqual(duplicates(service, MI6), []);
		let change = service.updatePage(SIS, page('mi6'));
		assert.deepStrictEqual([...change.affected], [MI6], 'retitled to MI6');
		assert.strictEqual(duplicates(service, MI6).length, 1);
		change = service.updatePage(SIS, page('mi6', [], 'Other text.'));
		assert.deepStrictEqual([...change.affected], [], 'same names');
		change = service.updatePage(SIS, page('Secret Intelligence Service'));
		assert.deepStrictEqual([...change.affected], [MI6], 'retitled back');
		assert.deepStrictEqual(duplicates(service, MI6), []);
		change = service.updatePage(SIS, page('Secret Intelligence Service', ['aliases:', '- MI6']));
		assert.deepStrictEqual([...change.affected], [MI6], 'an alias');
		assert.strictEqual(duplicates(service, MI6).length, 1);
		change = service.removePage(SIS);
		assert.deepStrictEqual([...change.affected], [MI6], 'removed');
		assert.deepStrictEqual(duplicates(service, MI6), []);
	});

	it('ranges in UTF-16 on CRLF pages with emoji', () => {
		const mi6 = page('🕵️ MI6', [], 'Text.', '\r\n');
		const service = vaultOf({ [MI6]: mi6, [SIS]: page('🕵️  mi6') });
		assert.deepStrictEqual(duplicates(service, MI6).map(d => d.range), [rangeOfText(mi6, '🕵️ MI6')]);
	});

	it('keeps where each page writes a shared name per page version: the same warnings, the other stored pages not decoded again, an edit seen', () => {
		let decoded = 0;
		const codec: PageCodec = { encode: JSON_PAGE_CODEC.encode, decode: blob => (decoded++, JSON_PAGE_CODEC.decode(blob)) };
		const texts: Record<string, string> = {
			[MI6]: page('MI6'), [SIS]: page('Secret Intelligence Service', ['aliases:', '  - SIS', '  - Mi6']), 'organizations/six.md': page(undefined, [], '# mi6\n'),
			'organizations/cia.md': page('CIA'), 'organizations/agency.md': page('Agency', ['aliases: [CIA, The Agency]']),
		};
		const paths = Object.keys(texts).sort();
		const serviceOf = (): VaultService => {
			const service = createVaultService({ settings: settingsFrom({}).settings, pageCodec: codec });
			for (const path of paths) {
				const { header, body } = splitPageParts(summarizePageParts(path, texts[path]));
				service.updatePageRecord({ header, blob: codec.encode(body) });
			}
			return service;
		};
		const oracle = serviceOf();
		const expected = paths.map(path => duplicates(oracle, path));
		assert.strictEqual(expected.flat().length, 5);
		// Asked twice: kept, the same.
		assert.deepStrictEqual(paths.map(path => duplicates(oracle, path)), expected);
		const service = serviceOf();
		rememberSharedNameRanges(service.index);
		for (const [i, path] of paths.entries()) {
			decoded = 0;
			assert.deepStrictEqual(duplicates(service, path), expected[i], path);
			assert.ok(decoded <= 1, `${path}: ${decoded} pages decoded, its own alone`);
		}
		// A new version of a page is asked anew: its title a line lower.
		const moved = '---\nkind: agency\ntitle: MI6\n---\n\nText.\n';
		service.updatePage(MI6, moved);
		assert.deepStrictEqual(duplicates(service, SIS)[0].relatedInformation?.map(info => info.location), [{ uri: MI6, range: rangeOfText(moved, 'MI6') }, ...expected[paths.indexOf(SIS)][0].relatedInformation!.slice(1).map(info => info.location)]);
	});
});
