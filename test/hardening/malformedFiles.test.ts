import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkVault, type CheckReport } from '../../server/src/node/cli/checkCommand';
import { readPageFile } from '../../server/src/node/vaultFiles';
import { PageSummaries, stripBom, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { MAX_PAGE_LENGTH } from '../../server/src/service/vaultService';
import { LspTestClient } from '../support/lspClient';
import { Random } from '../support/markdownGenerator';
import { recordFigure } from './support/figures';

/** How a generated file must come out: indexed with exactly these diagnostic codes, or skipped with one page-unreadable. */
interface Case {
	readonly path: string;
	readonly bytes: Buffer;
	readonly category: string;
	readonly expectedCodes: readonly string[];
	/** The title the page must be indexed with, when it is indexed. */
	readonly title?: string;
}

const WORDS = ['Maxwell', 'Tehran', 'MI6', 'operation', 'archive', 'ledger', 'Zürich', 'café', 'naïve', '😀', '👩‍👩‍👧', '東京', 'النفط', 'footnote', 'the', 'of', 'and'];

function sentence(r: Random): string {
	return Array.from({ length: r.int(3, 12) }, () => r.pick(WORDS)).join(' ') + '.';
}

/** A page body without links, fences or frontmatter-looking lines, with balanced footnotes. */
function body(r: Random): string {
	const lines: string[] = [];
	for (let i = 0, n = r.int(1, 6); i < n; i++) {
		lines.push(r.chance(0.3) ? `## ${sentence(r)}` : sentence(r), '');
	}
	if (r.chance(0.4)) {
		lines.push(`With a note.[^n${lines.length}]`, '', `[^n${lines.length}]: ${sentence(r)}`);
	}
	return lines.join('\n');
}

function utf16be(text: string): Buffer {
	const le = Buffer.from(text, 'utf16le');
	for (let i = 0; i + 1 < le.length; i += 2) {
		const t = le[i];
		le[i] = le[i + 1];
		le[i + 1] = t;
	}
	return le;
}

const CATEGORIES = [
	'unclosed frontmatter', '`---` rule on line 1', 'CR-only line ends', 'BOM', '`...` closer', 'NUL bytes', 'binary .md', 'Latin-1',
	'UTF-16 LE with BOM', 'UTF-16 BE with BOM', 'UTF-16 without BOM', 'empty or blank', 'mixed line ends', 'truncated UTF-8', 'CRLF',
] as const;

function generateCases(count: number): Case[] {
	const r = new Random(20261121);
	const cases: Case[] = [];
	for (let i = 0; i < count; i++) {
		const category = CATEGORIES[i % CATEGORIES.length];
		const title = `Page ${i} ${r.pick(['Zürich', 'Tehran', 'Ledger', 'Café'])}`;
		const page = `---\ntitle: ${title}\n---\n\n${body(r)}\n`;
		const at = `people/case-${String(i).padStart(3, '0')}.md`;
		const add = (bytes: Buffer, expectedCodes: string[], indexedTitle?: string): void => {
			cases.push({ path: at, bytes, category, expectedCodes, title: indexedTitle });
		};
		switch (category) {
			case 'unclosed frontmatter':
				add(Buffer.from(`---\ntitle: ${title}\nsummary: ${sentence(r)}\n\n${body(r)}\n`), ['frontmatter-syntax']);
				break;
			case '`---` rule on line 1':
				add(Buffer.from(`---\n\n${body(r)}\n`), ['frontmatter-syntax']);
				break;
			case 'CR-only line ends':
				add(Buffer.from(page.replace(/\n/g, '\r')), ['frontmatter-syntax'], title);
				break;
			case 'BOM':
				add(Buffer.from(`\ufeff${page}`), [], title);
				break;
			case '`...` closer':
				add(Buffer.from(page.replace('\n---\n', '\n...\n')), [], title);
				break;
			case 'NUL bytes': {
				const bytes = Buffer.from(page);
				bytes[r.int(0, bytes.length - 1)] = 0;
				add(bytes, ['page-unreadable']);
				break;
			}
			case 'binary .md': {
				const bytes = Buffer.alloc(r.int(16, 4096));
				for (let k = 0; k < bytes.length; k++) {
					bytes[k] = r.int(0, 255);
				}
				bytes[r.int(0, bytes.length - 1)] = 0;
				add(bytes, ['page-unreadable']);
				break;
			}
			case 'Latin-1':
				// Only characters Latin-1 has (é, ü, ß…), so the bytes are invalid UTF-8 but a faithful Latin-1 file.
				add(Buffer.from([...page].map(c => (c.charCodeAt(0) <= 0xff && c.length === 1 ? c : '?')).join(''), 'latin1'), [], title);
				break;
			case 'UTF-16 LE with BOM':
				add(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]), [], title);
				break;
			case 'UTF-16 BE with BOM':
				add(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(page)]), [], title);
				break;
			case 'UTF-16 without BOM':
				add(Buffer.from(page, 'utf16le'), ['page-unreadable']);
				break;
			case 'empty or blank':
				add(Buffer.from(r.pick(['', '\n', '\r\n', '   ', '\ufeff', '\r', '\t\n\t'])), []);
				break;
			case 'mixed line ends': {
				let k = 0;
				add(Buffer.from(page.replace(/\n/g, () => ['\n', '\r\n', '\n', '\r\n'][k++ % 4])), [], title);
				break;
			}
			case 'truncated UTF-8': {
				const bytes = Buffer.from(`${page}Zürich 😀`);
				add(bytes.subarray(0, bytes.length - 2), [], title);
				break;
			}
			case 'CRLF':
				add(Buffer.from(page.replace(/\n/g, '\r\n')), [], title);
				break;
		}
	}
	return cases;
}

