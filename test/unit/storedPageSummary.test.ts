import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isTitledFromSlug, PageSummaries, summarizePageParts, type PageSummary } from '../../server/src/service/parse/pageSummary';
import * as fc from 'fast-check';
import { isSlugTitle, slugOfUrl, titleFromSlug } from '../../server/src/service/vault/vaultPaths';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { JSON_PAGE_CODEC, pageRecordOf, StoredPages, StoredPageSummary, summaryParts, type PageCodec, type PageRecord } from '../../server/src/service/parse/storedPageSummary';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** Pages with every kind of item a summary keeps. */
const MADE_UP: [string, string][] = [
	['people/crlf.md', '---\r\ntitle: Crlf\r\naliases: [C]\r\nparent: "[P](/people/p/)"\r\n---\r\n# Crlf\r\n\r\nSee [P](/people/p/#x) 😀 [^1] and [ref][r].\r\n\r\n[r]: /places/iran/\r\n[^1]: Note.\r\n'],
	['people/emoji.md', '😀 # not a heading\n\n## 😀 Emoji 😀\n\n[😀](/people/😀/) `[code](/x/)` <a id="here"></a>\n\nTerm 😀\n: Definition\n'],
	['people/shortcodes.md', '---\nsummary: S\n---\n{{< include "/_common/note" >}}\n{{% ref "people/p" %}}\n\n```\n[not](/a/link/)\n```\n[mi6](/organizations/mi6/) [MI6](/organizations/mi6/) [again](../mi6/)\n'],
	['people/untitled.md', '---\ncategory: C\n---\nBody [Iran](/places/iran/).\n'],
	['people/headed.md', '---\ncategory: C\n---\n# Headed\n\n[Untitled](/people/untitled/)\n'],
	['people/titled.md', '---\ncategory: C\ntitle: T\n---\nBody.\n'],
	['people/big.md', `# Big\n\n${'[Iran](/places/iran/#h) and [^1] words.\n'.repeat(3000)}\n[^1]: Note.\n`],
	['_index.md', '[[not a link]] [x](http://example.com) ![img](/img/a.png)\n'],
	// Name spellings as slug titles and not, out of the order of their targets: `nameSpellingUrls` keeps their order.
	['people/spellings.md', '[x](/places/ay/) [Bee](/places/bee/) [Ay](/places/ay/) [mi6](/org/mi6/) [Cee Dee](/places/cee_dee/) [E](/e/)\n'],
	// In the order of their targets, slug titles and others mixed: the others' targets kept as bits.
	['people/in-order.md', '[Ay](/places/ay/) [B](/places/bee/) [Cee](/places/cee/) [the D](/places/dee/) [x](/places/dee/) [e](/places/e/)\n'],
	// Other spellings of targets past the thirtieth: all kept as pairs; then only slug titles there.
	['people/wide.md', Array.from({ length: 34 }, (_, i) => (i % 3 === 0 ? `[Item ${i}](/t/item-${i}/)` : `[the item ${i}](/t/item-${i}/)`)).join(' ') + '\n'],
	['people/wide-slugs.md', Array.from({ length: 34 }, (_, i) => (i % 3 === 0 || i >= 30 ? `[Item ${i}](/t/item-${i}/)` : `[the item ${i}](/t/item-${i}/)`)).join(' ') + '\n'],
];

function fixturePages(): [string, string][] {
	const pages: [string, string][] = [];
	for (const name of fs.readdirSync(path.join(FIXTURES, 'markdown'))) {
		pages.push([`notes/${name}`, fs.readFileSync(path.join(FIXTURES, 'markdown', name), 'utf8')]);
	}
	return pages;
}

