import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { loadIndexCache, saveIndexCache, type CachedPage } from '../../server/src/node/indexCache';

describe('persisted index file', () => {
	let dir: string;
	let file: string;
	const root = '/vault/root';
	const pages = new Map<string, CachedPage>();
	for (let i = 0; i < 300; i++) {
		const relative = `people/person-${i}.md`;
		pages.set(relative, { stamp: `${100 + i}:1700000000000`, parts: summarizePageParts(relative, `---\ntitle: Person ${i}\n---\n[A](/people/person-${(i + 1) % 300}/) 😀 [^1]\n\n[^1]: Note.\n`) });
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
		assert.deepStrictEqual(loaded.get('people/person-7.md'), pages.get('people/person-7.md'));
		assert.deepStrictEqual([...loaded.keys()], [...pages.keys()]);
		assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['index.bin']);
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
});
