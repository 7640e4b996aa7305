import * as assert from 'assert';
import { settingsFrom, type VaultSettings } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultDiagnostic, type VaultService } from '../../server/src/service/vaultService';
import { positionOfOffset } from '../support/cursor';

/** A page in a section with a title (and frontmatter fields, so only mentions are of interest). */
function page(title: string, extra = '', body = ''): string {
	return `---\ntitle: ${title}\n${extra}---\n${body}`;
}

const ENTITIES: Record<string, string> = {
	'organizations/mi6.md': page('MI6', 'aliases: [Secret Intelligence Service, SIS]\n'),
	'organizations/gchq.md': page('GCHQ'),
	'organizations/intelligence-service.md': page('Intelligence Service'),
	'organizations/mossad.md': page('Mossad'),
	'organizations/five-eyes.md': page('Five Eyes'),
	'places/london.md': page('London'),
	'people/robert-maxwell.md': page('Bob'),
};

const PATH = 'notes/draft.md';

function serviceOf(pages: Record<string, string>, settings?: VaultSettings): VaultService {
	const service = createVaultService(settings ? { settings } : {});
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return service;
}

function mentionDiagnostics(service: VaultService, path: string, text: string): VaultDiagnostic<'unlinked-mention'>[] {
	service.updatePage(path, text);
	return service.diagnostics(path, text).filter((d): d is VaultDiagnostic<'unlinked-mention'> => d.code === 'unlinked-mention');
}

/** The mentions on a page with this body, each `written → url` (urls joined by `|` when shared). */
function mentions(body: string, pages: Record<string, string> = ENTITIES, settings?: VaultSettings): string[] {
	const text = page('Draft', '', body);
	return mentionDiagnostics(serviceOf(pages, settings), PATH, text).map(d => `${d.data.written} → ${d.data.targets.map(t => t.url).join('|')}`);
}

