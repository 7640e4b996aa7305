import * as assert from 'assert';
import * as path from 'path';
import { checkFolder, runCli } from '../support/checkCommand';
import { fixturesRoot } from '../support/paths';

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
