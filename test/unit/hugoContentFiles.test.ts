import * as assert from 'assert';
import { isOtherContentFile, OtherContentFiles } from '../../server/src/node/site/hugoContentFiles';
import { ListedFiles } from '../../server/src/node/listedFiles';
import { siteRulesOf } from '../../server/src/node/site/siteConfiguration';
import { listVaultPages } from '../../server/src/node/vaultFiles';
import { SiteUrls } from '../../server/src/service/vault/siteUrls';
import { PathFilter } from '../../server/src/service/vault/pathFilter';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import { createVaultService } from '../../server/src/service/vaultService';
import { MemoryFileSystem } from '../support/memoryFileSystem';

function site(files: Readonly<Record<string, string>>): MemoryFileSystem {
	const fileSystem = new MemoryFileSystem();
	for (const [file, text] of Object.entries(files)) {
		fileSystem.writeFile(`/site/${file}`, text);
	}
	return fileSystem;
}

/** The files in other formats of the vault at `root`, taken from its listing as the workspace takes them. */
function listedIn(root: string, fileSystem: MemoryFileSystem): OtherContentFiles {
	const files = new OtherContentFiles(root, fileSystem);
	files.list(listVaultPages(root, [], fileSystem).assets);
	return files;
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
		const files = listedIn('/site/content', fileSystem);
		const { pages, problems } = files.pages(['']);
		assert.deepStrictEqual(pages, [
			{ path: 'a.html', data: { title: 'A: page', slug: 'a-slug' } },
			{ path: 'c.rst', data: { url: '/manual/' } },
			{ path: 'd.pdc', data: {} },
			{ path: 'e.org', data: {} },
			{ path: 'posts/b.adoc', data: { title: 'B', date: '2024-03-07T10:00:00.000Z', slug: 'bee' } },
		]);
		assert.strictEqual(problems.length, 1);
		assert.match(problems[0], /d\.pdc: its frontmatter cannot be parsed .*its URL is taken from its path/);
		assert.deepStrictEqual(files.pages(['posts']).pages.map(page => page.path), ['posts/b.adoc'], 'only the content folders');
		assert.deepStrictEqual(files.pages([]).pages, [], 'no content folder (not a Hugo site): none');
		assert.ok(!fileSystem.accesses.some(access => access.path === '/site/layouts/x.html'), 'nothing outside the vault root is read');
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
		assert.deepStrictEqual(rules.contentFolders, [''], 'the root; the other folders are outside it');
		const files = listedIn('/site/content/en', fileSystem);
		const { pages } = files.pages(rules.contentFolders);
		assert.deepStrictEqual(pages.map(page => page.path), ['bundle/index.html', 'Donate.html', 'docs/CT-Logs.html', 'posts/hello.adoc'].sort());
		const urls = new SiteUrls(rules, pages);
		for (const url of ['/donate-now/', '/2024/hello/', '/bundle/', '/docs/ct-logs/']) {
			assert.ok(urls.isExternal(url), url);
		}
		for (const url of ['/donate/', '/posts/hello/', '/about/', '/bundle/index/', '/docs/']) {
			assert.ok(!urls.isExternal(url), url);
		}
		assert.ok(urls.isExternal('/fr/dons/'), 'another language read from outside the vault root is published from elsewhere');
		assert.deepStrictEqual(siteRulesOf('/site', '/site', fileSystem).rules.contentFolders, ['content/en', 'content/fr'], 'from the site folder: each language\'s');
	});

	it('are taken from the listing and follow the watcher: created, changed (its slug), folder deleted; the index is not rebuilt', () => {
		const page = '---\ntitle: A\n---\n[D](/donate/) [G](/guide/) [T](/terms/)\n';
		const fileSystem = site({
			'hugo.toml': "baseURL = 'https://example.org/'\n",
			'content/a.md': page,
			'content/donate.html': '<p>Give.</p>\n',
		});
		const { rules } = siteRulesOf('/site', '/site/content', fileSystem);
		const service = createVaultService({ settings: { ...DEFAULT_SETTINGS, site: rules } });
		service.updatePage('a.md', page);
		const files = new ListedFiles('/site/content', new PathFilter([]), fileSystem, service);
		const published = (): string[] => ['/donate/', '/guide/', '/terms/'].filter(url => service.index.site.isExternal(url));
		assert.deepStrictEqual(published(), [], 'not before the listing');
		const version = service.index.version;
		files.take(listVaultPages('/site/content', [], fileSystem).assets);
		assert.deepStrictEqual(published(), ['/donate/']);
		fileSystem.writeFile('/site/content/guide/index.adoc', '= Guide\n');
		assert.strictEqual(files.event('/site/content/guide/index.adoc', 'created')?.assetsChanged, true);
		assert.deepStrictEqual(published(), ['/donate/', '/guide/']);
		fileSystem.writeFile('/site/content/guide/index.adoc', '---\nslug: terms\n---\n= Guide\n');
		assert.strictEqual(files.event('/site/content/guide/index.adoc', 'changed')?.assetsChanged, true);
		assert.deepStrictEqual(published(), ['/donate/', '/terms/'], 'its slug read again');
		fileSystem.remove('/site/content/guide');
		assert.strictEqual(files.event('/site/content/guide', 'deleted')?.assetsChanged, true);
		assert.deepStrictEqual(published(), ['/donate/']);
		assert.strictEqual(files.event('/site/content/donate.html', 'changed')?.assetsChanged, undefined, 'the same page: no change to publish');
		assert.strictEqual(service.index.version, version, 'no page was put back in the index');
		assert.deepStrictEqual(service.diagnostics('a.md').filter(d => d.code === 'broken-link').map(d => d.range.start.character), [18, 31], 'the links to /guide/ and /terms/');
	});
});
