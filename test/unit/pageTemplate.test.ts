import * as assert from 'assert';
import { parseFrontmatter } from '../../server/src/service/parse/frontmatter';
import { newPageFile, newPagePath, pageSlug, pageTemplate, sectionConventions, yamlString } from '../../server/src/service/vault/pageTemplate';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { createVaultService } from '../../server/src/service/vaultService';

const TODAY = '2026-06-01';

describe('page template', () => {
	it('writes the frontmatter in the vault\'s style: sorted keys, today\'s dates, empty values to fill', () => {
		assert.strictEqual(pageTemplate({ title: 'Robert Maxwell', today: TODAY, requiredFields: ['summary', 'category', 'tags', 'created', 'updated'] }), [
			'---',
			'category:',
			'created: 2026-06-01',
			'location:',
			'summary:',
			'tags: []',
			'title: Robert Maxwell',
			'updated: 2026-06-01',
			'---',
			'',
			'',
		].join('\n'));
	});

	it('adds required fields of its own, keeps the line ending asked for, and fills the section\'s conventions', () => {
		const text = pageTemplate({
			title: 'Operation Boot: The Iran Coup',
			today: TODAY,
			requiredFields: ['author', 'aliases', 'summary'],
			lineEnding: '\r\n',
			conventions: { tags: ['Event', 'Cold War'], category: 'Event' },
		});
		assert.strictEqual(text, [
			'---', 'aliases: []', 'author:', 'category: Event', 'created: 2026-06-01', 'location:', 'summary:',
			'tags:', '- Event', '- Cold War', 'title: "Operation Boot: The Iran Coup"', 'updated: 2026-06-01', '---', '', '',
		].join('\r\n'));
		const parsed = parseFrontmatter(text);
		assert.deepStrictEqual(parsed.problems, []);
		assert.deepStrictEqual(parsed.data, {
			aliases: [], author: null, category: 'Event', created: TODAY, location: null, summary: null,
			tags: ['Event', 'Cold War'], title: 'Operation Boot: The Iran Coup', updated: TODAY,
		});
	});

	it('refuses a date that is not YYYY-MM-DD', () => {
		assert.throws(() => pageTemplate({ title: 'X', today: '2026-6-1', requiredFields: [] }), /YYYY-MM-DD/);
		assert.throws(() => pageTemplate({ title: 'X', today: '2026-02-30', requiredFields: [] }), /YYYY-MM-DD/);
	});

	it('writes any title as a YAML string that reads back the same', () => {
		const plain = ['Robert Maxwell', 'Intelligence & Government', 'Ari Ben-Menashe', 'Café Ñandú', 'Kermit Roosevelt Jr.', 'Shah\'s Men', 'Москва'];
		for (const title of plain) {
			assert.strictEqual(yamlString(title), title);
		}
		const tricky = [
			'Operation Boot: The Iran Coup', 'yes', 'No', 'null', '~', '2026-05-14', '123', '0x1F', '#hash', '- dash', '[x]', '{y}',
			'"quoted"', '\'single\'', 'Back\\slash', 'emoji 😀', 'trailing ', ' leading', 'a # b', '@at', '`tick`', '%pct', '&anchor',
			'*alias', '!tag', '|', '>', 'Tab\there', 'a: b', '?', 'x:', '', 'Line\nbreak',
		];
		for (const title of tricky) {
			const written = yamlString(title);
			const parsed = parseFrontmatter(`---\ntitle: ${written}\n---\n`);
			assert.deepStrictEqual(parsed.problems, [], `${JSON.stringify(title)} written ${written}`);
			assert.strictEqual(parsed.data?.title, title, `${JSON.stringify(title)} written ${written}`);
		}
	});
});

describe('new page paths', () => {
	it('makes slugs like the vault\'s own', () => {
		const cases: [string, string][] = [
			['Robert Maxwell', 'robert-maxwell'],
			['World War II', 'world-war-ii'],
			['Ari Ben-Menashe', 'ari-ben-menashe'],
			['MI5', 'mi5'],
			['Office of Strategic Services', 'office-of-strategic-services'],
			['  Café  Ñandú!  ', 'cafe-nandu'],
			['Straße', 'strasse'],
			['Łódź', 'lodz'],
			['Æthelred the Unready', 'aethelred-the-unready'],
			['O\'Brien’s Pub', 'obriens-pub'],
			['Москва', 'москва'],
			['AT&T', 'at-t'],
			['???', ''],
		];
		for (const [title, slug] of cases) {
			assert.strictEqual(pageSlug(title), slug, title);
		}
	});

	it('picks a path in the section that no page has, by path or by URL', () => {
		const service = createVaultService();
		assert.strictEqual(newPagePath(service.index, 'people', 'Jane Doe'), 'people/jane-doe.md');
		service.updatePage('people/jane-doe.md', '');
		assert.strictEqual(newPagePath(service.index, 'people', 'Jane Doe'), 'people/jane-doe-2.md');
		service.updatePage('people/jane-doe-2/index.md', '');
		assert.strictEqual(newPagePath(service.index, '/people/', 'Jane Doe'), 'people/jane-doe-3.md');
		assert.strictEqual(newPagePath(service.index, 'people', '???'), 'people/new-page.md');
		assert.strictEqual(newPagePath(service.index, 'places', 'Jane Doe'), 'places/jane-doe.md');
	});
});

