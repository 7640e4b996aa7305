import * as assert from 'assert';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { applyTextEdits } from '../support/applyEdits';

const FRONTMATTER = '---\ntitle: T\ncategory: C\nsummary: S\ntags:\n- A\ncreated: 2026-05-14\nupdated: 2026-05-15\n---\n';

/** An ordinary repository: root files, and docs without frontmatter, with real link and footnote problems (CRLF, emoji). */
const DOCS_REPO: Record<string, string> = {
	'README.md': '---\ntitle: Readme\n---\n# Project 😀\r\n\r\nSee [the guide](/docs/a/) and [gone](/docs/gone/).\r\n',
	'CHANGELOG.md': '# Changelog\n\n## 1.0\n',
	'docs/a.md': '# Guide 👩‍💻\r\n\r\nBack to [the readme](/README/#project-), the [changelog](/CHANGELOG/#10), [b](/docs/b/) and [nothing](/docs/nope/).[^1]\r\n',
	'docs/b.md': '# B\n\nText.\n',
};

function serviceOf(files: Record<string, string>, declaredVault?: string): VaultService {
	const service = createVaultService({ declaredVault });
	for (const [path, text] of Object.entries(files)) {
		service.updatePage(path, text);
	}
	return service;
}

function codes(service: VaultService, path: string): string[] {
	return service.diagnostics(path).map(d => d.code);
}

