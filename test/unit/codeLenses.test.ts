import * as assert from 'assert';
import { folderSettingsFrom } from '../../server/src/node/serverSettings';
import { rangeOfText, vaultOf } from '../support/cursor';

const IRAN = '---\ntitle: Iran\n---\n\nSee [history](#history)[^1] and [^note] and [^1].\n\n## History\n\n[^1]: One.\r\n[^NOTE]: Two.\n[^unused]: Three.\n';
const A = '🙂 [Iran](/places/iran/) and [again](../places/iran.md#history)\n';
const B = 'Also [Iran](/places/iran)\r\n';

describe('code lenses', () => {
	it('counts the other pages linking here at the top of the page, opening every link from them', () => {
		const service = vaultOf({ 'places/iran.md': IRAN, 'notes/a.md': A, 'notes/b.md': B, 'notes/c.md': 'No link.\n' });
		const lenses = service.codeLenses('places/iran.md', IRAN);
		const top = lenses[0];
		assert.strictEqual(top.title, '2 backlinks');
		assert.deepStrictEqual(top.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
		assert.deepStrictEqual(top.locations, [
			{ path: 'notes/a.md', range: rangeOfText(A, '[Iran](/places/iran/)') },
			{ path: 'notes/a.md', range: rangeOfText(A, '[again](../places/iran.md#history)') },
			{ path: 'notes/b.md', range: rangeOfText(B, '[Iran](/places/iran)') },
		]);
		assert.strictEqual(service.backlinkCount('places/iran.md'), 2);
	});

	it('says "1 backlink" and "0 backlinks"', () => {
		const service = vaultOf({ 'places/iran.md': IRAN, 'notes/b.md': B });
		assert.strictEqual(service.codeLenses('places/iran.md', IRAN)[0].title, '1 backlink');
		assert.strictEqual(service.codeLenses('notes/b.md', B)[0].title, '0 backlinks');
	});

	it('counts the uses of each footnote definition, case-insensitively, unused ones included', () => {
		const service = vaultOf({ 'places/iran.md': IRAN });
		const lenses = service.codeLenses('places/iran.md', IRAN).slice(1);
		assert.deepStrictEqual(lenses.map(lens => [lens.title, lens.range]), [
			['2 uses', rangeOfText(IRAN, '[^1]:')],
			['1 use', rangeOfText(IRAN, '[^NOTE]:')],
			['0 uses', rangeOfText(IRAN, '[^unused]:')],
		]);
		assert.deepStrictEqual(lenses[0].locations, [
			{ path: 'places/iran.md', range: rangeOfText(IRAN, '[^1]') },
			{ path: 'places/iran.md', range: rangeOfText(IRAN, '[^1]', 1) },
		]);
		assert.deepStrictEqual(lenses[1].locations, [{ path: 'places/iran.md', range: rangeOfText(IRAN, '[^note]') }]);
	});

	it('follows the index: a new link elsewhere raises the count', () => {
		const service = vaultOf({ 'places/iran.md': IRAN, 'notes/b.md': B });
		service.updatePage('notes/c.md', '[I](/places/iran/)\n');
		assert.strictEqual(service.codeLenses('places/iran.md', IRAN)[0].title, '2 backlinks');
		service.removePage('notes/b.md');
		assert.strictEqual(service.backlinkCount('places/iran.md'), 1);
	});
});

describe('the entityVault.codeLens.enabled setting', () => {
	it('is on by default, off when false, and reported when not a boolean', () => {
		assert.strictEqual(folderSettingsFrom(undefined).codeLens, true);
		assert.strictEqual(folderSettingsFrom({ codeLens: { enabled: false } }).codeLens, false);
		const bad = folderSettingsFrom({ codeLens: { enabled: 'no' } });
		assert.strictEqual(bad.codeLens, true);
		assert.deepStrictEqual(bad.problems, ['entityVault.codeLens.enabled must be true or false']);
	});
});
