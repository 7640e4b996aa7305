import * as assert from 'assert';
import { Random } from '../support/markdownGenerator';
import { summarizePage, type PageSummary } from '../../server/src/service/parse/pageSummary';
import { JournalFollower, type FollowingTable, type JournaledPages } from '../../server/src/service/search/journalFollower';
import { searchPages } from '../../server/src/service/search/pageSearch';
import { PageSearchTable } from '../../server/src/service/search/pageSearchTable';
import type { PageSearchEntry } from '../../server/src/service/search/searchKeys';
import { SegmentIndex } from '../../server/src/service/search/segmentIndex';
import { VaultIndex } from '../../server/src/service/vault/vaultIndex';

const pageText = (title: string, aliases: readonly string[] = []): string =>
	`---\ntitle: ${title}\naliases: [${aliases.map(alias => JSON.stringify(alias)).join(', ')}]\n---\nBody.\n`;

/** A table that records what the follower asks of it and which pages it holds. */
class RecordingTable implements FollowingTable {
	readonly calls: string[] = [];
	readonly live = new Map<string, PageSummary>();
	slots = 0;
	holes = 0;
	readonly replace: ((path: string, page: PageSummary) => boolean) | undefined;

	constructor(replaceInPlace: boolean) {
		this.replace = replaceInPlace ? (path, page) => this.replaceInPlace(path, page) : undefined;
	}

	rebuild(pages: Iterable<PageSummary>): void {
		this.live.clear();
		this.slots = 0;
		this.holes = 0;
		for (const page of pages) {
			this.live.set(page.path, page);
			this.slots++;
		}
		this.calls.push(`rebuild ${this.slots}`);
	}

	add(page: PageSummary): void {
		assert.ok(!this.live.has(page.path), `add of ${page.path}, which the table has`);
		this.live.set(page.path, page);
		this.slots++;
		this.calls.push(`add ${page.path}`);
	}

	remove(path: string): void {
		if (this.live.delete(path)) {
			this.holes++;
		}
		this.calls.push(`remove ${path}`);
	}

	private replaceInPlace(path: string, page: PageSummary): boolean {
		if (!this.live.has(path)) {
			return false;
		}
		this.live.set(path, page);
		this.calls.push(`replace ${path}`);
		return true;
	}

	/** The calls since the last look, and forgets them. */
	take(): string[] {
		return this.calls.splice(0);
	}
}

function indexOf(count: number): VaultIndex {
	const index = new VaultIndex();
	for (let i = 0; i < count; i++) {
		index.update(summarizePage(`people/p${i}.md`, pageText(`Person ${i}`)));
	}
	return index;
}

/** An index of `count` pages and a follower of it, past its first build. */
function followed(count: number, maxHoleShare: number, replaceInPlace = false): { index: VaultIndex; table: RecordingTable; follower: JournalFollower<RecordingTable> } {
	const index = indexOf(count);
	const table = new RecordingTable(replaceInPlace);
	const follower = new JournalFollower(table, maxHoleShare);
	follower.sync(index);
	table.take();
	return { index, table, follower };
}

