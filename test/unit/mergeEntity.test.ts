import * as assert from 'assert';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createVaultService, type VaultCodeAction } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { rangeOfText } from '../support/cursor';

const TODAY = '2026-06-01';
const MI6 = 'organizations/mi6/index.md';
const SIS = 'organizations/secret-intelligence-service.md';

/** An in-memory vault that keeps its texts, so that a merge can be applied and the vault checked again. */
class TestVault {
	readonly service = createVaultService();
	readonly texts = new Map<string, string>();

	constructor(pages: Record<string, string>) {
		for (const [path, text] of Object.entries(pages)) {
			this.texts.set(path, text);
			this.service.updatePage(path, text);
		}
	}

	duplicates(path: string): Diagnostic[] {
		return this.service.diagnostics(path).filter(diagnostic => diagnostic.code === 'duplicate-entity');
	}

	/** The code actions for `path`'s duplicate-entity warnings, sent through JSON as a client sends them back. */
	actions(path: string, only?: string[], range?: Range): VaultCodeAction[] {
		const sent = JSON.parse(JSON.stringify(this.duplicates(path))) as Diagnostic[];
		return this.service.codeActions(path, this.texts.get(path)!, range ?? sent[0].range, only ? [] : sent, TODAY, false, only);
	}

	/** Merges `path` into the page its first warning names; returns the texts after. */
	merge(path: string): Map<string, string> {
		// Other actions on the range (e.g. Make this a page, on a page without frontmatter) are not the merge's.
		const [action, ...more] = this.actions(path).filter(candidate => candidate.title.startsWith('Merge into '));
		assert.strictEqual(more.length, 0);
		return this.apply(action);
	}

	apply(action: VaultCodeAction): Map<string, string> {
		const before = new Set(this.texts.keys());
		for (const [path, text] of applyVaultEdit(this.texts, action.edit)) {
			this.service.updatePage(path, text);
		}
		for (const path of before) {
			if (!this.texts.has(path)) {
				this.service.removePage(path);
			}
		}
		return this.texts;
	}
}

function lines(...text: string[]): string {
	return text.join('\n');
}

/** The merged page's frontmatter, which the merge keeps as written. */
const MI6_FRONTMATTER = ['---', 'title: MI6', 'aliases: [The Firm]', 'summary: Britain\'s foreign intelligence service.', 'founded: 1909', '---'];

const MI6_TEXT = lines(
	...MI6_FRONTMATTER,
	'',
	'MI6 recruited [Kim Philby](/people/kim-philby/) in 1940.[^1] See [GCHQ](../gchq.md) and ![logo](logo.png).',
	'',
	'## History',
	'',
	'Founded in 1909.[^note]',
	'',
	'[^1]: Source one.',
	'[^note]: A note.',
	'',
);

const SIS_TEXT = lines(
	'---',
	'title: Secret Intelligence Service',
	'summary: The UK\'s foreign intelligence agency.',
	'aliases:',
	'  - SIS',
	'  - mi6',
	'tags:',
	'- Intelligence',
	'---',
	'',
	'The SIS collects intelligence abroad.[^1] Also [MI6](mi6/index.md).',
	'',
	'[^1]: Y source.',
	'',
);

function sisVault(extra: Record<string, string> = {}): TestVault {
	return new TestVault({
		[MI6]: MI6_TEXT,
		[SIS]: SIS_TEXT,
		'organizations/gchq.md': '---\ntitle: GCHQ\n---\nSignals.\n',
		'people/kim-philby.md': '---\ntitle: Kim Philby\n---\nHe joined [MI6](/organizations/mi6/) and [the service](../organizations/mi6/index.md#history), [again](/organizations/mi6).\n',
		...extra,
	});
}