/** Every member and view of a summary, as plain data (the offsets of `isInCode` sampled over the whole text). */
function everything(page: PageSummary): Record<string, unknown> {
	const urls = [...page.targetUrls, '/no/such/page/'];
	const step = Math.max(1, Math.floor(page.textLength / 2000));
	const inCode: number[] = [];
	for (let offset = 0; offset <= page.textLength; offset += step) {
		inCode.push(page.isInCode(offset) ? 1 : 0);
	}
	const { present, span, bodyStart, closingFenceStart, problems, data, links, fields } = page.frontmatter;
	return {
		path: page.path, url: page.url, section: page.section, title: page.title, aliases: page.aliases, tags: page.tags, textLength: page.textLength,
		frontmatter: { present, span, bodyStart, closingFenceStart, problems, data, links, fields },
		links: page.links, footnoteReferences: page.footnoteReferences, footnoteDefinitions: page.footnoteDefinitions, headings: page.headings,
		htmlAnchors: page.htmlAnchors, definitionTerms: page.definitionTerms, shortcodeCalls: page.shortcodeCalls, lineStarts: [...page.lineStarts],
		targetUrls: page.targetUrls, linkSpellings: page.linkSpellings, nameSpellingUrls: page.nameSpellingUrls,
		nameSpellings: urls.map(url => page.nameSpellingFor(url)), linkSpans: urls.map(url => page.linkSpansTo(url)),
		mayBeTitledFromSlug: page.mayBeTitledFromSlug, isTitledFromSlug: isTitledFromSlug(page), inCode,
	};
}

/** A record as a worker thread makes it (header through a structured clone, body through the codec). */
function recordOf(page: string, text: string, codec: PageCodec): PageRecord {
	const { header, body } = splitPageParts(summarizePageParts(page, text));
	return { header: structuredClone(header), blob: codec.encode(body) };
}

