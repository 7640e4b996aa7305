import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CompletionItem, CompletionList, Location, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/applyEdits';
import { parseCursor, rangeOfText } from '../support/cursor';
import { LspTestClient } from '../support/lspClient';

/** A person of the vault: its `location` a bare path to a place, as every person's is (so the field is inferred a link to /places/). */
function person(name: string, location: string, eol = '\n'): string {
	return ['---', `title: ${name}`, 'summary: A person.', 'category: Person', 'tags:', '- Person', 'created: 2026-01-01', 'updated: 2026-01-02', `location: ${location}`, '---', '', `${name}.`, ''].join(eol);
}

describe('language server: links in frontmatter values over JSON-RPC', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-fmlinks-'));
		fs.mkdirSync(path.join(dir, 'people'));
		fs.mkdirSync(path.join(dir, 'places'));
		for (let i = 0; i < 24; i++) {
			fs.writeFileSync(path.join(dir, 'people', `p${i}.md`), person(`P${i}`, '/places/london/'));
		}
		fs.writeFileSync(path.join(dir, 'places', 'london.md'), '---\ntitle: London\n---\n\n## Docks\n');
		fs.writeFileSync(path.join(dir, 'places', 'paris.md'), '---\ntitle: Paris\n---\n');
		client = await LspTestClient.indexedOn(dir);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('completes a place inside a link field\'s value, goes to its page, and reports a broken one at its destination', async () => {
		const ada = uriOf('people/ada.md');
		const marked = parseCursor(person('Ada 😀', '/places/pa$|$', '\r\n'));
		await client.open(ada, marked.text);
		const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: ada }, position: marked.position }) as CompletionList | CompletionItem[];
		const items = Array.isArray(list) ? list : list.items;
		const paris = items.find(item => item.label === 'Paris');
		assert.ok(paris?.textEdit, JSON.stringify(items.map(item => item.label)));
		const completed = applyTextEdits(marked.text, [paris.textEdit as TextEdit]);
		assert.strictEqual(completed, person('Ada 😀', '/places/paris/', '\r\n'));

		// A place that does not exist: broken-link on the value's exact range.
		const broken = person('Ada 😀', '"[Nowhere](/places/nowhere/)"', '\r\n');
		await client.change(ada, 2, [{ text: broken }]);
		const diagnostics = await client.diagnosticsOf(ada, d => d.some(x => x.code === 'broken-link'));
		assert.deepStrictEqual(diagnostics.filter(d => d.code === 'broken-link').map(d => d.range), [rangeOfText(broken, '/places/nowhere/')]);

		// Definition on the completed value.
		await client.change(ada, 3, [{ text: completed }]);
		await client.diagnosticsOf(ada, d => !d.some(x => x.code === 'broken-link'));
		const at = parseCursor(person('Ada 😀', '/places/par$|$is/', '\r\n'));
		const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: ada }, position: at.position }) as Location[];
		assert.deepStrictEqual(locations.map(location => location.uri), [uriOf('places/paris.md')]);
		assert.strictEqual(fs.existsSync(path.join(dir, 'people', 'ada.md')), false, 'the server never writes files');
	});
});
