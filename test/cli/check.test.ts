import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { fixturesRoot, repoRoot } from '../support/paths';


describe('entity-vault check', () => {
	const broken = path.join(fixturesRoot, 'vaults', 'broken');

	it('reports every problem of a broken vault as FILE:LINE:COL lines and exits 1', () => {
		const result = runCli('check', broken);
		assert.strictEqual(result.status, 1, result.stderr);
		assert.strictEqual(result.stdout, [
			"organizations/bureau.md:1:1 warning frontmatter-missing Page has no frontmatter; pages in organizations/ need summary, category, tags, created, updated.",
			"organizations/bureau.md:1:41 error link-outside-vault Link \"../../outside.md\" leaves the vault: the path climbs above the vault root. Nothing outside the vault root is read.",
			"people/ada.md:12:52 error broken-link No page at /places/paris/.",
			"people/ada.md:13:30 warning broken-anchor No heading #history in /organizations/bureau/. Headings: #origins.",
			"people/ada.md:13:72 hint non-canonical-link Link \"/people/bob#early-life\" is better written as \"/people/bob/#early-life\", the URL the page is published at.",
			"people/ada.md:13:96 error missing-footnote Footnote [^2] is used but never defined: add a line \"[^2]: …\".",
			"people/ada.md:16:1 warning unused-footnote Footnote [^3] is defined but never used.",
			"people/bob.md:1:1 error frontmatter-syntax JavaScript frontmatter (\"---js\") is never evaluated: Entity Vault reads YAML and TOML frontmatter only.",
			"places/london.md:5:10 warning frontmatter-field updated (2026-05-13) is before created (2026-05-14).",
			"places/london.md:7:7 warning frontmatter-field Frontmatter field \"tags\" should be a list of names (\"- Name\" lines), not the text \"London\".",
			"10 problems (4 errors, 5 warnings, 1 hint) in 4 pages.",
			"",
		].join('\n'));
	});

	it('writes the JSON report with 1-based UTF-16 positions', () => {
		const result = runCli('check', broken, '--format', 'json');
		assert.strictEqual(result.status, 1);
		const report = JSON.parse(result.stdout) as { root: string; files: number; diagnostics: Record<string, unknown>[] };
		assert.strictEqual(report.root, broken);
		assert.strictEqual(report.files, 4);
		assert.deepStrictEqual((report as { vault?: unknown }).vault, { isVault: true, reason: 'frontmatter on 3 of 4 pages in sections' });
		assert.strictEqual(report.diagnostics.length, 10);
		assert.deepStrictEqual(report.diagnostics.find(d => d.code === 'broken-link'), {
			file: 'people/ada.md', line: 12, column: 52, endLine: 12, endColumn: 66, severity: 'error', code: 'broken-link',
			message: 'No page at /places/paris/.',
		});
	});

	it('passes the example vault and exits 0, with hints on names written without a link (the seed page is titled MI6 from its summary: no title-spelling hint)', () => {
		const result = runCli('check', path.join(repoRoot, 'examples', 'vault'));
		assert.strictEqual(result.status, 0, result.stdout);
		assert.strictEqual(result.stdout, [
			'organizations/mossad.md:25:406 hint unlinked-mention "the Shah" names /people/mohammad-reza-pahlavi/ (Mohammad Reza Pahlavi) but is not linked.',
			'people/robert-maxwell.md:21:191 hint unlinked-mention "Britain" names /places/united-kingdom/ (United Kingdom) but is not linked.',
			'people/robert-maxwell.md:25:417 hint unlinked-mention "Britain" names /places/united-kingdom/ (United Kingdom) but is not linked.',
			'places/afghanistan.md:17:72 hint unlinked-mention "Iran" names /places/iran/ (Iran) but is not linked.',
			'places/iran.md:21:301 hint unlinked-mention "Britain" names /places/united-kingdom/ (United Kingdom) but is not linked.',
			'places/iran.md:25:144 hint unlinked-mention "Britain" names /places/united-kingdom/ (United Kingdom) but is not linked.',
			'places/israel.md:27:263 hint unlinked-mention "the Shah" names /people/mohammad-reza-pahlavi/ (Mohammad Reza Pahlavi) but is not linked.',
			'programs/ukusa-agreement.md:22:137 hint unlinked-mention "London" names /places/london/ (London) but is not linked.',
			'8 problems (0 errors, 0 warnings, 8 hints) in 22 pages.',
			'',
		].join('\n'));
	});

	it('takes --mention-ignore and --mention-min-length', () => {
		const vault = path.join(repoRoot, 'examples', 'vault');
		const ignoring = runCli('check', vault, '--mention-ignore', 'Britain,the shah', '--mention-ignore=London');
		assert.strictEqual(ignoring.status, 0, ignoring.stdout);
		assert.deepStrictEqual(ignoring.stdout.split('\n').filter(line => line.includes('unlinked-mention')).map(line => line.split(' ')[3]), ['"Iran"']);
		const long = runCli('check', vault, '--mention-min-length', '7');
		assert.deepStrictEqual(long.stdout.split('\n').filter(line => line.includes('unlinked-mention')).map(line => line.split(' ')[3]), ['"the', '"Britain"', '"Britain"', '"Britain"', '"Britain"', '"the']);
		assert.strictEqual(runCli('check', vault, '--mention-min-length', '0').status, 2);
	});

	it('leaves unlinked mentions out with --severity unlinked-mention=off', () => {
		const result = runCli('check', path.join(repoRoot, 'examples', 'vault'), '--severity', 'unlinked-mention=off');
		assert.strictEqual(result.status, 0, result.stdout);
		assert.doesNotMatch(result.stdout, /unlinked-mention/);
		assert.strictEqual(result.stdout, 'No problems in 22 pages.\n');
	});

	it('uses a content/ folder as the root (Hugo layout)', () => {
		const result = runCli('check', path.join(fixturesRoot, 'vaults', 'hugo'), '--format=json');
		const report = JSON.parse(result.stdout) as { root: string; diagnostics: { file: string; code: string }[] };
		assert.strictEqual(report.root, path.join(fixturesRoot, 'vaults', 'hugo', 'content'));
		assert.deepStrictEqual(report.diagnostics.map(d => `${d.file} ${d.code}`), ['people/x.md broken-link']);
		assert.strictEqual(result.status, 1);
	});

	it('applies severities and exits 0 when no error remains', () => {
		const result = runCli('check', broken, '--severity', 'broken-link=warning', '--severity', 'missing-footnote=off', '--severity=link-outside-vault=hint', '--severity', 'frontmatter-syntax=warning');
		assert.strictEqual(result.status, 0, result.stdout);
		assert.doesNotMatch(result.stdout, /missing-footnote/);
	});

	it('exits 2 with a clear message on bad usage', () => {
		for (const args of [['check', '/no/such/folder'], ['check', broken, '--format', 'xml'], ['check', broken, '--bogus'], ['frobnicate'], ['check', broken, '--format']]) {
			const result = runCli(...args);
			assert.strictEqual(result.status, 2, args.join(' '));
			assert.match(result.stderr, /entity-vault/);
			assert.strictEqual(result.stdout, '');
		}
		assert.match(runCli('check', '/no/such/folder').stderr, /no such folder: \/no\/such\/folder/);
		assert.match(runCli('check', broken, '--bogus').stderr, /unknown option `--bogus`/);
	});

	it('checks examples/vault through npm run check by default', () => {
		const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'check.js'), '--format', 'json'], { encoding: 'utf8', cwd: repoRoot });
		assert.strictEqual(result.status, 0);
		assert.strictEqual((JSON.parse(result.stdout) as { root: string }).root, path.join(repoRoot, 'examples', 'vault'));
	});

	describe('on a plain markdown folder', () => {
		let repo: string;
		beforeEach(() => {
			repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-check-plain-'));
			fs.writeFileSync(path.join(repo, 'README.md'), '# Project\n\nSee [the docs](/docs/a/).\n');
			fs.writeFileSync(path.join(repo, 'CHANGELOG.md'), '# Changelog\n');
			fs.mkdirSync(path.join(repo, 'docs'));
			fs.writeFileSync(path.join(repo, 'docs', 'a.md'), '# A\n\nSee [B](/docs/b/) and [nothing](/docs/nope/).\n');
			fs.writeFileSync(path.join(repo, 'docs', 'b.md'), '# B\n');
		});
		afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

		const brokenLink = 'docs/a.md:3:33 error broken-link No page at /docs/nope/.';

		it('checks links but not frontmatter, says it is not a vault, and counts root files apart', () => {
			const result = runCli('check', repo);
			assert.strictEqual(result.status, 1, result.stderr);
			assert.strictEqual(result.stdout, [
				brokenLink,
				'Not a vault (frontmatter on 0 of 2 pages in sections): frontmatter is not checked. Add .entity-vault.json or pass --vault to check it as a vault.',
				'1 problem (1 error, 0 warnings) in 2 pages and 2 other markdown files.',
				'',
			].join('\n'));
			const report = JSON.parse(runCli('check', repo, '--format', 'json').stdout) as { files: number; pages: number; vault: unknown };
			assert.deepStrictEqual([report.files, report.pages, report.vault], [4, 2, { isVault: false, reason: 'frontmatter on 0 of 2 pages in sections' }]);
		});

		it('checks it as a vault with the marker file or --vault', () => {
			const vaultLines = (): string[] => [
				'docs/a.md:1:1 warning frontmatter-missing Page has no frontmatter; pages in docs/ need summary, category, tags, created, updated.',
				brokenLink,
				'docs/b.md:1:1 warning frontmatter-missing Page has no frontmatter; pages in docs/ need summary, category, tags, created, updated.',
				'3 problems (1 error, 2 warnings) in 2 pages and 2 other markdown files.',
				'',
			];
			assert.strictEqual(runCli('check', repo, '--vault').stdout, vaultLines().join('\n'));
			assert.strictEqual(runCli('check', repo, '--vault=yes').status, 2);
			fs.writeFileSync(path.join(repo, '.entity-vault.json'), '{}\n');
			assert.strictEqual(runCli('check', repo).stdout, vaultLines().join('\n'));
			assert.deepStrictEqual((JSON.parse(runCli('check', repo, '--format=json').stdout) as { vault: unknown }).vault, { isVault: true, reason: 'marker file .entity-vault.json' });
		});
	});
});
