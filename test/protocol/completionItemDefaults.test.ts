import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

/** A page with a cursor after each kind of completion: link text, a section's pages, anchors, footnotes, tags (CRLF, emoji). */
const PROBE = [
	'---',
	'title: Probe 👩‍💻',
	'tags:',
	'- Is',
	'---',
	'',
	'😀 See [Rob',
	'See [x](/people/',
	'See [x](/people/robert-maxwell/#',
	'Cited[^',
	'See [](/places/',
	'',
	'[^1]: A source.',
	'',
].join('\r\n');

/** Where completion is asked in `PROBE`: the end of each of these lines. */
const LINES = [3, 6, 7, 8, 9, 10];

/** An answer as a client without `itemDefaults` support reads it: the list's default range put back into each item without its own edit. */
function withDefaultsApplied(list: CompletionList): CompletionList {
	const editRange = list.itemDefaults?.editRange;
	if (editRange === undefined) {
		return list;
	}
	assert.ok('start' in editRange, 'an insert/replace default range');
	const items = list.items.map((item): CompletionItem => {
		if (item.textEdit !== undefined) {
			return item;
		}
		const { textEditText, ...rest } = item;
		return { ...rest, textEdit: { range: editRange, newText: textEditText ?? item.label } };
	});
	const { itemDefaults: _itemDefaults, ...rest } = list;
	return { ...rest, items };
}

/** Items as plain JSON, with the item's keys in one order (the server moves `textEdit`, which changes where it is written). */
function normalized(list: CompletionList): unknown {
	const sortKeys = (value: unknown): unknown => Array.isArray(value)
		? value.map(sortKeys)
		: value !== null && typeof value === 'object'
			? Object.fromEntries(Object.keys(value).sort().map(key => [key, sortKeys((value as Record<string, unknown>)[key])]))
			: value;
	return sortKeys(JSON.parse(JSON.stringify(list)));
}

describe('completion with itemDefaults.editRange (LSP 3.17, as VS Code announces it)', function () {
	this.timeout(60000);
	let dir: string;
	let plain: LspTestClient;
	let defaults: LspTestClient;
	const uri = (): string => URI.file(path.join(dir, 'people', 'probe.md')).toString();

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-item-defaults-'));
		fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
		const folders = [{ uri: URI.file(dir).toString(), name: 'vault' }];
		plain = new LspTestClient({ workspaceFolders: folders });
		defaults = new LspTestClient({ workspaceFolders: folders, completionItemDefaults: true });
		for (const client of [plain, defaults]) {
			await client.initialize();
			await client.waitUntilIndexed();
			await client.open(uri(), PROBE);
		}
	});

	after(async () => {
		await plain?.shutdown();
		await defaults?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const ask = (client: LspTestClient, position: Position): Promise<CompletionList> =>
		client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri() }, position, context: { triggerKind: 1 } }) as Promise<CompletionList>;

	it('gives the common range once and each item its text, the same edits as the answer of a client without it', async () => {
		const lines = PROBE.split('\r\n');
		let hoisted = 0;
		for (const line of LINES) {
			const position = { line, character: lines[line].length };
			const [expected, actual] = [await ask(plain, position), await ask(defaults, position)];
			assert.ok(expected.items.length > 0, `no items on line ${line}: ${lines[line]}`);
			assert.strictEqual(expected.itemDefaults, undefined);
			assert.deepStrictEqual(normalized(withDefaultsApplied(actual)), normalized(expected), lines[line]);
			if (actual.itemDefaults?.editRange !== undefined) {
				hoisted++;
				assert.ok(actual.items.every(item => item.textEdit === undefined && typeof item.textEditText === 'string'), lines[line]);
			}
		}
		// Link text, a section's pages, anchors and tags replace one range per list.
		assert.ok(hoisted >= 4, `${hoisted} lists with a default range`);
	});

	it('writes the link-text list without a range per item', async () => {
		const position = { line: 6, character: '😀 See [Rob'.length };
		const list = await ask(defaults, position);
		assert.deepStrictEqual(list.itemDefaults?.editRange, { start: { line: 6, character: '😀 See '.length }, end: position });
		const maxwell = list.items.find(item => item.textEditText === '[Robert Maxwell](/people/robert-maxwell/)');
		assert.ok(maxwell, JSON.stringify(list.items.slice(0, 3)));
		assert.ok(!JSON.stringify(list.items).includes('"range"'));
	});
});
