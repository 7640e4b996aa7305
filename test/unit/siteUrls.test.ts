import * as assert from 'assert';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../server/src/service/vault/siteRules';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultCodeAction, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { positionOfOffset } from '../support/cursor';
import { titled } from '../support/memoryVault';

const TODAY = '2026-12-07';

/** A service under these site rules over `pages`, the texts kept so that fixes can be applied. */
function siteVault(site: Partial<SiteRules>, pages: Record<string, string>): { service: VaultService; texts: Map<string, string> } {
	const service = createVaultService({ settings: settingsFrom({ site: { ...DEFAULT_SITE_RULES, ...site } }).settings });
	const texts = new Map(Object.entries(pages));
	for (const [path, text] of texts) {
		service.updatePage(path, text);
	}
	return { service, texts };
}

/** `code url-or-destination` per link diagnostic of a page (read with its text, as the editor and `check` do). */
function linkProblems(service: VaultService, texts: Map<string, string>, path: string): string[] {
	return service.diagnostics(path, texts.get(path)).filter(diagnostic => diagnostic.code.startsWith('broken') || diagnostic.code === 'non-canonical-link')
		.map(diagnostic => `${diagnostic.code} ${'canonical' in diagnostic.data ? diagnostic.data.canonical : 'url' in diagnostic.data ? `${diagnostic.data.url}${'fragment' in diagnostic.data && diagnostic.data.fragment ? `#${diagnostic.data.fragment}` : ''}` : ''}`);
}

/** The quick fixes of the page's first diagnostic of `code`. */
function fixesOf(service: VaultService, texts: Map<string, string>, path: string, code: string): VaultCodeAction[] {
	const diagnostic = service.diagnostics(path, texts.get(path)).find(candidate => candidate.code === code);
	assert.ok(diagnostic, `no ${code} on ${path}`);
	return service.codeActions(path, texts.get(path)!, diagnostic.range, [JSON.parse(JSON.stringify(diagnostic))], TODAY);
}

function apply(service: VaultService, texts: Map<string, string>, action: VaultCodeAction): void {
	for (const [path, text] of applyVaultEdit(texts, action.edit)) {
		texts.set(path, text);
		service.updatePage(path, text);
	}
}

/** Applies the first `non-canonical-link` fix of the page; its text after. */
function rewriteFirstHint(service: VaultService, texts: Map<string, string>, path: string): string {
	apply(service, texts, fixesOf(service, texts, path, 'non-canonical-link')[0]);
	return texts.get(path)!;
}

