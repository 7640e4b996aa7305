import * as assert from 'assert';
import { pageOfFacts } from '../../server/src/service/vault/urlFacts';
import { VersionedMemo } from '../../server/src/service/search/versionedMemo';
import { createVaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { LinkTargetFacts, urlFactsOf } from '../../server/src/service/languageFeatures/diagnostics';

describe('the facts of link target URLs kept per index version and site rules (VaultIndex.urlFacts)', () => {
	it('computes a URL once per version and rules, again at another version or under other rules, and starts over when full', () => {
		const memo = new VersionedMemo<{ readonly exists: boolean }>(2);
		const computed: string[] = [];
		const facts = (version: number, rules: object, url: string): { readonly exists: boolean } => memo.get(version, url, () => {
			computed.push(url);
			return { exists: url.startsWith('/people/') };
		}, rules);
		const rules = {};
		assert.strictEqual(facts(1, rules, '/people/a/').exists, true);
		assert.strictEqual(facts(1, rules, '/people/a/').exists, true);
		assert.strictEqual(facts(1, rules, '/places/x/').exists, false);
		assert.deepStrictEqual(computed, ['/people/a/', '/places/x/']);
		facts(2, rules, '/people/a/');
		assert.deepStrictEqual(computed, ['/people/a/', '/places/x/', '/people/a/'], 'another version forgets');
		facts(2, {}, '/people/a/');
		assert.strictEqual(computed.length, 4, 'other rules forget');
		facts(2, rules, '/places/x/');
		facts(2, rules, '/places/y/');
		facts(2, rules, '/people/a/');
		assert.strictEqual(computed.length, 7);
		facts(2, rules, '/places/y/');
		assert.strictEqual(computed.length, 8, 'full (2 kept): started over');
	});

	it('the link diagnostics of a page follow the pages its links name as they appear, change and go, between two runs', () => {
		const service = createVaultService({ settings: settingsFrom({}).settings });
		service.updatePage('people/a.md', '---\ntitle: A\n---\n# A\n\nSee [B](/people/b/), [early](/people/b/#early-life) and [C](../c/).\n');
		service.updatePage('people/c.md', '---\ntitle: C\n---\n# C\n');
		const codes = (): string[] => service.diagnostics('people/a.md').map(diagnostic => `${diagnostic.code} ${diagnostic.message}`);
		const broken = 'broken-link No page at /people/b/: did you mean /people/a/, /people/c/?';
		const toC = 'non-canonical-link Link "../c/" is better written as "/people/c/", the URL the page is published at.';
		assert.deepStrictEqual(codes(), [broken, broken, toC]);
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Early life\n');
		assert.deepStrictEqual(codes(), [toC], 'B appeared');
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Later life\n');
		assert.deepStrictEqual(codes(), ['broken-anchor No heading #early-life in /people/b/. Headings: #b, #later-life.', toC], 'B changed: its new version is read');
		service.removePage('people/b.md');
		assert.deepStrictEqual(codes(), [broken, broken, toC], 'B went');
		service.updatePage('people/b.md', '---\ntitle: B\nurl: /elsewhere/b/\n---\n# B\n\n## Early life\n');
		assert.deepStrictEqual(codes(), [toC], 'B published elsewhere: its file URL leads there');
		service.updatePage('people/b.md', '---\ntitle: B\n---\n# B\n\n## Later life\n');
		assert.deepStrictEqual(codes(), ['broken-anchor No heading #early-life in /people/b/. Headings: #b, #later-life.', toC], 'B back at /people/b/');
	});

	it('a page\'s links ask the facts of its targets in order (LinkTargetFacts): the same facts as urlFactsOf for every link, repeats and strays included', () => {
		const service = createVaultService({ settings: settingsFrom({}).settings });
		service.updatePage('people/a.md', '---\ntitle: A\n---\n# A\n');
		service.updatePage('people/c.md', '---\ntitle: C\n---\n# C\n');
		const index = service.index;
		const targets = ['/people/a/', '/people/b/', '/people/c/'];
		// Each link in order: a repeat of an earlier target, a URL the page does not list, then the targets.
		const links = ['/people/a/', '/people/a/', '/people/nobody/', '/people/b/', '/people/c/', '/people/b/', '/people/a/'];
		const facts = new LinkTargetFacts(index, targets);
		const asked = links.map(url => facts.of(url));
		assert.deepStrictEqual(asked.map(fact => [fact !== false, pageOfFacts(fact)?.path]), links.map(url => [urlFactsOf(index, url) !== false, pageOfFacts(urlFactsOf(index, url))?.path]));
		assert.deepStrictEqual(asked.map(fact => fact !== false), [true, true, false, false, true, false, true]);
		// Targets listed in another order than the links name them: every link still gets its own URL's facts.
		const shuffled = new LinkTargetFacts(index, ['/people/c/', '/people/b/', '/people/a/']);
		assert.deepStrictEqual(['/people/a/', '/people/b/', '/people/c/'].map(url => pageOfFacts(shuffled.of(url))?.path), ['people/a.md', undefined, 'people/c.md']);
	});
});
