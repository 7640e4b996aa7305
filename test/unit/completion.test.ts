import * as assert from 'assert';
import { DEFAULT_SITE_RULES } from '../../server/src/service/vault/siteRules';
import { CompletionItemKind, type CompletionItem, type CompletionList, type MarkupContent, type Range, type TextEdit } from 'vscode-languageserver-types';
import { COMPLETION_LIMIT, provideCompletion } from '../../server/src/service/languageFeatures/completion';
import type { CancellationLike } from '../../server/src/service/cancellation';
import { summarizePage, type PageSummary } from '../../server/src/service/parse/pageSummary';
import { VaultIndex } from '../../server/src/service/vault/vaultIndex';
import { pageUrlForPath } from '../../server/src/service/vault/vaultPaths';
import { parseCursor, vaultOf, vaultWithCursor } from '../support/cursor';

const MAXWELL = [
	'---',
	'title: Robert Maxwell',
	'aliases:',
	'- Ian Robert Maxwell',
	'- Jan Ludvik Hoch',
	'category: Person',
	'summary: Robert Maxwell (1923-1991) was a *British* publisher.',
	'tags:',
	'- Person',
	'- Media',
	'---',
	'',
	'## Politics and Business',
	'',
	'## Death and Allegations',
	'',
].join('\n');

const VAULT: Record<string, string> = {
	'people/robert-maxwell.md': MAXWELL,
	'people/mohammad-reza-pahlavi.md': '---\ntitle: Mohammad Reza Pahlavi\naliases: [The Shah]\ntags: [Person, Iran]\n---\n',
	'people/max-planck.md': '---\ntitle: Max Planck\ntags: [Person, Science]\n---\n',
	'people/maxine.md': '---\ntitle: Maxine\ntags: [Person]\n---\n',
	'organizations/mi6.md': '---\ntitle: MI6\ncategory: Intelligence & Government\ntags: [Organization, Intelligence, UnitedKingdom]\n---\n',
	'organizations/mossad.md': '---\ntitle: Mossad\ntags: [Organization, Intelligence, Israel]\n---\n',
	'places/iran.md': '---\ntitle: Iran\ntags: [Place, Iran]\n---\n',
};

interface Completion {
	list: CompletionList;
	text: string;
	/** Applies an item's edit to the text (the cursor marker removed). */
	apply(item: CompletionItem): string;
	/** The item as `completionItem/resolve` completes it. */
	resolve(item: CompletionItem): CompletionItem;
}

function completeIn(path: string, marked: string, pages: Record<string, string> = VAULT, token?: CancellationLike): Completion {
	const vault = vaultWithCursor({ ...pages, [path]: marked });
	const list = vault.service.completion(vault.path, vault.text, vault.position, token);
	const lines = vault.text.split(/(?<=\r\n|\n|\r(?!\n))/);
	const offsetOf = (position: Range['start']): number =>
		lines.slice(0, position.line).reduce((sum, line) => sum + line.length, 0) + position.character;
	return {
		list,
		text: vault.text,
		resolve: item => vault.service.resolveCompletion(item),
		apply(item: CompletionItem): string {
			const edit = item.textEdit as TextEdit;
			assert.ok(edit && 'range' in edit, `item ${item.label} has no text edit`);
			assert.strictEqual(edit.range.start.line, edit.range.end.line, 'edits stay on one line');
			assert.ok(edit.range.start.line === vault.position.line && edit.range.start.character <= vault.position.character && edit.range.end.character >= vault.position.character,
				'the edit range holds the cursor');
			return vault.text.slice(0, offsetOf(edit.range.start)) + edit.newText + vault.text.slice(offsetOf(edit.range.end));
		},
	};
}

const labels = (list: CompletionList): string[] => list.items.map(item => String(item.label));
const find = (list: CompletionList, label: string): CompletionItem => {
	const item = list.items.find(candidate => candidate.label === label);
	assert.ok(item, `no item ${label} in ${JSON.stringify(labels(list))}`);
	return item;
};

