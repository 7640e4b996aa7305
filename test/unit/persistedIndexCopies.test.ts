import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { loadIndexCacheFile, saveIndexCache, type CachedPage, type PageToCache } from '../../server/src/node/indexCache';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { savePersistedIndex } from '../../server/src/node/persistedIndex';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { cutState, StateAssembler } from '../../server/src/node/statePieces';
import type { WrittenPages } from '../../server/src/node/writtenPages';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { createVaultService } from '../../server/src/service/vaultService';

/** A page's record as the index workers make it, `i` making it different from the others. */
function recordOf(relative: string, i: number): PageToCache['record'] {
	const { header, body } = splitPageParts(summarizePageParts(relative, [
		'---', `title: Person ${i}`, i % 3 === 0 ? 'aliases: [Someone]' : 'tags: [x, y]', '---',
		`# Person ${i} 😀`, '', `[Next](/people/p${i + 1}/) [Gone](/people/none-${i}/)[^1] ${'words '.repeat(i % 50)}`, '', '[^1]: A note.', '',
	].join(i % 4 === 0 ? '\r\n' : '\n')));
	return { header, blob: V8_PAGE_CODEC.encode(body) };
}

/** What a persisted index file holds, page by page in its order: path, stamp, header's bytes, blob's bytes; and its state. */
function contentsOf(pages: readonly CachedPage[], state: unknown): unknown {
	return {
		pages: pages.map(page => {
			const blob = page.blob;
			return [page.path, page.stamp, Buffer.from(page.header).toString('base64'), Buffer.from(blob.file.read(blob.slot)!).toString('base64')];
		}),
		state,
	};
}

/** A page to write whose record must not be looked at (it is copied from its slot): looking throws. */
function copiedOnly(stamp: string, slot: number): PageToCache {
	return {
		stamp, slot,
		get record(): PageToCache['record'] {
			throw new Error('the record of a page copied was read');
		},
	};
}

