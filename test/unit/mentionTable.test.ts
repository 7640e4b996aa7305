import * as assert from 'assert';
import { findMentions } from '../../server/src/service/mentions/findMentions';
import { PairTable } from '../../server/src/service/mentions/intTables';
import { namesOfPage } from '../../server/src/service/mentions/mentionRules';
import { pageSummaryToParts } from '../../server/src/service/parse/pageSummary';
import { DEFAULT_SETTINGS } from '../../server/src/service/vault/settings';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { Random } from '../support/markdownGenerator';

/**
 * The mention table and its one-pass search against a naive oracle: every
 * name of every page tried at every word start of the text, in each
 * spelling its case rule allows, the longest kept. Random vaults change
 * page by page (added, retitled, given other aliases, removed) and the
 * table follows the index journal; after each change a random text is
 * searched both ways.
 */

const WORDS = ['MI6', 'Mi6', 'GCHQ', 'Secret', 'secret', 'Intelligence', 'Service', 'London', 'Londoner', 'élan', 'Éire', 'Five', 'eyes', 'Mercury', 'x1', 'Ωmega'];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', ', ', '\n\n', "'s ", '-', ' 😀 ', '. '];

function flipFirst(name: string): string {
	const first = name.charAt(0);
	const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
	return flipped + name.slice(1);
}

function isWord(c: string | undefined): boolean {
	return c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
}

/** The spellings a name matches in (the rules of mentionRules.ts, restated). */
function spellings(name: string): string[] {
	const words = name.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean).length;
	if (name !== name.toLowerCase() && name === name.toUpperCase()) {
		return [name];
	}
	if (words < 2) {
		return [name, name.toUpperCase()];
	}
	const rest = name.slice(1);
	return rest !== rest.toLowerCase() ? [name, name.toUpperCase(), flipFirst(name)] : [name];
}

/** Whether `text` at `i` writes `spelling`, a space in it written as a space or one line break. */
function writesAt(text: string, i: number, spelling: string): boolean {
	for (let k = 0; k < spelling.length; k++) {
		const c = text[i + k];
		if (spelling[k] === ' ' ? c !== ' ' && c !== '\n' : c !== spelling[k]) {
			return false;
		}
	}
	return !isWord(text[i + spelling.length]);
}

function oracle(service: VaultService, text: string, from: number, minLength: number): string[] {
	const names: { name: string; url: string }[] = [];
	for (const page of service.index.pages()) {
		for (const name of namesOfPage(page)) {
			// A name without a capital (in a script with letter case) is a common word, never a mention.
			if (name.length >= minLength && (name !== name.toLowerCase() || name === name.toUpperCase())) {
				names.push({ name, url: page.url });
			}
		}
	}
	const found: string[] = [];
	for (let i = from; i < text.length;) {
		if (!isWord(text[i]) || isWord(text[i - 1])) {
			i++;
			continue;
		}
		let length = 0;
		let urls = new Set<string>();
		for (const { name, url } of names) {
			for (const spelling of spellings(name)) {
				if (spelling.length >= length && writesAt(text, i, spelling)) {
					if (spelling.length > length) {
						length = spelling.length;
						urls = new Set();
					}
					urls.add(url);
				}
			}
		}
		if (length > 0) {
			found.push(`${i}-${i + length} ${[...urls].sort().join(' ')}`);
			i += length;
		} else {
			i++;
		}
	}
	return found;
}

function pick<T>(next: () => number, items: readonly T[]): T {
	return items[Math.floor(next() * items.length)];
}

function randomName(next: () => number): string {
	const count = 1 + Math.floor(next() * 3);
	const words = Array.from({ length: count }, () => pick(next, WORDS));
	return words.join(next() < 0.15 ? '-' : ' ');
}

function randomPage(next: () => number): string {
	const aliases = Array.from({ length: Math.floor(next() * 3) }, () => JSON.stringify(randomName(next)));
	return `---\ntitle: ${JSON.stringify(randomName(next))}\naliases: [${aliases.join(', ')}]\n---\nBody.\n`;
}

