import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { waitForPersistedIndex } from '../support/persistedIndexFile';

const page = (title: string, summary: string): string => `---\ntitle: ${title}\ncategory: C\nsummary: ${summary}\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n[Other](/people/other/)\n`;

async function summaryShownFor(vault: string, cacheDirectory: string): Promise<string> {
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(vault).toString(), name: 'v' }], cacheDirectory });
	try {
		await client.initialize();
		await client.waitUntilIndexed();
		const uri = URI.file(path.join(vault, 'people', 'linker.md')).toString();
		const text = '[Other](/people/other/)\n';
		await client.open(uri, text);
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } }) as Hover;
		return (hover.contents as MarkupContent).value;
	} finally {
		await client.shutdown();
	}
}

describe('persisted index', function () {
	this.timeout(60000);
	let vault: string;
	let cache: string;

	beforeEach(() => {
		vault = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-cache-vault-'));
		cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-cache-'));
		fs.mkdirSync(path.join(vault, 'people'));
		fs.writeFileSync(path.join(vault, 'people', 'other.md'), page('Other', 'First summary.'));
		// Whole seconds, so that restoring the time below gives back exactly the same stamp.
		fs.utimesSync(path.join(vault, 'people', 'other.md'), 1_700_000_000, 1_700_000_000);
		fs.writeFileSync(path.join(vault, 'people', 'linker.md'), '[Other](/people/other/)\n');
	});

	afterEach(() => {
		fs.rmSync(vault, { recursive: true, force: true });
		fs.rmSync(cache, { recursive: true, force: true });
	});

	it('is written after indexing and used for files whose size and time are unchanged', async () => {
		assert.match(await summaryShownFor(vault, cache), /First summary\./);
		await waitForPersistedIndex(cache);
		// Same size and modification time, other text: only a cache hit can show the old summary.
		const file = path.join(vault, 'people', 'other.md');
		fs.writeFileSync(file, page('Other', 'Other summary.'));
		fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
		assert.match(await summaryShownFor(vault, cache), /First summary\./);
	});

	it('is never trusted over a file that changed on disk', async () => {
		await summaryShownFor(vault, cache);
		await waitForPersistedIndex(cache);
		const file = path.join(vault, 'people', 'other.md');
		fs.writeFileSync(file, page('Other', 'Changed summary, longer.'));
		assert.match(await summaryShownFor(vault, cache), /Changed summary, longer\./);
	});

	it('is ignored when corrupt', async () => {
		await summaryShownFor(vault, cache);
		const cacheFile = await waitForPersistedIndex(cache);
		fs.writeFileSync(cacheFile, Buffer.from('not a cache at all'));
		const file = path.join(vault, 'people', 'other.md');
		fs.writeFileSync(file, page('Other', 'Other summary.'));
		fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
		assert.match(await summaryShownFor(vault, cache), /Other summary\./);
	});
});