describe('site URL rules: letter case (lowercaseUrls)', () => {
	const pages = {
		'functions/lang/Translate.md': titled('Translate', '## Usage\n'),
		'methods/page/IsBranch.md': titled('IsBranch'),
		'guide/intro.md': titled('Intro', '👩‍🚀 [t](/functions/lang/translate/#usage), [T](/functions/lang/Translate/#usage)\r\n[file](../functions/lang/Translate.md) [b](/methods/page/IsBranch/)\r\n[missing](/methods/page/IsLeaf/)\r\n'),
	};

	it('publishes pages at lower-cased URLs; a link in capitals resolves and is hinted to the published URL', () => {
		const { service, texts } = siteVault({ generator: 'hugo', lowercaseUrls: true }, pages);
		assert.strictEqual(service.getPage('functions/lang/Translate.md')?.url, '/functions/lang/translate/');
		assert.deepStrictEqual(linkProblems(service, texts, 'guide/intro.md'), [
			'non-canonical-link /functions/lang/translate/#usage',
			'non-canonical-link /functions/lang/translate/',
			'non-canonical-link /methods/page/isbranch/',
			'broken-link /methods/page/isleaf/',
		]);
		// The plain vault model keeps letter case: the lower-case spelling names no page there.
		const plain = siteVault({}, pages);
		assert.deepStrictEqual(linkProblems(plain.service, plain.texts, 'guide/intro.md'), [
			'broken-link /functions/lang/translate/#usage',
			'non-canonical-link /functions/lang/Translate/',
			'broken-link /methods/page/IsLeaf/',
		]);
	});

	it('fixes suggest only published URLs and never create a page differing from a file only in letter case', () => {
		const { service, texts } = siteVault({ generator: 'hugo', lowercaseUrls: true }, pages);
		const rewrite = fixesOf(service, texts, 'guide/intro.md', 'non-canonical-link');
		assert.deepStrictEqual(rewrite.map(action => action.title), ['Rewrite link as /functions/lang/translate/#usage']);
		apply(service, texts, rewrite[0]);
		assert.ok(texts.get('guide/intro.md')!.includes('[T](/functions/lang/translate/#usage)'));
		const broken = fixesOf(service, texts, 'guide/intro.md', 'broken-link').map(action => action.title);
		assert.deepStrictEqual(broken, ['Create page methods/page/isleaf.md, link it as /methods/page/isleaf/']);
		assert.deepStrictEqual(service.newPage({ section: 'functions/lang', title: 'Translate', slug: 'TRANSLATE', today: TODAY }), { exists: true, path: 'functions/lang/Translate.md' });
	});

	it('switching the rules re-indexes every page under the new ones, and back', () => {
		const { service, texts } = siteVault({}, pages);
		assert.strictEqual(service.getPage('methods/page/IsBranch.md')?.url, '/methods/page/IsBranch/');
		service.setSettings(settingsFrom({ site: { ...DEFAULT_SITE_RULES, generator: 'hugo', lowercaseUrls: true } }).settings);
		assert.strictEqual(service.getPage('methods/page/IsBranch.md')?.url, '/methods/page/isbranch/');
		assert.deepStrictEqual(service.index.linkersOf('/functions/lang/translate/'), ['guide/intro.md']);
		service.setSettings(settingsFrom({}).settings);
		assert.strictEqual(service.getPage('methods/page/IsBranch.md')?.url, '/methods/page/IsBranch/');
		assert.strictEqual(linkProblems(service, texts, 'guide/intro.md')[0], 'broken-link /functions/lang/translate/#usage');
	});
});

describe('site URL rules: destinations not checked, served elsewhere, or mapped', () => {
	const pages = {
		'quick-reference/glossary.md': titled('Glossary', '## Glob pattern\n\n## Page bundle\n'),
		'api/real.md': titled('Real', '## Only\n'),
		'guide/a.md': titled('A', [
			'[ref](<{{< ref "other.md" >}}>) [p](/x/{{% param "v" %}}/) [q]({{.Site.BaseURL}})',
			'[mounted](/api/unknown/) [real](/api/real/#nope)',
			'[glob pattern](g) [page bundle](g) [no such term](g)',
			'[skip](/legacy/thing/) [still broken](/guide/none/)',
		].join('\n') + '\n'),
	};
	const rules: Partial<SiteRules> = {
		generator: 'hugo',
		externalPrefixes: ['/api/'],
		ignoredDestinations: ['/legacy/**'],
		mappedDestinations: [{ pattern: 'g', url: '/quick-reference/glossary/#{text}' }],
	};

	it('skips template syntax and ignored destinations, trusts external prefixes, and checks mapped ones as the URL they stand for', () => {
		const { service, texts } = siteVault(rules, pages);
		assert.deepStrictEqual(linkProblems(service, texts, 'guide/a.md'), [
			// A page that exists under an external prefix still resolves normally.
			'broken-anchor /api/real/#nope',
			'broken-anchor /quick-reference/glossary/#no-such-term',
			'broken-link /guide/none/',
		]);
		// Without the page's text a mapped destination cannot be read: it is not checked.
		assert.deepStrictEqual(service.diagnostics('guide/a.md').map(diagnostic => diagnostic.code).filter(code => code.startsWith('broken')), ['broken-anchor', 'broken-link']);
		// Unknown URLs under an external prefix are not wanted pages.
		assert.deepStrictEqual(service.wantedPages(path => texts.get(path), 10).map(page => page.url), ['/guide/none/']);
	});

	it('reports them all as broken under the plain rules but the template syntax', () => {
		const { service, texts } = siteVault({}, pages);
		const problems = linkProblems(service, texts, 'guide/a.md');
		assert.ok(problems.includes('broken-link /api/unknown/') && problems.includes('broken-link /guide/a/g/') && problems.includes('broken-link /legacy/thing/'), JSON.stringify(problems));
		assert.ok(!problems.some(problem => problem.includes('{{') || problem.includes('/x/')), JSON.stringify(problems));
	});
});

