import * as assert from 'assert';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, settingsFrom, type DiagnosticCode, type VaultSettings } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultCodeAction, type VaultDiagnostic, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';

const TODAY = '2026-06-01';

/** A complete, valid frontmatter block. */
function frontmatter(title: string, extra: { tags?: string[]; category?: string; eol?: string } = {}): string {
	const eol = extra.eol ?? '\n';
	const tags = extra.tags ?? ['Test'];
	return ['---', `category: ${extra.category ?? 'Test'}`, 'created: 2026-05-14', 'summary: A page.', 'tags:', ...tags.map(tag => `- ${tag}`), `title: ${title}`, 'updated: 2026-05-20', '---', '']
		.join(eol);
}

const WHOLE_DOCUMENT: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

/** An in-memory vault that keeps the texts, so that quick fixes can be applied and checked again. */
class TestVault {
	readonly service: VaultService;
	readonly texts = new Map<string, string>();

	constructor(pages: Record<string, string>, settings: VaultSettings = DEFAULT_SETTINGS) {
		this.service = createVaultService({ settings });
		for (const [path, text] of Object.entries(pages)) {
			this.set(path, text);
		}
	}

	set(path: string, text: string): void {
		this.texts.set(path, text);
		this.service.updatePage(path, text);
	}

	text(path: string): string {
		const text = this.texts.get(path);
		assert.ok(text !== undefined, `no page ${path}`);
		return text;
	}

	diagnostics(path: string, code?: DiagnosticCode): VaultDiagnostic[] {
		return this.service.diagnostics(path).filter(diagnostic => code === undefined || diagnostic.code === code);
	}

	/** Quick fixes for these diagnostics, sent through JSON as a client sends them back. */
	actions(path: string, diagnostics: readonly Diagnostic[], range?: Range, text = this.text(path)): VaultCodeAction[] {
		assert.ok(this.service.getPage(path), `no page ${path}`);
		const fromClient = JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[];
		return this.service.codeActions(path, text, range ?? diagnostics[0].range, fromClient, TODAY);
	}

	/** Applies an action to the vault (creating files, editing pages) and re-indexes what changed. */
	apply(action: VaultCodeAction): void {
		for (const [path, text] of applyVaultEdit(this.texts, action.edit)) {
			this.service.updatePage(path, text);
		}
	}

