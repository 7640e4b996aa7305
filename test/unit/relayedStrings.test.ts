import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readPageRecords } from '../../server/src/node/indexWorker';
import { PAGE_BATCH_SIZE } from '../../server/src/node/pageParser';
import { listVaultPages } from '../../server/src/node/vaultFiles';
import { RelayedStrings, StringNumbering } from '../../server/src/service/parse/relayedStrings';
import { StoredPageSummary, type PageRecord } from '../../server/src/service/parse/storedPageSummary';
import { StringPool } from '../../server/src/service/parse/stringPool';
import { createVaultService } from '../../server/src/service/vaultService';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { fixturesRoot, repoRoot } from '../support/paths';
import { relayedRecords } from '../support/relayedRecords';

/** Every fixture vault and site, the markdown fixtures and the example vault: pages with shortcodes, TOML, languages, anchors, CRLF, pages without frontmatter. */
const roots = ['vaults', 'sites'].flatMap(kind => fs.readdirSync(path.join(fixturesRoot, kind)).map(name => path.join(fixturesRoot, kind, name)))
	.map(root => (fs.existsSync(path.join(root, 'content')) ? path.join(root, 'content') : root))
	.concat(path.join(fixturesRoot, 'markdown'), path.join(repoRoot, 'examples', 'vault'));

/** The records of `root`'s pages as a worker sends them and the main thread receives them, in batches of `batch` pages. */
function recordsRelayed(root: string, numbering: StringNumbering, strings: RelayedStrings, batch: number): PageRecord[] {
	return [...relayedRecords(root, listVaultPages(root).pages, numbering, strings, batch)];
}

/** The records as they were sent before strings were relayed: every header with its strings. */
function plainRecords(root: string): PageRecord[] {
	const made = readPageRecords(root, listVaultPages(root).pages);
	const received = structuredClone(made.results, { transfer: made.buffers });
	return received.flatMap(result => ('record' in result ? [result.record] : []));
}

describe('relayed strings: a worker sends each string of its records once', () => {
	it('gives back every header of every fixture as the worker made it, its strings the pool\'s, each sent once', () => {
		let headers = 0;
		let tags = 0;
		for (const root of roots) {
			const pool = new StringPool();
			const numbering = new StringNumbering();
			const strings = new RelayedStrings(pool);
			// Batches of 3 pages: most strings are sent in one batch and named again in later ones.
			const relayed = recordsRelayed(root, numbering, strings, 3);
			const plain = plainRecords(root);
			assert.strictEqual(relayed.length, plain.length, root);
			const sent = new Set<string>();
			for (let i = 0; i < plain.length; i++) {
				const { sharedBy, ...record } = relayed[i];
				assert.deepStrictEqual(record.header, plain[i].header, `${root}: ${plain[i].header.path}`);
				assert.deepStrictEqual(record.blob, plain[i].blob);
				assert.strictEqual(sharedBy, pool);
				const header = relayed[i].header;
				for (const value of [header.url, header.section, ...header.tags, ...header.targetUrls]) {
					if (value !== undefined) {
						sent.add(value);
						// The very string the pool holds (interning it again gives it back unchanged, and no new entry).
						const size = pool.size;
						assert.strictEqual(pool.intern(value), value);
						assert.strictEqual(pool.size, size);
					}
				}
				headers++;
				tags += header.tags.length;
			}
			// Nothing was numbered twice: every string sent is one of a header's, and each once.
			assert.strictEqual(numbering.takeFresh().strings.length, 0);
			assert.ok(pool.size >= sent.size);
		}
		assert.ok(headers > 60, `${headers} headers`);
		assert.ok(tags > 0);
	});

	it('a stored page made of a relayed record is the page made of the plain one', () => {
		const root = path.join(repoRoot, 'examples', 'vault');
		const relayedService = createVaultService({ pageCodec: V8_PAGE_CODEC });
		const plainService = createVaultService({ pageCodec: V8_PAGE_CODEC });
		for (const record of recordsRelayed(root, new StringNumbering(), relayedService.relayedStrings(), PAGE_BATCH_SIZE)) {
			relayedService.updatePageRecord(record, true);
		}
		for (const record of plainRecords(root)) {
			plainService.updatePageRecord(record, true);
		}
		const pages = [...plainService.index.pages()];
		assert.ok(pages.length > 20);
		for (const page of pages) {
			const relayed = relayedService.index.getPage(page.path);
			assert.ok(relayed instanceof StoredPageSummary && page instanceof StoredPageSummary);
			assert.deepStrictEqual(relayed.header.toRecordHeader(page.path), page.header.toRecordHeader(page.path), page.path);
			assert.deepStrictEqual(relayed.links, page.links, page.path);
		}
	});

	it('strings lost or out of order, or a header naming one not received, are an error, not a page with a wrong URL', () => {
		const root = path.join(fixturesRoot, 'vaults', 'broken');
		const pages = listVaultPages(root).pages;
		const numbering = new StringNumbering();
		const first = readPageRecords(root, pages.slice(0, 1), numbering);
		const rest = readPageRecords(root, pages.slice(1), numbering);
		const strings = new RelayedStrings(new StringPool());
		// The first batch's strings lost: the next ones do not follow.
		assert.throws(() => strings.add(rest.strings!), /relayed strings from \d+ received after 0 strings/);
		strings.add(first.strings!);
		const page = rest.results[0];
		assert.ok('relayed' in page);
		const numbers = page.relayed.header.stringNumbers;
		assert.ok(Math.max(...numbers.filter(n => n !== 0xffffffff)) >= first.strings!.strings.length, 'the page names a string of the second batch');
		assert.throws(() => strings.record(page.relayed), /names string \d+, not received/);
		strings.add(rest.strings!);
		assert.strictEqual(strings.record(page.relayed).header.path, page.path);
	});
});
