import * as assert from 'assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createVaultService, type VaultCodeAction } from '../../server/src/service/vaultService';
import { applyTextEdits, applyVaultEdit } from '../support/applyEdits';
import { CURSOR, vaultWithCursor } from '../support/cursor';

const TODAY = '2026-06-01';

const PAGES: Record<string, string> = {
	'people/robert-maxwell.md': '---\ntitle: Robert Maxwell\naliases: [Cap\'n Bob]\n---\n',
	'people/kim-philby.md': '---\ntitle: Kim [Harold] Philby\\*\n---\n',
	'organizations/mi6.md': '---\ntitle: MI6\n---\n',
};

/** The completion items at the cursor of `marked` (a page of the vault above), and what picking one makes of the text. */
function complete(marked: string, path = 'organizations/new.md'): { items: CompletionItem[]; pick(label: string): string } {
	const vault = vaultWithCursor({ ...PAGES, [path]: marked });
	const { items } = vault.service.completion(vault.path, vault.text, vault.position);
	return {
		items,
		pick(label: string): string {
			const item = items.find(candidate => candidate.label === label);
			assert.ok(item, `no item ${label} among ${JSON.stringify(items.map(candidate => candidate.label))}`);
			const edit = item.textEdit as TextEdit;
			return applyTextEdits(vault.text, [edit, ...(item.additionalTextEdits ?? [])]);
		},
	};
}

describe('authoring: a page picked in an empty link fills its text with the title', () => {
	it('writes the title into `[]` after `[](/people/`', () => {
		assert.strictEqual(complete('See [](/people/$|$) now.\n').pick('Robert Maxwell'), 'See [Robert Maxwell](/people/robert-maxwell/) now.\n');
	});

	it('escapes brackets and backslashes in the title, as whole-link completion does', () => {
		assert.strictEqual(complete('See [](/people/ki$|$\n').pick('Kim [Harold] Philby\\*'), 'See [Kim \\[Harold\\] Philby\\\\*](/people/kim-philby/\n');
	});

	it('counts UTF-16 positions after emoji, in a CRLF page, with the link unclosed', () => {
		const marked = '---\r\ntitle: New\r\n---\r\n😀 👍 x [](/people/rob$|$\r\nNext line.\r\n';
		assert.strictEqual(complete(marked).pick('Robert Maxwell'), '---\r\ntitle: New\r\n---\r\n😀 👍 x [Robert Maxwell](/people/robert-maxwell/\r\nNext line.\r\n');
	});

	it('uses the title, not the alias that matched', () => {
		assert.strictEqual(complete('[](/people/cap$|$)\n').pick('Robert Maxwell'), '[Robert Maxwell](/people/robert-maxwell/)\n');
	});

	it('leaves a link text that is written, an image, an escaped bracket and a link definition as they are', () => {
		for (const [marked, expected] of [
			['[Bob](/people/$|$)\n', '[Bob](/people/robert-maxwell/)\n'],
			['[ ](/people/$|$)\n', '[ ](/people/robert-maxwell/)\n'],
			['![](/people/$|$)\n', '![](/people/robert-maxwell/)\n'],
			['\\[](/people/$|$)\n', '\\[](/people/robert-maxwell/)\n'],
			['[bob]: /people/$|$\n', '[bob]: /people/robert-maxwell/\n'],
		]) {
			const { items, pick } = complete(marked);
			assert.strictEqual(pick('Robert Maxwell'), expected, marked);
			assert.ok(items.every(item => item.additionalTextEdits === undefined), marked);
		}
	});
});

/** The missing-footnote quick fixes of the page `text`, with snippet edits or not. */
function footnoteFixes(text: string, snippets: boolean): { actions: VaultCodeAction[]; apply(title: string): string } {
	const service = createVaultService();
	service.updatePage('a.md', text);
	const diagnostics = service.diagnostics('a.md').filter(diagnostic => diagnostic.code === 'missing-footnote');
	assert.ok(diagnostics.length > 0, `no missing footnote in ${JSON.stringify(text)}`);
	const fromClient = JSON.parse(JSON.stringify(diagnostics)) as typeof diagnostics;
	const actions = service.codeActions('a.md', text, diagnostics[0].range, fromClient, TODAY, snippets);
	return {
		actions,
		apply(title: string): string {
			const action = actions.find(candidate => candidate.title === title);
			assert.ok(action, `no action ${title} among ${JSON.stringify(actions.map(candidate => candidate.title))}`);
			// Tab stops are written as the cursor marker, so the expected text shows where the cursor lands.
			const after = applyVaultEdit(new Map([['a.md', text]]), action.edit, CURSOR).get('a.md');
			assert.ok(after !== undefined);
			service.updatePage('a.md', after.split(CURSOR).join(''));
			assert.deepStrictEqual(service.diagnostics('a.md').filter(diagnostic => diagnostic.code === 'missing-footnote'), [], 'the fix clears the diagnostic');
			return after;
		},
	};
}