/** The editor sorts items by sortText once its own filter scores tie: the ranks must follow the list order. */
function assertSortTextsFollowOrder(list: CompletionList): void {
	const sortTexts = list.items.map(item => item.sortText ?? '');
	assert.deepStrictEqual([...sortTexts].sort(), sortTexts);
	assert.strictEqual(new Set(sortTexts).size, sortTexts.length);
}

describe('completion', () => {
	describe('destinations', () => {
		it('offers the sections with their page counts after `](/`', () => {
			const completion = completeIn('places/a.md', 'See [someone](/$|$)\n');
			assert.deepStrictEqual(labels(completion.list), ['organizations', 'people', 'places']);
			assert.strictEqual(find(completion.list, 'people').detail, 'Entity Vault section · 4 pages');
			assert.strictEqual(find(completion.list, 'places').detail, 'Entity Vault section · 2 pages');
			assert.strictEqual(find(completion.list, 'people').kind, CompletionItemKind.Module);
			assert.strictEqual(completion.apply(find(completion.list, 'people')), 'See [someone](/people/)\n');
			assert.strictEqual(completion.list.isIncomplete, false);
			assertSortTextsFollowOrder(completion.list);
		});

		it('replaces the whole section segment when completing inside it', () => {
			const completion = completeIn('places/a.md', 'See [x](/peo$|$ple/robert-maxwell/).\n');
			assert.strictEqual(completion.apply(find(completion.list, 'people')), 'See [x](/people/robert-maxwell/).\n');
			const typed = completeIn('places/a.md', 'See [x](/peo$|$ and more\n');
			assert.strictEqual(typed.apply(find(typed.list, 'people')), 'See [x](/people/ and more\n');
		});

		it('offers the pages of a section after `](/SECTION/`, with title, URL and summary', () => {
			const completion = completeIn('places/a.md', 'See [x](/people/$|$)\n');
			assert.deepStrictEqual(labels(completion.list).sort(), ['Max Planck', 'Maxine', 'Mohammad Reza Pahlavi', 'Robert Maxwell']);
			const item = find(completion.list, 'Robert Maxwell');
			assert.strictEqual(item.detail, '/people/robert-maxwell/');
			// The summary comes when the editor resolves the item, not in the list.
			assert.strictEqual(item.documentation, undefined);
			const resolved = completion.resolve(JSON.parse(JSON.stringify(item)) as CompletionItem);
			assert.deepStrictEqual(resolved.documentation, { kind: 'markdown', value: '*Person*\n\nRobert Maxwell (1923-1991) was a \\*British\\* publisher.' } satisfies MarkupContent);
			assert.deepStrictEqual({ ...resolved, documentation: undefined }, { ...item, documentation: undefined });
			// A page without category or summary has nothing to add; an item of no page comes back as it is.
			assert.strictEqual(completion.resolve(find(completion.list, 'Maxine')).documentation, undefined);
			assert.deepStrictEqual(completion.resolve({ label: 'x', data: { page: 'people/gone.md' } }), { label: 'x', data: { page: 'people/gone.md' } });
			assert.deepStrictEqual(completion.resolve({ label: 'y' }), { label: 'y' });
			assert.strictEqual(completion.apply(item), 'See [x](/people/robert-maxwell/)\n');
			assertSortTextsFollowOrder(completion.list);
			// The page being edited is not offered.
			assert.deepStrictEqual(labels(completeIn('places/a.md', 'See [x](/places/$|$)\n').list), ['Iran']);
		});

		it('ranks pages fuzzily on slug, title and aliases', () => {
			const max = completeIn('places/a.md', 'See [x](/people/max$|$)\n').list;
			// A title or slug starting with the query first, shorter first; then a later word starting with it.
			assert.deepStrictEqual(labels(max), ['Maxine', 'Max Planck', 'Robert Maxwell']);
			assert.deepStrictEqual(labels(completeIn('places/a.md', 'See [x](/people/rmax$|$)\n').list), ['Robert Maxwell']);
			assert.deepStrictEqual(labels(completeIn('places/a.md', 'See [x](/people/robert-max$|$)\n').list), ['Robert Maxwell']);
			const alias = completeIn('places/a.md', 'See [x](/people/shah$|$)\n');
			assert.deepStrictEqual(labels(alias.list), ['Mohammad Reza Pahlavi']);
			assert.deepStrictEqual(alias.list.items[0].labelDetails, { detail: ' (The Shah)' });
			assert.strictEqual(alias.apply(alias.list.items[0]), 'See [x](/people/mohammad-reza-pahlavi/)\n');
			assert.deepStrictEqual(labels(completeIn('places/a.md', 'See [x](/people/qqq$|$)\n').list), []);
		});

		it('keeps the typed text at the start of every filterText so the editor keeps our order', () => {
			const list = completeIn('places/a.md', 'See [x](/people/ma$|$)\n').list;
			assert.ok(list.items.length >= 3);
			for (const item of list.items) {
				assert.ok(item.filterText!.startsWith('ma '), item.filterText);
			}
			assertSortTextsFollowOrder(list);
		});

		it('replaces the slug being edited and keeps a #fragment after it', () => {
			const completion = completeIn('places/a.md', 'See [x](/people/rob$|$rt-max/#death).\n');
			assert.strictEqual(completion.apply(find(completion.list, 'Robert Maxwell')), 'See [x](/people/robert-maxwell/#death).\n');
		});

		it('completes in a link reference definition', () => {
			const completion = completeIn('places/a.md', 'See [rm].\n\n[rm]: /people/max-$|$\n');
			assert.strictEqual(completion.apply(find(completion.list, 'Max Planck')), 'See [rm].\n\n[rm]: /people/max-planck/\n');
		});

		it('offers nothing for an unknown section, deeper paths and relative destinations', () => {
			assert.deepStrictEqual(completeIn('places/a.md', 'See [x](/nowhere/$|$)\n').list.items, []);
			assert.deepStrictEqual(completeIn('places/a.md', 'See [x](/people/robert-maxwell/$|$)\n').list.items, []);
			assert.deepStrictEqual(completeIn('places/a.md', 'See [x](people$|$)\n').list.items, []);
		});

		it('caps a long list and marks it incomplete', () => {
			const pages: Record<string, string> = {};
			for (let i = 0; i < COMPLETION_LIMIT + 50; i++) {
				pages[`events/event-${String(i).padStart(4, '0')}.md`] = `---\ntitle: Event ${i}\n---\n`;
			}
			const all = completeIn('places/a.md', 'See [x](/events/$|$)\n', pages).list;
			assert.strictEqual(all.items.length, COMPLETION_LIMIT);
			assert.strictEqual(all.isIncomplete, true);
			// With no query, titles come in alphabetical order.
			assert.deepStrictEqual(labels(all).slice(0, 4), ['Event 0', 'Event 1', 'Event 10', 'Event 100']);
			const narrow = completeIn('places/a.md', 'See [x](/events/event-0012$|$)\n', pages).list;
			assert.deepStrictEqual(labels(narrow), ['Event 12']);
			assert.strictEqual(narrow.isIncomplete, false);
		});

		it('follows pages that change, appear, disappear and move between sections', () => {
			const service = vaultOf(VAULT);
			const complete = (marked: string): string[] => {
				const cursor = parseCursor(marked);
				service.updatePage('places/a.md', cursor.text);
				return labels(service.completion('places/a.md', cursor.text, cursor.position));
			};
			assert.deepStrictEqual(complete('[x](/people/max$|$)'), ['Maxine', 'Max Planck', 'Robert Maxwell']);
			service.updatePage('people/max-planck.md', '# Karl Planck\n');
			service.removePage('people/maxine.md');
			service.updatePage('people/maxwell-smart.md', '# Maxwell Smart\n');
			assert.deepStrictEqual(complete('[x](/people/max$|$)'), ['Karl Planck', 'Maxwell Smart', 'Robert Maxwell']);
			service.removePage('people/robert-maxwell.md');
			service.updatePage('organizations/robert-maxwell.md', '# Robert Maxwell\n');
			assert.deepStrictEqual(complete('[x](/people/max$|$)'), ['Karl Planck', 'Maxwell Smart']);
			assert.deepStrictEqual(complete('[x](/organizations/max$|$)'), ['Robert Maxwell']);
			assert.deepStrictEqual(complete('[Robert Max$|$'), ['Robert Maxwell']);
		});

		it('offers the heading anchors of the target page after `#`', () => {
			const completion = completeIn('places/a.md', 'See [x](/people/robert-maxwell/#$|$)\n');
			assert.deepStrictEqual(labels(completion.list), ['politics-and-business', 'death-and-allegations']);
			assert.strictEqual(find(completion.list, 'death-and-allegations').detail, '## Death and Allegations');
			assert.strictEqual(completion.apply(find(completion.list, 'death-and-allegations')), 'See [x](/people/robert-maxwell/#death-and-allegations)\n');
			const partial = completeIn('places/a.md', 'See [x](/people/robert-maxwell/#dea$|$th-old)\n');
			assert.strictEqual(partial.apply(find(partial.list, 'death-and-allegations')), 'See [x](/people/robert-maxwell/#death-and-allegations)\n');
		});

		it('offers the anchors of the page itself after `](#` and nothing for a missing target', () => {
			const completion = completeIn('places/a.md', '# Top\n\nSee [x](#$|$)\n\n## Notes\n');
			assert.deepStrictEqual(labels(completion.list), ['top', 'notes']);
			assert.deepStrictEqual(completeIn('places/a.md', 'See [x](/people/nobody/#$|$)\n').list.items, []);
		});
	});

	describe('link text', () => {
		it('offers whole links for an open `[` and replaces from the bracket', () => {
			const completion = completeIn('places/a.md', 'The publisher [Robert Max$|$ died.\n');
			assert.strictEqual(completion.list.items[0].label, 'Robert Maxwell');
			assert.strictEqual(completion.apply(completion.list.items[0]), 'The publisher [Robert Maxwell](/people/robert-maxwell/) died.\n');
			assert.strictEqual(completion.list.items[0].detail, '/people/robert-maxwell/');
			for (const item of completion.list.items) {
				assert.ok(item.filterText!.startsWith('[Robert Max '), item.filterText);
			}
		});

		it('swallows an auto-closed `]` and searches every section', () => {
			const completion = completeIn('places/a.md', 'Agency [mi$|$] here.\n');
			assert.strictEqual(completion.list.items[0].label, 'MI6');
			assert.strictEqual(completion.apply(completion.list.items[0]), 'Agency [MI6](/organizations/mi6/) here.\n');
		});

		it('writes the alias that matched as the link text', () => {
			const completion = completeIn('places/a.md', 'Born [Jan Lud$|$\n');
			const item = find(completion.list, 'Jan Ludvik Hoch');
			assert.deepStrictEqual(item.labelDetails, { detail: ' → Robert Maxwell' });
			assert.strictEqual(completion.apply(item), 'Born [Jan Ludvik Hoch](/people/robert-maxwell/)\n');
		});

		it('escapes brackets of a title in the link text', () => {
			const completion = completeIn('places/a.md', 'See [Weird$|$\n', { 'events/weird.md': '---\ntitle: Weird [draft]\n---\n' });
			assert.strictEqual(completion.apply(completion.list.items[0]), 'See [Weird \\[draft\\]](/events/weird/)\n');
		});

		it('opens the list right after `[` with pages in alphabetical order, incomplete when capped', () => {
			const opened = completeIn('places/a.md', 'See [$|$]\n');
			assert.deepStrictEqual(labels(opened.list), ['Iran', 'Max Planck', 'Maxine', 'MI6', 'Mohammad Reza Pahlavi', 'Mossad', 'Robert Maxwell']);
			assert.strictEqual(opened.list.isIncomplete, false);
			assert.strictEqual(opened.apply(find(opened.list, 'Iran')), 'See [Iran](/places/iran/)\n');
			const pages: Record<string, string> = {};
			for (let i = 0; i < COMPLETION_LIMIT + 1; i++) {
				pages[`events/e${i}.md`] = `# E${i}\n`;
			}
			const capped = completeIn('places/a.md', 'See [$|$\n', pages).list;
			assert.strictEqual(capped.items.length, COMPLETION_LIMIT);
			assert.strictEqual(capped.isIncomplete, true);
			assert.deepStrictEqual(completeIn('places/a.md', 'See [ $|$\n').list.items, []);
		});

		it('offers no links for footnotes, images, task boxes, closed brackets and existing links', () => {
			for (const marked of [
				'See ![Rob$|$\n',
				'- [x$|$\n',
				'See [Rob] and Max$|$\n',
				'See [Rob$|$ert](/people/robert-maxwell/) here.\n',
				'See [a][Rob$|$\n',
				'See \\[Rob$|$\n',
			]) {
				assert.deepStrictEqual(completeIn('places/a.md', marked).list.items, [], marked);
			}
		});
	});

	describe('footnotes', () => {
		it('offers the labels of the document and the next number after `[^`', () => {
			const marked = 'One.[^1] Two.[^src] Three.[^$|$\n\n[^1]: First source.\n[^src]: *Book*, 1995.\n  more\n';
			const completion = completeIn('places/a.md', marked);
			assert.deepStrictEqual(labels(completion.list), ['1', 'src', '2']);
			assert.strictEqual(find(completion.list, 'src').detail, '*Book*, 1995.');
			assert.deepStrictEqual(find(completion.list, 'src').documentation, { kind: 'markdown', value: '*Book*, 1995.\nmore' });
			assert.strictEqual(find(completion.list, '2').detail, 'new footnote');
			assert.strictEqual(completion.apply(find(completion.list, 'src')), marked.replace('$|$', 'src]'));
		});

		it('does not add a second `]` and lists used but undefined labels', () => {
			const completion = completeIn('places/a.md', 'One.[^todo] Two.[^t$|$]\n');
			assert.deepStrictEqual(labels(completion.list), ['todo', 't', '1']);
			assert.strictEqual(find(completion.list, 'todo').detail, 'used but not defined yet');
			assert.strictEqual(completion.apply(find(completion.list, 'todo')), 'One.[^todo] Two.[^todo]\n');
		});
	});

	describe('frontmatter tags', () => {
		const page = (tagsBlock: string): string => `---\ntitle: New\n${tagsBlock}\nsummary: x\n---\nBody\n`;

		it('offers the vault tags by use count in a `tags:` list item, without the page\'s own', () => {
			const completion = completeIn('people/new.md', page('tags:\n- Person\n- $|$'));
			assert.deepStrictEqual(labels(completion.list), ['Intelligence', 'Iran', 'Organization', 'Israel', 'Media', 'Place', 'Science', 'UnitedKingdom']);
			assert.strictEqual(find(completion.list, 'Iran').detail, '2 pages');
			assert.strictEqual(find(completion.list, 'Media').detail, '1 page');
			assertSortTextsFollowOrder(completion.list);
			assert.strictEqual(completion.apply(find(completion.list, 'Iran')), page('tags:\n- Person\n- Iran'));
		});

		it('filters on the typed part and replaces the item value', () => {
			const completion = completeIn('people/new.md', page('tags:\n  - Un$|$ited'));
			assert.deepStrictEqual(labels(completion.list), ['UnitedKingdom']);
			assert.strictEqual(completion.apply(completion.list.items[0]), page('tags:\n  - UnitedKingdom'));
		});

		it('completes in an inline `tags: [..` list', () => {
			const completion = completeIn('people/new.md', page('tags: [Person, Intel$|$]'));
			assert.deepStrictEqual(labels(completion.list), ['Intelligence']);
			assert.strictEqual(completion.apply(completion.list.items[0]), page('tags: [Person, Intelligence]'));
		});

		it('quotes a tag that YAML would not read as the same string', () => {
			const pages = { ...VAULT, 'events/x.md': '---\ntags: ["1953", "Coup: Iran"]\n---\n' };
			const completion = completeIn('people/new.md', page('tags:\n- $|$'), pages);
			assert.strictEqual(completion.apply(find(completion.list, '1953')), page('tags:\n- "1953"'));
			assert.strictEqual(completion.apply(find(completion.list, 'Coup: Iran')), page('tags:\n- "Coup: Iran"'));
		});

		it('offers nothing in other frontmatter fields', () => {
			assert.deepStrictEqual(completeIn('people/new.md', page('tags:\n- Person\naliases:\n- $|$')).list.items, []);
			assert.deepStrictEqual(completeIn('people/new.md', '---\ntitle: [Rob$|$\n---\n').list.items, []);
		});
	});

	describe('code', () => {
		it('offers nothing inside code: fenced and indented blocks (in list items too), code spans, HTML blocks', () => {
			for (const marked of [
				'Text\n\n```md\nSee [x](/$|$)\n```\n',
				'Text\n\n~~~~\n```\n[Rob$|$\n~~~~\n',
				'Text `[x](/$|$)` more\n',
				'Text ``a ` [Rob$|$ b`` more\n',
				'```\n[Rob$|$\n',
				'Text\n\n    See [x](/$|$)\n',
				'Text\n\n    code\n\n    See [Rob$|$\n',
				'1. ```\n   See [x](/$|$)\n   ```\n',
				'- Item\n\n  ~~~\n  [Rob$|$\n  ~~~\n',
				'- Item `[x](/$|$)`\n',
				'<div>\nSee [x](/$|$)\n</div>\n',
				'<!--\n[Rob$|$\n-->\n',
			]) {
				assert.deepStrictEqual(completeIn('places/a.md', marked).list.items, [], marked);
			}
		});

		it('completes again right after code: a closed fence, a code span, indented code, an HTML block', () => {
			for (const marked of [
				'```\ncode\n```\n\nSee [x](/$|$)\n',
				'Text `code` and [x](/$|$)\n',
				'Text ` literal backtick [x](/$|$)\n',
				'```js `not a fence`\nSee [x](/$|$)\n',
				'Text `code`[x](/$|$)\n',
				'Text\n\n    code\n\nSee [x](/$|$)\n',
				'1. ```\n   code\n   ```\n\nSee [x](/$|$)\n',
				'<div>\ncode\n</div>\n\nSee [x](/$|$)\n',
				'Para\n    See [x](/$|$)\n',
			]) {
				assert.deepStrictEqual(labels(completeIn('places/a.md', marked).list), ['organizations', 'people', 'places'], marked);
			}
		});
	});

	it('is exact in UTF-16 after emoji and with CRLF line breaks', () => {
		const marked = '---\r\ntitle: A\r\n---\r\n\r\n😀 👩‍👩‍👧 [x](/people/max-$|$)\r\nnext line\r\n';
		const completion = completeIn('places/a.md', marked);
		const item = find(completion.list, 'Max Planck');
		const character = '😀 👩‍👩‍👧 [x](/people/'.length;
		assert.deepStrictEqual((item.textEdit as TextEdit).range, { start: { line: 4, character }, end: { line: 4, character: character + 'max-'.length } });
		assert.strictEqual(completion.apply(item), marked.replace('max-$|$', 'max-planck/'));

		const linkText = completeIn('places/a.md', '# T\r\n\r\n🇬🇧 [Robert M$|$\r\n');
		assert.deepStrictEqual((linkText.list.items[0].textEdit as TextEdit).range, {
			start: { line: 2, character: '🇬🇧 '.length },
			end: { line: 2, character: '🇬🇧 [Robert M'.length },
		});
	});

	it('returns at once when cancelled', () => {
		const cancelled: CancellationLike = { isCancellationRequested: true };
		assert.deepStrictEqual(completeIn('places/a.md', 'See [x](/people/$|$)\n', VAULT, cancelled).list.items, []);
		assert.deepStrictEqual(completeIn('places/a.md', 'See [Rob$|$\n', VAULT, cancelled).list.items, []);
	});
});

