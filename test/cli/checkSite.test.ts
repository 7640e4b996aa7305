import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTIC_CODES } from '../../server/src/service/vault/settings';
import { checkFolder, runCli } from '../support/checkCommand';
import { fixturesRoot, temporaryVault } from '../support/paths';

describe('entity-vault check on a site root', () => {
	const hugoDocs = path.join(fixturesRoot, 'sites', 'hugodocs');

	it("checks the content folder the site's configuration names (hugoDocs' hugo.toml mounts content/en)", () => {
		const report = checkFolder(hugoDocs);
		assert.strictEqual(report.root, path.join(hugoDocs, 'content', 'en'));
		// (Frontmatter checks are another part's: only the links are compared.)
		const links = report.diagnostics.filter(d => d.code === 'broken-link' || d.code === 'broken-anchor');
		assert.deepStrictEqual(links.map(d => `${d.file}:${d.line} ${d.code}`), ['getting-started/quick-start.md:5 broken-link']);
	});

	it('reports the broken link as FILE:LINE:COL relative to that content folder', () => {
		const result = runCli('check', hugoDocs);
		assert.strictEqual(result.status, 1, result.stderr);
		assert.match(result.stdout, /^getting-started\/quick-start\.md:5:\d+ error broken-link /m);
	});
});

describe('entity-vault check with a vault configuration file', () => {
	const PAGE = '---\ntitle: A\n---\n\nSee [nobody](/people/nobody/).\n';

	it('exits 2 naming the file, line, column and key of each problem, checking nothing', () => {
		const folder = temporaryVault('ev-config-bad-', {
			'.entity-vault.json': '{\n  // comments are fine\n  "severity": { "broken-lnk": "off" },\n  "linkStyle": "sideways"\n}\n',
			'people/a.md': PAGE,
		});
		try {
			const result = runCli('check', folder);
			assert.strictEqual(result.status, 2, result.stdout);
			assert.strictEqual(result.stdout, '');
			const file = path.join(folder, '.entity-vault.json');
			assert.deepStrictEqual(result.stderr.trimEnd().split('\n'), [
				`entity-vault check: ${file}:3:17: severity.broken-lnk: unknown key "broken-lnk" in severity (known: ${knownCodes()})`,
				`entity-vault check: ${file}:4:3: linkStyle: linkStyle must be one of "absolute", "relative", "any", "auto"`,
			]);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	it('applies what the file says (over the flags), and reads the file --config names instead', () => {
		const folder = temporaryVault('ev-config-good-', {
			'.entity-vault.json': '{ "severity": { "broken-link": "off" } }',
			'ci/strict.json': '{ "severity": { "broken-link": "error" }, "root": "../pages" }',
			'pages/people/a.md': PAGE,
			'people/a.md': PAGE,
		});
		try {
			const quiet = runCli('check', folder, '--severity', 'broken-link=error');
			assert.strictEqual(quiet.status, 0, quiet.stdout + quiet.stderr);
			const strict = checkFolder(folder, '--config', path.join(folder, 'ci', 'strict.json'));
			assert.strictEqual(strict.root, path.join(folder, 'pages'));
			assert.deepStrictEqual(strict.diagnostics.filter(d => d.code === 'broken-link').map(d => `${d.file} ${d.severity}`), ['people/a.md error']);
			const missing = runCli('check', folder, '--config', 'nowhere.json');
			assert.strictEqual(missing.status, 2);
			assert.match(missing.stderr, /nowhere\.json:1:1: cannot read the configuration file/);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});
});

function knownCodes(): string {
	return DIAGNOSTIC_CODES.join(', ');
}
