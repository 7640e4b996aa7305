import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { PageSummaries, pageSummaryToParts, summarizePage } from '../../server/src/service/parse/pageSummary';
import { createVaultService, type VaultCodeAction } from '../../server/src/service/vaultService';
import { applyTextEdits } from '../support/applyEdits';
import { positionOfOffset, spanOfText } from '../support/cursor';

const TODAY = '2026-06-01';
const PATH = 'notes/page.md';

/** The code actions at `fragment` (its `occurrence`-th) of a page, with the diagnostics there. */
function actionsAt(text: string, fragment: string, occurrence = 0): { actions: VaultCodeAction[]; apply: (action: VaultCodeAction) => string } {
	const service = createVaultService();
	service.updatePage(PATH, text);
	const span = spanOfText(text, fragment, occurrence);
	const range: Range = { start: positionOfOffset(text, span.start), end: positionOfOffset(text, span.start) };
	const diagnostics = JSON.parse(JSON.stringify(service.diagnostics(PATH)));
	return {
		actions: service.codeActions(PATH, text, range, diagnostics, TODAY),
		apply: action => applyTextEdits(text, action.edit.changes![0].edits),
	};
}

function cite(text: string, fragment: string, occurrence = 0): string | undefined {
	const { actions, apply } = actionsAt(text, fragment, occurrence);
	const action = actions.find(candidate => candidate.title.startsWith('Cite as a footnote'));
	return action && apply(action);
}

describe('citations: cite a bare URL as a footnote', () => {
	it('turns a bare URL into the next footnote, its definition after the last one', () => {
		const text = 'A claim.[^1] See https://example.org/a?b=1, and more.[^note]\n\n[^1]: A book.\n[^note]: A note.\n\nAfter.\n';
		assert.strictEqual(cite(text, 'example.org'), 'A claim.[^1] See [^2], and more.[^note]\n\n[^1]: A book.\n[^note]: A note.\n[^2]: <https://example.org/a?b=1>\n\nAfter.\n');
	});

	it('cites <https://…> too, at the end of a CRLF page without definitions, after an emoji', () => {
		const text = '😀 Source: <https://example.org/😀>.\r\nMore.';
		assert.strictEqual(cite(text, 'example'), '😀 Source: [^1].\r\nMore.\r\n\r\n[^1]: <https://example.org/😀>');
		assert.strictEqual(actionsAt(text, 'example').actions.find(action => action.title.startsWith('Cite'))!.title, 'Cite as a footnote: [^1]: <https://example.org/😀>');
	});

	it('puts the definition in one edit with the call when the URL ends the page', () => {
		const text = 'See https://example.org';
		const { actions } = actionsAt(text, 'example');
		assert.strictEqual(actions[0].edit.changes![0].edits.length, 1);
		assert.strictEqual(cite(text, 'example'), 'See [^1]\n\n[^1]: <https://example.org>');
		assert.strictEqual(cite('[^1]: Old.\n\nSee[^1] https://example.org', 'example'), '[^1]: Old.\n[^2]: <https://example.org>\n\nSee[^1] [^2]');
	});

	it('is not offered in code, a link, the frontmatter, a footnote definition or off the URL', () => {
		const text = '---\nsource: https://example.org/fm\n---\n`https://example.org/code` [https://example.org/text](/x/) [x](https://example.org/dest) www.example.org\n\n```\nhttps://example.org/block\n```\n\n[^1]: https://example.org/def\n\nPlain text https://example.org/ok\n';
		for (const fragment of ['example.org/fm', 'example.org/code', 'example.org/text', 'example.org/dest', 'www.example', 'example.org/block', 'example.org/def', 'Plain text']) {
			assert.strictEqual(cite(text, fragment), undefined, fragment);
		}
		assert.ok(cite(text, 'example.org/ok'));
	});
});

describe('citations: duplicate-citation', () => {
	const text = 'One.[^1] Two.[^2] Three.[^3] Again[^2].\n\n[^1]: Smith, *A Book*, 1990.\n[^2]: smith,  *A Book*, 1990\n[^3]: <https://example.org/x>\n[^4]: https://example.org/x\n\nUses [^4].\n';

	it('hints at a definition that repeats an earlier one, text or URL', () => {
		const service = createVaultService();
		service.updatePage(PATH, text);
		const hints = service.diagnostics(PATH).filter(diagnostic => diagnostic.code === 'duplicate-citation');
		assert.deepStrictEqual(hints.map(hint => [hint.message, hint.severity, hint.range.start.line]), [
			['Footnote [^2] cites the same as [^1]: use [^1] instead.', 4, 3],
			['Footnote [^4] cites the same as [^3]: use [^3] instead.', 4, 5],
		]);
	});

	it('"Use [^k] instead" rewrites the calls and removes the duplicate, leaving no problem', () => {
		const { actions, apply } = actionsAt(text, '[^2]: smith');
		const use = actions.filter(action => action.title === 'Use [^1] instead');
		assert.strictEqual(use.length, 1);
		const after = apply(use[0]);
		assert.strictEqual(after, 'One.[^1] Two.[^1] Three.[^3] Again[^1].\n\n[^1]: Smith, *A Book*, 1990.\n[^3]: <https://example.org/x>\n[^4]: https://example.org/x\n\nUses [^4].\n');
		const service = createVaultService();
		service.updatePage(PATH, after);
		assert.deepStrictEqual(service.diagnostics(PATH).map(diagnostic => diagnostic.message), ['Footnote [^4] cites the same as [^3]: use [^3] instead.']);
	});

	it('keeps CRLF and is not reported for an unused or a twice-defined label', () => {
		const crlf = 'A[^a] B[^b] 😀[^b] E[^e]\r\n\r\n[^a]: Same.\r\n[^b]: same\r\n[^c]: Same.\r\n[^a]: same\r\n[^e]: SAME\r\n[^e]: Other.\r\n';
		const service = createVaultService();
		service.updatePage(PATH, crlf);
		assert.deepStrictEqual(service.diagnostics(PATH).filter(d => d.code === 'duplicate-citation').map(d => d.message), ['Footnote [^b] cites the same as [^a]: use [^a] instead.']);
		const { actions, apply } = actionsAt(crlf, '[^b]: same');
		assert.strictEqual(apply(actions.find(action => action.title === 'Use [^a] instead')!), 'A[^a] B[^a] 😀[^a] E[^e]\r\n\r\n[^a]: Same.\r\n[^c]: Same.\r\n[^a]: same\r\n[^e]: SAME\r\n[^e]: Other.\r\n');
	});

	it('keeps which definition repeats which through the persisted form of the summary', () => {
		const summary = summarizePage(PATH, text);
		const again = new PageSummaries().fromParts(structuredClone(pageSummaryToParts(summary)), true);
		assert.deepStrictEqual(again.footnoteDefinitions.map(definition => definition.sameTextAs), [-1, 0, -1, 2]);
		assert.deepStrictEqual(again.footnoteDefinitions, summary.footnoteDefinitions);
	});
});
