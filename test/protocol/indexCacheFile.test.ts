import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';
import * as v8 from 'v8';
import { cachedRecord, loadIndexCache, saveIndexCache, type PageToCache } from '../../server/src/node/indexCache';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { packageVersion } from '../../server/src/node/packageInfo';

describe('persisted index file', () => {
	let dir: string;
	let file: string;
	const root = '/vault/root';
	const pages = new Map<string, PageToCache>();
	for (let i = 0; i < 300; i++) {
		const relative = `people/person-${i}.md`;
		const { header, body } = splitPageParts(summarizePageParts(relative, `---\ntitle: Person ${i}\n---\n[A](/people/person-${(i + 1) % 300}/) 😀 [^1]\n\n[^1]: Note.\n`));
		pages.set(relative, { stamp: `${100 + i}:1700000000000`, record: { header, blob: V8_PAGE_CODEC.encode(body) } });
	}

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-cache-file-'));
		file = path.join(dir, 'nested', 'index.bin');
	});

	afterEach(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('gives back every page written, over several chunks, and leaves no temporary file', async () => {
		await saveIndexCache(file, root, pages.entries());
		const loaded = await loadIndexCache(file, root);
		assert.strictEqual(loaded.size, 300);
		for (const [page, { stamp, record }] of pages) {
			const cached = loaded.get(page)!;
			assert.strictEqual(cached.stamp, stamp);
			const { header, blob } = cachedRecord(cached);
			assert.deepStrictEqual(header, record.header);
			assert.ok(!(blob instanceof Uint8Array), 'the blob stays in its file');
			const bytes = blob.file.read(blob.slot)!;
			assert.deepStrictEqual(Buffer.from(bytes), Buffer.from(record.blob));
			assert.deepStrictEqual(V8_PAGE_CODEC.decode(bytes), V8_PAGE_CODEC.decode(record.blob));
		}
		assert.deepStrictEqual([...loaded.keys()], [...pages.keys()]);
		assert.deepStrictEqual(cacheFolder(), ['index.*.blobs', 'index.bin']);
	});

	/** The files in the cache folder, a file of blobs as `index.*.blobs`. */
	function cacheFolder(): string[] {
		return fs.readdirSync(path.dirname(file)).map(name => (/^index\.[0-9]+-[0-9a-f]{12}\.blobs$/.test(name) ? 'index.*.blobs' : name)).sort();
	}

	function blobFileOf(): string {
		return path.join(path.dirname(file), fs.readdirSync(path.dirname(file)).find(name => name.endsWith('.blobs'))!);
	}

	it('is ignored whole when its file of blobs is missing, cut short or longer; a blob damaged in it reads as nothing', async () => {
		await saveIndexCache(file, root, pages.entries());
		const blobs = blobFileOf();
		const whole = fs.readFileSync(blobs);
		for (const bytes of [whole.subarray(0, whole.length - 1), Buffer.concat([whole, Buffer.from([0])])]) {
			fs.writeFileSync(blobs, bytes);
			assert.strictEqual((await loadIndexCache(file, root)).size, 0, `${bytes.length} bytes of ${whole.length}`);
		}
		fs.rmSync(blobs);
		assert.strictEqual((await loadIndexCache(file, root)).size, 0, 'missing');
		const damaged = Buffer.from(whole);
		damaged[Math.floor(whole.length / 2)] ^= 0x01;
		fs.writeFileSync(blobs, damaged);
		const loaded = await loadIndexCache(file, root);
		assert.strictEqual(loaded.size, 300, 'the header and tables are whole');
		const unreadable = [...loaded.values()].filter(page => page.blob.file.read(page.blob.slot) === undefined);
		assert.strictEqual(unreadable.length, 1, 'the one blob damaged');
		fs.writeFileSync(blobs, whole);
		assert.ok([...(await loadIndexCache(file, root)).values()].every(page => page.blob.file.read(page.blob.slot) !== undefined), 'the control');
	});

	it('is ignored whole when cut short, padded, for another root, or missing', async () => {
		await saveIndexCache(file, root, pages.entries());
		const whole = fs.readFileSync(file);
		for (const cut of [1, 5, 100, Math.floor(whole.length / 2), whole.length - 3, whole.length - 1]) {
			fs.writeFileSync(file, whole.subarray(0, cut));
			assert.strictEqual((await loadIndexCache(file, root)).size, 0, `cut at ${cut} of ${whole.length}`);
		}
		fs.writeFileSync(file, Buffer.concat([whole, Buffer.from([1, 0, 0, 0, 0])]));
		assert.strictEqual((await loadIndexCache(file, root)).size, 0, 'trailing bytes');
		fs.writeFileSync(file, whole);
		assert.strictEqual((await loadIndexCache(file, '/another/root')).size, 0);
		assert.strictEqual((await loadIndexCache(path.join(dir, 'none.bin'), root)).size, 0);
		assert.strictEqual((await loadIndexCache(file, root)).size, 300, 'the control: the whole file loads');
	});

	it('is ignored whole when any byte of a record changed, or written by another format or version', async () => {
		await saveIndexCache(file, root, pages.entries());
		const whole = fs.readFileSync(file);
		// A byte in a blob or a header deep in the file: only the checksum tells.
		for (const at of [Math.floor(whole.length / 3), Math.floor(whole.length / 2), whole.length - 200]) {
			const damaged = Buffer.from(whole);
			damaged[at] ^= 0x01;
			fs.writeFileSync(file, damaged);
			assert.strictEqual((await loadIndexCache(file, root)).size, 0, `byte ${at} of ${whole.length}`);
		}
		const length = whole.readUInt32LE(0);
		for (const header of [{ format: 9, version: packageVersion, root }, { format: 11, version: '0.0.0-other', root }, { format: 'x' }]) {
			const body = v8.serialize(header);
			const chunk = Buffer.alloc(4 + body.length + ((8 - ((4 + body.length) % 8)) % 8));
			chunk.writeUInt32LE(body.length);
			body.copy(chunk, 4);
			fs.writeFileSync(file, Buffer.concat([chunk, whole.subarray(4 + length + ((8 - ((4 + length) % 8)) % 8))]));
			assert.strictEqual((await loadIndexCache(file, root)).size, 0, JSON.stringify(header));
		}
		fs.writeFileSync(file, whole);
		assert.strictEqual((await loadIndexCache(file, root)).size, 300, 'the control: the whole file loads');
	});
});
