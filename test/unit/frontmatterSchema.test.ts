import * as assert from 'assert';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { applyTextEdits } from '../support/applyEdits';
import { rangeOfText, vaultOf, vaultWithCursor } from '../support/cursor';
import { settingsFrom } from '../../server/src/service/vault/settings';
import type { VaultService } from '../../server/src/service/vaultService';
import type { VaultDiagnostic } from '../../server/src/service/languageFeatures/diagnostics';

/** A page of the vault model: the five fields, and `extra` lines. */
function modelPage(title: string, extra: string[] = [], omit: string[] = [], eol = '\n'): string {
	const lines = [`title: ${title}`, 'summary: A page.', 'category: Person', 'tags:', '- Person', 'created: 2026-01-01', 'updated: 2026-01-02']
		.filter(line => !omit.some(field => line.startsWith(`${field}:`) || (field === 'tags' && line === '- Person')));
	return ['---', ...lines, ...extra, '---', '', `${title}.`, ''].join(eol);
}

/** A page of a site that does not follow the vault model (a Hugo documentation page). */
function sitePage(title: string, extra: string[] = []): string {
	return ['---', `title: ${title}`, ...extra, '---', '', `${title}.`, ''].join('\n');
}

function fieldFindings(service: VaultService, path: string): string[] {
	return service.diagnostics(path).filter(d => d.code === 'frontmatter-field')
		.map(d => { const data = (d as VaultDiagnostic<'frontmatter-field'>).data; return `${data.field}:${data.reason}`; });
}

function allFieldFindings(service: VaultService): string[] {
	return [...service.index.pages()].flatMap(page => fieldFindings(service, page.path).map(finding => `${page.path} ${finding}`));
}

