import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { checkVault, formatJson } from '../../server/src/node/cli/checkCommand';
import { main } from '../../server/src/node/cli/main';
import { ChunkedOutput, formatText } from '../../server/src/node/cli/streamedFormats';
import { fixturesRoot, repoRoot, temporaryVault } from '../support/paths';

/**
 * `check --format json` and `--format text` write each file's problems as
 * soon as they are known (streamedFormats.ts), never holding the report:
 * the bytes must be those of the whole report formatted at once
 * (`JSON.stringify(report, null, 2)` for json), in path order, with the same
 * exit status, and a large report must leave in several writes.
 */

/** `check FOLDER ARGS` in this process: its exit status and each write to stdout. */
async function checkWrites(folder: string, ...args: string[]): Promise<{ status: number; writes: string[] }> {
	const writes: string[] = [];
	const status = await main(['check', folder, ...args], { stdout: text => writes.push(text), stderr: () => undefined, isTerminal: false, cwd: repoRoot });
	return { status, writes };
}

/** Pages whose paths sort differently as strings and by locale, problems of several kinds on each (not computed in line order), a binary page, CRLF and emoji. */
function orderVault(pages: number): string {
	const files: Record<string, string> = { '.entity-vault.json': '{}\n' };
	for (let n = 0; n < pages; n++) {
		const eol = n % 3 === 0 ? '\r\n' : '\n';
		const name = [`Zeta ${n}`, `alpha ${n}`, `Émile ${n}`, `_under ${n}`, `b-${n}`][n % 5];
		const slug = name.toLowerCase().replace(/[^a-zé0-9]+/g, '-');
		const lines = ['---', `title: ${name}`, '---', '',
			`${n % 4 === 0 ? '🙂 ' : ''}Said[^9] before [nobody](/people/nobody-${n % 7}/) and [a footnote][^${n % 2}] and [x](/people/${slug}/#no-such).`,
			'', `[^1]: defined ${n}`, ''];
		files[`people/${slug}.md`] = lines.join(eol);
	}
	files['README.md'] = 'A [broken](/people/none/) link.\n';
	// Unreadable pages are listed after the others (`allPaths`): their place in the report is still the path's.
	files['people/aaa-binary.md'] = 'x\0y';
	files['notes/Upper.md'] = '---\ntitle: Upper\n---\n\n[x](/people/zeta-0/) [y](/people/zeta-00/)\n';
	return temporaryVault('ev-check-stream-', files);
}

