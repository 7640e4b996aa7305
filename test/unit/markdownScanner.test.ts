import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HeadingSlugger, slugifyHeading } from '../../server/src/service/parse/headingSlug';
import { normalizeMarkdownLabel, scanMarkdown } from '../../server/src/service/parse/markdown';
import type { MarkdownScan, Span } from '../../server/src/service/parse/markdownTypes';

const repoRoot = path.resolve(__dirname, '../../..');

function slice(text: string, span: Span): string {
	return text.slice(span.start, span.end);
}

function destinations(scan: MarkdownScan): string[] {
	return scan.links.map((l) => l.destination);
}

describe('markdown scanner', () => {
	describe('the seed vault page', () => {
		const text = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'markdown', 'seed-mi6.md'), 'utf8');
		// The frontmatter ends with "---\n" at offset 530.
		const bodyStart = 534;
		const scan = scanMarkdown(text, bodyStart);

		it('starts the body right after the frontmatter', () => {
			assert.strictEqual(text.slice(bodyStart - 4, bodyStart), '---\n');
		});

		it('finds the first link with exact spans', () => {
			const first = scan.links[0];
			assert.deepStrictEqual(first, {
				kind: 'inline',
				isImage: false,
				destination: '/places/united-kingdom/',
				span: { start: 605, end: 646 },
				textSpan: { start: 606, end: 620 },
				destinationSpan: { start: 622, end: 645 },
			});
			assert.strictEqual(slice(text, first.span), '[United Kingdom](/places/united-kingdom/)');
			assert.strictEqual(slice(text, first.textSpan), 'United Kingdom');
			assert.strictEqual(slice(text, first.destinationSpan), '/places/united-kingdom/');
		});

		it('finds all 21 entity links in order', () => {
			assert.strictEqual(scan.links.length, 21);
			assert.deepStrictEqual(destinations(scan).slice(0, 4), ['/places/united-kingdom/', '/places/london/', '/organizations/mi5/', '/events/world-war-ii/']);
			const last = scan.links[20];
			assert.strictEqual(last.destination, '/people/nicholas-davies/');
			assert.deepStrictEqual(last.span, { start: 4493, end: 4536 });
			for (const link of scan.links) {
				assert.strictEqual(link.kind, 'inline');
				assert.strictEqual(slice(text, link.destinationSpan), link.destination);
				assert.ok(link.span.start >= bodyStart);
			}
			// The bare URL in footnote 1 is not an entity link.
			assert.ok(!destinations(scan).some((d) => d.startsWith('https://')));
		});

		it('finds the footnote calls [^1] and [^2] and their definitions', () => {
			assert.deepStrictEqual(
				scan.footnoteReferences.map((f) => [f.label, f.span.start, f.span.end]),
				[['1', 1281, 1285], ['1', 2087, 2091], ['2', 3007, 3011], ['1', 3917, 3921], ['2', 4676, 4680]],
			);
			for (const call of scan.footnoteReferences) {
				assert.strictEqual(slice(text, call.span), `[^${call.rawLabel}]`);
			}
			assert.deepStrictEqual(scan.footnoteDefinitions, [
				{ label: '1', rawLabel: '1', span: { start: 4682, end: 4815 }, markerSpan: { start: 4682, end: 4687 } },
				{ label: '2', rawLabel: '2', span: { start: 4816, end: 4933 }, markerSpan: { start: 4816, end: 4821 } },
			]);
			assert.ok(slice(text, scan.footnoteDefinitions[0].span).endsWith('organisations/secret-intelligence-service'));
			assert.strictEqual(slice(text, scan.footnoteDefinitions[1].markerSpan), '[^2]:');
		});

		it('finds the headings and their anchors', () => {
			assert.deepStrictEqual(
				scan.headings.map((h) => [h.level, h.text, h.anchor, h.span.start, h.span.end]),
				[
					[3, 'Origins and World War II', 'origins-and-world-war-ii', 1287, 1315],
					[3, 'Operation Boot: The Iran Coup', 'operation-boot-the-iran-coup', 2093, 2126],
					[3, 'Cold War Operations', 'cold-war-operations', 3013, 3036],
					[3, 'Robert Maxwell', 'robert-maxwell', 3923, 3941],
				],
			);
			assert.strictEqual(slice(text, scan.headings[1].span), '### Operation Boot: The Iran Coup');
		});

		it('sees nothing in the frontmatter', () => {
			const withLinks = '---\ntitle: "[x](/fm/)"\nnote: "[^1]"\n---\n# T\n[y](/body/)\n';
			const start = withLinks.indexOf('# T');
			const result = scanMarkdown(withLinks, start);
			assert.deepStrictEqual(destinations(result), ['/body/']);
			assert.strictEqual(result.footnoteReferences.length, 0);
			assert.deepStrictEqual(result.headings.map((h) => h.text), ['T']);
		});
	});

	describe('offsets', () => {
		it('counts UTF-16 code units across emoji, ZWJ sequences and CRLF', () => {
			const text = '😀 [a](/b/)\r\n👨‍👩‍👧 [c][R]\r\n\r\n[r]: /d/ "T"\r\n';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.links, [
				{ kind: 'inline', isImage: false, destination: '/b/', span: { start: 3, end: 11 }, textSpan: { start: 4, end: 5 }, destinationSpan: { start: 7, end: 10 } },
				{
					kind: 'reference',
					isImage: false,
					destination: '/d/',
					span: { start: 22, end: 28 },
					textSpan: { start: 23, end: 24 },
					destinationSpan: { start: 37, end: 40 },
					referenceLabel: 'r',
				},
			]);
			assert.deepStrictEqual(scan.definitions, [{ label: 'r', destination: '/d/', span: { start: 32, end: 44 }, destinationSpan: { start: 37, end: 40 } }]);
		});

		it('handles lone CR line endings', () => {
			const text = '# Title\r\r[a](/x/) and\r[b](/y/)[^n]\r\r[^n]: note\r';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.links.map((l) => [l.destination, l.span.start, l.span.end]), [['/x/', 9, 17], ['/y/', 22, 30]]);
			assert.deepStrictEqual(scan.footnoteReferences.map((f) => [f.label, f.span.start, f.span.end]), [['n', 30, 34]]);
			assert.deepStrictEqual(scan.footnoteDefinitions[0].span, { start: 36, end: 46 });
			assert.deepStrictEqual(scan.headings[0].span, { start: 0, end: 7 });
		});

		it('keeps exact offsets inside block quotes and list items', () => {
			const text = '> quote [q](/q/)\n> > nested [n](/n/)\n\n- item [i](/i/)\n  more [m](/m/)\n1. one\n   [o](/o/)\n';
			const scan = scanMarkdown(text);
			for (const link of scan.links) {
				assert.strictEqual(slice(text, link.span), `[${link.destination[1]}](${link.destination})`);
			}
			assert.deepStrictEqual(destinations(scan), ['/q/', '/n/', '/i/', '/m/', '/o/']);
		});

		it('keeps exact offsets for link text spanning block quote lines', () => {
			const text = '> see [two\n> lines](/t/) end';
			const [link] = scanMarkdown(text).links;
			assert.deepStrictEqual(link.span, { start: 6, end: 24 });
			assert.deepStrictEqual(link.textSpan, { start: 7, end: 18 });
			assert.strictEqual(slice(text, link.textSpan), 'two\n> lines');
		});

		it('handles tabs in indentation and between words', () => {
			const text = '\t[code](/no/)\n\n-\tone\t[a](/a/)\n\n\t[in item](/item/)\n\n>\t[q](/q/)';
			const scan = scanMarkdown(text);
			// A tab-indented line is code at the top level, but item content after "-\t".
			assert.deepStrictEqual(destinations(scan), ['/a/', '/item/', '/q/']);
			assert.deepStrictEqual(scan.links[0].span, { start: 21, end: 29 });
			assert.deepStrictEqual(scan.links[2].span, { start: 53, end: 61 });
			assert.strictEqual(slice(text, scan.links[2].span), '[q](/q/)');
		});
	});

	describe('what is not a link', () => {
		it('ignores links in code spans, fences, indented code, comments and HTML', () => {
			const text = [
				'Text `[a](/code/)` and ``x ` [^1] y`` and [real](/yes/).',
				'',
				'```',
				'[b](/fenced/) [^1]',
				'```',
				'',
				'~~~~',
				'[c](/tilde/)',
				'~~~',
				'still [code](/no/)',
				'~~~~~',
				'',
				'    [d](/indented/)',
				'',
				'<!-- [e](/comment/) [^1] -->',
				'',
				'<!--',
				'[f](/multi-line-comment/)',
				'-->',
				'',
				'<div>',
				'[g](/html-block/)',
				'</div>',
				'',
				'Inline <span title="[h](/attr/)">html</span> <!-- [i](/inline-comment/) --> done [^1].',
				'',
				'[^1]: note',
			].join('\n');
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(destinations(scan), ['/yes/']);
			assert.strictEqual(scan.footnoteReferences.length, 1);
			assert.strictEqual(scan.footnoteReferences[0].span.start, text.indexOf('[^1].'));
		});

		it('ignores backslash-escaped brackets', () => {
			const scan = scanMarkdown('\\[no](/a/) [no\\](/b/) \\![img](/c/) [a]\\(/d/) [yes](/e/)');
			assert.deepStrictEqual(scan.links.map((l) => [l.destination, l.isImage]), [['/c/', false], ['/e/', false]]);
		});

		it('does not nest links, but nests brackets', () => {
			const text = '[a [b] c](/nested/) [x [y](/inner/) z](/outer/) ![img [l](/in-alt/)](/pic.png)';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.links.map((l) => [l.destination, l.isImage, slice(text, l.textSpan)]), [
				['/nested/', false, 'a [b] c'],
				['/inner/', false, 'y'],
				['/pic.png', true, 'img [l](/in-alt/)'],
			]);
		});

		it('treats a bare URL glued to brackets as GitHub does', () => {
			// The URL swallows what follows it (micromark/GitHub): no call, no links.
			const scan = scanMarkdown('See https://example.com/report.[^1] and www.x.org/[a](/b/) and (https://y.org)[c](/d/).\n\n[^1]: n');
			assert.deepStrictEqual(destinations(scan), []);
			assert.strictEqual(scan.footnoteReferences.length, 0);
			// With a space, all is back.
			const spaced = scanMarkdown('See https://example.com/report. [^1] and [a](/b/)\n\n[^1]: n');
			assert.deepStrictEqual(destinations(spaced), ['/b/']);
			assert.strictEqual(spaced.footnoteReferences.length, 1);
		});
	});

	describe('link forms', () => {
		it('reads titles, angle-bracket destinations, escapes and entities', () => {
			const text = '[a](/t1/ "title") [b](<dest with spaces>) ![c](/img.png \'t\') [d](/a\\_b/) [e](/x&amp;y/) [f](/p(q)r/) <https://auto.example/x> <me@example.com>';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.links.map((l) => [l.kind, l.isImage, l.destination]), [
				['inline', false, '/t1/'],
				['inline', false, 'dest with spaces'],
				['inline', true, '/img.png'],
				['inline', false, '/a_b/'],
				['inline', false, '/x&y/'],
				['inline', false, '/p(q)r/'],
				['autolink', false, 'https://auto.example/x'],
				['autolink', false, 'mailto:me@example.com'],
			]);
			assert.strictEqual(slice(text, scan.links[1].destinationSpan), 'dest with spaces');
			assert.strictEqual(slice(text, scan.links[6].destinationSpan), 'https://auto.example/x');
			assert.strictEqual(slice(text, scan.links[6].span), '<https://auto.example/x>');
		});

		it('resolves full, collapsed and shortcut references case-insensitively, definitions before or after use', () => {
			const text = '[t][Foo  Bar] [FOO BAR][] [foo bar] [none] [x][none]\n\n[foo\nbar]: /target/ "T"\n[foo bar]: /second/wins-not/';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.links.map((l) => [slice(text, l.span), l.kind, l.destination, l.referenceLabel]), [
				['[t][Foo  Bar]', 'reference', '/target/', 'foo bar'],
				['[FOO BAR][]', 'reference', '/target/', 'foo bar'],
				['[foo bar]', 'reference', '/target/', 'foo bar'],
			]);
			assert.strictEqual(scan.definitions.length, 2);
			assert.strictEqual(slice(text, scan.links[0].destinationSpan), '/target/');
		});
	});

	describe('footnotes', () => {
		it('reports every call, defined or not, and definitions with continuation lines', () => {
			const text = 'A[^1] b[^Note] c[^missing] `[^1]` [^with space] \\[^1]\n\n[^1]: First\n    continued\nlazy line\n\n    second paragraph\n\n[^NOTE]: Other\n\nAfter.';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.footnoteReferences.map((f) => [f.rawLabel, f.label, slice(text, f.span)]), [
				['1', '1', '[^1]'],
				['Note', 'note', '[^Note]'],
				['missing', 'missing', '[^missing]'],
			]);
			const [first, second] = scan.footnoteDefinitions;
			assert.strictEqual(slice(text, first.markerSpan), '[^1]:');
			assert.ok(slice(text, first.span).endsWith('second paragraph'));
			assert.strictEqual(second.label, 'note');
			assert.strictEqual(slice(text, second.span), '[^NOTE]: Other');
		});

		it('parses calls of undefined labels as if they were defined', () => {
			// For micromark `[^x](/a/)` is a link when x is undefined; a call followed by text when defined.
			for (const definitions of ['', '\n\n[^x]: defined\n[^y]: defined']) {
				const text = `[^x](/not-a-link/) ![^y] [^x][ref]${definitions}\n\n[ref]: /ref/`;
				const scan = scanMarkdown(text);
				assert.deepStrictEqual(scan.footnoteReferences.map((f) => slice(text, f.span)), ['[^x]', '[^y]', '[^x]']);
				assert.deepStrictEqual(scan.links.map((l) => slice(text, l.span)), ['[ref]']);
			}
		});
	});

	describe('headings', () => {
		it('reads ATX and setext headings with GitHub anchors, de-duplicated', () => {
			const text = '# Intro\n\n## Intro ##\n\nIntro\n=====\n\n### *Emphasis*, `code` & [link](/x/)\n\nSetext _two_\n---\n\n#### 😀 Emoji — dash!\n';
			const scan = scanMarkdown(text);
			assert.deepStrictEqual(scan.headings.map((h) => [h.level, h.text, h.anchor]), [
				[1, 'Intro', 'intro'],
				[2, 'Intro', 'intro-1'],
				[1, 'Intro', 'intro-2'],
				[3, 'Emphasis, code & link', 'emphasis-code--link'],
				[2, 'Setext two', 'setext-two'],
				[4, '😀 Emoji — dash!', '-emoji--dash'],
			]);
			assert.strictEqual(slice(text, scan.headings[2].span), 'Intro\n=====');
			assert.deepStrictEqual(destinations(scan), ['/x/']);
		});
	});

	describe('code regions', () => {
		/** The text of each code region (its end included, so one character past the pair's end offset). */
		function codeTexts(text: string): string[] {
			const regions = scanMarkdown(text).codeRegions;
			const texts: string[] = [];
			for (let i = 0; i < regions.length; i += 2) {
				texts.push(text.slice(regions[i], regions[i + 1]));
			}
			return texts;
		}

		it('records fenced and indented code blocks from their content to the end of their last line', () => {
			assert.deepStrictEqual(codeTexts('Text\n\n```js\n[x](/a/)\n```\n\nafter\n'), ['```js\n[x](/a/)\n```']);
			assert.deepStrictEqual(codeTexts('Text\n\n    code [x\n\n    more\n\npara\n'), ['code [x\n\n    more']);
			assert.deepStrictEqual(codeTexts('```\n[Rob\n'), ['```\n[Rob\n'], 'an unclosed fence holds the rest of the document');
		});

		it('records code blocks inside containers and ends them with their container', () => {
			assert.deepStrictEqual(codeTexts('1. ```\n   [Rob\n   ```\n\nafter\n'), ['```\n   [Rob\n   ```']);
			assert.deepStrictEqual(codeTexts('> ```\n> code\nlazy\n'), ['```\n> code']);
		});

		it('records HTML blocks, ending kinds 6 and 7 before the blank line', () => {
			assert.deepStrictEqual(codeTexts('<div>\n[Rob\n</div>\n\nafter\n'), ['<div>\n[Rob\n</div>']);
			assert.deepStrictEqual(codeTexts('<!-- c\n[x\n-->\nafter\n'), ['<!-- c\n[x\n-->']);
		});

		it('records the content of code spans, in document order with the blocks', () => {
			assert.deepStrictEqual(codeTexts('Text `[x](/` and ``a ` b``\n\n    code\n\n# `h`\n'), ['[x](/', 'a ` b', 'code', 'h']);
			assert.deepStrictEqual(codeTexts('Text ` literal\n'), []);
		});

		it('does not take paragraph continuation lines for indented code', () => {
			assert.deepStrictEqual(codeTexts('para\n    [not code\n'), []);
		});
	});

	describe('labels and slugs', () => {
		it('normalizes labels like mdast identifiers', () => {
			assert.strictEqual(normalizeMarkdownLabel('  Foo \t\n Bar  '), 'foo bar');
			assert.strictEqual(normalizeMarkdownLabel('ẞ'), 'ss');
			assert.strictEqual(normalizeMarkdownLabel('Ünï'), 'ünï');
		});

		it('slugs like github-slugger', () => {
			assert.strictEqual(slugifyHeading('Operation Boot: The Iran Coup'), 'operation-boot-the-iran-coup');
			assert.strictEqual(slugifyHeading('snake_case and-dash'), 'snake_case-and-dash');
			assert.strictEqual(slugifyHeading('Ελλάδα & Москва'), 'ελλάδα--москва');
			assert.strictEqual(slugifyHeading('Café №1 ½ x² Ⓐ'), 'café-1--x-ⓐ');
			const slugger = new HeadingSlugger();
			assert.deepStrictEqual(['A', 'a', 'A', 'a-1'].map((t) => slugger.slug(t)), ['a', 'a-1', 'a-2', 'a-1-1']);
		});
	});
});
