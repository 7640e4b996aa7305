import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkVault, withIndexedVault, type CheckOptions } from '../../server/src/node/cli/checkCommand';
import { fixturesRoot, repoRoot, temporaryVault } from '../support/paths';
import { suggestionVaultFiles } from '../support/suggestionVault';

/**
 * `check` finds the unlinked mentions on worker threads (checkWorkerPool.ts)
 * while the main thread computes the rest: its report must be the one the
 * editor's path gives page by page (`diagnosticsReadingText`, the mention
 * table of the index searching each page's text), with any number of
 * workers (0: the main thread searches with the workers' code), in every
 * format, with the same exit status.
 */

const NAMES = ['Ada Lovelace', 'Charles Babbage', 'Grace Hopper', 'Alan Turing', 'Mary Somerville', 'John von Neumann', 'MI6', 'Bletchley Park', 'Secret Intelligence Service', 'Émilie du Châtelet'];

/** Many pages naming each other in prose, code, headings, links and footnotes, some with CRLF, a BOM or emoji: several batches for every worker. */
function mentionVault(): string {
	const files: Record<string, string> = { '.entity-vault.json': '{}\n' };
	const slug = (name: string): string => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	NAMES.forEach((name, i) => {
		files[`people/${slug(name)}.md`] = `---\ntitle: ${name}\n${i === 8 ? 'aliases: [SIS]\n' : ''}---\n\n${name} is one of the pages.\n`;
	});
	for (let n = 0; n < 300; n++) {
		const a = NAMES[n % NAMES.length];
		const b = NAMES[(n * 7 + 3) % NAMES.length];
		const c = NAMES[(n * 3 + 1) % NAMES.length];
		const eol = n % 5 === 0 ? '\r\n' : '\n';
		const lines = [
			'---', `title: Note ${n}`, '---', '',
			`# About ${a}`, '',
			`${n % 4 === 0 ? '🙂 ' : ''}${a} met ${b} at ${c} (see [${b}](/people/${slug(b)}/)).`,
			`\`${c}\` in code, and ${c.toUpperCase()} shouting, and ${c.toLowerCase()} lower.`,
			'', '```', `${a} in a block`, '```', '',
			`A footnote about ${b}.[^1]`, '', `[^1]: ${a} wrote it.`, '',
			`<abbr title="${b}">x</abbr> https://example.org/${a.replace(/ /g, '_')} ${n % 3 === 0 ? 'SIS and MI6' : 'Secret Intelligence Service'}.`,
		];
		files[`notes/note-${String(n).padStart(3, '0')}.md`] = (n % 7 === 0 ? '\ufeff' : '') + lines.join(eol) + eol;
	}
	return temporaryVault('ev-check-workers-', files);
}

interface Problem {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly code: string;
	readonly message: string;
	readonly severity: number | undefined;
}

/** Every page's diagnostics as the editor's path computes them (one thread, the index's mention table), in `check`'s order. */
async function referenceProblems(folder: string, options: CheckOptions = {}): Promise<Problem[]> {
	const { result } = await withIndexedVault(folder, options, vault => vault.allPaths().flatMap(file => vault.diagnosticsReadingText(file).map(d => ({
		file, line: d.range.start.line + 1, column: d.range.start.character + 1, code: d.code, message: d.message, severity: d.severity,
	}))));
	return result.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

const SEVERITIES: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

async function checkedProblems(folder: string, workers: number, options: CheckOptions = {}): Promise<Problem[]> {
	const before = process.env.ENTITY_VAULT_CHECK_WORKERS;
	process.env.ENTITY_VAULT_CHECK_WORKERS = String(workers);
	try {
		const report = await checkVault(folder, options);
		return report.diagnostics.map(d => ({ file: d.file, line: d.line, column: d.column, code: d.code, message: d.message, severity: SEVERITIES[d.severity] }));
	} finally {
		if (before === undefined) {
			delete process.env.ENTITY_VAULT_CHECK_WORKERS;
		} else {
			process.env.ENTITY_VAULT_CHECK_WORKERS = before;
		}
	}
}

function runCheck(workers: number, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault.js'), 'check', ...args], {
		encoding: 'utf8', cwd: repoRoot, env: { ...process.env, ENTITY_VAULT_CHECK_WORKERS: String(workers) }, maxBuffer: 1 << 28,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('entity-vault check: unlinked mentions found on worker threads', function () {
	this.timeout(120_000);
	let vault: string;
	before(() => {
		vault = mentionVault();
	});
	after(() => {
		fs.rmSync(vault, { recursive: true, force: true });
	});

	it('reports what the editor reports page by page, with 0, 1 and 2 workers, unlinked mentions included', async () => {
		const reference = await referenceProblems(vault);
		const mentions = reference.filter(problem => problem.code === 'unlinked-mention');
		assert.ok(mentions.length > 500, `many unlinked mentions (${mentions.length})`);
		assert.ok(mentions.some(problem => problem.file.startsWith('notes/note-000')), 'on a page with a BOM, CRLF and emoji too');
		for (const workers of [0, 1, 2]) {
			assert.deepStrictEqual(await checkedProblems(vault, workers), reference, `${workers} workers`);
		}
	});

	it('takes the mention settings as the editor does', async () => {
		const options: CheckOptions = { mentions: { minLength: 4, ignore: ['Grace Hopper', 'sis'] }, severity: { 'unlinked-mention': 'error' } };
		const reference = await referenceProblems(vault, options);
		assert.ok(!reference.some(problem => problem.message.startsWith('"Grace Hopper"')));
		assert.deepStrictEqual(await checkedProblems(vault, 2, options), reference);
	});

	it('suggests for broken links the closest pages the editor suggests, found on the workers batches ahead', async () => {
		const folder = temporaryVault('ev-check-suggestions-', suggestionVaultFiles(300));
		try {
			const reference = await referenceProblems(folder);
			const suggesting = reference.filter(problem => problem.code === 'broken-link' && problem.message.includes('did you mean'));
			assert.ok(suggesting.length > 1000, `many broken links with suggestions (${suggesting.length})`);
			for (const workers of [0, 1, 2]) {
				assert.deepStrictEqual(await checkedProblems(folder, workers), reference, `${workers} workers`);
			}
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	for (const fixture of ['vaults/broken', 'vaults/hugo', 'vaults/quickfixes', 'vaults/wanted', 'sites/hugo-shorthand', 'sites/hugodocs']) {
		it(`reports what the editor reports on ${fixture}`, async () => {
			const folder = path.join(fixturesRoot, ...fixture.split('/'));
			const reference = await referenceProblems(folder);
			assert.deepStrictEqual(await checkedProblems(folder, 2, {}), reference);
			assert.deepStrictEqual(await checkedProblems(folder, 0, {}), reference);
		});
	}

	it('prints the same in every format, with the same exit status, whatever the number of workers', () => {
		for (const format of ['text', 'json', 'github', 'sarif', 'html']) {
			const alone = runCheck(0, vault, '--format', format);
			assert.strictEqual(alone.status, 0, `${format}: no error-severity problem`);
			assert.ok(alone.stdout.includes('unlinked-mention'), format);
			for (const workers of [2]) {
				assert.deepStrictEqual(runCheck(workers, vault, '--format', format), alone, `${format}, ${workers} workers`);
			}
		}
		const errors = runCheck(0, vault, '--severity', 'unlinked-mention=error');
		assert.strictEqual(errors.status, 1);
		assert.deepStrictEqual(runCheck(2, vault, '--severity', 'unlinked-mention=error'), errors);
	});
});
