import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listVaultPages } from '../../server/src/node/vaultFiles';
import { recordFigure } from './support/figures';

const DEEP_LEVELS = 2000;

function makeTempDir(prefix: string): string {
	return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function write(root: string, relative: string, text = '# Page\n'): void {
	fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
	fs.writeFileSync(path.join(root, relative), text);
}

/** Listing under a time budget: a walk that loops would not return at all, so it is timed. */
function timedListing(root: string, excludes: readonly string[] = []): { pages: string[]; skipped: { path: string; reason: string }[]; ms: number } {
	const start = Date.now();
	const listing = listVaultPages(root, excludes);
	return { ...listing, ms: Date.now() - start };
}

describe('hardening: directory walking', function () {
	this.timeout(120000);
	let base: string;
	let listedTwice = 0;
	let missing = 0;
	let wronglyListed = 0;
	let cases = 0;

	function check(listing: { pages: string[] }, expected: readonly string[]): void {
		cases++;
		const counts = new Map<string, number>();
		for (const page of listing.pages) {
			counts.set(page, (counts.get(page) ?? 0) + 1);
		}
		listedTwice += [...counts.values()].filter(count => count > 1).length;
		missing += expected.filter(page => !counts.has(page)).length;
		wronglyListed += listing.pages.filter(page => !expected.includes(page)).length;
		assert.deepStrictEqual([...listing.pages].sort(), [...expected].sort());
	}

	before(() => {
		base = makeTempDir('ev-hard-walk-');
	});

	after(() => {
		// fs.rmSync recurses once per level and overflows the stack on the deep tree; rm(1) does not.
		if (process.platform === 'win32' || spawnSync('rm', ['-rf', base]).status !== 0) {
			fs.rmSync(base, { recursive: true, force: true });
		}
		recordFigure({ area: 'Robustness', test: 'Directory walking terminates and lists each page once', inputs: `${cases} vaults: symlink loops, mutual links, dangling links, links out, aliases, a ${DEEP_LEVELS}-level tree, ignored and excluded folders`, figure: 'pages listed twice', value: listedTwice, expected: 0 });
		recordFigure({ area: 'Robustness', test: 'Directory walking terminates and lists each page once', inputs: `${cases} vaults`, figure: 'pages missed or listed wrongly (ignored, excluded, outside)', value: missing + wronglyListed, expected: 0 });
	});

	it('terminates on symbolic link loops (to the folder itself, to a parent, to the root) and lists each page once', () => {
		const root = path.join(base, 'loops');
		write(root, 'people/a.md');
		write(root, 'people/sub/b.md');
		fs.symlinkSync('.', path.join(root, 'people', 'self'));
		fs.symlinkSync('..', path.join(root, 'people', 'sub', 'parent'));
		fs.symlinkSync(root, path.join(root, 'people', 'sub', 'root'));
		const listing = timedListing(root);
		check(listing, ['people/a.md', 'people/sub/b.md']);
		assert.ok(listing.skipped.some(s => s.path === 'people/self'));
	});

	it('terminates on mutual symbolic links and dangling links', () => {
		const root = path.join(base, 'mutual');
		write(root, 'people/a.md');
		fs.symlinkSync('b', path.join(root, 'people', 'a-link'));
		fs.symlinkSync('a-link', path.join(root, 'people', 'b'));
		fs.symlinkSync('x.md', path.join(root, 'people', 'y.md'));
		fs.symlinkSync('y.md', path.join(root, 'people', 'x.md'));
		fs.symlinkSync('missing.md', path.join(root, 'people', 'dangling.md'));
		fs.symlinkSync('/nonexistent/folder', path.join(root, 'people', 'gone'));
		const listing = timedListing(root);
		check(listing, ['people/a.md']);
		assert.deepStrictEqual(listing.skipped.map(s => s.path).sort(), ['people/a-link', 'people/b', 'people/dangling.md', 'people/gone', 'people/x.md', 'people/y.md']);
	});

	it('does not follow links out of the vault, and lists a page reachable twice under its own path', () => {
		const root = path.join(base, 'aliases');
		const outside = path.join(base, 'aliases-outside');
		write(outside, 'secret.md');
		write(root, 'people/a.md');
		write(root, 'places/p.md');
		fs.symlinkSync(path.join(root, 'people'), path.join(root, 'a-people-alias'));
		fs.symlinkSync(path.join('..', 'places', 'p.md'), path.join(root, 'people', 'p-alias.md'));
		fs.symlinkSync(outside, path.join(root, 'out'));
		fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'people', 'secret.md'));
		// A link to a folder inside the vault that only the link reaches is followed.
		write(root, '.hidden-store/stored.md');
		fs.symlinkSync(path.join(root, '.hidden-store'), path.join(root, 'stored'));
		const listing = timedListing(root);
		check(listing, ['people/a.md', 'places/p.md', 'stored/stored.md']);
		assert.ok(listing.skipped.some(s => s.path === 'out' && /outside/.test(s.reason)));
		assert.ok(listing.skipped.some(s => s.path === 'people/secret.md' && /outside/.test(s.reason)));
	});

	it(`terminates on a ${DEEP_LEVELS}-level tree and lists its pages`, () => {
		const root = path.join(base, 'deep');
		const expected: string[] = [];
		let relative = '';
		for (let level = 0; level < DEEP_LEVELS; level++) {
			relative = relative === '' ? 'd' : `${relative}/d`;
			if (level % 250 === 0 || level === DEEP_LEVELS - 1) {
				expected.push(`${relative}/p.md`);
			}
		}
		// Paths near PATH_MAX: create level by level relative to the deepest folder made so far.
		let made = root;
		fs.mkdirSync(root);
		const segments = relative.split('/');
		let current = '';
		for (let i = 0; i < segments.length; i += 100) {
			const chunk = segments.slice(i, i + 100).join('/');
			current = current === '' ? chunk : `${current}/${chunk}`;
			fs.mkdirSync(path.join(made, chunk), { recursive: true });
			made = path.join(made, chunk);
		}
		for (const page of expected) {
			fs.writeFileSync(path.join(root, page), '# Deep\n');
		}
		const listing = timedListing(root);
		const unreadableFolders = listing.skipped.filter(s => /unreadable/.test(s.reason));
		assert.deepStrictEqual(unreadableFolders, [], 'a folder of the tree could not be read');
		check(listing, expected);
		assert.ok(listing.ms < 20000, `${listing.ms} ms`);
	});

	it('skips node_modules, .git and dot folders, and honours the exclude setting', () => {
		const root = path.join(base, 'ignored');
		for (const page of ['people/a.md', 'node_modules/pkg/readme.md', '.git/x.md', '.obsidian/y.md', 'people/node_modules/z.md', 'drafts/d.md', 'people/_templates/t.md', 'people/b.markdown', 'people/notes.txt', 'people/.draft.md', 'places/archive/old.md', 'places/new.md']) {
			write(root, page);
		}
		check(timedListing(root), ['drafts/d.md', 'people/_templates/t.md', 'people/a.md', 'people/b.markdown', 'places/archive/old.md', 'places/new.md']);
		check(timedListing(root, ['drafts/**', '**/_templates/**', 'places/archive']), ['people/a.md', 'people/b.markdown', 'places/new.md']);
		check(timedListing(root, ['**/*.markdown', 'places/*.md']), ['drafts/d.md', 'people/_templates/t.md', 'people/a.md', 'places/archive/old.md']);
	});
});
