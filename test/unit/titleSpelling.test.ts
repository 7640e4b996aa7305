import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { PageSummaries, pageSummaryToParts, summarizePage } from '../../server/src/service/parse/pageSummary';
import { settingsFrom, DEFAULT_SETTINGS, type VaultSettings } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultCodeAction, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { repoRoot } from '../support/paths';

const TODAY = '2026-06-01';
const MI6 = 'organizations/mi6.md';
/** The seed page, byte for byte (examples/vault holds its copy): no `title`, so it is titled "MI6" as its summary writes its file name's words. */
const SEED = fs.readFileSync(path.join(repoRoot, 'examples', 'vault', 'organizations', 'mi6.md'), 'utf8');
/** The seed page with neither its summary nor its first sentence naming MI6: titled "Mi6" from its file name. */
const SLUG_SEED = SEED.replace(/summary: [^]*?\ntags:/, 'summary: The service.\ntags:').replace('known popularly as MI6, ', '');

function page(title: string, body: string, eol = '\n'): string {
	return ['---', 'category: Test', 'created: 2026-05-14', 'summary: A page.', 'tags:', '- Test', `title: ${title}`, 'updated: 2026-05-20', '---', '', body, ''].join(eol);
}

/** A page of `people/` linking to `url` with `text`. */
function linker(n: number, text: string, url = '/organizations/mi6/'): [string, string] {
	return [`people/p${n}.md`, page(`P${n}`, `He worked for [${text}](${url}) for years.`)];
}

/** An in-memory vault that keeps its texts, so that quick fixes can be applied and the page checked again. */
class TestVault {
	readonly service: VaultService;
	readonly texts = new Map<string, string>();

	constructor(pages: Iterable<[string, string]>, settings: VaultSettings = DEFAULT_SETTINGS) {
		this.service = createVaultService({ settings });
		for (const [pagePath, text] of pages) {
			this.set(pagePath, text);
		}
	}

	set(pagePath: string, text: string): ReadonlySet<string> {
		this.texts.set(pagePath, text);
		return this.service.updatePage(pagePath, text).affected;
	}

	hints(pagePath: string): Diagnostic[] {
		return this.service.diagnostics(pagePath).filter(diagnostic => diagnostic.code === 'title-spelling');
	}

	/** The quick fixes of `diagnostic`, sent through JSON as a client sends it back. */
	actions(pagePath: string, diagnostic: Diagnostic): VaultCodeAction[] {
		const fromClient = JSON.parse(JSON.stringify(diagnostic)) as Diagnostic;
		return this.service.codeActions(pagePath, this.texts.get(pagePath)!, fromClient.range, [fromClient], TODAY);
	}

	apply(action: VaultCodeAction): void {
		for (const [pagePath, text] of applyVaultEdit(this.texts, action.edit)) {
			this.service.updatePage(pagePath, text);
		}
	}
}

/** The seed page and `count` pages linking it as `MI6`. */
function seedVault(count: number, seed = SLUG_SEED): TestVault {
	const pages: [string, string][] = [[MI6, seed]];
	for (let n = 1; n <= count; n++) {
		pages.push(linker(n, 'MI6'));
	}
	return new TestVault(pages);
}

