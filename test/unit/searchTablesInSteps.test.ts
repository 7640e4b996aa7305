import * as assert from 'assert';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { memoryVault, titled } from '../support/memoryVault';

/** Pages to name and to suggest, and a note that names two of them without a link and links to a page that does not exist. */
const PAGES: Record<string, string> = {
	'people/ada-lovelace.md': titled('Ada Lovelace', 'A page.\n'),
	'people/charles-babbage.md': titled('Charles Babbage', 'A page.\n'),
	'places/london.md': titled('London', 'A page.\n'),
};
const NOTE = 'notes/note.md';
const NOTE_TEXT = titled('Note', 'Ada Lovelace met Charles Babbage in London.\n\nSee [Ada](/people/ada-lovelaze/).\n');

function serviceOf(): VaultService {
	const service = createVaultService();
	for (const [path, text] of Object.entries({ ...PAGES, [NOTE]: NOTE_TEXT })) {
		service.updatePage(path, text);
	}
	return service;
}

const codes = (diagnostics: readonly { code: string }[]): string[] => diagnostics.map(diagnostic => diagnostic.code).sort();
const brokenLinkMessage = (diagnostics: readonly { code: string; message: string }[]): string | undefined => diagnostics.find(diagnostic => diagnostic.code === 'broken-link')?.message;

describe('search tables built in steps (right after indexing)', () => {
	it('leaves the unlinked mentions and the suggestions out of the diagnostics until built, then gives what a service building them on first use gives', () => {
		const full = serviceOf().diagnostics(NOTE, NOTE_TEXT);
		assert.deepStrictEqual(codes(full), ['broken-link', 'unlinked-mention', 'unlinked-mention', 'unlinked-mention']);
		assert.match(brokenLinkMessage(full)!, /did you mean \/people\/ada-lovelace\//);

		const service = serviceOf();
		assert.ok(!service.diagnosticsPartial(), 'nothing left out when no build in steps runs');
		const steps = service.buildSearchTablesInSteps();
		steps.next();
		assert.ok(service.diagnosticsPartial());
		const partial = service.diagnostics(NOTE, NOTE_TEXT);
		assert.deepStrictEqual(codes(partial), ['broken-link']);
		assert.strictEqual(brokenLinkMessage(partial), 'No page at /people/ada-lovelaze/.');
		let count = 1;
		while (steps.next().done !== true) {
			count++;
		}
		// Each table a page per step: the segments, the mention names, the page search.
		assert.strictEqual(count, 3 * 4);
		assert.ok(!service.diagnosticsPartial());
		assert.deepStrictEqual(service.diagnostics(NOTE, NOTE_TEXT), full);
	});

	it('gives the mentions once the mention table is built, while the page search is still being built', () => {
		const service = serviceOf();
		const steps = service.buildSearchTablesInSteps();
		// The segments (4 pages), then the mention names (4 pages), then the first page of the page search.
		for (let i = 0; i < 9; i++) {
			steps.next();
		}
		assert.ok(!service.diagnosticsPartial());
		assert.deepStrictEqual(service.diagnostics(NOTE, NOTE_TEXT), serviceOf().diagnostics(NOTE, NOTE_TEXT));
	});

	it('a request that needs a table before it is built gets the whole table (completion, hover)', () => {
		const service = serviceOf();
		const steps = service.buildSearchTablesInSteps();
		steps.next();
		const text = 'Typing [Charl\n';
		service.updatePage('notes/typing.md', text);
		const items = service.completion('notes/typing.md', text, { line: 0, character: text.length - 1 }).items.map(item => item.label);
		assert.ok(items.includes('Charles Babbage'), items.join(', '));
		const hover = service.hover(NOTE, NOTE_TEXT, { line: 5, character: 12 });
		assert.match(JSON.stringify(hover), /ada-lovelace/);
	});

	it('the workspace publishes again the pages whose diagnostics were computed before the tables were built', async () => {
		const { vault } = memoryVault({ ...PAGES, [NOTE]: NOTE_TEXT });
		await vault.index();
		vault.openDocument(NOTE, NOTE_TEXT);
		let republished: string[] | undefined;
		// The build takes its first steps at once, then goes on in slices.
		const building = vault.buildSearchTables(paths => {
			republished = paths;
		});
		assert.deepStrictEqual(codes(vault.diagnostics(NOTE)), ['broken-link']);
		assert.strictEqual(republished, undefined);
		await building;
		assert.deepStrictEqual(republished, [NOTE]);
		assert.deepStrictEqual(codes(vault.diagnostics(NOTE)), ['broken-link', 'unlinked-mention', 'unlinked-mention', 'unlinked-mention']);
	});

	it('publishes nothing again when no diagnostics were computed meanwhile', async () => {
		const { vault } = memoryVault({ ...PAGES, [NOTE]: NOTE_TEXT });
		await vault.index();
		let republished: string[] | undefined;
		await vault.buildSearchTables(paths => {
			republished = paths;
		});
		assert.strictEqual(republished, undefined);
	});
});
