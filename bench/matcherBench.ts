/**
 * The page search's hand-written fuzzy scorer against two maintained
 * matchers, fuzzysort and uFuzzy (`@leeoniya/ufuzzy`), on the titles, slugs
 * and aliases of a generated vault (the completion benchmark's: `planVault`,
 * 10,000 pages by default): time per query (median and p99) and whether the
 * page a query was made from comes first.
 *
 *   npx tsc -b && node out/bench/matcherBench.js [--pages N] [--matchers DIR]
 *
 * The two packages are not dependencies of the project: they are loaded from
 * `DIR/node_modules` (default `/work/matchers`, made with
 * `npm install fuzzysort @leeoniya/ufuzzy` there); a matcher that is not
 * found is left out and said so.
 *
 * Every matcher answers what completion asks: the best 202 pages, one result
 * per page (best of title, slug and alias), over the whole vault. Times are
 * given as wall clock and as the process's CPU time (on a busy machine the
 * wall clock's p99 is mostly other processes).
 */
import * as path from 'path';
import { createRequire } from 'module';
import { forEachFlag } from './commandLine';
import { planVault, type PlannedPage } from './vaultPlan';
import { Random } from '../test/support/markdownGenerator';
import { summarizePage } from '../server/src/service/parse/pageSummary';
import { VaultIndex } from '../server/src/service/vault/vaultIndex';
import { percentile } from './stats';

/** What completion asks for: COMPLETION_LIMIT + 2. */
const LIMIT = 202;
/** Timed runs of every query (after one untimed run), and of the completion benchmark's query. */
const RUNS = 5;
const COMPLETION_RUNS = 200;

/** One matcher: the URLs of the best pages for a query, best first. */
interface Matcher {
	readonly name: string;
	search(query: string): string[];
}

interface FuzzysortLike {
	prepare(target: string): unknown;
	go(search: string, targets: readonly unknown[], options: { keys: readonly string[]; limit: number; threshold: number }): readonly { obj: { url: string } }[];
}

interface UFuzzyLike {
	search(haystack: string[], needle: string, outOfOrder?: number, infoThresh?: number): [number[] | null, unknown, number[] | null];
}

function ours(pages: readonly PlannedPage[]): Matcher {
	const index = new VaultIndex();
	for (const page of pages) {
		index.update(summarizePage(page.path, `---\ntitle: ${JSON.stringify(page.title)}\naliases: [${page.aliases.map(alias => JSON.stringify(alias)).join(', ')}]\n---\n`));
	}
	return {
		name: 'ours',
		search: query => index.search.pages(query, undefined, LIMIT).matches.map(match => match.page.url),
	};
}

function fuzzysortMatcher(load: NodeJS.Require, pages: readonly PlannedPage[]): Matcher | string {
	let fuzzysort: FuzzysortLike;
	try {
		fuzzysort = load('fuzzysort') as FuzzysortLike;
	} catch (error) {
		return `fuzzysort not found (${(error as Error).message.split('\n')[0]})`;
	}
	const targets = pages.map(page => ({
		url: page.url,
		title: fuzzysort.prepare(page.title),
		slug: fuzzysort.prepare(page.slug),
		alias: fuzzysort.prepare(page.aliases.join(' ')),
	}));
		// Prepared targets held by the objects, found by key: fuzzysort's fastest way for objects.
	const keys = ['title', 'slug', 'alias'];
	return {
		name: 'fuzzysort',
		search: (query: string) => fuzzysort.go(query, targets, { keys, limit: LIMIT, threshold: 0 }).map(result => result.obj.url),
	};
}

function uFuzzyMatcher(load: NodeJS.Require, pages: readonly PlannedPage[]): Matcher | string {
	let uFuzzy: (options?: object) => UFuzzyLike;
	try {
		uFuzzy = load('@leeoniya/ufuzzy') as (options?: object) => UFuzzyLike;
	} catch (error) {
		return `uFuzzy not found (${(error as Error).message.split('\n')[0]})`;
	}
	// One haystack entry per field; `owner` maps it back to its page. Single-error typos allowed (intraMode 1).
	const haystack: string[] = [];
	const owner: string[] = [];
	for (const page of pages) {
		for (const field of [page.title, page.slug.replace(/-/g, ' '), ...page.aliases]) {
			haystack.push(field);
			owner.push(page.url);
		}
	}
	const matcher = uFuzzy({ intraMode: 1 });
	return {
		name: 'uFuzzy',
		search: (query: string) => {
			// infoThresh Infinity: rank every match (by default more than 1,000 matches come back unranked).
			const [ids, , order] = matcher.search(haystack, query, 0, Infinity);
			const urls: string[] = [];
			const seen = new Set<string>();
			for (let i = 0; ids !== null && i < ids.length && urls.length < LIMIT; i++) {
				const url = owner[ids[order === null ? i : order[i]]];
				if (!seen.has(url)) {
					seen.add(url);
					urls.push(url);
				}
			}
			return urls;
		},
	};
}

interface Query {
	readonly kind: string;
	readonly text: string;
	/**
	 * When the query was made from a page: that page and every other page
	 * with a title, slug or alias equal to the query (an alias such as an
	 * acronym may name several); any of them first is a hit.
	 */
	readonly expected?: readonly string[];
	readonly runs: number;
}

