import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import type { RenameResult, VaultEdit } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { CURSOR, rangeOfText, vaultWithCursor } from '../support/cursor';
import { linkTargetsByTitle } from '../support/linkTargets';
import { titled } from '../support/memoryVault';

const MAXWELL = titled('Robert Maxwell', '\n# Robert Maxwell\n\nPublisher. See [MI6](/organizations/mi6/).\n');
const MI6 = titled('MI6', '\nWorked with [Maxwell](/people/robert-maxwell/) and [again](../people/robert-maxwell.md#death).\n');
const NOTES = titled('Notes', '[Bob][rm], [web](https://example.com/), [gone](/people/ghost/), ![img](pic.png), [top](#top).\n\n[rm]: /people/robert-maxwell\n');

function prepareAt(pages: Record<string, string>) {
	const vault = vaultWithCursor(pages);
	return { vault, result: vault.service.prepareRename(vault.path, vault.text, vault.position) };
}

/** Renames at the cursor; on success applies the edit (renames included) to the texts and checks every link reaches what it did. */
function renameAt(pages: Record<string, string>, newName: string, oldUrlField = '', assetMoves?: (path: string) => string): { result: RenameResult; texts: Map<string, string> } {
	const vault = vaultWithCursor(pages);
	vault.service.setSettings({ ...DEFAULT_SETTINGS, oldUrlField });
	const texts = new Map(Object.entries(pages).map(([path, text]) => [path, text.replace(CURSOR, '')]));
	const result = vault.service.rename(vault.path, vault.text, vault.position, newName, undefined, path => texts.get(path));
	if (!('error' in result)) {
		const before = linkTargetsByTitle(texts, assetMoves);
		applyVaultEdit(texts, result);
		assert.deepStrictEqual(linkTargetsByTitle(texts), before);
	}
	return { result, texts };
}

function errorOf(result: RenameResult): string {
	assert.ok('error' in result, `expected a refusal, got ${JSON.stringify(result)}`);
	return result.error;
}

describe('rename: prepareRename', () => {
	it('names the linked page by its slug, from the link text or its destination', () => {
		for (const [marked, fragment] of [
			[MI6.replace('[Max', '[Max$|$'), 'Maxwell'],
			[MI6.replace('(/people/rob', '(/people/rob$|$'), '/people/robert-maxwell/'],
			[MI6.replace('.md#death', '.md#de$|$ath'), '../people/robert-maxwell.md#death'],
		]) {
			const { vault, result } = prepareAt({ 'people/robert-maxwell.md': MAXWELL, 'organizations/mi6.md': marked });
			assert.deepStrictEqual(result, { range: rangeOfText(vault.text, fragment), placeholder: 'robert-maxwell', renamesFile: true }, marked);
		}
	});

	it('names the page from a reference definition, its own title field, or its first heading', () => {
		const reference = prepareAt({ 'people/robert-maxwell.md': MAXWELL, 'notes/n.md': NOTES.replace('[rm]: /people/', '[rm]: /peo$|$ple/') });
		assert.deepStrictEqual(reference.result, { range: rangeOfText(reference.vault.text, '/people/robert-maxwell'), placeholder: 'robert-maxwell', renamesFile: true });
		for (const [marked, fragment] of [[MAXWELL.replace('title: Rob', 'ti$|$tle: Rob'), 'title: Robert Maxwell'], [MAXWELL.replace('# Robert', '# Rob$|$ert'), '# Robert Maxwell']]) {
			const { vault, result } = prepareAt({ 'people/robert-maxwell.md': marked });
			assert.deepStrictEqual(result, { range: rangeOfText(vault.text, fragment), placeholder: 'robert-maxwell', renamesFile: true });
		}
	});

	it('refuses with a reason on a broken, external, file or heading link, in plain text, and for a page in the vault root', () => {
		const cases: [string, string, RegExp, boolean][] = [
			['notes/n.md', NOTES.replace('[gone]', '[go$|$ne]'), /No page at \/people\/ghost\/: a broken link/, false],
			['notes/n.md', NOTES.replace('[web]', '[w$|$eb]'), /external link/, false],
			['notes/n.md', NOTES.replace('[img]', '[i$|$mg]'), /is a file \(notes\/pic\.png\)/, true],
			['notes/n.md', NOTES.replace('[top]', '[t$|$op]'), /names a heading of this page/, false],
			['notes/n.md', NOTES.replace('[Bob]', '$|$ [Bob]'), /Nothing to rename here/, true],
			['people/robert-maxwell.md', MAXWELL.replace('Publisher', 'Pub$|$lisher'), /Nothing to rename here/, true],
			['README.md', '# Read$|$me\n', /in the vault root/, false],
		];
		for (const [path, marked, message, elsewhere] of cases) {
			const { result } = prepareAt({ 'people/robert-maxwell.md': MAXWELL, [path]: marked });
			assert.match(errorOf(result as RenameResult), message, marked);
			// Only where no entity is named may another rename (the editor's own) take over.
			assert.strictEqual('elsewhere' in result && result.elsewhere === true, elsewhere, marked);
		}
	});
});

