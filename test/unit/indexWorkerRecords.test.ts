import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IndexWorkerPool } from '../../server/src/node/indexWorkerPool';
import { InProcessPageParser, PAGE_BATCH_SIZE } from '../../server/src/node/pageParser';
import { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { StoredPageSummary } from '../../server/src/service/parse/storedPageSummary';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';

/** A page of the generated vault: links (some broken, some to anchors), footnotes, CRLF and emoji on some, frontmatter on most. */
function pageText(i: number, pages: number): string {
	const eol = i % 5 === 0 ? '\r\n' : '\n';
	const front = i % 7 === 0 ? '' : `---${eol}title: Person ${i}${eol}tags: [T${i % 3}]${eol}---${eol}`;
	const lines = [
		`# Person ${i} ${i % 4 === 0 ? '😀' : ''}`,
		'',
		`See [next](/people/p${(i + 1) % pages}/#person-${(i + 1) % pages}) and [missing](/people/none-${i % 10}/) 😀 [^1].`,
		`<a id="x${i}"></a> \`[code](/not/a/link/)\` [Person ${(i + 2) % pages}](../p${(i + 2) % pages}/#nope)`,
		'',
		'[^1]: Note.',
		'',
	];
	return front + lines.join(eol);
}

describe('index workers: page records', function () {
	this.timeout(60000);
	const pages = PAGE_BATCH_SIZE * 2 + 50;
	let root: string;
	const pool = new IndexWorkerPool(2);

	before(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-vault-records-'));
		fs.mkdirSync(path.join(root, 'people'));
		for (let i = 0; i < pages; i++) {
			fs.writeFileSync(path.join(root, 'people', `p${i}.md`), pageText(i, pages));
		}
	});

	after(() => {
		pool.dispose();
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('a cold index through the worker threads links in page records, with the same diagnostics as parsing on this thread', async () => {
		const viaWorkers = new VaultWorkspace(root, root, root, { settings: DEFAULT_SETTINGS, excludes: [], pool });
		const inProcess = new VaultWorkspace(root, root, root, { settings: DEFAULT_SETTINGS, excludes: [], pool: new InProcessPageParser() });
		await Promise.all([viaWorkers.index(), inProcess.index()]);
		assert.strictEqual(viaWorkers.service.index.size, pages);
		const stored = [...viaWorkers.service.index.pages()].filter(page => page instanceof StoredPageSummary).length;
		assert.strictEqual(stored, pages);
		let count = 0;
		for (let i = 0; i < pages; i++) {
			const page = `people/p${i}.md`;
			const diagnostics = viaWorkers.service.diagnostics(page, pageText(i, pages));
			assert.deepStrictEqual(diagnostics, inProcess.service.diagnostics(page, pageText(i, pages)), page);
			count += diagnostics.length;
		}
		assert.ok(count >= pages);
		assert.deepStrictEqual(viaWorkers.service.index.linkersOf('/people/p1/').sort(), ['people/p0.md', `people/p${pages - 1}.md`]);
		assert.deepStrictEqual([...viaWorkers.service.index.wantedUrls()].sort(), [...inProcess.service.index.wantedUrls()].sort());
		// A second run on the same workers numbers its strings afresh (the first run's were let go): the same pages.
		const again = new VaultWorkspace(root, root, root, { settings: DEFAULT_SETTINGS, excludes: [], pool });
		await again.index();
		for (let i = 0; i < pages; i += 37) {
			const page = `people/p${i}.md`;
			assert.deepStrictEqual(again.service.diagnostics(page, pageText(i, pages)), inProcess.service.diagnostics(page, pageText(i, pages)), page);
			assert.deepStrictEqual(again.service.index.getPage(page)?.targetUrls, inProcess.service.index.getPage(page)?.targetUrls, page);
		}
		// An edit after the cold index replaces the stored page as before.
		const change = viaWorkers.service.updatePage('people/p1.md', '---\ntitle: Renamed\n---\nNo links.\n');
		assert.deepStrictEqual(change, inProcess.service.updatePage('people/p1.md', '---\ntitle: Renamed\n---\nNo links.\n'));
		assert.ok(change.affected.has('people/p0.md') || change.namesChanged);
	});
});
