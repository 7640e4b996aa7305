import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { REQUEST_TIMINGS_VARIABLE } from '../../server/src/node/requestTimings';
import { summarizePage } from '../../server/src/service/parse/pageSummary';
import { applyWorkspaceEditToFiles } from '../support/applyEdits';
import { checkFolder, markdownFilesIn, type CheckReport } from '../support/checkCommand';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

/** The new slug, as long as the old one, so that `check` reports its problems at the same columns. */
const NEW_SLUG = 'rob-maxwell-ii';

/**
 * Rename over JSON-RPC against the real server, on a generated vault whose
 * page people/robert-maxwell.md has 300 linking pages writing its URL in
 * every spelling, beside decoys (code, HTML, frontmatter) that are not
 * links. The returned WorkspaceEdit is applied to the real files.
 */

const LINKERS = 300;
const OLD_URL = '/people/robert-maxwell/';

/** Every spelling of a link to the page, from a page in notes/ (each used by a third of the linking pages or more). */
const SPELLINGS = [
	'[Robert Maxwell](/people/robert-maxwell/)',
	'[RM](/people/robert-maxwell)',
	'[angle](</people/robert-maxwell/>)',
	'[fragment](/people/robert-maxwell/#early-life)',
	'[query](/people/robert-maxwell/?from=notes#early-life)',
	'[file](../people/robert-maxwell.md)',
	'[absolute file](/people/robert-maxwell.md#early-life)',
	'[relative URL](../../people/robert-maxwell/)',
	'[first][rm] and [second][rm]',
	'[escaped](/people/robert-maxwell/#early\\-life)',
	'![portrait](/people/robert-maxwell/ "Robert Maxwell")',
];

/** What is not a link, and must stay byte for byte. */
const DECOYS = [
	'`[code span](/people/robert-maxwell/)`',
	'<!-- [comment](/people/robert-maxwell/) -->',
	'```\n[fenced](/people/robert-maxwell/)\n```',
	'<div>\n[html block](/people/robert-maxwell/)\n</div>',
	'    [indented](/people/robert-maxwell/)',
];

function frontmatter(title: string, eol: string, extra: string[] = []): string {
	return ['---', `title: ${title}`, 'summary: A page.', 'category: Note', 'tags:', '- Test', 'created: 2026-01-01', 'updated: 2026-01-02', ...extra, '---', ''].join(eol);
}

function linkerText(i: number): string {
	const eol = i % 4 === 0 ? '\r\n' : '\n';
	const links = [0, 1, 2].map(k => SPELLINGS[(i * 3 + k) % SPELLINGS.length]);
	const lines = [
		frontmatter(`Note ${i}`, eol, [`see: "[x](${OLD_URL})"`, `related: ${OLD_URL}`]),
		`😀 Note ${i}: [MI6](/organizations/mi6/) and [gone](/people/ghost-${i % 7}/).`,
		`Links: ${links.join(', ')}.`,
		'',
		...DECOYS.map(decoy => `${decoy.split('\n').join(eol)}${eol}`),
		'[rm]: /people/robert-maxwell/ "Robert"',
		'',
	];
	return lines.join(eol);
}

/** The fixture vault, in a new temporary folder. */
function fixtureVault(): string {
	const files: Record<string, string> = {
		'people/robert-maxwell.md': `${frontmatter('Robert Maxwell', '\n')}\n# Robert Maxwell\n\n## Early life\n\nSee [MI6](../organizations/mi6.md) and ![me](../images/rm.png) and [self](/people/robert-maxwell/#early-life).\n`,
		'people/ada.md': `${frontmatter('Ada', '\n')}\nAda.\n`,
		'organizations/mi6.md': `${frontmatter('MI6', '\n')}\nWorked with [Maxwell](/people/robert-maxwell/).\n`,
		'images/rm.png': 'png',
	};
	for (let i = 0; i < LINKERS; i++) {
		files[`notes/n${i}.md`] = linkerText(i);
	}
	return temporaryVault('ev-rename-', files);
}

function occurrences(text: string, fragment: string): number {
	return text.split(fragment).length - 1;
}