describe('vault or plain markdown folder', () => {
	it('checks a docs folder without frontmatter for links and footnotes only, and counts no root file as a page', () => {
		const service = serviceOf(DOCS_REPO);
		assert.deepStrictEqual(service.vaultKind(), { isVault: false, reason: 'frontmatter on 0 of 2 pages in sections' });
		assert.deepStrictEqual(codes(service, 'docs/a.md'), ['broken-link', 'missing-footnote']);
		assert.deepStrictEqual(codes(service, 'docs/b.md'), []);
		// Root files are checked for links too, but never for their frontmatter (README.md has one without the fields).
		assert.deepStrictEqual(codes(service, 'README.md'), ['broken-link']);
		assert.deepStrictEqual(codes(service, 'CHANGELOG.md'), []);
		assert.strictEqual(service.index.pageCount, 2);
		assert.strictEqual(service.index.size, 4);
		// Links to root files still resolve, anchors included, and the broken one is at its UTF-16 place after the emoji.
		const broken = service.diagnostics('docs/a.md')[0];
		const line = DOCS_REPO['docs/a.md'].split('\r\n')[2];
		assert.deepStrictEqual(broken.range, { start: { line: 2, character: line.indexOf('/docs/nope/') }, end: { line: 2, character: line.indexOf('/docs/nope/') + '/docs/nope/'.length } });
	});

	it('checks the frontmatter of the pages in sections when the folder is declared a vault (setting, marker file), never of root files', () => {
		const service = serviceOf(DOCS_REPO, 'marker file .entity-vault.json');
		assert.deepStrictEqual(service.vaultKind(), { isVault: true, reason: 'marker file .entity-vault.json' });
		assert.deepStrictEqual(codes(service, 'docs/a.md'), ['broken-link', 'missing-footnote', 'frontmatter-missing']);
		assert.deepStrictEqual(codes(service, 'docs/b.md'), ['frontmatter-missing']);
		assert.deepStrictEqual(codes(service, 'README.md'), ['broken-link']);
		assert.deepStrictEqual(codes(service, 'CHANGELOG.md'), []);
		service.declareVault(undefined);
		assert.deepStrictEqual(codes(service, 'docs/b.md'), []);
		service.declareVault('the entityVault.root setting');
		assert.deepStrictEqual(service.vaultKind(), { isVault: true, reason: 'the entityVault.root setting' });
		assert.deepStrictEqual(codes(service, 'docs/b.md'), ['frontmatter-missing']);
	});

	it('is a vault when at least half of the pages in sections have frontmatter, and says when an update crosses the line', () => {
		const service = serviceOf({ ...DOCS_REPO, 'docs/c.md': FRONTMATTER + 'C.\n' });
		assert.deepStrictEqual(service.vaultKind(), { isVault: false, reason: 'frontmatter on 1 of 3 pages in sections' });
		assert.deepStrictEqual(codes(service, 'docs/b.md'), []);

		// Adding frontmatter to b (2 of 3) makes it a vault: every page's frontmatter diagnostics may change.
		const text = DOCS_REPO['docs/b.md'];
		const withFrontmatter = applyTextEdits(text, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\ntitle: B\n---\n' }]);
		const crossed = service.updatePage('docs/b.md', withFrontmatter);
		assert.strictEqual(crossed.vaultKindChanged, true);
		assert.deepStrictEqual(service.vaultKind(), { isVault: true, reason: 'frontmatter on 2 of 3 pages in sections' });
		assert.deepStrictEqual(codes(service, 'docs/a.md'), ['broken-link', 'missing-footnote', 'frontmatter-missing']);
		assert.deepStrictEqual(service.diagnostics('docs/b.md').map(d => `${d.code}:${(d.data as { field?: string }).field}`),
			['frontmatter-field:summary', 'frontmatter-field:category', 'frontmatter-field:tags', 'frontmatter-field:created', 'frontmatter-field:updated']);
		assert.deepStrictEqual(codes(service, 'README.md'), ['broken-link']);

		// An update on the same side of the line says nothing; a page going out of the index can cross it back.
		assert.strictEqual(service.updatePage('docs/c.md', FRONTMATTER + 'C again.\n').vaultKindChanged, undefined);
		assert.strictEqual(service.updatePage('README.md', 'No frontmatter.\n').vaultKindChanged, undefined);
		assert.strictEqual(service.removePage('docs/c.md').vaultKindChanged, undefined);
		assert.deepStrictEqual(service.vaultKind(), { isVault: true, reason: 'frontmatter on 1 of 2 pages in sections' });
		assert.strictEqual(service.markUnreadable('docs/b.md', 'binary').vaultKindChanged, true);
		assert.deepStrictEqual(service.vaultKind(), { isVault: false, reason: 'frontmatter on 0 of 1 page in sections' });
		// No frontmatter-missing any more; the README lost its heading and b is gone, which breaks those links.
		assert.deepStrictEqual(codes(service, 'docs/a.md'), ['broken-anchor', 'broken-link', 'broken-link', 'missing-footnote']);
	});

	it('keeps its counts per page through updates, removals and quarantine', () => {
		const service = serviceOf({ 'a/x.md': FRONTMATTER, 'a/y.md': 'none\n', 'index.md': FRONTMATTER });
		const counts = (): number[] => [service.index.pageCount, service.index.pagesWithFrontmatter];
		assert.deepStrictEqual(counts(), [2, 1]);
		service.updatePage('a/y.md', FRONTMATTER);
		assert.deepStrictEqual(counts(), [2, 2]);
		service.updatePage('a/y.md', FRONTMATTER);
		assert.deepStrictEqual(counts(), [2, 2]);
		service.updatePage('a/x.md', 'x'.repeat(3 * 1024 * 1024));
		assert.deepStrictEqual(counts(), [1, 1]);
		service.removePage('a/y.md');
		service.removePage('index.md');
		assert.deepStrictEqual(counts(), [0, 0]);
		assert.deepStrictEqual(service.vaultKind(), { isVault: false, reason: 'frontmatter on 0 of 0 pages in sections' });
	});

	it('gives a root file no frontmatter diagnostics in a vault either, and keeps the home page resolvable', () => {
		const service = serviceOf({ '_index.md': '---\ntitle: Home\ntags: Home\n---\n[a](/a/x/)\n', 'a/x.md': FRONTMATTER + '[home](/) [index](../_index.md)\n' });
		assert.strictEqual(service.vaultKind().isVault, true);
		assert.deepStrictEqual(codes(service, '_index.md'), []);
		assert.deepStrictEqual(codes(service, 'a/x.md'), ['non-canonical-link']);
		assert.strictEqual(service.index.pageForUrl('/')?.path, '_index.md');
	});
});
