import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as v8 from 'v8';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { decodePageHeader, encodePageHeader, HeaderWriter } from '../../server/src/node/pageHeaderCodec';
import { InProcessPageParser } from '../../server/src/node/pageParser';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { splitPageParts, type PageRecordHeader } from '../../server/src/service/parse/pageRecord';
import { PageSummaries, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { pageRecordOf, StoredPages, type StoredHeader } from '../../server/src/service/parse/storedPageSummary';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** What V8's serializer gives back of a header: the oracle. */
function throughV8(header: PageRecordHeader): PageRecordHeader {
	return v8.deserialize(v8.serialize(header)) as PageRecordHeader;
}

/**
 * A header with the keys a decoded one always has present (undefined when
 * none) and those it has only when set left out when undefined: a header
 * made by `splitPageParts` may leave out the former or hold the latter.
 */
function shaped(header: PageRecordHeader): unknown {
	const { shortcodeCalls, siteKey, frontmatter, ...rest } = header;
	const { links, toml, ...matter } = frontmatter;
	return {
		...rest, section: header.section, nameSpellings: header.nameSpellings,
		frontmatter: { ...matter, closingFenceStart: frontmatter.closingFenceStart, ...(links === undefined ? {} : { links }), ...(toml === undefined ? {} : { toml }) },
		...(shortcodeCalls === undefined ? {} : { shortcodeCalls }), ...(siteKey === undefined ? {} : { siteKey }),
	};
}

/** The header as a stored page keeps it. */
function storedHeader(header: PageRecordHeader): StoredHeader {
	return new StoredPages(new PageSummaries(), V8_PAGE_CODEC).summaryOf({ header: structuredClone(header), blob: new Uint8Array(0) }).header;
}

/** The header as a stored page gives it back (`toRecordHeader`). */
function storedForm(header: PageRecordHeader): PageRecordHeader {
	return storedHeader(header).toRecordHeader(header.path);
}

/**
 * Asserts a stored page's header, written as the persisted index writes it
 * after a cold start (its name spellings apart, slug titles as a bit), comes
 * back as V8's serializer gives back its whole record header; gives whether compact.
 */
function assertStoredRoundTrip(header: PageRecordHeader): boolean {
	const stored = storedHeader(header);
	const bytes = encodePageHeader(stored.toRecordHeader(header.path, false), stored.nameSpellingsBesideSlugTitles);
	assert.deepStrictEqual(decodePageHeader(bytes), throughV8(stored.toRecordHeader(header.path)), header.path);
	return bytes[0] === 1;
}

/** Asserts a header comes back from the codec as from V8's serializer; gives whether it took the compact layout. */
function assertRoundTrip(header: PageRecordHeader, exact: boolean): boolean {
	const bytes = encodePageHeader(header);
	const decoded = decodePageHeader(bytes);
	if (exact) {
		assert.deepStrictEqual(decoded, throughV8(header), header.path);
	} else {
		assert.deepStrictEqual(shaped(decoded), shaped(throughV8(header)), header.path);
	}
	return bytes[0] === 1;
}

/** The headers of every page of a folder indexed as a vault (its site rules found as the server finds them). */
async function headersOf(folder: string): Promise<PageRecordHeader[]> {
	const vault = new VaultWorkspace(pathToFileURL(folder).toString(), folder, folder, {
		settings: DEFAULT_SETTINGS, excludes: [], pool: new InProcessPageParser(nodeFileSystem), fileSystem: nodeFileSystem,
	});
	await vault.index();
	return [...vault.service.index.pages()].map(page => pageRecordOf(page, V8_PAGE_CODEC).header);
}

/** Every header of the folders, in both forms: as a worker makes it and as a stored page gives it back; gives how many, and how many compact. */
async function assertFolders(folders: readonly string[]): Promise<{ headers: number; compact: number }> {
	let headers = 0;
	let compact = 0;
	for (const folder of folders) {
		for (const header of await headersOf(folder)) {
			compact += Number(assertRoundTrip(header, false));
			compact += Number(assertRoundTrip(storedForm(header), true));
			compact += Number(assertStoredRoundTrip(header));
			headers += 3;
		}
	}
	return { headers, compact };
}

function subfolders(folder: string): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => path.join(folder, entry.name));
}

function header(text: string, page = 'a.md'): PageRecordHeader {
	return splitPageParts(summarizePageParts(page, text)).header;
}