/** Swaps two neighbouring letters inside a word (not its first): a typo. */
function transpose(next: () => number, title: string): string {
	const spots: number[] = [];
	for (let i = 1; i + 1 < title.length; i++) {
		if (/\p{L}/u.test(title[i]) && /\p{L}/u.test(title[i + 1]) && title[i] !== title[i + 1] && title[i - 1] !== ' ') {
			spots.push(i);
		}
	}
	if (spots.length === 0) {
		return title;
	}
	const at = spots[Math.floor(next() * spots.length)];
	return title.slice(0, at) + title[at + 1] + title[at] + title.slice(at + 2);
}

/** The benchmark's completion query, then what typing a page's name looks like: prefixes, whole titles, typos, slugs, aliases. */
function queriesOf(pages: readonly PlannedPage[]): Query[] {
	const named = new Map<string, string[]>();
	for (const page of pages) {
		for (const name of new Set([page.title, page.slug, ...page.aliases].map(field => field.toLowerCase()))) {
			named.set(name, [...named.get(name) ?? [], page.url]);
		}
	}
	const expect = (page: PlannedPage, text: string): string[] => [page.url, ...named.get(text.toLowerCase()) ?? []];
	const generator = new Random(5);
	const next = (): number => generator.next();
	const queries: Query[] = [{ kind: 'completion `[Rob`', text: 'Rob', runs: COMPLETION_RUNS }];
	for (let i = 0; i < 200; i++) {
		const page = pages[Math.floor(next() * pages.length)];
		const words = page.title.split(' ');
		queries.push({ kind: 'first letters (1–4)', text: page.title.slice(0, 1 + Math.floor(next() * 4)), runs: RUNS });
		if (words.length > 1) {
			queries.push({ kind: 'word and a prefix', text: `${words[0]} ${words[1].slice(0, 2)}`, runs: RUNS });
		}
		queries.push({ kind: 'whole title', text: page.title, expected: expect(page, page.title), runs: RUNS });
		const typo = transpose(next, page.title);
		queries.push({ kind: 'title with a typo', text: typo, expected: expect(page, typo), runs: RUNS });
		queries.push({ kind: 'slug', text: page.slug, expected: expect(page, page.slug), runs: RUNS });
		if (page.aliases.length > 0) {
			queries.push({ kind: 'alias', text: page.aliases[0], expected: expect(page, page.aliases[0]), runs: RUNS });
		}
	}
	return queries;
}

interface KindFigures {
	/** Wall-clock milliseconds per run. */
	times: number[];
	/** CPU milliseconds of the process per run: what other processes on a busy machine do not add. */
	cpuTimes: number[];
	named: number;
	first: number;
	inTop5: number;
	found: number;
}

function measure(matcher: Matcher, queries: readonly Query[]): Map<string, KindFigures> {
	const byKind = new Map<string, KindFigures>();
	for (const query of queries) {
		let figures = byKind.get(query.kind);
		if (!figures) {
			figures = { times: [], cpuTimes: [], named: 0, first: 0, inTop5: 0, found: 0 };
			byKind.set(query.kind, figures);
		}
		const answer = matcher.search(query.text);
		for (let run = 0; run < query.runs; run++) {
			const start = performance.now();
			const cpuStart = process.cpuUsage();
			matcher.search(query.text);
			const cpu = process.cpuUsage(cpuStart);
			figures.times.push(performance.now() - start);
			figures.cpuTimes.push((cpu.user + cpu.system) / 1000);
		}
		if (query.expected !== undefined) {
			figures.named++;
			const ranks = query.expected.map(url => answer.indexOf(url)).filter(rank => rank >= 0);
			const rank = ranks.length === 0 ? -1 : Math.min(...ranks);
			figures.first += rank === 0 ? 1 : 0;
			figures.inTop5 += rank >= 0 && rank < 5 ? 1 : 0;
			figures.found += rank >= 0 ? 1 : 0;
		}
	}
	return byKind;
}

function main(): void {
	let pageCount = 10_000;
	let matchersDir = '/work/matchers';
	forEachFlag(process.argv.slice(2), (flag, value) => {
		if (flag === '--pages') {
			pageCount = Number(value());
		} else if (flag === '--matchers') {
			matchersDir = value();
		} else {
			throw new Error(`unknown flag ${flag}`);
		}
	});
	const pages = planVault(pageCount).pages;
	const load = createRequire(path.join(path.resolve(matchersDir), 'package.json'));
	const matchers: Matcher[] = [ours(pages)];
	for (const made of [fuzzysortMatcher(load, pages), uFuzzyMatcher(load, pages)]) {
		if (typeof made === 'string') {
			console.log(`${made}: left out`);
		} else {
			matchers.push(made);
		}
	}
	const queries = queriesOf(pages);
	console.log(`${pages.length} pages, ${queries.length} queries, ${RUNS} timed runs each (the completion query ${COMPLETION_RUNS}), best ${LIMIT} pages per query\n`);
	console.log('| query kind | matcher | median ms | p99 ms | CPU median ms | CPU p99 ms | expected page first | in top 5 | found |');
	console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
	const results = matchers.map(matcher => ({ matcher, byKind: measure(matcher, queries) }));
	for (const kind of new Set(queries.map(query => query.kind))) {
		for (const { matcher, byKind } of results) {
			const figures = byKind.get(kind)!;
			const share = (count: number): string => figures.named === 0 ? '–' : `${((100 * count) / figures.named).toFixed(1)} %`;
			console.log(`| ${kind} | ${matcher.name} | ${percentile(figures.times, 50).toFixed(3)} | ${percentile(figures.times, 99).toFixed(3)} | ${percentile(figures.cpuTimes, 50).toFixed(3)} | ${percentile(figures.cpuTimes, 99).toFixed(3)} | ${share(figures.first)} | ${share(figures.inTop5)} | ${share(figures.found)} |`);
		}
	}
}

main();
