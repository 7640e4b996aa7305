import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { parseFrontmatter } from '../../server/src/service/parse/frontmatter';
import { readPageFile } from '../../server/src/node/vaultFiles';
import { summarizePage, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { candidatePathsForUrl, resolveLinkDestination } from '../../server/src/service/vault/vaultPaths';
import { createVaultService } from '../../server/src/service/vaultService';
import { recordFigure } from './support/figures';
import { hostileDestinations, lookalikeDestinations } from './support/hostileLinks';
import { accessesOutside, FS_SPY, preloadOptions, readSpyLog, runCheckWithEnv, runtimeDirectories, startServerWithEnv } from './support/spiedProcess';

type Sentinel = { __entityVaultHardeningSentinel?: number };
const sentinel = globalThis as Sentinel;
const PAYLOAD = '{ title: (globalThis.__entityVaultHardeningSentinel = (globalThis.__entityVaultHardeningSentinel || 0) + 1, "pwned") }';

/** Every way to name JavaScript (and CoffeeScript, which gray-matter would also evaluate) after a fence. */
const SPELLINGS = [
	'js', 'JS', 'Js', 'jS', 'javascript', 'JavaScript', 'JAVASCRIPT', 'Javascript', 'javaScript',
	' js', 'js ', ' Javascript ', '\tjs', 'javascript\t', '  JS  ', 'coffee', 'Coffee', 'coffeescript', 'CoffeeScript', 'cson',
];

/** Where a JavaScript block can stand in a page. */
function pagesFor(spelling: string, payload: string): string[] {
	return [
		`---${spelling}\n${payload}\n---\nbody`,
		`---${spelling}\r\n${payload}\r\n---\r\nbody`,
		`---${spelling}\r${payload}\r---\rbody`,
		`\ufeff---${spelling}\n${payload}\n---\nbody`,
		`---\ntitle: a\n---\n---${spelling}\n${payload}\n---\n`,
		`---\ntitle: a\n---\n\n---${spelling}\n${payload}\n---\n\n---${spelling}\n${payload}\n---\n`,
		`# Heading\n---${spelling}\n${payload}\n---\n`,
		`---\ntitle: a\n---${spelling}\n${payload}\n---\n`,
		`---${spelling}\n${payload}\n...\nbody`,
		`+++${spelling}\n${payload}\n+++\n`,
	];
}

function makeTempDir(prefix: string): string {
	return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

describe('hardening: security', function () {
	this.timeout(180000);

	describe('JavaScript frontmatter is never evaluated', () => {
		it('the payload does run when evaluated (positive control: gray-matter called directly, as the wrapper never does)', () => {
			delete sentinel.__entityVaultHardeningSentinel;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const matter = require('gray-matter') as (input: string) => { data: unknown };
			matter(`---js\n${PAYLOAD}\n---\nbody`);
			assert.strictEqual(sentinel.__entityVaultHardeningSentinel, 1, 'the sentinel payload must be able to count an evaluation');
			delete sentinel.__entityVaultHardeningSentinel;
		});

		it('every spelling, in every place of a page, through the parser, the summary and the service: zero evaluations', () => {
			delete sentinel.__entityVaultHardeningSentinel;
			const service = createVaultService();
			let inputs = 0;
			let languageReported = 0;
			for (const spelling of SPELLINGS) {
				for (const [i, page] of pagesFor(spelling, PAYLOAD).entries()) {
					inputs++;
					const text = page.replace(/^\ufeff/, '');
					const frontmatter = parseFrontmatter(text);
					summarizePage('people/js.md', text);
					service.updatePage(`people/js-${inputs}.md`, page);
					service.diagnostics(`people/js-${inputs}.md`);
					if (i < 4 || i === 8) {
						// A JavaScript block on line 1: reported, never parsed.
						assert.strictEqual(frontmatter.data, undefined, JSON.stringify(page));
						assert.ok(frontmatter.problems.some(problem => problem.kind === 'language'), JSON.stringify(page));
						languageReported++;
					}
				}
			}
			const evaluations = sentinel.__entityVaultHardeningSentinel ?? 0;
			recordFigure({ area: 'Security', test: 'JavaScript frontmatter never evaluated (in process)', inputs: `${inputs} pages: ${SPELLINGS.length} spellings × 10 placements (line 1 with LF, CRLF, CR, BOM, \`...\` closer; second block in the body; inside YAML; TOML fence)`, figure: 'evaluations', value: evaluations, expected: 0 });
			assert.strictEqual(evaluations, 0);
			assert.strictEqual(languageReported, SPELLINGS.length * 5);
		});
	});

	describe('link resolution never leaves the vault root', () => {
		const corpus = hostileDestinations();

		it(`generates at least 200 hostile destinations (${corpus.length})`, () => {
			assert.ok(corpus.length >= 200, String(corpus.length));
			assert.strictEqual(new Set(corpus.map(c => c.destination)).size, corpus.length, 'destinations are distinct');
		});

		it('resolves every hostile destination as outside the vault', () => {
			const missed = corpus.filter(({ destination }) => resolveLinkDestination(destination, 'people/a.md').kind !== 'outside');
			recordFigure({ area: 'Security', test: 'Hostile link destinations resolve outside the vault', inputs: `${corpus.length} destinations (.., %2e%2e, ..%2f, double/triple encoding, backslashes, drive letters, //host, %00, mixed case)`, figure: 'not resolved as outside', value: missed.length, expected: 0 });
			assert.deepStrictEqual(missed.map(m => `${m.family}: ${m.destination} → ${JSON.stringify(resolveLinkDestination(m.destination, 'people/a.md'))}`), []);
		});

		it('reports a link-outside-vault diagnostic on every hostile link of a page', () => {
			const service = createVaultService();
			let unreported = 0;
			const failures: string[] = [];
			corpus.forEach(({ destination }, i) => {
				const written = destination.replace(/\\/g, '\\\\');
				const pagePath = `people/hostile-${i}.md`;
				service.updatePage(pagePath, `---\ntitle: H\n---\nSee [x](${written}) here.\n`);
				const links = service.getPage(pagePath)!.links;
				assert.deepStrictEqual(links.map(link => link.destination), [destination], `the page links to ${destination} as written`);
				const codes = service.diagnostics(pagePath).map(d => d.code).filter(code => code === 'link-outside-vault');
				if (codes.length !== 1) {
					unreported++;
					failures.push(destination);
				}
			});
			recordFigure({ area: 'Security', test: 'Hostile links get a link-outside-vault diagnostic', inputs: `${corpus.length} pages, one hostile link each`, figure: 'links without exactly one link-outside-vault', value: unreported, expected: 0 });
			assert.deepStrictEqual(failures, []);
		});

		it('keeps look-alike names (unicode dots, escapes nested past any decoder) inside the root', () => {
			const escaped: string[] = [];
			const lookalikes = lookalikeDestinations();
			for (const destination of lookalikes) {
				const target = resolveLinkDestination(destination, 'people/a.md');
				const paths = target.kind === 'page' ? candidatePathsForUrl(target.url) : target.kind === 'asset' ? [target.path] : [];
				for (const candidate of paths) {
					if (path.posix.normalize(candidate).split('/').includes('..') || candidate.startsWith('/')) {
						escaped.push(`${destination} → ${candidate}`);
					}
				}
			}
			recordFigure({ area: 'Security', test: 'Look-alike destinations stay inside the root', inputs: `${lookalikes.length} destinations (‥, ．．, 。。, %2525252e…)`, figure: 'candidate paths above the root', value: escaped.length, expected: 0 });
			assert.deepStrictEqual(escaped, []);
		});
	});

	describe('the real server and `check` read nothing outside the vault root (instrumented file system)', () => {
		let base: string;
		let vault: string;
		let spyLog: string;
		let sentinelFile: string;
		const corpus = hostileDestinations();

		before(() => {
			base = makeTempDir('ev-hard-security-');
			vault = path.join(base, 'vault');
			const outside = path.join(base, 'outside');
			fs.mkdirSync(path.join(outside, 'dir'), { recursive: true });
			fs.mkdirSync(path.join(vault, 'people'), { recursive: true });
			fs.mkdirSync(path.join(vault, 'places'), { recursive: true });
			sentinelFile = path.join(base, 'EVALUATED');
			spyLog = path.join(base, 'fs-spy.log');
			const jsPayload = `{ title: (require('fs').writeFileSync(${JSON.stringify(sentinelFile)}, 'evaluated'), 'pwned') }`;
			const page = (title: string, body: string): string => `---\ntitle: ${title}\ncategory: Test\nsummary: S.\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n${body}\n`;
			fs.writeFileSync(path.join(outside, 'secret.md'), page('Secret', 'Outside the vault.'));
			fs.writeFileSync(path.join(outside, 'dir', 'page.md'), page('Outside Page', 'Outside the vault.'));
			fs.writeFileSync(path.join(outside, 'dir', 'other.md'), page('Outside Other', 'Outside the vault.'));
			const hostileLines = corpus.map(({ destination }) => `[x](${destination.replace(/\\/g, '\\\\')})`).join('\n');
			fs.writeFileSync(path.join(vault, 'people', 'a.md'), page('A', `[Evil](/people/evil/) [Leak](/leak/page/) [Abs](/people/abs/) [B](/people/b/) [Secret](../../outside/secret.md)\n\n${hostileLines}`));
			fs.writeFileSync(path.join(vault, 'people', 'b.md'), page('B', '[A](/people/a/)'));
			fs.writeFileSync(path.join(vault, 'places', 'x.md'), page('X', '[A](/people/a/)'));
			for (const spelling of ['js', 'JS', 'javascript', ' Javascript ']) {
				fs.writeFileSync(path.join(vault, 'people', `js-${spelling.trim().toLowerCase()}-${spelling.length}.md`), `---${spelling}\n${jsPayload}\n---\n# JS\n\n---js\n${jsPayload}\n---\n`);
			}
			// Enough pages for the server to index on worker threads, so the spy sees them too.
			for (let i = 0; i < 400; i++) {
				fs.writeFileSync(path.join(vault, 'places', `filler-${i}.md`), page(`Filler ${i}`, `[A](/people/a/) [Evil](/people/evil/) [Leak](/leak/page/)`));
			}
			fs.symlinkSync(path.join('..', '..', 'outside', 'secret.md'), path.join(vault, 'people', 'evil.md'));
			fs.symlinkSync(path.join(outside, 'dir'), path.join(vault, 'leak'));
			fs.symlinkSync('/etc/hostname', path.join(vault, 'people', 'abs.md'));
			fs.symlinkSync('.', path.join(vault, 'people', 'loop'));
			fs.symlinkSync(path.join('..', '..', 'outside'), path.join(vault, 'places', 'out'));
		});

		after(() => {
			fs.rmSync(base, { recursive: true, force: true });
		});

		it('readPageFile refuses pages whose real path leaves the root, whatever asks for them', () => {
			const parse = (text: string) => summarizePageParts('people/x.md', text);
			const refused = ['people/evil.md', 'leak/page.md', 'leak/missing.md', 'places/out/secret.md', 'people/abs.md'].filter(relative => {
				const result = readPageFile(path.join(vault, ...relative.split('/')), relative, parse);
				return 'error' in result && /outside the vault/.test(result.error);
			});
			assert.deepStrictEqual(refused, ['people/evil.md', 'leak/page.md', 'leak/missing.md', 'places/out/secret.md', 'people/abs.md']);
			const inside = readPageFile(path.join(vault, 'people', 'b.md'), 'people/b.md', parse);
			assert.ok('parts' in inside, 'a page inside is read');
			const mismatched = readPageFile(path.join(vault, 'people', 'b.md'), 'people/../people/b.md', parse);
			assert.ok('error' in mismatched && /not a vault path/.test(mismatched.error));
		});

		it('the spy sees a read outside the root through a link (control: the check can fail)', () => {
			const log = path.join(base, 'control.log');
			const script = `require('fs').readFileSync(${JSON.stringify(path.join(vault, 'people', 'evil.md'))}); require('fs').readdirSync(${JSON.stringify(path.join(vault, 'leak'))});`;
			const result = spawnSync(process.execPath, ['--require', FS_SPY, '-e', script], { env: { ...process.env, EV_FS_SPY_LOG: log }, encoding: 'utf8' });
			assert.strictEqual(result.status, 0, result.stderr);
			const outside = accessesOutside(readSpyLog(log), vault, runtimeDirectories());
			assert.deepStrictEqual(outside.map(access => access.operation).sort(), ['openSync', 'readFileSync', 'readdirSync']);
		});

		it('serves a vault with symbolic links out, hostile links and JavaScript frontmatter without reading outside it', async () => {
			const client = startServerWithEnv({ NODE_OPTIONS: preloadOptions(FS_SPY), EV_FS_SPY_LOG: spyLog }, {
				workspaceFolders: [{ uri: URI.file(vault).toString(), name: 'vault' }],
				settings: { diagnostics: { scope: 'vault' } },
			});
			const uriOf = (relative: string): string => URI.file(path.join(vault, relative)).toString();
			const aText = fs.readFileSync(path.join(vault, 'people', 'a.md'), 'utf8');
			const aLines = aText.split('\n');
			const firstLinks = aLines.findIndex(line => line.includes('[Evil]'));
			try {
				await client.initialize();
				// Open at once, so requests run while indexing (the server reads the pages they need).
				await client.open(uriOf('people/a.md'), aText);
				for (const needle of ['/people/evil/', '/leak/page/', '/people/abs/']) {
					const position = { line: firstLinks, character: aLines[firstLinks].indexOf(needle) + 3 };
					await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('people/a.md') }, position }) as Hover | null;
					await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf('people/a.md') }, position }) as Location[];
				}
				await client.waitUntilIndexed();
				// Watched-file events for the links out, as an editor sends them when the targets change.
				await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
					changes: ['people/evil.md', 'leak/page.md', 'leak/other.md', 'people/abs.md', 'places/out/secret.md', 'people/loop/b.md'].map(relative => ({ uri: uriOf(relative), type: 2 })),
				});
				// An editor opening and closing a link out: closing reads the disk again.
				await client.open(uriOf('people/evil.md'), 'editor text');
				await client.close(uriOf('people/evil.md'));
				await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf('people/a.md') } });
				await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf('people/a.md') }, position: { line: firstLinks, character: 0 } });
				await client.connection.sendRequest('workspace/symbol', { query: 'secret' });
				await client.connection.sendRequest('entityVault/checkVault');
				const diagnostics = await client.diagnosticsOf(uriOf('people/a.md'), d => d.filter(x => x.code === 'link-outside-vault').length >= corpus.length);
				const outsideLinks = diagnostics.filter(d => d.code === 'link-outside-vault').length;
				recordFigure({ area: 'Security', test: 'Real server: hostile links reported over LSP', inputs: `${corpus.length} hostile links + 1 markdown path out, in one open page`, figure: 'hostile links not reported', value: Math.max(0, corpus.length + 1 - outsideLinks), expected: 0 });
				assert.ok(outsideLinks >= corpus.length + 1, `${outsideLinks} link-outside-vault diagnostics`);
				const symbols = await client.connection.sendRequest('workspace/symbol', { query: 'outside' }) as { name: string }[];
				assert.deepStrictEqual(symbols.filter(s => /Outside|Secret/.test(s.name)), [], 'no page outside the vault is indexed');
				assert.strictEqual(client.exited, null);
			} finally {
				await client.shutdown();
			}
			const accesses = readSpyLog(spyLog);
			assert.ok(accesses.some(access => access.path.startsWith(vault)), 'the spy recorded the server reading the vault');
			const outside = accessesOutside(accesses, vault, runtimeDirectories());
			const threads = new Set(accesses.filter(access => access.path.startsWith(vault)).map(access => access.thread));
			assert.ok(threads.size >= 2, 'the index workers were spied on too');
			recordFigure({ area: 'Security', test: 'Real server reads nothing outside the vault root (fs spy)', inputs: `${accesses.length} file system calls recorded in ${threads.size} threads (indexing workers included): indexing 400+ pages, requests sent right after initialize, watched-file events and a close on 5 links out (file, folder, absolute path, loop, folder out)`, figure: 'accesses outside the root', value: outside.length, expected: 0 });
			assert.deepStrictEqual(outside.map(access => `${access.operation} ${access.path}`), []);
			const evaluated = fs.existsSync(sentinelFile) ? 1 : 0;
			recordFigure({ area: 'Security', test: 'Real server never evaluates JavaScript frontmatter', inputs: '4 pages with `---js` spellings on line 1 and a second block in the body', figure: 'evaluations (sentinel file written)', value: evaluated, expected: 0 });
			assert.strictEqual(evaluated, 0);
		});

		it('`entity-vault check` over the same vault reads nothing outside it', () => {
			fs.rmSync(spyLog, { force: true });
			const result = runCheckWithEnv({ NODE_OPTIONS: preloadOptions(FS_SPY), EV_FS_SPY_LOG: spyLog }, [vault, '--format', 'json']);
			assert.ok(result.status === 0 || result.status === 1, `check exited ${result.status}: ${result.stderr}`);
			const report = JSON.parse(result.stdout) as { files: number; diagnostics: { file: string; code: string }[] };
			const outsideLinks = report.diagnostics.filter(d => d.file === 'people/a.md' && d.code === 'link-outside-vault').length;
			assert.ok(outsideLinks >= corpus.length + 1, `${outsideLinks} link-outside-vault diagnostics`);
			assert.ok(!report.diagnostics.some(d => /^(leak|places\/out)\//.test(d.file)), 'no page behind a link out is checked');
			const accesses = readSpyLog(spyLog);
			assert.ok(accesses.some(access => access.path.startsWith(vault)), 'the spy recorded check reading the vault');
			// check's own file of blobs (node/cli/spilledBlobs.ts): made new in a folder of its own under the temporary folder, removed at once; nothing of anyone else's.
			const ownBlobs = new RegExp(`^${os.tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/entity-vault-check-[^/]+/blobs$`);
			const spilled = accessesOutside(accesses, vault, runtimeDirectories()).filter(access => ownBlobs.test(access.path));
			assert.deepStrictEqual(spilled.map(access => access.operation), ['openSync'], 'the file of blobs opened once, by check itself');
			const outside = accessesOutside(accesses, vault, runtimeDirectories()).filter(access => !spilled.includes(access));
			recordFigure({ area: 'Security', test: '`check` reads nothing outside the vault root (fs spy)', inputs: `${accesses.length} file system calls recorded over ${report.files} pages`, figure: 'accesses outside the root', value: outside.length, expected: 0 });
			assert.deepStrictEqual(outside.map(access => `${access.operation} ${access.path}`), []);
			assert.strictEqual(fs.existsSync(sentinelFile), false, 'JavaScript frontmatter was evaluated by check');
		});
	});
});
