import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { fixturesRoot, temporaryVault } from '../support/paths';

/** Every file under `folder` (relative path → bytes), dot-files included. */
function snapshot(folder: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		const absolute = path.join(folder, entry);
		if (fs.statSync(absolute).isFile()) {
			files.set(entry.split(path.sep).join('/'), fs.readFileSync(absolute));
		}
	}
	return files;
}

/** The files whose bytes differ between two snapshots. */
function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
	return [...new Set([...before.keys(), ...after.keys()])].filter(file => !before.get(file)?.equals(after.get(file) ?? Buffer.alloc(0))).sort();
}

const FRONTMATTER = '---\r\ntitle: T\r\nsummary: S.\r\ncategory: C\r\ntags:\r\n- C\r\ncreated: 2026-01-01\r\nupdated: 2026-01-01\r\n---\r\n';

describe('entity-vault check --fix', () => {
	const folders: string[] = [];
	afterEach(() => {
		for (const folder of folders.splice(0)) {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	function copyOf(fixture: string): string {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-fix-'));
		fs.cpSync(path.join(fixturesRoot, 'vaults', fixture), folder, { recursive: true });
		folders.push(folder);
		return folder;
	}

	it('rewrites the non-canonical link of the broken fixture, says so, then reports what remains with its exit status', () => {
		const vault = copyOf('broken');
		const before = snapshot(vault);
		const result = runCli('check', vault, '--fix');
		assert.strictEqual(result.status, 1, result.stderr);
		const lines = result.stdout.split('\n');
		assert.deepStrictEqual(lines.slice(0, 2), ['Fixed 1 problem in 1 file:', '  people/ada.md: 1 link rewritten as published']);
		assert.doesNotMatch(result.stdout, /non-canonical-link/);
		assert.match(result.stdout, /^9 problems \(4 errors, 5 warnings\) in 4 pages\.$/m);
		assert.deepStrictEqual(changedFiles(before, snapshot(vault)), ['people/ada.md']);
		const ada = before.get('people/ada.md')!.toString('utf8');
		assert.strictEqual(fs.readFileSync(path.join(vault, 'people', 'ada.md'), 'utf8'), ada.replace('(/people/bob#early-life)', '(/people/bob/#early-life)'));
		const again = runCli('check', vault, '--fix');
		assert.strictEqual(again.stdout.split('\n')[0], 'Fixed 0 problems in 0 files.');
		assert.deepStrictEqual(changedFiles(before, snapshot(vault)), ['people/ada.md']);
	});

	it('keeps CRLF, a byte order mark and emoji, renumbers numbered footnotes, leaves named ones and every other file byte for byte, and is idempotent', () => {
		const vault = temporaryVault('ev-fix-crlf-', {
			'.entity-vault.json': '{}\n',
			'people/bob.md': `${FRONTMATTER}\r\n## Early life 🎉\r\n`,
			'people/ada.md': `\uFEFF${FRONTMATTER}\r\n🎉 Ada met [Bob](/people/bob) and [Bob again](../people/bob.md#early-life-) and [ref][b].[^2] Then [^1].\r\n\r\n[b]: </people/bob>\r\n\r\n[^1]: One 🎉.\r\n[^2]: Two.\r\n`,
			'people/cy.md': `${FRONTMATTER}\r\nCy[^note] and [Bob](/people/bob/).[^a]\r\n\r\n[^a]: A.\r\n[^note]: N.\r\n`,
			'places/london.md': `${FRONTMATTER}\nMixed [Bob](/people/bob)\n`,
			'notes.txt': 'not markdown [x](/people/bob)\n',
		});
		folders.push(vault);
		const before = snapshot(vault);
		const result = runCli('check', vault, '--fix');
		assert.strictEqual(result.status, 0, result.stdout + result.stderr);
		assert.deepStrictEqual(result.stdout.split('\n').slice(0, 3), [
			'Fixed 5 problems in 2 files:',
			'  people/ada.md: 3 links rewritten as published, footnotes renumbered',
			'  places/london.md: 1 link rewritten as published',
		]);
		assert.deepStrictEqual(changedFiles(before, snapshot(vault)), ['people/ada.md', 'places/london.md']);
		assert.strictEqual(fs.readFileSync(path.join(vault, 'people', 'ada.md'), 'utf8'),
			`\uFEFF${FRONTMATTER}\r\n🎉 Ada met [Bob](/people/bob/) and [Bob again](/people/bob/#early-life-) and [ref][b].[^1] Then [^2].\r\n\r\n[b]: </people/bob/>\r\n\r\n[^1]: Two.\r\n[^2]: One 🎉.\r\n`);
		assert.strictEqual(fs.readFileSync(path.join(vault, 'places', 'london.md'), 'utf8'), `${FRONTMATTER}\nMixed [Bob](/people/bob/)\n`);
		const fixed = snapshot(vault);
		const again = runCli('check', vault, '--fix');
		assert.strictEqual(again.stdout.split('\n')[0], 'Fixed 0 problems in 0 files.');
		assert.deepStrictEqual(changedFiles(fixed, snapshot(vault)), []);
	});

	it('writes what it changed to stderr with a machine-read format, the report alone to stdout', () => {
		const vault = copyOf('broken');
		const result = runCli('check', vault, '--fix', '--format', 'json');
		assert.strictEqual(result.status, 1);
		assert.match(result.stderr, /^Fixed 1 problem in 1 file:\n {2}people\/ada\.md/);
		const report = JSON.parse(result.stdout) as { diagnostics: { code: string }[] };
		assert.strictEqual(report.diagnostics.length, 9);
	});

	it('changes nothing with --severity non-canonical-link=off, and refuses --fix with --wanted', () => {
		const vault = copyOf('broken');
		const before = snapshot(vault);
		const result = runCli('check', vault, '--fix', '--severity', 'non-canonical-link=off');
		assert.strictEqual(result.stdout.split('\n')[0], 'Fixed 0 problems in 0 files.');
		assert.deepStrictEqual(changedFiles(before, snapshot(vault)), []);
		const wanted = runCli('check', vault, '--fix', '--wanted');
		assert.strictEqual(wanted.status, 2);
		assert.match(wanted.stderr, /--wanted and --fix cannot be combined/);
		assert.deepStrictEqual(changedFiles(before, snapshot(vault)), []);
	});
});
