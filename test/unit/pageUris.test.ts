import * as assert from 'assert';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { isPlainRelativePath, PageUris } from '../../server/src/node/pageUris';

/** The URI the server gave a page before `PageUris`: the absolute path joined, then `URI.file`. */
function slowUri(root: string, relative: string): string {
	return URI.file(path.join(root, ...relative.split('/'))).toString();
}

const RELATIVE_PATHS = [
	'people/ada.md', 'people/ada/index.md', 'a.md', 'x/y/z/w.md', 'README.md', 'under_score/ti~lde-dash.md', '.hidden/page.md', 'a/.md', 'a/...md', 'a/..b.md',
	'with space.md', 'people/zoë.md', 'emoji/😀.md', 'hash#x.md', 'query?.md', 'percent%20.md', 'colon:a.md', 'at@b.md', 'plus+.md', 'paren(1).md', "quote'.md", 'amp&.md',
	'a/./b.md', 'a/../b.md', '../up.md', './here.md', 'a//b.md', '/lead.md', 'trail/', '', '.', '..', 'a\\b.md',
];

const ROOTS = ['/vault', '/', '/home/u/my vault', '/home/u/zoë/', '/tmp/a#b', '/data/content/', '/x/../y'];

describe('page URIs', () => {
	it('spells every page URI as URI.file of the joined absolute path', () => {
		for (const root of ROOTS) {
			const uris = new PageUris(root);
			for (const relative of RELATIVE_PATHS) {
				assert.strictEqual(uris.uriOf(relative), slowUri(root, relative), `${root} + ${relative}`);
			}
		}
	});

	it('takes the fast way only for paths of unreserved characters in plain segments', () => {
		assert.deepStrictEqual(RELATIVE_PATHS.filter(isPlainRelativePath), [
			'people/ada.md', 'people/ada/index.md', 'a.md', 'x/y/z/w.md', 'README.md', 'under_score/ti~lde-dash.md', '.hidden/page.md', 'a/.md', 'a/...md', 'a/..b.md',
		]);
	});
});
