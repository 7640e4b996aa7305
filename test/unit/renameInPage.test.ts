import * as assert from 'assert';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../server/src/service/vault/siteRules';
import type { PageContext } from '../../server/src/service/languageFeatures/pageContext';
import { prepareRenameInPage, renameInPage } from '../../server/src/service/languageFeatures/renameInPage';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';
import { applyVaultEdit } from '../support/applyEdits';
import { rangeOfText, vaultWithCursor } from '../support/cursor';

/** The vault of `pages` (one holding the cursor marker) and the page context of the cursor's page, as the service makes it. */
function contextOf(pages: Record<string, string>, site: SiteRules = DEFAULT_SITE_RULES): { context: PageContext; texts: Map<string, string>; position: ReturnType<typeof vaultWithCursor>['position'] } {
	const vault = vaultWithCursor(pages);
	const texts = new Map(Object.entries(pages).map(([path, text]) => [path, path === vault.path ? vault.text : text]));
	return { context: { index: vault.index, page: vault.page, text: vault.text, site }, texts, position: vault.position };
}

/** Renames at the cursor and applies the edit: the changed texts by path. */
function renamed(pages: Record<string, string>, newName: string, site?: SiteRules): Map<string, string> {
	const { context, texts, position } = contextOf(pages, site);
	const result = renameInPage(context, position, newName);
	assert.ok(result && !('error' in result), `no edit: ${JSON.stringify(result)}`);
	return applyVaultEdit(texts, result as VaultEdit);
}

function renameError(pages: Record<string, string>, newName: string): string {
	const { context, position } = contextOf(pages);
	const result = renameInPage(context, position, newName);
	assert.ok(result && 'error' in result, `not refused: ${JSON.stringify(result)}`);
	return result.error;
}

const X = '---\ntitle: X\n---\n# X\n\nSee [below](#early-life) and [later](#later).\n\n## Early lif$|$e\n\nBorn 🙂.\n\n## Later\n';
const A = 'Read [X](/people/x/#early-life), [again](/people/x#early-life), [file](../people/x.md#early-life), [ref][x] and [other](/people/x/#later).\n\n[x]: </people/x/#early-life>\n\n`[code](/people/x/#early-life)`\n';
const B = 'Elsewhere [top](/people/x/) and [Y](/people/y/#early-life).\r\n';

