import * as assert from 'assert';
import { parseRedirectsFile } from '../../server/src/node/site/netlifyRedirects';
import { isSiteConfigurationFile, siteRulesOf } from '../../server/src/node/site/siteConfiguration';
import { chooseVaultRoot } from '../../server/src/node/vaultFiles';
import { MemoryFileSystem } from '../support/memoryFileSystem';

function rulesOf(files: Readonly<Record<string, string>>) {
	const fileSystem = new MemoryFileSystem();
	for (const [file, text] of Object.entries(files)) {
		fileSystem.writeFile(`/site/${file}`, text);
	}
	const { root, chosenBy, site } = chooseVaultRoot('/site', undefined, fileSystem);
	return { root, chosenBy, ...siteRulesOf('/site', root, fileSystem, site) };
}

describe('Netlify redirects and Jekyll site rules', () => {
	it("reads netlify.toml's [[redirects]] and _redirects files (the site's and Hugo's static/), keeping this site's paths only", () => {
		const { rules, files, problems } = rulesOf({
			'hugo.toml': '',
			'content/docs/a.md': '',
			'netlify.toml': [
				'[[redirects]]', 'from = "/docs/adding-content/*"', 'to = "/docs/content/:splat"', 'status = 301',
				'[[redirects]]', 'from = "https://example.com/*"', 'to = "https://example.org/:splat"',
				'',
			].join('\n'),
			'static/_redirects': '# old names\r\n/old/  /docs/a/  301\r\n/gone /docs/ 302! Country=us\r\n\r\n/broken\r\n',
		});
		assert.deepStrictEqual(rules.redirects, [
			{ from: '/docs/adding-content/*', to: '/docs/content/:splat' },
			{ from: '/old/', to: '/docs/a/' },
			{ from: '/gone', to: '/docs/' },
		]);
		assert.deepStrictEqual(files, ['hugo.toml', 'netlify.toml', 'static/_redirects']);
		assert.deepStrictEqual(problems, ['static/_redirects:5: a redirect needs a path and where it goes']);
		// Deployed by Netlify: its Pretty URLs serve /x from /x.html.
		assert.strictEqual(rules.htmlWithoutExtension, true);
		assert.strictEqual(rulesOf({ 'hugo.toml': '', 'content/docs/a.md': '' }).rules.htmlWithoutExtension, false);
	});

	it('reads redirects beside a plain vault too', () => {
		const { rules } = rulesOf({ '_redirects': '/a/ /people/b/\n', 'people/b.md': '' });
		assert.strictEqual(rules.generator, 'plain');
		assert.deepStrictEqual(rules.redirects, [{ from: '/a/', to: '/people/b/' }]);
	});

	it("turns Jekyll's _config.yml into rules: collections' permalinks by folder, redirect_from, letter case kept", () => {
		const { root, chosenBy, rules, files } = rulesOf({
			'_config.yml': [
				'permalink: pretty',
				'collections:',
				'  docs:',
				'    permalink: "/:collection/:path/"',
				'    output: true',
				'  posts:',
				'    permalink: "/news/:year/:month/:day/:title/"',
				'plugins: [jekyll-redirect-from]',
				'',
			].join('\n'),
			'_docs/a.md': '',
		});
		assert.strictEqual(root, '/site');
		assert.strictEqual(chosenBy, 'site');
		assert.deepStrictEqual(files, ['_config.yml']);
		assert.strictEqual(rules.generator, 'jekyll');
		assert.strictEqual(rules.lowercaseUrls, false);
		assert.deepStrictEqual(rules.aliasFields, ['redirect_from']);
		assert.deepStrictEqual(rules.permalinks, { _posts: '/news/:year/:month/:day/:title/', _docs: '/:collection/:path/' });
	});

	it("takes Jekyll's source folder as the vault root", () => {
		const { root } = rulesOf({ '_config.yml': 'source: site\n', 'site/_docs/a.md': '' });
		assert.strictEqual(root, '/site/site');
	});

	it('parses a _redirects line with its comment, and knows the files by name', () => {
		assert.deepStrictEqual(parseRedirectsFile('/a /b # moved\n', '_redirects', []), [{ from: '/a', to: '/b' }]);
		for (const file of ['/w/netlify.toml', '/w/static/_redirects', '/w/_config.yml']) {
			assert.ok(isSiteConfigurationFile(file), file);
		}
	});
});
