import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { jsonSchemaOf } from '../../server/src/node/config/configShape';
import { VAULT_CONFIG_SHAPE } from '../../server/src/node/config/vaultConfigKeys';
import { resolveFolderVault } from '../../server/src/node/folderVault';
import { folderSettingsFrom } from '../../server/src/node/serverSettings';
import { loadVaultConfiguration, parseVaultConfiguration } from '../../server/src/node/vaultConfigFile';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { repoRoot } from '../support/paths';

const SCHEMA_FILE = path.join(repoRoot, 'schemas', 'entity-vault.schema.json');

/** A configuration with every key, as a user would write it (comments, a trailing comma). */
const SAMPLE = `{
	// The vault configuration of a Hugo site.
	"$schema": "./schemas/entity-vault.schema.json",
	"root": "content/en",
	"exclude": ["drafts/**"],
	"severity": { "broken-link": "warning", "unlinked-mention": "off" },
	"linkStyle": "absolute",
	"ignoreDestinations": ["{{*"],
	"mapDestinations": { "g": "/quick-reference/glossary/#{text}" },
	"publishedPrefixes": ["/api/"],
	"redirectField": "aliases",
	"mentions": { "minLength": 4, "ignore": ["Apple"] },
	"frontmatter": {
		"*": { "required": ["title"] },
		"people": { "required": ["summary"], "fields": { "location": { "type": "link", "section": "places" }, "category": { "type": "text", "values": ["Person"] } } },
	},
	"site": { "generator": "hugo", "headingIds": "github-ascii", "redirects": [{ "from": "/old/", "to": "/new/" }], "includeShortcodes": ["include", "embed"] },
}
`;

function problemsOf(text: string): string[] {
	return parseVaultConfiguration('/w/.entity-vault.json', text).problems.map(problem => `${problem.line}:${problem.column} ${problem.key}: ${problem.message}`);
}

