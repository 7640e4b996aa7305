import * as assert from 'assert';
import { vaultOf } from '../support/cursor';

const FRONTMATTER = '---\ntitle: T\ncategory: C\nsummary: S\ntags:\n- T\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n';

// One page or more for every diagnostic the service makes from text (page-unreadable comes from the disk).
const PAGES: Record<string, string> = {
	'people/paris-hilton.md': FRONTMATTER + '# Early life\n',
	'people/links.md': FRONTMATTER + [
		'[a](/people/paris-hiltn/) [b](/places/nowhere-at-all/) [c](../../../etc/passwd) [d](C:/x.md) [e](//host/x.md)',
		'[f](/people/paris-hilton/#career) [g](/people/paris-hilton#early-life)',
		'Used[^1] and [^2].',
		'',
		'[^1]: One.',
		'[^1]: Again.',
		'[^3]: Unused.',
		'',
	].join('\n'),
	'people/no-frontmatter.md': '# No frontmatter\n',
	'people/fields.md': '---\ntitle: F\ncategory: [a]\nsummary: ""\ntags: London\ncreated: 14 May\nupdated: 2026-05-14\n---\n',
	'people/dates.md': '---\ntitle: D\ncategory: C\nsummary: S\ntags:\n- T\ncreated: 2026-05-14\nupdated: 2026-05-13\n---\n',
	'people/unclosed.md': '---\ntitle: U\n',
	'people/js.md': '---js\n{ title: "J" }\n---\n',
	'people/toml.md': '+++\ntitle = "T"\n+++\n',
	'people/list.md': '---\n- a\n- b\n---\n',
	'people/yaml.md': '---\ntitle: [unclosed\n---\n',
};

describe('diagnostic messages', () => {
	it('are plain text for the Problems panel: no markdown backticks, for every code', () => {
		const service = vaultOf(PAGES);
		const diagnostics = Object.keys(PAGES).flatMap(path => service.diagnostics(path));
		const codes = new Set(diagnostics.map(d => String(d.code)));
		for (const code of ['broken-link', 'link-outside-vault', 'broken-anchor', 'non-canonical-link', 'missing-footnote', 'duplicate-footnote', 'unused-footnote', 'frontmatter-missing', 'frontmatter-field', 'frontmatter-syntax']) {
			assert.ok(codes.has(code), `no ${code} among ${[...codes].join(', ')}`);
		}
		const withBackticks = diagnostics.filter(d => d.message.includes('`')).map(d => `${String(d.code)}: ${d.message}`);
		assert.deepStrictEqual(withBackticks, []);
	});

	it('put a broken link\'s suggestion first and leave where it looked to the hover', () => {
		const service = vaultOf(PAGES);
		const messages = service.diagnostics('people/links.md').filter(d => d.code === 'broken-link').map(d => d.message);
		assert.deepStrictEqual(messages, ['No page at /people/paris-hiltn/: did you mean /people/paris-hilton/?', 'No page at /places/nowhere-at-all/.']);
	});
});