	/** The single diagnostic with this code on the page, its quick fixes, and the one titled `title` applied. */
	fix(path: string, code: DiagnosticCode, title: string | RegExp, which = 0): { diagnostic: VaultDiagnostic; actions: VaultCodeAction[]; text: string } {
		const diagnostic = this.diagnostics(path, code)[which];
		assert.ok(diagnostic, `no ${code} diagnostic #${which} on ${path}: ${JSON.stringify(this.service.diagnostics(path))}`);
		const actions = this.actions(path, [diagnostic]);
		const action = actions.find(candidate => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
		assert.ok(action, `no action ${String(title)} among ${JSON.stringify(actions.map(a => a.title))}`);
		this.apply(action);
		return { diagnostic, actions, text: this.text(path) };
	}
}

describe('code actions: links', () => {
	it('replaces a broken destination with the closest pages, keeping the fragment, after emoji', () => {
		const vault = new TestVault({
			'people/robert-maxwell.md': frontmatter('Robert Maxwell') + '## Early life\n\nBorn 1923.\n',
			'people/robert-maxwall.md': frontmatter('Robert Maxwall') + '## Early life\n',
			'organizations/mi6.md': frontmatter('MI6') + '🕵️ Agent 😀 [Robert Maxwell](/people/robert-maxwel/#early-life) ran a press.\n',
		});
		const { actions, text } = vault.fix('organizations/mi6.md', 'broken-link', /robert-maxwell\//);
		assert.deepStrictEqual(actions.map(action => [action.title, action.isPreferred === true]), [
			['Change link to /people/robert-maxwell/#early-life (Robert Maxwell)', true],
			['Change link to /people/robert-maxwall/#early-life (Robert Maxwall)', false],
			['Create page people/robert-maxwel.md with a heading "Early life"', false],
		]);
		assert.strictEqual(text, frontmatter('MI6') + '🕵️ Agent 😀 [Robert Maxwell](/people/robert-maxwell/#early-life) ran a press.\n');
		assert.deepStrictEqual(vault.diagnostics('organizations/mi6.md'), []);
		// Every action is linked to the diagnostic it fixes.
		assert.ok(actions.every(action => action.kind === 'quickfix' && action.diagnostics.length === 1 && action.diagnostics[0].code === 'broken-link'));
	});

	it('creates the missing page with the section\'s shared tags and category, which clears the link', () => {
		const vault = new TestVault({
			'organizations/mi6.md': frontmatter('MI6', { tags: ['Organization', 'Intelligence'], category: 'Intelligence & Government' }),
			'organizations/gchq.md': frontmatter('GCHQ', { tags: ['SIGINT', 'Organization'], category: 'Intelligence & Government' }),
			'people/kim-philby.md': frontmatter('Kim Philby') + 'He joined [MI5](/organizations/mi5/) late.\n',
		});
		const { actions } = vault.fix('people/kim-philby.md', 'broken-link', 'Create page organizations/mi5.md');
		const create = actions.find(action => action.title === 'Create page organizations/mi5.md');
		assert.deepStrictEqual(create?.edit.changes, undefined);
		assert.strictEqual(vault.text('organizations/mi5.md'), [
			'---',
			'category: Intelligence & Government',
			`created: ${TODAY}`,
			'location:',
			'summary:',
			'tags:',
			'- Organization',
			'title: MI5',
			`updated: ${TODAY}`,
			'---',
			'',
			'',
		].join('\n'));
		assert.deepStrictEqual(vault.diagnostics('people/kim-philby.md'), []);
		// The new page is clean but for the summary the author must write.
		assert.deepStrictEqual(vault.diagnostics('organizations/mi5.md').map(d => [d.code, d.message]), [['frontmatter-field', 'Frontmatter field "summary" is empty.']]);
		assert.strictEqual(vault.service.getPage('organizations/mi5.md')?.title, 'MI5');
	});

	it('creates the page of a link not written /SECTION/SLUG/ with the heading its fragment names, and rewrites the link, after emoji and CRLF', () => {
		const vault = new TestVault({ 'places/london.md': frontmatter('London', { eol: '\r\n' }) + '😀 Home of [Jane](../people/jane-doe.md#early-life).\r\n' });
		const { actions, text } = vault.fix('places/london.md', 'broken-link', /^Create page/);
		assert.deepStrictEqual(actions.map(action => action.title), ['Create page people/jane-doe.md with a heading "Early life", link it as /people/jane-doe/#early-life']);
		assert.ok(text.endsWith('😀 Home of [Jane](/people/jane-doe/#early-life).\r\n'), text);
		assert.ok(vault.text('people/jane-doe.md').endsWith('---\n\n## Early life\n'));
		// Neither broken, nor non-canonical, nor a missing anchor.
		assert.deepStrictEqual(vault.diagnostics('places/london.md'), []);

		// A fragment that no heading text slugs to: the page without a heading.
		const odd = new TestVault({ 'places/london.md': frontmatter('London') + '[Jane](/people/jane-doe/#Early_Life:1)\n' });
		assert.deepStrictEqual(odd.actions('places/london.md', odd.diagnostics('places/london.md', 'broken-link')).map(action => action.title), ['Create page people/jane-doe.md']);
	});

	it('creates a page in a new section titled from the slug when the link text is not its name', () => {
		const vault = new TestVault({ 'places/london.md': frontmatter('London') + 'Home of [Jane](/people/jane-doe/).\n' });
		const { actions } = vault.fix('places/london.md', 'broken-link', 'Create page people/jane-doe.md');
		assert.deepStrictEqual(actions.map(action => action.title), ['Create page people/jane-doe.md']);
		assert.strictEqual(vault.service.getPage('people/jane-doe.md')?.title, 'Jane Doe');
		assert.ok(vault.text('people/jane-doe.md').includes('\ntitle: Jane Doe\n'));
		assert.deepStrictEqual(vault.diagnostics('places/london.md'), []);
		assert.deepStrictEqual(vault.diagnostics('people/jane-doe.md').map(d => [d.code, (d.data as { field: string; reason: string }).field, (d.data as { reason: string }).reason]), [
			['frontmatter-field', 'summary', 'type'],
			['frontmatter-field', 'category', 'type'],
			['frontmatter-field', 'tags', 'type'],
		]);
	});

	it('rewrites non-canonical links as /SECTION/SLUG/, keeping fragment and title, in a CRLF document with emoji', () => {
		const vault = new TestVault({
			'people/x.md': frontmatter('X'),
			'people/y.md': frontmatter('Y') + '## Early life\n',
			'organizations/o.md': frontmatter('O', { eol: '\r\n' }) + '👩‍🚀 See [X](/people/x)\r\nand [Y](../people/y.md#early-life "t").\r\n',
		});
		const first = vault.fix('organizations/o.md', 'non-canonical-link', 'Rewrite link as /people/x/');
		assert.strictEqual(first.actions.length, 1);
		assert.strictEqual(first.actions[0].isPreferred, true);
		const second = vault.fix('organizations/o.md', 'non-canonical-link', 'Rewrite link as /people/y/#early-life');
		assert.strictEqual(second.text, frontmatter('O', { eol: '\r\n' }) + '👩‍🚀 See [X](/people/x/)\r\nand [Y](/people/y/#early-life "t").\r\n');
		assert.deepStrictEqual(vault.diagnostics('organizations/o.md'), []);
	});

	it('removes a link that leaves the vault and keeps its text; images are left alone', () => {
		const vault = new TestVault({ 'people/a.md': frontmatter('A') + 'See 😀 [the *secret* file](../../../etc/passwd) and ![x](../../../etc/x.png).\n' });
		const diagnostics = vault.diagnostics('people/a.md', 'link-outside-vault');
		assert.strictEqual(diagnostics.length, 2);
		assert.deepStrictEqual(vault.actions('people/a.md', [diagnostics[1]]), []);
		const { text } = vault.fix('people/a.md', 'link-outside-vault', 'Remove link (keep text)');
		assert.strictEqual(text, frontmatter('A') + 'See 😀 the *secret* file and ![x](../../../etc/x.png).\n');
		assert.strictEqual(vault.diagnostics('people/a.md', 'link-outside-vault').length, 1);
	});

	it('changes a broken anchor to the closest heading', () => {
		const vault = new TestVault({
			'people/y.md': frontmatter('Y') + '## Early life\n\n## Early lives\n\n## Later life\n',
			'people/z.md': frontmatter('Z') + 'See [Y](/people/y/#erly-life).\n',
		});
		const { actions, text } = vault.fix('people/z.md', 'broken-anchor', 'Change anchor to #early-life');
		assert.deepStrictEqual(actions.map(action => action.title), ['Change anchor to #early-life', 'Change anchor to #early-lives']);
		assert.strictEqual(text, frontmatter('Z') + 'See [Y](/people/y/#early-life).\n');
		assert.deepStrictEqual(vault.diagnostics('people/z.md'), []);
	});
});

describe('code actions: footnotes', () => {
	it('adds a missing definition after the existing ones', () => {
		const body = 'A claim.[^1] Another.[^2]\n\n[^1]: Source one.\n';
		const vault = new TestVault({ 'people/a.md': frontmatter('A') + body });
		const { actions, text } = vault.fix('people/a.md', 'missing-footnote', 'Add footnote definition [^2]');
		assert.strictEqual(actions.length, 1);
		assert.strictEqual(actions[0].isPreferred, true);
		assert.strictEqual(text, frontmatter('A') + 'A claim.[^1] Another.[^2]\n\n[^1]: Source one.\n[^2]: \n');
		assert.deepStrictEqual(vault.diagnostics('people/a.md', 'missing-footnote'), []);
	});

	it('adds a definition after a blank line in a CRLF page without a final line break, after emoji', () => {
		const vault = new TestVault({ 'people/a.md': frontmatter('A', { eol: '\r\n' }) + '😀 Claim.[^Note]' });
		const { text } = vault.fix('people/a.md', 'missing-footnote', 'Add footnote definition [^Note]');
		assert.strictEqual(text, frontmatter('A', { eol: '\r\n' }) + '😀 Claim.[^Note]\r\n\r\n[^Note]: ');
		assert.deepStrictEqual(vault.diagnostics('people/a.md'), []);
	});

	it('uses the line break of the page\'s end when its line endings are mixed', () => {
		const vault = new TestVault({ 'people/a.md': frontmatter('A', { eol: '\r\n' }) + 'Claim.[^1]\n' });
		assert.strictEqual(vault.fix('people/a.md', 'missing-footnote', 'Add footnote definition [^1]').text, frontmatter('A', { eol: '\r\n' }) + 'Claim.[^1]\n\n[^1]: \n');
	});

	it('keeps trailing blank lines after an inserted definition', () => {
		const vault = new TestVault({ 'a.md': 'Claim.[^1]\n\n\n' });
		assert.strictEqual(vault.fix('a.md', 'missing-footnote', 'Add footnote definition [^1]').text, 'Claim.[^1]\n\n[^1]: \n\n\n');
		assert.deepStrictEqual(vault.diagnostics('a.md'), []);
	});

	it('offers no stub that would land inside a code block the page leaves open', () => {
		const vault = new TestVault({ 'a.md': 'Claim.[^1]\n\n```\ncode\n' });
		const [diagnostic] = vault.diagnostics('a.md', 'missing-footnote');
		assert.deepStrictEqual(vault.actions('a.md', [diagnostic]), []);
	});

	it('offers one action per undefined label, linked to all its references, and one for all of them', () => {
		const vault = new TestVault({ 'a.md': 'A[^a] B[^b] C[^A]\n' });
		const diagnostics = vault.diagnostics('a.md', 'missing-footnote');
		assert.strictEqual(diagnostics.length, 3);
		const actions = vault.actions('a.md', diagnostics, WHOLE_DOCUMENT);
		assert.deepStrictEqual(actions.map(action => [action.title, action.diagnostics.length]), [
			['Add footnote definition [^a]', 2],
			['Add definitions for all 2 undefined footnotes', 3],
			['Add footnote definition [^b]', 1],
		]);
		vault.apply(actions[1]);
		assert.strictEqual(vault.text('a.md'), 'A[^a] B[^b] C[^A]\n\n[^a]: \n[^b]: \n');
		assert.deepStrictEqual(vault.diagnostics('a.md'), []);
	});

	const removals: [string, string, string][] = [
		['between other definitions', 'Text.[^1][^3]\n\n[^1]: One.\n[^2]: Two.\n[^3]: Three.\n', 'Text.[^1][^3]\n\n[^1]: One.\n[^3]: Three.\n'],
		['last, after a blank line', 'Text.\n\n[^1]: One.\n', 'Text.\n'],
		['last, without a final line break', 'Text.\n\n[^1]: One.', 'Text.'],
		['last in CRLF, without a final line break', 'Text.[^2]\r\n\r\n[^2]: Two.\r\n[^1]: One.', 'Text.[^2]\r\n\r\n[^2]: Two.'],
		['with continuation lines, between blank lines', 'Intro.[^2]\n\n[^1]: One.\n    More about one.\n\n    Second paragraph.\n\nOutro.[^2]\n\n[^2]: Two.\n', 'Intro.[^2]\n\nOutro.[^2]\n\n[^2]: Two.\n'],
		['after a paragraph, before other definitions', 'Text.[^2]\n[^1]: One.\n[^2]: Two.\n', 'Text.[^2]\n\n[^2]: Two.\n'],
		['between block quotes that would merge', '> Quote[^2] one.\n[^1]: One.\n> Quote two.\n\n[^2]: Two.\n', '> Quote[^2] one.\n\n> Quote two.\n\n[^2]: Two.\n'],
		['in CRLF between blank lines, after emoji', '😀[^2]\r\n\r\n[^1]: One 👍.\r\n\r\n[^2]: Two.\r\n', '😀[^2]\r\n\r\n[^2]: Two.\r\n'],
	];
	for (const [name, before, after] of removals) {
		it(`removes an unused definition ${name}`, () => {
			const vault = new TestVault({ 'a.md': before });
			const { actions, text } = vault.fix('a.md', 'unused-footnote', /^Remove unused footnote definition \[\^\d\]$/);
			assert.strictEqual(actions.length, 1);
			assert.strictEqual(text, after);
			assert.deepStrictEqual(vault.diagnostics('a.md'), []);
		});
	}

	it('renumbers a duplicate definition to a label used but not defined, never to one nothing uses', () => {
		const vault = new TestVault({ 'a.md': 'A.[^1] B.[^Two] 😀 C.[^two]\n\n[^1]: First.\n[^1]: Second.\n' });
		const { actions, text } = vault.fix('a.md', 'duplicate-footnote', 'Renumber duplicate definition to [^Two] (used, not defined)');
		assert.deepStrictEqual(actions.map(action => action.title), ['Renumber duplicate definition to [^Two] (used, not defined)', 'Remove duplicate definition of [^1]']);
		assert.strictEqual(text, 'A.[^1] B.[^Two] 😀 C.[^two]\n\n[^1]: First.\n[^Two]: Second.\n');
		assert.deepStrictEqual(vault.diagnostics('a.md'), []);

		// Renumbered to a fresh label, the note would be unused: only the removal is offered.
		const body = 'A.[^1] B.[^2]\n\n[^1]: First.\n[^2]: Two.\n[^1]: Second.\n';
		const unused = new TestVault({ 'a.md': body });
		assert.deepStrictEqual(unused.actions('a.md', unused.diagnostics('a.md', 'duplicate-footnote')).map(action => action.title), ['Remove duplicate definition of [^1]']);
	});

	it('removes a duplicate definition', () => {
		const vault = new TestVault({ 'a.md': 'A.[^1] B.[^2]\r\n\r\n[^1]: First.\r\n[^1]: Second.\r\n\r\n[^2]: Two.\r\n' });
		const { text } = vault.fix('a.md', 'duplicate-footnote', 'Remove duplicate definition of [^1]');
		assert.strictEqual(text, 'A.[^1] B.[^2]\r\n\r\n[^1]: First.\r\n\r\n[^2]: Two.\r\n');
		assert.deepStrictEqual(vault.diagnostics('a.md'), []);
	});
});

function fieldFindings(vault: TestVault, path: string): string[] {
	return vault.diagnostics(path).map(d => (d.code === 'frontmatter-field' ? `${(d.data as { field: string }).field}:${(d.data as { reason: string }).reason}` : d.code));
}

describe('code actions: frontmatter', () => {
	it('inserts a whole frontmatter block titled from the H1, with a blank line before the body', () => {
		const vault = new TestVault({ 'people/jane-doe.md': '# Jane "JD" Doe\n\nA person.\n' });
		// One page and no frontmatter is a plain markdown folder by the frontmatter rule: declared a vault here (as a marker file does).
		vault.service.declareVault('marker file .entity-vault.json');
		const { actions, text } = vault.fix('people/jane-doe.md', 'frontmatter-missing', 'Add frontmatter');
		assert.strictEqual(actions.length, 1);
		assert.strictEqual(text, [
			// Filled in as "Make this a page" fills it: the section's name as category and tag, the first sentence as summary.
			'---', 'category: Person', `created: ${TODAY}`, 'location:', 'summary: A person.', 'tags:', '- Person', 'title: "Jane \\"JD\\" Doe"', `updated: ${TODAY}`, '---',
			'', '# Jane "JD" Doe', '', 'A person.', '',
		].join('\n'));
		assert.strictEqual(vault.service.getPage('people/jane-doe.md')?.frontmatter.data?.title, 'Jane "JD" Doe');
		assert.deepStrictEqual(fieldFindings(vault, 'people/jane-doe.md'), []);
	});

	it('inserts a CRLF block prefilled from the section, without doubling a blank first line', () => {
		const vault = new TestVault({
			'people/a.md': frontmatter('A', { tags: ['Person', 'UK'], category: 'Person' }),
			'people/b.md': frontmatter('B', { tags: ['Person'], category: 'Person' }),
			'people/c-d.md': '\r\nC is a person 😀.\r\n',
		});
		const { text } = vault.fix('people/c-d.md', 'frontmatter-missing', 'Add frontmatter');
		assert.strictEqual(text, [
			'---', 'category: Person', `created: ${TODAY}`, 'location:', 'summary: "C is a person 😀."', 'tags:', '- Person', 'title: C D', `updated: ${TODAY}`, '---',
			'', 'C is a person 😀.', '',
		].join('\r\n'));
		assert.deepStrictEqual(fieldFindings(vault, 'people/c-d.md'), []);
	});

	it('writes a CRLF block in a page with CR-only line breaks, which frontmatter cannot use', () => {
		const vault = new TestVault({ 'people/a.md': '# A\rText.\r' });
		vault.service.declareVault('marker file .entity-vault.json');
		const { text } = vault.fix('people/a.md', 'frontmatter-missing', 'Add frontmatter');
		assert.ok(text.startsWith('---\r\ncategory: Person\r\n'));
		assert.ok(text.includes('\r\nsummary: Text.\r\n'));
		assert.ok(text.endsWith(`updated: ${TODAY}\r\n---\r\n\r\n# A\rText.\r`));
		assert.deepStrictEqual(fieldFindings(vault, 'people/a.md'), []);
	});

	it('inserts each missing field before the closing fence, or all of them', () => {
		const before = '---\ncategory: Person\ncreated: 2026-05-14\nsummary: S\n---\nBody.\n';
		const vault = new TestVault({ 'people/a.md': before });
		assert.deepStrictEqual(fieldFindings(vault, 'people/a.md'), ['tags:missing', 'updated:missing']);
		const { actions, text } = vault.fix('people/a.md', 'frontmatter-field', 'Add all 2 missing frontmatter fields');
		assert.deepStrictEqual(actions.map(action => [action.title, action.isPreferred === true]), [
			['Add frontmatter field `tags`', true],
			['Add all 2 missing frontmatter fields', false],
		]);
		assert.strictEqual(text, `---\ncategory: Person\ncreated: 2026-05-14\nsummary: S\ntags: []\nupdated: ${TODAY}\n---\nBody.\n`);
		// `tags` goes from missing to empty, waiting for the author's tags.
		assert.deepStrictEqual(fieldFindings(vault, 'people/a.md'), ['tags:type']);

		const crlf = new TestVault({ 'people/a.md': before.replace(/\n/g, '\r\n') });
		const single = crlf.fix('people/a.md', 'frontmatter-field', 'Add frontmatter field `updated`', 1);
		assert.strictEqual(single.text, `---\r\ncategory: Person\r\ncreated: 2026-05-14\r\nsummary: S\r\nupdated: ${TODAY}\r\n---\r\nBody.\r\n`);
		assert.deepStrictEqual(fieldFindings(crlf, 'people/a.md'), ['tags:missing']);
	});

	it('inserts a field with the frontmatter\'s line break when the body uses another', () => {
		const vault = new TestVault({ 'people/a.md': '---\r\ncategory: Person\r\ncreated: 2026-05-14\r\nsummary: S\r\ntags: [T]\r\n---\nBody.\n' });
		const { text } = vault.fix('people/a.md', 'frontmatter-field', 'Add frontmatter field `updated`');
		assert.strictEqual(text, `---\r\ncategory: Person\r\ncreated: 2026-05-14\r\nsummary: S\r\ntags: [T]\r\nupdated: ${TODAY}\r\n---\nBody.\n`);
	});

	it('inserts a missing tags field with the tags the whole section shares, and a custom field empty', () => {
		const settings = settingsFrom({ requiredFields: ['tags', 'author'] }).settings;
		const vault = new TestVault({
			'places/x.md': '---\ntags: [Place, Europe]\nauthor: me\n---\n',
			'places/y.md': '---\ntags:\n- Europe\n- Place\nauthor: me\n---\n',
			'places/z.md': '---\ntitle: Z\n---\nZ.\n',
		}, settings);
		const { text } = vault.fix('places/z.md', 'frontmatter-field', 'Add all 2 missing frontmatter fields');
		assert.strictEqual(text, '---\ntitle: Z\ntags:\n- Place\n- Europe\nauthor:\n---\nZ.\n');
		assert.deepStrictEqual(fieldFindings(vault, 'places/z.md'), ['author:type']);
	});

	it('rewrites an unambiguous date as YYYY-MM-DD, keeping a comment, and leaves ambiguous ones', () => {
		const page = (created: string, updated: string): string => `---\ncategory: C\ncreated: ${created}\nsummary: S\ntags: [T]\nupdated: ${updated}\n---\n`;
		const vault = new TestVault({ 'a/a.md': page('2026-5-4 # first draft', '"May 14, 2026"') });
		assert.deepStrictEqual(fieldFindings(vault, 'a/a.md'), ['created:date-format', 'updated:date-format']);
		assert.strictEqual(vault.fix('a/a.md', 'frontmatter-field', 'Rewrite `created` as 2026-05-04').text, page('2026-05-04 # first draft', '"May 14, 2026"'));
		assert.strictEqual(vault.fix('a/a.md', 'frontmatter-field', 'Rewrite `updated` as 2026-05-14').text, page('2026-05-04 # first draft', '2026-05-14'));
		assert.deepStrictEqual(fieldFindings(vault, 'a/a.md'), []);

		const ambiguous = new TestVault({ 'a/b.md': page('14/05/2026', '2026-05-14T23:30:00-05:00') });
		const [created, updated] = ambiguous.diagnostics('a/b.md', 'frontmatter-field');
		assert.deepStrictEqual(ambiguous.actions('a/b.md', [created]), []);
		// A timestamp keeps the date as written, not its UTC date.
		assert.deepStrictEqual(ambiguous.actions('a/b.md', [updated]).map(action => action.title), ['Rewrite `updated` as 2026-05-14']);
	});

	it('puts updated after created by setting either, each title saying which date it replaces', () => {
		const page = (created: string, updated: string): string => `---\ncategory: C\ncreated: ${created}\nsummary: S\ntags: [T]\nupdated: ${updated}\n---\n`;
		const vault = new TestVault({ 'a/a.md': page('2026-05-14', '2026-05-01') });
		const { actions, text } = vault.fix('a/a.md', 'frontmatter-field', 'Set `updated` to `created`\'s date, 2026-05-14 (was 2026-05-01)');
		assert.deepStrictEqual(actions.map(action => [action.title, action.isPreferred === true]), [
			['Set `updated` to `created`\'s date, 2026-05-14 (was 2026-05-01)', false],
			[`Set \`updated\` to today, ${TODAY} (was 2026-05-01)`, false],
			['Set `created` to `updated`\'s date, 2026-05-01 (was 2026-05-14)', false],
		]);
		assert.strictEqual(text, page('2026-05-14', '2026-05-14'));
		assert.deepStrictEqual(vault.diagnostics('a/a.md'), []);

		const back = new TestVault({ 'a/a.md': page('2026-05-14', '2026-05-01') });
		assert.strictEqual(back.fix('a/a.md', 'frontmatter-field', /^Set `created`/).text, page('2026-05-01', '2026-05-01'));
		assert.deepStrictEqual(back.diagnostics('a/a.md'), []);
	});

	it('gives a missing created the page\'s oldest date and a missing updated no date before created', () => {
		// The first hour: "Add all" wrote today into `created` above an older `updated`.
		const vault = new TestVault({ 'people/a.md': '---\ncategory: Person\nsummary: S\ntags: [T]\ntitle: A\nupdated: 2026-05-14\n---\n' });
		assert.strictEqual(vault.fix('people/a.md', 'frontmatter-field', 'Add frontmatter field `created`').text,
			'---\ncategory: Person\nsummary: S\ntags: [T]\ntitle: A\nupdated: 2026-05-14\ncreated: 2026-05-14\n---\n');
		assert.deepStrictEqual(vault.diagnostics('people/a.md'), []);

		// Another date field older than `updated`; both missing: `updated` is today.
		const older = new TestVault({ 'people/b.md': '---\ncategory: Person\ndate: 2024-02-29\nsummary: S\ntitle: B\n---\n' });
		assert.strictEqual(older.fix('people/b.md', 'frontmatter-field', 'Add all 3 missing frontmatter fields').text,
			`---\ncategory: Person\ndate: 2024-02-29\nsummary: S\ntitle: B\ntags: []\ncreated: 2024-02-29\nupdated: ${TODAY}\n---\n`);

		// `created` after today: a missing `updated` takes it rather than today.
		const future = new TestVault({ 'people/c.md': '---\ncategory: Person\ncreated: 2030-01-02\nsummary: S\ntags: [T]\ntitle: C\n---\n' });
		assert.strictEqual(future.fix('people/c.md', 'frontmatter-field', 'Add frontmatter field `updated`').text,
			'---\ncategory: Person\ncreated: 2030-01-02\nsummary: S\ntags: [T]\ntitle: C\nupdated: 2030-01-02\n---\n');
		assert.deepStrictEqual(future.diagnostics('people/c.md'), []);

		// Empty fields are filled by the same rule, the title naming the date.
		const empty = new TestVault({ 'a/d.md': '---\ncategory: C\ncreated:\nsummary: S\ntags: [T]\nupdated: 2026-05-14\n---\n' });
		empty.fix('a/d.md', 'frontmatter-field', 'Set `created` to 2026-05-14, the page\'s oldest date');
		assert.deepStrictEqual(empty.diagnostics('a/d.md'), []);
		const emptyUpdated = new TestVault({ 'a/e.md': '---\ncategory: C\ncreated: 2030-01-02\nsummary: S\ntags: [T]\nupdated: ~\n---\n' });
		assert.strictEqual(emptyUpdated.fix('a/e.md', 'frontmatter-field', 'Set `updated` to 2030-01-02, `created`\'s date').text,
			'---\ncategory: C\ncreated: 2030-01-02\nsummary: S\ntags: [T]\nupdated: 2030-01-02\n---\n');
		assert.deepStrictEqual(emptyUpdated.diagnostics('a/e.md'), []);
	});

	it('fills an empty date with today', () => {
		const vault = new TestVault({ 'a/a.md': '---\ncategory: C\ncreated:\nsummary: S\ntags: [T]\nupdated: ""\n---\n' });
		vault.fix('a/a.md', 'frontmatter-field', `Set \`created\` to today (${TODAY})`);
		const { text } = vault.fix('a/a.md', 'frontmatter-field', `Set \`updated\` to today (${TODAY})`);
		assert.strictEqual(text, `---\ncategory: C\ncreated: ${TODAY}\nsummary: S\ntags: [T]\nupdated: ${TODAY}\n---\n`);
		assert.deepStrictEqual(vault.diagnostics('a/a.md'), []);
	});
});

describe('code actions: what is not fixed', () => {
	it('ignores diagnostics of other sources, without data, or out of the range', () => {
		const vault = new TestVault({ 'a.md': 'Claim.[^1]\n\nOther.[^2]\n' });
		const [first, second] = vault.diagnostics('a.md', 'missing-footnote');
		assert.deepStrictEqual(vault.actions('a.md', [{ ...first, source: 'markdownlint' }]), []);
		assert.deepStrictEqual(vault.actions('a.md', [{ ...first, data: undefined }]), []);
		assert.deepStrictEqual(vault.actions('a.md', [second], first.range), []);
		assert.strictEqual(vault.actions('a.md', [first, second], first.range).length, 2);
	});

	it('offers nothing for a diagnostic that no longer matches the text', () => {
		const vault = new TestVault({ 'people/x.md': '', 'index.md': 'See [X](/people/x).\n' });
		const stale = vault.diagnostics('index.md', 'non-canonical-link');
		vault.set('index.md', 'See [X](/people/xy).\n');
		assert.deepStrictEqual(vault.actions('index.md', stale), []);
		vault.set('index.md', 'See [X](/people/x/).\n');
		assert.deepStrictEqual(vault.actions('index.md', stale), []);
	});

	it('ignores a byte order mark: positions do not count it', () => {
		const vault = new TestVault({ 'people/x.md': '', 'index.md': '\uFEFFSee [X](/people/x).\n' });
		const diagnostics = vault.diagnostics('index.md', 'non-canonical-link');
		const actions = vault.actions('index.md', diagnostics, undefined, '\uFEFFSee [X](/people/x).\n');
		assert.deepStrictEqual(actions[0].edit.changes?.[0].edits, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 17 } }, newText: '/people/x/' }]);
	});

	it('refuses a date that is not YYYY-MM-DD', () => {
		const vault = new TestVault({ 'a.md': 'x[^1]\n' });
		assert.ok(vault.service.getPage('a.md'));
		assert.throws(() => vault.service.codeActions('a.md', 'x[^1]\n', WHOLE_DOCUMENT, vault.diagnostics('a.md'), '1/6/2026'), /YYYY-MM-DD/);
	});
});
