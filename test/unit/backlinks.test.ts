import * as assert from 'assert';
import { createVaultService, type Backlinks, type VaultService } from '../../server/src/service/vaultService';
import { rangeOfText } from '../support/cursor';
import { titled } from '../support/memoryVault';

/** A service over in-memory pages, the texts kept beside it as the transport keeps them. */
function vaultOf(pages: Record<string, string>): { service: VaultService; texts: Map<string, string>; backlinks: (path: string) => Backlinks | undefined } {
	const service = createVaultService();
	const texts = new Map<string, string>();
	for (const [path, text] of Object.entries(pages)) {
		texts.set(path, text);
		service.updatePage(path, text);
	}
	const textOf = (path: string): string | undefined => texts.get(path);
	return {
		service,
		texts,
		backlinks: path => {
			while (service.readProseWords(textOf, 2) > 0) {
				// Two pages a slice, as the transport reads them between other requests.
			}
			return service.backlinks(path, textOf);
		},
	};
}

/** Each snippet as `path: sentence with [highlight]`. */
function shown(pages: Backlinks['linked']): string[] {
	return pages.flatMap(page => page.snippets.map(snippet => {
		const [start, end] = snippet.highlight;
		return `${page.path}: ${snippet.sentence.slice(0, start)}[${snippet.sentence.slice(start, end)}]${snippet.sentence.slice(end)}`;
	}));
}

const ada = titled('Ada', 'Ada was born in Paris. She worked for [MI6](/organizations/mi6/) in 1950[^1], then for\n**the [Bureau](/organizations/bureau/)**. Later she left.\n\n- A list item about [the service](/organizations/mi6/ "MI6") here\n- Another item.\n\n[^1]: A source.\n');
const bob = titled('Bob', 'Bob 🙂 met 👋 [Secret Service](/organizations/mi6/) once!\r\nHe never forgot it.\r\n\r\nMI6 again, and the Bureau.\r\n');
const mi6 = titled('MI6', 'The British intelligence service. See [itself](/organizations/mi6/).\n');
const bureau = titled('Bureau', 'A bureau.\n');
const carl = titled('Carl', 'Carl heard of MI6 in a pub. Then `MI6` in code, and [MI6](/places/london/) as a link text.\n\n## MI6 heading\n');