describe('site URL rules: redirects', () => {
	const pages = {
		'docs/new-name.md': '---\ntitle: New\naliases:\n  - /old/url/\n  - old-name\n  - /Shouty\n---\n## Part\n',
		'people/robert.md': '---\ntitle: Robert\naliases: [Bob Maxwell]\n---\n',
		'guide/links.md': titled('Links', '[a](/old/url/#part) [b](/docs/old-name/) [c](/shouty/) [d](/moved/x/) [e](/gone/) [f](/old/url/#nope) [g](/people/bob-maxwell/)\n'),
	};
	const rules: Partial<SiteRules> = {
		generator: 'hugo',
		lowercaseUrls: true,
		aliasFields: ['aliases'],
		redirects: [{ from: '/moved/*', to: '/docs/:splat' }, { from: '/gone', to: 'https://example.com/' }],
	};

	it('a link to an alias or a redirected URL resolves to its target, hinted to write the target', () => {
		const { service, texts } = siteVault(rules, pages);
		assert.deepStrictEqual(linkProblems(service, texts, 'guide/links.md'), [
			'non-canonical-link /docs/new-name/#part',
			'non-canonical-link /docs/new-name/',
			'non-canonical-link /docs/new-name/',
			'broken-link /moved/x/',
			'broken-anchor /docs/new-name/#nope',
			'non-canonical-link /docs/new-name/#nope',
			// An alias with spaces is a name, not a URL.
			'broken-link /people/bob-maxwell/',
		]);
		assert.ok(rewriteFirstHint(service, texts, 'guide/links.md').startsWith('---\ntitle: Links\n---\n[a](/docs/new-name/#part) [b](/docs/old-name/)'));
	});

	it('publishes an alias as a folder unless it ends in .html, as Hugo does (docsy.dev: `aliases: [docsy-0.7]`)', () => {
		const { service, texts } = siteVault(rules, {
			'blog/seven.md': '---\ntitle: Seven\naliases: [docsy-0.7, old.html]\n---\nx\n',
			'blog/b.md': titled('B', '[a](/blog/docsy-0.7/) [c](/blog/old/)\n'),
		});
		assert.deepStrictEqual(linkProblems(service, texts, 'blog/b.md'), ['non-canonical-link /blog/seven/', 'broken-link /blog/old/']);
	});

	it('keeps the aliases in the index page by page: removing the page breaks the links to its aliases', () => {
		const { service, texts } = siteVault(rules, pages);
		assert.strictEqual(service.index.redirectTarget('/old/url/'), '/docs/new-name/');
		const change = service.removePage('docs/new-name.md');
		assert.ok(change.affected.has('guide/links.md'));
		assert.strictEqual(service.index.redirectTarget('/old/url/'), undefined);
		assert.ok(service.index.wantedUrls().has('/old/url/'));
		assert.ok(linkProblems(service, texts, 'guide/links.md').includes('broken-link /old/url/#part'));
		service.updatePage('docs/new-name.md', pages['docs/new-name.md']);
		assert.ok(!service.index.wantedUrls().has('/old/url/'));
		assert.ok(!linkProblems(service, texts, 'guide/links.md').includes('broken-link /old/url/#part'));
	});
});

