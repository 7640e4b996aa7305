import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

/** The outline of the seed page (organizations/mi6.md of the example vault) as one client or another asks for it. */
async function outlineOf(initializationOptions: Record<string, unknown>): Promise<DocumentSymbol[]> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-symbols-'));
	fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }], initializationOptions });
	try {
		await client.initialize();
		const file = path.join(dir, 'organizations', 'mi6.md');
		const uri = URI.file(file).toString();
		await client.open(uri, fs.readFileSync(file, 'utf8'));
		return await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as DocumentSymbol[];
	} finally {
		await client.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('document symbols over JSON-RPC: no heading twice in VS Code', function () {
	this.timeout(60000);

	it('gives VS Code (headingSymbols: false) the frontmatter and the footnotes only, its own Markdown support outlining the headings', async () => {
		const symbols = await outlineOf({ headingSymbols: false });
		assert.deepStrictEqual(symbols.map(symbol => symbol.name), ['Frontmatter', 'Footnotes']);
		const footnotes = symbols[1];
		assert.deepStrictEqual(footnotes.children!.map(child => child.name), ['[^1]', '[^2]']);
		assert.ok(footnotes.children![1].detail!.startsWith('Dorril, Stephen.'), footnotes.children![1].detail);
		assert.ok(!JSON.stringify(symbols).includes('Operation Boot'), 'no heading');
	});

	it('gives other editors the headings too', async () => {
		const symbols = await outlineOf({});
		const names = symbols.map(symbol => symbol.name);
		assert.strictEqual(names[0], 'Frontmatter');
		assert.strictEqual(names[names.length - 1], 'Footnotes');
		assert.ok(JSON.stringify(symbols).includes('Operation Boot: The Iran Coup'));
	});
});