function randomText(next: () => number, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) {
		const word = pick(next, WORDS);
		const roll = next();
		out.push(roll < 0.1 ? word.toUpperCase() : roll < 0.2 ? flipFirst(word) : word, pick(next, SEPARATORS));
	}
	return out.join('');
}

describe('mention table: one pass against a naive oracle', () => {
	for (const seed of [1, 2, 3, 4]) {
		it(`finds what trying every name everywhere finds, as random pages change (seed ${seed})`, () => {
			const random = new Random(seed);
			const next = (): number => random.next();
			const service = createVaultService();
			const paths: string[] = [];
			for (let i = 0; i < 25; i++) {
				paths.push(`zz${i}/qq${i}.md`);
				service.updatePage(paths[i], randomPage(next));
			}
			const minLength = DEFAULT_SETTINGS.mentions.minLength;
			for (let round = 0; round < 80; round++) {
				const roll = next();
				const path = pick(next, paths);
				if (roll < 0.15) {
					service.removePage(path);
				} else if (roll < 0.3) {
					const added = `zz${paths.length}/qq${paths.length}.md`;
					paths.push(added);
					service.updatePage(added, randomPage(next));
				} else {
					service.updatePage(path, randomPage(next));
				}
				const text = `---\ntitle: Qqq\n---\n${randomText(next, 40)}`;
				service.updatePage('zznotes/text.md', text);
				const page = service.getPage('zznotes/text.md')!;
				const found = findMentions(service.index.search.mentionTable(), { page, text }, DEFAULT_SETTINGS.mentions)
					.map(mention => `${mention.span.start}-${mention.span.end} ${mention.entities.map(entity => entity.url).sort().join(' ')}`);
				assert.deepStrictEqual(found, oracle(service, text, page.frontmatter.bodyStart, minLength), `round ${round}: ${JSON.stringify(text)}`);
			}
			const size = service.index.search.mentionTable().size;
			assert.ok(size.names > 0 && size.nodes > 1 && size.words > 0);
		});
	}

	it('takes a page\'s names out and puts them back in place: the table is as if built afresh', () => {
		const random = new Random(9);
		const next = (): number => random.next();
		const service = createVaultService();
		for (let i = 0; i < 40; i++) {
			service.updatePage(`zz/p${i}.md`, randomPage(next));
		}
		const table = service.index.search.mentionTable();
		for (let i = 0; i < 200; i++) {
			const path = `zz/p${Math.floor(next() * 40)}.md`;
			service.updatePage(path, randomPage(next));
			service.index.search.mentionTable();
		}
		const fresh = createVaultService();
		for (const page of service.index.pages()) {
			fresh.updateParsedPage(pageSummaryToParts(page), false);
		}
		assert.deepStrictEqual(table.size, fresh.index.search.mentionTable().size);
		// Each page's names as given, a name the trie does not hold (no capital letter) included: a check worker leaves a page's own names out of its mentions with them.
		let unheld = 0;
		for (const page of service.index.pages()) {
			assert.deepStrictEqual(table.namesOf(page.path), namesOfPage(page), page.path);
			unheld += namesOfPage(page).filter(name => name === name.toLowerCase()).length;
		}
		assert.ok(unheld > 0, 'some names are not in the trie');
		service.removePage('zz/p0.md');
		assert.deepStrictEqual(service.index.search.mentionTable().namesOf('zz/p0.md'), []);
	});

	it('keeps its pair table like a Map through random sets and deletions (backward-shift, growth)', () => {
		const random = new Random(5);
		const table = new PairTable();
		const oracle = new Map<string, number>();
		for (let i = 0; i < 20000; i++) {
			const a = Math.floor(random.next() * 60);
			const b = Math.floor(random.next() * 60);
			if (random.next() < 0.45) {
				table.delete(a, b);
				oracle.delete(`${a},${b}`);
			} else {
				table.set(a, b, i);
				oracle.set(`${a},${b}`, i);
			}
			if (i % 500 === 0) {
				for (let x = 0; x < 60; x++) {
					for (let y = 0; y < 60; y++) {
						assert.strictEqual(table.get(x, y), oracle.get(`${x},${y}`) ?? -1, `after ${i} operations, (${x}, ${y})`);
					}
				}
				assert.strictEqual(table.size, oracle.size);
			}
		}
	});
});