describe('persisted index: a write copies the pages unchanged since the one before', () => {
	let dir: string;
	const root = '/vault/root';
	const records = new Map<string, PageToCache['record']>();
	for (let i = 0; i < 400; i++) {
		records.set(`people/p${i}.md`, recordOf(`people/p${i}.md`, i));
	}

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-copies-'));
	});

	afterEach(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/** Writes `order` from the records (the oracle) and gives what the file holds. */
	async function fromRecords(name: string, order: readonly string[]): Promise<unknown> {
		const file = path.join(dir, name, 'index.bin');
		const saved = await saveIndexCache(file, root, order.map((page): [string, PageToCache] => [page, { stamp: `${page}:1`, record: records.get(page)! }]));
		saved.written?.close();
		const loaded = await loadIndexCacheFile(file, root);
		const contents = contentsOf(loaded.inOrder, loaded.state);
		loaded.blobs?.close();
		return contents;
	}

	/** The first write, every page from its record: the pages written, open. */
	async function firstWrite(order: readonly string[]): Promise<WrittenPages> {
		const saved = await saveIndexCache(path.join(dir, 'first', 'index.bin'), root, order.map((page): [string, PageToCache] => [page, { stamp: `${page}:1`, record: records.get(page)! }]));
		assert.ok(saved.written?.headers !== undefined, 'the headers of the file written are known');
		return saved.written;
	}

	/** The next write of `order` with `previous`: a page written before is copied from its slot; any other from its record. */
	async function nextWrite(previous: WrittenPages, before: readonly string[], order: readonly string[]): Promise<unknown> {
		const slots = new Map(before.map((page, slot) => [page, slot]));
		const file = path.join(dir, 'next', 'index.bin');
		const entries = order.map((page): [string, PageToCache] => {
			const slot = slots.get(page);
			return [page, slot === undefined ? { stamp: `${page}:1`, record: records.get(page)! } : copiedOnly(`${page}:1`, slot)];
		});
		const saved = await saveIndexCache(file, root, entries, nodeFileSystem, undefined, previous);
		saved.written?.close();
		const loaded = await loadIndexCacheFile(file, root);
		const contents = contentsOf(loaded.inOrder, loaded.state);
		loaded.blobs?.close();
		return contents;
	}

	it('writes the same file as from the records, the pages in the same order or not, some gone and some new, reading no record of a page copied', async () => {
		const all = [...records.keys()];
		const before = all.slice(0, 300);
		// Kept in order, pages taken out in runs and alone, pages moved to the end (as an update moves them), new pages.
		const order = [...before.slice(0, 40), ...before.slice(90, 150), ...before.slice(151, 299), before[299], before[17], before[60], ...all.slice(300, 330), before[45], ...all.slice(330)];
		const previous = await firstWrite(before);
		try {
			assert.deepStrictEqual(await nextWrite(previous, before, order), await fromRecords('oracle', order));
		} finally {
			previous.close();
		}
	});

	it('takes a page from its record when its bytes in the files before cannot be read (the file of blobs cut short, the files closed)', async () => {
		const before = [...records.keys()].slice(0, 300);
		const previous = await firstWrite(before);
		try {
			fs.truncateSync(previous.blobs.path, Math.floor(fs.statSync(previous.blobs.path).size / 2));
			const slots = new Map(before.map((page, slot) => [page, slot]));
			const recordsRead = new Set<string>();
			const entries = before.map((page): [string, PageToCache] => [page, {
				stamp: `${page}:1`, slot: slots.get(page),
				get record(): PageToCache['record'] {
					recordsRead.add(page);
					return records.get(page)!;
				},
			}]);
			const file = path.join(dir, 'next', 'index.bin');
			(await saveIndexCache(file, root, entries, nodeFileSystem, undefined, previous)).written?.close();
			const loaded = await loadIndexCacheFile(file, root);
			assert.deepStrictEqual(contentsOf(loaded.inOrder, loaded.state), await fromRecords('oracle', before));
			loaded.blobs?.close();
			assert.ok(recordsRead.size > 0 && recordsRead.size < before.length / 2 + 10, `only the pages past the cut are taken from their records (${recordsRead.size})`);
			previous.close();
			assert.deepStrictEqual(await nextWriteReading(previous, before), await fromRecords('oracle 2', before));
		} finally {
			previous.close();
		}
	});

	/** The next write of `before` with `previous` closed: every page's record is read. */
	async function nextWriteReading(previous: WrittenPages, before: readonly string[]): Promise<unknown> {
		const file = path.join(dir, 'closed', 'index.bin');
		const entries = before.map((page, slot): [string, PageToCache] => [page, { stamp: `${page}:1`, slot, record: records.get(page)! }]);
		(await saveIndexCache(file, root, entries, nodeFileSystem, undefined, previous)).written?.close();
		const loaded = await loadIndexCacheFile(file, root);
		const contents = contentsOf(loaded.inOrder, loaded.state);
		loaded.blobs?.close();
		return contents;
	}
});