describe('backlinks panel', () => {
	const pages = { 'people/ada.md': ada, 'people/bob.md': bob, 'organizations/mi6.md': mi6, 'organizations/bureau.md': bureau, 'people/carl.md': carl, 'places/london.md': titled('London') };

	it('lists the other pages linking to the page, each link with its sentence as plain text and the link highlighted', () => {
		const { backlinks } = vaultOf(pages);
		const result = backlinks('organizations/mi6.md')!;
		assert.strictEqual(result.url, '/organizations/mi6/');
		assert.strictEqual(result.title, 'MI6');
		assert.strictEqual(result.linkedTotal, 2);
		assert.deepStrictEqual(shown(result.linked), [
			'people/ada.md: She worked for [MI6] in 1950, then for the Bureau.',
			'people/ada.md: A list item about [the service] here',
			'people/bob.md: Bob 🙂 met 👋 [Secret Service] once!',
		]);
		assert.deepStrictEqual(shown(backlinks('organizations/bureau.md')!.linked), ['people/ada.md: …in 1950, then for the [Bureau].']);
	});

	it('gives each link its range on the linking page in UTF-16, across CRLF lines and emoji', () => {
		const { backlinks } = vaultOf(pages);
		const [adaPage, bobPage] = backlinks('organizations/mi6.md')!.linked;
		assert.deepStrictEqual(adaPage.snippets.map(snippet => snippet.range), [
			rangeOfText(ada, '[MI6](/organizations/mi6/)'),
			rangeOfText(ada, '[the service](/organizations/mi6/ "MI6")'),
		]);
		assert.deepStrictEqual(bobPage.snippets.map(snippet => snippet.range), [rangeOfText(bob, '[Secret Service](/organizations/mi6/)')]);
		assert.deepStrictEqual(bobPage.snippets[0].range.start, { line: 3, character: 14 });
	});

	it('groups by section: sections in order, then titles', () => {
		const { backlinks } = vaultOf({ ...pages, 'events/raid.md': titled('Raid', 'The [Bureau](/organizations/bureau/) raided.\n'), 'people/aaron.md': titled('Aaron', 'Met the [Bureau](/organizations/bureau/).\n') });
		assert.deepStrictEqual(backlinks('organizations/bureau.md')!.linked.map(page => `${page.section} ${page.title}`), ['events Raid', 'people Aaron', 'people Ada']);
	});

	it('lists the unlinked mentions: pages writing the name in prose without linking the page, never in code, links or headings', () => {
		const { backlinks } = vaultOf(pages);
		const result = backlinks('organizations/mi6.md')!;
		assert.strictEqual(result.mentionsPending, 0);
		// Bob links MI6 already: his plain "MI6" is no unlinked mention.
		assert.deepStrictEqual(shown(result.mentions), ['people/carl.md: Carl heard of [MI6] in a pub.']);
		assert.deepStrictEqual(result.mentions[0].snippets[0].range, rangeOfText(carl, 'MI6'));
		assert.deepStrictEqual(shown(backlinks('organizations/bureau.md')!.mentions), ['people/bob.md: MI6 again, and the [Bureau].']);
	});

	it('follows the pages as they change: a page read again once its text changes, a removed one gone', () => {
		const { service, texts, backlinks } = vaultOf(pages);
		assert.strictEqual(backlinks('organizations/mi6.md')!.mentions.length, 1);
		const set = (path: string, text: string): void => {
			texts.set(path, text);
			service.updatePage(path, text);
		};
		set('places/london.md', titled('London', 'The MI6 building is here.\n'));
		set('people/carl.md', titled('Carl', 'Carl links [MI6](/organizations/mi6/) now.\n'));
		const result = backlinks('organizations/mi6.md')!;
		assert.deepStrictEqual(shown(result.mentions), ['places/london.md: The [MI6] building is here.']);
		assert.deepStrictEqual(result.linked.map(page => page.path), ['people/ada.md', 'people/bob.md', 'people/carl.md']);
		service.removePage('places/london.md');
		assert.deepStrictEqual(backlinks('organizations/mi6.md')!.mentions, []);
	});

	it('says how many pages wait to be read before the mentions are complete, and reads no text that is not the indexed version', () => {
		const { service, texts } = vaultOf(pages);
		const textOf = (path: string): string | undefined => texts.get(path);
		assert.strictEqual(service.readProseWords(textOf, 4), 2);
		texts.set('people/ada.md', 'changed on disk');
		assert.strictEqual(service.readProseWords(textOf, 100), 0);
		const result = service.backlinks('organizations/mi6.md', textOf)!;
		assert.deepStrictEqual(result.linked[0].snippets.map(snippet => snippet.sentence), ['', '']);
		assert.strictEqual(service.backlinks('nowhere.md', textOf), undefined);
	});

	it('finds the candidates from the words of the bodies: only pages holding every word of a name are read', () => {
		const { service, texts } = vaultOf({
			'organizations/sis.md': titled('Secret Intelligence Service'),
			'people/a.md': titled('A', 'The Secret Intelligence Service hired her.\n'),
			'people/b.md': titled('B', 'A secret, an intelligence test, a service.\n'),
			'people/c.md': titled('C', 'Nothing secret.\n'),
			'people/d.md': titled('D', 'An intelligence service.\n'),
		});
		const read: string[] = [];
		const textOf = (path: string): string | undefined => {
			read.push(path);
			return texts.get(path);
		};
		while (service.readProseWords(path => texts.get(path), 100) > 0) {
			// Read every page's words.
		}
		const result = service.backlinks('organizations/sis.md', textOf)!;
		assert.deepStrictEqual(result.mentions.map(page => page.path), ['people/a.md']);
		// The page itself, then the two candidates (b holds the three words, not the name); c and d each lack one.
		assert.deepStrictEqual(read.sort(), ['organizations/sis.md', 'people/a.md', 'people/b.md']);
	});

	it('reads as candidates only pages that do not link the page already: a page linked by hundreds still finds its mention', () => {
		const many: Record<string, string> = { 'organizations/rail.md': titled('Northern Railway') };
		for (let i = 0; i < 250; i++) {
			many[`people/a${String(i).padStart(3, '0')}.md`] = titled(`A${i}`, 'Worked for [Northern Railway](/organizations/rail/).\n');
		}
		many['people/zed.md'] = titled('Zed', 'Zed rode the Northern Railway once.\n');
		const { backlinks } = vaultOf(many);
		const result = backlinks('organizations/rail.md')!;
		assert.strictEqual(result.linkedTotal, 250);
		assert.strictEqual(result.linked.length, 200);
		assert.deepStrictEqual(shown(result.mentions), ['people/zed.md: Zed rode the [Northern Railway] once.']);
	});

	it('keeps a CRLF page\'s sentence on one line and cuts a long sentence around the link without splitting an emoji', () => {
		// The cut 30 code units before the link falls on the low half of an emoji (and no blank is near).
		const long = `x${'🙂'.repeat(80)}—[MI6](/organizations/mi6/) and ${'word '.repeat(60)}end.`;
		const { backlinks } = vaultOf({ ...pages, 'people/dan.md': titled('Dan', `${long}\r\n`) });
		const snippet = backlinks('organizations/mi6.md')!.linked.find(page => page.path === 'people/dan.md')!.snippets[0];
		assert.ok(snippet.sentence.startsWith('…🙂'), snippet.sentence);
		assert.strictEqual(snippet.sentence.indexOf('—MI6 and word'), 1 + 2 * 15, snippet.sentence);
		assert.ok(snippet.sentence.endsWith('…'), snippet.sentence);
		assert.strictEqual(snippet.sentence.slice(snippet.highlight[0], snippet.highlight[1]), 'MI6');
		assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(snippet.sentence), 'no lone high surrogate');
		assert.ok(!/(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet.sentence), 'no lone low surrogate');
	});

	it('never cuts a long sentence inside another link: that link is kept whole, as its text', () => {
		const long = `${'word '.repeat(40)}and [Robert Maxwell](/people/robert-maxwell/)—[MI6](/organizations/mi6/) ${'more '.repeat(40)}[the Bureau](/organizations/bureau/) end.`;
		const { backlinks } = vaultOf({ ...pages, 'people/eve.md': titled('Eve', `${long}\n`) });
		const snippet = backlinks('organizations/mi6.md')!.linked.find(page => page.path === 'people/eve.md')!.snippets[0];
		assert.ok(snippet.sentence.startsWith('…') && snippet.sentence.endsWith('…'), snippet.sentence);
		assert.ok(!/[[\]()]|\/people|\/organizations/.test(snippet.sentence), snippet.sentence);
		assert.ok(snippet.sentence.startsWith('…Robert Maxwell—MI6 more'), snippet.sentence);
		assert.strictEqual(snippet.sentence.slice(snippet.highlight[0], snippet.highlight[1]), 'MI6');
	});
});
