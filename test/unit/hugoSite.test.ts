import * as assert from 'assert';
import * as path from 'path';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { isSiteConfigurationFile, readSiteConfiguration, siteRulesOf } from '../../server/src/node/site/siteConfiguration';
import { chooseVaultRoot } from '../../server/src/node/vaultFiles';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { fixturesRoot } from '../support/paths';

/** A site in memory at /site: `files` relative to it. */
function site(files: Readonly<Record<string, string>>): MemoryFileSystem {
	const fileSystem = new MemoryFileSystem();
	for (const [file, text] of Object.entries(files)) {
		fileSystem.writeFile(`/site/${file}`, text);
	}
	return fileSystem;
}

function rulesOf(fileSystem: MemoryFileSystem) {
	const { root, chosenBy, site: configuration } = chooseVaultRoot('/site', undefined, fileSystem);
	return { root, chosenBy, ...siteRulesOf('/site', root, fileSystem, configuration) };
}

describe('Hugo site rules', () => {
	it("turns hugoDocs' hugo.toml into its rules, the vault root content/en (its mount onto content)", () => {
		const folder = path.join(fixturesRoot, 'sites', 'hugodocs');
		const { root, chosenBy, site: configuration } = chooseVaultRoot(folder, undefined, nodeFileSystem);
		assert.strictEqual(root, path.join(folder, 'content', 'en'));
		assert.strictEqual(chosenBy, 'site');
		const { rules, files, problems } = siteRulesOf(folder, root, nodeFileSystem, configuration);
		assert.deepStrictEqual(files, ['hugo.toml']);
		assert.deepStrictEqual(problems, []);
		assert.deepStrictEqual({ ...rules }, {
			...DEFAULT_SITE_RULES,
			generator: 'hugo',
			lowercaseUrls: true,
			aliasFields: ['aliases'],
			headingIds: 'github',
			headingAttributes: true,
			definitionTermIds: true,
			staticFolders: ['../../static'],
			// It declares one taxonomy (category = 'categories'); its home page's outputs include RSS.
			taxonomies: ['categories'],
			generatedFiles: ['/sitemap.xml', '/index.xml'],
			includeShortcodes: ['include'],
			// Its content folder (the mount's source) is the vault root.
			contentFolders: [''],
		});
	});

	it('reads the taxonomies and the files Hugo makes: taxonomies, disableKinds, enableRobotsTXT, the RSS base name', () => {
		const declared = rulesOf(site({ 'hugo.toml': 'enableRobotsTXT = true\n[taxonomies]\ntag = "tags"\nseries = "series"\n[outputFormats.RSS]\nbaseName = "feed"\n' })).rules;
		assert.deepStrictEqual([declared.taxonomies, declared.generatedFiles], [['tags', 'series'], ['/sitemap.xml', '/robots.txt', '/feed.xml']]);
		const disabled = rulesOf(site({ 'hugo.toml': 'disableKinds = ["taxonomy", "sitemap", "RSS"]\n' })).rules;
		assert.deepStrictEqual([disabled.taxonomies, disabled.generatedFiles], [[], []]);
	});

	it('is the plain vault model without a configuration file', () => {
		const { root, chosenBy, rules, files } = rulesOf(site({ 'content/people/a.md': '# A\n' }));
		assert.strictEqual(root, '/site/content');
		assert.strictEqual(chosenBy, 'content');
		assert.strictEqual(rules, DEFAULT_SITE_RULES);
		assert.deepStrictEqual(files, []);
	});

	it('reads every key it fills from hugo.yaml, letter case aside', () => {
		const { root, rules, problems } = rulesOf(site({
			'hugo.yaml': [
				'DisablePathToLower: true',
				'contentdir: pages',
				'staticDir: [assets-static, missing]',
				'markup:',
				'  goldmark:',
				'    parser:',
				'      autoHeadingIDType: github-ascii',
				'      autoDefinitionTermID: true',
				'      attribute: { title: false }',
				'permalinks:',
				'  posts: /:year/:month/:slug/',
				'  page: { news: /news/:slug/ }',
				'',
			].join('\n'),
			'pages/posts/a.md': '# A\n',
			'assets-static/x.png': '',
		}));
		assert.strictEqual(root, '/site/pages');
		assert.deepStrictEqual(problems, []);
		assert.strictEqual(rules.lowercaseUrls, false);
		assert.strictEqual(rules.headingIds, 'github-ascii');
		assert.strictEqual(rules.headingAttributes, false);
		assert.strictEqual(rules.definitionTermIds, true);
		assert.deepStrictEqual(rules.permalinks, { posts: '/:year/:month/:slug/', news: '/news/:slug/' });
		assert.deepStrictEqual(rules.staticFolders, ['../assets-static']);
	});

	it('merges config/_default/ as Hugo does: params.toml under params, languages.de.toml as a language, the root file winning', () => {
		const { root, rules, files } = rulesOf(site({
			'config.toml': 'defaultContentLanguage = "en"\n[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n',
			'config/_default/hugo.toml': 'defaultContentLanguageInSubdir = false\n',
			'config/_default/markup.toml': '[goldmark.parser]\nautoHeadingIDType = "github-ascii"\nautoDefinitionTermID = true\n',
			'config/_default/languages.en.toml': 'contentDir = "content/en"\nweight = 10\n',
			'config/_default/languages.de.toml': 'contentDir = "content/de"\nweight = 200\n',
			'config/_default/menu.de.toml': '[[main]]\nname = "x"\n',
			'config/_default/permalinks.toml': 'blog = "/:year/:slug/"\n',
			'content/en/blog/a.md': '# A\n',
			'content/de/blog/a.md': '# A\n',
		}));
		assert.strictEqual(root, '/site/content/en');
		assert.deepStrictEqual(files, ['config.toml', 'config/_default/hugo.toml', 'config/_default/languages.de.toml', 'config/_default/languages.en.toml', 'config/_default/markup.toml', 'config/_default/menu.de.toml', 'config/_default/permalinks.toml']);
		assert.strictEqual(rules.headingIds, 'blackfriday');
		assert.strictEqual(rules.definitionTermIds, true);
		assert.deepStrictEqual(rules.permalinks, { blog: '/:year/:slug/' });
		assert.deepStrictEqual(rules.languages, [
			{ code: 'en', urlPrefix: '', contentDir: '' },
			{ code: 'de', urlPrefix: '/de/', contentDir: '../de' },
		]);
	});

	it('puts the default language in its subfolder with defaultContentLanguageInSubdir, and keeps a one-language site without prefixes', () => {
		const inSubdir = rulesOf(site({ 'hugo.toml': 'defaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n', 'content/a/b.md': '' }));
		assert.deepStrictEqual(inSubdir.rules.languages, [{ code: 'en', urlPrefix: '/en/', contentDir: '' }]);
		const single = rulesOf(site({ 'hugo.toml': '[languages.en]\nweight = 1\n', 'content/a/b.md': '' }));
		assert.deepStrictEqual(single.rules.languages, []);
	});

	it('takes the URL prefix of content mounted from outside the vault root, never reading its source', () => {
		const fileSystem = site({
			'hugo.toml': [
				'[[module.mounts]]', 'source = "content"', 'target = "content"',
				'[[module.mounts]]', 'source = "../other-repo/docs"', 'target = "content/docs"',
				'[[module.mounts]]', 'source = "vendor/api"', 'target = "content/reference/api"',
				'[[module.mounts]]', 'source = "/elsewhere"', 'target = "content"',
				'[[module.mounts]]', 'source = "../README.md"', 'target = "content/project/README.md"',
				'[[module.mounts]]', 'source = "../guide/_index.md"', 'target = "content/guide/_index.md"',
				'[[module.imports]]', 'path = "github.com/example/blog"',
				'[[module.imports.mounts]]', 'source = "content"', 'target = "content/blog"',
				'',
			].join('\n'),
			'content/a/b.md': '',
		});
		fileSystem.writeFile('/other-repo/docs/secret.md', 'never read');
		fileSystem.clearAccesses();
		const { root, rules, problems } = rulesOf(fileSystem);
		assert.strictEqual(root, '/site/content');
		assert.deepStrictEqual(rules.externalPrefixes, ['/blog/', '/docs/', '/guide/', '/project/readme/', '/reference/api/']);
		assert.deepStrictEqual(problems, ['the mount of "/elsewhere" onto the content root is not read: links into it cannot be told from broken ones']);
		assert.deepStrictEqual(fileSystem.accesses.filter(access => access.path.startsWith('/other-repo') || access.path.startsWith('/elsewhere')), []);
	});

	it('says which file cannot be parsed, and goes on with the others', () => {
		const { rules, problems } = rulesOf(site({
			'hugo.toml': 'disablePathToLower = \n',
			'config/_default/markup.yaml': 'goldmark:\n  parser:\n    autoHeadingIDType: nonsense\n',
			'content/a/b.md': '',
		}));
		assert.strictEqual(rules.generator, 'hugo');
		assert.strictEqual(rules.lowercaseUrls, true);
		assert.strictEqual(problems.length, 2);
		assert.match(problems[0], /^hugo\.toml: cannot be parsed/);
		assert.match(problems[1], /autoHeadingIDType "nonsense" is not one of github, github-ascii, blackfriday/);
	});

	it('never runs YAML tags that would make code or custom types', () => {
		const configuration = readSiteConfiguration('/site', site({ 'hugo.yaml': 'title: !!js/function "function () { return 1 }"\n' }));
		assert.ok(configuration);
		assert.match(configuration.problems.join('\n'), /hugo\.yaml: cannot be parsed/);
	});

	it('knows a site configuration file by its name', () => {
		for (const file of ['/w/hugo.toml', '/w/config.yaml', '/w/config/_default/params.toml', 'C:\\w\\config\\_default\\languages.de.toml']) {
			assert.ok(isSiteConfigurationFile(file), file);
		}
		for (const file of ['/w/hugo.md', '/w/content/config.md', '/w/data/params.toml']) {
			assert.ok(!isSiteConfigurationFile(file), file);
		}
	});
});