describe('merge two entities: the quick fix of duplicate-entity', () => {
	it('appends the page under a heading, its frontmatter kept, links fixed, footnotes relabelled, aliases added, and deletes it', () => {
		const vault = sisVault();
		const [action] = vault.actions(MI6);
		assert.strictEqual(action.title, 'Merge into Secret Intelligence Service (/organizations/secret-intelligence-service/)');
		assert.strictEqual(action.kind, 'quickfix');
		assert.deepStrictEqual(action.edit.deleteFiles, [{ path: MI6 }]);
		const texts = vault.merge(MI6);
		assert.strictEqual(texts.has(MI6), false);
		const sisAfterMerge = SIS_TEXT.replace('  - mi6\n', '  - mi6\n  - The Firm\n').replace('[MI6](mi6/index.md)', '[MI6](secret-intelligence-service/index.md)');
		assert.strictEqual(texts.get(SIS), sisAfterMerge + lines(
			'',
			'## Merged from MI6',
			'',
			'<!-- The frontmatter of organizations/mi6/index.md, merged into this page:',
			...MI6_FRONTMATTER,
			'-->',
			'',
			'MI6 recruited [Kim Philby](/people/kim-philby/) in 1940.[^2] See [GCHQ](gchq.md) and ![logo](mi6/logo.png).',
			'',
			'## History',
			'',
			'Founded in 1909.[^note]',
			'',
			'[^2]: Source one.',
			'[^note]: A note.',
			'',
		));
		assert.strictEqual(texts.get('people/kim-philby.md'),
			'---\ntitle: Kim Philby\n---\nHe joined [MI6](/organizations/secret-intelligence-service/) and [the service](../organizations/secret-intelligence-service/index.md#history), [again](/organizations/secret-intelligence-service).\n');
		assert.deepStrictEqual(vault.service.index.linkersOf('/organizations/mi6/'), []);
		assert.deepStrictEqual(vault.duplicates(SIS), []);
		for (const path of texts.keys()) {
			const codes = vault.service.diagnostics(path).map(diagnostic => diagnostic.code);
			assert.deepStrictEqual(codes.filter(code => !['non-canonical-link', 'frontmatter-field'].includes(code)), [], `${path}: no broken link, anchor or footnote`);
		}
	});

	it('relabels only the clashing footnotes, uses and definitions, numbers after every number and labels with a suffix', () => {
		const vault = new TestVault({
			'people/a.md': '---\ntitle: Ada\n---\nOne[^1] two[^Note] three[^2] again[^1].\n\n[^1]: a1\n[^note]: a-note\n[^2]: a2\n',
			'people/ada.md': '---\ntitle: ada\n---\nY[^1] and[^note] and[^note-2] and[^7].\n\n[^1]: y1\n[^note]: y-note\n[^note-2]: y-note-2\n[^7]: y7\n',
		});
		const texts = vault.merge('people/a.md');
		assert.strictEqual(texts.get('people/ada.md'), [
			'---\ntitle: ada\n---\nY[^1] and[^note] and[^note-2] and[^7].\n\n[^1]: y1\n[^note]: y-note\n[^note-2]: y-note-2\n[^7]: y7\n',
			'\n## Merged from Ada\n\n<!-- The frontmatter of people/a.md, merged into this page:\n---\ntitle: Ada\n---\n-->\n\n',
			'One[^8] two[^Note-3] three[^2] again[^8].\n\n[^8]: a1\n[^Note-3]: a-note\n[^2]: a2\n',
		].join(''));
		assert.deepStrictEqual(vault.service.diagnostics('people/ada.md').filter(diagnostic => diagnostic.code.includes('footnote')), []);
	});

	const aliasCases: [string, string, string][] = [
		['a flow list', 'aliases: [SIS, "MI6: old"]\n', 'aliases: [SIS, "MI6: old", Ada]\n'],
		['an empty flow list', 'aliases: []\n', 'aliases: [Ada]\n'],
		['a block list, indented', 'aliases:\n    - SIS\n    - "MI6: old"\n', 'aliases:\n    - SIS\n    - "MI6: old"\n    - Ada\n'],
		['a block list whose layout the summary cannot tell (a comment): a flow list', 'aliases:\n  - SIS # short\n', 'aliases: [SIS, Ada]\n'],
		['a string', 'aliases: SIS\n', 'aliases: [SIS, Ada]\n'],
		['an empty field, flow tags', 'aliases:\ntags: [X]\n', 'aliases: [Ada]\ntags: [X]\n'],
		['an empty field, block tags', 'aliases:\ntags:\n  - X\n', 'aliases:\n  - Ada\ntags:\n  - X\n'],
		['no field, block tags', 'tags:\n  - X\n', 'tags:\n  - X\naliases:\n  - Ada\n'],
		['no field, flow tags', 'tags: [X]\n', 'tags: [X]\naliases: [Ada]\n'],
		['the name already, in another case', 'aliases: [ADA]\n', 'aliases: [ADA]\n'],
	];
	for (const [name, before, after] of aliasCases) {
		it(`adds the title and aliases to the other page's aliases, none twice: ${name}`, () => {
			// Ada's alias is the other page's title.
			const vault = new TestVault({
				'people/ada.md': '---\ntitle: Ada\naliases:\n- the countess\n---\nBody.\n',
				'people/countess.md': `---\ntitle: The Countess\n${before}---\n\nY.\n`,
			});
			const texts = vault.merge('people/ada.md');
			assert.strictEqual(texts.get('people/countess.md')!.split('---\n\nY.\n')[0], `---\ntitle: The Countess\n${after}`);
			assert.deepStrictEqual(vault.service.getPage('people/countess.md')?.aliases.map(alias => alias.toLowerCase()).sort(), [...new Set(['ada', ...vault.service.getPage('people/countess.md')!.aliases.map(alias => alias.toLowerCase())])].sort());
		});
	}

	it('writes a new frontmatter block on a page without one', () => {
		const vault = new TestVault({ 'people/ada.md': '---\ntitle: Ada\naliases: [Countess Lovelace]\n---\nBody.\n', 'people/ada-lovelace.md': '# Ada\n\nY.' });
		assert.strictEqual(vault.merge('people/ada.md').get('people/ada-lovelace.md'),
			'---\naliases:\n- Countess Lovelace\n---\n# Ada\n\nY.\n\n## Merged from Ada\n\n<!-- The frontmatter of people/ada.md, merged into this page:\n---\ntitle: Ada\naliases: [Countess Lovelace]\n---\n-->\n\nBody.\n');
	});

	it('writes the other page\'s line breaks (CRLF), whatever the merged page uses, and keeps a frontmatter holding --> in a fenced block', () => {
		const vault = new TestVault({
			'people/ada.md': '---\ntitle: Ada 🧮\nnote: "a --> b"\n---\n\nBody 🧮 [^1].\r\n\r\n[^1]: Note.\n',
			'people/lovelace.md': '---\r\ntitle: Lovelace\r\naliases:\r\n- ada 🧮\r\n---\r\nY[^1].\r\n\r\n[^1]: y\r\n',
		});
		assert.strictEqual(vault.merge('people/ada.md').get('people/lovelace.md'), [
			'---', 'title: Lovelace', 'aliases:', '- ada 🧮', '---', 'Y[^1].', '', '[^1]: y', '',
			'## Merged from Ada 🧮', '',
			'The frontmatter of people/ada.md, merged into this page:', '', '```yaml', '---', 'title: Ada 🧮', 'note: "a --> b"', '---', '```', '',
			'Body 🧮 [^2].', '', '[^2]: Note.', '',
		].join('\r\n'));
	});

	it('leaves frontmatter it cannot parse as it is (the names stay in the kept copy), and merges a page without frontmatter', () => {
		const vault = new TestVault({ 'people/ada.md': '# Ada Lovelace\n\nBody[^1].\n\n[^1]: Note.\n', 'people/lovelace.md': '---\ntitle: Ada Lovelace\n---\nY[^1].\n\n[^1]: y\n' });
		assert.strictEqual(vault.merge('people/ada.md').get('people/lovelace.md'),
			'---\ntitle: Ada Lovelace\n---\nY[^1].\n\n[^1]: y\n\n## Merged from Ada Lovelace\n\n# Ada Lovelace\n\nBody[^2].\n\n[^2]: Note.\n');
		const other = new TestVault({ 'people/ada.md': '---\ntitle: Ada\naliases: [Countess]\n---\nBody.\n', 'people/countess.md': '---\ntitle: The Countess\nx: [\n---\nY.\n' });
		assert.ok(other.duplicates('people/ada.md').length === 1);
		assert.strictEqual(other.merge('people/ada.md').get('people/countess.md'),
			'---\ntitle: The Countess\nx: [\n---\nY.\n\n## Merged from Ada\n\n<!-- The frontmatter of people/ada.md, merged into this page:\n---\ntitle: Ada\naliases: [Countess]\n---\n-->\n\nBody.\n');
	});

	it('offers the merge as a refactoring on the title when asked for refactorings, not twice beside the quick fix', () => {
		const vault = sisVault();
		const title = rangeOfText(MI6_TEXT, 'MI6');
		const refactorings = vault.actions(MI6, ['refactor'], title);
		assert.deepStrictEqual(refactorings.map(action => [action.title, action.kind, action.diagnostics.length]), [['Merge into Secret Intelligence Service (/organizations/secret-intelligence-service/)', 'refactor.rewrite', 0]]);
		assert.deepStrictEqual(refactorings[0].edit, vault.actions(MI6)[0].edit);
		assert.deepStrictEqual(vault.actions(MI6).map(action => action.kind), ['quickfix']);
		assert.deepStrictEqual(vault.actions(MI6, ['quickfix'], title), []);
		assert.deepStrictEqual(vault.actions(MI6, ['refactor'], rangeOfText(MI6_TEXT, 'Founded')).filter(action => action.title.startsWith('Merge into ')), [], 'not on the body');
	});
});