describe('rename over JSON-RPC on a vault with 300 linking pages', function () {
	this.timeout(120000);
	let dir: string;
	let client: LspTestClient;
	const uriOf = (relative: string): string => URI.file(path.join(dir, relative)).toString();

	before(async () => {
		dir = fixtureVault();
		client = await LspTestClient.indexedOn(dir, { env: { [REQUEST_TIMINGS_VARIABLE]: '1' } });
	});

	after(async () => {
		await client?.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const at = (relative: string, line: number, character: number) => ({ textDocument: { uri: uriOf(relative) }, position: { line, character } });
	const renameError = (params: object): Promise<string> => client.connection.sendRequest('textDocument/rename', params).then(
		result => assert.fail(`expected a refusal, got ${JSON.stringify(result).slice(0, 200)}`),
		(error: Error) => error.message,
	);

	it('refuses a clash, a bad slug and a position naming no page, with the reason', async () => {
		const mi6 = fs.readFileSync(path.join(dir, 'organizations/mi6.md'), 'utf8');
		await client.open(uriOf('organizations/mi6.md'), mi6);
		const line = mi6.split('\n').findIndex(text => text.includes('[Maxwell]'));
		const onLink = at('organizations/mi6.md', line, 'Worked with [Max'.length);
		assert.deepStrictEqual(await client.connection.sendRequest('textDocument/prepareRename', onLink), {
			range: { start: { line, character: 'Worked with ['.length }, end: { line, character: 'Worked with [Maxwell'.length } },
			placeholder: 'robert-maxwell',
		});
		assert.match(await renameError({ ...onLink, newName: 'ada' }), /\/people\/ada\/ is taken: people\/ada\.md is there/);
		assert.match(await renameError({ ...onLink, newName: 'Bob Maxwell' }), /has a space/);
		const prepareError = await client.connection.sendRequest('textDocument/prepareRename', at('organizations/mi6.md', line, 2)).then(() => '', (error: Error) => error.message);
		assert.match(prepareError, /Nothing to rename here/);
		assert.ok(fs.existsSync(path.join(dir, 'people/robert-maxwell.md')));
		await client.close(uriOf('organizations/mi6.md'));
	});

	it('renames the page: every link follows in its spelling, the decoys stay, check reports the same, and an open page gets a versioned edit', async () => {
		const before = markdownFilesIn(dir);

		// n1's editor holds an unsaved change with one more link.
		const openPath = 'notes/n1.md';
		const unsaved = before.get(openPath)!.replace('Links: ', 'Links: [unsaved](/people/robert-maxwell/#early-life), ');
		await client.open(uriOf(openPath), before.get(openPath)!, 1);
		await client.change(uriOf(openPath), 2, [{ text: unsaved }]);
		const page = 'people/robert-maxwell.md';
		await client.open(uriOf(page), before.get(page)!);
		const titleLine = before.get(page)!.split('\n').indexOf('# Robert Maxwell');

		const timingsBefore = client.requestTimings.length;
		const edit = await client.connection.sendRequest('textDocument/rename', { ...at(page, titleLine, 4), newName: NEW_SLUG }) as WorkspaceEdit;
		const timing = await client.waitFor('the rename timing', () => client.requestTimings.slice(timingsBefore).find(t => t.method === 'textDocument/rename'));

		const textEdits = edit.documentChanges!.filter((change): change is TextDocumentEdit => !('kind' in change));
		const renames = edit.documentChanges!.filter(change => 'kind' in change);
		assert.deepStrictEqual(renames, [{ kind: 'rename', oldUri: uriOf(page), newUri: uriOf(`people/${NEW_SLUG}.md`), options: { overwrite: false } }]);
		const editCount = textEdits.reduce((sum, change) => sum + change.edits.length, 0);
		// Each linking page: its 3 inline spellings (a reference definition counts once) and the definition line; MI6 and the page's own self link.
		assert.strictEqual(textEdits.length, LINKERS + 2);
		assert.strictEqual(textEdits.find(change => change.textDocument.uri === uriOf(openPath))?.textDocument.version, 2);
		assert.ok(textEdits.filter(change => change.textDocument.uri !== uriOf(openPath) && change.textDocument.uri !== uriOf(page)).every(change => change.textDocument.version === null));
		console.log(`      rename with ${LINKERS} linking pages: ${editCount} text edits in ${textEdits.length} pages, server time ${timing.ms.toFixed(1)} ms`);

		// The editor applies the edit to its buffers; the open page's buffer is its unsaved text, saved here first.
		fs.writeFileSync(path.join(dir, openPath), unsaved);
		const reportBefore = checkFolder(dir);
		assert.ok(reportBefore.diagnostics.some(d => d.code === 'broken-link') && reportBefore.diagnostics.some(d => d.code === 'non-canonical-link'));
		applyWorkspaceEditToFiles(edit);
		const after = markdownFilesIn(dir);
		assert.ok(!after.has(page) && after.has(`people/${NEW_SLUG}.md`));

		for (const [relative, text] of after) {
			const summary = summarizePage(relative, text);
			assert.deepStrictEqual(summary.links.filter(link => link.target.kind === 'page' && link.target.url === OLD_URL).map(link => link.destination), [], relative);
			const original = relative === openPath ? unsaved : before.get(relative === `people/${NEW_SLUG}.md` ? page : relative)!;
			for (const decoy of [...DECOYS, `see: "[x](${OLD_URL})"`, `related: ${OLD_URL}`]) {
				const written = decoy.split('\n').join(original.includes('\r\n') ? '\r\n' : '\n');
				assert.strictEqual(occurrences(text, written), occurrences(original, written), `${relative}: ${decoy}`);
			}
			// Only destinations changed: with the new URL's spelling put back, each page reads as before (an escaped destination is written anew, unescaped).
			assert.strictEqual(text.split(NEW_SLUG).join('robert-maxwell'), original.split('#early\\-life)').join('#early-life)'), relative);
		}
		const n0 = after.get('notes/n0.md')!;
		assert.ok(n0.includes('[Robert Maxwell](/people/rob-maxwell-ii/), [RM](/people/rob-maxwell-ii), [angle](</people/rob-maxwell-ii/>)'), n0);
		assert.ok(after.get('notes/n6.md')!.includes('[relative URL](../../people/rob-maxwell-ii/), [first][rm] and [second][rm], [escaped](/people/rob-maxwell-ii/#early-life)'));

		const reportAfter = checkFolder(dir);
		// The same problems, the renamed page's under its new path, a message quoting a link with its new URL.
		const normalized = (report: CheckReport, renamedPage: boolean) => ({
			...report,
			diagnostics: report.diagnostics.map(d => ({
				...d,
				file: renamedPage && d.file === page ? `people/${NEW_SLUG}.md` : d.file,
				message: renamedPage ? d.message.split('/people/robert-maxwell').join(`/people/${NEW_SLUG}`) : d.message,
			})).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column),
		});
		// Rename leaves the frontmatter as written: its links to the old URL (`see: "[x](…)"`, and `related:`, a field
		// of links in every note) are reported broken now, one of each per note, and nothing else changed.
		const leftInFrontmatter = reportAfter.diagnostics.filter(d => d.code === 'broken-link' && d.message.startsWith(`No page at ${OLD_URL}`));
		assert.deepStrictEqual(leftInFrontmatter.length, 2 * LINKERS);
		const rest = { ...reportAfter, diagnostics: reportAfter.diagnostics.filter(d => !leftInFrontmatter.includes(d)) };
		assert.deepStrictEqual(normalized(rest, false), normalized(reportBefore, true));
	});
});

describe('rename over JSON-RPC: the old URL field, and a client that cannot rename files', function () {
	this.timeout(60000);
	let dir: string;

	before(() => {
		dir = temporaryVault('ev-rename-small-', {
			'people/ada.md': '\ufeff---\r\ntitle: Ada\r\noldUrls:\r\n  - /people/ada-l/\r\n---\r\n\r\nAda.\r\n',
			'organizations/club.md': '---\ntitle: Club\n---\n\nMember: [Ada](/people/ada/).\n',
		});
	});

	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function renameAda(options: { settings?: unknown; resourceOperations?: string[] }): Promise<WorkspaceEdit | string> {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'small' }], ...options });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const uri = URI.file(path.join(dir, 'organizations', 'club.md')).toString();
			await client.open(uri, fs.readFileSync(path.join(dir, 'organizations', 'club.md'), 'utf8'));
			return await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 4, character: 10 }, newName: 'ada-lovelace' })
				.then(result => result as WorkspaceEdit, (error: Error) => error.message);
		} finally {
			await client.shutdown();
		}
	}

	it('lets the editor\'s own rename take plain text when the client allows it, and answers on a link', async () => {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'small' }], renameDefaultBehavior: true });
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			const uri = URI.file(path.join(dir, 'organizations', 'club.md')).toString();
			await client.open(uri, fs.readFileSync(path.join(dir, 'organizations', 'club.md'), 'utf8'));
			const prepare = (character: number) => client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 4, character } });
			assert.deepStrictEqual(await prepare(2), { defaultBehavior: true });
			assert.deepStrictEqual(await prepare(10), { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } }, placeholder: 'ada' });
		} finally {
			await client.shutdown();
		}
	});

	it('is refused when the client does not rename files', async () => {
		assert.match(await renameAda({ resourceOperations: ['create'] }) as string, /does not rename files/);
	});

	it('appends the old URL to the field the setting names, in the closed page read from disk (BOM and CRLF kept)', async () => {
		const edit = await renameAda({ settings: { rename: { oldUrlField: 'oldUrls' } } });
		assert.ok(typeof edit !== 'string', edit as string);
		applyWorkspaceEditToFiles(edit);
		assert.strictEqual(fs.readFileSync(path.join(dir, 'people', 'ada-lovelace.md'), 'utf8'), '\ufeff---\r\ntitle: Ada\r\noldUrls:\r\n  - /people/ada-l/\r\n  - /people/ada/\r\n---\r\n\r\nAda.\r\n');
		assert.strictEqual(fs.readFileSync(path.join(dir, 'organizations', 'club.md'), 'utf8'), '---\ntitle: Club\n---\n\nMember: [Ada](/people/ada-lovelace/).\n');
	});
});
