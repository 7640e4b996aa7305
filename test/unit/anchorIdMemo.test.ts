import * as assert from 'assert';
import { summarizePage, type PageSummary } from '../../server/src/service/parse/pageSummary';
import { hasAnchorId, pageAnchors, type AnchorIdMemo } from '../../server/src/service/vault/pageAnchors';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../server/src/service/vault/siteRules';
import { createVaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';

const HUGO: SiteRules = { ...DEFAULT_SITE_RULES, generator: 'hugo', headingAttributes: true, includeShortcodes: ['include'] };

function pagesOf(...pages: PageSummary[]): { getPage(path: string): PageSummary | undefined } {
	const byPath = new Map(pages.map(page => [page.path, page]));
	return { getPage: path => byPath.get(path) };
}

describe('anchor ids kept per page version (hasAnchorId)', () => {
	const target = summarizePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life {#early}\n\n## Career\n\n<a id="x\u0000y"></a>\n');

	it('answers as pageAnchors does, under each site rule set, and keeps one entry per page version', () => {
		const memo: AnchorIdMemo = new WeakMap();
		for (const site of [DEFAULT_SITE_RULES, HUGO]) {
			const ids = pageAnchors(target, site, pagesOf(target)).map(anchor => anchor.id);
			for (const fragment of [...ids, 'early', 'career', 'early-life', 'nope', '', 'x']) {
				assert.strictEqual(hasAnchorId(target, site, pagesOf(target), memo, fragment), ids.includes(fragment), `${site.generator} #${fragment}`);
			}
		}
		// An id with a NUL (the separator) is answered without the memo, and exactly.
		assert.strictEqual(hasAnchorId(target, DEFAULT_SITE_RULES, pagesOf(target), memo, 'x\u0000y'), true);
		const plain = summarizePage('people/c.md', '# C\n\n## Only\n');
		assert.strictEqual(hasAnchorId(plain, DEFAULT_SITE_RULES, pagesOf(plain), memo, 'only'), true);
		assert.ok(memo.has(plain), 'a page without includes is kept');
		const edited = summarizePage('people/c.md', '# C\n\n## Other\n');
		assert.strictEqual(hasAnchorId(edited, DEFAULT_SITE_RULES, pagesOf(edited), memo, 'only'), false, 'a new version is not answered from the old one');
	});

	it('never keeps the ids of a page that includes another: the included page can change alone', () => {
		const memo: AnchorIdMemo = new WeakMap();
		const includer = summarizePage('docs/a.md', '# A\n\n{{% include "/docs/part" %}}\n');
		const part = summarizePage('docs/part.md', '## Shared\n');
		assert.strictEqual(hasAnchorId(includer, HUGO, pagesOf(includer, part), memo, 'shared'), true);
		assert.ok(!memo.has(includer));
		const changed = summarizePage('docs/part.md', '## Renamed\n');
		assert.strictEqual(hasAnchorId(includer, HUGO, pagesOf(includer, changed), memo, 'shared'), false);
		assert.strictEqual(hasAnchorId(includer, HUGO, pagesOf(includer, changed), memo, 'renamed'), true);
	});

	it('a broken-anchor diagnostic follows an edit of the target page through the service', () => {
		const service = createVaultService({ settings: settingsFrom({}).settings });
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life\n');
		service.updatePage('people/a.md', '---\ntitle: A\n---\n# A\n\nSee [B](/people/b/#early-life).\n');
		const codes = (): string[] => service.diagnostics('people/a.md').map(diagnostic => diagnostic.code);
		assert.ok(!codes().includes('broken-anchor'));
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Later life\n');
		assert.ok(codes().includes('broken-anchor'));
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life\n');
		assert.ok(!codes().includes('broken-anchor'));
	});
});
