import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { JSON_PAGE_CODEC, StoredPageSummary, type PageRecord } from '../../server/src/service/parse/storedPageSummary';
import { createVaultService, type VaultLocation, type VaultService } from '../../server/src/service/vaultService';
import { rangeOfText } from '../support/cursor';

/**
 * References read a stored page's link ranges straight from its header's
 * numbers, and walk the linking pages in an order the index keeps and
 * patches: the answer must be the one made from each page's text.
 */

const CURSOR_PAGE = 'notes/cursor.md';
const CURSOR_TEXT = 'Me: [Ada](/people/ada/)\n';
const CURSOR_POSITION = { line: 0, character: 6 };

const PAGES: Readonly<Record<string, string>> = {
	'people/ada.md': '---\ntitle: Ada\n---\n\n# Ada\n',
	'notes/crlf.md': '# Crlf\r\n\r\nSee [Ada](/people/ada/).\r\nAnd [again](/people/ada/#ada) [x](/places/iran/)\r\n',
	// Emoji before the links, three links to Ada on one line in three spellings.
	'notes/emoji.md': '😀😀 [Ada 😀](/people/ada/) 😀 [her](/people/ada) [Ada](/people/ada/#ada)\n',
	'notes/lonecr.md': 'A\rB\r [Ada](/people/ada/)\r',
	// Links over two lines.
	'notes/multiline.md': 'See [Ada\nLovelace](/people/ada/) and\r\n[Ada,\r\nagain](/people/ada/).\n',
	// Longer than 64 KiB: 32-bit numbers in the header.
	'notes/big.md': `${'Words [Iran](/places/iran/) words.\n'.repeat(3000)}[Ada](/people/ada/) end [Ada](/people/ada/)\n`,
	'notes/none.md': 'No link to her: [Iran](/places/iran/).\n',
	'notes/relative.md': '[Ada](../people/ada.md)\n',
	'places/iran.md': '# Iran\n\n[Ada](/people/ada/)\n',
};

/** Each link to Ada: its page and the text of the link (with the occurrence of that text), in the order of the answer. */
const LINKS_TO_ADA: readonly [string, string, number?][] = [
	['notes/big.md', '[Ada](/people/ada/)', 0],
	['notes/big.md', '[Ada](/people/ada/)', 1],
	['notes/crlf.md', '[Ada](/people/ada/)'],
	['notes/crlf.md', '[again](/people/ada/#ada)'],
	[CURSOR_PAGE, '[Ada](/people/ada/)'],
	['notes/emoji.md', '[Ada 😀](/people/ada/)'],
	['notes/emoji.md', '[her](/people/ada)'],
	['notes/emoji.md', '[Ada](/people/ada/#ada)'],
	['notes/lonecr.md', '[Ada](/people/ada/)'],
	['notes/multiline.md', '[Ada\nLovelace](/people/ada/)'],
	['notes/multiline.md', '[Ada,\r\nagain](/people/ada/)'],
	['notes/relative.md', '[Ada](../people/ada.md)'],
	['places/iran.md', '[Ada](/people/ada/)'],
];

/** A page record as a worker thread makes it. */
function recordOf(path: string, text: string): PageRecord {
	const { header, body } = splitPageParts(summarizePageParts(path, text));
	return { header: structuredClone(header), blob: JSON_PAGE_CODEC.encode(body) };
}

/** A vault of `pages`, each put in as a record (stored pages) or from its text (compact summaries); the cursor page always from its text, as an open page. */
function vaultOf(pages: Readonly<Record<string, string>>, records: boolean): VaultService {
	const service = createVaultService();
	for (const [path, text] of Object.entries(pages)) {
		if (records) {
			service.updatePageRecord(recordOf(path, text));
		} else {
			service.updatePage(path, text);
		}
	}
	service.updatePage(CURSOR_PAGE, CURSOR_TEXT);
	return service;
}

function referencesToAda(service: VaultService): VaultLocation[] {
	return service.references(CURSOR_PAGE, CURSOR_TEXT, CURSOR_POSITION, false);
}

function expected(pages: Readonly<Record<string, string>>, links: readonly [string, string, number?][]): VaultLocation[] {
	const texts: Record<string, string> = { ...pages, [CURSOR_PAGE]: CURSOR_TEXT };
	return links.map(([path, fragment, occurrence]) => ({ path, range: rangeOfText(texts[path], fragment, occurrence) }));
}

