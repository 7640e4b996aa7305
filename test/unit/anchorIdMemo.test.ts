import * as assert from 'assert';
import { summarizePage, summarizePageParts, type PageSummary } from '../../server/src/service/parse/pageSummary';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { JSON_PAGE_CODEC, type PageCodec, type PageRecord } from '../../server/src/service/parse/storedPageSummary';
import { anchorIdList, hasAnchorId, pageAnchors, rememberAnchorIds, type AnchorIdMemo } from '../../server/src/service/vault/pageAnchors';
import { positionOfOffset } from '../support/cursor';
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

describe('anchor ids without decoding a stored target page (hover, quick fixes)', () => {
	it('lists the ids as pageAnchors does, an empty id and a page without anchors included', () => {
		const memo: AnchorIdMemo = new WeakMap();
		const pages = [
			summarizePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life {#early}\n\n## Career\n\n## Career\n\n<a id="top"></a>\n'),
			summarizePage('people/e.md', '# !!!\n'),
			summarizePage('people/n.md', 'No heading.\n'),
			summarizePage('people/z.md', '<a id="x\u0000y"></a>\n## Z\n'),
		];
		for (const site of [DEFAULT_SITE_RULES, HUGO]) {
			for (const page of pages) {
				const ids = pageAnchors(page, site, pagesOf(page)).map(anchor => anchor.id);
				assert.deepStrictEqual(anchorIdList(page, site, pagesOf(page), memo), ids, `${site.generator} ${page.path}`);
				assert.deepStrictEqual(anchorIdList(page, site, pagesOf(page), memo), ids, `${site.generator} ${page.path}, kept`);
			}
		}
		assert.deepStrictEqual(anchorIdList(pages[1], DEFAULT_SITE_RULES, pagesOf(pages[1]), memo), [''], 'one empty id is not no id');
	});

	it('answers hover on a missing anchor and its quick fixes from the kept ids', () => {
		let decoded = 0;
		const codec: PageCodec = { encode: JSON_PAGE_CODEC.encode, decode: blob => (decoded++, JSON_PAGE_CODEC.decode(blob)) };
		const service = createVaultService({ settings: settingsFrom({}).settings, pageCodec: codec });
		const record = (path: string, text: string): PageRecord => {
			const { header, body } = splitPageParts(summarizePageParts(path, text));
			return { header, blob: codec.encode(body) };
		};
		service.updatePageRecord(record('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life\n\n## Career\n'));
		// More stored pages than are kept decoded, to push the target out of them.
		const others = Array.from({ length: 300 }, (_, i) => `notes/n${i}.md`);
		others.forEach(path => service.updatePageRecord(record(path, '# N\n\n## Part\n')));
		const text = '---\ntitle: A\n---\n# A\n\nSee [B](/people/b/#early-lif) and [B](/people/b/#career).\n';
		service.updatePage('people/a.md', text);
		const broken = service.diagnostics('people/a.md').filter(diagnostic => diagnostic.code === 'broken-anchor');
		assert.strictEqual(broken.length, 1);
		others.forEach(path => void service.getPage(path)?.headings);
		decoded = 0;
		const hover = service.hover('people/a.md', text, positionOfOffset(text, text.indexOf('early-lif') + 2));
		assert.match(JSON.stringify(hover?.contents), /Missing heading.*Did you mean.*#early-life/);
		const cardHover = service.hover('people/a.md', text, positionOfOffset(text, text.indexOf('[B]') + 1));
		assert.match(JSON.stringify(cardHover?.contents), /No heading/);
		const fixes = service.codeActions('people/a.md', text, broken[0].range, broken, '2026-01-01');
		assert.ok(fixes.some(fix => fix.title === 'Change anchor to #early-life'), fixes.map(fix => fix.title).join(', '));
		assert.strictEqual(decoded, 0, 'the target page is not decoded');
		// A found anchor's hover names its heading: that one decodes the page.
		const found = service.hover('people/a.md', text, positionOfOffset(text, text.indexOf('career') + 2));
		assert.match(JSON.stringify(found?.contents), /Heading \*\*Career\*\* \(level 2\)/);
		assert.strictEqual(decoded, 1);
	});
});

describe('anchor ids made before the links to them are checked (check, rememberAnchorIds)', () => {
	let decoded = 0;
	const codec: PageCodec = { encode: JSON_PAGE_CODEC.encode, decode: blob => (decoded++, JSON_PAGE_CODEC.decode(blob)) };
	const record = (path: string, text: string): PageRecord => {
		const { header, body } = splitPageParts(summarizePageParts(path, text));
		return { header, blob: codec.encode(body) };
	};
	const TARGETS: [string, string][] = [
		['people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life {#early}\n\n## Career\n\n## Career\n\n<a id="top"></a>\n\nTerm\n: Definition\n'],
		['people/c.md', '---\ntitle: C\n---\nNo heading.\n'],
		['docs/includer.md', '# Includer\n\n{{% include "/docs/part" %}}\n'],
		['docs/part.md', '## Shared\n'],
	];
	const LINKING = '---\ntitle: A\n---\n# A\n\n[B](/people/b/#early) [B](/people/b/#early-life) [B](/people/b/#career-1) [B](/people/b/#top) [B](/people/b/#term)'
		+ ' [C](/people/c/#x) [I](/docs/includer/#shared) [I](/docs/includer/#nope)\n';

	for (const [name, site] of [['default', DEFAULT_SITE_RULES], ['hugo', { ...HUGO, definitionTermIds: true }]] as [string, SiteRules][]) {
		it(`gives the same diagnostics with the target pages' ids made beforehand, none of them decoded for them then (${name} rules)`, () => {
			const serviceOf = (): ReturnType<typeof createVaultService> => {
				const service = createVaultService({ settings: settingsFrom({ site }).settings, pageCodec: codec });
				for (const [path, text] of TARGETS) {
					service.updatePageRecord(record(path, text));
				}
				service.updatePage('people/a.md', LINKING);
				return service;
			};
			const oracle = serviceOf().diagnostics('people/a.md');
			assert.ok(oracle.filter(diagnostic => diagnostic.code === 'broken-anchor').length >= 3);
			const service = serviceOf();
			const { index } = service;
			decoded = 0;
			for (const page of index.pages()) {
				rememberAnchorIds(page, service.settings().site, index, index.anchorIds);
			}
			assert.ok(decoded <= TARGETS.length, 'each stored page decoded once at most (not when it is expanded)');
			decoded = 0;
			assert.deepStrictEqual(service.diagnostics('people/a.md'), oracle);
			// Only the page including another may be read again (its ids are never kept: the included page can change alone), and the page it includes.
			assert.ok(name === 'hugo' ? decoded <= 2 : decoded === 0, `${decoded} pages decoded`);
		});
	}
});
