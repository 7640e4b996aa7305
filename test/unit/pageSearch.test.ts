import * as assert from 'assert';
import { Random } from '../support/markdownGenerator';
import { createVaultService } from '../../server/src/service/vaultService';

const page = (title: string): string => `---\ntitle: ${title}\n---\n`;

describe('page search table', () => {
	it('follows edits, removals and renames through the index journal', () => {
		const service = createVaultService();
		for (let i = 0; i < 50; i++) {
			service.updatePage(`people/p${i}.md`, page(`Person ${i}`));
		}
		const titles = (query: string, section?: string) => service.index.search.pages(query, section, 10).matches.map(m => m.page.title);
		assert.strictEqual(titles('person 7')[0], 'Person 7');
		service.updatePage('people/p7.md', page('Renamed Seven'));
		assert.ok(!titles('person 7').includes('Person 7'));
		assert.deepStrictEqual(titles('renamed'), ['Renamed Seven']);
		service.removePage('people/p8.md');
		assert.ok(!titles('person 8').includes('Person 8'));
		// An empty query lists pages alphabetically and skips holes.
		assert.ok(!titles('', 'people').includes('Person 8'));
		service.updatePage('places/p8.md', page('Person 8'));
		assert.strictEqual(titles('person 8')[0], 'Person 8');
		assert.ok(!titles('person 8', 'people').includes('Person 8'));
		assert.deepStrictEqual(titles('person 8', 'places'), ['Person 8']);
		// Many changes at once: the table is rebuilt and still right.
		for (let i = 0; i < 50; i++) {
			service.removePage(`people/p${i}.md`);
		}
		assert.deepStrictEqual(titles('person'), ['Person 8']);
		assert.deepStrictEqual(service.index.search.pages('', 'people', 10).matches, []);
	});
});

describe('page search by word prefix', () => {
	const FIRST = ['Robert', 'Roberta', 'Robin', 'Rob', 'Ann', 'Anna', 'Émile', 'Ro', 'R', 'Zoë', 'Maxwell', 'Max'];
	const LAST = ['Maxwell', 'Robertson', 'Ro', 'Anders', 'Smith', 'Ansel', 'Roe', 'Émond', 'Max', 'X'];
	const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

	it('answers exactly what scanning every page answers, through edits, renames and removals', () => {
		const generator = new Random(3);
		const next = (): number => generator.next();
		const service = createVaultService();
		const paths: string[] = [];
		const write = (path: string): void => {
			const aliases = next() < 0.3 ? `\naliases: [${pick(next, FIRST)}-${pick(next, LAST)}]` : '';
			service.updatePage(path, `---\ntitle: ${pick(next, FIRST)} ${pick(next, LAST)}${next() < 0.2 ? ` ${pick(next, LAST)}` : ''}${aliases}\n---\n`);
		};
		for (let i = 0; i < 3000; i++) {
			const path = `${pick(next, ['people', 'places', 'events'])}/p-${i}.md`;
			paths.push(path);
			write(path);
		}
		const queries = ['r', 'ro', 'rob', 'Rob', 'robert', 'robert m', 'rob max', 'an', 'ann', 'e', 'emi', 'max', 'ma', 'x', 'zo', 'smith', 'o', 'rt', 'robertson', 'ro ro', 'a a'];
		let shortcut = 0;
		for (let round = 0; round < 4; round++) {
			for (const query of queries) {
				for (const section of [undefined, 'people', 'nowhere']) {
					for (const limit of [5, 201, 202]) {
						const fast = service.index.search.pages(query, section, limit);
						const scanned = service.index.search.pagesByScan(query, section, limit);
						const describe = (result: typeof fast) => ({ capped: result.capped, matches: result.matches.map(m => [m.page.path, m.score, m.field, m.alias]) });
						assert.deepStrictEqual(describe(fast), describe(scanned), `${JSON.stringify(query)} in ${section} limit ${limit}`);
						shortcut += fast.matches.length === limit && fast.matches.every(m => m.score >= 700) ? 1 : 0;
					}
				}
			}
			for (let i = 0; i < 300; i++) {
				const which = Math.floor(next() * paths.length);
				if (next() < 0.3) {
					service.removePage(paths[which]);
				} else {
					write(paths[which]);
				}
			}
		}
		// The shortcut's case (more than `limit` word-prefix matches) came up often.
		assert.ok(shortcut > 100, `${shortcut} answers were word-prefix matches only`);
	});
});
