import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { rangeOfText, vaultWithCursor } from '../support/cursor';
import { repoRoot } from '../support/paths';

const example = (page: string): string => fs.readFileSync(path.join(repoRoot, 'examples/vault', page), 'utf8');
const MI6 = example('organizations/mi6.md');
const MAXWELL = example('people/robert-maxwell.md');

function hoverAt(pages: Record<string, string>): { hover: Hover | undefined; text: string } {
	const vault = vaultWithCursor(pages);
	return { hover: vault.service.hover(vault.path, vault.text, vault.position), text: vault.text };
}

function markdownOf(hover: Hover | undefined): string {
	assert.ok(hover, 'expected a hover');
	const contents = hover.contents as MarkupContent;
	assert.strictEqual(contents.kind, 'markdown');
	return contents.value;
}

describe('hover', () => {
	it('shows an entity card over the whole link', () => {
		const { hover, text } = hoverAt({
			'people/robert-maxwell.md': MAXWELL,
			'organizations/mi6.md': MI6,
			'people/a.md': 'Intro.\n\nThe publisher [Robert $|$Maxwell](/people/robert-maxwell/) died.\n',
		});
		const value = markdownOf(hover);
		assert.deepStrictEqual(hover!.range, rangeOfText(text, '[Robert Maxwell](/people/robert-maxwell/)'));
		assert.ok(value.startsWith('**Robert Maxwell**  \nPerson · London, United Kingdom\n\n'), value);
		assert.ok(value.includes('Robert Maxwell (1923-1991) was a Czechoslovak-born British publisher, newspaper proprietor and Labour MP'), value);
		assert.ok(value.includes('Also known as: Ian Robert Maxwell, Jan Ludvik Hoch'), value);
		assert.ok(value.includes('Tags: `Person` `UnitedKingdom` `Media` `Publishing` `Mossad`'), value);
		// a.md and mi6.md link to the page.
		assert.ok(value.includes('Linked from 2 pages · `people/robert-maxwell.md` · updated 2026-05-20'), value);
	});

	it('shows what the seed page frontmatter holds: category, location, summary, tags', () => {
		const { hover } = hoverAt({ 'organizations/mi6.md': MI6, 'people/a.md': 'See [MI6](/organizations/$|$mi6/).\n' });
		const value = markdownOf(hover);
		assert.ok(value.includes('Intelligence & Government · London, United Kingdom'), value);
		assert.ok(value.includes('MI6 (the Secret Intelligence Service, SIS) is the United Kingdom\'s foreign intelligence service'), value);
		assert.ok(value.includes('the Arms-to-Iraq affair.'), value);
		assert.ok(value.includes('Tags: `Organization` `UnitedKingdom` `Intelligence` `MI6` `SIS` `ColdWar`'), value);
		assert.ok(value.includes('Linked from 1 page · `organizations/mi6.md`'), value);
		assert.ok(!value.includes('Also known as'), value);
	});

	it('escapes markup from the page so a title cannot inject links or HTML', () => {
		const { hover } = hoverAt({
			'people/x.md': '---\ntitle: "*Bold* [link](http://evil/) <img src=x>"\nsummary: "# not a heading"\n---\n',
			'people/a.md': '[x$|$](/people/x/)\n',
		});
		const value = markdownOf(hover);
		assert.ok(value.startsWith('**\\*Bold\\* \\[link\\](http://evil/) \\<img src=x\\>**'), value);
		assert.ok(value.includes('\n\n\\# not a heading\n\n'), value);
	});

	it('shortens a very long summary', () => {
		const long = 'word '.repeat(400).trim();
		const { hover } = hoverAt({ 'people/x.md': `---\nsummary: ${long}\n---\n`, 'people/a.md': '[x$|$](/people/x/)\n' });
		const summaryBlock = markdownOf(hover).split('\n\n')[1];
		assert.ok(summaryBlock.endsWith('…') && summaryBlock.length <= 601, summaryBlock);
	});

	it('on a broken link shows where it looked and the closest pages as links, not the diagnostic again', () => {
		const vault = vaultWithCursor({
			'people/robert-maxwell.md': MAXWELL,
			'places/robert-maxwel.md': '# Wrong section\n',
			'people/a.md': 'Ask [Bob](/people/robert-$|$maxwel/).\n',
		});
		const hover = vault.service.hover(vault.path, vault.text, vault.position, page => `file:///vault/${page}`);
		const value = markdownOf(hover);
		assert.deepStrictEqual(hover!.range, rangeOfText(vault.text, '[Bob](/people/robert-maxwel/)'));
		assert.ok(value.startsWith('Looked for `people/robert-maxwel.md`, `people/robert-maxwel/index.md`, `people/robert-maxwel/_index.md`: none exists.'), value);
		assert.ok(value.includes('Closest pages:\n- [Wrong section](<file:///vault/places/robert-maxwel.md>) `/places/robert-maxwel/`\n- [Robert Maxwell](<file:///vault/people/robert-maxwell.md>) `/people/robert-maxwell/`'), value);
		// The diagnostic, shown above the hover, says what is missing and suggests; the hover does not repeat it.
		const diagnostic = vault.service.diagnostics(vault.path).find(d => d.code === 'broken-link');
		assert.strictEqual(diagnostic?.message, 'No page at /people/robert-maxwel/: did you mean /places/robert-maxwel/, /people/robert-maxwell/?');
		assert.ok(!value.includes(diagnostic.message) && !value.includes('No page at') && !value.includes('no page at'), value);
	});

	it('says when nothing in the vault is close to a broken link', () => {
		const { hover } = hoverAt({ 'people/robert-maxwell.md': MAXWELL, 'people/a.md': '[Q](/events/$|$zzzzqqqq/)\n' });
		assert.ok(markdownOf(hover).endsWith('No similar page in the vault.'));
	});

	it('explains a link that leaves the vault', () => {
		const { hover } = hoverAt({ 'people/a.md': 'See [secrets](../../../$|$etc/passwd).\n' });
		const value = markdownOf(hover);
		assert.ok(value.startsWith('**Link leaves the vault**: the path climbs above the vault root.'), value);
		assert.ok(value.includes('`../../../etc/passwd` cannot be followed'), value);
	});

	it('shows a section link as a section', () => {
		const { hover } = hoverAt({ 'people/robert-maxwell.md': MAXWELL, 'people/b.md': '# B\n', 'places/a.md': 'All [people$|$](/people/).\n' });
		assert.strictEqual(markdownOf(hover), '**Section `people`**  \n2 pages; the site generator makes its list page.');
	});

	it('has nothing for external links and plain text', () => {
		assert.strictEqual(hoverAt({ 'people/a.md': 'See [site](https://exa$|$mple.com/).\n' }).hover, undefined);
		assert.strictEqual(hoverAt({ 'people/a.md': 'Plain $|$text [x](/people/a/).\n' }).hover, undefined);
	});

	it('shows the footnote text of a reference, read from the document', () => {
		const { hover, text } = hoverAt({
			'people/a.md': 'A claim.[^s$|$rc]\n\n[^src]: Bower, Tom. *Maxwell: The Final Verdict.*\n    HarperCollins, 1995.\n',
		});
		assert.deepStrictEqual(hover!.range, rangeOfText(text, '[^src]'));
		assert.strictEqual(markdownOf(hover), '**Footnote \\[^src\\]**\n\nBower, Tom. *Maxwell: The Final Verdict.*\nHarperCollins, 1995.');
	});

	it('tells about missing and duplicate footnote definitions', () => {
		assert.match(markdownOf(hoverAt({ 'people/a.md': 'Claim.[^gone$|$]\n' }).hover), /Footnote `\[\^gone\]` has no definition on this page/);
		const duplicate = markdownOf(hoverAt({ 'people/a.md': 'Claim.[^1$|$]\n\n[^1]: First.\n[^1]: Second.\n' }).hover);
		assert.ok(duplicate.includes('\n\nFirst.\n\n*Defined 2 times; the first definition counts.*'), duplicate);
		assert.ok(!duplicate.includes('Second'), duplicate);
	});

	it('tells how often a footnote definition is referenced', () => {
		const value = markdownOf(hoverAt({ 'people/a.md': 'A.[^1] B.[^1]\n\n[^$|$1]: Source.\n' }).hover);
		assert.strictEqual(value, 'Footnote `[^1]`: referenced 2 times on this page.');
	});

	it('names the heading a #fragment points to, over the fragment only', () => {
		const { hover, text } = hoverAt({
			'people/robert-maxwell.md': MAXWELL,
			'people/a.md': 'See [his death](/people/robert-maxwell/#death-and-$|$allegations).\n',
		});
		assert.deepStrictEqual(hover!.range, rangeOfText(text, '#death-and-allegations'));
		assert.strictEqual(markdownOf(hover), 'Heading **Death and Allegations** (level 3) in **Robert Maxwell**  \n`#death-and-allegations`');
	});

	it('says when the heading of a #fragment is missing, with the closest anchor', () => {
		const { hover } = hoverAt({
			'people/robert-maxwell.md': MAXWELL,
			'people/a.md': 'See [his death](/people/robert-maxwell/#death-and-alegations$|$).\n',
		});
		const value = markdownOf(hover);
		assert.ok(value.startsWith('**Missing heading**: no heading `#death-and-alegations` in **Robert Maxwell**.'), value);
		assert.ok(value.includes('Did you mean `#death-and-allegations`?'), value);
		assert.ok(value.endsWith('Headings: `#politics-and-business`, `#death-and-allegations`'), value);
	});

	it('resolves a #heading link of the same page', () => {
		const value = markdownOf(hoverAt({ 'people/a.md': '# A\n\nSee [below$|$](#notes).\n\n## Notes\n' }).hover);
		assert.strictEqual(value, 'Heading **Notes** (level 2) in this page  \n`#notes`');
	});

	it('adds the section to the card when hovering the text of a link with a fragment', () => {
		const value = markdownOf(hoverAt({
			'people/robert-maxwell.md': MAXWELL,
			'people/a.md': 'See [his$|$ death](/people/robert-maxwell/#death-and-allegations).\n',
		}).hover);
		assert.ok(value.startsWith('**Robert Maxwell**'), value);
		assert.ok(value.endsWith('\n\n→ Section **Death and Allegations**'), value);
	});

	it('has exact ranges after emoji and CRLF line breaks', () => {
		const { hover } = hoverAt({
			'people/robert-maxwell.md': MAXWELL.replace(/\n/g, '\r\n'),
			'people/a.md': '# A\r\n\r\n😀 👩‍👩‍👧 x [RM](/people/robert-maxwell/$|$) y\r\n',
		});
		const prefix = '😀 👩‍👩‍👧 x ';
		assert.deepStrictEqual(hover!.range, {
			start: { line: 2, character: prefix.length },
			end: { line: 2, character: prefix.length + '[RM](/people/robert-maxwell/)'.length },
		});
		assert.ok(markdownOf(hover).includes('Also known as: Ian Robert Maxwell, Jan Ludvik Hoch'));
	});
});