describe('site URL rules: languages, permalinks, url and slug', () => {
	const pages = {
		'en/docs/start.md': titled('Start', '[de](/de/docs/start/) [post](/2024/03/hello-world/) [file](../posts/hello.md) [custom](/custom/place/) [short](/docs/short/) [rel](../../other/)\n'),
		'de/docs/start.md': titled('Anfang', '[en](/docs/start/) [same](start.md) [bundle](/de/docs/bundle/)\n'),
		'de/docs/bundle/index.md': titled('Bundle'),
		'en/posts/hello.md': '---\ntitle: Hello World\ndate: 2024-03-07T10:00:00Z\n---\n',
		'en/docs/moved.md': '---\ntitle: Moved\nurl: /custom/place\n---\n',
		'en/docs/long-name.md': '---\ntitle: Long\nslug: short\n---\n',
		'en/docs/list/_index.md': titled('List'),
		'en/other.md': titled('Other'),
	};
	const rules: Partial<SiteRules> = {
		generator: 'hugo',
		lowercaseUrls: true,
		languages: [{ code: 'en', urlPrefix: '' }, { code: 'de', urlPrefix: '/de/' }],
		permalinks: { posts: '/:year/:month/:slug/' },
	};

	it('publishes each page at the URL the site gives it', () => {
		const { service } = siteVault(rules, pages);
		const urls = Object.fromEntries(Object.keys(pages).map(path => [path, service.getPage(path)?.url]));
		assert.deepStrictEqual(urls, {
			'en/docs/start.md': '/docs/start/',
			'de/docs/start.md': '/de/docs/start/',
			'de/docs/bundle/index.md': '/de/docs/bundle/',
			'en/posts/hello.md': '/2024/03/hello-world/',
			'en/docs/moved.md': '/custom/place/',
			'en/docs/long-name.md': '/docs/short/',
			'en/docs/list/_index.md': '/docs/list/',
			'en/other.md': '/other/',
		});
	});

	it('links by URL or by file resolve; a file link to a page published elsewhere is hinted to its URL', () => {
		const { service, texts } = siteVault(rules, pages);
		// (`../../other/` is relative, as written today: `/other/` is its canonical spelling.)
		assert.deepStrictEqual(linkProblems(service, texts, 'en/docs/start.md'), ['non-canonical-link /2024/03/hello-world/', 'non-canonical-link /other/']);
		assert.deepStrictEqual(linkProblems(service, texts, 'de/docs/start.md'), ['non-canonical-link /de/docs/start/']);
		// Backlinks by URL: the index keys the page by its published URL.
		assert.deepStrictEqual(service.index.linkersOf('/2024/03/hello-world/'), ['en/docs/start.md']);
	});
});

describe('site URL rules: relative links as Hugo link render hooks resolve them', () => {
	const pages = {
		'blog/2026/0.16.0.md': titled('0.16.0', '## Upgrade\n'),
		'blog/2026/hugo-0.158.0+.md': titled('Hugo', 'See [0.16.0](0.16.0/#upgrade) and [date](methods/page/date) and [gone](0.17.0/).\n'),
		'methods/page/date.md': titled('Date'),
	};

	it('a relative destination names a content path from the page\'s folder, then from the content root', () => {
		// (With absolute links the vault's style, the hint offers the page's URL.)
		const { service, texts } = siteVault({ generator: 'hugo', lowercaseUrls: true, linkStyle: 'absolute' }, pages);
		assert.deepStrictEqual(linkProblems(service, texts, 'blog/2026/hugo-0.158.0+.md'), [
			'non-canonical-link /blog/2026/0.16.0/#upgrade',
			'non-canonical-link /methods/page/date/',
			'broken-link /blog/2026/hugo-0.158.0+/0.17.0/',
		]);
		assert.ok(rewriteFirstHint(service, texts, 'blog/2026/hugo-0.158.0+.md').includes('[0.16.0](/blog/2026/0.16.0/#upgrade)'));
		// A browser resolves them from the page's URL: broken under the plain rules.
		const plain = siteVault({}, pages);
		assert.strictEqual(linkProblems(plain.service, plain.texts, 'blog/2026/hugo-0.158.0+.md').filter(problem => problem.startsWith('broken-link')).length, 3);
	});
});

