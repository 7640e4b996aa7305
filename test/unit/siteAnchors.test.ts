import * as assert from 'assert';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { headingIdFunction } from '../../server/src/service/parse/headingSlug';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../server/src/service/vault/siteRules';
import { parseCursor, rangeOfText } from '../support/cursor';

const HUGO: SiteRules = { ...DEFAULT_SITE_RULES, generator: 'hugo', headingAttributes: true };

/** A service over `pages` with the site rules `site`. */
function vaultWith(site: SiteRules, pages: Record<string, string>): VaultService {
	const service = createVaultService({ settings: settingsFrom({ site }).settings });
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return service;
}

/** The fragments of `links` (written on one page linking to `target`) that get a broken-anchor diagnostic. */
function brokenFragments(site: SiteRules, target: string, fragments: readonly string[]): string[] {
	const linker = fragments.map(fragment => `[x](/notes/target/#${fragment})`).join('\n\n') + '\n';
	const service = vaultWith(site, { 'notes/target.md': target, 'notes/linker.md': linker });
	return service.diagnostics('notes/linker.md')
		.filter(diagnostic => diagnostic.code === 'broken-anchor')
		.map(diagnostic => (diagnostic.data as { fragment: string }).fragment);
}

/** The anchors anchor completion offers on `target`, with the rules `site`. */
function completedAnchors(site: SiteRules, target: string): string[] {
	const cursor = parseCursor('See [x](/notes/target/#$|$)\n');
	const service = vaultWith(site, { 'notes/target.md': target, 'notes/linker.md': cursor.text });
	const list = service.completion('notes/linker.md', cursor.text, cursor.position) as CompletionList;
	return list.items.map(item => item.label);
}

/** The hover text and the definition of the `#fragment` link at the cursor of `marked`, written on another page than `target`. */
function hoverAndDefinition(site: SiteRules, target: string, marked: string): { hover: string; definition: ReturnType<VaultService['definition']> } {
	const cursor = parseCursor(marked);
	const service = vaultWith(site, { 'notes/target.md': target, 'notes/linker.md': cursor.text });
	const hover = service.hover('notes/linker.md', cursor.text, cursor.position) as Hover;
	return { hover: (hover.contents as MarkupContent).value, definition: service.definition('notes/linker.md', cursor.text, cursor.position) };
}

