import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { checkFolder } from '../support/checkCommand';
import { waitForPersistedIndex } from '../support/persistedIndexFile';
import { temporaryVault } from '../support/paths';

const page = (title: string, summary: string, body = ''): string =>
	`---\ntitle: ${title}\ncategory: C\nsummary: ${summary}\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n${body}`;
const LINKER = '[Other](/people/other/) [Third](/people/third/) [Gone](/people/gone/) [New](/people/new/)\n';
/** Where each link starts on the linker's only line. */
const AT = { other: 0, third: 24, gone: 48, new: 70 };

function uriOf(vault: string, relative: string): string {
	return URI.file(path.join(vault, ...relative.split('/'))).toString();
}

async function hoverText(client: LspTestClient, uri: string, character: number): Promise<string> {
	const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } }) as Hover | null;
	return hover === null ? '' : (hover.contents as MarkupContent).value;
}

/** Changes a page's text and time, deletes one, adds one: what happened on disk while no server ran. */
function changeOnDisk(vault: string): void {
	const at = (relative: string): string => path.join(vault, ...relative.split('/'));
	fs.writeFileSync(at('people/other.md'), page('Other', 'Other changed on disk.'));
	fs.writeFileSync(at('people/third.md'), page('Third', 'Third changed on disk, longer.'));
	fs.utimesSync(at('people/third.md'), 1_800_000_000, 1_800_000_000);
	fs.rmSync(at('people/gone.md'));
	fs.writeFileSync(at('people/new.md'), page('New', 'New page.'));
}

describe('warm start: ready from the persisted index, then checked against the disk', function () {
	this.timeout(60000);
	let vault: string;
	let cache: string;

	beforeEach(async () => {
		vault = temporaryVault('ev-warm-vault-', {
			'people/other.md': page('Other', 'Other first.'),
			'people/third.md': page('Third', 'Third first.'),
			'people/gone.md': page('Gone', 'Gone first.'),
			'people/linker.md': page('Linker', 'Links.', LINKER),
		});
		cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-warm-cache-'));
		const first = await LspTestClient.indexedOn(vault, { cacheDirectory: cache });
		await first.shutdown();
		await waitForPersistedIndex(cache);
	});

	afterEach(() => {
		fs.rmSync(vault, { recursive: true, force: true });
		fs.rmSync(cache, { recursive: true, force: true });
	});

	it('says ready first, then checks the disk, and then answers and publishes from the disk', async () => {
		changeOnDisk(vault);
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(vault).toString(), name: 'v' }], cacheDirectory: cache });
		try {
			await client.initialize();
			const ready = await client.waitUntilIndexed();
			// Ready from the persisted index: its four pages, being checked.
			assert.strictEqual(ready.verifying, 4);
			const verified = await client.waitFor('the check against the disk', () => client.statuses.find(status => status.state === 'ready' && status.verifying === undefined));
			assert.strictEqual(verified.pages, 4);
			const readyAt = client.statuses.indexOf(ready);
			assert.ok(readyAt < client.statuses.indexOf(verified));
			assert.ok(client.logs.some(line => /^Checking 4 pages of .* against the disk/.test(line)), client.logs.join('\n'));
			assert.ok(client.logs.some(line => /^Checked 4 pages of .* against the disk in [\d,]+ ms: 2 stale, 1 added, 1 removed\.$/.test(line)), client.logs.join('\n'));

			const linker = uriOf(vault, 'people/linker.md');
			await client.open(linker, LINKER);
			const diagnostics = await client.diagnosticsOf(linker, () => true);
			const broken = diagnostics.filter(diagnostic => diagnostic.range.start.line === 0).map(diagnostic => diagnostic.range.start.character);
			assert.ok(broken.some(character => character >= AT.gone && character < AT.new), JSON.stringify(diagnostics));
			assert.ok(!broken.some(character => character >= AT.new), JSON.stringify(diagnostics));
			assert.match(await hoverText(client, linker, AT.other + 2), /Other changed on disk\./);
			assert.match(await hoverText(client, linker, AT.third + 2), /Third changed on disk, longer\./);
			const definition = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: linker }, position: { line: 0, character: AT.new + 2 } }) as Location | Location[];
			const target = Array.isArray(definition) ? definition[0] : definition;
			assert.strictEqual(target.uri, uriOf(vault, 'people/new.md'));
		} finally {
			await client.shutdown();
		}
	});

	it('never replaces an open document by the disk text', async () => {
		changeOnDisk(vault);
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(vault).toString(), name: 'v' }], cacheDirectory: cache });
		try {
			await client.initialize();
			await client.open(uriOf(vault, 'people/other.md'), page('Other', 'Other in the editor.'));
			await client.waitFor('the check against the disk', () => client.statuses.find(status => status.state === 'ready' && status.verifying === undefined));
			const linker = uriOf(vault, 'people/linker.md');
			await client.open(linker, LINKER);
			assert.match(await hoverText(client, linker, AT.other + 2), /Other in the editor\./);
			assert.match(await hoverText(client, linker, AT.third + 2), /Third changed on disk, longer\./);
		} finally {
			await client.shutdown();
		}
	});

	it('check --cache-dir reports the disk, not the persisted index', async () => {
		const first = checkFolder(vault, '--cache-dir', cache);
		assert.strictEqual(first.pages, 4);
		changeOnDisk(vault);
		const warm = checkFolder(vault, '--cache-dir', cache);
		const cold = checkFolder(vault);
		assert.deepStrictEqual(warm, cold);
		assert.ok(warm.diagnostics.some(diagnostic => diagnostic.message.includes('/people/gone/')), JSON.stringify(warm.diagnostics));
		assert.ok(!warm.diagnostics.some(diagnostic => diagnostic.message.includes('/people/new/')), JSON.stringify(warm.diagnostics));
	});
});
