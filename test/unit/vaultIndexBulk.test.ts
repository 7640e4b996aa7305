import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { absorbPersistedIndex } from '../../server/src/node/diskVerification';
import { loadIndexCacheFile } from '../../server/src/node/indexCache';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { savePersistedIndex } from '../../server/src/node/persistedIndex';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { pageSummaryToParts, summarizePage, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { VaultIndex } from '../../server/src/service/vault/vaultIndex';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { JSON_PAGE_CODEC, StoredPageSummary } from '../../server/src/service/parse/storedPageSummary';

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

/** Every reverse map and count of an index, as plain data; `ordered` false: every map, set and list sorted (the same contents in any order). */
function stateOf(index: VaultIndex, ordered = true): unknown {
	const fields = index as unknown as Record<string, unknown>;
	const sorted = <T>(items: T[]): T[] => (ordered ? items : items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
	const plain = (value: unknown): unknown => {
		if (value instanceof Map) {
			return sorted([...value].map(([key, item]) => [key, plain(item)]));
		}
		if (value instanceof Set || (!ordered && Array.isArray(value))) {
			return sorted([...(value as Iterable<unknown>)]);
		}
		return value;
	};
	const names = ['pathsByUrl', 'linkersByUrl', 'missingTargets', 'pathsBySection', 'urlsBySlug', 'tagCounts', 'pathsByName', 'sectionPages',
		'sectionPagesWithFrontmatter', 'absoluteLinks', 'relativeLinks', 'currentVersion', 'journal', 'pathsByRedirect', 'includersByPath'];
	const counts = fields.fieldCounts as Record<string, unknown>;
	return {
		...Object.fromEntries(names.map(name => [name, plain(fields[name])])),
		pages: sorted([...(fields.pagesByPath as Map<string, unknown>).keys()]),
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

/**
 * `history`: the change journals too (not for an index loaded from a file,
 * whose history is its own); `ordered`: in the same order (not when pages
 * went in in another order).
 */
function assertSame(pages: readonly [string, string][], oneByOne: VaultService, bulk: VaultService, history = true, ordered = true): void {
	const state = (index: VaultIndex): unknown => {
		const { currentVersion, journal, ...rest } = stateOf(index, ordered) as Record<string, unknown>;
		return history ? { currentVersion, journal, ...rest } : rest;
	};
	assert.deepStrictEqual(state(bulk.index), state(oneByOne.index));
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

	it('settled after the bulk load (its lists compacted, each a new copy): still equal page by page, and the edits after it too', () => {
		const { oneByOne, records: bulk } = services(MADE_UP, SITE);
		const listsOf = (): unknown[] => [...bulk.index.maps().linkersByUrl.values()].filter(Array.isArray);
		const lists = (bulk.index as unknown as { linkersByUrl: Map<string, unknown> }).linkersByUrl;
		const before = [...lists.values()].filter(Array.isArray);
		assert.ok(before.length > 0);
		bulk.settleIndex();
		const after = listsOf();
		assert.strictEqual(after.length, before.length);
		assert.ok(after.every((list, i) => list !== before[i]), 'every list copied');
		assertSame(MADE_UP, oneByOne, bulk);
		for (const service of [bulk, oneByOne]) {
			service.updatePage('people/c.md', '# C\n\n[Ann](/people/a/) [B](/people/b/) [W](/wanted/one/)\n');
			service.removePage('people/b.md');
		}
		assertSame(MADE_UP.filter(([page]) => page !== 'people/b.md' && page !== 'people/c.md'), oneByOne, bulk);
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

type Site = false | typeof SITE;

/** A service fed page records as the worker threads make them (V8's codec, as the transport's). */
function recordService(pages: readonly [string, string][], site: Site): VaultService {
	const service = createVaultService({ settings: site ? settingsFrom({ site }).settings : undefined, pageCodec: V8_PAGE_CODEC });
	for (const [page, text] of pages) {
		const { header, body } = splitPageParts(summarizePageParts(page, text));
		service.updatePageRecord({ header, blob: V8_PAGE_CODEC.encode(body) }, true);
	}
	return service;
}

/** How a loaded file went in: whole with its maps' state, or page by page (the state left out, or not fitting). */
type Absorbed = 'restored' | 'page by page';

/** Whether the index was restored whole: its stored pages' headers not decoded yet (page by page decodes every one). */
function absorbedAs(service: VaultService): Absorbed {
	const pages = [...service.index.pages()];
	assert.ok(pages.length > 0);
	return pages.some(page => page instanceof StoredPageSummary && page.encodedHeader !== undefined) ? 'restored' : 'page by page';
}

/**
 * Saves a service's index to a persisted index file (the transport's
 * writer, in a temporary folder), loads it back (its reader) and absorbs
 * it into a new service under the site rules `site`, as a warm start does:
 * `open` pages are in the new service first (the editor's text), `unstamped`
 * ones were not read from disk in the source (open there); `withState`
 * false leaves the maps' state out (page by page).
 */
async function throughFile(source: VaultService, site: Site, options: { open?: [string, string][]; gone?: string[]; unstamped?: string[]; withState?: boolean } = {}): Promise<VaultService> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-bulk-file-'));
	try {
		const file = path.join(dir, 'index.bin');
		const stamps = new Map([...source.index.pages()].filter(page => !options.unstamped?.includes(page.path)).map(page => [page.path, '1:1']));
		await savePersistedIndex(file, '/vault', source, stamps, nodeFileSystem);
		const contents = await loadIndexCacheFile(file, '/vault');
		assert.strictEqual(contents.pages.size, stamps.size);
		assert.strictEqual(contents.inOrder.length, source.index.size);
		assert.notStrictEqual(contents.state, undefined);
		const loaded = createVaultService({ settings: site ? settingsFrom({ site }).settings : undefined, pageCodec: V8_PAGE_CODEC });
		const already = new Set<string>();
		for (const [page, text] of options.open ?? []) {
			loaded.updatePage(page, text);
			already.add(page);
		}
		// Deleted on disk before the persisted index went in (the watcher): taken out, and noted as loaded.
		for (const page of options.gone ?? []) {
			loaded.removePage(page);
			already.add(page);
		}
		const loadedStamps = new Map<string, string>();
		const expectLoaded = [...already].filter(page => stamps.has(page)).length;
		const alreadyLoaded = await absorbPersistedIndex(options.withState === false ? { ...contents, state: undefined } : contents,
			{ loaded: already, stamps: loadedStamps, service: loaded, isCancelled: () => false });
		assert.strictEqual(alreadyLoaded, expectLoaded);
		assert.deepStrictEqual([...loadedStamps.keys()].sort(), [...stamps.keys()].filter(page => !options.open?.some(([open]) => open === page) && !options.gone?.includes(page)).sort());
		return loaded;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The same edit to both services: the same change told, and the same index after. */
function editBoth(oneByOne: VaultService, loaded: VaultService, edit: (service: VaultService) => unknown): void {
	const told = edit(loaded);
	assert.deepStrictEqual(told, edit(oneByOne));
}

/** Edits of every kind on a loaded vault: pages updated (links, names, URLs), removed, added, renamed, one page of the file updated twice. */
function editAll(oneByOne: VaultService, loaded: VaultService, pages: readonly [string, string][]): [string, string][] {
	const texts = new Map(pages);
	const edit = (page: string, text: string | undefined): void => {
		editBoth(oneByOne, loaded, service => (text === undefined ? service.removePage(page) : service.updatePage(page, text)));
		if (text === undefined) {
			texts.delete(page);
		} else {
			texts.set(page, text);
		}
	};
	const [first, second, third] = pages.map(([page]) => page);
	edit(first, '---\ntitle: Renamed 😀\naliases: [Other name]\ntags: [Z]\n---\n[New](/people/new/) [Wanted](/wanted/two/)\r\n');
	edit(first, '# Twice\n\n[B](/people/b/) [Iran](/places/iran/#here)\n');
	if (second !== undefined) {
		edit(second, undefined);
	}
	edit('people/new.md', '---\ntitle: New\n---\n[Back](/people/a/) [Wanted](/wanted/one/)\n');
	if (third !== undefined) {
		// Renamed: gone from its old path, its text at another.
		const text = texts.get(third)!;
		edit(third, undefined);
		edit(`moved/${path.basename(third)}`, text);
	}
	return [...texts];
}

describe('vault index: loaded from a persisted index file', () => {
	const fixtures = (): [string, [string, string][]][] => ['vaults', 'sites']
		.flatMap(kind => fs.readdirSync(path.join(FIXTURES, kind)).map(name => path.join(FIXTURES, kind, name)))
		.map(root => [root, markdownFiles(root).map((page): [string, string] => [page, fs.readFileSync(path.join(root, page), 'utf8')])]);

	it('equals page by page when saved and loaded back, and after the same edits (made-up pages, three site rule sets)', async () => {
		for (const site of [false, SITE, LOWERCASE_SITE] as const) {
			const { oneByOne } = services(MADE_UP, site);
			const source = recordService(MADE_UP, site);
			// A page edited in the source (not a stored record): split and encoded by the writer.
			editBoth(oneByOne, source, service => service.updatePage('places/iran.md', '---\ntitle: Iran\naliases: [Persia]\n---\n<a id="here"></a> [Ann](/people/a/)\n'));
			const pages = MADE_UP.map(([page, text]): [string, string] => [page, page === 'places/iran.md' ? '---\ntitle: Iran\naliases: [Persia]\n---\n<a id="here"></a> [Ann](/people/a/)\n' : text]);
			for (const withState of [true, false]) {
				const { oneByOne: again } = services(MADE_UP, site);
				again.updatePage('places/iran.md', pages.find(([page]) => page === 'places/iran.md')![1]);
				const loaded = await throughFile(source, site, { withState });
				assert.strictEqual(absorbedAs(loaded), withState ? 'restored' : 'page by page');
				assertSame(pages, again, loaded, false);
				// Stored as records (a page made again under lowercase URLs was written with those rules' key): linked in as stored.
				assert.ok(loaded.index.getPage('people/b.md') instanceof StoredPageSummary);
				assertSame(editAll(again, loaded, pages), again, loaded, false);
			}
			assert.ok(oneByOne);
		}
	});

	it('equals page by page on every fixture vault and site, loaded and then edited', async () => {
		const all = fixtures();
		assert.ok(all.length >= 10);
		for (const [root, pages] of all) {
			const { oneByOne } = services(pages);
			const loaded = await throughFile(recordService(pages, false), false);
			assert.strictEqual(absorbedAs(loaded), 'restored');
			assertSame(pages, oneByOne, loaded, false);
			assertSame(editAll(oneByOne, loaded, pages), oneByOne, loaded, false);
			assert.ok(root);
		}
	});

	it('made under other site rules: the pages are made again under the rules in force, and still equal', async () => {
		for (const [written, read] of [[SITE, LOWERCASE_SITE], [false, SITE], [LOWERCASE_SITE, false]] as const) {
			const { oneByOne } = services(MADE_UP, read);
			const loaded = await throughFile(recordService(MADE_UP, written), read);
			// The maps' state was made under other rules: not used, the records are linked in page by page.
			assert.strictEqual(absorbedAs(loaded), 'page by page');
			assert.strictEqual(loaded.index.getPage('people/b.md') instanceof StoredPageSummary, (read === LOWERCASE_SITE) === (written === LOWERCASE_SITE), 'made again only when the URL rules differ');
			assertSame(MADE_UP, oneByOne, loaded, false);
			assertSame(editAll(oneByOne, loaded, MADE_UP), oneByOne, loaded, false);
		}
	});

	it('keeps the editor text of the pages open before the warm start and leaves out those deleted before it, and reads again the pages that were open when it was written', async () => {
		for (const withState of [true, false]) {
			const { oneByOne } = services(MADE_UP, SITE);
			const source = recordService(MADE_UP, SITE);
			const open: [string, string][] = [['people/a.md', '---\ntitle: Ann in the editor\n---\n[C](/people/c/) [New](/people/new/)\n'], ['people/new.md', '# New\n']];
			const loaded = await throughFile(source, SITE, { open, gone: ['organizations/mi6.md'], unstamped: ['people/c.md', 'people/new.md'].filter(page => source.index.getPage(page)), withState });
			assert.strictEqual(absorbedAs(loaded), withState ? 'restored' : 'page by page');
			for (const [page, text] of open) {
				oneByOne.updatePage(page, text);
			}
			// Not read from disk when written, not open now: taken out (the disk is read for it after).
			oneByOne.removePage('people/c.md');
			oneByOne.removePage('organizations/mi6.md');
			const pages = [...MADE_UP.filter(([page]) => !['people/c.md', 'people/a.md', 'organizations/mi6.md'].includes(page)), ...open];
			// The pages open went in first here, last there: the same maps in another order.
			assertSame(pages, oneByOne, loaded, false, false);
			assertSame(editAll(oneByOne, loaded, pages), oneByOne, loaded, false, false);
		}
	});

	it('writes the maps of the pages as written when pages change while the file is written: restored, it equals those records linked in page by page', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-bulk-file-'));
		try {
			const file = path.join(dir, 'index.bin');
			// More pages than a chunk holds, so that the edits land between chunks: some pages written before them, some after.
			const many: [string, string][] = [...MADE_UP, ...Array.from({ length: 150 }, (_, i): [string, string] =>
				[`people/p${i}.md`, `---\ntitle: P ${i}\ntags: [T${i % 7}]\n---\n[Next](/people/p${i + 1}/) [Ann](/people/a/) [Gone](/people/gone-${i % 3}/)\n`])];
			const source = recordService(many, false);
			const stamps = new Map([...source.index.pages()].map(page => [page.path, '1:1']));
			let appended = 0;
			const changing = {
				...nodeFileSystem,
				createFile: async (at: string) => {
					const handle = await nodeFileSystem.createFile(at);
					return {
						append: async (chunks: readonly Uint8Array[]) => {
							// After the header and the first chunk of pages: edits land while the rest is written.
							if (appended++ === 2) {
								source.updatePage('people/a.md', '---\ntitle: Ann Renamed\naliases: [Nan]\ntags: [Q]\n---\n[New](/people/new/) [P 149](/people/p149/)\n');
								source.updatePage('people/p1.md', '# P one\n[Elsewhere](/places/nowhere/)\n');
								source.removePage('people/p140.md');
								source.updatePage('people/z.md', '# Z\n[Ann](/people/a/) [P 3](/people/p3/)\n');
							}
							await handle.append(chunks);
						},
						close: () => handle.close(),
					};
				},
			};
			assert.strictEqual(await savePersistedIndex(file, '/vault', source, stamps, changing), true);
			assert.ok(appended > 3, 'the edits landed before the last chunk');
			const contents = await loadIndexCacheFile(file, '/vault');
			assert.notStrictEqual(contents.state, undefined);
			const absorbed = async (withState: boolean): Promise<VaultService> => {
				const loaded = createVaultService({ pageCodec: V8_PAGE_CODEC });
				await absorbPersistedIndex(withState ? contents : { ...contents, state: undefined }, { loaded: new Set(), stamps: new Map(), service: loaded, isCancelled: () => false });
				return loaded;
			};
			const restored = await absorbed(true);
			const linked = await absorbed(false);
			assert.strictEqual(absorbedAs(restored), 'restored');
			assert.strictEqual(absorbedAs(linked), 'page by page');
			assertSame([], linked, restored, false, false);
			// Pages written before the edits are there as they were, those after as the edits left them.
			assert.strictEqual(restored.getPage('people/a.md')?.title, 'Ann');
			assert.strictEqual(restored.getPage('people/p140.md'), undefined);
			// A page added meanwhile is written after the others, without a stamp (not read from disk): left for the disk check to read.
			assert.ok(contents.inOrder.some(page => page.path === 'people/z.md'));
			assert.strictEqual(restored.getPage('people/z.md'), undefined);
			// And the next write, with nothing changing, takes the index's own maps.
			assert.strictEqual(await savePersistedIndex(file, '/vault', source, stamps, nodeFileSystem), true);
			const whole = await loadIndexCacheFile(file, '/vault');
			assert.strictEqual(whole.inOrder.length, source.index.size);
			assert.notStrictEqual(whole.state, undefined);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