describe('stored page summary (page records)', () => {
	const pages = [...MADE_UP, ...fixturePages(), ['people/seed.md', fs.readFileSync(path.join(FIXTURES, 'markdown', 'seed-mi6.md'), 'utf8')] as [string, string]];

	it('equals the compact summary of the same text on every member and view, through either codec', () => {
		assert.ok(pages.length >= 15);
		assert.ok(MADE_UP.some(([, text]) => text.length > 0xffff));
		for (const codec of [JSON_PAGE_CODEC, V8_PAGE_CODEC]) {
			// A cache of one: every page is expanded again and again.
			const stored = new StoredPages(new PageSummaries(), codec, 1);
			const made: [PageSummary, PageSummary][] = [];
			for (const [page, text] of pages) {
				const compact = new PageSummaries().fromParts(summarizePageParts(page, text));
				const summary = stored.summaryOf(recordOf(page, text, codec));
				assert.deepStrictEqual(everything(summary), everything(compact), page);
				// Asked again once another page took its place in the cache.
				void stored.summaryOf(recordOf('people/other.md', 'Other.\n', codec)).links;
				assert.deepStrictEqual(everything(summary), everything(compact), page);
				made.push([summary, compact]);
			}
			// Their numbers share slabs with the pages made after them (numberSlabs.ts): still their own.
			for (const [summary, compact] of made) {
				assert.deepStrictEqual(everything(summary), everything(compact), summary.path);
			}
		}
	});

	it('gives what its anchors are made of from its blob alone, as the compact summary has them, without expanding', () => {
		for (const codec of [JSON_PAGE_CODEC, V8_PAGE_CODEC]) {
			const stored = new StoredPages(new PageSummaries(), codec, 1);
			for (const [page, text] of pages) {
				const compact = new PageSummaries().fromParts(summarizePageParts(page, text));
				const summary = stored.summaryOf(recordOf(page, text, codec));
				const { path: at, headings, htmlAnchors, definitionTerms, shortcodeCalls } = summary.anchorSource();
				assert.deepStrictEqual({ at, headings, htmlAnchors, definitionTerms, shortcodeCalls },
					{ at: compact.path, headings: compact.headings, htmlAnchors: compact.htmlAnchors, definitionTerms: compact.definitionTerms, shortcodeCalls: compact.shortcodeCalls }, page);
				assert.strictEqual(stored.expanded.get(summary), undefined, `${page} is not expanded`);
				// Expanded, its summary is what it gives.
				void summary.links;
				assert.strictEqual(summary.anchorSource(), stored.expanded.get(summary), page);
			}
		}
	});

	it('answers the index from its header without decoding its blob', () => {
		let decoded = 0;
		const counting: PageCodec = { encode: JSON_PAGE_CODEC.encode, decode: blob => (decoded++, JSON_PAGE_CODEC.decode(blob)) };
		const stored = new StoredPages(new PageSummaries(), counting);
		for (const [page, text] of pages) {
			const summary = stored.summaryOf(recordOf(page, text, counting));
			void [summary.path, summary.url, summary.section, summary.title, summary.aliases, summary.tags, summary.textLength, summary.targetUrls, summary.linkSpellings,
				summary.nameSpellingUrls, summary.shortcodeCalls, summary.frontmatter.present, summary.frontmatter.data, summary.frontmatter.links, isTitledFromSlug(summary), summary.lineStarts];
			summary.targetUrls.forEach(url => summary.linkSpansTo(url));
		}
		assert.strictEqual(decoded, 0);
		void stored.summaryOf(recordOf('people/a.md', '# A\n', counting)).headings;
		assert.strictEqual(decoded, 1);
	});

	it('keeps the frontmatter data\'s fields in their order, its aliases the summary\'s list when they are the same names', () => {
		const texts: [string, string][] = [
			['people/many.md', '---\ntitle: T\n2: two\nzeta: z\naliases: [A, B]\nalpha: a\nnested: {x: 1, y: [1, 2]}\n1: one\nsummary: A longer sentence.\n---\nBody\n'],
			['people/few.md', '---\nzeta: z\naliases: [A]\nalpha: 1\n---\nBody\n'],
			['people/other.md', '---\nb: 1\na: 2\nd: 3\nc: 4\naliases: [A, 3, {x: 1}]\nf: [1]\ne: null\n---\nBody\n'],
		];
		for (const codec of [JSON_PAGE_CODEC, V8_PAGE_CODEC]) {
			const stored = new StoredPages(new PageSummaries(), codec);
			for (const [page, text] of texts) {
				const plain = summarizePageParts(page, text).frontmatter.data!;
				const data = stored.summaryOf(recordOf(page, text, codec)).frontmatter.data!;
				assert.deepStrictEqual(Object.keys(data), Object.keys(plain), page);
				assert.deepStrictEqual(Object.entries(data), Object.entries(plain), page);
			}
			const many = stored.summaryOf(recordOf(...texts[0], codec));
			assert.strictEqual(many.frontmatter.data!.aliases, many.aliases);
			const other = stored.summaryOf(recordOf(...texts[2], codec));
			assert.deepStrictEqual(other.frontmatter.data!.aliases, ['A', 3, { x: 1 }]);
		}
	});

	it('hands back its own record, and its plain data makes the same summary again', () => {
		const stored = new StoredPages(new PageSummaries(), V8_PAGE_CODEC);
		for (const [page, text] of pages) {
			const record = recordOf(page, text, V8_PAGE_CODEC);
			const summary = stored.summaryOf(record);
			assert.ok(summary instanceof StoredPageSummary);
			assert.strictEqual(pageRecordOf(summary, V8_PAGE_CODEC).blob, record.blob);
			assert.deepStrictEqual(everything(new PageSummaries().fromParts(summaryParts(summary), true)), everything(summary), page);
			const compact = new PageSummaries().fromParts(summarizePageParts(page, text));
			assert.deepStrictEqual(everything(stored.summaryOf(pageRecordOf(compact, V8_PAGE_CODEC))), everything(compact), page);
		}
	});

	it('tells a name spelled as its URL\'s slug title as titleFromSlug does, for any URL and spelling', () => {
		const slugChar = fc.constantFrom('a', 'b', 'Z', '1', '-', '_', ' ', '\t', '\v', 'é', 'ß', '😀', '\u00a0', '\u2003', '/');
		const slug = fc.array(slugChar, { maxLength: 12 }).map(chars => chars.join(''));
		const url = fc.tuple(fc.constantFrom('/people/', '/', '', '/a/b/'), slug, fc.constantFrom('', '/', '//')).map(([head, middle, tail]) => `${head}${middle}${tail}`);
		fc.assert(fc.property(url, fc.boolean(), slug, (page, asTitle, other) => {
			const title = titleFromSlug(slugOfUrl(page));
			const spelling = asTitle ? title : other;
			assert.strictEqual(isSlugTitle(spelling, page), title === spelling, JSON.stringify([page, spelling]));
		}), { numRuns: 5000 });
		assert.ok(isSlugTitle('Michael Menashe', '/people/michael-menashe/'));
		assert.ok(!isSlugTitle('michael menashe', '/people/michael-menashe/'));
		assert.ok(!isSlugTitle('MI6', '/organizations/mi6/'));
	});
});