describe('title-spelling: a page titled from its file name where the vault writes the name otherwise', () => {
	it('titles the seed page MI6, as its summary writes it, so it gets no hint where pages link it as MI6', () => {
		const vault = new TestVault([[MI6, SEED], linker(1, 'MI6'), linker(2, 'MI6')]);
		assert.strictEqual(vault.service.getPage(MI6)?.title, 'MI6');
		assert.deepStrictEqual(vault.hints(MI6), []);
		// The title shows in hover and completion.
		const [linkerPath, linkerText] = linker(1, 'MI6');
		const line = linkerText.split('\n').findIndex(text => text.includes('[MI6]'));
		const hover = vault.service.hover(linkerPath, linkerText, { line, character: linkerText.split('\n')[line].indexOf('MI6') + 1 });
		const shown = JSON.stringify(hover?.contents);
		assert.match(shown, /MI6/);
		assert.doesNotMatch(shown, /Mi6/);
		const typing = linkerText.replace('[MI6](/organizations/mi6/)', '[MI6](/organizations/mi');
		const typed = typing.split('\n')[line];
		vault.set(linkerPath, typing);
		const items = vault.service.completion(linkerPath, typing, { line, character: typed.indexOf('/organizations/mi') + '/organizations/mi'.length }).items;
		assert.ok(items.some(item => item.label === 'MI6'), JSON.stringify(items.map(item => item.label)));
		assert.ok(!items.some(item => item.label === 'Mi6'));
	});

	it('hints on the seed page without MI6 in its summary or first sentence, linked as MI6, to add title: MI6, on its opening fence', () => {
		const vault = seedVault(3);
		assert.strictEqual(vault.service.getPage(MI6)?.title, 'Mi6');
		assert.deepStrictEqual(vault.hints(MI6), [{
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
			severity: DiagnosticSeverity.Hint,
			code: 'title-spelling',
			source: 'entity-vault',
			message: 'Title Mi6 is made from the file name, but 3 pages linking here write MI6. Add title: MI6 to the frontmatter.',
			data: { title: 'MI6', derived: 'Mi6' },
		}]);
	});

	it('the quick fix adds title: MI6 to the seed, which removes the hint and adds no other diagnostic (LF and CRLF)', () => {
		for (const eol of ['\n', '\r\n']) {
			const seed = SLUG_SEED.replace(/\r?\n/g, eol);
			const vault = seedVault(2, seed);
			const before = vault.service.diagnostics(MI6);
			const [hint] = vault.hints(MI6);
			const actions = vault.actions(MI6, hint);
			assert.deepStrictEqual(actions.map(action => [action.title, action.isPreferred]), [['Add title: MI6', true]]);
			vault.apply(actions[0]);
			assert.strictEqual(vault.texts.get(MI6), seed.replace(`updated: 2026-05-14${eol}---${eol}`, `updated: 2026-05-14${eol}title: MI6${eol}---${eol}`));
			assert.strictEqual(vault.service.getPage(MI6)?.title, 'MI6');
			// The other diagnostics (broken links: the small vault lacks their pages) stay, one line lower.
			const lower = (d: Diagnostic): unknown => [d.code, d.message, d.range.start.line + 1, d.range.start.character, d.range.end.line + 1, d.range.end.character];
			const same = (d: Diagnostic): unknown => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
			assert.ok(before.length > 5);
			assert.deepStrictEqual(vault.service.diagnostics(MI6).map(same), before.filter(diagnostic => diagnostic.code !== 'title-spelling').map(lower));
			assert.deepStrictEqual(vault.hints(MI6), []);
		}
	});

	it('takes the spelling most linking pages use, one vote per page; the file-name title wins a tie', () => {
		const nasa = (texts: string[], own = ''): TestVault => new TestVault([
			['organizations/nasa.md', page('X', 'The agency.').replace('title: X\n', own)],
			...texts.map((text, n) => linker(n, text, '/organizations/nasa/')),
		]);
		const proposed = (vault: TestVault): unknown => vault.hints('organizations/nasa.md').map(d => (d.data as { title: string }).title);
		assert.deepStrictEqual(proposed(nasa(['NASA', 'Nasa', 'NASA'])), ['NASA']);
		assert.strictEqual(nasa(['NASA', 'Nasa', 'NASA']).hints('organizations/nasa.md')[0].message,
			'Title Nasa is made from the file name, but 2 pages linking here write NASA. Add title: NASA to the frontmatter.');
		assert.deepStrictEqual(proposed(nasa(['NaSA', 'NASA', 'NASA', 'NaSA', 'NaSA'])), ['NaSA']);
		assert.deepStrictEqual(proposed(nasa(['Nasa', 'NASA', 'Nasa'])), [], 'most pages write it as the file name does');
		assert.deepStrictEqual(proposed(nasa(['Nasa', 'NASA'])), [], 'a tie keeps the title');
		assert.deepStrictEqual(proposed(nasa(['nasa', 'nasa', 'NASA'])), [], 'lower case is prose: it counts as the title');
		assert.deepStrictEqual(proposed(nasa(['the agency', 'NASA page', 'NASA'])), ['NASA'], 'other link texts do not vote');
		// A page repeating a link votes once.
		const repeated = new TestVault([
			['organizations/nasa.md', page('X', '').replace('title: X\n', '')],
			['people/a.md', page('A', '[Nasa](/organizations/nasa/) and [NASA](/organizations/nasa/), [NASA](/organizations/nasa/).')],
			['people/b.md', page('B', 'See [NASA](/organizations/nasa/).')],
			['people/c.md', page('C', 'See [Nasa](/organizations/nasa/).')],
		]);
		assert.deepStrictEqual(proposed(repeated), [], 'a: Nasa (its first link), b: NASA, c: Nasa');
	});

	it('gives nothing to a page with a title (even empty), a level-1 heading, no frontmatter, or a title already spelled so', () => {
		const links = [linker(1, 'MI6'), linker(2, 'MI6')];
		const without = (text: string): Diagnostic[] => new TestVault([[MI6, text], ...links]).hints(MI6);
		assert.deepStrictEqual(without(page('Mi6', 'Body.')), [], 'explicit title, even spelled Mi6');
		assert.deepStrictEqual(without(SLUG_SEED.replace('tags:', 'title:\ntags:')), [], 'an empty title is frontmatter-field\'s to report');
		assert.deepStrictEqual(without(SLUG_SEED.replace('\n---\n\n', '\n---\n\n# Mi6\n\n')), [], 'a level-1 heading is a title the author wrote');
		assert.deepStrictEqual(without('The Secret Intelligence Service.\n'), [], 'no frontmatter: frontmatter-missing comes first');
		assert.deepStrictEqual(new TestVault([[MI6, SLUG_SEED], linker(1, 'Mi6'), linker(2, 'mi6')]).hints(MI6), [], 'the vault writes Mi6');
		assert.deepStrictEqual(new TestVault([['people/ada.md', page('X', '').replace('title: X\n', '')], linker(1, 'ADA', '/people/ada/')], settingsFrom({ severity: { 'title-spelling': 'off' } }).settings).hints('people/ada.md'), [], 'off');
		assert.deepStrictEqual(new TestVault([['people/ada.md', page('X', '').replace('title: X\n', '')], linker(1, 'ADA', '/people/ada/')]).hints('people/ada.md').length, 1);
	});

	it('titles a page as its own summary, else its first sentence, writes its file name\'s words, and hints only where links write it otherwise', () => {
		assert.strictEqual(new TestVault([[MI6, SEED]]).service.getPage(MI6)?.title, 'MI6');
		const words = new TestVault([['people/de-gaulle.md', page('X', '').replace('title: X\n', '').replace('summary: A page.', 'summary: Charles de Gaulle led Free France.')]]);
		assert.strictEqual(words.service.getPage('people/de-gaulle.md')?.title, 'de Gaulle');
		assert.deepStrictEqual(words.hints('people/de-gaulle.md'), []);
		const sentence = SEED.replace(/summary: [^]*?\ntags:/, 'summary: The service.\ntags:');
		assert.strictEqual(new TestVault([[MI6, sentence]]).service.getPage(MI6)?.title, 'MI6', 'its first sentence: "…known popularly as MI6, is…"');
		const noFrontmatter = new TestVault([[MI6, 'What is MI6?\n\nThe MI6 works with GCHQ.\n']]);
		assert.strictEqual(noFrontmatter.service.getPage(MI6)?.title, 'MI6', 'the seed text 001 begins "What is MI6?"');
		assert.strictEqual(new TestVault([[MI6, SEED.replace(/MI6/g, 'XMI6')]]).service.getPage(MI6)?.title, 'Mi6', 'only a whole word counts');
		assert.strictEqual(new TestVault([[MI6, SLUG_SEED]]).service.getPage(MI6)?.title, 'Mi6');
		assert.strictEqual(new TestVault([['things/apple.md', page('X', 'An apple a day.').replace('title: X\n', '').replace('summary: A page.', 'summary: an apple.')]]).service.getPage('things/apple.md')?.title,
			'Apple', 'lower case is prose, not a spelling');
		// A link that writes the name otherwise than the page's own text still gets the hint.
		assert.deepStrictEqual(new TestVault([[MI6, SEED], linker(1, 'Mi6')]).hints(MI6).map(d => [d.message, d.data]), [
			['Title MI6 is the file name as the page\'s own text writes it, but 1 page linking here writes Mi6. Add title: Mi6 to the frontmatter.', { title: 'Mi6', derived: 'MI6' }],
		]);
	});

	it('quotes the title when YAML would misread it, and the fix still clears the hint', () => {
		const vault = new TestVault([['things/yes.md', page('X', 'Body.').replace('title: X\n', '')], linker(1, 'YES', '/things/yes/'), linker(2, 'YES', '/things/yes/')]);
		const [hint] = vault.hints('things/yes.md');
		assert.deepStrictEqual(hint.data, { title: 'YES', derived: 'Yes' });
		vault.apply(vault.actions('things/yes.md', hint)[0]);
		assert.match(vault.texts.get('things/yes.md')!, /\ntitle: "YES"\n---\n/);
		assert.strictEqual(vault.service.getPage('things/yes.md')?.title, 'YES');
		assert.deepStrictEqual(vault.service.diagnostics('things/yes.md'), []);
	});

	it('offers no fix once the page has a title, or for a diagnostic without a proposed title', () => {
		const vault = seedVault(1);
		const [hint] = vault.hints(MI6);
		vault.set(MI6, SLUG_SEED.replace('tags:', 'title: Secret Intelligence Service\ntags:'));
		assert.deepStrictEqual(vault.actions(MI6, hint), []);
		vault.set(MI6, SLUG_SEED);
		assert.deepStrictEqual(vault.actions(MI6, { ...hint, data: {} }), []);
		assert.strictEqual(vault.actions(MI6, hint).length, 1);
	});

	it('republishes the target page when a linking page changes how it writes the name (IndexChange.affected)', () => {
		const vault = new TestVault([[MI6, SLUG_SEED], linker(1, 'Mi6')]);
		assert.deepStrictEqual(vault.hints(MI6), []);
		const [p1, p1Text] = linker(1, 'MI6');
		assert.deepStrictEqual([...vault.set(p1, p1Text)], [MI6]);
		assert.deepStrictEqual(vault.hints(MI6).map(d => (d.data as { title: string }).title), ['MI6']);
		assert.deepStrictEqual([...vault.set(p1, p1Text.replace('for years', 'for decades'))], [], 'the same spelling: nothing to republish');
		assert.deepStrictEqual([...vault.set(...linker(2, 'the service'))], [], 'a link text that is not the name');
		assert.deepStrictEqual([...vault.service.removePage(p1).affected], [MI6]);
		assert.deepStrictEqual(vault.hints(MI6), []);
		// A page with a title of its own is not republished for spellings.
		const titled = new TestVault([['organizations/gchq.md', page('GCHQ', '')]]);
		assert.deepStrictEqual([...titled.set(...linker(1, 'GCHQ', '/organizations/gchq/'))], []);
	});

	it('reads link texts by UTF-16 offsets after emoji and across a line break, and keeps them through the persisted index', () => {
		const text = page('A', '🕵️ 😀 [MI6](/organizations/mi6/#origins) and [Secret\nService](/organizations/secret-service/) and ![MI5](/organizations/mi5/)');
		const summary = summarizePage('people/a.md', text);
		const copy = new PageSummaries().fromParts(v8.deserialize(v8.serialize(pageSummaryToParts(summary))), true);
		for (const each of [summary, copy]) {
			assert.strictEqual(each.nameSpellingFor('/organizations/mi6/'), 'MI6');
			assert.strictEqual(each.nameSpellingFor('/organizations/secret-service/'), 'Secret Service');
			assert.strictEqual(each.nameSpellingFor('/organizations/mi5/'), undefined, 'an image names nothing');
			assert.deepStrictEqual(each.nameSpellingUrls, ['/organizations/mi6/', '/organizations/secret-service/']);
		}
		const spellings = summarizePage('people/b.md', '[ Robert \t Maxwell ](/people/robert-maxwell/) [Kim-Philby](/people/kim-philby/) [Kim](/people/kim-philby/) [MI](/organizations/mi6/) [ÉCOLE Été](/places/école_été/)');
		assert.deepStrictEqual(['/people/robert-maxwell/', '/people/kim-philby/', '/organizations/mi6/', '/places/école_été/'].map(url => spellings.nameSpellingFor(url)),
			['Robert Maxwell', undefined, undefined, 'ÉCOLE Été']);
	});
});
