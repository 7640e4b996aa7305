import * as assert from 'assert';
import { isOtherContentFile, otherContentPages } from '../../server/src/node/site/hugoContentFiles';
import { siteRulesOf } from '../../server/src/node/site/siteConfiguration';
import { SiteUrls } from '../../server/src/service/vault/siteUrls';
import { indexedSiteRules } from '../../server/src/service/vault/siteRules';
import { MemoryFileSystem } from '../support/memoryFileSystem';

function site(files: Readonly<Record<string, string>>): MemoryFileSystem {
	const fileSystem = new MemoryFileSystem();
	for (const [file, text] of Object.entries(files)) {
		fileSystem.writeFile(`/site/${file}`, text);
	}
	return fileSystem;
}

describe("Hugo's content files in other formats than markdown", () => {
	it('knows the extensions of Hugo content formats, and not markdown nor data files', () => {
		assert.deepStrictEqual(['a.html', 'a.HTM', 'a.org', 'a.ad', 'a.adoc', 'a.asciidoc', 'a.pandoc', 'a.pdc', 'a.rst', 'a.mdown'].filter(isOtherContentFile).length, 10);
		assert.deepStrictEqual(['a.md', 'a.markdown', 'a.toml', 'a.png', 'a.css', 'html', 'a.xhtml'].filter(isOtherContentFile), []);
	});

	it('reads only the fields that place a page, from YAML, TOML (CRLF) and JSON frontmatter; an unparseable one is said and placed by its path', () => {
		const fileSystem = site({
			'content/a.html': '---\ntitle: "A: page"\nslug: a-slug\nlayout: donate\nmenu: { main: { weight: 9 } }\n---\n<p>A</p>\n',
			'content/posts/b.adoc': '+++\r\nTitle = "B"\r\ndate = 2024-03-07T10:00:00Z\r\nSlug = "bee"\r\n+++\r\n= B\r\n',
			'content/c.rst': '{\n  "url": "/manual/",\n  "weight": 3\n}\nC\n=\n',
			'content/d.pdc': '---\ntitle: [unclosed\n---\nD\n',
			'content/e.org': '#+TITLE: E\n',
			'content/.hidden/f.html': '<p>never</p>\n',
			'content/g.md': '# G\n',
			'layouts/x.html': '<p>not content</p>\n',
		});
		const problems: string[] = [];
		const pages = otherContentPages(['/site/content'], '/site/content', fileSystem, problems);
		assert.deepStrictEqual(pages, [
			{ path: 'a.html', data: { title: 'A: page', slug: 'a-slug' } },
			{ path: 'c.rst', data: { url: '/manual/' } },
			{ path: 'd.pdc', data: {} },
			{ path: 'e.org', data: {} },
			{ path: 'posts/b.adoc', data: { title: 'B', date: '2024-03-07T10:00:00.000Z', slug: 'bee' } },
		]);
		assert.strictEqual(problems.length, 1);
		assert.match(problems[0], /d\.pdc: its frontmatter cannot be parsed .*its URL is taken from its path/);
		assert.deepStrictEqual(otherContentPages(['/site/layouts'], '/site/content', fileSystem, []), [], 'a folder outside the vault root is not read');
	});

	it('publishes them at the URLs Hugo gives them: slug, url, permalink, bundle, language, letter case', () => {
		const fileSystem = site({
			'hugo.toml': "defaultContentLanguage = 'en'\n[permalinks]\nposts = '/:year/:slug/'\n[languages.en]\ncontentDir = 'content/en'\nweight = 1\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n",
			'content/en/Donate.html': '---\nslug: donate-now\n---\n',
			'content/en/posts/hello.adoc': '+++\ndate = 2024-03-07\nslug = "hello"\n+++\n',
			'content/en/bundle/index.html': '<p>bundle</p>\n',
			'content/en/docs/CT-Logs.html': '<p>logs</p>\n',
			'content/en/about.md': '# About\n',
			'content/fr/dons.html': '<p>dons</p>\n',
		});
		const { rules } = siteRulesOf('/site', '/site/content/en', fileSystem);
		assert.deepStrictEqual(rules.otherContentPages.map(page => page.path), ['bundle/index.html', 'Donate.html', 'docs/CT-Logs.html', 'posts/hello.adoc'].sort());
		const urls = new SiteUrls(rules);
		for (const url of ['/donate-now/', '/2024/hello/', '/bundle/', '/docs/ct-logs/']) {
			assert.ok(urls.isExternal(url), url);
		}
		for (const url of ['/donate/', '/posts/hello/', '/about/', '/bundle/index/', '/docs/']) {
			assert.ok(!urls.isExternal(url), url);
		}
		assert.ok(urls.isExternal('/fr/dons/'), 'another language read from outside the vault root is published from elsewhere');
		assert.ok(!('otherContentPages' in indexedSiteRules(rules)), 'the index does not depend on them');
	});
});
