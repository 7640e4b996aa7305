import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { BacklinksResult, OverviewResult } from '../../server/src/protocol';
import { rangeOfText } from '../support/cursor';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

const IRAN = '---\r\ntitle: Iran\r\naliases: [Persia]\r\n---\r\n\r\nA country 🙂.\r\n';
const ADA = '---\ntitle: Ada\n---\nAda 🙂 flew to [Iran](/places/iran/) in 1979[^1]. She stayed.\n\n[^1]: A source.\n';
const BOB = '---\ntitle: Bob\n---\nBob went to Persia once. He met [Ada](/people/ada/) and [Sami](/people/sami/).\n';
const PAGES: Record<string, string> = {
	'places/iran.md': IRAN,
	'people/ada.md': ADA,
	'people/bob.md': BOB,
	'events/raid.md': '---\ntitle: Raid\n---\nThe raid on [Iran](../places/iran.md), with [Sami](/people/sami/) and [Kim](/people/kim/)[^x].\n',
};

describe('the Backlinks and Vault Overview requests over JSON-RPC', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string) => URI.file(path.join(dir, relative)).toString();

	beforeEach(async () => {
		dir = temporaryVault('ev-panels-', PAGES);
		client = await LspTestClient.indexedOn(dir);
	});

	afterEach(async () => {
		await client.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const backlinks = (relative: string) => client.connection.sendRequest('entityVault/backlinks', { uri: uriOf(relative) }) as Promise<BacklinksResult | null>;
	const overview = (limit?: number) => client.connection.sendRequest('entityVault/overview', limit === undefined ? {} : { limit }) as Promise<OverviewResult>;

	it('lists the pages linking to a page by section with each link\'s sentence and range, and its unlinked mentions', async () => {
		const result = (await backlinks('places/iran.md'))!;
		assert.strictEqual(result.title, 'Iran');
		assert.strictEqual(result.linkedTotal, 2);
		assert.deepStrictEqual(result.linked.map(page => [page.section, page.title, page.uri]), [['events', 'Raid', uriOf('events/raid.md')], ['people', 'Ada', uriOf('people/ada.md')]]);
		const [snippet] = result.linked[1].snippets;
		assert.strictEqual(snippet.sentence, 'Ada 🙂 flew to Iran in 1979.');
		assert.strictEqual(snippet.sentence.slice(snippet.highlight[0], snippet.highlight[1]), 'Iran');
		assert.deepStrictEqual(snippet.range, rangeOfText(ADA, '[Iran](/places/iran/)'));
		assert.strictEqual(result.mentionsComplete, true);
		assert.deepStrictEqual(result.mentions.map(page => [page.uri, page.snippets.map(mention => mention.sentence)]), [[uriOf('people/bob.md'), ['Bob went to Persia once.']]]);
		assert.deepStrictEqual(result.mentions[0].snippets[0].range, rangeOfText(BOB, 'Persia'));
	});

	it('reads an open page as the editor has it, and answers null for what is no page', async () => {
		const changed = BOB.replace('went to Persia once', 'flew to [Persia](/places/iran/) twice');
		await client.open(uriOf('people/bob.md'), changed);
		const result = (await backlinks('places/iran.md'))!;
		assert.deepStrictEqual(result.linked.map(page => page.title), ['Raid', 'Ada', 'Bob']);
		assert.strictEqual(result.linked[2].snippets[0].sentence, 'Bob flew to Persia twice.');
		assert.deepStrictEqual(result.mentions, []);
		assert.strictEqual(await backlinks('places/nowhere.md'), null);
		assert.strictEqual(await client.connection.sendRequest('entityVault/backlinks', { uri: 'untitled:1' }), null);
	});

	it('gives the vault overview: sections, most linked, orphans, unsourced and wanted pages, problems by code', async () => {
		const { vaults } = await overview();
		assert.strictEqual(vaults.length, 1);
		const vault = vaults[0];
		assert.strictEqual(vault.pages, 4);
		assert.deepStrictEqual(vault.sections, [{ section: 'events', pages: 1 }, { section: 'people', pages: 2 }, { section: 'places', pages: 1 }]);
		assert.deepStrictEqual(vault.mostLinked.map(page => [page.title, page.linkers]), [['Iran', 2], ['Ada', 1]]);
		assert.deepStrictEqual(vault.orphans.map(page => page.uri), [uriOf('events/raid.md'), uriOf('people/bob.md')]);
		assert.strictEqual(vault.orphanCount, 2);
		assert.deepStrictEqual(vault.unsourced.map(page => page.title), ['Bob', 'Iran']);
		assert.deepStrictEqual(vault.wanted.map(page => [page.url, page.linkers, page.text]), [['/people/sami/', 2, 'Sami'], ['/people/kim/', 1, 'Kim']]);
		assert.strictEqual(vault.wantedCount, 2);
		const problems = Object.fromEntries(vault.problems.map(problem => [problem.code, problem.count]));
		assert.deepStrictEqual(problems, { 'broken-link': 3, 'missing-footnote': 1, 'non-canonical-link': 1 });
		const broken = vault.problems.find(problem => problem.code === 'broken-link')!;
		assert.strictEqual(broken.severity, 1);
		assert.deepStrictEqual(broken.pages.map(page => [page.title, page.count]), [['Raid', 2], ['Bob', 1]]);
		assert.deepStrictEqual(broken.pages[1].range, rangeOfText(BOB, '/people/sami/'));
	});

	it('cuts the lists at the limit asked for', async () => {
		const [vault] = (await overview(1)).vaults;
		assert.deepStrictEqual([vault.orphans.length, vault.unsourced.length, vault.wanted.length, vault.orphanCount, vault.unsourcedCount], [1, 1, 1, 2, 2]);
	});
});