describe('references from stored pages (header numbers, kept order of linking pages)', () => {
	it('gives the ranges of every link to the page, from stored pages as from their texts (CRLF, lone CR, emoji, several on a line, over two lines, 32-bit)', () => {
		const stored = vaultOf(PAGES, true);
		for (const path of Object.keys(PAGES)) {
			assert.ok(stored.getPage(path) instanceof StoredPageSummary, `${path} is a stored page`);
		}
		const want = expected(PAGES, LINKS_TO_ADA);
		assert.deepStrictEqual(referencesToAda(stored), want);
		assert.deepStrictEqual(referencesToAda(vaultOf(PAGES, false)), want);
		// Asked again: the same answer from the kept order.
		assert.deepStrictEqual(referencesToAda(stored), want);
		const declared = stored.references(CURSOR_PAGE, CURSOR_TEXT, CURSOR_POSITION, true);
		assert.deepStrictEqual(declared, [{ path: 'people/ada.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, ...want]);
	});

	it('follows pages edited, added and removed after the order was made, as a vault made from the final pages answers', () => {
		for (const records of [true, false]) {
			const service = vaultOf(PAGES, records);
			assert.deepStrictEqual(referencesToAda(service), expected(PAGES, LINKS_TO_ADA));
			const final: Record<string, string> = { ...PAGES };
			const edit = (path: string, text: string | undefined): void => {
				if (text === undefined) {
					service.removePage(path);
					delete final[path];
				} else {
					service.updatePage(path, text);
					final[path] = text;
				}
			};
			edit('notes/emoji.md', '😀 [Ada](/people/ada/)\r\n\r\n😀 [her](/people/ada/)\n');
			edit('notes/crlf.md', undefined);
			edit('notes/aaa.md', 'First: [Ada](/people/ada/)\n');
			edit('notes/none.md', 'Now: [Ada](/people/ada/) and [Ada](/people/ada/).\n');
			edit('places/iran.md', '# Iran\n\nNo link.\n');
			const want = expected(final, [
				['notes/aaa.md', '[Ada](/people/ada/)'],
				['notes/big.md', '[Ada](/people/ada/)', 0],
				['notes/big.md', '[Ada](/people/ada/)', 1],
				[CURSOR_PAGE, '[Ada](/people/ada/)'],
				['notes/emoji.md', '[Ada](/people/ada/)'],
				['notes/emoji.md', '[her](/people/ada/)'],
				['notes/lonecr.md', '[Ada](/people/ada/)'],
				['notes/multiline.md', '[Ada\nLovelace](/people/ada/)'],
				['notes/multiline.md', '[Ada,\r\nagain](/people/ada/)'],
				['notes/none.md', '[Ada](/people/ada/)', 0],
				['notes/none.md', '[Ada](/people/ada/)', 1],
				['notes/relative.md', '[Ada](../people/ada.md)'],
			]);
			assert.deepStrictEqual(referencesToAda(service), want, records ? 'stored pages' : 'compact summaries');
			assert.deepStrictEqual(referencesToAda(vaultOf(final, records)), want);
		}
	});

	it('reads a page edited between two pieces as it is then', () => {
		const service = vaultOf(PAGES, true);
		const pieces = service.referencesInChunks(CURSOR_PAGE, CURSOR_TEXT, CURSOR_POSITION, false, 1)[Symbol.iterator]();
		const first = pieces.next();
		assert.deepStrictEqual(first.value, expected(PAGES, LINKS_TO_ADA.slice(0, 2)));
		const edited = 'Only one: [Ada](/people/ada/#x)\n';
		service.updatePage('notes/multiline.md', edited);
		service.removePage('notes/lonecr.md');
		const rest: VaultLocation[] = [];
		for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
			rest.push(...piece.value);
		}
		const range: Range = rangeOfText(edited, '[Ada](/people/ada/#x)');
		assert.deepStrictEqual(rest, [
			...expected(PAGES, LINKS_TO_ADA.slice(2, 8)),
			{ path: 'notes/multiline.md', range },
			...expected(PAGES, LINKS_TO_ADA.slice(11)),
		]);
	});
});