describe('persisted index: the state written a piece at a time', () => {
	/** A state of the shape the index's has: arrays and maps long and short, typed arrays, nested objects. */
	function stateLike(size: number): unknown {
		const keys = Array.from({ length: size }, (_, i) => `/people/p${i}/`);
		return {
			fingerprint: 'rules', pageCount: size,
			linkersByUrl: { keys, starts: Uint32Array.from({ length: size + 1 }, (_, i) => i), pages: Uint32Array.from({ length: size }, (_, i) => i) },
			missingTargets: keys.slice(0, size >> 1).map(key => `${key}gone/`),
			urlsBySlug: new Map(keys.map((key, i): [number, string | string[]] => [i * 7, i % 5 === 0 ? [key, `${key}twin/`] : key])),
			tagCounts: new Map([['x', 3], ['y', 1]]),
			fieldCounts: { bySection: new Map([['people', { title: 3 }]]), all: { title: 3 } },
			counts: [1, 2, 3, 4],
			nested: [{ list: keys.slice(0, 40) }, { list: [] }],
		};
	}

	/** Cut, each part through V8's serializer as the file holds it, and put back together. */
	function roundTrip(state: unknown, pieceItems: number): unknown {
		const { head, cuts, pieces } = cutState(state, pieceItems);
		const assembler = new StateAssembler(v8.deserialize(v8.serialize(head)), v8.deserialize(v8.serialize(cuts)));
		for (const piece of pieces) {
			assert.strictEqual(assembler.whole, false);
			assembler.add(v8.deserialize(v8.serialize(piece)));
		}
		assert.strictEqual(assembler.whole, true);
		return assembler.value();
	}

	it('puts back what V8\'s serializer gives back of the state whole, however it is cut', () => {
		const state = stateLike(1000);
		const whole = v8.deserialize(v8.serialize(state));
		for (const pieceItems of [1, 7, 39, 40, 999, 1000, 4096]) {
			assert.deepStrictEqual(roundTrip(state, pieceItems), whole, `pieces of ${pieceItems}`);
		}
		assert.ok(cutState(state, 7).pieces.length > 100);
		assert.strictEqual(cutState(state, 1000).pieces.length, 0, 'nothing longer than a piece: written whole');
	});

	it('takes its copies at once: the state changed after it is cut writes as it was', () => {
		const state = stateLike(100) as { linkersByUrl: { keys: string[] }; urlsBySlug: Map<number, unknown> };
		const whole = v8.deserialize(v8.serialize(state));
		const { head, cuts, pieces } = cutState(state, 10);
		state.linkersByUrl.keys.push('/late/');
		state.urlsBySlug.set(-1, '/late/');
		const assembler = new StateAssembler(v8.deserialize(v8.serialize(head)), cuts);
		pieces.forEach(piece => assembler.add(v8.deserialize(v8.serialize(piece))));
		assert.deepStrictEqual(assembler.value(), whole);
	});

	it('is not used when its pieces do not fit: one missing, one too many, a map\'s keys and values of other lengths', () => {
		const { head, cuts, pieces } = cutState(stateLike(100), 10);
		const short = new StateAssembler(structuredClone(head), cuts);
		pieces.slice(1).forEach(piece => short.add(piece));
		assert.strictEqual(short.value(), undefined);
		const long = new StateAssembler(structuredClone(head), cuts);
		[...pieces, ['extra']].forEach(piece => long.add(piece));
		assert.strictEqual(long.value(), undefined);
		const odd = new StateAssembler(structuredClone(head), cuts);
		const firstOfMap = cuts.slice(0, cuts.findIndex(cut => cut[1] === 'map')).reduce((sum, cut) => sum + cut[2], 0);
		pieces.forEach((piece, i) => odd.add(i === firstOfMap ? piece.slice(1) : piece));
		assert.strictEqual(odd.value(), undefined);
	});

	it('of an index of 5,000 pages, read back from the file, equals V8\'s round trip of the state made', async () => {
		const service = createVaultService({ pageCodec: V8_PAGE_CODEC });
		for (let i = 0; i < 5000; i++) {
			service.updatePage(`people/p${i}.md`, `---\ntitle: Person ${i}\ntags: [t${i % 300}]\n---\n[Next](/people/p${i + 1}/) [Gone](/places/q${i}/)\n`);
		}
		const since = service.index.version;
		const steps = service.persistedIndexState([...service.index.pages()], since);
		let step = steps.next();
		while (step.done !== true) {
			step = steps.next();
		}
		const expected = v8.deserialize(v8.serialize(step.value));
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-state-pieces-'));
		try {
			const file = path.join(dir, 'index.bin');
			assert.strictEqual(await savePersistedIndex(file, '/vault', service, new Map(), nodeFileSystem), true);
			const loaded = await loadIndexCacheFile(file, '/vault');
			loaded.blobs?.close();
			assert.deepStrictEqual(loaded.state, expected);
			assert.ok((expected as { linkersByUrl: { keys: string[] } }).linkersByUrl.keys.length > 5000, 'long enough to be cut');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