describe('completion latency', function () {
	this.timeout(120000);
	const SECTIONS = ['people', 'places', 'organizations', 'events', 'programs'];
	const PAGES_PER_SECTION = 20000;
	const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu robert maxwell mossad london iran ministry agency council'.split(' ');
	const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

	/** A page summary as the index needs it, without parsing a text: 100,000 of them take a moment, not a minute. */
	function generatedPage(section: string, n: number, pick: () => string): PageSummary {
		const title = `${capitalized(pick())} ${capitalized(pick())} ${capitalized(pick())} ${n}`;
		const path = `${section}/${title.toLowerCase().replace(/ /g, '-')}.md`;
		return {
			path,
			url: pageUrlForPath(path),
			section,
			title,
			aliases: [`${capitalized(pick())} ${capitalized(pick())}`],
			tags: [],
			targetUrls: [],
			frontmatter: {
				present: true, span: { start: 0, end: 0 }, bodyStart: 0, closingFenceStart: 0, fields: [], problems: [], links: [],
				data: { title, category: 'Generated', summary: `${title} is one of the generated pages of this vault.` },
			},
			links: [],
			footnoteReferences: [],
			footnoteDefinitions: [],
			headings: [],
			htmlAnchors: [],
			definitionTerms: [],
			shortcodeCalls: [],
			lineStarts: new Uint32Array([0]),
			codeRegions: [],
			textLength: 0,
			linkSpansTo: () => [],
			linkSpellings: { absolute: 0, relative: 0 },
			nameSpellingFor: () => undefined,
			nameSpellingUrls: [],
			mayBeTitledFromSlug: false,
			isInCode: () => false,
		};
	}

	it('answers section and link-text completion on 100,000 pages quickly (budget: p99 under 5 ms on an idle machine)', () => {
		let seed = 7;
		const pick = (): string => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return WORDS[Math.floor((seed / 2147483648) * WORDS.length)];
		};
		const index = new VaultIndex();
		for (let n = 0; n < PAGES_PER_SECTION * SECTIONS.length; n++) {
			index.update(generatedPage(SECTIONS[n % SECTIONS.length], n, pick));
		}
		const queries = ['', 'r', 'ro', 'rob', 'robe', 'robert', 'robert-m', 'robert-max', 'rmax', 'lon', 'xq', 'mi', 'age', 'agency-c', 'z', 'zulu-', '12', 'alpha-bravo'];
		const timings: number[] = [];
		// The first request builds the search entries once; then the user types on the page (its summary changes at each keystroke).
		const request = (marked: string): CompletionList => {
			const cursor = parseCursor(marked);
			const page = summarizePage('notes/current.md', cursor.text);
			index.update(page);
			const start = process.hrtime.bigint();
			const list = provideCompletion({ index, page, text: cursor.text, site: DEFAULT_SITE_RULES }, cursor.position);
			timings.push(Number(process.hrtime.bigint() - start) / 1e6);
			return list;
		};
		request('See [x](/people/$|$)\n');
		timings.length = 0;
		for (let round = 0; round < 3; round++) {
			for (const query of queries) {
				const section = request(`See [x](/people/${query}$|$)\n`);
				assert.ok(section.items.length > 0 || query === 'xq', `no pages for ${query}`);
				assert.ok(section.items.length <= COMPLETION_LIMIT);
				request(`See [${query || 'a'}$|$\n`);
			}
		}
		timings.sort((a, b) => a - b);
		const percentile = (p: number): number => timings[Math.min(timings.length - 1, Math.floor(timings.length * p))];
		const [median, p90, p99] = [percentile(0.5), percentile(0.9), percentile(0.99)];
		console.log(`      completion on 100,000 pages: median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms over ${timings.length} requests`);
		// Generous bounds: the machine running the tests may be busy and collect garbage mid-request (the budget
		// above is for an idle one); a sort of every page, a parse or a normalisation of every title per request
		// would still blow them.
		assert.ok(median < 100, `median ${median.toFixed(2)} ms`);
		assert.ok(p90 < 250, `p90 ${p90.toFixed(2)} ms`);
		const capped = request('See [x](/people/$|$)\n');
		assert.strictEqual(capped.items.length, COMPLETION_LIMIT);
		assert.strictEqual(capped.isIncomplete, true);
	});
});