function pages(count: number, make: (i: number) => string, section = 'people'): Record<string, string> {
	return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${section}/p${i}.md`, make(i)]));
}

describe('frontmatter schema: inferred from the vault', () => {
	it('requires a vault model field that at least half of a section\'s pages have, and none that fewer have', () => {
		// 20 pages, 10 without summary: half have it, so it is required.
		const half = vaultOf(pages(20, i => modelPage(`P${i}`, [], i < 10 ? ['summary'] : [])));
		assert.strictEqual(allFieldFindings(half).filter(finding => finding.endsWith('summary:missing')).length, 10);
		// 11 without: fewer than half have it: never asked for.
		const fewer = vaultOf(pages(20, i => modelPage(`P${i}`, [], i < 11 ? ['summary'] : [])));
		assert.deepStrictEqual(allFieldFindings(fewer), []);
		assert.deepStrictEqual(fewer.frontmatterSchema().schema.people.required, ['category', 'tags', 'created', 'updated', 'title']);
	});

	it('asks a site that never writes the vault model\'s fields for none of them', () => {
		const site = vaultOf(pages(30, i => sitePage(`P${i}`, i === 0 ? [] : ['description: D', 'weight: 10'])));
		assert.ok(site.vaultKind().isVault);
		// `description` on 29 of 30 pages (97 %): not nearly all, so its absence is no slip.
		assert.deepStrictEqual(allFieldFindings(site), []);
		const schema = site.frontmatterSchema();
		assert.strictEqual(schema.inferred, true);
		assert.deepStrictEqual(schema.schema.people, { required: ['title'], fields: { description: { type: 'text' }, title: { type: 'text' }, weight: { type: 'number' } } });
	});

	it('requires another field that nearly all (49 in 50) of at least 20 pages have, with the type nearly all of them use', () => {
		const site = vaultOf(pages(50, i => sitePage(`P${i}`, i === 0 ? ['weight: heavy'] : ['description: D', 'weight: 10'])));
		assert.deepStrictEqual(allFieldFindings(site), ['people/p0.md description:missing', 'people/p0.md weight:type']);
		assert.deepStrictEqual(site.diagnostics('people/p0.md').map(d => d.message), [
			'Frontmatter field "description" is missing.',
			'Frontmatter field "weight" should be a number, not the text "heavy".',
		]);
	});

	it('keeps the counts page by page: a page removed or changed changes what is inferred', () => {
		// 59 of 60 pages have a description (98 %).
		const site = vaultOf(pages(60, i => sitePage(`P${i}`, i === 0 ? [] : ['description: D'])));
		assert.deepStrictEqual(allFieldFindings(site), ['people/p0.md description:missing']);
		// p1 losing its description changes the schema: p0's findings change too, so the update says p0 is affected.
		const change = site.updatePage('people/p1.md', sitePage('P1'));
		assert.ok(change.affected.has('people/p0.md') && !change.affected.has('people/p1.md'));
		assert.deepStrictEqual(allFieldFindings(site), []);
		assert.deepStrictEqual([...site.updatePage('people/p2.md', sitePage('P2', ['description: E'])).affected], []);
		site.removePage('people/p1.md');
		assert.deepStrictEqual(allFieldFindings(site), ['people/p0.md description:missing']);
		assert.strictEqual(site.index.fieldCounts.section('people')?.pages, 59);
		site.removePage('people/p0.md');
		assert.deepStrictEqual(site.index.fieldCounts.section('people')?.fields.get('description')?.present, 58);
	});

	it('makes a section\'s rules once for all its pages, again after an update or under other settings', () => {
		const site = vaultOf(pages(60, i => sitePage(`P${i}`, i === 0 ? [] : ['description: D'])));
		const made: string[] = [];
		const memo = site.index.sectionRules;
		const get = memo.get.bind(memo);
		memo.get = (version, key, compute, scope) => get(version, key, () => {
			made.push(key);
			return compute();
		}, scope);
		assert.deepStrictEqual(allFieldFindings(site), ['people/p0.md description:missing']);
		assert.deepStrictEqual(made, ['people'], 'once for the 60 pages');
		site.updatePage('people/p1.md', sitePage('P1'));
		assert.deepStrictEqual(allFieldFindings(site), []);
		assert.deepStrictEqual(made, ['people', 'people'], 'again after the update');
		site.setSettings(settingsFrom({ requiredFields: ['weight'] }).settings);
		assert.strictEqual(allFieldFindings(site).filter(finding => finding.endsWith(' weight:missing')).length, 60, 'the new settings are read');
		assert.deepStrictEqual(made, ['people', 'people', 'people']);
	});

	it('judges a small vault by the vault model as soon as one page uses it, and a small site by nothing', () => {
		const model = vaultOf({ 'people/a.md': '---\ncategory: Person\n---\n' });
		assert.deepStrictEqual(fieldFindings(model, 'people/a.md'), ['summary:missing', 'tags:missing', 'created:missing', 'updated:missing']);
		const site = vaultOf({ 'people/a.md': sitePage('A'), 'people/b.md': sitePage('B', ['description: D']) });
		assert.deepStrictEqual(allFieldFindings(site), []);
	});

	it('holds a list page (_index.md) to the types only', () => {
		const vault = vaultOf({ ...pages(3, i => modelPage(`P${i}`)), 'people/_index.md': '---\ntitle: People\ntags: People\n---\n' });
		assert.deepStrictEqual(fieldFindings(vault, 'people/_index.md'), ['tags:type']);
	});

	it('takes a requiredFields setting in place of the inferred required fields', () => {
		const vault = vaultOf(pages(3, i => modelPage(`P${i}`, [], i === 0 ? ['summary', 'category'] : [])));
		assert.deepStrictEqual(fieldFindings(vault, 'people/p0.md'), ['summary:missing', 'category:missing']);
		vault.setSettings(settingsFrom({ requiredFields: ['summary', 'author'] }).settings);
		assert.deepStrictEqual(fieldFindings(vault, 'people/p0.md'), ['summary:missing', 'author:missing']);
		vault.setSettings(settingsFrom({ requiredFields: [] }).settings);
		assert.deepStrictEqual(fieldFindings(vault, 'people/p0.md'), []);
	});
});

describe('frontmatter schema: configured', () => {
	const FRONTMATTER = {
		'*': { required: ['title'] },
		people: {
			required: ['born', 'location'],
			fields: {
				born: { type: 'date' },
				location: { type: 'link', section: '/places/' },
				category: { values: ['Person', 'Spy'] },
				active: { type: 'boolean' },
				children: { type: 'number' },
			},
		},
	};

	function configured(files: Record<string, string>): VaultService {
		const vault = vaultOf(files);
		const { settings, problems } = settingsFrom({ frontmatter: FRONTMATTER });
		assert.deepStrictEqual(problems, []);
		vault.setSettings(settings);
		return vault;
	}

	it('checks required fields, types, allowed values and the section of a link, and prints as configured', () => {
		const vault = configured({
			'places/london.md': '---\ntitle: London\n---\n',
			'people/ok.md': '---\ntitle: Ok\nborn: 1950-01-02\nlocation: "[London](/places/london/)"\ncategory: Spy\nactive: true\nchildren: 2\n---\n',
			'people/bad.md': '---\nborn: 1950\nlocation: "[Ok](/people/ok/)"\ncategory: Publisher\nactive: yes\nchildren: two\n---\n',
		});
		assert.deepStrictEqual(fieldFindings(vault, 'people/ok.md'), []);
		assert.deepStrictEqual(vault.diagnostics('people/bad.md').map(d => d.message), [
			'Frontmatter field "title" is missing.',
			'Frontmatter field "born" should be a date written YYYY-MM-DD, not the number "1950".',
			'Frontmatter field "location" should link to a page in /places/, not /people/ok/.',
			'Frontmatter field "category" should be one of "Person", "Spy", not "Publisher".',
			'Frontmatter field "active" should be true or false, not the text "yes".',
			'Frontmatter field "children" should be a number, not the text "two".',
		]);
		const text = '---\nborn: 1950\nlocation: "[Ok](/people/ok/)"\ncategory: Publisher\nactive: yes\nchildren: two\n---\n';
		const section = vault.diagnostics('people/bad.md').find(d => d.message.includes('should link to a page in /places/'));
		assert.deepStrictEqual(section?.range, rangeOfText(text, '/people/ok/'));
		assert.deepStrictEqual(vault.frontmatterSchema(), { schema: settingsFrom({ frontmatter: FRONTMATTER }).settings.frontmatter, inferred: false });
		assert.deepStrictEqual(vault.frontmatterSchema().schema.people.fields.location, { type: 'link', section: 'places' });
	});

	it('reports what is wrong in the configured schema and keeps the rest', () => {
		const { settings, problems } = settingsFrom({ frontmatter: { people: { required: 'born', fields: { born: { type: 'day' }, home: { section: 'places', type: 'text' }, x: { colour: 1 } }, extra: 1 }, places: 3 } });
		assert.deepStrictEqual(problems, [
			'frontmatter.people has an unknown key `extra` (known: required, fields)',
			'frontmatter.people.required must be a list of field names',
			'frontmatter.people.fields.born.type must be one of text, date, names, link, list, number, boolean',
			'frontmatter.people.fields.home.section applies to a link only, not to a field of type text',
			'frontmatter.people.fields.x has an unknown key `colour` (known: type, section, values)',
			'frontmatter.places must be an object with required and fields',
		]);
		assert.deepStrictEqual(Object.keys(settings.frontmatter ?? {}), ['people']);
		assert.deepStrictEqual(settingsFrom({ frontmatter: [] }).problems, ['frontmatter must be an object mapping sections (or "*") to their schema']);
	});
});

describe('frontmatter values that are links', () => {
	const LONDON = '---\ntitle: London\n---\n\n## Docks\n';

	it('reports a broken link in a value at its destination, as written or bare in a link field, with CRLF line breaks', () => {
		for (const eol of ['\n', '\r\n']) {
			const text = ['---', 'title: Ada', 'location: "[Paris](/places/paris/)"', 'home: /places/lyon/', 'seen:', '- "[London](/places/london/#nope)"', '---', '', 'Ada 😀.', ''].join(eol);
			const vault = vaultOf({ 'places/london.md': LONDON, 'people/ada.md': text });
			const links = vault.diagnostics('people/ada.md').filter(d => d.code !== 'frontmatter-field');
			// `home` is a bare path in a field nothing says is a link: not checked.
			assert.deepStrictEqual(links.map(d => [d.code, d.range]), [
				['broken-link', rangeOfText(text, '/places/paris/')],
				['broken-anchor', rangeOfText(text, '/places/london/#nope')],
			]);
			vault.setSettings(settingsFrom({ frontmatter: { people: { fields: { home: { type: 'link', section: 'places' } } } } }).settings);
			assert.deepStrictEqual(vault.diagnostics('people/ada.md').filter(d => d.code === 'broken-link').map(d => d.range),
				[rangeOfText(text, '/places/paris/'), rangeOfText(text, '/places/lyon/')]);
		}
	});

	it('infers a field of links, and its section, from the values nearly all pages write', () => {
		const files = pages(60, i => modelPage(`P${i}`, [`location: ${i === 0 ? '/places/nowhere/' : i === 1 ? '/people/p2/' : '/places/london/'}`]));
		const vault = vaultOf({ ...files, 'places/london.md': LONDON });
		assert.deepStrictEqual(vault.frontmatterSchema().schema.people.fields.location, { type: 'link', section: 'places' });
		// (London, alone in places/, is judged on every section's pages: it lacks their fields.)
		assert.deepStrictEqual(allFieldFindings(vault).filter(finding => finding.startsWith('people/')), ['people/p1.md location:section']);
		assert.deepStrictEqual(vault.diagnostics('people/p0.md').map(d => [d.code, d.message]), [['broken-link', 'No page at /places/nowhere/.']]);
	});

	it('goes to the page and shows its card from a link in the frontmatter', () => {
		const cursor = vaultWithCursor({
			'places/london.md': LONDON,
			'people/ada.md': '---\r\ntitle: Ada\r\nlocation: "[London](/places/lon$|$don/)"\r\n---\r\nAda.\r\n',
		});
		assert.deepStrictEqual(cursor.service.definition(cursor.path, cursor.text, cursor.position),
			[{ path: 'places/london.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
		const hover = cursor.service.hover(cursor.path, cursor.text, cursor.position);
		assert.ok(hover && (hover.contents as MarkupContent).value.includes('London'), JSON.stringify(hover));
		const bare = vaultWithCursor({ 'places/london.md': LONDON, 'people/ada.md': '---\ntitle: Ada\nlocation: /places/london/$|$\n---\n' });
		assert.deepStrictEqual(bare.service.definition(bare.path, bare.text, bare.position).map(location => location.path), ['places/london.md']);
	});

	it('completes the pages of a link field\'s section inside the value, and a link written in any field as in the body', () => {
		const files = { 'places/london.md': LONDON, 'places/paris.md': '---\ntitle: Paris\n---\n', 'people/bob.md': '---\ntitle: Bob\n---\n' };
		const complete = (marked: string, configure = true) => {
			const vault = vaultWithCursor({ ...files, 'people/ada.md': marked });
			if (configure) {
				vault.service.setSettings(settingsFrom({ frontmatter: { people: { fields: { location: { type: 'link', section: 'places' }, seen: { type: 'link' } } } } }).settings);
			}
			const list = vault.service.completion(vault.path, vault.text, vault.position);
			return { vault, items: list.items };
		};
		// The section's URL first, then its pages (by slug, title and alias).
		const empty = complete('---\r\ntitle: Ada\r\nlocation: $|$\r\n---\r\n');
		assert.deepStrictEqual(empty.items.map(item => item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined), ['/places/']);
		const pagesOf = complete('---\r\ntitle: Ada 😀\r\nlocation: "/places/lo$|$"\r\n---\r\n');
		assert.strictEqual(pagesOf.items[0]?.label, 'London');
		const london = pagesOf.items.find(item => item.label === 'London');
		assert.ok(london?.textEdit && 'range' in london.textEdit);
		assert.strictEqual(applyTextEdits(pagesOf.vault.text, [london.textEdit as TextEdit]), '---\r\ntitle: Ada 😀\r\nlocation: "/places/london/"\r\n---\r\n');
		// A field of links with no section: every section, as after `](/`.
		const anySection = complete('---\ntitle: Ada\nseen:\n- /$|$\n---\n');
		assert.deepStrictEqual(anySection.items.map(item => item.label), ['people', 'places']);
		// Not a link field: nothing; but a markdown link in any value completes as in the body.
		assert.deepStrictEqual(complete('---\ntitle: Ada\nhome: /pla$|$\n---\n').items, []);
		assert.deepStrictEqual(complete('---\ntitle: Ada\nhome: "[x](/places/par$|$"\n---\n', false).items.map(item => item.label), ['Paris']);
	});
});
