import * as assert from 'assert';
import { PathFilter } from '../../server/src/service/vault/pathFilter';
import { compileGlob } from '../../server/src/service/vault/globs';

/** The files of `paths` a walk keeps: each folder on the way not skipped (as a folder), then the file itself. */
function kept(excludes: readonly string[], paths: readonly string[]): string[] {
	const filter = new PathFilter(excludes);
	return paths.filter(path => {
		const segments = path.split('/');
		return segments.every((segment, i) => !filter.isSkipped(segments.slice(0, i + 1).join('/'), segment, i < segments.length - 1));
	});
}

const PATHS = [
	'README.md',
	'people/ada.md',
	'people/bob.md',
	'people/drafts/cy.md',
	'places/london.md',
	'places/paris.md',
	'drafts/a.md',
	'drafts/keep.md',
	'drafts/old/b.md',
	'archive-2019/x.md',
	'archive-2020/y.md',
	'notes/todo.txt.md',
];

describe('PathFilter: exclude globs through picomatch', () => {
	it('always skips dot-folders and node_modules, and nothing else without patterns', () => {
		const filter = new PathFilter();
		assert.strictEqual(filter.isSkipped('.git', '.git', true), true);
		assert.strictEqual(filter.isSkipped('people/node_modules', 'node_modules', true), true);
		assert.deepStrictEqual(kept([], PATHS), PATHS);
	});

	it('matches a folder name and everything under it, `*` within a segment, `**` across folders, ./ and a trailing slash dropped', () => {
		assert.deepStrictEqual(kept(['drafts'], PATHS).filter(path => path.includes('drafts')), ['people/drafts/cy.md']);
		assert.deepStrictEqual(kept(['./drafts/'], PATHS), kept(['drafts'], PATHS));
		assert.deepStrictEqual(kept(['**/drafts'], PATHS).filter(path => path.includes('drafts')), []);
		assert.deepStrictEqual(kept(['people/*.md'], PATHS).filter(path => path.startsWith('people/')), ['people/drafts/cy.md']);
		assert.deepStrictEqual(kept(['people/**'], PATHS).filter(path => path.startsWith('people/')), []);
		assert.deepStrictEqual(kept(['p?ople'], PATHS).filter(path => path.startsWith('people/')), []);
	});

	it('takes braces and classes', () => {
		assert.deepStrictEqual(kept(['{people,places}/{ada,paris}.md'], PATHS).filter(path => /ada|paris/.test(path)), []);
		assert.deepStrictEqual(kept(['archive-20[12][0-9]'], PATHS).filter(path => path.startsWith('archive')), []);
		assert.deepStrictEqual(kept(['archive-201[^9]'], PATHS).filter(path => path.startsWith('archive')), ['archive-2019/x.md', 'archive-2020/y.md']);
		assert.deepStrictEqual(kept(['places/[a-m]*.md'], PATHS).filter(path => path.startsWith('places/')), ['places/paris.md']);
	});

	it('includes again with a leading ! what an earlier pattern excluded, the last matching pattern deciding', () => {
		const drafts = (excludes: string[]) => kept(excludes, PATHS).filter(path => path.startsWith('drafts/'));
		assert.deepStrictEqual(drafts(['drafts/**', '!drafts/keep.md']), ['drafts/keep.md']);
		assert.deepStrictEqual(drafts(['drafts', '!drafts/keep.md']), ['drafts/keep.md']);
		assert.deepStrictEqual(drafts(['drafts', '!**/keep.md']), ['drafts/keep.md']);
		assert.deepStrictEqual(drafts(['drafts', '!drafts/old']), ['drafts/old/b.md']);
		assert.deepStrictEqual(drafts(['!drafts/keep.md', 'drafts']), [], 'a later pattern excludes it again');
		assert.deepStrictEqual(kept(['!people/ada.md'], PATHS), PATHS, 'a ! pattern alone excludes nothing');
		const filter = new PathFilter(['drafts', '!drafts/keep.md']);
		assert.strictEqual(filter.isSkipped('drafts', 'drafts', true), false, 'the folder is walked');
		assert.strictEqual(filter.isSkipped('drafts/old', 'old', true), true, 'but not a folder nothing can be included from');
	});

	it('compiles each pattern once with its literal base', () => {
		assert.deepStrictEqual([compileGlob('!drafts/old/*.md')].map(({ pattern, negated, base }) => ({ pattern, negated, base })), [{ pattern: 'drafts/old/*.md', negated: true, base: 'drafts/old' }]);
		assert.strictEqual(compileGlob('**/x.md').base, '');
	});
});
