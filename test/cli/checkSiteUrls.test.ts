import * as assert from 'assert';
import * as path from 'path';
import { checkFolder } from '../support/checkCommand';
import { fixturesRoot } from '../support/paths';

/** `FILE:LINE code message` of the link diagnostics (frontmatter checks are another part's). */
function linkLines(folder: string): string[] {
	return checkFolder(folder).diagnostics
		.filter(d => d.code === 'broken-link' || d.code === 'broken-anchor' || d.code === 'non-canonical-link' || d.code === 'link-outside-vault')
		.map(d => `${d.file}:${d.line} ${d.code} ${d.message}`);
}

describe('entity-vault check on Hugo sites: the URL model (hugo.toml)', () => {
	it('resolves links as the site publishes its pages, and still reports the planted broken ones', () => {
		// hugo.toml: lower-cased URLs (the default), permalinks for posts, /api/ mounted from outside the site.
		assert.deepStrictEqual(linkLines(path.join(fixturesRoot, 'sites', 'hugo-urls')), [
			// 1. Letter case: a link in capitals resolves, hinted to the published (lower-case) URL.
			'guide/links.md:6 non-canonical-link Link "/functions/lang/Translate/#usage" is better written as "/functions/lang/translate/#usage", the URL the page is published at.',
			'guide/links.md:6 non-canonical-link Link "../functions/lang/Translate.md" is better written as "/functions/lang/translate/", the URL the page is published at.',
			// 2. /api/ is mounted from outside: nothing there is broken. 3. Template syntax is never checked.
			// 5. Aliases (absolute and page-relative) lead to their page.
			'guide/links.md:18 non-canonical-link Link "/old/url/#part" is better written as "/docs/new-name/#part", the URL the page is published at.',
			'guide/links.md:18 non-canonical-link Link "/docs/old-name/" is better written as "/docs/new-name/", the URL the page is published at.',
			// 6. A dated permalink, url: and slug: are where the pages are; a link to the file finds the page.
			'guide/links.md:22 non-canonical-link Link "../posts/hello.md" is better written as "/2024/03/hello-world/", the URL the page is published at.',
			// The planted mistakes are all still reported.
			'guide/links.md:26 broken-link No page at /guide/nowhere/.',
			'guide/links.md:26 broken-link No page at /functions/lang/translat/: did you mean /functions/lang/translate/?',
			'guide/links.md:26 broken-anchor No heading #nope in /docs/new-name/. Headings: #part.',
			// A page's content path (as Hugo's link render hook and ref resolve it) leads to its url:.
			'guide/links.md:26 non-canonical-link Link "/docs/moved/" is better written as "/custom/place/", the URL the page is published at.',
		]);
	});

	it('maps a link shorthand, ignores and trusts what .entity-vault.json says, and follows Netlify redirects', () => {
		assert.deepStrictEqual(linkLines(path.join(fixturesRoot, 'sites', 'hugo-shorthand')), [
			// 3. `[glob pattern](g)` is /quick-reference/glossary/#glob-pattern: checked, page and anchor.
			'guide/links.md:4 broken-anchor No heading #no-such-term in /quick-reference/glossary/. Headings: #glob-pattern, #page-bundle.',
			// 2. /legacy/ is ignored, /api/ published from elsewhere; its pages that exist are checked as usual.
			'guide/links.md:6 broken-anchor No heading #nope in /api/real/. Headings: #only.',
			// 5. static/_redirects: /moved/* → /docs/:splat resolves (with the hint); a redirect to no page is broken; one off the site is not checked.
			'guide/links.md:8 non-canonical-link Link "/moved/target/#part" is better written as "/docs/target/#part", the URL the page is published at.',
			'guide/links.md:8 broken-link No page at /moved/none/.',
			'guide/links.md:8 broken-link No page at /guide/nowhere/.',
		]);
	});

	it("takes Hugo's pages in other formats (HTML, AsciiDoc, Org, reStructuredText, Pandoc) as published pages, placed by their frontmatter", () => {
		// content/donate.html has slug: donate-now; posts/hello.adoc a TOML date and slug under the permalink /:year/:slug/;
		// handbook.rst a JSON url:; docs/ct-logs.html, bundle/index.html, notes/Org-Page.org and broken.pdc (its frontmatter unparseable) their paths.
		assert.deepStrictEqual(linkLines(path.join(fixturesRoot, 'sites', 'hugo-formats')), [
			'guide/links.md:8 broken-link No page at /donate/.',
			'guide/links.md:8 broken-link No page at /guide/nowhere/.',
			// A layout is not content: no page there.
			'guide/links.md:8 broken-link No page at /shortcodes/note/.',
		]);
	});

	it('reads TOML frontmatter (+++) as Hugo does: slug, aliases and {#id} place pages and anchors; invalid TOML is reported on its line', () => {
		const report = checkFolder(path.join(fixturesRoot, 'sites', 'hugo-toml'));
		assert.deepStrictEqual(report.diagnostics.map(d => `${d.file}:${d.line} ${d.code} ${d.message}`), [
			'docs/broken.md:3 frontmatter-syntax Frontmatter is not valid TOML: invalid value',
			'docs/install.md:7 non-canonical-link Link "/old/" is better written as "/docs/the-basics/", the URL the page is published at.',
			'docs/install.md:7 broken-link No page at /docs/nowhere/.',
			'docs/install.md:7 non-canonical-link Link "basics.md" is better written as "/docs/the-basics/", the URL the page is published at.',
		]);
	});

	it('publishes the default language at the root of the URL space; another language read from elsewhere is not broken', () => {
		// hugo.toml: en in content/en (the vault root), de in content/de under /de/ (outside the vault root: never read).
		assert.deepStrictEqual(linkLines(path.join(fixturesRoot, 'sites', 'hugo-languages')), [
			'docs/start.md:4 broken-link No page at /docs/missing/.',
		]);
	});
});

describe('entity-vault check on Hugo sites: ugly URLs (uglyURLs)', () => {
	it('resolves links to the .html URLs of the ugly section, and reports the pretty form, a missing anchor and a missing file', () => {
		// hugo.toml: [uglyURLs] post = true, permalinks post = '/:year/:month/:day/:slug/'; static/files/report.html.
		const folder = path.join(fixturesRoot, 'sites', 'hugo-ugly');
		assert.deepStrictEqual(linkLines(folder), [
			'docs/faq.md:7 broken-link No page at /2015/11/09/why-90-days/: did you mean /2015/11/09/why-90-days.html?',
			'docs/faq.md:7 broken-anchor No heading #nope in /2015/11/09/why-90-days.html. Headings: #why.',
		]);
		assert.deepStrictEqual(checkFolder(folder).diagnostics.filter(d => d.code === 'broken-asset').map(d => `${d.file}:${d.line} ${d.message}`), [
			'docs/faq.md:7 No file at /2015/11/09/gone.html.',
		]);
	});
});