describe('page header codec (the persisted index\'s headers)', () => {
	it('gives back every header of the fixture vaults and sites as V8\'s serializer does, each in the compact layout', async function () {
		this.timeout(60000);
		const folders = [...subfolders(path.join(FIXTURES, 'vaults')), ...subfolders(path.join(FIXTURES, 'sites'))];
		const { headers, compact } = await assertFolders(folders);
		assert.ok(headers > 50, `${headers} headers`);
		assert.strictEqual(compact, headers);
	});

	it('keeps text of every kind: emoji, CRLF, other scripts, lone surrogates (as UTF-16)', () => {
		const texts = [
			'---\r\ntitle: Zoë 😀\r\naliases: [Ж, "東京"]\r\ntags: [a, b]\r\n---\r\n# Zoë\r\n\r\nSee [東京](/places/tokyo/) and [x](/a/).\r\n',
			'---\ntitle: "lone \\ud800 surrogate"\naliases: ["\\udc00"]\n---\nbody\n',
			'no frontmatter, a [link](/x/y/) and [another](../z/)\n',
			'+++\ntitle = "Toml"\n+++\n# Toml\n',
		];
		for (const text of texts) {
			assert.ok(assertRoundTrip(header(text), false));
			assert.ok(assertRoundTrip(storedForm(header(text)), true));
			assert.ok(assertStoredRoundTrip(header(text)));
		}
		assert.strictEqual(decodePageHeader(encodePageHeader(header(texts[1]))).title, 'lone \ud800 surrogate');
	});

	it('keeps frontmatter data of every kind: nested lists and maps, numbers, null, a __proto__ key', () => {
		const text = [
			'---', 'title: Data', 'date: 2020-01-02', 'when: 2020-01-02T03:04:05Z', 'n: -0.5', 'big: 12345678901', 'neg: -3', 'nothing: null', 'yes: true',
			'nested: {a: [1, {b: [x, y]}], c: {}}', 'list: []', '"__proto__": {polluted: true}', '---', '',
		].join('\n');
		const made = header(text);
		assert.ok(assertRoundTrip(made, false));
		const decoded = decodePageHeader(encodePageHeader(made));
		assert.strictEqual(Object.getPrototypeOf(decoded.frontmatter.data), Object.prototype);
		assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
	});

	it('keeps values the layout has no tag for (as V8 serializes them), and a header it does not know whole', () => {
		const made = header('---\ntitle: T\n---\n');
		const sparse = [1, 2, 3];
		delete sparse[1];
		const odd = {
			...made, frontmatter: {
				...made.frontmatter,
				data: { date: new Date(Date.UTC(2020, 0, 2)), bytes: new Uint8Array([1, 2, 3]), minusZero: -0, nan: NaN, infinity: -Infinity, sparse, big: 2 ** 40, map: new Map([['k', 1]]) },
			},
		};
		assert.ok(assertRoundTrip(odd as PageRecordHeader, true));
		assert.ok(decodePageHeader(encodePageHeader(odd as PageRecordHeader)).frontmatter.data!.date instanceof Date);
		const cyclic: Record<string, unknown> = { name: 'loop' };
		cyclic.self = cyclic;
		const withCycle = { ...made, frontmatter: { ...made.frontmatter, data: cyclic } } as PageRecordHeader;
		assert.ok(!assertRoundTrip(withCycle, true), 'a cycle: the header serialized whole');
		const unknown = { ...made, somethingNew: [1, 2] } as PageRecordHeader;
		assert.ok(!assertRoundTrip(unknown, true), 'a field the layout does not know: the header serialized whole');
		const slugs = { ...made, targetUrls: ['/a/', '/b-c/'] } as PageRecordHeader;
		const slugPairs = ['/b-c/', undefined, '/elsewhere/', 'Else', '/a/', undefined];
		assert.deepStrictEqual(decodePageHeader(encodePageHeader(slugs, slugPairs)).nameSpellings, ['/b-c/', 'B C', '/elsewhere/', 'Else', '/a/', 'A']);
		assert.deepStrictEqual(decodePageHeader(encodePageHeader({ ...slugs, somethingNew: 1 } as PageRecordHeader, slugPairs)).nameSpellings, ['/b-c/', 'B C', '/elsewhere/', 'Else', '/a/', 'A'], 'serialized whole: the slug titles made');
		const spelled = { ...made, targetUrls: ['/a/', '/b/'], nameSpellings: ['/b/', 'Bee', '/elsewhere/', 'Else', '/a/', 'A'] } as PageRecordHeader;
		assert.ok(assertRoundTrip(spelled, true), 'name spellings out of the targets\' order, and of a URL not among them');
		const wide = { ...made, numbers: Uint32Array.from([70000, 1, 2]), textLength: 70000 } as PageRecordHeader;
		assert.ok(assertRoundTrip(wide, true));
		assert.ok(decodePageHeader(encodePageHeader(wide)).numbers instanceof Uint32Array);
	});

	it('writes many headers one after the other into one buffer, each its own length', () => {
		const writer = new HeaderWriter();
		const made = Array.from({ length: 200 }, (_, i) => header(`---\ntitle: Page ${i} ${'x'.repeat(i * 40)}\n---\n[a](/b/${i}/)\n`, `p${i}.md`));
		const lengths = made.map(one => writer.encode(one));
		const bytes = Buffer.from(writer.bytes);
		let at = 0;
		made.forEach((one, i) => {
			assert.deepStrictEqual(shaped(decodePageHeader(bytes.subarray(at, at + lengths[i]))), storedLike(one));
			at += lengths[i];
		});
		assert.strictEqual(at, bytes.length);
	});

	it('rejects bytes that are not a header: cut short, left over, another layout', () => {
		const bytes = encodePageHeader(header('---\ntitle: T\naliases: [A]\n---\n[a](/b/)\n'));
		assert.throws(() => decodePageHeader(bytes.subarray(0, bytes.length - 1)));
		assert.throws(() => decodePageHeader(Buffer.concat([bytes, Buffer.from([0])])));
		assert.throws(() => decodePageHeader(Buffer.concat([Buffer.from([7]), bytes.subarray(1)])));
		assert.throws(() => decodePageHeader(v8.serialize(header('x'))));
	});

	const corpus = process.env.ENTITY_VAULT_HEADER_CORPUS;
	(corpus ? it : it.skip)('gives back every header of the folders in ENTITY_VAULT_HEADER_CORPUS (":"-separated) as V8\'s serializer does', async function () {
		this.timeout(0);
		const { headers, compact } = await assertFolders(corpus!.split(':'));
		console.log(`      ${headers} headers, ${compact} compact`);
		assert.strictEqual(compact, headers);
	});
});

/** A header made by `splitPageParts` as a decoded one has it (the keys always present). */
function storedLike(made: PageRecordHeader): unknown {
	return shaped(throughV8(made));
}