describe('rename in a page: headings', () => {
	it('prepares on a heading with its text, and answers nothing on the title heading, a link or plain text', () => {
		const { context, position } = contextOf({ 'people/x.md': X });
		const clean = X.replace('$|$', '');
		assert.deepStrictEqual(prepareRenameInPage(context, position), { range: rangeOfText(clean, 'Early life'), placeholder: 'Early life' });
		for (const marked of [X.replace('$|$', '').replace('# X', '# $|$X'), X.replace('$|$', '').replace('[below]', '[be$|$low]'), X.replace('$|$', '').replace('Born', 'Bo$|$rn')]) {
			const other = contextOf({ 'people/x.md': marked });
			assert.strictEqual(prepareRenameInPage(other.context, other.position), undefined, marked);
			assert.strictEqual(renameInPage(other.context, other.position, 'New'), undefined, marked);
		}
	});

	it('renames the heading and every #anchor link to it, on the page and across the vault, in every spelling, and nothing else', () => {
		const changed = renamed({ 'people/x.md': X, 'notes/a.md': A, 'notes/b.md': B }, 'Childhood');
		assert.strictEqual(changed.get('people/x.md'), '---\ntitle: X\n---\n# X\n\nSee [below](#childhood) and [later](#later).\n\n## Childhood\n\nBorn 🙂.\n\n## Later\n');
		assert.strictEqual(changed.get('notes/a.md'), 'Read [X](/people/x/#childhood), [again](/people/x#childhood), [file](../people/x.md#childhood), [ref][x] and [other](/people/x/#later).\n\n[x]: </people/x/#childhood>\n\n`[code](/people/x/#early-life)`\n');
		assert.strictEqual(changed.has('notes/b.md'), false);
	});

	it('writes anew a destination with escapes in another page, and a percent-encoded fragment encoded', () => {
		const page = '# X\n\n## Caf$|$é au lait\n';
		const changed = renamed({ 'people/x.md': page, 'notes/c.md': '[e](/people/x/#café\\-au-lait) [a](/people/x?a=1&amp;b=2#café-au-lait) [p](/people/x/#caf%C3%A9-au-lait)\n' }, 'Thé');
		assert.strictEqual(changed.get('people/x.md'), '# X\n\n## Thé\n');
		assert.strictEqual(changed.get('notes/c.md'), '[e](/people/x/#thé) [a](/people/x?a=1\\&b=2#thé) [p](/people/x/#th%C3%A9)\n');
	});

	it('keeps CRLF and handles emoji before the heading, and an ATX closing sequence', () => {
		const page = '# X\r\n\r\n🙂 [a](#notes)\r\n\r\n### No$|$tes ###\r\n';
		const changed = renamed({ 'people/x.md': page, 'notes/a.md': '[n](/people/x/#notes)\r\n' }, 'Sources 🙂');
		assert.strictEqual(changed.get('people/x.md'), '# X\r\n\r\n🙂 [a](#sources-)\r\n\r\n### Sources 🙂 ###\r\n');
		assert.strictEqual(changed.get('notes/a.md'), '[n](/people/x/#sources-)\r\n');
	});

	it('renames a setext heading and a second level-1 heading', () => {
		const page = '# X\n\nPart tw$|$o\n---\n\n# Appendix\n\n[p](#part-two)\n';
		assert.strictEqual(renamed({ 'people/x.md': page }, 'Part 2').get('people/x.md'), '# X\n\nPart 2\n---\n\n# Appendix\n\n[p](#part-2)\n');
		const appendix = '# X\n\n# Appen$|$dix\n\n[a](#appendix)\n';
		assert.strictEqual(renamed({ 'people/x.md': appendix }, 'Annex').get('people/x.md'), '# X\n\n# Annex\n\n[a](#annex)\n');
	});

	it('follows the de-duplicated anchors: renaming one of two "Notes" moves the other to #notes', () => {
		const page = '# X\n\n## No$|$tes\n\n## Notes\n\n[first](#notes) [second](#notes-1)\n';
		const changed = renamed({ 'people/x.md': page, 'notes/a.md': '[2](/people/x/#notes-1) [1](/people/x/#notes)\n' }, 'Sources');
		assert.strictEqual(changed.get('people/x.md'), '# X\n\n## Sources\n\n## Notes\n\n[first](#sources) [second](#notes)\n');
		assert.strictEqual(changed.get('notes/a.md'), '[2](/people/x/#notes) [1](/people/x/#sources)\n');
	});

	it('makes the new anchors as the site does: Hugo\'s github-ascii and blackfriday ids, and a custom {#id} that stays', () => {
		const hugo = (headingIds: SiteRules['headingIds']): SiteRules => ({ ...DEFAULT_SITE_RULES, generator: 'hugo', headingIds, headingAttributes: true });
		const page = '# X\n\nSee [below](#early-life).\n\n## Early lif$|$e\n\n## Rise -- fall {#rise}\n';
		const linker = '[X](/people/x/#early-life) [r](/people/x/#rise)\n';
		const ascii = renamed({ 'people/x.md': page, 'notes/a.md': linker }, 'Café -- days', hugo('github-ascii'));
		assert.strictEqual(ascii.get('people/x.md'), '# X\n\nSee [below](#cafe----days).\n\n## Café -- days\n\n## Rise -- fall {#rise}\n');
		assert.strictEqual(ascii.get('notes/a.md'), '[X](/people/x/#cafe----days) [r](/people/x/#rise)\n');
		const blackfriday = renamed({ 'people/x.md': page, 'notes/a.md': linker }, 'Café -- days', hugo('blackfriday'));
		assert.strictEqual(blackfriday.get('notes/a.md'), '[X](/people/x/#café-days) [r](/people/x/#rise)\n');
		const plain = renamed({ 'people/x.md': page, 'notes/a.md': linker }, 'Café -- days');
		assert.strictEqual(plain.get('notes/a.md'), '[X](/people/x/#café----days) [r](/people/x/#rise)\n');
	});

	it('refuses a text whose anchor is another heading\'s, an empty one, one without an anchor, and a line break', () => {
		const pages = { 'people/x.md': X };
		assert.match(renameError(pages, 'later'), /Another heading, "Later", has the anchor #later/);
		assert.match(renameError(pages, '  '), /needs some text/);
		assert.match(renameError(pages, '!!!'), /makes no anchor/);
		assert.match(renameError(pages, 'a\nb'), /line break/);
	});

	it('gives up when cancelled', () => {
		const pages: Record<string, string> = { 'people/x.md': X };
		for (let i = 0; i < 600; i++) {
			pages[`notes/n${i}.md`] = '[x](/people/x/#early-life)\n';
		}
		const { context, position } = contextOf(pages);
		assert.deepStrictEqual(renameInPage(context, position, 'Youth', { isCancellationRequested: true }), { error: 'The rename was cancelled.' });
		const edit = renameInPage(context, position, 'Youth') as VaultEdit;
		assert.strictEqual(edit.changes!.length, 601);
	});
});

describe('rename in a page: footnote labels', () => {
	const PAGE = 'One[^Src] two[^2] three[^s$|$rc].\r\n\r\n[^src]: Source 🙂.\r\n[^2]: Other.\r\n';

	it('prepares on a reference or a definition marker with the label as written', () => {
		const { context, position } = contextOf({ 'people/x.md': PAGE });
		const clean = PAGE.replace('$|$', '');
		assert.deepStrictEqual(prepareRenameInPage(context, position), { range: rangeOfText(clean, 'src', 0), placeholder: 'src' });
		const definition = contextOf({ 'people/x.md': clean.replace('[^src]:', '[^sr$|$c]:') });
		assert.deepStrictEqual(prepareRenameInPage(definition.context, definition.position), { range: rangeOfText(clean, 'src', 1), placeholder: 'src' });
	});

	it('renames the definition and every use, in every spelling of the label', () => {
		assert.strictEqual(renamed({ 'people/x.md': PAGE }, 'dorril').get('people/x.md'), 'One[^dorril] two[^2] three[^dorril].\r\n\r\n[^dorril]: Source 🙂.\r\n[^2]: Other.\r\n');
		assert.strictEqual(renamed({ 'people/x.md': PAGE }, 'SRC').get('people/x.md'), 'One[^SRC] two[^2] three[^SRC].\r\n\r\n[^SRC]: Source 🙂.\r\n[^2]: Other.\r\n');
	});

	it('refuses a label the page has and an invalid one', () => {
		assert.match(renameError({ 'people/x.md': PAGE }, '2'), /already has a footnote \[\^2\]/);
		for (const bad of ['two words', 'a]b', '', 'x['.repeat(1)]) {
			assert.match(renameError({ 'people/x.md': PAGE }, bad), /is not a footnote label/, bad);
		}
	});
});