describe('check streams its text and json reports', () => {
	const ordered = orderVault(60);
	const folders: [string, string][] = [
		...['broken', 'hugo', 'quickfixes', 'wanted'].map((name): [string, string] => [`fixture ${name}`, path.join(fixturesRoot, 'vaults', name)]),
		['the example vault', path.join(repoRoot, 'examples', 'vault')],
		['pages whose order is not the locale\'s', ordered],
		['a vault without problems', temporaryVault('ev-check-stream-clean-', { 'people/a.md': '---\ntitle: A\n---\n\nNothing wrong.\n' })],
	];
	for (const [name, folder] of folders) {
		it(`writes the bytes of the whole report on ${name}, with the same exit status`, async () => {
			const report = await checkVault(folder);
			const errors = report.diagnostics.some(problem => problem.severity === 'error');
			const json = await checkWrites(folder, '--format', 'json');
			assert.strictEqual(json.writes.join(''), formatJson(report));
			assert.strictEqual(json.status, errors ? 1 : 0);
			const text = await checkWrites(folder);
			assert.strictEqual(text.writes.join(''), formatText(report));
			assert.strictEqual(text.status, json.status);
		});
	}

	it('reports in path order (strings compared as strings), each file\'s problems by line and column, however the pages were indexed', async function () {
		this.timeout(60_000);
		// Enough pages for several batches of the index's workers, which come back in any order.
		const report = await checkVault(orderVault(400));
		const files = report.diagnostics.map(problem => problem.file);
		const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		assert.deepStrictEqual(files, sorted);
		assert.ok(new Set(files).size > 300, 'problems on most pages');
		assert.ok(files.indexOf('people/aaa-binary.md') < files.indexOf('people/alpha-1.md'));
		// Code units, not the locale: `é` after `z`, `R` before `_` and `n`.
		assert.ok(files.indexOf('README.md') < files.indexOf('notes/Upper.md') && files.indexOf('people/émile-2.md') > files.indexOf('people/zeta-0.md'));
		for (let i = 1; i < report.diagnostics.length; i++) {
			const [a, b] = [report.diagnostics[i - 1], report.diagnostics[i]];
			assert.ok(a.file !== b.file || a.line < b.line || (a.line === b.line && a.column <= b.column), `${b.file}:${b.line}:${b.column} after ${a.line}:${a.column}`);
		}
	});

	it('writes a large report in several pieces', async function () {
		this.timeout(60_000);
		const folder = orderVault(400);
		const { writes } = await checkWrites(folder, '--format', 'json');
		assert.ok(writes.length >= 3, `${writes.length} writes`);
		assert.ok(writes.slice(0, -1).every(piece => piece.length >= 1 << 16), 'every write but the last is a full chunk');
		assert.strictEqual(writes.join(''), formatJson(await checkVault(folder)));
	});

	it('asks for a smaller heap growth once indexed, before any problem is computed (the peak of a large vault\'s check)', async () => {
		const events: string[] = [];
		const status = await main(['check', path.join(fixturesRoot, 'vaults', 'broken'), '--format', 'json'], {
			stdout: text => events.push(`write ${text.includes('"diagnostics": [') ? 'problems' : 'other'}`), stderr: () => undefined, isTerminal: false, cwd: repoRoot,
			heapGrowth: percent => events.push(`heap growth ${percent}`),
		});
		assert.strictEqual(status, 1);
		assert.deepStrictEqual(events, ['heap growth 20', 'write problems'], 'set once, before the report (written at once: a small one)');
	});

	it('writes nothing more while its reader has not taken what was written (a pipe slower than check), and writes all of it', async function () {
		this.timeout(60_000);
		const folder = orderVault(400);
		for (const mentions of [[], ['--severity', 'unlinked-mention=off']]) {
			const writes: string[] = [];
			let waits = 0;
			let waiting = false;
			let writtenWhileWaiting = 0;
			const status = await main(['check', folder, '--format', 'json', ...mentions], {
				stdout: text => {
					writes.push(text);
					writtenWhileWaiting += waiting ? 1 : 0;
				},
				stderr: () => undefined, isTerminal: false, cwd: repoRoot,
				stdoutTaken: () => {
					waits++;
					waiting = true;
					return new Promise(resolve => setTimeout(() => {
						waiting = false;
						resolve();
					}, 1));
				},
			});
			assert.strictEqual(status, 1);
			// 402 files in batches of 16 pages: a wait after each.
			assert.strictEqual(waits, Math.ceil(402 / 16), `waits ${mentions.join(' ')}`);
			assert.strictEqual(writtenWhileWaiting, 0);
			assert.strictEqual(writes.join(''), formatJson(await checkVault(folder, mentions.length > 0 ? { severity: { 'unlinked-mention': 'off' } } : {})));
		}
	});

	it('stops quietly, status 0, when its reader stops reading (`check | head`), not with an unhandled EPIPE', async function () {
		this.timeout(60_000);
		const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault.js'), 'check', orderVault(400), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', chunk => { stderr += String(chunk); });
		// The first piece read, then the pipe closed: the pieces after it cannot be written.
		child.stdout.once('data', () => child.stdout.destroy());
		const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
		assert.strictEqual(stderr, '');
		assert.strictEqual(status, 0);
	});

	it('gathers pieces into chunks and writes what is left on flush', () => {
		const writes: string[] = [];
		const output = new ChunkedOutput(text => writes.push(text));
		output.add('a');
		output.add('b'.repeat(1 << 16));
		output.add('c');
		assert.deepStrictEqual(writes.map(piece => piece.length), [(1 << 16) + 1]);
		output.flush();
		output.flush();
		assert.deepStrictEqual(writes.map(piece => piece.length), [(1 << 16) + 1, 1]);
	});
});
