import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Location } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

describe('references over JSON-RPC with a partialResultToken', function () {
	this.timeout(120_000);
	let dir: string;
	let client: LspTestClient;
	const LINKERS = 600;

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-references-partial-'));
		fs.mkdirSync(path.join(dir, 'people'));
		fs.mkdirSync(path.join(dir, 'notes'));
		fs.writeFileSync(path.join(dir, 'people', 'ada.md'), '---\ntitle: Ada\n---\n\n# Ada\n');
		for (let i = 0; i < LINKERS; i++) {
			fs.writeFileSync(path.join(dir, 'notes', `n${i}.md`), `# N${i}\r\n\r\n😀 [Ada](/people/ada/)${i % 2 === 0 ? ' and [again](/people/ada)' : ''}\r\n`);
		}
		client = await LspTestClient.indexedOn(dir);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('sends the links in pieces as progress, then an empty answer; together they are the plain answer', async () => {
		const uri = URI.file(path.join(dir, 'notes', 'n1.md')).toString();
		await client.open(uri, fs.readFileSync(path.join(dir, 'notes', 'n1.md'), 'utf8'));
		const params = { textDocument: { uri }, position: { line: 2, character: 5 }, context: { includeDeclaration: true } };
		const plain = await client.connection.sendRequest('textDocument/references', params) as Location[];
		assert.strictEqual(plain.length, 1 + LINKERS + LINKERS / 2);
		const token = 'references-partial-1';
		const seen = client.progress.length;
		const answer = await client.connection.sendRequest('textDocument/references', { ...params, partialResultToken: token });
		assert.deepStrictEqual(answer, []);
		const pieces = await client.waitFor('every piece', () => {
			const mine = client.progress.slice(seen).filter(progress => (progress as { token: unknown }).token === token).map(progress => (progress as { value: Location[] }).value);
			return mine.flat().length === plain.length ? mine : undefined;
		});
		assert.ok(pieces.length >= 2, `${pieces.length} pieces`);
		assert.deepStrictEqual(pieces.flat(), plain);
		assert.strictEqual(pieces[0][0].uri, URI.file(path.join(dir, 'people', 'ada.md')).toString(), 'the declaration first');
	});
});