describe('journal follower', () => {
	it('builds the table on first use and does nothing while the index does not change', () => {
		const index = indexOf(20);
		const table = new RecordingTable(false);
		const follower = new JournalFollower(table, 1 / 4);
		assert.strictEqual(follower.sync(index), table);
		assert.deepStrictEqual(table.take(), ['rebuild 20']);
		follower.sync(index);
		assert.deepStrictEqual(table.take(), []);
	});

	it('adds new pages, removes deleted ones and replaces changed ones, each changed path once', () => {
		const { index, table, follower } = followed(20, 1 / 4);
		index.update(summarizePage('people/new.md', pageText('New')));
		index.remove('people/p3.md');
		index.update(summarizePage('people/p4.md', pageText('Four')));
		index.update(summarizePage('people/p4.md', pageText('Four again')));
		follower.sync(index);
		assert.deepStrictEqual(table.take(), [
			'remove people/new.md', 'add people/new.md',
			'remove people/p3.md',
			'remove people/p4.md', 'add people/p4.md',
		]);
		assert.strictEqual(table.live.get('people/p4.md'), index.getPage('people/p4.md'));
		assert.ok(!table.live.has('people/p3.md'));
		assert.strictEqual(table.holes, 2);
	});

	it('lets a table replace a changed page in place', () => {
		const { index, table, follower } = followed(20, 1 / 4, true);
		index.update(summarizePage('people/p4.md', pageText('Four')));
		index.update(summarizePage('people/new.md', pageText('New')));
		follower.sync(index);
		assert.deepStrictEqual(table.take(), ['replace people/p4.md', 'remove people/new.md', 'add people/new.md']);
		assert.strictEqual(table.holes, 0);
	});

	it('rebuilds when more than a quarter of the index changed at once', () => {
		const { index, table, follower } = followed(20, 1);
		for (let i = 0; i < 5; i++) {
			index.update(summarizePage(`people/p${i}.md`, pageText(`Changed ${i}`)));
		}
		follower.sync(index);
		// Five of twenty: a quarter, followed page by page.
		assert.strictEqual(table.take().filter(call => call.startsWith('add')).length, 5);
		for (let i = 0; i < 6; i++) {
			index.update(summarizePage(`people/p${i}.md`, pageText(`Again ${i}`)));
		}
		follower.sync(index);
		assert.deepStrictEqual(table.take(), ['rebuild 20']);
		assert.strictEqual(table.live.get('people/p5.md'), index.getPage('people/p5.md'));
	});

	it('rebuilds when removals leave more holes than its share of the slots', () => {
		const { index, table, follower } = followed(40, 1 / 4);
		const rebuilds: number[] = [];
		for (let i = 0; i < 12; i++) {
			index.remove(`people/p${i}.md`);
			follower.sync(index);
			if (table.take().some(call => call.startsWith('rebuild'))) {
				rebuilds.push(i);
			}
		}
		// 40 slots: the eleventh hole is more than a quarter; after the rebuild, 29 slots and no hole, then one more removal.
		assert.deepStrictEqual(rebuilds, [10]);
		assert.strictEqual(table.holes, 1);
		assert.strictEqual(table.slots, 29);
	});

	it('rebuilds when the journal no longer reaches back to its version', () => {
		const index = indexOf(10);
		let tooOld = false;
		const pages: JournaledPages = {
			get version() {
				return index.version;
			},
			get size() {
				return index.size;
			},
			changedSince: version => tooOld ? undefined : index.changedSince(version),
			getPage: path => index.getPage(path),
			pages: () => index.pages(),
		};
		const table = new RecordingTable(false);
		const follower = new JournalFollower(table, 1 / 4);
		follower.sync(pages);
		index.update(summarizePage('people/new.md', pageText('New')));
		tooOld = true;
		table.take();
		follower.sync(pages);
		assert.deepStrictEqual(table.take(), ['rebuild 11']);
	});

	it('builds in steps, a page per step, and catches up through the journal with what changed meanwhile', () => {
		const index = indexOf(6);
		const table = new RecordingTable(false);
		const follower = new JournalFollower(table, 1 / 4);
		const steps = follower.buildInSteps(index);
		assert.ok(!follower.built);
		steps.next();
		steps.next();
		assert.deepStrictEqual(table.take(), ['rebuild 0', 'add people/p0.md', 'add people/p1.md']);
		assert.ok(!follower.built, 'not built while pages wait');
		// Meanwhile: a page already added changes, one not added yet goes, one goes and comes back, one is new.
		index.update(summarizePage('people/p0.md', pageText('Zero')));
		index.remove('people/p3.md');
		index.remove('people/p4.md');
		index.update(summarizePage('people/p4.md', pageText('Four')));
		index.update(summarizePage('people/new.md', pageText('New')));
		let rest = 0;
		while (steps.next().done !== true) {
			rest++;
		}
		assert.strictEqual(rest, 4, 'one step per page listed when the build started');
		assert.ok(follower.built);
		assert.deepStrictEqual(table.take(), ['add people/p2.md', 'add people/p4.md', 'add people/p5.md']);
		follower.sync(index);
		assert.deepStrictEqual(new Set(table.live.values()), new Set(index.pages()));
		// A second build in steps of a built table does nothing.
		table.take();
		assert.strictEqual(follower.buildInSteps(index).next().done, true);
		assert.deepStrictEqual(table.take(), []);
	});

	it('finishes a build in steps when the table is needed before it ends', () => {
		const index = indexOf(5);
		const table = new RecordingTable(false);
		const follower = new JournalFollower(table, 1 / 4);
		const steps = follower.buildInSteps(index);
		steps.next();
		index.update(summarizePage('people/p1.md', pageText('One')));
		follower.sync(index);
		assert.ok(follower.built);
		assert.deepStrictEqual(new Set(table.live.values()), new Set(index.pages()));
		assert.strictEqual(steps.next().done, true, 'the steps left end at once');
	});

	describe('agrees with a table built afresh, through random edits', () => {
		const SECTIONS = ['people', 'places', 'events'];
		const WORDS = ['Robert', 'Rob', 'Maxwell', 'Ann', 'Anders', 'Émile', 'Iran', 'Ian', 'Smith', 'Ro', 'X'];

		/** Follows a vault through random batches of additions, edits, moves and removals, calling `check` after each. */
		function randomEdits(seed: number, check: (index: VaultIndex) => void): void {
			const generator = new Random(seed);
			const next = (): number => generator.next();
			const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
			const index = new VaultIndex();
			const paths: string[] = [];
			const write = (path: string): void => {
				const aliases = next() < 0.3 ? [`${pick(WORDS)} ${pick(WORDS)}`] : [];
				index.update(summarizePage(path, pageText(`${pick(WORDS)} ${pick(WORDS)}`, aliases)));
			};
			for (let batch = 0; batch < 60; batch++) {
				// Mostly small batches (followed page by page), now and then a large one (a rebuild).
				const edits = next() < 0.1 ? 40 + Math.floor(next() * 60) : 1 + Math.floor(next() * 8);
				for (let e = 0; e < edits; e++) {
					const roll = next();
					if (paths.length < 20 || roll < 0.35) {
						const path = `${pick(SECTIONS)}/p-${batch}-${e}.md`;
						paths.push(path);
						write(path);
					} else if (roll < 0.6) {
						write(pick(paths));
					} else if (roll < 0.75) {
						// A move to another section: the same title under another path.
						const from = paths.splice(Math.floor(next() * paths.length), 1)[0];
						const page = index.getPage(from);
						index.remove(from);
						const to = `${pick(SECTIONS)}/moved-${batch}-${e}.md`;
						paths.push(to);
						index.update(summarizePage(to, pageText(page?.title ?? 'Moved')));
					} else {
						index.remove(paths.splice(Math.floor(next() * paths.length), 1)[0]);
					}
				}
				check(index);
			}
		}

		/**
		 * What a page search table holds, free of positions: each page's entry
		 * with the numbers its position holds, each section's pages, and the
		 * pages with a word starting with each of a few prefixes that the
		 * buckets find (they may also hold positions that no longer fit).
		 */
		function contents(table: PageSearchTable): object {
			const live = new Map<string, PageSearchEntry>();
			const numbers = new Map<string, number[]>();
			table.entries.forEach((entry, i) => {
				if (entry === undefined) {
					assert.strictEqual(table.masks[i], 0, 'a hole has no mask bits');
				} else {
					live.set(entry.page.path, entry);
					numbers.set(entry.page.path, [table.masks[i], table.startMasks[i], table.wordMasks[i], table.titleKeys[i]]);
				}
			});
			const pathsAt = (positions: readonly number[]): string[] =>
				[...new Set(positions.flatMap(i => table.entries[i]?.page.path ?? []))].sort();
			const hasWord = (entry: PageSearchEntry, prefix: string): boolean =>
				[entry.title, entry.slug, ...entry.aliases].some(field => field.split(' ').some(word => word.startsWith(prefix)));
			const found = (prefix: string): string[] =>
				pathsAt(table.positionsWithWordPrefix(prefix) ?? table.entries.map((_, i) => i)).filter(path => hasWord(live.get(path)!, prefix));
			return {
				entries: [...live.keys()].sort().map(path => [live.get(path), numbers.get(path)]),
				sections: ['people', 'places', 'events'].map(section => pathsAt(table.positionsOf(section))),
				prefixes: ['r', 'ro', 'rob', 'max', 'emi', 'x'].map(found),
			};
		}

		it('page search table', () => {
			const follower = new JournalFollower(new PageSearchTable(), 1 / 4);
			const queries = ['', 'r', 'rob', 'robert m', 'an', 'emile', 'x', 'iran', 'ro ro', 'mxw'];
			const answer = (table: PageSearchTable, query: string, section: string | undefined): string[] =>
				searchPages(table, query, section, 7).matches.map(match => `${match.page.url} ${match.score} ${match.field} ${match.alias ?? ''}`);
			let checks = 0;
			randomEdits(11, index => {
				const followed = follower.sync(index);
				const fresh = new PageSearchTable();
				fresh.rebuild(index.pages());
				assert.deepStrictEqual(contents(followed), contents(fresh));
				for (const query of queries) {
					for (const section of [undefined, 'people', 'places']) {
						assert.deepStrictEqual(answer(followed, query, section), answer(fresh, query, section), `${query} in ${section}`);
						checks++;
					}
				}
			});
			assert.ok(checks > 1000);
		});

		it('segment index', () => {
			const follower = new JournalFollower(new SegmentIndex(), 1 / 2);
			const queries = ['robert-maxwell', 'rob-ian', 'iran', 'ian', 'ann-smith', 'emile-ro', 'x-x', 'smth-anders'];
			const answer = (table: SegmentIndex, query: string, section: string | undefined): string[] =>
				table.candidates(query, 3, section).map(entry => `${entry.url} ${entry.key}`).sort();
			let found = 0;
			randomEdits(12, index => {
				const followed = follower.sync(index);
				const fresh = new SegmentIndex();
				fresh.rebuild(index.pages());
				for (const query of queries) {
					for (const section of [undefined, 'people']) {
						const expected = answer(fresh, query, section);
						assert.deepStrictEqual(answer(followed, query, section), expected, `${query} in ${section}`);
						found += expected.length;
					}
				}
			});
			assert.ok(found > 1000);
		});
	});
});