describe('anchors the site generates', () => {
	describe("heading ids as Hugo makes them (ported from Hugo's markup/goldmark/autoid_test.go)", () => {
		// TestSanitizeAnchorName: "Tests generated manually on github.com".
		const cases: [string, string][] = [
			['God is good: 神真美好', 'god-is-good-神真美好'],
			['Number 32', 'number-32'],
			['Question?', 'question'],
			['1+2=3', '123'],
			['Special !"#$%&(parens)=?´* chars', 'special-parens-chars'],
			['Resumé', 'resumé'],
			['One-Hyphen', 'one-hyphen'],
			['Multiple--Hyphens', 'multiple--hyphens'],
			['Trailing hyphen-', 'trailing-hyphen-'],
			['Many   spaces  here', 'many---spaces--here'],
			['Forward/slash', 'forwardslash'],
			['Backward\\slash', 'backwardslash'],
			['Under_score', 'under_score'],
			['Nonbreaking\u00a0Space', 'nonbreakingspace'],
			['Tab\tSpace', 'tabspace'],
			['Trailing Space ', 'trailing-space'],
		];
		for (const [text, id] of cases) {
			it(`github: ${JSON.stringify(text)} → ${id}`, () => {
				assert.strictEqual(headingIdFunction('github', true)(text), id);
			});
		}

		it('github-ascii removes accents, then every non-ASCII character (TestSanitizeAnchorNameAsciiOnly)', () => {
			const ascii = headingIdFunction('github-ascii', true);
			assert.strictEqual(ascii('god is神真美好 good'), 'god-is-good');
			assert.strictEqual(ascii('Resumé'), 'resume');
		});

		it('blackfriday joins runs of letters and numbers with single hyphens (TestSanitizeAnchorNameBlackfriday)', () => {
			assert.strictEqual(headingIdFunction('blackfriday', true)("Let's try this, shall we?"), 'let-s-try-this-shall-we');
			assert.strictEqual(headingIdFunction('blackfriday', false)('God is good: 神真美好'), 'god-is-good-神真美好');
		});

		it('keeps github-slugger for the plain vault model (github ids, not a Hugo site)', () => {
			const plain = headingIdFunction('github', false);
			assert.strictEqual(plain('Trailing hyphen-'), 'trailing-hyphen-');
			assert.strictEqual(plain('Nonbreaking\u00a0Space'), 'nonbreakingspace');
		});
	});

	describe('custom heading ids and duplicates (after Hugo\'s TestDescriptionListAutoID)', () => {
		const page = [
			'---', 'title: Title', '---', '',
			'## Title with id set {#title-with-id}', '',
			'## Title with id set duplicate {#title-with-id}', '',
			'## My Title', '',
			'## Example [hyperlink](https://example.com/) in a header', '',
			'Multiline set text header', 'Second line', '---------------', '',
			'## My Title', '',
			'## Émoji 🙂 and {braces} {.class}', '',
		].join('\n');

		it('reads `{#custom-id}` as the id and leaves it out of the text when the site reads heading attributes', () => {
			const site: SiteRules = { ...HUGO, headingIds: 'github-ascii' };
			assert.deepStrictEqual(completedAnchors(site, page), [
				'title-with-id', 'title-with-id', 'my-title', 'example-hyperlink-in-a-header', 'second-line', 'my-title-1', 'emoji--and-braces',
			]);
			assert.deepStrictEqual(brokenFragments(site, page, ['title-with-id', 'my-title-1', 'second-line', 'title-with-id-set', 'title-with-id-set-title-with-id']), ['title-with-id-set', 'title-with-id-set-title-with-id']);
		});

		it('leaves shortcode calls out of a heading\'s id on a Hugo site (docsy.dev: `### {{% _param FAS robot %}} Upgrading with AI?`)', () => {
			const page = ['### {{% _param FAS robot info %}} Upgrading with AI?', '', '## Release {{< badge "new" >}}', ''].join('\n');
			assert.deepStrictEqual(completedAnchors(HUGO, page), ['upgrading-with-ai', 'release']);
		});

		it('takes ids with dots, colons and non-ASCII letters as goldmark does (`{#v0.7.0}`), and ends an id at other punctuation', () => {
			const versions = ['## v0.7.0 {#v0.7.0}', '', '## Notes {#ns:été_1-2}', '', '## Bad {#a,b}', ''].join('\n');
			assert.deepStrictEqual(completedAnchors(HUGO, versions), ['v0.7.0', 'ns:été_1-2', 'bad-ab']);
		});

		it("reads kramdown's attribute list on the next line (`{: #v3-1-0}`) on a Jekyll site, and only there (jekyll/docs' history page)", () => {
			const JEKYLL: SiteRules = { ...DEFAULT_SITE_RULES, generator: 'jekyll', headingAttributes: true, attributeLists: true };
			const history = [
				'## 3.1.0 / 2016-01-23', '{: #v3-1-0}', '', '### Minor Enhancements', '{:#minor-enhancements-v3-1-0 .x key="a b"}', '',
				'Setext', '======', '{: #setext-id }', '', '## Kept {#kept}', '{: #ignored}', '', '## Apart', '', '{: #not-after}', '',
				'## Crlf\r\n{: #crlf-id}\r\n', '',
			].join('\n');
			assert.deepStrictEqual(completedAnchors(JEKYLL, history), ['v3-1-0', 'minor-enhancements-v3-1-0', 'setext-id', 'kept', 'apart', 'crlf-id']);
			assert.deepStrictEqual(brokenFragments(JEKYLL, history, ['v3-1-0', '310--2016-01-23', 'not-after', 'crlf-id']), ['310--2016-01-23', 'not-after']);
			// To goldmark (Hugo) and the plain model the list is a paragraph: the ids come from the text.
			assert.deepStrictEqual(completedAnchors(HUGO, history).slice(0, 3), ['310--2016-01-23', 'minor-enhancements', 'setext']);
			assert.deepStrictEqual(completedAnchors(DEFAULT_SITE_RULES, history).slice(0, 3), ['310--2016-01-23', 'minor-enhancements', 'setext']);
		});

		it('keeps the attribute text in the heading and its slug with the default rules (the plain vault model)', () => {
			assert.deepStrictEqual(completedAnchors(DEFAULT_SITE_RULES, page).slice(0, 2), ['title-with-id-set-title-with-id', 'title-with-id-set-duplicate-title-with-id']);
			assert.deepStrictEqual(brokenFragments(DEFAULT_SITE_RULES, page, ['title-with-id', 'title-with-id-set-title-with-id']), ['title-with-id']);
		});

		it('hovers and goes to the heading a custom id names, its text without the attribute block', () => {
			const { hover, definition } = hoverAndDefinition(HUGO, page, 'See [x](/notes/target/#title-$|$with-id).\n');
			assert.ok(hover.startsWith('Heading **Title with id set** (level 2)'), hover);
			assert.deepStrictEqual(definition, [{ path: 'notes/target.md', range: rangeOfText(page, '## Title with id set {#title-with-id}') }]);
		});
	});

	describe("definition terms (Hugo's TestDescriptionListAutoID, ported as it is)", () => {
		const page = [
			'---', 'title: "Title"', '---', '',
			'## Title with id set {#title-with-id}', '',
			'## Title with id set duplicate {#title-with-id}', '',
			'## My Title', '',
			'Base Name', ': Base name of the file.', '',
			'Base Name', ': Duplicate term name.', '',
			'My Title', ': Term with same name as title.', '',
			'Foo@Bar', ': The foo bar.', '',
			'foo [something](/a/b/) bar', ': A foo bar.', '',
			'良善天父', ': The good father.', '',
			'Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď', ': Testing accents.', '',
			'Multiline set text header', 'Second line', '---------------', '',
			'## Example [hyperlink](https://example.com/) in a header', '',
		].join('\n');
		const site: SiteRules = { ...HUGO, headingIds: 'github-ascii', definitionTermIds: true };

		it('gives terms ids sharing the duplicate counter with the headings: the identifiers Hugo lists', () => {
			const ids = completedAnchors(site, page);
			assert.deepStrictEqual([...ids].sort(), [
				'a-a-a-a-a-a-c-c-c-c-c-c-c-c-d', 'base-name', 'base-name-1', 'example-hyperlink-in-a-header', 'foo-something-bar', 'foobar', 'my-title', 'my-title-1', 'second-line', 'term', 'title-with-id', 'title-with-id',
			]);
			assert.deepStrictEqual(ids.slice(0, 6), ['title-with-id', 'title-with-id', 'my-title', 'base-name', 'base-name-1', 'my-title-1']);
		});

		it('gives terms no id when the site does not (autoDefinitionTermID off, the default)', () => {
			assert.deepStrictEqual(brokenFragments({ ...site, definitionTermIds: false }, page, ['base-name', 'my-title', 'foobar']), ['base-name', 'foobar']);
			assert.deepStrictEqual(brokenFragments(site, page, ['base-name', 'my-title', 'foobar', 'base-name-2']), ['base-name-2']);
		});

		it('hovers a term a fragment names, and goes to it', () => {
			const { hover, definition } = hoverAndDefinition(site, page, 'See [x](/notes/target/#foo$|$bar).\n');
			assert.ok(hover.startsWith('Definition term **Foo@Bar**'), hover);
			assert.deepStrictEqual(definition, [{ path: 'notes/target.md', range: rangeOfText(page, 'Foo@Bar') }]);
		});
	});

	describe('HTML anchors', () => {
		const page = [
			'# Links', '',
			'## Link cache <a id="refcache"></a>', '',
			'Text with an <span id=\'inline\'>inline</span> anchor and <a name="old-name">a named one</a>.', '',
			'<div id="box" class="x">', '<p>Block <a name=bare-name>x</a></p>', '</div>', '',
			'<!-- <a id="commented"></a> -->', '',
			'```html', '<a id="in-code"></a>', '```', '',
			'`<a id="in-span"></a>`', '',
			'<p data-id="not-an-id" title="id=nope">no</p>', '',
		].join('\r\n');

		it('are anchors on every site, and inline HTML is not part of a heading\'s id', () => {
			const fragments = ['link-cache', 'refcache', 'inline', 'old-name', 'box', 'bare-name', 'commented', 'in-code', 'in-span', 'not-an-id', 'nope', 'link-cache-a-idrefcachea'];
			const broken = ['commented', 'in-code', 'in-span', 'not-an-id', 'nope', 'link-cache-a-idrefcachea'];
			assert.deepStrictEqual(brokenFragments(DEFAULT_SITE_RULES, page, fragments), broken);
			assert.deepStrictEqual(brokenFragments(HUGO, page, fragments), broken);
		});

		it('are offered by anchor completion after the headings, and definition goes to the attribute', () => {
			assert.deepStrictEqual(completedAnchors(DEFAULT_SITE_RULES, page), ['links', 'link-cache', 'refcache', 'inline', 'old-name', 'box', 'bare-name']);
			const { hover, definition } = hoverAndDefinition(DEFAULT_SITE_RULES, page, 'See [x](/notes/target/#bo$|$x).\n');
			assert.deepStrictEqual(definition, [{ path: 'notes/target.md', range: rangeOfText(page, 'box') }]);
			assert.ok(hover.startsWith('HTML anchor `id="box"`'), hover);
		});

		it('keeps the heading text as written (the HTML in it) for titles and hovers', () => {
			const service = vaultWith(DEFAULT_SITE_RULES, { 'notes/target.md': page });
			assert.strictEqual(service.getPage('notes/target.md')!.headings[1].text, 'Link cache <a id="refcache"></a>');
		});
	});

	describe('the broken-anchor diagnostic and its quick fix', () => {
		it('lists and suggests the ids the site makes', () => {
			const target = '## Install Hugo {#install}\n\n## Résumé\n';
			const cursor = parseCursor('[x](/notes/target/#instal$|$)\n');
			const service = vaultWith({ ...HUGO, headingIds: 'github-ascii' }, { 'notes/target.md': target, 'notes/linker.md': cursor.text });
			const diagnostics = service.diagnostics('notes/linker.md');
			assert.strictEqual(diagnostics.length, 1);
			assert.strictEqual(diagnostics[0].message, 'No heading #instal in /notes/target/. Headings: #install, #resume.');
			const actions = service.codeActions('notes/linker.md', cursor.text, diagnostics[0].range, diagnostics, '2026-12-07');
			assert.ok(actions.some(action => action.title.includes('#install')), JSON.stringify(actions.map(action => action.title)));
		});
	});
});
