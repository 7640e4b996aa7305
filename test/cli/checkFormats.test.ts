import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { runCli } from '../support/checkCommand';
import { fixturesRoot, repoRoot, temporaryVault } from '../support/paths';
import { escapeData, escapeProperty } from '../../server/src/node/cli/githubFormat';
import { DIAGNOSTIC_CODES } from '../../server/src/service/vault/settings';

type Json = Record<string, unknown>;

/**
 * The required properties of the SARIF 2.1.0 schema (OASIS,
 * sarif-schema-2.1.0.json) for the objects `check` writes, and the values
 * its enums allow.
 */
const SARIF_REQUIRED: Record<string, string[]> = {
	sarifLog: ['version', 'runs'],
	run: ['tool'],
	tool: ['driver'],
	toolComponent: ['name'],
	reportingDescriptor: ['id'],
	multiformatMessageString: ['text'],
	result: ['message'],
};
const SARIF_LEVELS = ['none', 'note', 'warning', 'error'];

function assertRequired(object: unknown, definition: string): asserts object is Json {
	assert.ok(typeof object === 'object' && object !== null && !Array.isArray(object), `${definition} is an object`);
	for (const property of SARIF_REQUIRED[definition]) {
		assert.ok(property in (object as Json), `${definition} has ${property}`);
	}
}

describe('entity-vault check --format github and --format sarif', () => {
	const broken = path.join(fixturesRoot, 'vaults', 'broken');
	const json = JSON.parse(runCli('check', broken, '--format', 'json').stdout) as { diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] };

	it('writes one workflow command per problem, files from the current folder, severity as error, warning or notice, same exit status', () => {
		const result = runCli('check', broken, '--format', 'github');
		assert.strictEqual(result.status, 1);
		const lines = result.stdout.trimEnd().split('\n');
		assert.strictEqual(lines.length, json.diagnostics.length);
		const command = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.*)$/;
		lines.forEach((line, i) => {
			const match = command.exec(line);
			assert.ok(match, line);
			const problem = json.diagnostics[i];
			const level = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[problem.severity];
			assert.deepStrictEqual(match.slice(1), [level, `test/fixtures/vaults/broken/${problem.file}`, ...[problem.line, problem.column, problem.endLine, problem.endColumn].map(String), problem.code, problem.message]);
		});
		assert.ok(lines.includes('::notice file=test/fixtures/vaults/broken/people/ada.md,line=13,col=72,endLine=13,endColumn=94,title=non-canonical-link::Link "/people/bob#early-life" is better written as "/people/bob/#early-life", the URL the page is published at.'));
	});

	it('escapes %, CR and LF in messages, and : and , too in properties, as the workflow command spec says', () => {
		assert.strictEqual(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
		assert.strictEqual(escapeProperty('dir:a,b/100%\n.md'), 'dir%3Aa%2Cb/100%25%0A.md');
		const vault = temporaryVault('ev-github-', { 'a, b: 100%/x.md': '# X\n\n[y](/nope/)\n' });
		try {
			const result = runCli('check', vault, '--format', 'github');
			const line = result.stdout.trimEnd();
			assert.match(line, /^::error file=[^,:]*a%2C b%3A 100%25\/x\.md,line=3,col=5,endLine=3,endColumn=\d+,title=broken-link::No page at /);
		} finally {
			fs.rmSync(vault, { recursive: true, force: true });
		}
	});

	it('writes a SARIF 2.1.0 log with the schema\'s required properties, a rule for every code and 1-based regions relative to the vault root', () => {
		const result = runCli('check', broken, '--format', 'sarif');
		assert.strictEqual(result.status, 1);
		const log = JSON.parse(result.stdout) as unknown;
		assertRequired(log, 'sarifLog');
		assert.strictEqual(log.version, '2.1.0');
		const runs = log.runs as unknown[];
		assert.strictEqual(runs.length, 1);
		const run = runs[0];
		assertRequired(run, 'run');
		assertRequired(run.tool, 'tool');
		const driver = run.tool.driver;
		assertRequired(driver, 'toolComponent');
		assert.strictEqual(driver.name, 'entity-vault');
		const rules = driver.rules as unknown[];
		assert.deepStrictEqual(rules.map(rule => (rule as Json).id), [...DIAGNOSTIC_CODES]);
		for (const rule of rules) {
			assertRequired(rule, 'reportingDescriptor');
			assertRequired(rule.shortDescription, 'multiformatMessageString');
			assert.ok(SARIF_LEVELS.includes((rule.defaultConfiguration as Json).level as string));
		}
		const bases = run.originalUriBaseIds as Record<string, { uri: string }>;
		assert.strictEqual(fileURLToPath(bases.VAULT_ROOT.uri), broken + path.sep, 'an absolute file URI ending in /');
		const results = run.results as unknown[];
		assert.strictEqual(results.length, json.diagnostics.length);
		results.forEach((result, i) => {
			assertRequired(result, 'result');
			const problem = json.diagnostics[i];
			assert.strictEqual(result.ruleId, problem.code);
			assert.strictEqual(rules[result.ruleIndex as number], rules.find(rule => (rule as Json).id === problem.code));
			assert.strictEqual(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[problem.severity]);
			assert.deepStrictEqual(result.message, { text: problem.message });
			const locations = result.locations as { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Json } }[];
			assert.strictEqual(locations.length, 1);
			const { artifactLocation, region } = locations[0].physicalLocation;
			assert.deepStrictEqual(artifactLocation, { uri: problem.file, uriBaseId: 'VAULT_ROOT' });
			assert.ok(fs.existsSync(fileURLToPath(new URL(artifactLocation.uri, bases.VAULT_ROOT.uri))));
			assert.deepStrictEqual(region, { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn });
			assert.ok(problem.line >= 1 && problem.column >= 1);
		});
	});

	it('writes an empty result list (exit 0) for a vault without problems', () => {
		const result = runCli('check', path.join(repoRoot, 'examples', 'vault'), '--format', 'sarif', '--severity', 'unlinked-mention=off');
		assert.strictEqual(result.status, 0);
		assert.deepStrictEqual((JSON.parse(result.stdout) as { runs: { results: unknown[] }[] }).runs[0].results, []);
		assert.strictEqual(runCli('check', path.join(repoRoot, 'examples', 'vault'), '--format', 'github', '--severity', 'unlinked-mention=off').stdout, '');
	});
});
