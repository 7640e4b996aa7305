import * as assert from 'assert';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { fixturesRoot, repoRoot } from '../support/paths';

const wantedVault = path.join(fixturesRoot, 'vaults', 'wanted');

describe('entity-vault check --wanted', () => {
	it('lists the wanted pages, most linked first, with their most common link text, and exits 0', () => {
		const result = runCli('check', wantedVault, '--wanted');
		assert.strictEqual(result.status, 0, result.stderr);
		assert.strictEqual(result.stdout, [
			'/people/sami/ linked from 3 pages as "Sami" (people/sami.md)',
			'/places/paris/ linked from 2 pages as "Paris" (places/paris.md)',
			'/organizations/bureau/ linked from 1 page as "the Bureau" (organizations/bureau.md)',
			'3 wanted pages in 3 pages.',
			'',
		].join('\n'));
	});

	it('writes them as JSON with --format json', () => {
		const result = runCli('check', '--wanted', wantedVault, '--format', 'json');
		assert.strictEqual(result.status, 0, result.stderr);
		assert.deepStrictEqual(JSON.parse(result.stdout), {
			root: wantedVault,
			files: 3,
			pages: 3,
			wanted: [
				{ url: '/people/sami/', path: 'people/sami.md', linkers: 3, text: 'Sami', title: 'Sami' },
				{ url: '/places/paris/', path: 'places/paris.md', linkers: 2, text: 'Paris', title: 'Paris' },
				{ url: '/organizations/bureau/', path: 'organizations/bureau.md', linkers: 1, text: 'the Bureau', title: 'Bureau' },
			],
		});
	});

	it('says so when every link has its page', () => {
		const result = runCli('check', path.join(repoRoot, 'examples', 'vault'), '--wanted');
		assert.strictEqual(result.status, 0);
		assert.strictEqual(result.stdout, 'No wanted pages: every link of the 22 pages has its page.\n');
	});

	it('takes no value', () => {
		const result = runCli('check', wantedVault, '--wanted=yes');
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /--wanted takes no value/);
	});
});