describe('site URL rules: pages and files the generator makes', () => {
	const rules: Partial<SiteRules> = { generator: 'hugo', lowercaseUrls: true, taxonomies: ['tags', 'categories'], generatedFiles: ['/sitemap.xml', '/index.xml'] };
	const pages = {
		'docs/a.md': '---\ntitle: A\ntags: [Upgrade Guide, hugo]\n---\nx\n',
		'docs/b.md': titled('B', '[t](/tags/upgrade-guide/) [h](/tags/Hugo/) [l](/tags/) [u](/tags/unused/) [c](/categories/any/) [x](/topics/any/)\n[s](/sitemap.xml) [r](/index.xml) [n](/nothing.xml)\n'),
	};

	it('a link to a taxonomy page resolves when a page has that tag (urlized as Hugo does); to an unused tag it is broken', () => {
		const { service, texts } = siteVault(rules, pages);
		service.setAssets([]);
		const problems = service.diagnostics('docs/b.md', texts.get('docs/b.md')).filter(diagnostic => diagnostic.code.startsWith('broken') || diagnostic.code === 'non-canonical-link');
		assert.deepStrictEqual(problems.map(problem => `${problem.code} ${'destination' in problem.data ? problem.data.destination : ''}`), [
			'non-canonical-link /tags/Hugo/', 'broken-link /tags/unused/', 'broken-link /topics/any/', 'broken-asset /nothing.xml',
		]);
	});

	it('without taxonomies (the plain model, or disableKinds) the same links are broken', () => {
		const { service, texts } = siteVault({ ...rules, taxonomies: [], generatedFiles: [] }, pages);
		service.setAssets([]);
		const broken = service.diagnostics('docs/b.md', texts.get('docs/b.md')).filter(diagnostic => diagnostic.code.startsWith('broken'));
		assert.deepStrictEqual(broken.map(problem => `${problem.code} ${'destination' in problem.data ? problem.data.destination : ''}`), [
			'broken-link /tags/upgrade-guide/', 'broken-link /tags/Hugo/', 'broken-link /tags/', 'broken-link /tags/unused/', 'broken-link /categories/any/', 'broken-link /topics/any/',
			'broken-asset /sitemap.xml', 'broken-asset /index.xml', 'broken-asset /nothing.xml',
		]);
	});
});

describe('site URL rules: Jekyll permalinks', () => {
	const rules: Partial<SiteRules> = { generator: 'jekyll', permalinks: { _docs: '/:collection/:path/', _posts: '/:categories/:year/:month/:day/:title:output_ext' } };
	const pages = {
		'_docs/configuration/default.md': '---\ntitle: Default\n---\nx\n',
		'_posts/2016-1-8-welcome.md': '---\ntitle: Welcome\ncategories: [release, news]\n---\nx\n',
		'pages/team.md': '---\ntitle: Team\npermalink: /team/\n---\nx\n',
		'_docs/links.md': titled('Links', '[a](/docs/configuration/default/) [b](/release/news/2016/01/08/welcome.html) [c](/team/) [d](/:collection/:path/)\n'),
	};

	it('gives collection pages, posts and pages with a permalink of their own the URL Jekyll publishes them at', () => {
		const { service, texts } = siteVault(rules, pages);
		assert.deepStrictEqual(['_docs/configuration/default.md', '_posts/2016-1-8-welcome.md', 'pages/team.md'].map(path => service.getPage(path)?.url), [
			'/docs/configuration/default/', '/release/news/2016/01/08/welcome.html', '/team/',
		]);
		assert.deepStrictEqual(linkProblems(service, texts, '_docs/links.md'), ['broken-link /:collection/:path/']);
	});
});

