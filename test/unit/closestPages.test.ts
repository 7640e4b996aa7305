import * as assert from 'assert';
import { Random } from '../support/markdownGenerator';
import { summarizePage } from '../../server/src/service/parse/pageSummary';
import { boundedEditDistance, DistanceFromQuery, EditDistanceRows } from '../../server/src/service/search/editDistance';
import { bitsWithin, characterBits, pairBits, pairsWithin } from '../../server/src/service/search/segmentIndex';
import { VaultIndex } from '../../server/src/service/vault/vaultIndex';
import { stringHash } from '../../server/src/service/text/stringHash';


const SECTIONS = ['people', 'places', 'events'];
// Few letters, so that many slugs are a few edits apart.
const LETTERS = 'aeinrst-';
// Many letters (digits and an accented one too), so that most candidates differ in their letters and are left out before the distance.
const MANY_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123é-';

function word(next: () => number, min: number, max: number, letters = LETTERS): string {
	const length = min + Math.floor(next() * (max - min + 1));
	let text = '';
	for (let i = 0; i < length; i++) {
		text += letters[Math.floor(next() * letters.length)];
	}
	return text.replace(/^-+|-+$/g, '') || 'a';
}

/** `word` with 0–4 random edits (insert, delete, substitute). */
function misspell(next: () => number, text: string, letters = LETTERS): string {
	let result = text;
	for (let edits = Math.floor(next() * 5); edits > 0; edits--) {
		const at = Math.floor(next() * (result.length + 1));
		const letter = letters[Math.floor(next() * (letters.length - 1))];
		const kind = Math.floor(next() * 3);
		result = kind === 0 ? result.slice(0, at) + letter + result.slice(at)
			: kind === 1 ? result.slice(0, at) + result.slice(at + 1)
				: result.slice(0, at) + letter + result.slice(at + 1);
	}
	return result.replace(/^-+|-+$/g, '') || 'e';
}

function page(title: string, aliases: string[]): string {
	return `---\ntitle: ${title}\naliases: [${aliases.map(alias => JSON.stringify(alias)).join(', ')}]\n---\nBody.\n`;
}