describe('authoring: the missing-footnote fix writes the definition after the last one, with the cursor in it', () => {
	it('puts it under the last definition, before the rest of the page, as a snippet', () => {
		const text = 'Claim.[^1] Other.[^2]\n\n[^1]: One.\n\n## See also\n\nMore.\n';
		const { actions, apply } = footnoteFixes(text, true);
		assert.strictEqual(apply('Add footnote definition [^2]'), `Claim.[^1] Other.[^2]\n\n[^1]: One.\n[^2]: ${CURSOR}\n\n## See also\n\nMore.\n`);
		const edit = actions[0].edit.changes?.[0].edits[0];
		assert.ok(edit && 'snippet' in edit, 'a snippet edit');
		assert.strictEqual(edit.snippet.value, '\n[^2]: $0');
	});

	it('is plain text when the client takes no snippet edits', () => {
		const text = 'Claim.[^1] Other.[^2]\n\n[^1]: One.\n\n## See also\n';
		const { actions, apply } = footnoteFixes(text, false);
		assert.strictEqual(apply('Add footnote definition [^2]'), 'Claim.[^1] Other.[^2]\n\n[^1]: One.\n[^2]: \n\n## See also\n');
		assert.ok(actions.every(action => action.edit.changes?.every(change => change.edits.every(edit => 'newText' in edit))));
	});

	it('keeps a blank line between definitions written apart, and before content right under the last one', () => {
		assert.strictEqual(footnoteFixes('A[^1] B[^2] C[^3]\n\n[^1]: One.\n\n[^2]: Two.\n', true).apply('Add footnote definition [^3]'),
			`A[^1] B[^2] C[^3]\n\n[^1]: One.\n\n[^2]: Two.\n\n[^3]: ${CURSOR}\n`);
		assert.strictEqual(footnoteFixes('A[^1] B[^2]\n\n[^1]: One.\n## Next\n', true).apply('Add footnote definition [^2]'),
			`A[^1] B[^2]\n\n[^1]: One.\n[^2]: ${CURSOR}\n\n## Next\n`);
	});

	it('goes at the end after a blank line when there is no definition, in a CRLF page with emoji', () => {
		assert.strictEqual(footnoteFixes('😀 Claim.[^9]\r\nMore 👍.\r\n', true).apply('Add footnote definition [^9]'), `😀 Claim.[^9]\r\nMore 👍.\r\n\r\n[^9]: ${CURSOR}\r\n`);
	});

	it('escapes the snippet\'s special characters in the label, and gives each stub of "all" a tab stop', () => {
		const { apply, actions } = footnoteFixes('A[^$x}] B[^b\\\\]\n', true);
		assert.strictEqual(apply('Add definitions for all 2 undefined footnotes'), `A[^$x}] B[^b\\\\]\n\n[^$x}]: ${CURSOR}\n[^b\\\\]: ${CURSOR}\n`);
		const all = actions.find(action => action.title.startsWith('Add definitions'))?.edit.changes?.[0].edits[0];
		assert.ok(all && 'snippet' in all);
		assert.strictEqual(all.snippet.value, '\n\n[^\\$x\\}]: $1\n[^b\\\\\\\\]: $2');
	});
});

describe('authoring: completing a new footnote label adds its definition', () => {
	it('adds the next number\'s definition after the last definition', () => {
		const marked = 'One.[^1] Two.[^$|$ more.\n\n[^1]: First.\n\n## Later\n';
		assert.strictEqual(complete(marked).pick('2'), 'One.[^1] Two.[^2] more.\n\n[^1]: First.\n[^2]: \n\n## Later\n');
		// A defined label adds nothing.
		assert.strictEqual(complete(marked).pick('1'), 'One.[^1] Two.[^1] more.\n\n[^1]: First.\n\n## Later\n');
	});

	it('adds it at the end of a page without definitions, past the cursor\'s line, in CRLF with emoji', () => {
		const marked = '---\r\ntitle: A\r\n---\r\n😀 One 👍.[^$|$\r\n';
		const { items, pick } = complete(marked);
		const item = items.find(candidate => candidate.label === '1');
		assert.deepStrictEqual(item?.additionalTextEdits, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '\r\n[^1]: \r\n' }]);
		assert.strictEqual(pick('1'), '---\r\ntitle: A\r\n---\r\n😀 One 👍.[^1]\r\n\r\n[^1]: \r\n');
	});

	it('adds the definition of a label used but not defined yet', () => {
		assert.strictEqual(complete('One.[^todo] Two.[^t$|$]\n').pick('todo'), 'One.[^todo] Two.[^todo]\n\n[^todo]: \n');
	});

	it('adds nothing where the definition would land on the cursor (a last line without a line break)', () => {
		const { items, pick } = complete('One.[^$|$');
		assert.ok(items.every(item => item.additionalTextEdits === undefined));
		assert.strictEqual(pick('1'), 'One.[^1]');
	});
});
