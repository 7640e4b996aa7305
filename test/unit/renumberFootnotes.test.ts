import * as assert from 'assert';
import { applyVaultEdit } from '../support/applyEdits';
import { vaultOf } from '../support/cursor';

/** The page's text after Renumber footnotes, or undefined when the action is not offered. */
function renumbered(text: string): string | undefined {
	const service = vaultOf({ 'people/x.md': text });
	const action = service.renumberFootnotes('people/x.md', text);
	if (!action) {
		return undefined;
	}
	assert.strictEqual(action.kind, 'source.renumberFootnotes');
	assert.strictEqual(action.title, 'Renumber footnotes');
	return applyVaultEdit(new Map([['people/x.md', text]]), action.edit).get('people/x.md');
}

describe('Renumber footnotes', () => {
	it('numbers the labels 1..n in order of first use and orders the definitions so, the rest byte for byte', () => {
		const text = '# X 🙂\n\nFirst[^b], second[^a], again[^B].\n\n[^a]: Alpha.\n[^b]: Beta,\n    continued.\n';
		assert.strictEqual(renumbered(text), '# X 🙂\n\nFirst[^1], second[^2], again[^1].\n\n[^1]: Beta,\n    continued.\n[^2]: Alpha.\n');
	});

	it('keeps CRLF line breaks and the blank lines between the definitions of the block', () => {
		const text = 'A[^z] b[^y].\r\n\r\n[^y]: Why.\r\n\r\n[^z]: Zed.\r\n';
		assert.strictEqual(renumbered(text), 'A[^1] b[^2].\r\n\r\n[^1]: Zed.\r\n\r\n[^2]: Why.\r\n');
	});

	it('moves a definition from the middle of the page to the end, and keeps unused definitions after the used ones', () => {
		const text = 'Intro[^x].\n\n[^x]: Early definition.\n\nMore[^y].\n\n[^old]: Never used.\n[^y]: Why.\n';
		assert.strictEqual(renumbered(text), 'Intro[^1].\n\nMore[^2].\n\n[^1]: Early definition.\n[^2]: Why.\n[^3]: Never used.\n');
	});

	it('makes a footnote block at the end when every definition is elsewhere, with the page\'s line break', () => {
		const text = 'Intro[^x].\r\n\r\n[^x]: Early.\r\n\r\nEnd.';
		assert.strictEqual(renumbered(text), 'Intro[^1].\r\n\r\nEnd.\r\n\r\n[^1]: Early.');
	});

	it('relabels the references inside a definition', () => {
		const text = 'A[^a].\n\n[^b]: Bee.\n[^a]: See[^b].\n';
		assert.strictEqual(renumbered(text), 'A[^1].\n\n[^1]: See[^2].\n[^2]: Bee.\n');
	});

	it('is not offered on a page already in that form, without footnotes, or with a definition inside a quote', () => {
		assert.strictEqual(renumbered('A[^1] b[^2].\n\n[^1]: One.\n[^2]: Two.\n'), undefined);
		assert.strictEqual(renumbered('No footnotes.\n'), undefined);
		assert.strictEqual(renumbered('A[^x].\n\n> [^x]: Quoted.\n'), undefined);
	});

	it('leaves code untouched', () => {
		const text = 'A[^b] `[^b]` b[^a].\n\n```\n[^a]: not a definition\n```\n\n[^a]: Alpha.\n[^b]: Beta.\n';
		assert.strictEqual(renumbered(text), 'A[^1] `[^b]` b[^2].\n\n```\n[^a]: not a definition\n```\n\n[^1]: Beta.\n[^2]: Alpha.\n');
	});
});
