import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../support/applyEdits';
import { LspTestClient } from '../support/lspClient';
import { fixturesRoot, temporaryVault } from '../support/paths';

/** The raw source text of the seeds, shared/seeds/001_* (MI6, MI5, GCHQ, DAESH named dozens of times, nothing linked), as the repository keeps it. */
const SOURCE = fs.readFileSync(path.join(fixturesRoot, 'markdown', 'seed-source-text.md'), 'utf8');

/** The pages the source names, with the names each goes by. */
const ENTITIES: Record<string, { title: string; aliases: string[] }> = {
	'/organizations/mi6/': { title: 'MI6', aliases: ['Secret Intelligence Service', 'SIS'] },
	'/organizations/mi5/': { title: 'MI5', aliases: ['Security Service'] },
	'/organizations/gchq/': { title: 'GCHQ', aliases: ['Government Communications Headquarters'] },
	'/organizations/daesh/': { title: 'Daesh', aliases: ['Islamic State'] },
	'/places/united-kingdom/': { title: 'United Kingdom', aliases: ['UK'] },
	'/places/london/': { title: 'London', aliases: [] },
};

function fileOf(url: string): string {
	return `${url.slice(1, -1)}.md`;
}

/** The text with every site link replaced by its text. */
function unlinked(text: string): string {
	return text.replace(/\[((?:[^\]\\]|\\.)*)\]\(\/[^)]*\)/g, '$1');
}

/** The links of a text: `[text](url)` with the offset each would have once the links before it are unlinked. */
function linksOf(text: string): { text: string; url: string; at: number }[] {
	const links: { text: string; url: string; at: number }[] = [];
	let removed = 0;
	for (const match of text.matchAll(/\[((?:[^\]\\]|\\.)*)\]\((\/[^)]*)\)/g)) {
		links.push({ text: match[1], url: match[2], at: match.index - removed });
		removed += match[0].length - match[1].length;
	}
	return links;
}

/** Where a name (or, all in capitals, `DAESH` for `Daesh`) stands as whole words in the source. */
function occurrences(source: string, names: readonly string[]): number[] {
	const found: number[] = [];
	for (const name of names) {
		const spellings = name === name.toUpperCase() ? [name] : [name, name.toUpperCase()];
		for (const spelling of spellings) {
			for (const match of source.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${spelling}(?![\\p{L}\\p{N}])`, 'gu'))) {
				found.push(match.index);
			}
		}
	}
	return found.sort((a, b) => a - b);
}

describe('language server: linking the unlinked mentions of the seed source text', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	let uri: string;
	const source = SOURCE;

	before(async () => {
		const files: Record<string, string> = { 'notes/source-article.md': source };
		for (const [url, { title, aliases }] of Object.entries(ENTITIES)) {
			files[fileOf(url)] = `---\ntitle: ${title}\naliases: [${aliases.join(', ')}]\n---\n\nA page.\n`;
		}
		dir = temporaryVault('ev-mentions-', files);
		uri = URI.file(path.join(dir, 'notes', 'source-article.md')).toString();
		client = await LspTestClient.indexedOn(dir);
		await client.open(uri, source);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function mentionHints(): Promise<Diagnostic[]> {
		return (await client.diagnosticsOf(uri, d => d.some(x => x.code === 'unlinked-mention'))).filter(d => d.code === 'unlinked-mention');
	}

	async function applied(diagnostic: Diagnostic, title: RegExp): Promise<string> {
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
		const action = actions.find(candidate => title.test(candidate.title));
		assert.ok(action, JSON.stringify(actions.map(candidate => candidate.title)));
		const edit = action.edit!.documentChanges![0] as TextDocumentEdit;
		assert.strictEqual(edit.textDocument.uri, uri);
		return applyTextEdits(source, edit.edits as TextEdit[]);
	}

	it('hints at every mention of the pages, UK too short to count', async () => {
		const hints = await mentionHints();
		const mi6 = ENTITIES['/organizations/mi6/'];
		assert.strictEqual(hints.filter(d => /names \/organizations\/mi6\//.test(String(d.message))).length, occurrences(source, [mi6.title, ...mi6.aliases]).length);
		assert.ok(hints.length > 40, String(hints.length));
		assert.ok(!hints.some(d => String(d.message).startsWith('"UK"')));
	});

	it('"Link every mention of MI6" links each of them, and nothing else changes', async () => {
		const hints = await mentionHints();
		const first = hints.find(d => String(d.message).startsWith('"MI6"'))!;
		const result = await applied(first, /^Link every mention of MI6 on this page/);
		assert.strictEqual(unlinked(result), source);
		const links = linksOf(result);
		const mi6 = ENTITIES['/organizations/mi6/'];
		assert.deepStrictEqual(links.map(link => link.at), occurrences(source, [mi6.title, ...mi6.aliases]));
		assert.ok(links.every(link => link.url === '/organizations/mi6/'));
		assert.ok(links.length > 20, String(links.length));
		assert.ok(!/(?<![[\p{L}\p{N}])MI6(?![\]\p{L}\p{N}])/u.test(result), 'no plain MI6 is left');
	});

	it('"Link the first mention of each entity" links each page once, at its first mention', async () => {
		const hints = await mentionHints();
		const result = await applied(hints[0], /^Link the first mention of each entity on this page/);
		assert.strictEqual(unlinked(result), source);
		const expected = Object.entries(ENTITIES)
			.map(([url, { title, aliases }]) => ({ url, at: occurrences(source, [title, ...aliases].filter(name => name.length >= 3))[0] }))
			.filter(entity => entity.at !== undefined)
			.sort((a, b) => a.at - b.at);
		assert.deepStrictEqual(linksOf(result).map(link => ({ url: link.url, at: link.at })), expected);
		assert.strictEqual(expected.length, 6);
		assert.strictEqual(fs.readFileSync(path.join(dir, 'notes', 'source-article.md'), 'utf8'), source, 'the server never writes files');
	});

	it('rechecks the open page when a page it names appears (its own text unchanged)', async () => {
		const before = await mentionHints();
		assert.ok(!before.some(d => String(d.message).startsWith('"Sami"')));
		await client.open(URI.file(path.join(dir, 'people', 'sami.md')).toString(), '---\ntitle: Sami\n---\n\nA source.\n');
		const after = await client.diagnosticsOf(uri, d => d.some(x => String(x.message).startsWith('"Sami"')));
		assert.strictEqual(after.filter(d => String(d.message).startsWith('"Sami"')).length, occurrences(source, ['Sami']).length);
	});
});
