import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { pageSummaryToParts, summarizePage, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { VaultIndex } from '../../server/src/service/vault/vaultIndex';
import { JSON_PAGE_CODEC, splitPageParts, StoredPageSummary } from '../../server/src/service/parse/storedPageSummary';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function markdownFiles(root: string, under = ''): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(path.join(root, under), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const relative = under === '' ? entry.name : `${under}/${entry.name}`;
		if (entry.isDirectory()) {
			found.push(...markdownFiles(root, relative));
		} else if (relative.endsWith('.md')) {
			found.push(relative);
		}
	}
	return found;
}

/** Pages that exercise every reverse map: conflicts, aliases redirecting, includes, names shared, wanted pages, tags, fields. */
const MADE_UP: [string, string][] = [
	['people/a.md', '---\ntitle: Ann\naliases: [Annie, /old/ann/]\ntags: [X, Y]\n---\n[B](/people/b/) [c](../c/) [w](/wanted/one/) [w2](/wanted/one/)\n'],
	['people/a/index.md', '---\ntitle: Ann\n---\nConflict with a.md. [Old](/old/ann/)\n'],
	['people/b.md', '---\ntags: [X]\ncategory: person\n---\n{{< include "/_common/note" >}}\n[MI6](/organizations/mi6/) [gone](/people/gone/)\n'],
	['people/c.md', '# C\n\n[Ann](/people/a/#early-life) [^1]\n\n[^1]: Note.\n'],
	['organizations/mi6.md', '---\ncategory: agency\n---\nSecret. [Annie](/people/a/)\n'],
	['_common/note.md', 'Included text.\n'],
	['README.md', '[people](/people/) [Ann](people/a.md)\n'],
	['places/iran.md', '---\ntitle: Iran\naliases: [Persia]\n---\n<a id="here"></a>\n\nTerm\n: Definition\n'],
];

const SITE = { ...DEFAULT_SITE_RULES, aliasFields: ['aliases'], includeShortcodes: ['include'] };
const LOWERCASE_SITE = { ...SITE, lowercaseUrls: true };

/** Every reverse map and count of an index, as plain data. */
function stateOf(index: VaultIndex): unknown {
	const fields = index as unknown as Record<string, unknown>;
	const plain = (value: unknown): unknown => {
		if (value instanceof Map) {
			return [...value].map(([key, item]) => [key, plain(item)]);
		}
		if (value instanceof Set) {
			return [...value];
		}
		return value;
	};
	const names = ['pathsByUrl', 'linkersByUrl', 'missingTargets', 'pathsBySection', 'urlsBySlug', 'tagCounts', 'pathsByName', 'sectionPages',
		'sectionPagesWithFrontmatter', 'absoluteLinks', 'relativeLinks', 'currentVersion', 'journal', 'pathsByRedirect', 'includersByPath'];
	const counts = fields.fieldCounts as Record<string, unknown>;
	return {
		...Object.fromEntries(names.map(name => [name, plain(fields[name])])),
		pages: [...(fields.pagesByPath as Map<string, unknown>).keys()],
		fieldCounts: JSON.stringify(counts, (_, value: unknown) => plain(value)),
		wanted: [...index.wantedUrls()].sort(),
	};
}

function services(pages: readonly [string, string][], site: false | typeof SITE = false): { oneByOne: VaultService; bulk: VaultService; records: VaultService } {
	const settings = site ? settingsFrom({ site }).settings : undefined;
	const oneByOne = createVaultService({ settings });
	const bulk = createVaultService({ settings });
	// Fed page records (storedPageSummary.ts) as the worker threads make them, in bulk.
	const records = createVaultService({ settings, pageCodec: JSON_PAGE_CODEC });
	for (const [page, text] of pages) {
		oneByOne.updateParsedPage(summarizePageParts(page, text), false);
		bulk.loadParsedPage(summarizePageParts(page, text), false);
		const { header, body } = splitPageParts(summarizePageParts(page, text));
		assert.deepStrictEqual(records.updatePageRecord({ header: structuredClone(header), blob: JSON_PAGE_CODEC.encode(body) }, true).affected.size, 0);
	}
	return { oneByOne, bulk, records };
}

function assertSame(pages: readonly [string, string][], oneByOne: VaultService, bulk: VaultService): void {
	assert.deepStrictEqual(stateOf(bulk.index), stateOf(oneByOne.index));
	for (const [page, text] of pages) {
		assert.deepStrictEqual(bulk.diagnostics(page, text), oneByOne.diagnostics(page, text), page);
	}
	assert.deepStrictEqual(bulk.vaultKind(), oneByOne.vaultKind());
	assert.deepStrictEqual(bulk.frontmatterSchema(), oneByOne.frontmatterSchema());
}

describe('vault index: bulk loading', () => {
	it('an index loaded in bulk equals one updated page by page (every reverse map, counts, wanted pages, diagnostics)', () => {
		for (const site of [false, SITE, LOWERCASE_SITE] as const) {
			const { oneByOne, bulk, records } = services(MADE_UP, site);
			assert.ok(oneByOne.index.wantedUrls().size > 0 && oneByOne.index.pathsForUrl('/people/a/').length === 2);
			assertSame(MADE_UP, oneByOne, bulk);
			assertSame(MADE_UP, oneByOne, records);
			// Made under the URL rules in force, linked in as stored; under others (lowercase URLs), made again and expanded.
			assert.strictEqual(records.index.getPage('people/a.md') instanceof StoredPageSummary, site !== LOWERCASE_SITE);
		}
	});

	it('equals page by page on every fixture vault and site', () => {
		const roots = ['vaults', 'sites'].flatMap(kind => fs.readdirSync(path.join(FIXTURES, kind)).map(name => path.join(FIXTURES, kind, name)));
		assert.ok(roots.length >= 10);
		for (const root of roots) {
			const pages = markdownFiles(root).map((page): [string, string] => [page, fs.readFileSync(path.join(root, page), 'utf8')]);
			const { oneByOne, bulk, records } = services(pages);
			assertSame(pages, oneByOne, bulk);
			assertSame(pages, oneByOne, records);
		}
	});

	it('updates a page it already has as an edit does, and the edits after a bulk load see what it linked in', () => {
		const { oneByOne, records: bulk } = services(MADE_UP);
		const again = summarizePage('people/c.md', '# C\n\nNo more links.\n');
		bulk.loadParsedPage(pageSummaryToParts(again), false);
		oneByOne.updateParsedPage(pageSummaryToParts(again), false);
		assertSame(MADE_UP.filter(([page]) => page !== 'people/c.md'), oneByOne, bulk);
		const removedA = bulk.removePage('people/a.md');
		assert.deepStrictEqual(removedA, oneByOne.removePage('people/a.md'));
		assert.ok(removedA.affected.size > 0);
		const created = bulk.updatePage('wanted/one.md', '# One\n');
		assert.deepStrictEqual(created, oneByOne.updatePage('wanted/one.md', '# One\n'));
		assert.deepStrictEqual([...created.affected], ['people/a.md'].filter(page => bulk.index.getPage(page)));
		assertSame(MADE_UP.filter(([page]) => page !== 'people/c.md' && page !== 'people/a.md'), oneByOne, bulk);
	});
});
