import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { createVaultService, type VaultCodeAction, type VaultDiagnostic, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { parseCursor } from '../support/cursor';

const TODAY = '2026-06-01';
const PATH = 'notes/draft.md';

function page(title: string, body = ''): string {
	return `---\ntitle: ${title}\n---\n${body}`;
}

const ENTITIES: Record<string, string> = {
	'organizations/mi6.md': page('MI6'),
	'organizations/mi5.md': page('MI5'),
	'organizations/gchq.md': page('GCHQ'),
	'planets/mercury.md': page('Mercury'),
	'gods/mercury.md': page('Mercury'),
};

/** A vault with the draft page (its cursor marker on a mention), and the mention diagnostics of the draft. */
function draft(marked: string): { service: VaultService; text: string; diagnostics: VaultDiagnostic[]; at: VaultDiagnostic } {
	const { text, position } = parseCursor(page('Draft', marked));
	const service = createVaultService();
	for (const [path, pageText] of Object.entries(ENTITIES)) {
		service.updatePage(path, pageText);
	}
	service.updatePage(PATH, text);
	const diagnostics = service.diagnostics(PATH, text).filter(d => d.code === 'unlinked-mention');
	const at = diagnostics.find(d => d.range.start.line === position.line && d.range.start.character <= position.character && position.character <= d.range.end.character);
	assert.ok(at, `no mention at the cursor among ${JSON.stringify(diagnostics.map(d => d.range))}`);
	return { service, text, diagnostics, at };
}

function actionsAt(service: VaultService, text: string, diagnostic: VaultDiagnostic, only?: string[]): VaultCodeAction[] {
	const fromClient = JSON.parse(JSON.stringify([diagnostic])) as VaultDiagnostic[];
	return service.codeActions(PATH, text, diagnostic.range, fromClient, TODAY, false, only);
}

function applied(text: string, action: VaultCodeAction): string {
	return applyVaultEdit(new Map([[PATH, text]]), action.edit).get(PATH)!;
}

/** The text with every site link replaced by its text: what linking must leave unchanged. */
function unlinked(text: string): string {
	return text.replace(/\[((?:[^\]\\]|\\.)*)\]\(\/[^)]*\)/g, (_, inner: string) => inner.replace(/\\([\\[\]])/g, '$1'));
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('unlinked mentions: quick fixes', () => {
	it('links one mention to the page\'s canonical URL, keeping the text as written, after emoji and CRLF', () => {
		const { service, text, at } = draft('😀 The $|$MI6\'s men, and MI6 again.\r\nMI5 too.\r\n');
		const actions = actionsAt(service, text, at);
		assert.deepStrictEqual(actions.map(action => [action.title, action.isPreferred === true]), [
			['Link \'MI6\' to /organizations/mi6/', true],
			['Link every mention of MI6 on this page (2)', false],
			['Link the first mention of each entity on this page (2)', false],
		]);
		assert.strictEqual(applied(text, actions[0]), page('Draft', '😀 The [MI6](/organizations/mi6/)\'s men, and MI6 again.\r\nMI5 too.\r\n'));
		assert.strictEqual(applied(text, actions[1]), page('Draft', '😀 The [MI6](/organizations/mi6/)\'s men, and [MI6](/organizations/mi6/) again.\r\nMI5 too.\r\n'));
		assert.strictEqual(applied(text, actions[2]), page('Draft', '😀 The [MI6](/organizations/mi6/)\'s men, and MI6 again.\r\n[MI5](/organizations/mi5/) too.\r\n'));
		for (const action of actions) {
			assert.strictEqual(unlinked(applied(text, action)), text);
		}
	});

	it('offers one fix per page for a shared name, and the bulk fixes leave it, saying so', () => {
		const { service, text, at, diagnostics } = draft('$|$Mercury and MI6, GCHQ.\n');
		assert.deepStrictEqual(actionsAt(service, text, at).map(action => action.title), [
			'Link \'Mercury\' to /gods/mercury/', 'Link \'Mercury\' to /planets/mercury/',
		]);
		assert.strictEqual(applied(text, actionsAt(service, text, at)[1]), page('Draft', '[Mercury](/planets/mercury/) and MI6, GCHQ.\n'));
		const first = actionsAt(service, text, diagnostics[1]).find(action => action.title.startsWith('Link the first'));
		assert.strictEqual(first?.title, 'Link the first mention of each entity on this page (2) (1 mention of a shared name left to pick)');
		assert.strictEqual(applied(text, first), page('Draft', 'Mercury and [MI6](/organizations/mi6/), [GCHQ](/organizations/gchq/).\n'));
	});

	it('offers the source action source.linkMentions only when asked for, linking every mention of a page named alone', () => {
		const { service, text, at } = draft('$|$MI6, MI6 and Mercury, GCHQ.\n');
		assert.ok(!actionsAt(service, text, at).some(action => action.kind === 'source.linkMentions'));
		for (const only of [['source'], ['source.linkMentions']]) {
			const source = service.codeActions(PATH, text, WHOLE, [], TODAY, false, only);
			assert.deepStrictEqual(source.map(action => [action.title, action.kind]), [
				['Link every unlinked mention on this page (3) (1 mention of a shared name left to pick)', 'source.linkMentions'],
			]);
			assert.strictEqual(applied(text, source[0]), page('Draft', '[MI6](/organizations/mi6/), [MI6](/organizations/mi6/) and Mercury, [GCHQ](/organizations/gchq/).\n'));
		}
		assert.deepStrictEqual(service.codeActions(PATH, text, WHOLE, [], TODAY, false, ['quickfix']), []);
	});

	it('offers nothing for a diagnostic of another version of the text', () => {
		const { service, text, at } = draft('$|$MI6 here.\n');
		const edited = text.replace('MI6 here', 'A MI6 here');
		service.updatePage(PATH, edited);
		assert.deepStrictEqual(actionsAt(service, edited, at), []);
	});
});
