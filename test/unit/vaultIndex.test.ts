import * as assert from 'assert';
import { createVaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';

const FRONTMATTER = '---\ntitle: T\ncategory: C\nsummary: S\ntags:\n- A\ncreated: 2026-05-14\nupdated: 2026-05-15\n---\n';
/** The same with another title: two pages of a section titled alike would be a `duplicate-entity`. */
const OTHER_FRONTMATTER = FRONTMATTER.replace('title: T', 'title: U');

function codes(service: ReturnType<typeof createVaultService>, path: string): string[] {
	return service.diagnostics(path).map(d => d.code);
}

describe('vault index and diagnostics', () => {
	it('reports a broken link on its destination with the closest pages, and clears it when the page appears', () => {
		const service = createVaultService();
		service.updatePage('places/iran.md', FRONTMATTER + 'Iran.\n');
		service.updatePage('organizations/mi6.md', FRONTMATTER + 'See [Iran](/places/irn/) and [Iran](/people/iran/).\n');
		const diagnostics = service.diagnostics('organizations/mi6.md');
		assert.deepStrictEqual(diagnostics.map(d => d.code), ['broken-link', 'broken-link']);
		const first = diagnostics[0];
		assert.deepStrictEqual(first.range, { start: { line: 9, character: 11 }, end: { line: 9, character: 23 } });
		assert.deepStrictEqual(first.data, {
			url: '/places/irn/', destination: '/places/irn/', fragment: undefined, section: 'places',
			candidatePaths: ['places/irn.md', 'places/irn/index.md', 'places/irn/_index.md'],
			suggestions: [{ url: '/places/iran/', title: 'T', distance: 1 }],
		});
		// Same slug in another section comes first.
		assert.deepStrictEqual((diagnostics[1].data as { suggestions: { url: string }[] }).suggestions.map(s => s.url), ['/places/iran/']);

		const created = service.updatePage('places/irn.md', OTHER_FRONTMATTER);
		assert.deepStrictEqual([...created.affected], ['organizations/mi6.md']);
		assert.strictEqual(created.pagesChanged, true);
		assert.deepStrictEqual(codes(service, 'organizations/mi6.md'), ['broken-link']);
		const removed = service.removePage('places/irn.md');
		assert.deepStrictEqual([...removed.affected], ['organizations/mi6.md']);
		assert.deepStrictEqual(codes(service, 'organizations/mi6.md'), ['broken-link', 'broken-link']);
	});

	it('keeps backlinks and tags per page, updated without rebuilding', () => {
		const service = createVaultService();
		service.updatePage('people/a.md', '---\ntags: [X, Y]\n---\n[b](/people/b/) [b again](/people/b/)\n');
		service.updatePage('people/c.md', '---\ntags: [X]\n---\n[b](/people/b/)\n');
		assert.strictEqual(service.index.backlinkCount('/people/b/'), 2);
		assert.deepStrictEqual([...service.index.tags()], [['X', 2], ['Y', 1]]);
		service.updatePage('people/a.md', '---\ntags: [Y]\n---\nno links\n');
		assert.deepStrictEqual(service.index.linkersOf('/people/b/'), ['people/c.md']);
		assert.deepStrictEqual([...service.index.tags()], [['X', 1], ['Y', 1]]);
		service.removePage('people/c.md');
		assert.strictEqual(service.index.backlinkCount('/people/b/'), 0);
		assert.deepStrictEqual(service.index.sections(), ['people']);
		service.removePage('people/a.md');
		assert.deepStrictEqual(service.index.sections(), []);
		assert.strictEqual(service.index.tags().size, 0);
	});

	it('accepts section URLs, index.md pages and non-canonical spellings', () => {
		const service = createVaultService();
		service.updatePage('people/x/index.md', FRONTMATTER);
		service.updatePage('people/y.md', OTHER_FRONTMATTER + '[s](/people/) [x](/people/x/) [x2](/people/x) [x3](x/index.md) [x4](../x/)\n');
		const diagnostics = service.diagnostics('people/y.md');
		assert.deepStrictEqual(diagnostics.map(d => d.code), ['non-canonical-link', 'non-canonical-link', 'non-canonical-link']);
		assert.deepStrictEqual(diagnostics.map(d => (d.data as { canonical: string }).canonical), ['/people/x/', '/people/x/', '/people/x/']);
	});

	it('checks anchors against the target headings and refreshes linkers when headings change', () => {
		const service = createVaultService();
		service.updatePage('a/target.md', FRONTMATTER + '## Early Life\n');
		service.updatePage('a/source.md', OTHER_FRONTMATTER + '[t](/a/target/#early-life) [u](/a/target/#later-life) [self](#nowhere)\n');
		const diagnostics = service.diagnostics('a/source.md');
		assert.deepStrictEqual(diagnostics.map(d => [d.code, (d.data as { fragment: string }).fragment]), [['broken-anchor', 'later-life'], ['broken-anchor', 'nowhere']]);
		const change = service.updatePage('a/target.md', FRONTMATTER + '## Early Life\n## Later Life\n');
		assert.deepStrictEqual([...change.affected], ['a/source.md']);
		assert.deepStrictEqual(codes(service, 'a/source.md'), ['broken-anchor']);
		// A body edit that keeps the headings affects nobody else.
		assert.strictEqual(service.updatePage('a/target.md', FRONTMATTER + '## Early Life\nmore\n## Later Life\n').affected.size, 0);
	});

	it('reports missing, unused and duplicate footnotes, labels case-insensitive', () => {
		const service = createVaultService();
		service.updatePage('a/f.md', FRONTMATTER + 'One[^A] two[^b] three[^missing].\n\n[^a]: first\n[^B]: second\n[^b]: again\n[^spare]: unused\n');
		const diagnostics = service.diagnostics('a/f.md');
		assert.deepStrictEqual(diagnostics.map(d => d.code), ['missing-footnote', 'duplicate-footnote', 'unused-footnote']);
		assert.deepStrictEqual(diagnostics[0].range, { start: { line: 9, character: 21 }, end: { line: 9, character: 31 } });
		assert.strictEqual((diagnostics[1].data as { unusedLabel: string }).unusedLabel, '1');
		assert.deepStrictEqual((diagnostics[1].data as { definitionRange: unknown }).definitionRange, { start: { line: 13, character: 0 }, end: { line: 13, character: 11 } });
	});

	it('gives exact UTF-16 ranges after emoji and with CRLF', () => {
		const service = createVaultService();
		const text = (FRONTMATTER + '👨‍👩‍👧 café 𝔘 [x](/nope/page/)\n').replace(/\n/g, '\r\n');
		service.updatePage('a/emoji.md', text);
		const [diagnostic] = service.diagnostics('a/emoji.md');
		const line = text.split('\r\n')[9];
		assert.strictEqual(diagnostic.range.start.line, 9);
		assert.strictEqual(diagnostic.range.start.character, line.indexOf('/nope'));
		assert.strictEqual(diagnostic.range.end.character, line.indexOf(')'));
	});

	it('reports frontmatter problems for section pages only, per settings', () => {
		const service = createVaultService();
		service.updatePage('README.md', 'no frontmatter\n');
		service.updatePage('people/bare.md', 'no frontmatter\n');
		service.updatePage('people/bad.md', '---\ntitle: [1, 2]\ncategory: C\nsummary: S\ntags: [A]\ncreated: 2026-02-30\nupdated: 2026-01-01\n---\n');
		assert.deepStrictEqual(codes(service, 'README.md'), []);
		assert.deepStrictEqual(codes(service, 'people/bare.md'), ['frontmatter-missing']);
		const bad = service.diagnostics('people/bad.md');
		assert.deepStrictEqual(bad.map(d => (d.data as { field: string; reason: string })).map(d => `${d.field}:${d.reason}`), ['created:date-format', 'title:type']);
		service.setSettings(settingsFrom({ severity: { 'frontmatter-field': 'off', 'frontmatter-missing': 'error' }, requiredFields: ['summary'] }).settings);
		assert.deepStrictEqual(codes(service, 'people/bad.md'), []);
		assert.strictEqual(service.diagnostics('people/bare.md')[0].severity, 1);
		assert.deepStrictEqual(settingsFrom({ severity: { nope: 'error', 'broken-link': 'loud' } }).problems.length, 2);
	});

	it('reports a reference-style link once, at its definition', () => {
		const service = createVaultService();
		service.updatePage('a/r.md', FRONTMATTER + '[one][t] and [two][t]\n\n[t]: /a/missing/\n');
		const diagnostics = service.diagnostics('a/r.md');
		assert.deepStrictEqual(diagnostics.map(d => [d.code, d.range.start.line]), [['broken-link', 11]]);
	});

	it('reports links that leave the vault, and a link written in the frontmatter as in the body', () => {
		const service = createVaultService();
		service.updatePage('a/o.md', '---\ntitle: "[x](/nowhere/)"\n---\n[up](../../../etc/passwd.md) `[code](/nowhere/)`\n');
		assert.deepStrictEqual(codes(service, 'a/o.md').filter(c => c !== 'frontmatter-field'), ['link-outside-vault', 'broken-link']);
	});
});
