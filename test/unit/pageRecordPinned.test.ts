import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { summarizePageParts } from '../../server/src/service/parse/pageSummary';

/**
 * Hard pages whose records (header and body, as a worker sends them) are
 * pinned: the snapshot was written by the build before the workers' parse was
 * made faster, so any change to what a page's record holds shows here.
 */
export const HARD_PAGES: Readonly<Record<string, string>> = {
	'people/crlf.md': '---\r\ntitle: CRLF page\r\naliases: [Crlf]\r\ntags:\r\n  - a\r\n---\r\n# Heading one\r\n\r\nSee [MI6](/organizations/mi6/) and [the *site*](/places/iran/#history).[^1]\r\n\r\n[^1]: A note\r\n  continued.\r\n',
	'people/emoji.md': '---\ntitle: "Emoji 😀"\n---\nText 😀 [Iran 🇮🇷](/places/iran/) then 𝒜 [astral 𝒜](../places/iraq.md#x) and [[not a link]].\n\n## 👍 Heading {#custom-id}\n',
	'places/lists.md': '- one [A](/a/)\n  - nested [B](/b/#x)\n    1. deeper [C](c.md)\n\n> quote [D](/d/)\n> - in quote [E][e]\n\n[e]: /e/ "Title"\n',
	'places/definitions.md': 'Term\n: Definition with [a link](/x/)\n\nOther term\n: More[^n]\n\n[^n]: Note with [a link](/y/).\n[^m]: Same note with [a link](/y/).\n',
	'notes/references.md': '[Full][one] [Collapsed][] [Shortcut] [unknown][nope] ![Image](/img.png)\n\n[one]: /pages/one/\n[collapsed]: <../notes/two.md>\n[shortcut]: /pages/three/#part "t"\n',
	'notes/footnotes.md': 'A[^1] B[^long note] C[^1]\n\n[^1]: First.\n[^long note]: First.\n\n```\n[not](/code/)\n```\n\n<a id="anchor"></a>\n',
	'notes/toml.md': '+++\ntitle = "TOML page"\ntags = ["x"]\n+++\n{{< ref "other.md" >}} [x](/x/)\n',
	'notes/tab\tand space.md': '\uFEFF# Title\n\n[Mi6](/organizations/mi6/) [mi 6](/organizations/mi-6/)  <https://example.com> www.example.com\n',
};

/** A record as plain JSON: typed arrays by name and values, `undefined` kept. */
export function recordAsJson(page: string, text: string): unknown {
	const { header, body } = splitPageParts(summarizePageParts(page, text));
	const plain = (value: unknown): unknown => {
		if (value === undefined) {
			return { undefined: true };
		}
		if (ArrayBuffer.isView(value)) {
			return { [value.constructor.name]: Array.from(value as Uint16Array) };
		}
		if (Array.isArray(value)) {
			return value.map(plain);
		}
		if (value !== null && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
		}
		return value;
	};
	return { header: plain(header), body: plain(body) };
}

const SNAPSHOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'records', 'pageRecords.snapshot.json');
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'markdown');

/** The pages pinned: the hard pages above and every markdown fixture. */
export function pinnedPages(): [string, string][] {
	const fixtures = fs.readdirSync(FIXTURES).filter(name => name.endsWith('.md')).sort();
	return [...Object.entries(HARD_PAGES), ...fixtures.map((name): [string, string] => [`fixtures/${name}`, fs.readFileSync(path.join(FIXTURES, name), 'utf8')])];
}

describe('page records: pinned', () => {
	it('makes for each hard page and markdown fixture the record the snapshot holds, field by field', () => {
		const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown>;
		const pages = pinnedPages();
		assert.deepStrictEqual(pages.map(([page]) => page), Object.keys(snapshot));
		for (const [page, text] of pages) {
			assert.deepStrictEqual(JSON.parse(JSON.stringify(recordAsJson(page, text))), snapshot[page], page);
		}
	});
});