describe('hardening: malformed and odd files', function () {
	this.timeout(240000);
	const COUNT = 510;
	let dir: string;
	let cases: Case[];
	let report: CheckReport;
	const bigPages = ['people/huge-60mb.md', 'people/single-line-5mb.md'];

	before(async () => {
		dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-hard-malformed-')));
		fs.mkdirSync(path.join(dir, 'people'));
		cases = generateCases(COUNT);
		for (const c of cases) {
			fs.writeFileSync(path.join(dir, c.path), c.bytes);
		}
		// A 60 MB page and a 5 MB single line: refused from their size, without being read.
		const paragraph = `${'Lorem ipsum dolor sit amet, [link](/people/case-000/) consectetur. '.repeat(60)}\n\n`;
		const huge = fs.openSync(path.join(dir, bigPages[0]), 'w');
		const chunk = Buffer.from(`---\ntitle: Huge\n---\n${paragraph.repeat(Math.ceil(1024 * 1024 / paragraph.length))}`);
		for (let written = 0; written < 60 * 1024 * 1024; written += chunk.length) {
			fs.writeSync(huge, chunk);
		}
		fs.closeSync(huge);
		fs.writeFileSync(path.join(dir, bigPages[1]), `---\ntitle: Line\n---\n${'word [l](/a/b/) '.repeat(5 * 1024 * 1024 / 16)}`);
		const started = Date.now();
		report = await checkVault(dir, { requiredFields: [] });
		recordFigure({ area: 'Robustness', test: 'Malformed and odd files: 60 MB page and 5 MB line refused fast', inputs: `2 files of ${Math.round(fs.statSync(path.join(dir, bigPages[0])).size / 1e6)} MB and ${Math.round(fs.statSync(path.join(dir, bigPages[1])).size / 1e6)} MB (limit ${MAX_PAGE_LENGTH / 1024 / 1024} MiB)`, figure: 'seconds over 10 to check the whole vault', value: Math.max(0, Math.round((Date.now() - started) / 1000) - 10), expected: 0 });
	});

	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it(`generates at least 500 cases across ${CATEGORIES.length} categories`, () => {
		assert.ok(cases.length >= 500);
		assert.deepStrictEqual(new Set(cases.map(c => c.category)).size, CATEGORIES.length);
	});

	it('indexes each file or skips it with one clear diagnostic (check, in process)', () => {
		const byFile = new Map<string, string[]>();
		for (const d of report.diagnostics) {
			byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.code]);
		}
		const wrong: string[] = [];
		for (const c of cases) {
			const codes = byFile.get(c.path) ?? [];
			if (JSON.stringify(codes) !== JSON.stringify(c.expectedCodes)) {
				wrong.push(`${c.category} ${c.path}: ${codes.join(',') || 'none'} (expected ${c.expectedCodes.join(',') || 'none'})`);
			}
		}
		for (const big of bigPages) {
			const codes = byFile.get(big) ?? [];
			const message = report.diagnostics.find(d => d.file === big)?.message ?? '';
			if (JSON.stringify(codes) !== '["page-unreadable"]' || !/MiB/.test(message)) {
				wrong.push(`${big}: ${codes.join(',')} ${message}`);
			}
		}
		// The text of every indexed page was decoded right: its title is the one written.
		for (const c of cases) {
			if (c.title !== undefined) {
				const read = readPageFile(path.join(dir, c.path), c.path, text => summarizePageParts(c.path, stripBom(text)));
				const title = 'parts' in read ? new PageSummaries().fromParts(read.parts).title : `unreadable: ${read.error}`;
				if (title !== c.title) {
					wrong.push(`${c.category} ${c.path}: title ${JSON.stringify(title)} (expected ${JSON.stringify(c.title)})`);
				}
			}
		}
		recordFigure({ area: 'Robustness', test: 'Malformed and odd files indexed or skipped with one clear diagnostic', inputs: `${cases.length + bigPages.length} files: ${CATEGORIES.join(', ')}, a 60 MB page, a 5 MB line`, figure: 'files without exactly the expected diagnostic, or indexed with a wrongly decoded title', value: wrong.length, expected: 0 });
		assert.deepStrictEqual(wrong, []);
		assert.strictEqual(report.files, cases.length + bigPages.length);
	});

	it('the real server indexes the same vault, keeps serving and publishes the same diagnostics', async () => {
		const client = new LspTestClient({
			workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'malformed' }],
			settings: { diagnostics: { scope: 'vault' }, frontmatter: { requiredFields: [] } },
		});
		let crashes = 0;
		let mismatched = 0;
		try {
			await client.initialize();
			const ready = await client.waitUntilIndexed(120000);
			const indexedExpected = cases.filter(c => !c.expectedCodes.includes('page-unreadable')).length;
			assert.strictEqual(ready.pages, indexedExpected);
			const expected = new Map<string, string[]>();
			for (const d of report.diagnostics) {
				const uri = URI.file(path.join(dir, d.file)).toString();
				expected.set(uri, [...(expected.get(uri) ?? []), d.code]);
			}
			const codesOf = (diagnostics: Diagnostic[]): string => JSON.stringify(diagnostics.map(d => String(d.code)).sort());
			await client.waitFor('every page published', () => [...expected].every(([uri, codes]) => client.diagnostics.has(uri) && codesOf(client.diagnostics.get(uri)!.diagnostics) === JSON.stringify([...codes].sort())), 60000).catch(() => undefined);
			for (const [uri, codes] of expected) {
				const published = client.diagnostics.get(uri);
				if (!published || codesOf(published.diagnostics) !== JSON.stringify([...codes].sort())) {
					mismatched++;
				}
			}
			for (const [uri, published] of client.diagnostics) {
				if (!expected.has(uri) && published.diagnostics.length > 0) {
					mismatched++;
				}
			}
			// Still serving: a request on an odd page is answered.
			const oddUri = URI.file(path.join(dir, cases[2].path)).toString();
			await client.open(oddUri, fs.readFileSync(path.join(dir, cases[2].path), 'latin1'));
			const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: oddUri } });
			assert.ok(Array.isArray(symbols));
		} finally {
			crashes = client.exited === null ? 0 : 1;
			await client.shutdown();
		}
		recordFigure({ area: 'Robustness', test: 'Real server over the malformed vault', inputs: `${cases.length + bigPages.length} files, diagnostics scope vault`, figure: 'crashes', value: crashes, expected: 0 });
		recordFigure({ area: 'Robustness', test: 'Real server over the malformed vault', inputs: `${cases.length + bigPages.length} files`, figure: 'pages whose published diagnostics differ from check', value: mismatched, expected: 0 });
		assert.strictEqual(mismatched, 0);
		assert.strictEqual(crashes, 0);
	});
});