describe('section conventions', () => {
	it('are the tags and category every other page of the section has', () => {
		const service = createVaultService();
		service.updatePage('people/a.md', '---\ncategory: Person\ntags: [Person, UK, Media]\n---\n');
		service.updatePage('people/b.md', '---\ncategory: Person\ntags: [Media, Person]\n---\n');
		service.updatePage('people/c.md', '# No frontmatter\n');
		service.updatePage('places/x.md', '---\ncategory: Place\ntags: [Place]\n---\n');
		assert.deepStrictEqual(sectionConventions(service.index, 'people', 'people/c.md'), { tags: ['Person', 'Media'], category: 'Person' });
		// Page c shares nothing.
		assert.deepStrictEqual(sectionConventions(service.index, 'people'), { tags: [] });
		// One page is no convention, nor is an unknown section.
		assert.deepStrictEqual(sectionConventions(service.index, 'places'), { tags: [] });
		assert.deepStrictEqual(sectionConventions(service.index, 'events'), { tags: [] });
		service.updatePage('people/c.md', '---\ncategory: Author\ntags: [Person]\n---\n');
		assert.deepStrictEqual(sectionConventions(service.index, 'people'), { tags: ['Person'] });
	});

	it('prefill the New Page command\'s page, which is then clean but for what the author must write', () => {
		const service = createVaultService();
		service.updatePage('places/iran.md', '---\ncategory: Place\ntags: [Place, MiddleEast]\n---\n');
		service.updatePage('places/london.md', '---\ncategory: Place\ntags: [Place, UK]\n---\n');
		const { settings } = settingsFrom({});
		const file = newPageFile(service.index, { section: 'places', title: 'Afghanistan', today: TODAY, requiredFields: settings.requiredFields });
		assert.strictEqual(file.path, 'places/afghanistan.md');
		assert.strictEqual(file.text, `---\ncategory: Place\ncreated: ${TODAY}\nlocation:\nsummary:\ntags:\n- Place\ntitle: Afghanistan\nupdated: ${TODAY}\n---\n\n`);
		service.updatePage(file.path, file.text);
		assert.deepStrictEqual(service.diagnostics(file.path).map(d => d.message), ['Frontmatter field "summary" is empty.']);
	});
});

describe('the New Page command', () => {
	it('makes a page in the section, with the service\'s required fields, from the input as typed', () => {
		const service = createVaultService();
		assert.ok(!service.newPage({ section: 'people', title: 'Kim Philby', today: TODAY }).exists);
		service.setSettings(settingsFrom({ requiredFields: ['title', 'born'] }).settings);
		assert.deepStrictEqual(service.newPage({ section: ' /people/ ', title: '  Kim Philby ', today: TODAY }), {
			exists: false,
			path: 'people/kim-philby.md',
			text: `---\nborn:\ncategory:\ncreated: ${TODAY}\nlocation:\nsummary:\ntags: []\ntitle: Kim Philby\nupdated: ${TODAY}\n---\n\n`,
		});
	});

	it('gives the page that has the title already, by URL, instead of making a twin', () => {
		const service = createVaultService();
		service.updatePage('people/robert-maxwell/index.md', '# Robert Maxwell\n');
		assert.deepStrictEqual(service.newPage({ section: 'people', title: 'Robert Maxwell', today: TODAY }), { exists: true, path: 'people/robert-maxwell/index.md' });
		assert.deepStrictEqual(service.newPage({ section: 'people', title: '???', today: TODAY }).path, 'people/new-page.md');
		service.updatePage('people/new-page.md', '');
		assert.deepStrictEqual(service.newPage({ section: 'people', title: '???', today: TODAY }), { exists: true, path: 'people/new-page.md' });
	});

	it('refuses an empty section or title, a section that climbs out of the vault, and a bad date', () => {
		const service = createVaultService();
		for (const [section, title] of [['', 'X'], [' / ', 'X'], ['people', ' '], ['../etc', 'X'], ['people/../..', 'X']]) {
			assert.throws(() => service.newPage({ section, title, today: TODAY }), /A new page needs a section and a title\./, `${section} ${title}`);
		}
		assert.throws(() => service.newPage({ section: 'people', title: 'X', today: '1/6/2026' }), /YYYY-MM-DD/);
	});
});