describe('closest pages (suggestions for a broken link)', () => {
	for (const [letters, name, minSuggested] of [[LETTERS, 'few letters', 300], [MANY_LETTERS, 'many letters', 250]] as const) {
		it(`finds exactly what comparing with every page finds, as pages come, change and go (${name})`, () => {
			const generator = new Random(7);
			const next = (): number => generator.next();
			const index = new VaultIndex();
			const slugs: string[] = [];
			const paths: string[] = [];
			const addPage = (): void => {
				const section = SECTIONS[Math.floor(next() * SECTIONS.length)];
				// Short slugs (1–3 characters) too: they are kept apart from the segment index.
				const slug = word(next, next() < 0.1 ? 1 : 4, next() < 0.1 ? 3 : 16, letters);
				const path = `${section}/${slug}.md`;
				const title = next() < 0.5 ? slug.replace(/-/g, ' ') : word(next, 2, 14, letters).replace(/-/g, ' ');
				const aliases = next() < 0.3 ? [word(next, 3, 12, letters)] : [];
				index.update(summarizePage(path, page(title, aliases)));
				slugs.push(slug);
				paths.push(path);
			};
			for (let i = 0; i < 1500; i++) {
				addPage();
			}
			let compared = 0;
			let suggested = 0;
			for (let round = 0; round < 6; round++) {
				for (let i = 0; i < 150; i++) {
					const slug = misspell(next, slugs[Math.floor(next() * slugs.length)], letters);
					const section = next() < 0.1 ? 'nowhere' : SECTIONS[Math.floor(next() * SECTIONS.length)];
					const url = `/${section}/${slug}/`;
					const expected = index.search.closestPagesByScan(url, 5);
					assert.deepStrictEqual(index.search.closestPages(url, 5), expected, url);
					compared++;
					suggested += expected.length > 0 ? 1 : 0;
				}
				// Change the vault between rounds: the table follows the index's journal.
				for (let i = 0; i < 40; i++) {
					const which = Math.floor(next() * paths.length);
					if (next() < 0.5) {
						index.remove(paths[which]);
					} else {
						const path = paths[which];
						index.update(summarizePage(path, page(word(next, 3, 14, letters), [word(next, 3, 12, letters)])));
					}
					addPage();
				}
			}
			assert.strictEqual(compared, 900);
			// The test means something only if most lookups have an answer.
			assert.ok(suggested > minSuggested, `${suggested} of ${compared} lookups had suggestions`);
		});
	}

	it('suggests a page up to three edits away for a long slug, one for a short one', () => {
		const index = new VaultIndex();
		for (const path of ['people/robert-maxwell.md', 'people/ian.md', 'places/iran.md']) {
			index.update(summarizePage(path, 'Body.\n'));
		}
		assert.deepStrictEqual(index.search.closestPages('/people/robrt-maxwel/').map(s => [s.url, s.distance]), [['/people/robert-maxwell/', 2]]);
		assert.deepStrictEqual(index.search.closestPages('/people/robet-maxwal/').map(s => [s.url, s.distance]), [['/people/robert-maxwell/', 3]]);
		// Four edits: too far.
		assert.deepStrictEqual(index.search.closestPages('/people/robrt-mxwl/'), []);
		assert.deepStrictEqual(index.search.closestPages('/people/ain/').map(s => [s.url, s.distance]), []);
		assert.deepStrictEqual(index.search.closestPages('/people/in/').map(s => [s.url, s.distance]), [['/people/ian/', 1]]);
		// Same slug in another section first.
		assert.deepStrictEqual(index.search.closestPages('/people/iran/').map(s => [s.url, s.distance]), [['/places/iran/', 0], ['/people/ian/', 1]]);
	});

	it('offers the same slug in another section, not another slug of the same hash', () => {
		// `page-3yzx` and `page-a6ad` have one hash (stringHash): the index keeps their URLs under one key.
		assert.strictEqual(stringHash('page-3yzx'), stringHash('page-a6ad'));
		const index = new VaultIndex();
		for (const path of ['people/page-3yzx.md', 'places/page-a6ad.md', 'events/page-3yzx.md', 'events/page-a6ad.md']) {
			index.update(summarizePage(path, 'Body.\n'));
		}
		assert.deepStrictEqual(index.urlsWithSlug('page-3yzx'), ['/people/page-3yzx/', '/events/page-3yzx/']);
		assert.deepStrictEqual(index.urlsWithSlug('page-a6ad'), ['/places/page-a6ad/', '/events/page-a6ad/']);
		assert.deepStrictEqual(index.search.closestPages('/things/page-3yzx/').map(s => [s.url, s.distance]), [['/events/page-3yzx/', 0], ['/people/page-3yzx/', 0]]);
		index.remove('events/page-3yzx.md');
		index.remove('people/page-3yzx.md');
		assert.deepStrictEqual(index.urlsWithSlug('page-3yzx'), []);
		// In any order (a removal from a shared list may move another slug's URL; the suggestions are sorted).
		assert.deepStrictEqual([...index.urlsWithSlug('page-a6ad')].sort(), ['/events/page-a6ad/', '/places/page-a6ad/']);
		assert.deepStrictEqual(index.search.closestPages('/things/page-3yzx/').map(s => [s.url, s.distance]), []);
	});
});

