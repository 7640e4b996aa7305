import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { summarizePage } from '../../server/src/service/parse/pageSummary';
import { applyWorkspaceEditToFiles } from '../support/applyEdits';
import { checkFolder, type CheckReport } from '../support/checkCommand';
import { LspTestClient } from '../support/lspClient';
import { PHILBY_PATH, philbyPage, SIS_PATH as SIS, sisPage } from '../support/mergeVault';
import { repoRoot, temporaryVault } from '../support/paths';

const MI6 = 'organizations/mi6.md';
const OLD_URL = '/organizations/secret-intelligence-service/';

/** The page merged: the same entity as the seed's organizations/mi6.md. */
const SIS_TEXT = sisPage([
	'The Secret Intelligence Service shares signals work with [GCHQ](/organizations/gchq/).[^1]',
	'',
	'## Headquarters',
	'',
	'Vauxhall Cross, in [London](/places/london/), since 1994.[^2]',
	'',
	'[^1]: Intelligence Services Act 1994.',
	'[^2]: Vauxhall Cross history.',
]);

/** Backlinks to the merged page in every spelling, and decoys in code that must stay byte for byte. */
const DECOYS = [
	'`[code span](/organizations/secret-intelligence-service/)`',
	'```',
	'[fenced](/organizations/secret-intelligence-service/)',
	'```',
];
const PHILBY_TEXT = philbyPage([
	'Philby joined [the Service](/organizations/secret-intelligence-service/) in 1940, its [headquarters](/organizations/secret-intelligence-service/#headquarters),',
	'[SIS](/organizations/secret-intelligence-service) for short,',
	'[the agency](../organizations/secret-intelligence-service.md), [the Service](</organizations/secret-intelligence-service/>),',
	'a [reference][sis] and [another][sis], and the [older page](/organizations/mi6/).',
	'',
	...DECOYS,
	'',
	'[sis]: /organizations/secret-intelligence-service/',
]);

/** Every markdown file under `dir`, relative, `/`-separated. */
function markdownFiles(dir: string, under = ''): string[] {
	return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap(entry => {
		const relative = under === '' ? entry.name : `${under}/${entry.name}`;
		return entry.isDirectory() ? markdownFiles(dir, relative) : entry.name.endsWith('.md') ? [relative] : [];
	});
}