describe('rename: the edit', () => {
	it('renames the page file and rewrites every link to it, in every page, each in its spelling', () => {
		const { result, texts } = renameAt({ 'people/robert-maxwell.md': MAXWELL, 'organizations/mi6.md': MI6.replace('[Max', '[Max$|$'), 'notes/n.md': NOTES }, 'robert-maxwell-2');
		assert.deepStrictEqual((result as VaultEdit).renameFiles, [{ from: 'people/robert-maxwell.md', to: 'people/robert-maxwell-2.md' }]);
		assert.deepStrictEqual([...texts.keys()].sort(), ['notes/n.md', 'organizations/mi6.md', 'people/robert-maxwell-2.md']);
		assert.strictEqual(texts.get('organizations/mi6.md'), MI6.replace(/robert-maxwell/g, 'robert-maxwell-2'));
		assert.strictEqual(texts.get('notes/n.md'), NOTES.replace('/people/robert-maxwell', '/people/robert-maxwell-2'));
		assert.strictEqual(texts.get('people/robert-maxwell-2.md'), MAXWELL);
	});

	it('moves the page to another section with /SECTION/SLUG/, from its own title', () => {
		const { texts } = renameAt({ 'people/robert-maxwell.md': MAXWELL.replace('# Robert', '# Rob$|$ert'), 'organizations/mi6.md': MI6 }, '/organizations/maxwell-group/');
		assert.deepStrictEqual([...texts.keys()].sort(), ['organizations/maxwell-group.md', 'organizations/mi6.md']);
		assert.strictEqual(texts.get('organizations/mi6.md'), MI6.replace('/people/robert-maxwell/', '/organizations/maxwell-group/').replace('../people/robert-maxwell.md', 'maxwell-group.md'));
		assert.strictEqual(texts.get('organizations/maxwell-group.md'), MAXWELL);
	});

	it('renames the folder of a SLUG/index.md page, with the files in it', () => {
		const { result, texts } = renameAt({
			'people/robert-maxwell/index.md': MAXWELL.replace('Publisher.', 'Publisher. ![me](me.jpg) [Sub](sub.md)'),
			'people/robert-maxwell/sub.md': titled('Sub', '[up](/people/robert-maxwell/)\n'),
			'organizations/mi6.md': MI6.replace('[Max', '[Max$|$'),
		}, 'bob', '', path => path.replace('people/robert-maxwell/', 'people/bob/'));
		assert.deepStrictEqual((result as VaultEdit).renameFiles, [{ from: 'people/robert-maxwell', to: 'people/bob' }]);
		assert.strictEqual(texts.get('people/bob/sub.md'), titled('Sub', '[up](/people/bob/)\n'));
		assert.strictEqual(texts.get('organizations/mi6.md'), MI6.replace('/people/robert-maxwell/', '/people/bob/').replace('../people/robert-maxwell.md', '../people/bob.md'));
	});

	it('refuses a bad new name with the reason, changing nothing', () => {
		const pages = {
			'people/robert-maxwell.md': MAXWELL,
			'people/ada.md': titled('Ada'),
			'people/bob/index.md': titled('Bob'),
			'people/carl/_index.md': titled('Carl'),
			'organizations/mi6.md': MI6.replace('[Max', '[Max$|$'),
		};
		const cases: [string, RegExp][] = [
			['', /The new name is empty/],
			['  ', /The new name is empty/],
			['robert maxwell', /has a space: write words with "-" between them, e\.g\. "robert-maxwell"/],
			['people/bob-2', /A slug has no "\/"/],
			['..', /is not a name/],
			['a..b', /is not a name/],
			['Robert-Maxwell', /capital letters, and this vault's slugs are lowercase: write "robert-maxwell"/],
			['robert_maxwell!', /may hold only lowercase letters, digits and "-"/],
			['/people/', /is not \/SECTION\/SLUG\//],
			['/events/x/', /There is no section "events" in this vault \(its sections: organizations, people\)/],
			['robert-maxwell', /already at \/people\/robert-maxwell\//],
			['ada', /\/people\/ada\/ is taken: people\/ada\.md is there/],
			['bob', /\/people\/bob\/ is taken: people\/bob\/index\.md/],
			['carl', /\/people\/carl\/ is taken: people\/carl\/_index\.md/],
			['/organizations/mi6/', /\/organizations\/mi6\/ is taken/],
		];
		for (const [name, message] of cases) {
			assert.match(errorOf(renameAt(pages, name).result), message, name);
		}
	});

	it('compares with existing pages without letter case, and allows capitals and "_" where the vault uses them', () => {
		const pages = { 'people/Ada_Lovelace.md': titled('Ada'), 'people/robert-maxwell.md': MAXWELL, 'organizations/mi6.md': MI6.replace('[Max', '[Max$|$') };
		assert.match(errorOf(renameAt(pages, 'ada_lovelace').result), /is taken: people\/Ada_Lovelace\.md is there \(file names are compared without letter case\)/);
		const { texts } = renameAt(pages, 'Robert_Maxwell');
		assert.ok(texts.has('people/Robert_Maxwell.md'));
	});
});

describe('rename: keeping the old URL (entityVault.rename.oldUrlField)', () => {
	const renamed = (front: string, field = 'oldUrls', eol = '\n'): string | RenameResult => {
		const page = `---${eol}${front.split('\n').join(eol)}${eol}---${eol}${eol}# Robert Maxwell${eol}`;
		const { result, texts } = renameAt({ 'people/robert-maxwell.md': page, 'organizations/mi6.md': MI6.replace('[Max', '[Max$|$') }, 'bob', field);
		return 'error' in result ? result : texts.get('people/bob.md')!;
	};

	it('is off by default: the page text is unchanged', () => {
		assert.strictEqual(renamed('title: R', ''), '---\ntitle: R\n---\n\n# Robert Maxwell\n');
	});

	it('creates the field as a block list, indented like the page\'s other lists', () => {
		assert.strictEqual(renamed('title: R\ntags:\n  - A'), '---\ntitle: R\ntags:\n  - A\noldUrls:\n  - /people/robert-maxwell/\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('title: R', 'oldUrls', '\r\n'), '---\r\ntitle: R\r\noldUrls:\r\n- /people/robert-maxwell/\r\n---\r\n\r\n# Robert Maxwell\r\n');
	});

	it('appends to an existing list in its style, turns a single value into a list, fills an empty field, and skips a URL already there', () => {
		assert.strictEqual(renamed('oldUrls:\n    - /x/\ntitle: R'), '---\noldUrls:\n    - /x/\n    - /people/robert-maxwell/\ntitle: R\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('oldUrls: [/x/, /y/]'), '---\noldUrls: [/x/, /y/, /people/robert-maxwell/]\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('oldUrls: []'), '---\noldUrls: [/people/robert-maxwell/]\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('oldUrls: /x/'), '---\noldUrls:\n- /x/\n- /people/robert-maxwell/\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('oldUrls:\ntitle: R'), '---\noldUrls:\n- /people/robert-maxwell/\ntitle: R\n---\n\n# Robert Maxwell\n');
		assert.strictEqual(renamed('oldUrls: [/people/robert-maxwell/]'), '---\noldUrls: [/people/robert-maxwell/]\n---\n\n# Robert Maxwell\n');
	});

	it('refuses on a page whose frontmatter is TOML, which it does not write to', () => {
		const page = '+++\ntitle = "R"\n+++\n\n# Robert Maxwell\n';
		const { result, texts } = renameAt({ 'people/robert-maxwell.md': page, 'organizations/mi6.md': MI6.replace('[Max', '[Max$|$') }, 'bob', 'oldUrls');
		assert.match(errorOf(result), /The frontmatter of people\/robert-maxwell\.md is TOML, which Entity Vault does not write to/);
		assert.strictEqual(texts.get('people/robert-maxwell.md'), page);
	});

	it('refuses when the field is a map', () => {
		assert.match(errorOf(renamed('oldUrls:\n  a: 1') as RenameResult), /"oldUrls" of people\/robert-maxwell\.md is not a list/);
	});
});

describe('rename: cancellation', () => {
	it('answers no edit at all once cancelled, never the file rename without its link edits', () => {
		const vault = vaultWithCursor({ 'people/robert-maxwell.md': MAXWELL, 'organizations/mi6.md': MI6.replace('[Max', '[Max$|$') });
		const result = vault.service.rename(vault.path, vault.text, vault.position, 'bob', { isCancellationRequested: true });
		assert.deepStrictEqual(result, { error: 'The rename was cancelled.' });
	});
});
