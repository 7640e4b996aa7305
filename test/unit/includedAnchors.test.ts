import * as assert from 'assert';
import type { CompletionList } from 'vscode-languageserver-types';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { settingsFrom } from '../../server/src/service/vault/settings';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../server/src/service/vault/siteRules';
import { parseCursor, rangeOfText } from '../support/cursor';

const HUGO: SiteRules = { ...DEFAULT_SITE_RULES, generator: 'hugo', headingAttributes: true, includeShortcodes: ['include'] };

function vaultWith(site: SiteRules, pages: Record<string, string>): VaultService {
	const service = createVaultService({ settings: settingsFrom({ site }).settings });
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return service;
}

/** The fragments linked from `notes/linker.md` that get a broken-anchor diagnostic. */
function brokenFragments(service: VaultService): string[] {
	return service.diagnostics('notes/linker.md')
		.filter(diagnostic => diagnostic.code === 'broken-anchor')
		.map(diagnostic => (diagnostic.data as { fragment: string }).fragment);
}

const linker = (...fragments: string[]): string => fragments.map(fragment => `[x](/notes/target/#${fragment})`).join('\n\n') + '\n';

describe('anchors of included pages (include shortcodes)', () => {
	const common = '---\ntitle: Options\n---\n\n## Options\n\nText.\n\n## Shared {#shared-id}\n\n<a id="html-anchor"></a>\n';

	it('counts the included page\'s headings, attribute ids and HTML anchors as the including page\'s', () => {
		const pages = {
			'_common/options.md': common,
			'notes/target.md': '# Target\n\n{{% include "/_common/options.md" %}}\n',
			'notes/linker.md': linker('options', 'shared-id', 'html-anchor', 'target', 'nowhere'),
		};
		assert.deepStrictEqual(brokenFragments(vaultWith(HUGO, pages)), ['nowhere']);
		// Without the shortcode declared (the plain model), they are not the page's.
		assert.deepStrictEqual(brokenFragments(vaultWith({ ...HUGO, includeShortcodes: [] }, pages)), ['options', 'shared-id', 'html-anchor', 'nowhere']);
	});

	it('resolves the path relative to the page first, then to the content root, with or without .md, and `{{< >}}` calls; not in code', () => {
		const pages = {
			'notes/_common/near.md': '## Near\n',
			'_common/far/index.md': '## Far\n',
			'_common/coded.md': '## Coded\n',
			'notes/target.md': '{{< include "_common/near" >}}\n\n{{% include "_common/far" %}}\n\n```\n{{% include "_common/coded" %}}\n```\n\n`{{% include "_common/coded" %}}`\n',
			'notes/linker.md': linker('near', 'far', 'coded'),
		};
		assert.deepStrictEqual(brokenFragments(vaultWith(HUGO, pages)), ['coded']);
	});

	it('continues the duplicate counter in document order, nested includes too', () => {
		const pages = {
			'_common/inner.md': '## Options\n',
			'_common/outer.md': '## Options\n\n{{% include "/_common/inner" %}}\n\n## Outer end\n',
			'notes/target.md': '## Options\n\n{{% include "/_common/outer" %}}\n\n## Options\n',
			'notes/linker.md': linker('options', 'options-1', 'options-2', 'options-3', 'outer-end', 'options-4'),
		};
		const service = vaultWith(HUGO, pages);
		assert.deepStrictEqual(brokenFragments(service), ['options-4']);
		const cursor = parseCursor('See [x](/notes/target/#$|$)\n');
		service.updatePage('notes/linker.md', cursor.text);
		const list = service.completion('notes/linker.md', cursor.text, cursor.position) as CompletionList;
		assert.deepStrictEqual(list.items.map(item => item.label), ['options', 'options-1', 'options-2', 'outer-end', 'options-3']);
	});

	it('stops at a cycle and at an include of a missing page', () => {
		const pages = {
			'_common/a.md': '## From A\n\n{{% include "/_common/b" %}}\n',
			'_common/b.md': '## From B\n\n{{% include "/_common/a" %}}\n\n{{% include "/_common/none" %}}\n',
			'notes/target.md': '{{% include "/_common/a" %}}\n',
			'notes/linker.md': linker('from-a', 'from-b', 'from-a-1'),
		};
		assert.deepStrictEqual(brokenFragments(vaultWith(HUGO, pages)), ['from-a-1']);
	});

	it('goes to the heading in the included page, and hovers it', () => {
		const cursor = parseCursor('[x](/notes/target/#sha$|$red-id)\n');
		const service = vaultWith(HUGO, {
			'_common/options.md': common,
			'notes/target.md': '# Target\n\n{{% include "/_common/options.md" %}}\n',
			'notes/linker.md': cursor.text,
		});
		assert.deepStrictEqual(service.definition('notes/linker.md', cursor.text, cursor.position),
			[{ path: '_common/options.md', range: rangeOfText(common, '## Shared {#shared-id}') }]);
		const hover = service.hover('notes/linker.md', cursor.text, cursor.position);
		assert.match(JSON.stringify(hover), /Shared.*included from `_common\/options.md`/);
	});

	it('rechecks the including page and its linkers when the included page changes, appears or goes', () => {
		const service = vaultWith(HUGO, {
			'_common/outer.md': '{{% include "/_common/options" %}}\n',
			'notes/target.md': '# Target\n\n{{% include "/_common/outer" %}}\n',
			'notes/linker.md': linker('options', 'renamed'),
			'notes/other.md': '# Other\n',
		});
		assert.deepStrictEqual(brokenFragments(service), ['options', 'renamed']);
		const appeared = service.updatePage('_common/options.md', '## Options\n');
		assert.deepStrictEqual([...appeared.affected].sort(), ['_common/outer.md', 'notes/linker.md', 'notes/target.md']);
		assert.deepStrictEqual(brokenFragments(service), ['renamed']);
		const changed = service.updatePage('_common/options.md', '## Renamed\n');
		assert.deepStrictEqual([...changed.affected].sort(), ['_common/outer.md', 'notes/linker.md', 'notes/target.md']);
		assert.deepStrictEqual(brokenFragments(service), ['options']);
		// A change that leaves the anchors as they were rechecks nothing.
		assert.deepStrictEqual([...service.updatePage('_common/options.md', '## Renamed\n\nMore text.\n').affected], []);
		const gone = service.removePage('_common/options.md');
		assert.deepStrictEqual([...gone.affected].sort(), ['_common/outer.md', 'notes/linker.md', 'notes/target.md']);
		assert.deepStrictEqual(brokenFragments(service), ['options', 'renamed']);
	});
});
