import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BLOB_CHECKSUM_START, blobChecksum, blobChecksumOf, knownBlobChecksum } from '../../server/src/node/blobFile';
import { cachedRecord, loadIndexCache, saveIndexCache, type PageToCache } from '../../server/src/node/indexCache';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';

/** Bytes that look random, the same every run. */
function bytesOf(length: number, seed: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = seed;
	for (let i = 0; i < length; i++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		bytes[i] = state >>> 24;
	}
	return bytes;
}

describe('blob checksums of the persisted index\'s write', () => {
	it('are the same worked out a piece at a time, wherever the pieces are cut', () => {
		const bytes = bytesOf(10_000, 7);
		for (const cuts of [[], [1], [4096], [3, 5000, 9999], [0, 10_000]]) {
			let hash = BLOB_CHECKSUM_START;
			let from = 0;
			for (const cut of [...cuts, bytes.length]) {
				hash = blobChecksumOf(bytes, hash, from, cut);
				from = cut;
			}
			assert.strictEqual(hash >>> 0, blobChecksum(bytes), `cut at ${cuts.join(', ')}`);
		}
		assert.notStrictEqual(blobChecksum(bytes), blobChecksum(bytesOf(10_000, 8)));
	});

	it('write a large blob (in pieces) and one read back (its checksum known) as they are, and know only the bytes read back', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-blob-sums-'));
		try {
			const pages = new Map<string, PageToCache>();
			const blobs = [bytesOf(1_500_000, 1), bytesOf(300, 2), bytesOf(700_000, 3)];
			blobs.forEach((blob, i) => {
				const { header } = splitPageParts(summarizePageParts(`p${i}.md`, `# Page ${i}\n`));
				pages.set(`p${i}.md`, { stamp: `${i}:1`, record: { header, blob } });
			});
			const first = path.join(dir, 'first.bin');
			await saveIndexCache(first, '/root', pages.entries());
			const loaded = await loadIndexCache(first, '/root');
			const readBack = new Map<string, PageToCache>();
			for (const [page, cached] of loaded) {
				const { header, blob } = cachedRecord(cached);
				const bytes = (blob as { file: { read(slot: number): Uint8Array | undefined }; slot: number }).file.read((blob as { slot: number }).slot)!;
				assert.deepStrictEqual(Buffer.from(bytes), Buffer.from(pages.get(page)!.record.blob));
				assert.strictEqual(knownBlobChecksum(bytes), blobChecksum(bytes));
				assert.strictEqual(knownBlobChecksum(bytes.slice()), undefined, 'a copy is not the bytes read back');
				readBack.set(page, { stamp: cached.stamp, record: { header, blob: bytes } });
			}
			const second = path.join(dir, 'second.bin');
			await saveIndexCache(second, '/root', readBack.entries());
			const again = await loadIndexCache(second, '/root');
			assert.strictEqual(again.size, 3);
			for (const [page, cached] of again) {
				const blob = cachedRecord(cached).blob as { file: { read(slot: number): Uint8Array | undefined }; slot: number };
				assert.deepStrictEqual(Buffer.from(blob.file.read(blob.slot)!), Buffer.from(pages.get(page)!.record.blob));
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
