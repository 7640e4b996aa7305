import * as assert from 'assert';
import { wantedUrlsByBatch } from '../../server/src/node/cli/checkDiagnostics';
import { memoryVault } from '../support/memoryVault';
import { missingLinkTargets, suggestionVaultFiles } from '../support/suggestionVault';

/**
 * `check` asks its workers for the closest pages to the URLs of a batch's
 * broken links before the batch's diagnostics: the URLs it asks for must be
 * those the batch's pages link and no page is published at.
 */
describe('check: the wanted URLs asked for per batch of pages', () => {
	it('groups them as each page\'s missingLinkTargets would, every URL once a batch', async () => {
		const { vault } = memoryVault(suggestionVaultFiles());
		await vault.index();
		const index = vault.service.index;
		const paths = vault.allPaths().sort();
		assert.ok(index.wantedUrls().size > 300, `many wanted URLs (${index.wantedUrls().size})`);
		for (const size of [1, 7, 64, paths.length]) {
			const byBatch = wantedUrlsByBatch(index, paths, size);
			for (let at = 0; at < paths.length; at += size) {
				const expected = new Set(paths.slice(at, at + size).flatMap(path => missingLinkTargets(index, path)));
				const urls = byBatch.get(at) ?? [];
				assert.strictEqual(new Set(urls).size, urls.length, `batch at ${at} of ${size}: each URL once`);
				assert.deepStrictEqual(new Set(urls), expected, `batch at ${at} of ${size}`);
				byBatch.delete(at);
			}
			assert.strictEqual(byBatch.size, 0, 'no other batch');
		}
	});
});
