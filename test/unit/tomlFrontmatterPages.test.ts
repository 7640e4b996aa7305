import * as assert from 'assert';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-types';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { parseFrontmatter } from '../../server/src/service/parse/frontmatter';
import { PageSummaries, summarizePageParts } from '../../server/src/service/parse/pageSummary';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { StoredPages } from '../../server/src/service/parse/storedPageSummary';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { parseCursor } from '../support/cursor';

/**
 * Pages with TOML frontmatter (`+++`, Hugo's other format) are read as any
 * other, and never written to: every edit the service offers leaves a TOML
 * block byte for byte.
 */

const TODAY = '2026-06-01';
const MI6_TOML = '+++\ntitle = "MI6"\naliases = ["The Firm"]\nsummary = "Britain\'s foreign intelligence service."\n[params]\nicon = "eye"\n+++\n\nMI6 is in London.\n';
const SIS_YAML = '---\ntitle: MI6\nsummary: The Secret Intelligence Service.\naliases: [SIS]\n---\n\nAlso known as the SIS.\n';

function vaultOf(pages: Record<string, string>): { service: VaultService; texts: Map<string, string> } {
	const service = createVaultService();
	service.setSettings({ ...DEFAULT_SETTINGS, requiredFields: ['summary', 'category', 'created'] });
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return { service, texts: new Map(Object.entries(pages)) };
}

function blockOf(text: string): string {
	const frontmatter = parseFrontmatter(text);
	return text.slice(frontmatter.span.start, frontmatter.span.end);
}

describe('pages with TOML frontmatter', () => {
	it('are read as any other: title, aliases, tags, and the flag a stored page keeps through its record', () => {
		const { service } = vaultOf({ 'organizations/mi6.md': MI6_TOML });
		const page = service.index.getPage('organizations/mi6.md')!;
		assert.deepStrictEqual([page.title, page.aliases, page.frontmatter.toml], ['MI6', ['The Firm'], true]);
		const parts = summarizePageParts('organizations/mi6.md', MI6_TOML);
		const { header, body } = splitPageParts(parts);
		const stored = new StoredPages(new PageSummaries(), V8_PAGE_CODEC).summaryOf({ header: structuredClone(header), blob: V8_PAGE_CODEC.encode(body) });
		assert.strictEqual(stored.frontmatter.toml, true);
		assert.strictEqual(stored.header.toRecordHeader('organizations/mi6.md').frontmatter.toml, true);
		assert.strictEqual(stored.expand().frontmatter.toml, true);
		const yaml = new StoredPages(new PageSummaries(), V8_PAGE_CODEC).summaryOf((({ header: h, body: b }) => ({ header: h, blob: V8_PAGE_CODEC.encode(b) }))(splitPageParts(summarizePageParts('a.md', SIS_YAML))));
		assert.strictEqual(yaml.frontmatter.toml, false);
	});

	it('get no quick fix that writes into the block: every action of every diagnostic applied leaves it as written', () => {
		const { service, texts } = vaultOf({ 'organizations/mi6.md': MI6_TOML, 'organizations/sis.md': SIS_YAML, 'people/kim.md': '---\ntitle: Kim\n---\nSee [MI6](/organizations/mi6/).\n' });
		const diagnostics = JSON.parse(JSON.stringify(service.diagnostics('organizations/mi6.md'))) as Diagnostic[];
		assert.ok(diagnostics.some(diagnostic => diagnostic.code === 'frontmatter-field'), 'the missing fields are reported');
		assert.ok(diagnostics.some(diagnostic => diagnostic.code === 'duplicate-entity'), 'the duplicate is reported');
		let applied = 0;
		for (const diagnostic of diagnostics) {
			for (const action of service.codeActions('organizations/mi6.md', MI6_TOML, diagnostic.range, [diagnostic], TODAY)) {
				const after = applyVaultEdit(new Map(texts), action.edit);
				applied++;
				const text = after.get('organizations/mi6.md');
				if (text !== undefined) {
					assert.strictEqual(blockOf(text), blockOf(MI6_TOML), `${action.title}: the TOML block unchanged`);
					assert.deepStrictEqual(parseFrontmatter(text).problems, [], `${action.title}: still valid TOML`);
				}
			}
		}
		assert.ok(applied > 0, 'the merge is offered');
	});

	it('are merged into with their block left as written; merged into a YAML page, their block is kept in a comment', () => {
		const { service, texts } = vaultOf({ 'organizations/mi6.md': MI6_TOML, 'organizations/sis.md': SIS_YAML });
		const diagnostics = JSON.parse(JSON.stringify(service.diagnostics('organizations/sis.md').filter(d => d.code === 'duplicate-entity'))) as Diagnostic[];
		const [merge] = service.codeActions('organizations/sis.md', SIS_YAML, diagnostics[0].range, diagnostics, TODAY).filter(action => action.title.startsWith('Merge into '));
		const merged = applyVaultEdit(new Map(texts), merge.edit).get('organizations/mi6.md')!;
		assert.ok(merged.startsWith(blockOf(MI6_TOML)), merged);
		assert.match(merged, /## Merged from MI6\n\n<!-- The frontmatter of organizations\/sis\.md, merged into this page:\n---\ntitle: MI6\n/);
		const back = JSON.parse(JSON.stringify(service.diagnostics('organizations/mi6.md').filter(d => d.code === 'duplicate-entity'))) as Diagnostic[];
		const [mergeBack] = service.codeActions('organizations/mi6.md', MI6_TOML, back[0].range, back, TODAY).filter(action => action.title.startsWith('Merge into '));
		const into = applyVaultEdit(new Map(texts), mergeBack.edit).get('organizations/sis.md')!;
		assert.match(into, /^---\ntitle: MI6\nsummary: The Secret Intelligence Service\.\naliases: \[SIS, The Firm\]\n---\n/);
		assert.match(into, /<!-- The frontmatter of organizations\/mi6\.md, merged into this page:\n\+\+\+\ntitle = "MI6"\n/);
	});

	it('offer no completion inside the block (items are written as YAML)', () => {
		const cursor = parseCursor('+++\ntitle = "A"\ntags = ["$|$"]\n+++\n\nBody.\n');
		const { service } = vaultOf({ 'people/a.md': cursor.text, 'people/b.md': '---\ntitle: B\ntags: [spy]\n---\n' });
		assert.deepStrictEqual((service.completion('people/a.md', cursor.text, cursor.position) as CompletionList).items, []);
	});
});
