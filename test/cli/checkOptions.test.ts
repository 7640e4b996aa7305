import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { fixturesRoot, repoRoot, temporaryVault } from '../support/paths';
import { subcommandHelp } from '../../server/src/node/cli/main';
import { packageVersion } from '../../server/src/node/packageInfo';

describe('entity-vault command line: help, version and usage errors from the option table', () => {
	const broken = path.join(fixturesRoot, 'vaults', 'broken');

	it('prints check --help (and -h, help check) from the table of options, exit 0', () => {
		const help = runCli('check', '--help');
		assert.strictEqual(help.status, 0, help.stderr);
		assert.strictEqual(help.stderr, '');
		assert.match(help.stdout, /^Usage: entity-vault check \[DIR\] \[--format text\|json\|github\|sarif\|html\]/);
		for (const option of ['--format', '--exclude GLOB', '--severity CODE=LEVEL', '--required-fields A,B', '--mention-min-length N', '--mention-ignore A,B', '--link-style', '--config FILE', '--cache-dir DIR', '--vault', '--wanted', '--fix', '-h, --help', '--version']) {
			assert.match(help.stdout, new RegExp(`^ {2}${option.replace(/[|]/g, '\\|')}`, 'm'), option);
		}
		assert.ok(help.stdout.split('\n').every(line => line.length <= 80), 'no line over 80 columns');
		assert.strictEqual(runCli('check', '-h').stdout, help.stdout);
		assert.strictEqual(runCli('help', 'check').stdout, help.stdout);
		assert.strictEqual(runCli('check', broken, '--format', 'json', '--help').stdout, help.stdout, '--help wins over the rest');
	});

	it('prints the commands with --help, and the version with --version, exit 0; no command is a usage error', () => {
		const help = runCli('--help');
		assert.strictEqual(help.status, 0);
		assert.match(help.stdout, /^ {2}check {2}/m);
		for (const args of [['--version'], ['check', '--version']]) {
			const version = runCli(...args);
			assert.strictEqual(version.status, 0);
			assert.strictEqual(version.stdout, `${packageVersion}\n`);
		}
		const none = runCli();
		assert.strictEqual(none.status, 2);
		assert.match(none.stderr, /Usage: entity-vault COMMAND/);
	});

	it('exits 2 naming the option for every kind of usage error, stdout empty', () => {
		const cases: [string[], RegExp][] = [
			[['check', broken, '--bogus'], /unknown option `--bogus`/],
			[['check', broken, '-x'], /unknown option `-x`/],
			[['check', broken, '--format'], /--format needs a value/],
			[['check', broken, '--format', '--vault'], /--format needs a value/],
			[['check', broken, '--format', 'xml'], /--format must be text, json, github, sarif or html, not `xml`/],
			[['check', broken, '--link-style=sideways'], /--link-style must be auto, absolute, relative or any, not `sideways`/],
			[['check', broken, '--vault=yes'], /--vault takes no value/],
			[['check', broken, '--fix=1'], /--fix takes no value/],
			[['check', broken, broken], /too many arguments/],
			[['check', broken, '--severity', 'broken-link'], /--severity takes CODE=LEVEL, not `broken-link`/],
			[['check', broken, '--mention-min-length', 'x'], /--mention-min-length takes a whole number/],
			[['check', broken, '--wanted', '--format', 'sarif'], /--wanted prints text or json, not `sarif`/],
			[['check', '/no/such/folder'], /no such folder: \/no\/such\/folder/],
			[['frobnicate'], /unknown command `frobnicate`/],
		];
		for (const [args, message] of cases) {
			const result = runCli(...args);
			assert.strictEqual(result.status, 2, args.join(' '));
			assert.match(result.stderr, message, args.join(' '));
			assert.strictEqual(result.stdout, '', args.join(' '));
		}
		assert.match(runCli('check', broken, '--bogus').stderr, /Run `entity-vault check --help` for its options/);
	});

	it('takes a folder after --, and the last of a value given twice', () => {
		const result = runCli('check', '--format', 'text', '--format=json', '--', broken);
		assert.strictEqual(result.status, 1);
		assert.strictEqual((JSON.parse(result.stdout) as { root: string }).root, broken);
	});

	it('--exclude takes picomatch globs: braces, classes, and ! including again', () => {
		const vault = temporaryVault('ev-exclude-', {
			'people/ada.md': '# Ada\n\n[x](/nope/a/)\n',
			'people/bob.md': '# Bob\n\n[x](/nope/b/)\n',
			'drafts/keep.md': '# Keep\n\n[x](/nope/c/)\n',
			'drafts/old.md': '# Old\n\n[x](/nope/d/)\n',
		});
		try {
			const files = (...args: string[]) => (JSON.parse(runCli('check', vault, '--format', 'json', ...args).stdout) as { diagnostics: { file: string }[] }).diagnostics.map(d => d.file);
			assert.deepStrictEqual(files(), ['drafts/keep.md', 'drafts/old.md', 'people/ada.md', 'people/bob.md']);
			assert.deepStrictEqual(files('--exclude', 'people/{ada,bob}.md', '--exclude', 'drafts', '--exclude', '!drafts/keep.md'), ['drafts/keep.md']);
			assert.deepStrictEqual(files('--exclude', '*/[a-k]*.md'), ['drafts/old.md']);
		} finally {
			fs.rmSync(vault, { recursive: true, force: true });
		}
	});

	it('--link-style sets the spelling the non-canonical-link hint asks for; README.md never gets it', () => {
		const vault = temporaryVault('ev-link-style-', {
			'README.md': '# Repo\n\nSee [Ada](people/ada.md).\n',
			'people/ada.md': '# Ada\n\n[Bob](/people/bob/) [Bob](../bob/) [Bob](bob.md)\n',
			'people/bob.md': '# Bob\n',
		});
		try {
			const hints = (...args: string[]) => (JSON.parse(runCli('check', vault, '--format', 'json', ...args).stdout) as { diagnostics: { file: string; code: string; message: string }[] }).diagnostics
				.filter(d => d.code === 'non-canonical-link').map(d => `${d.file} ${d.message.split('"')[1]} → ${d.message.split('"')[3]}`);
			assert.deepStrictEqual(hints(), ['people/ada.md /people/bob/ → ../bob/'], 'auto: 2 relative links, 1 absolute (README.md not counted)');
			assert.deepStrictEqual(hints('--link-style', 'absolute'), ['people/ada.md ../bob/ → /people/bob/', 'people/ada.md bob.md → /people/bob/']);
			assert.deepStrictEqual(hints('--link-style=any'), []);
			fs.writeFileSync(path.join(vault, '.entity-vault.json'), '{ "linkStyle": "relative" } // wins over the flag\n');
			assert.deepStrictEqual(hints('--link-style', 'absolute'), ['people/ada.md /people/bob/ → ../bob/'], 'the configuration file wins over --link-style');
		} finally {
			fs.rmSync(vault, { recursive: true, force: true });
		}
	});

	it('the README quotes check --help as printed', () => {
		const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
		assert.ok(readme.includes('```text\n$ npx entity-vault check --help\n' + subcommandHelp('check') + '```\n'), 'README.md: paste the output of `node bin/entity-vault.js check --help` into its CLI section');
	});
});