describe('edit distance from one query (bit-parallel)', () => {
	it('agrees with the dynamic programme on random, emoji and astral strings', () => {
		const generator = new Random(11);
		const next = (): number => generator.next();
		const alphabet = ['a', 'b', 'c', '-', 'é', '😀', '\ud800', 'z'];
		const text = (max: number): string => {
			let result = '';
			for (let i = Math.floor(next() * (max + 1)); i > 0; i--) {
				result += alphabet[Math.floor(next() * alphabet.length)];
			}
			return result.slice(0, max);
		};
		let compared = 0;
		for (let i = 0; i < 3000; i++) {
			const query = text(DistanceFromQuery.MAX_LENGTH);
			const fromQuery = new DistanceFromQuery(query);
			for (let j = 0; j < 5; j++) {
				const other = next() < 0.5 ? misspell(next, query) : text(40);
				const limit = Math.floor(next() * 6);
				assert.strictEqual(fromQuery.within(other, limit), Math.min(limit + 1, boundedEditDistance(query, other, limit)), `${JSON.stringify(query)} → ${JSON.stringify(other)} within ${limit}`);
				compared++;
			}
		}
		assert.strictEqual(compared, 15000);
		assert.strictEqual(new DistanceFromQuery('kitten').within('sitting', 5), 3);
		assert.strictEqual(new DistanceFromQuery('x'.repeat(32)).within('y'.repeat(32), 40), 32);
		assert.throws(() => new DistanceFromQuery('x'.repeat(33)), RangeError);
	});
});

describe('bounded edit distance with rows kept by the caller', () => {
	it('answers as with fresh rows, through strings longer than the rows it started with', () => {
		const generator = new Random(13);
		const next = (): number => generator.next();
		const rows = new EditDistanceRows();
		for (let i = 0; i < 500; i++) {
			// Up to 100 characters: past the 64 the rows start with, so they grow on the way.
			const a = word(next, 0, 100);
			const b = next() < 0.5 ? misspell(next, a) : word(next, 0, 100);
			const limit = Math.floor(next() * 8);
			assert.strictEqual(boundedEditDistance(a, b, limit, rows), boundedEditDistance(a, b, limit), `${a} → ${b} within ${limit}`);
		}
		assert.ok(rows.a.length > 64);
		assert.strictEqual(boundedEditDistance('kitten', 'sitting', 5, rows), 3);
		assert.strictEqual(boundedEditDistance('kitten', 'sitting', 2, rows), 3);
	});
});

describe('character sets and pairs of characters as filters before the edit distance', () => {
	it('never leaves out a string within the limit, and leaves out most of the others', () => {
		const generator = new Random(17);
		const next = (): number => generator.next();
		let within = 0;
		let leftOut = 0;
		let pairsLeftOut = 0;
		let far = 0;
		for (let i = 0; i < 20000; i++) {
			const a = word(next, 0, 24, MANY_LETTERS);
			const b = next() < 0.5 ? misspell(next, a, MANY_LETTERS) : word(next, 0, 24, MANY_LETTERS);
			const limit = Math.floor(next() * 4);
			const pairs = new Int32Array(4);
			pairBits(a, pairs, 0);
			pairBits(b, pairs, 2);
			const kept = bitsWithin(characterBits(a), characterBits(b), limit);
			const pairsKept = pairsWithin(pairs, 0, pairs, 2, limit);
			if (boundedEditDistance(a, b, limit) <= limit) {
				assert.ok(kept, `${a} → ${b} within ${limit}`);
				assert.ok(pairsKept, `${a} → ${b} within ${limit} (pairs)`);
				within++;
			} else {
				far++;
				leftOut += kept ? 0 : 1;
				pairsLeftOut += pairsKept ? 0 : 1;
			}
		}
		assert.ok(within > 4000, `${within} pairs within the limit`);
		assert.ok(leftOut > far / 2, `${leftOut} of ${far} pairs beyond the limit left out`);
		assert.ok(pairsLeftOut > far * 0.8, `${pairsLeftOut} of ${far} pairs beyond the limit left out by their pairs of characters`);
		// Every code unit counts, astral halves and emoji too.
		assert.ok(!bitsWithin(characterBits('😀'), characterBits('ab'), 1));
		assert.ok(bitsWithin(characterBits('😀x'), characterBits('😀'), 1));
	});
});
