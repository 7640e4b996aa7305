import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFolder } from '../support/checkCommand';
import { fixturesRoot } from '../support/paths';

const SITE = path.join(fixturesRoot, 'sites', 'hugo-anchors');

/** `FILE:LINE code message` of the anchor and asset diagnostics of a check. */
function anchorsAndAssets(folder: string): string[] {
	return checkFolder(folder).diagnostics
		.filter(diagnostic => diagnostic.code === 'broken-anchor' || diagnostic.code === 'broken-asset')
		.map(diagnostic => `${diagnostic.file}:${diagnostic.line} ${diagnostic.code} ${diagnostic.message}`);
}

describe('entity-vault check on a Hugo site: the anchors it generates and its assets', () => {
	it('takes the ids Hugo makes (custom ids, github-ascii, definition terms sharing the counter, HTML ids) and looks for files in the bundle, content/ and static/', () => {
		assert.deepStrictEqual(anchorsAndAssets(SITE), [
			'docs/bundle/index.md:5 broken-asset No file at /docs/bundle/other.jpg: did you mean /images/other.jpg?',
			'docs/reader.md:8 broken-anchor No heading #resume in /docs/settings/. Headings: #resume-custom, #link-cache, #baseurl, #link-cache-1, #refcache, ….',
			'docs/reader.md:8 broken-anchor No heading #link-cache-a-idrefcachea in /docs/settings/. Headings: #resume-custom, #link-cache, #baseurl, #link-cache-1, #refcache, ….',
			'docs/reader.md:10 broken-asset No file at /images/missing.png.',
			'docs/reader.md:10 broken-asset No file at /files/guide.pdf.',
		]);
	});

	it('sees a file added to static/ (or removed from a bundle) at the next check', () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-hugo-anchors-'));
		try {
			fs.cpSync(SITE, copy, { recursive: true });
			fs.mkdirSync(path.join(copy, 'static', 'files'));
			fs.writeFileSync(path.join(copy, 'static', 'files', 'guide.pdf'), '%PDF');
			fs.rmSync(path.join(copy, 'content', 'docs', 'bundle', 'photo.jpg'));
			assert.deepStrictEqual(anchorsAndAssets(copy).filter(line => line.includes('broken-asset')), [
				'docs/bundle/index.md:5 broken-asset No file at /docs/bundle/photo.jpg.',
				'docs/bundle/index.md:5 broken-asset No file at /docs/bundle/other.jpg: did you mean /images/other.jpg?',
				'docs/reader.md:10 broken-asset No file at /docs/bundle/photo.jpg. Looked for /docs/bundle/photo.jpg, /docs/reader/bundle/photo.jpg.',
				'docs/reader.md:10 broken-asset No file at /images/missing.png.',
			]);
		} finally {
			fs.rmSync(copy, { recursive: true, force: true });
		}
	});
});
