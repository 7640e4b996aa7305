import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, Location } from 'vscode-languageserver-protocol';
import { loadIndexCacheFile } from '../../server/src/node/indexCache';
import { LspTestClient } from '../support/lspClient';
import { waitForPersistedIndex } from '../support/persistedIndexFile';
import { temporaryVault } from '../support/paths';

const page = (title: string, body: string, extra = ''): string => `---\ntitle: ${title}\ncategory: C\ntags: [T]\n${extra}---\n${body}`;

/** Pages linking each other (aliases, anchors, footnotes, broken links, emoji, CRLF): what references, definitions and diagnostics read. */
const VAULT: Record<string, string> = {
	'people/ann.md': page('Ann', '# Early life\n\n[Bob](/people/bob/) 😀 [Iran](/places/iran/#history) [gone](/people/gone/)[^1]\n\n[^1]: Note.\n', 'aliases: [Annie]\n'),
	'people/bob.md': page('Bob', '[Ann](/people/ann/#early-life) and [Annie](/people/annie/) [Persia](/places/persia/)\r\n[bad anchor](/people/ann/#nowhere)\r\n'),
	'people/carol.md': page('Carol', '😀😀 [Ann](/people/ann/) [Bob](../bob/) [wanted](/people/wanted/)\n'),
	'places/iran.md': page('Iran', '## History\n\n[Ann](/people/ann/) [Carol](/people/carol/)\n', 'aliases: [Persia]\n'),
	'organizations/mi6.md': page('MI6', '[Bob](/people/bob/) [Dave](/people/dave/)\n'),
};

/** Where the links are: every link of every page, as request positions. */
function linkPositions(text: string): { line: number; character: number }[] {
	const positions: { line: number; character: number }[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		for (const match of line.matchAll(/\]\(/g)) {
			positions.push({ line: i, character: match.index + 3 });
		}
	});
	return positions;
}

const byPlace = (a: Location, b: Location): number => `${a.uri} ${a.range.start.line} ${a.range.start.character}`.localeCompare(`${b.uri} ${b.range.start.line} ${b.range.start.character}`);

/** What a server answers on the vault once ready and checked against the disk: references and definitions at every link, every page's diagnostics. */
async function answersOn(vault: string, cacheDirectory: string): Promise<unknown> {
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(vault).toString(), name: 'v' }], cacheDirectory });
	try {
		await client.initialize();
		await client.waitUntilIndexed();
		await client.waitFor('the check against the disk', () => client.statuses.find(status => status.state === 'ready' && status.verifying === undefined));
		// Written before any page is open (a page open when it is written is read from disk at the next start).
		await waitForPersistedIndex(cacheDirectory);
		const answers: Record<string, unknown> = {};
		const pages = Object.keys(VAULT).filter(relative => fs.existsSync(path.join(vault, relative))).concat(['people/dave.md']).filter(relative => fs.existsSync(path.join(vault, relative)));
		for (const relative of [...new Set(pages)]) {
			const uri = URI.file(path.join(vault, relative)).toString();
			const text = fs.readFileSync(path.join(vault, relative), 'utf8');
			await client.open(uri, text);
			const diagnostics: Diagnostic[] = await client.diagnosticsOf(uri, () => true);
			const asked: unknown[] = [];
			for (const position of linkPositions(text)) {
				const references = await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }) as Location[] | null;
				const definition = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }) as Location | Location[] | null;
				asked.push({ position, references: (references ?? []).sort(byPlace), definition });
			}
			answers[relative] = { diagnostics: diagnostics.map(({ range, message, code, severity }) => ({ range, message, code, severity })), asked };
		}
		return JSON.parse(JSON.stringify(answers).split(URI.file(vault).toString()).join('VAULT'));
	} finally {
		await client.shutdown();
	}
}

describe('warm start: the same answers as a cold start', function () {
	this.timeout(120000);
	let vault: string;
	const caches: string[] = [];
	const cacheDirectory = (): string => {
		caches.push(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-warm-answers-cache-')));
		return caches[caches.length - 1];
	};

	beforeEach(() => {
		vault = temporaryVault('ev-warm-answers-', VAULT);
	});

	afterEach(() => {
		fs.rmSync(vault, { recursive: true, force: true });
		for (const cache of caches.splice(0)) {
			fs.rmSync(cache, { recursive: true, force: true });
		}
	});

	it('answers references, definitions and diagnostics from the persisted index as a cold start does, also after pages changed on disk while no server ran', async () => {
		const warm = cacheDirectory();
		const cold = await answersOn(vault, warm);
		const file = await waitForPersistedIndex(warm);
		// The persisted index holds the reverse maps' state: a warm start puts it back whole.
		const contents = await loadIndexCacheFile(file, vault);
		assert.strictEqual(contents.inOrder.length, Object.keys(VAULT).length);
		assert.notStrictEqual(contents.state, undefined);
		assert.deepStrictEqual(await answersOn(vault, warm), cold);

		// Changed while no server ran: a page links elsewhere and is renamed, one is gone, one is new.
		fs.writeFileSync(path.join(vault, 'people', 'carol.md'), page('Caroline', '[Bob](/people/bob/) [Dave](/people/dave/) [Iran](/places/iran/#history)\n', 'aliases: [Carol]\n'));
		fs.rmSync(path.join(vault, 'people', 'bob.md'));
		fs.writeFileSync(path.join(vault, 'people', 'dave.md'), page('Dave', '[Carol](/people/carol/) [Bob](/people/bob/)\n'));
		await waitForPersistedIndex(warm);
		const fresh = await answersOn(vault, cacheDirectory());
		assert.notDeepStrictEqual(fresh, cold);
		assert.deepStrictEqual(await answersOn(vault, warm), fresh);
	});
});
