import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withIndexedVault } from '../../server/src/node/cli/checkCommand';
import { SpilledBlobFile, SpillWhileIndexing } from '../../server/src/node/cli/spilledBlobs';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { StoredPageSummary } from '../../server/src/service/parse/storedPageSummary';
import { fixturesRoot, temporaryVault } from '../support/paths';

/**
 * `check` without a persisted index moves its pages' blobs to a file of its
 * own (`SpilledBlobFile`) as they are indexed: every page must answer the
 * same from there, nothing must be left in the temporary folder, and a file
 * that cannot be read makes the pages be parsed again, not fail.
 */

/** Enough pages for the index workers (fewer are parsed on this thread, into summaries without a blob). */
const PAGES = 300;

/** Made-up pages with links, anchors, footnotes, CRLF and emoji, and the broken fixture vault's pages. */
function vaultFolder(): string {
	const files: Record<string, string> = {};
	for (let i = 0; i < PAGES; i++) {
		const eol = i % 3 === 0 ? '\r\n' : '\n';
		files[`people/p${i}.md`] = [
			'---', `title: Person ${i}`, i % 4 === 0 ? 'aliases: [Someone]' : 'tags: [x]', '---',
			`# Person ${i} 😀`, '', `See [next](/people/p${(i + 1) % PAGES}/#person-${(i + 1) % PAGES}) and [gone](/people/none-${i}/) and [x](/people/p${(i + 7) % PAGES}/#nowhere).[^1]`,
			'', '## Section 🌍', '', `Person ${(i + 2) % PAGES} is named here.`, '', '[^1]: A note.', '[^2]: Unused.', '',
		].join(eol);
	}
	const broken = path.join(fixturesRoot, 'vaults', 'broken');
	for (const entry of fs.readdirSync(broken, { recursive: true, withFileTypes: true })) {
		if (entry.isFile() && entry.name.endsWith('.md')) {
			const full = path.join(entry.parentPath, entry.name);
			files[`broken/${path.relative(broken, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
		}
	}
	return temporaryVault('ev-spilled-blobs-', files);
}

/** Everything a page answers from its blob, and its diagnostics. */
function answer(vault: VaultWorkspace, page: string): string {
	const summary = vault.service.getPage(page)!;
	return JSON.stringify({
		page, diagnostics: vault.diagnosticsReadingText(page), links: summary.links, headings: summary.headings, anchors: summary.htmlAnchors,
		references: summary.footnoteReferences, definitions: summary.footnoteDefinitions, code: Array.from(summary.codeRegions),
	});
}

/** `answer`, page by page in the order of their paths. */
function answers(vault: VaultWorkspace): string[] {
	return vault.allPaths().sort().map(page => answer(vault, page));
}

function storedPages(vault: VaultWorkspace): StoredPageSummary[] {
	return [...vault.service.index.pages()].filter(page => page instanceof StoredPageSummary);
}

describe('check: the pages\' blobs written to a file of its own', () => {
	const folder = vaultFolder();
	let temporary: string;
	beforeEach(() => {
		temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-spill-'));
	});
	afterEach(() => {
		fs.rmSync(temporary, { recursive: true, force: true });
	});

	it('every stored page reads its blob from the file and answers the same; nothing is left in the folder', async () => {
		await withIndexedVault(folder, {}, vault => {
			const stored = storedPages(vault);
			assert.ok(stored.length >= PAGES, 'the workers made stored pages');
			assert.ok(stored.every(page => !page.blobOnDisk), 'their blobs in memory');
			const before = answers(vault);
			const file = SpilledBlobFile.spill(vault.service, temporary);
			assert.ok(file !== undefined);
			assert.ok(stored.every(page => page.blobOnDisk), 'every blob in the file');
			assert.deepStrictEqual(fs.readdirSync(temporary), [], 'the file is removed while open');
			assert.deepStrictEqual(answers(vault), before);
			// A blob that could not be read back would have its page parsed again and kept in memory.
			assert.ok(stored.every(page => page.blobOnDisk), 'every blob read back from the file');
			assert.strictEqual(SpilledBlobFile.spill(vault.service, temporary), undefined, 'nothing left in memory to write');
			file.close();
		});
	});

	it('written in the order given, read ahead in that order, and read in any other order, every page answers the same', async () => {
		await withIndexedVault(folder, {}, vault => {
			const before = answers(vault);
			const paths = vault.allPaths().sort();
			// The order given, and back to front: read ahead in the first order only, blob by blob in the other.
			for (const order of [paths, [...paths].reverse()]) {
				const file = SpilledBlobFile.spill(vault.service, temporary, order)!;
				assert.deepStrictEqual(answers(vault), before);
				// Pages skipped, and asked again out of order.
				const shuffled = paths.filter((_, i) => i % 7 === 3).concat(paths.filter((_, i) => i % 5 === 1).reverse());
				assert.deepStrictEqual(shuffled.map(page => answer(vault, page)), shuffled.map(page => before[paths.indexOf(page)]));
				assert.deepStrictEqual(answers(vault), before);
				assert.ok(storedPages(vault).every(page => page.blobOnDisk), 'every blob read back from the file');
				file.close();
				// Back in memory for the next order: the pages parsed again (their blobs unread once the file is closed).
				assert.deepStrictEqual(answers(vault), before);
			}
		});
	});

	it('written while indexing, a group at a time, anchor ids made first: every page answers the same, parsed again once its blob cannot be read', async () => {
		const { result: before } = await withIndexedVault(folder, {}, answers);
		const file = SpilledBlobFile.open(temporary)!;
		const spill = new SpillWhileIndexing(file, 64);
		await withIndexedVault(folder, {}, vault => {
			const { index } = vault.service;
			const stored = storedPages(vault);
			const written = stored.filter(page => page.blobOnDisk);
			assert.ok(written.length >= 64, `blobs written before indexing ended (${written.length} of ${stored.length})`);
			assert.ok(written.every(page => index.anchorIds.has(page)), 'their anchor ids made while their blobs were in memory');
			spill.finish(vault.service);
			assert.ok(stored.every(page => page.blobOnDisk), 'the rest written once indexing is done');
			assert.deepStrictEqual(answers(vault), before);
			assert.ok(stored.every(page => page.blobOnDisk), 'every blob read back from the file');
			file.close();
			assert.deepStrictEqual(answers(vault), before);
			assert.ok(stored.every(page => !page.blobOnDisk), 'every page parsed again, its blob kept in memory');
		}, (vault, indexed) => spill.indexed(vault.service, indexed));
	});

	it('closed, or its folder unusable: the pages are parsed again, or keep their blobs, and answer the same', async () => {
		await withIndexedVault(folder, {}, vault => {
			const before = answers(vault);
			assert.strictEqual(SpilledBlobFile.spill(vault.service, path.join(temporary, 'missing')), undefined);
			assert.ok(storedPages(vault).every(page => !page.blobOnDisk), 'left in memory');
			const file = SpilledBlobFile.spill(vault.service, temporary)!;
			file.close();
			assert.deepStrictEqual(answers(vault), before);
		});
	});
});