describe('the vault configuration file (.entity-vault.json)', () => {
	it('reads every agreed key of a file with comments and trailing commas, the root relative to the file', () => {
		const { input, problems } = parseVaultConfiguration('/w/.entity-vault.json', SAMPLE);
		assert.deepStrictEqual(problems, []);
		assert.deepStrictEqual(input, {
			root: '/w/content/en',
			exclude: ['drafts/**'],
			severity: { 'broken-link': 'warning', 'unlinked-mention': 'off' },
			linkStyle: 'absolute',
			ignoreDestinations: ['{{*'],
			mapDestinations: { g: '/quick-reference/glossary/#{text}' },
			publishedPrefixes: ['/api/'],
			redirectField: 'aliases',
			mentions: { minLength: 4, ignore: ['Apple'] },
			frontmatter: {
				'*': { required: ['title'] },
				people: { required: ['summary'], fields: { location: { type: 'link', section: 'places' }, category: { type: 'text', values: ['Person'] } } },
			},
			site: { generator: 'hugo', headingIds: 'github-ascii', redirects: [{ from: '/old/', to: '/new/' }], includeShortcodes: ['include', 'embed'] },
		});
	});

	it('reports an unknown key, a wrong type, an unknown code and a bad value at the key, line and column, and keeps the valid rest', () => {
		const text = '{\r\n  "exclud": ["x"],\r\n  "severity": { "broken-lnk": "off", "broken-anchor": "loud", "broken-link": "hint" },\r\n  "mentions": { "minLength": 0 },\r\n  "linkStyle": 3,\r\n  "frontmatter": { "people": { "fields": { "location": { "type": "place" } } } }\r\n}\r\n';
		assert.deepStrictEqual(problemsOf(text), [
			'2:3 exclud: unknown key "exclud" (known: $schema, root, exclude, severity, linkStyle, ignoreDestinations, mapDestinations, publishedPrefixes, redirectField, mentions, frontmatter, site)',
			`3:17 severity.broken-lnk: unknown key "broken-lnk" in severity (known: ${parseKnownCodes()})`,
			'3:38 severity.broken-anchor: severity.broken-anchor must be one of "error", "warning", "information", "hint", "off"',
			'4:17 mentions.minLength: mentions.minLength must be a whole number, 1 or more',
			'5:3 linkStyle: linkStyle must be one of "absolute", "relative", "any", "auto"',
			'6:58 frontmatter.people.fields.location.type: frontmatter.people.fields.location.type must be one of "text", "date", "names", "link", "list", "number", "boolean"',
		]);
		const { input } = parseVaultConfiguration('/w/.entity-vault.json', text);
		assert.deepStrictEqual(input.severity, { 'broken-link': 'hint' });
		assert.deepStrictEqual(input.mentions, {});
	});

	it('counts columns in UTF-16 code units after an emoji', () => {
		assert.deepStrictEqual(problemsOf('{ "mentions": { "ignore": ["😀"], "minLen": 2 } }'), ['1:35 mentions.minLen: unknown key "minLen" in mentions (known: minLength, ignore)']);
	});

	it('says where a file that does not parse goes wrong, and that a list is not a configuration', () => {
		assert.deepStrictEqual(problemsOf('{\n  "exclude": ["a"]\n  "root": "x"\n}\n'), ['3:3 : not valid JSON: comma expected']);
		assert.deepStrictEqual(problemsOf('[]'), ['1:1 : the file must be an object']);
		assert.deepStrictEqual(problemsOf(''), []);
	});

	it("is found in the folder, else in the vault root; the file's root wins over the setting, its severities over the settings' code by code", () => {
		const fileSystem = new MemoryFileSystem();
		fileSystem.writeFile('/w/content/people/a.md', '');
		fileSystem.writeFile('/w/content/.entity-vault.json', '{ "severity": { "broken-link": "off" }, "linkStyle": "relative", "publishedPrefixes": ["/api/"] }');
		const settings = folderSettingsFrom({ diagnostics: { severity: { 'broken-link': 'hint', 'broken-anchor': 'error' } }, rename: { oldUrlField: 'old' } });
		const fromRoot = resolveFolderVault('/w', settings, fileSystem);
		assert.strictEqual(fromRoot.configuration.configFile, '/w/content/.entity-vault.json');
		assert.strictEqual(fromRoot.root, '/w/content');
		assert.strictEqual(fromRoot.settings.vault.severity['broken-link'], 'off');
		assert.strictEqual(fromRoot.settings.vault.severity['broken-anchor'], 'error');
		assert.strictEqual(fromRoot.settings.vault.oldUrlField, 'old');
		assert.deepStrictEqual(fromRoot.settings.vault.site, { ...DEFAULT_SITE_RULES, linkStyle: 'relative', externalPrefixes: ['/api/'] });

		fileSystem.writeFile('/w/other/places/b.md', '');
		fileSystem.writeFile('/w/.entity-vault.json', '{ "root": "other", "exclude": ["drafts/**"] }');
		const fromFolder = resolveFolderVault('/w', folderSettingsFrom({ root: 'content', exclude: ['x/**'] }), fileSystem);
		assert.strictEqual(fromFolder.configuration.configFile, '/w/.entity-vault.json');
		assert.strictEqual(fromFolder.root, '/w/other');
		assert.strictEqual(fromFolder.chosenBy, 'configFile');
		assert.deepStrictEqual(fromFolder.settings.excludes, ['drafts/**']);
	});

	it('reports a configuration file given that cannot be read', () => {
		const configuration = loadVaultConfiguration('/w', new MemoryFileSystem(), undefined, 'ci/vault.json');
		assert.deepStrictEqual(configuration.problems.map(problem => `${problem.file}:${problem.line}: ${problem.message}`), ['/w/ci/vault.json:1: cannot read the configuration file']);
	});

	it('publishes the JSON schema made from the same shapes (UPDATE_SCHEMA=1 writes it), which accepts the sample and rejects what the loader rejects', () => {
		const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: '.entity-vault.json', ...jsonSchemaOf(VAULT_CONFIG_SHAPE) };
		const written = JSON.stringify(schema, null, '\t') + '\n';
		if (process.env.UPDATE_SCHEMA === '1') {
			fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
			fs.writeFileSync(SCHEMA_FILE, written);
		}
		assert.strictEqual(fs.readFileSync(SCHEMA_FILE, 'utf8'), written, 'schemas/entity-vault.schema.json is out of date: UPDATE_SCHEMA=1 npx mocha --no-config out/test/unit/vaultConfigFile.test.js');
		const validate = new Ajv({ strict: false }).compile(JSON.parse(written) as object);
		const sample = parseVaultConfiguration('/w/.entity-vault.json', SAMPLE);
		assert.strictEqual(validate(JSON.parse(stripComments(SAMPLE))), true, JSON.stringify(validate.errors));
		assert.deepStrictEqual(sample.problems, []);
		for (const bad of ['{ "exclud": [] }', '{ "severity": { "broken-lnk": "off" } }', '{ "mentions": { "minLength": 0 } }', '{ "site": { "headingIds": "kramdown" } }', '{ "frontmatter": { "people": { "fields": { "x": { "type": "place" } } } } }']) {
			assert.strictEqual(validate(JSON.parse(bad)), false, bad);
			assert.notDeepStrictEqual(problemsOf(bad), [], bad);
		}
	});
});

function parseKnownCodes(): string {
	const severity = (VAULT_CONFIG_SHAPE as { properties: Record<string, { keys?: readonly string[] }> }).properties.severity;
	return (severity.keys ?? []).join(', ');
}

/** The sample without its comments and trailing commas, as plain JSON. */
function stripComments(text: string): string {
	return text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1');
}
