import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { temporaryVault } from '../support/paths';

const page = (title: string, body: string): string =>
	`---\ntitle: ${title}\nsummary: ${title}.\ncategory: Person\ntags: [x]\ncreated: 2024-01-01\nupdated: 2024-01-02\n---\n${body}`;

const PAGES: Record<string, string> = {
	'people/ada.md': page('Ada', 'Ada met [Bob](/people/bob/) and [Sami](/people/sami/)[^1].\n\n[^1]: A source.\n'),
	'people/bob.md': page('Bob', 'Bob met [Sami](/people/sami/) in [Paris](/places/paris/)[^2].\n'),
	'people/carl.md': page('Carl <script>alert(1)</script> & "co"', 'Carl links [Ada](/people/ada/).\n'),
	'people/dora.md': page('Dora', 'Nobody links Dora.\n'),
};

/** The rows of the table in the section with that id, each row's cells as text (tags removed, entities decoded). */
function sectionRows(html: string, id: string): string[][] {
	const section = new RegExp(`<section id="${id}" data-count="(\\d+)">([\\s\\S]*?)</section>`).exec(html);
	assert.ok(section, `no section #${id}`);
	return [...section[2].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
		.map(row => [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(cell => decode(cell[1].replace(/<[^>]*>/g, ''))));
}

function sectionCount(html: string, id: string): number {
	const match = new RegExp(`<section id="${id}" data-count="(\\d+)">`).exec(html);
	assert.ok(match, `no section #${id}`);
	return Number(match[1]);
}

function decode(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('entity-vault check --format html', () => {
	let dir: string;
	before(() => {
		dir = temporaryVault('ev-html-', PAGES);
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('writes the vault overview as one self-contained HTML file: orphans, wanted pages, problems by code', () => {
		const result = runCli('check', dir, '--format', 'html');
		assert.strictEqual(result.status, 1, result.stderr);
		const html = result.stdout;
		fs.writeFileSync(path.join(dir, 'overview.html'), html);
		assert.ok(html.startsWith('<!DOCTYPE html>'));
		// Nothing from outside: no script, no external resource, a strict Content-Security-Policy.
		assert.ok(!/<script|<link|<img|src=|https?:/i.test(html.replace(/<title>[^<]*<\/title>/, '')), 'no external resource or script');
		assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
		// The title with markup is escaped text.
		assert.ok(html.includes('Carl &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;'));

		assert.deepStrictEqual(sectionRows(html, 'sections'), [['people', '4']]);
		assert.strictEqual(sectionCount(html, 'orphans'), 2);
		assert.deepStrictEqual(sectionRows(html, 'orphans'), [['Carl <script>alert(1)</script> & "co"', 'people/carl.md'], ['Dora', 'people/dora.md']]);
		assert.strictEqual(sectionCount(html, 'unsourced'), 2);
		assert.strictEqual(sectionCount(html, 'wanted'), 2);
		assert.deepStrictEqual(sectionRows(html, 'wanted').slice(1), [['/people/sami/', 'Sami', '2'], ['/places/paris/', 'Paris', '1']]);
		assert.strictEqual(sectionCount(html, 'problems'), 4);
		const byCode = sectionRows(html, 'problems').filter(row => row.length === 3 && row[0] !== 'code');
		assert.deepStrictEqual(byCode, [['broken-link', 'error', '3'], ['missing-footnote', 'error', '1']]);
	});

	it('counts the same problems as the JSON report', () => {
		const json = JSON.parse(runCli('check', dir, '--format', 'json').stdout) as { diagnostics: { code: string }[] };
		const html = runCli('check', dir, '--format', 'html').stdout;
		assert.strictEqual(sectionCount(html, 'problems'), json.diagnostics.length);
	});

	it('refuses another format with the list of formats', () => {
		const result = runCli('check', dir, '--format', 'xml');
		assert.strictEqual(result.status, 2);
		assert.match(result.stderr, /--format must be text, json, github, sarif or html/);
	});
});