describe('language server: merging two pages of one entity over JSON-RPC, applied to real files', function () {
	this.timeout(120000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();
	const read = (relative: string): string => fs.readFileSync(path.join(dir, relative), 'utf8');

	before(async () => {
		dir = temporaryVault('ev-merge-', { [SIS]: SIS_TEXT, [PHILBY_PATH]: PHILBY_TEXT });
		fs.cpSync(path.join(repoRoot, 'examples', 'vault'), dir, { recursive: true });
		client = await LspTestClient.indexedOn(dir);
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('warns on both pages, then one code action merges the page: links, aliases, text, deletion, and check reports the same', async () => {
		const before = checkFolder(dir);
		const duplicatesBefore = before.diagnostics.filter(d => d.code === 'duplicate-entity');
		assert.deepStrictEqual(duplicatesBefore.map(d => [d.file, d.line, d.severity]), [[MI6, 1, 'warning'], [SIS, 3, 'warning']]);

		const sis = uriOf(SIS);
		const mi6Before = read(MI6);
		await client.open(sis, SIS_TEXT, 1);
		const diagnostics = await client.diagnosticsOf(sis, list => list.some(d => d.code === 'duplicate-entity'));
		const warning = diagnostics.find(d => d.code === 'duplicate-entity') as Diagnostic;
		assert.strictEqual(warning.message, 'The alias MI6 also names MI6 (/organizations/mi6/): if they are one entity, merge the two pages.');
		assert.deepStrictEqual(warning.relatedInformation?.map(related => related.location.uri), [uriOf(MI6)], 'related information names the other page by URI');

		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: sis }, range: warning.range, context: { diagnostics: [warning] } }) as CodeAction[];
		const merge = actions.find(action => action.title === 'Merge into MI6 (/organizations/mi6/)');
		assert.ok(merge?.edit, JSON.stringify(actions.map(action => action.title)));
		assert.strictEqual(merge.kind, 'quickfix');
		const changes = (merge.edit as WorkspaceEdit).documentChanges ?? [];
		assert.deepStrictEqual(changes[changes.length - 1], { kind: 'delete', uri: sis }, 'the page is deleted, last');
		const applied = applyWorkspaceEditToFiles(merge.edit as WorkspaceEdit);
		assert.deepStrictEqual(applied.deleted, [path.join(dir, SIS)]);
		assert.strictEqual(fs.existsSync(path.join(dir, SIS)), false);

		// No link in the vault names the deleted page's URL; the decoys in code are byte for byte as they were.
		for (const file of markdownFiles(dir)) {
			const page = summarizePage(file, read(file));
			assert.deepStrictEqual(page.links.filter(link => link.target.kind === 'page' && link.target.url === OLD_URL).map(link => link.destination), [], file);
		}
		const philby = read(PHILBY_PATH);
		const [links, rest] = PHILBY_TEXT.split(DECOYS.join('\n'));
		const moved = (text: string): string => text.replace(/secret-intelligence-service/g, 'mi6');
		assert.strictEqual(philby, moved(links) + DECOYS.join('\n') + moved(rest), 'every spelling of the link rewritten in its own style');
		assert.ok(philby.includes(DECOYS.join('\n')), 'decoys untouched');

		// The merged page's title and aliases are the other page's aliases now; its whole text is there.
		const merged = read(MI6);
		assert.ok(merged.startsWith(mi6Before.replace('updated: 2026-05-14\n---\n', 'updated: 2026-05-14\naliases:\n- Secret Intelligence Service\n- SIS\n---\n')), merged.slice(0, 800));
		const relabelled = (line: string): string => line.replace('[^1]', '[^3]').replace('[^2]', '[^4]');
		for (const line of SIS_TEXT.split('\n')) {
			assert.ok(merged.split('\n').includes(relabelled(line)), `line ${JSON.stringify(line)} of the merged page is kept`);
		}
		assert.ok(merged.includes('\n## Merged from Secret Intelligence Service\n\n<!-- The frontmatter of organizations/secret-intelligence-service.md, merged into this page:\n---\ntitle: Secret Intelligence Service\n'));

		// check reports what it did before but for the duplicate warnings (the merged page had no problem of its own to carry
		// over), the links spelled otherwise than /organizations/mi6/ named by their new destination, which ends elsewhere.
		const after = checkFolder(dir);
		const renamedAt = new Set(before.diagnostics.filter(d => d.message.includes('secret-intelligence-service')).map(d => `${d.file}:${d.line}:${d.column}`));
		const comparable = (d: CheckReport['diagnostics'][number]): object => (renamedAt.has(`${d.file}:${d.line}:${d.column}`)
			? { ...d, message: d.message.replace(/secret-intelligence-service/g, 'mi6'), endColumn: undefined }
			: d);
		// Unlinked mentions follow the names, which the merge moves from one page to the other (the merged text's own names
		// are the page's after, and mentions of them elsewhere name it): compared apart, below.
		const kept = (d: CheckReport['diagnostics'][number]): boolean => d.code !== 'duplicate-entity' && d.code !== 'unlinked-mention';
		assert.deepStrictEqual(after.diagnostics.filter(kept).map(comparable), before.diagnostics.filter(kept).map(comparable));
		const mentions = (report: CheckReport): string[] => report.diagnostics.filter(d => d.code === 'unlinked-mention' && d.file !== MI6 && d.file !== SIS)
			.map(d => `${d.file}:${d.line}:${d.column}`);
		// A mention of the merged page's name on a page that links the other one is no longer "unlinked": only those go.
		const mentionsBefore = new Set(mentions(before));
		assert.deepStrictEqual(mentions(after).filter(at => !mentionsBefore.has(at)), [], 'no new mention on the other pages');
		assert.deepStrictEqual(before.diagnostics.filter(d => d.code === 'unlinked-mention' && !mentions(after).includes(`${d.file}:${d.line}:${d.column}`) && d.file !== MI6 && d.file !== SIS)
			.map(d => [d.file, d.message]), [['places/united-kingdom.md', '"Secret Intelligence Service" names /organizations/secret-intelligence-service/ (Secret Intelligence Service) but is not linked.']]);
		assert.ok(before.diagnostics.some(d => d.code === 'non-canonical-link' && d.message.includes('secret-intelligence-service')), 'the backlinks spelled otherwise were hinted before, and are after');
	});

	it('republishes an open page when another is retitled to its name, and again when retitled back', async () => {
		const london = uriOf('places/london.md');
		const iran = uriOf('places/iran.md');
		const iranText = read('places/iran.md');
		await client.open(london, read('places/london.md'), 1);
		await client.diagnosticsOf(london, list => !list.some(d => d.code === 'duplicate-entity'));
		await client.open(iran, iranText, 1);
		// Only Iran is edited: London's warning comes from IndexChange.affected.
		await client.change(iran, 2, [{ text: iranText.replace(/^title: .*$/m, 'title: london') }]);
		const warned = await client.diagnosticsOf(london, list => list.some(d => d.code === 'duplicate-entity'));
		assert.strictEqual(warned.find(d => d.code === 'duplicate-entity')?.message, 'The title London also names london (/places/iran/): if they are one entity, merge the two pages.');
		await client.change(iran, 3, [{ text: iranText }]);
		await client.diagnosticsOf(london, list => !list.some(d => d.code === 'duplicate-entity'));
	});

	it('offers the merge only to a client that deletes files', async () => {
		const text = '---\ntitle: London\ncategory: Place\nsummary: The Roman city.\ntags: [Place]\ncreated: 2026-05-20\nupdated: 2026-05-20\n---\n\nLondinium.\n';
		fs.writeFileSync(path.join(dir, 'places/londinium.md'), text);
		const noDeletes = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'vault' }], resourceOperations: ['create', 'rename'] });
		try {
			await noDeletes.initialize();
			await noDeletes.waitUntilIndexed();
			const titles: string[][] = [];
			for (const each of [client, noDeletes]) {
				await each.open(uriOf('places/londinium.md'), text, 1);
				const warning = (await each.diagnosticsOf(uriOf('places/londinium.md'), list => list.some(d => d.code === 'duplicate-entity'))).find(d => d.code === 'duplicate-entity')!;
				const actions = await each.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf('places/londinium.md') }, range: warning.range, context: { diagnostics: [warning] } }) as CodeAction[];
				titles.push(actions.map(action => action.title));
			}
			assert.deepStrictEqual(titles, [['Merge into London (/places/london/)'], []]);
		} finally {
			await noDeletes.shutdown();
		}
	});
});