describe('unlinked mentions: the diagnostic', () => {
	it('reports each plain-text occurrence of a page name, at its range', () => {
		const text = page('Draft', '', 'The MI6 works with GCHQ in London.\n');
		const found = mentionDiagnostics(serviceOf(ENTITIES), PATH, text);
		assert.deepStrictEqual(found.map(d => [d.range, d.message, d.severity]), [
			[{ start: positionOfOffset(text, text.indexOf('MI6')), end: positionOfOffset(text, text.indexOf('MI6') + 3) }, '"MI6" names /organizations/mi6/ (MI6) but is not linked.', 4],
			[{ start: positionOfOffset(text, text.indexOf('GCHQ')), end: positionOfOffset(text, text.indexOf('GCHQ') + 4) }, '"GCHQ" names /organizations/gchq/ (GCHQ) but is not linked.', 4],
			[{ start: positionOfOffset(text, text.indexOf('London')), end: positionOfOffset(text, text.indexOf('London') + 6) }, '"London" names /places/london/ (London) but is not linked.', 4],
		]);
	});

	it('matches whole words only (Unicode letters and digits)', () => {
		assert.deepStrictEqual(mentions('Londoner, XMI6, GCHQs, MI61, éMI6, MI6é, MI6_x.\n'), ['MI6 → /organizations/mi6/']);
		assert.deepStrictEqual(mentions("MI6's (GCHQ) *London*, 😀MI6😀.\n"), [
			'MI6 → /organizations/mi6/', 'GCHQ → /organizations/gchq/', 'London → /places/london/', 'MI6 → /organizations/mi6/',
		]);
	});

	it('takes the longest name first', () => {
		assert.deepStrictEqual(mentions('The Secret Intelligence Service is an Intelligence Service.\n'), [
			'Secret Intelligence Service → /organizations/mi6/', 'Intelligence Service → /organizations/intelligence-service/',
		]);
		const pages = { ...ENTITIES, 'organizations/five-eyes-alliance.md': page('Five Eyes Alliance') };
		assert.deepStrictEqual(mentions('The Five Eyes Alliance, the Five Eyes.\n', pages), [
			'Five Eyes Alliance → /organizations/five-eyes-alliance/', 'Five Eyes → /organizations/five-eyes/',
		]);
	});

	it('matches a name written all in capitals only so, one word as written or in capitals, several words also with the first letter in the other case', () => {
		assert.deepStrictEqual(mentions('Mi6 mi6 gchq Gchq sis.\n'), []);
		assert.deepStrictEqual(mentions('mossad Mossad MOSSAD MoSSaD.\n'), ['Mossad → /organizations/mossad/', 'MOSSAD → /organizations/mossad/']);
		assert.deepStrictEqual(mentions('the five eyes, five Eyes, FIVE EYES and secret intelligence service.\n'), [
			'five Eyes → /organizations/five-eyes/', 'FIVE EYES → /organizations/five-eyes/',
		]);
		// A name capitalised only at its start is a phrase of the language: as written only.
		const pages = { ...ENTITIES, 'people/shah.md': page('The Shah'), 'organizations/secret-police.md': page('Secret police') };
		assert.deepStrictEqual(mentions('Then the Shah fled. Secret police followed the secret police.\n', pages), [
			'the Shah → /people/shah/', 'Secret police → /organizations/secret-police/',
		]);
	});

	it('takes no name without a capital (a documentation site\'s `and`, `front matter`) and no one-word slug beside a title', () => {
		const pages = {
			...ENTITIES,
			'functions/and.md': page('and'),
			'glossary/front-matter.md': page('front matter'),
			'functions/hugo.md': page('Hugo functions'),
			'people/robert-maxwell.md': page('Robert Maxwell (publisher)'),
		};
		assert.deepStrictEqual(mentions('Bread and front matter, with Hugo; Robert Maxwell and Hugo functions.\n', pages), [
			'Robert Maxwell → /people/robert-maxwell/', 'Hugo functions → /functions/hugo/',
		]);
	});

	it('reads a line break inside a name as a space, but not a blank line', () => {
		assert.deepStrictEqual(mentions('the Five\r\nEyes and the Five\n\nEyes.\n'), ['Five\r\nEyes → /organizations/five-eyes/']);
	});

	it('finds aliases and the name a slug reads as', () => {
		assert.deepStrictEqual(mentions('SIS hired Robert Maxwell.\n'), ['SIS → /organizations/mi6/', 'Robert Maxwell → /people/robert-maxwell/']);
	});

	it('never looks in code, links, definitions, headings, HTML, frontmatter, footnote definitions or addresses', () => {
		const body = [
			'# MI6 heading', '',
			'Inline `MI6` code, [MI6](/organizations/gchq/) link text, ![MI6](i.png) alt, <https://x.org/MI6> autolink.', '',
			'```', 'MI6 in a fence', '```', '',
			'    MI6 indented code', '',
			'<div>', 'MI6 in an HTML block', '</div>', '',
			'An <abbr title="MI6">abbr</abbr> tag, https://example.org/MI6/page and www.example.org/MI6 bare URLs, mi6@MI6.example e-mail.', '',
			'[mi6]: /organizations/mi6/ "MI6 title"', '',
			'Said so.[^1]', '',
			'[^1]: The MI6 book, London 1990.', '',
		].join('\n');
		assert.deepStrictEqual(mentions(body), []);
		const withFrontmatter = page('Draft', 'summary: MI6 in London\naliases: [GCHQ friend]\n', 'None.\n');
		assert.deepStrictEqual(mentionDiagnostics(serviceOf(ENTITIES), PATH, withFrontmatter), []);
	});

	it('reports a name shared by two pages once, with both pages', () => {
		const pages = { ...ENTITIES, 'planets/mercury.md': page('Mercury'), 'gods/mercury.md': page('Mercury') };
		const text = page('Draft', '', 'Mercury rises.\n');
		const [found] = mentionDiagnostics(serviceOf(pages), PATH, text);
		assert.deepStrictEqual(found.data.targets, [{ url: '/gods/mercury/', title: 'Mercury' }, { url: '/planets/mercury/', title: 'Mercury' }]);
		assert.strictEqual(found.message, '"Mercury" is the name of 2 pages (/gods/mercury/, /planets/mercury/) and is not linked: pick one.');
	});

	it('never reports a page\'s own names on it, nor a page it already links', () => {
		const service = serviceOf(ENTITIES);
		const own = page('MI6', 'aliases: [Secret Intelligence Service]\n', 'MI6, the Secret Intelligence Service, and GCHQ.\n');
		assert.deepStrictEqual(mentionDiagnostics(service, 'organizations/mi6.md', own).map(d => d.data.written), ['GCHQ']);
		assert.deepStrictEqual(mentions('[GCHQ](/organizations/gchq/) and GCHQ again, with MI6.\n'), ['MI6 → /organizations/mi6/']);
	});

	it('follows the settings: minimum length, ignored names, severity off', () => {
		const pages = { ...ENTITIES, 'places/uk.md': page('UK') };
		assert.deepStrictEqual(mentions('The UK and MI6.\n', pages), ['MI6 → /organizations/mi6/']);
		assert.deepStrictEqual(mentions('The UK and MI6.\n', pages, settingsFrom({ mentions: { minLength: 2 } }).settings), ['UK → /places/uk/', 'MI6 → /organizations/mi6/']);
		assert.deepStrictEqual(mentions('London and MI6 and Secret Intelligence Service.\n', pages, settingsFrom({ mentions: { ignore: ['mi6', 'london'] } }).settings),
			['Secret Intelligence Service → /organizations/mi6/']);
		assert.deepStrictEqual(mentions('MI6.\n', pages, settingsFrom({ severity: { 'unlinked-mention': 'off' } }).settings), []);
		assert.deepStrictEqual(settingsFrom({ mentions: { minLength: 0, ignore: 'x' } }).problems, [
			'mentions.minLength must be a whole number, 1 or more', 'mentions.ignore must be a list of names',
		]);
	});

	it('needs the page\'s text as indexed: none without it, none for another version', () => {
		const service = serviceOf(ENTITIES);
		const text = page('Draft', '', 'MI6.\n');
		service.updatePage(PATH, text);
		assert.strictEqual(service.diagnostics(PATH).filter(d => d.code === 'unlinked-mention').length, 0);
		assert.strictEqual(service.diagnostics(PATH, `${text}more`).filter(d => d.code === 'unlinked-mention').length, 0);
		assert.strictEqual(service.diagnostics(PATH, `\ufeff${text}`).filter(d => d.code === 'unlinked-mention').length, 1);
	});

	it('follows pages renamed, added and removed', () => {
		const service = serviceOf(ENTITIES);
		const text = page('Draft', '', 'SIS met Kim Philby of The Firm in London.\n');
		assert.deepStrictEqual(mentionDiagnostics(service, PATH, text).map(d => d.data.written), ['SIS', 'London']);
		service.updatePage('people/kim-philby.md', page('Kim Philby'));
		service.updatePage('organizations/mi6.md', page('MI6', 'aliases: [The Firm]\n'));
		service.removePage('places/london.md');
		assert.deepStrictEqual(mentionDiagnostics(service, PATH, text).map(d => d.data.written), ['Kim Philby', 'The Firm']);
	});

	it('says when a page\'s names changed, so the transport rechecks the open pages', () => {
		const service = serviceOf(ENTITIES);
		assert.strictEqual(service.updatePage('people/kim-philby.md', page('Kim Philby')).namesChanged, true, 'a new page');
		assert.strictEqual(service.updatePage('people/kim-philby.md', page('Kim Philby', '', 'Edited body.')).namesChanged, undefined, 'same names');
		assert.strictEqual(service.updatePage('people/kim-philby.md', page('Harold Philby')).namesChanged, true, 'retitled');
		assert.strictEqual(service.updatePage('people/kim-philby.md', page('Harold Philby', 'aliases: [Kim]\n')).namesChanged, true, 'an alias');
		assert.strictEqual(service.removePage('people/kim-philby.md').namesChanged, true, 'removed');
	});

	it('positions mentions in UTF-16 after emoji, with CRLF line breaks', () => {
		const text = page('Draft', '', '🕵️ Agent 😀\r\nof MI6.\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r');
		const [found] = mentionDiagnostics(serviceOf(ENTITIES), PATH, text);
		const start = text.indexOf('MI6');
		assert.deepStrictEqual(found.range, { start: positionOfOffset(text, start), end: positionOfOffset(text, start + 3) });
		assert.deepStrictEqual(found.range.start, { line: 4, character: 3 });
	});

	it('stays linear on a long line of mentions, tags and definitions (each look around a mention is bounded)', () => {
		const service = serviceOf(ENTITIES);
		for (const [repeat, count, body] of [['a < MI6 ', 60000, 60000], [' [x]: MI6 ', 60000, 0], ['<!-- GCHQ ', 60000, 0]] as const) {
			const text = page('Draft', '', `${repeat.repeat(count)}\n`);
			const start = Date.now();
			assert.strictEqual(mentionDiagnostics(service, PATH, text).length, body, repeat);
			assert.ok(Date.now() - start < 15000, `${repeat}: ${Date.now() - start} ms`);
		}
	});

	it('gives files outside the sections no names', () => {
		assert.deepStrictEqual(mentions('Read me first.\n', { ...ENTITIES, 'README.md': page('Read me') }), []);
	});

	it('finds names among words no name has, which break a name where they stand (left out of the search)', () => {
		const body = 'Zebra Five quietly Eyes met. Secret Intelligence zebra Service, Secret zebra\n\nIntelligence Service and Five Eyes zebra; zebra London.\n\nFive Eyes\n';
		assert.deepStrictEqual(mentions(body), [
			'Intelligence Service → /organizations/intelligence-service/',
			'Five Eyes → /organizations/five-eyes/',
			'London → /places/london/',
			'Five Eyes → /organizations/five-eyes/',
		]);
	});
});