describe('site URL rules: ugly URLs (Hugo uglyURLs)', () => {
	const pages = {
		'post/2015-11-09-why-90-days.md': '---\ntitle: Why ninety days\ndate: 2015-11-09\nslug: why-90-days\n---\n## Why 🕰\n',
		'post/_index.md': titled('Posts'),
		'docs/faq.md': titled('FAQ', '👩‍🚀 [a](/2015/11/09/why-90-days.html#why-)\r\n[b](/2015/11/09/why-90-days/)\r\n[c](/2015/11/09/gone.html) [d](/files/report.html) [e](/docs/other/)\r\n'),
		'docs/other.md': titled('Other'),
	};
	const rules: Partial<SiteRules> = { generator: 'hugo', lowercaseUrls: true, permalinks: { post: '/:year/:month/:day/:slug/' }, uglyUrls: ['post'] };

	it('publishes the regular pages of an ugly section at /x.html, its list and the other sections pretty', () => {
		const { service } = siteVault(rules, pages);
		assert.strictEqual(service.getPage('post/2015-11-09-why-90-days.md')?.url, '/2015/11/09/why-90-days.html');
		assert.strictEqual(service.getPage('post/_index.md')?.url, '/post/');
		assert.strictEqual(service.getPage('docs/other.md')?.url, '/docs/other/');
		const everywhere = siteVault({ ...rules, uglyUrls: ['*'] }, pages);
		assert.strictEqual(everywhere.service.getPage('docs/other.md')?.url, '/docs/other.html');
	});

	it('a link to the .html URL resolves (anchors too); the pretty form is not published; other .html files are files', () => {
		const { service, texts } = siteVault(rules, pages);
		service.setAssets(['files/report.html']);
		assert.deepStrictEqual(linkProblems(service, texts, 'docs/faq.md'), ['broken-link /2015/11/09/why-90-days/', 'broken-asset ']);
		const asset = service.diagnostics('docs/faq.md', texts.get('docs/faq.md')).find(diagnostic => diagnostic.code === 'broken-asset');
		assert.deepStrictEqual(asset?.data, { destination: '/2015/11/09/gone.html', looked: ['2015/11/09/gone.html'], closest: [] });
		assert.deepStrictEqual(service.index.linkersOf('/2015/11/09/why-90-days.html'), ['docs/faq.md']);
		const faq = texts.get('docs/faq.md')!;
		const definition = service.definition('docs/faq.md', faq, positionOfOffset(faq, faq.indexOf('why-90-days.html')));
		assert.strictEqual(JSON.stringify(definition).includes('post/2015-11-09-why-90-days.md'), true);
		// Without the rule the .html link is a file, the pretty URL the page.
		const pretty = siteVault({ ...rules, uglyUrls: [] }, pages);
		pretty.service.setAssets([]);
		assert.deepStrictEqual(linkProblems(pretty.service, pretty.texts, 'docs/faq.md'), ['broken-asset ', 'broken-asset ', 'broken-asset ']);
	});

	it('the quick fix of a link to the pretty form offers the published .html URL', () => {
		const { service, texts } = siteVault(rules, pages);
		const fixes = fixesOf(service, texts, 'docs/faq.md', 'broken-link');
		assert.ok(fixes.length > 0, 'no fix');
		apply(service, texts, fixes[0]);
		assert.ok(texts.get('docs/faq.md')!.includes('[b](/2015/11/09/why-90-days.html)'), texts.get('docs/faq.md'));
	});
});

describe('site URL rules: a host that serves /x from /x.html (Netlify Pretty URLs)', () => {
	const pages = {
		'post/2015-11-09-why-90-days.md': '---\ntitle: Why ninety days\ndate: 2015-11-09\nslug: why-90-days\n---\nx\n',
		'docs/faq.md': titled('FAQ', '[a](/2015/11/09/why-90-days) [b](/2015/11/09/why-90-days/) [c](/2015/11/09/gone/)\n'),
	};
	const rules: Partial<SiteRules> = { generator: 'hugo', lowercaseUrls: true, permalinks: { post: '/:year/:month/:day/:slug/' }, uglyUrls: ['post'] };

	it('resolves /x and /x/ to the page at /x.html, hinted to write the published URL; without the host rule they are broken', () => {
		const netlify = siteVault({ ...rules, htmlWithoutExtension: true }, pages);
		assert.deepStrictEqual(linkProblems(netlify.service, netlify.texts, 'docs/faq.md'), [
			'non-canonical-link /2015/11/09/why-90-days.html', 'non-canonical-link /2015/11/09/why-90-days.html', 'broken-link /2015/11/09/gone/',
		]);
		const elsewhere = siteVault(rules, pages);
		assert.deepStrictEqual(linkProblems(elsewhere.service, elsewhere.texts, 'docs/faq.md').filter(problem => problem.startsWith('broken')), [
			'broken-link /2015/11/09/why-90-days/', 'broken-link /2015/11/09/why-90-days/', 'broken-link /2015/11/09/gone/',
		]);
	});
});
