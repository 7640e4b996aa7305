import * as assert from 'assert';
import * as path from 'path';
import { checkFolder } from '../support/checkCommand';
import { fixturesRoot } from '../support/paths';

const SITE = path.join(fixturesRoot, 'sites', 'hugo-includes');

describe('entity-vault check on a Hugo site: anchors of included pages', () => {
	it("counts the anchors of pages an `include` shortcode renders in place (nested too) as the including page's", () => {
		const anchors = checkFolder(SITE).diagnostics
			.filter(diagnostic => diagnostic.code === 'broken-anchor')
			.map(diagnostic => `${diagnostic.file}:${diagnostic.line} ${diagnostic.message}`);
		assert.deepStrictEqual(anchors, [
			'docs/reader.md:5 No heading #options-2 in /docs/settings/. Headings: #options, #options-1, #more, #html-more.',
		]);
	});
});
