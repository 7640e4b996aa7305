import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { createVaultService, type VaultCodeAction, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { positionOfOffset, spanOfText } from '../support/cursor';

const TODAY = '2026-06-01';

/** A complete page of `section`'s style (category Person, tag Person). */
function person(title: string, body = ''): string {
	return `---\ncategory: Person\ncreated: 2026-05-14\nsummary: ${title} is a person.\ntags:\n- Person\ntitle: ${title}\nupdated: 2026-05-20\n---\n\n${body}`;
}

/** In-memory pages with their texts, whose code actions can be applied. */
function vaultOf(pages: Record<string, string>): { service: VaultService; texts: Map<string, string>; actions: (path: string, range: Range) => VaultCodeAction[]; apply: (action: VaultCodeAction) => Map<string, string> } {
	const service = createVaultService();
	const texts = new Map(Object.entries(pages));
	texts.forEach((text, path) => service.updatePage(path, text));
	return {
		service,
		texts,
		actions: (path, range) => service.codeActions(path, texts.get(path)!, range, [], TODAY),
		apply: action => {
			const changed = applyVaultEdit(texts, action.edit);
			changed.forEach((text, path) => service.updatePage(path, text));
			return changed;
		},
	};
}

/** The range of `fragment` (its `occurrence`-th) in `text`. */
function rangeOf(text: string, fragment: string, occurrence = 0): Range {
	const span = spanOfText(text, fragment, occurrence);
	return { start: positionOfOffset(text, span.start), end: positionOfOffset(text, span.end) };
}

const CURSOR_AT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('make this a page', () => {
	const pages = { 'people/ada.md': person('Ada'), 'people/bob.md': person('Bob') };

	it('fills the template in: category and tags from the section, dates today, the title from the first heading, the summary from the first sentence, the body untouched', () => {
		const body = '# Sami Jones\n\n![portrait](/img/s.png) **Sami** [Jones](/people/jones/ "x") (b. 1950)[^1] was a `spy` in St. Petersburg, working for the U.S. army. She later left.\nMore.\n\n[^1]: Source.\n';
		const { actions, apply } = vaultOf({ ...pages, 'people/sami.md': body });
		const make = actions('people/sami.md', { start: rangeOf(body, 'More').start, end: rangeOf(body, 'More').start });
		assert.deepStrictEqual(make.map(action => `${action.kind} ${action.title}`), ['refactor.rewrite Make this a page: add frontmatter for people/']);
		assert.strictEqual(apply(make[0]).get('people/sami.md'), [
			'---',
			'category: Person',
			'created: 2026-06-01',
			'location:',
			'summary: Sami Jones (b. 1950) was a spy in St. Petersburg, working for the U.S. army.',
			'tags:',
			'- Person',
			'title: Sami Jones',
			'updated: 2026-06-01',
			'---',
			// A blank line between the block and the body, which is left as it was.
			'',
			'',
		].join('\n') + body);
	});

	it('keeps CRLF, an emoji and a long first sentence (cut at a word), and names a section with no shared category in the singular', () => {
		const long = `😀 ${'word '.repeat(80)}end. Next.`;
		const body = `${long}\r\n`;
		const { actions, apply } = vaultOf({ 'organizations/mi6.md': body, 'organizations/cia.md': '---\ncategory: Agency\n---\n', 'organizations/nsa.md': '---\ncategory: Other\n---\n' });
		const after = apply(actions('organizations/mi6.md', CURSOR_AT_START)[0]).get('organizations/mi6.md')!;
		// Quoted: an emoji and an ellipsis are not in what a plain YAML scalar is written with.
		const summary = JSON.parse(/^summary: (.*)$/m.exec(after)![1]) as string;
		assert.ok(summary.startsWith('😀 word word'), summary);
		assert.ok(summary.endsWith('word…') && summary.length <= 280, summary);
		assert.match(after, /^category: Organization\r\ncreated: 2026-06-01\r\n/m);
		assert.match(after, /\r\ntags:\r\n- Organization\r\ntitle: Mi6\r\n/);
		assert.ok(after.endsWith(`---\r\n\r\n${body}`), after);
		assert.ok(!after.replace(/\r\n/g, '').includes('\n'), 'only CRLF line breaks');
	});

	it('is offered on pages in sections without frontmatter only, and once when the frontmatter-missing quick fix is there', () => {
		const { service, texts, actions } = vaultOf({ ...pages, 'README.md': 'Hello.\n', 'people/sami.md': 'Sami.\n' });
		assert.deepStrictEqual(actions('README.md', CURSOR_AT_START), []);
		assert.deepStrictEqual(actions('people/ada.md', CURSOR_AT_START), []);
		const missing = service.diagnostics('people/sami.md').filter(diagnostic => diagnostic.code === 'frontmatter-missing');
		assert.strictEqual(missing.length, 1);
		const fixes = service.codeActions('people/sami.md', texts.get('people/sami.md')!, missing[0].range, JSON.parse(JSON.stringify(missing)), TODAY);
		assert.deepStrictEqual(fixes.map(action => action.title), ['Add frontmatter']);
		// The quick fix writes the same filled block.
		assert.deepStrictEqual(fixes[0].edit, actions('people/sami.md', rangeOf('Sami.\n', 'Sami'))[0].edit);
		assert.match(JSON.stringify(fixes[0].edit), /summary: Sami\./);
	});
});

describe('pages from a selection', () => {
	const text = 'Ada met Sami 😀 in [Paris](/places/paris/) and `Sami` too.\n\n# Sami\n';
	const pages = {
		'people/ada.md': person('Ada', text),
		'people/sami.md': person('Samuel Sami'),
		'people/sami-2/index.md': person('Sami Two'),
		'places/london.md': '---\ncategory: Place\n---\n',
	};

	it('creates the page in each section, with a free slug in any file form, and links the selection, in one edit', () => {
		const { texts, actions, apply } = vaultOf(pages);
		const page = texts.get('people/ada.md')!;
		const offered = actions('people/ada.md', rangeOf(page, 'Sami'));
		assert.deepStrictEqual(offered.filter(action => action.kind === 'refactor.extract').map(action => action.title), [
			"Create a page for 'Sami' in /people/ and link it",
			"Create a page for 'Sami' in /places/ and link it",
		]);
		const changed = apply(offered[0]);
		assert.deepStrictEqual([...changed.keys()], ['people/sami-3.md', 'people/ada.md']);
		assert.strictEqual(changed.get('people/ada.md'), page.replace('Ada met Sami 😀', 'Ada met [Sami](/people/sami-3/) 😀'));
		assert.match(changed.get('people/sami-3.md')!, /^---\ncategory: Person\ncreated: 2026-06-01\n(.*\n)*title: Sami\nupdated: 2026-06-01\n---\n\n$/);
	});

	it('links the selection to the closest existing pages, after an emoji and with CRLF', () => {
		const crlf = person('Ada', 'Met 😀 Samuel Sami here.\r\n');
		const { actions, apply } = vaultOf({ ...pages, 'people/ada.md': crlf });
		const offered = actions('people/ada.md', rangeOf(crlf, 'Samuel Sami'));
		const link = offered.filter(action => action.kind === 'refactor.rewrite');
		assert.strictEqual(link[0].title, "Link 'Samuel Sami' to Samuel Sami (/people/sami/)");
		assert.strictEqual(apply(link[0]).get('people/ada.md'), crlf.replace('Samuel Sami here', '[Samuel Sami](/people/sami/) here'));
	});

	it('offers nothing for a selection in code, a link, the frontmatter, a footnote call, across lines, or of markup', () => {
		const body = 'See [Paris](/places/paris/) and `Sami` and [^1] and Sami *Jones*.\nNext line.\n\n```\nSami\n```\n\n[^1]: A note.\n';
		const page = person('Ada', body);
		const { actions } = vaultOf({ ...pages, 'people/ada.md': page });
		const empty = (range: Range): void => assert.deepStrictEqual(actions('people/ada.md', range).map(action => action.title), [], JSON.stringify(range));
		empty(rangeOf(page, 'Paris', 0));
		empty(rangeOf(page, 'Sami', 0));
		empty(rangeOf(page, 'Ada'));
		empty(rangeOf(page, '1]'));
		empty(rangeOf(page, 'Sami', 2));
		empty(rangeOf(page, 'Sami *Jones*'));
		empty({ start: rangeOf(page, 'Jones').start, end: rangeOf(page, 'Next').end });
		empty(rangeOf(page, 'places/paris'));
		assert.ok(actions('people/ada.md', rangeOf(page, 'Sami', 1)).length > 0, 'plain text is offered');
	});
});
