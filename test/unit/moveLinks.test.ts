import * as assert from 'assert';
import type { PathMove } from '../../server/src/service/vaultService';
import { applyTextEdits } from '../support/applyEdits';
import { vaultOf } from '../support/cursor';
import { linkTargetsByTitle, moveInMemory } from '../support/linkTargets';
import { titled } from '../support/memoryVault';

/** Moves in a copy of `pages`; returns the texts after, and checks every link still reaches what it reached. */
function move(pages: Record<string, string>, moves: readonly PathMove[], assetMoves?: (path: string) => string): Map<string, string> {
	const texts = new Map(Object.entries(pages));
	const before = linkTargetsByTitle(texts, assetMoves);
	moveInMemory(texts, moves);
	assert.deepStrictEqual(linkTargetsByTitle(texts), before, 'every link reaches the same target after the move');
	return texts;
}

const MAXWELL = titled('Robert Maxwell', '\nPublisher.\n\n## Death\n');

describe('moveLinks: link edits for moved pages', () => {
	it('rewrites every spelling of a link to a renamed page, each in its own style', () => {
		const body = [
			'Canonical [Robert Maxwell](/people/robert-maxwell/), short [RM](/people/robert-maxwell), angle [a](</people/robert-maxwell/>).',
			'Fragment [f](/people/robert-maxwell/#death), query [q](/people/robert-maxwell/?x=1#death), title [t](/people/robert-maxwell/ "Bob").',
			'Markdown paths [m](../people/robert-maxwell.md), [am](/people/robert-maxwell.md#death), [dot](./../people/robert-maxwell.md).',
			'Relative URL [r](../../people/robert-maxwell/) image ![p](/people/robert-maxwell/).',
			'Reference [one][rm], [two][rm] and [Maxwell].',
			'',
			'[rm]: /people/robert-maxwell/',
			'[maxwell]: ../people/robert-maxwell.md "Title"',
			'',
		].join('\n');
		const texts = move({ 'people/robert-maxwell.md': MAXWELL, 'notes/a.md': titled('A', body) }, [{ from: 'people/robert-maxwell.md', to: 'people/bob-maxwell.md' }]);
		assert.strictEqual(texts.get('notes/a.md'), titled('A', body.replace(/robert-maxwell/g, 'bob-maxwell')));
		assert.ok(texts.has('people/bob-maxwell.md') && !texts.has('people/robert-maxwell.md'));
	});

	it('writes one edit per reference definition, however many links use it', () => {
		const service = vaultOf({
			'people/x.md': titled('X'),
			'notes/a.md': titled('A', '[1][x] [2][x] [3][x] [4][x]\n\n[x]: /people/x/\n'),
		});
		const edit = service.moveEdits([{ from: 'people/x.md', to: 'people/y.md' }]);
		assert.deepStrictEqual(edit.changes?.map(change => [change.path, change.edits.length]), [['notes/a.md', 1]]);
	});

	it('moves a page to another section, fixing the relative links inside it to pages and images', () => {
		const x = titled('X', [
			'[Sibling](../sibling/) [file](sibling.md) [up](../../places/london/) [abs](/places/london/) ![photo](../images/x.png) ![abs](/images/y.png)',
			'[self](/people/x/#top) [here](#top) [this file](x.md)',
			'',
		].join('\n'));
		const texts = move({
			'people/x.md': x,
			'people/sibling.md': titled('Sibling', '[X](x.md) and [X again](../x/)\n'),
			'places/london.md': titled('London'),
		}, [{ from: 'people/x.md', to: 'organizations/deep/x.md' }]);
		assert.strictEqual(texts.get('organizations/deep/x.md'), titled('X', [
			'[Sibling](../../../people/sibling/) [file](../../people/sibling.md) [up](../../../places/london/) [abs](/places/london/) ![photo](../../images/x.png) ![abs](/images/y.png)',
			'[self](/organizations/deep/x/#top) [here](#top) [this file](x.md)',
			'',
		].join('\n')));
		assert.strictEqual(texts.get('people/sibling.md'), titled('Sibling', '[X](../organizations/deep/x.md) and [X again](../../organizations/deep/x/)\n'));
	});

	it('renames a section folder: every link to its pages, and the relative links inside them', () => {
		const texts = move({
			'people/a.md': titled('A', '[B](/people/b/) [B](b.md) [L](../places/l.md) [L](/places/l/)\n'),
			'people/b.md': titled('B', '[A](../a/)\n'),
			'places/l.md': titled('L', '[A](/people/a/) [B](../people/b.md) [list](/people/)\n'),
		}, [{ from: 'people', to: 'persons' }]);
		assert.deepStrictEqual(Object.fromEntries(texts), {
			'persons/a.md': titled('A', '[B](/persons/b/) [B](b.md) [L](../places/l.md) [L](/places/l/)\n'),
			'persons/b.md': titled('B', '[A](../a/)\n'),
			'places/l.md': titled('L', '[A](/persons/a/) [B](../persons/b.md) [list](/people/)\n'),
		});
	});

	it('renames the folder of an index.md page; its images move with it', () => {
		const texts = move({
			'people/x/index.md': titled('X', '![me](photo.jpg) [Y](../y/) [Y](../y.md) [root](/people/x/index.md)\n'),
			'people/x/photo.jpg': 'jpeg',
			'people/y.md': titled('Y', '[X](/people/x/) [X](x/index.md) [X](x.md) ![his](x/photo.jpg)\n'),
		}, [{ from: 'people/x', to: 'people/z' }], path => path.replace('people/x/', 'people/z/'));
		assert.strictEqual(texts.get('people/z/index.md'), titled('X', '![me](photo.jpg) [Y](../y/) [Y](../y.md) [root](/people/z/index.md)\n'));
		// The image link from another page follows too, as that page links the moved page (the index has no backlinks of images).
		assert.strictEqual(texts.get('people/y.md'), titled('Y', '[X](/people/z/) [X](z/index.md) [X](z.md) ![his](z/photo.jpg)\n'));
	});

	it('changes no link when the URL stays (x.md to x/index.md), but fixes the relative file links inside', () => {
		const pages = { 'people/x.md': titled('X', '[Y](/people/y/) [Y](../y/)\n'), 'people/y.md': titled('Y', '[X](/people/x/) [X](x.md)\n') };
		assert.deepStrictEqual(vaultOf(pages).moveEdits([{ from: 'people/x.md', to: 'people/x/index.md' }]), { changes: [] });
		const texts = move({ ...pages, 'people/x.md': titled('X', '[Y](y.md) ![i](../img/i.png)\n') }, [{ from: 'people/x.md', to: 'people/x/index.md' }]);
		assert.strictEqual(texts.get('people/x/index.md'), titled('X', '[Y](../y.md) ![i](../../img/i.png)\n'));
	});

	it('makes no edit for a move of nothing, onto itself, or of a page nobody links', () => {
		const service = vaultOf({ 'people/x.md': titled('X', '[abs](/places/l/)\n'), 'places/l.md': titled('L') });
		assert.deepStrictEqual(service.moveEdits([]), { changes: [] });
		assert.deepStrictEqual(service.moveEdits([{ from: 'people/x.md', to: 'people/x.md' }]), { changes: [] });
		assert.deepStrictEqual(service.moveEdits([{ from: 'nowhere/q.md', to: 'people/q.md' }]), { changes: [] });
		assert.deepStrictEqual(service.moveEdits([{ from: 'people/x.md', to: 'people/w.md' }]), { changes: [] });
	});

	it('leaves links in code, HTML and frontmatter, and the link text, as they are', () => {
		const body = [
			'---',
			'title: A',
			'see: /people/x/',
			'---',
			'[/people/x/](/people/x/) `[c](/people/x/)` <!-- [h](/people/x/) -->',
			'',
			'```',
			'[f](/people/x/)',
			'```',
			'',
			'<div>',
			'[b](/people/x/)',
			'</div>',
			'',
		].join('\n');
		const texts = move({ 'people/x.md': titled('X'), 'notes/a.md': body }, [{ from: 'people/x.md', to: 'people/y.md' }]);
		assert.strictEqual(texts.get('notes/a.md'), body.replace('[/people/x/](/people/x/)', '[/people/x/](/people/y/)'));
	});

	it('keeps CRLF line breaks, and counts UTF-16 after an emoji on the same line', () => {
		const body = '---\r\ntitle: A\r\n---\r\n\r\n😀🇫🇷 [X](/people/x/) 😀 [X](../people/x.md#a)\r\nnext [X](/people/x)\r\n';
		const texts = move({ 'people/x.md': titled('X'), 'notes/a.md': body }, [{ from: 'people/x.md', to: 'people/why.md' }]);
		assert.strictEqual(texts.get('notes/a.md'), body.replace(/people\/x/g, 'people/why'));
	});

	it('rewrites a destination written with escapes or entities whole, so it decodes to the new one', () => {
		const body = '[e](/people/x/#a\\_b) [n](</people/x/?q=1&amp;r=2>) [s](../people/x.md#caf&eacute;)\n';
		const texts = move({ 'people/x.md': titled('X'), 'notes/a.md': titled('A', body) }, [{ from: 'people/x.md', to: 'people/y.md' }]);
		const after = texts.get('notes/a.md')!;
		assert.strictEqual(after, titled('A', '[e](/people/y/#a_b) [n](</people/y/?q=1\\&r=2>) [s](../people/y.md#café)\n'));
		const links = vaultOf({ 'notes/a.md': after }).getPage('notes/a.md')!.links;
		assert.deepStrictEqual(links.map(link => link.destination), ['/people/y/#a_b', '/people/y/?q=1&r=2', '../people/y.md#café']);
	});

	it('keeps percent-encoding and encodes what a destination cannot hold', () => {
		const texts = move({
			'people/caf\u00e9.md': titled('Café'),
			'notes/a.md': titled('A', '[c](/people/caf%C3%A9/) [m](../people/caf%C3%A9.md)\n'),
		}, [{ from: 'people/caf\u00e9.md', to: 'people/le café.md' }]);
		assert.strictEqual(texts.get('notes/a.md'), titled('A', '[c](/people/le%20caf%C3%A9/) [m](../people/le%20caf%C3%A9.md)\n'));
	});

	it('keeps broken relative links inside a moved page broken at the same URL', () => {
		const texts = move({ 'people/x.md': titled('X', '[gone](../ghost/) [gone](ghost.md) [gone](/people/ghost/)\n') }, [{ from: 'people/x.md', to: 'places/x.md' }]);
		assert.strictEqual(texts.get('places/x.md'), titled('X', '[gone](../../people/ghost/) [gone](../people/ghost.md) [gone](/people/ghost/)\n'));
	});

	it('gives ranges in the linking page at its old path, in document order, applicable to the current text', () => {
		const a = titled('A', '[1](/people/x/) [2](/people/y/) [3](/people/x)\n');
		const service = vaultOf({ 'people/x.md': titled('X'), 'people/y.md': titled('Y', '[A](../notes/a.md) [X](/people/x/)\n'), 'notes/a.md': a });
		const edit = service.moveEdits([{ from: 'people/x.md', to: 'places/x.md' }, { from: 'people/y.md', to: 'places/y.md' }]);
		assert.deepStrictEqual(edit.changes?.map(change => change.path), ['notes/a.md', 'people/y.md']);
		assert.strictEqual(applyTextEdits(a, edit.changes![0].edits), titled('A', '[1](/places/x/) [2](/places/y/) [3](/places/x)\n'));
	});

	it('answers nothing once cancelled', () => {
		const pages: Record<string, string> = { 'people/x.md': titled('X') };
		for (let i = 0; i < 1100; i++) {
			pages[`notes/n${i}.md`] = '[X](/people/x/)\n';
		}
		const service = vaultOf(pages);
		assert.strictEqual(service.moveEdits([{ from: 'people/x.md', to: 'people/y.md' }]).changes?.length, 1100);
		assert.deepStrictEqual(service.moveEdits([{ from: 'people/x.md', to: 'people/y.md' }], { isCancellationRequested: true }), {});
	});
});
