/**
 * The Backlinks panel and the Vault Overview (issue 15), not run in CI:
 * `npm run bench:panels [-- --pages 10000 --runs 50]`
 * (`node --expose-gc out/bench/panelsBench.js …`).
 *
 * On the generated vault of `--pages` pages (.bench/, made on first use),
 * indexed in one service from the files' texts:
 * 1. the words of every page's body read for the unlinked mentions
 *    (`readProseWords`, all pages, as the first Backlinks request does):
 *    the time, and the heap the table holds;
 * 2. one page's Backlinks (linked pages with sentences, unlinked mentions),
 *    the texts read from memory: median and p99 of `--runs` pages, the
 *    most linked pages included;
 * 3. the overview: the first one after a change (the tallies made), and
 *    one at the same index version.
 */
import * as fs from 'fs';
import * as path from 'path';
import { forEachFlag } from './commandLine';
import { distribution } from './stats';
import { cachedVault } from './vaultCache';
import { createVaultService } from '../server/src/service/vaultService';

function heapMiB(): number {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	return process.memoryUsage().heapUsed / (1024 * 1024);
}

function markdownFiles(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }))
		.map(entry => entry.split(path.sep).join('/'))
		.filter(entry => entry.endsWith('.md'));
}

function main(): void {
	let pages = 10_000;
	let runs = 50;
	forEachFlag(process.argv.slice(2), (flag, value) => {
		switch (flag) {
			case '--pages': pages = Number(value()); break;
			case '--runs': runs = Number(value()); break;
			default: throw new Error(`unknown flag ${flag}`);
		}
	});
	const { dir } = cachedVault(pages, 1, line => console.error(line));
	const texts = new Map<string, string>();
	const service = createVaultService();
	for (const relative of markdownFiles(dir)) {
		const text = fs.readFileSync(path.join(dir, relative), 'utf8');
		texts.set(relative, text);
		service.updatePage(relative, text);
	}
	const textOf = (relative: string): string | undefined => texts.get(relative);
	const before = heapMiB();
	let start = performance.now();
	while (service.readProseWords(textOf, 1_000) > 0) {
		// all of them
	}
	const readMs = performance.now() - start;
	const tableMiB = heapMiB() - before;

	const paths = [...texts.keys()].sort();
	const byLinkers = paths.map(relative => ({ relative, linkers: service.index.backlinkCount(service.getPage(relative)!.url) })).sort((a, b) => b.linkers - a.linkers);
	const sample = [...byLinkers.slice(0, 5).map(entry => entry.relative), ...paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / runs)) === 0)].slice(0, runs);
	const times: number[] = [];
	let linked = 0;
	let mentions = 0;
	for (const relative of sample) {
		start = performance.now();
		const result = service.backlinks(relative, textOf)!;
		times.push(performance.now() - start);
		linked += result.linked.length;
		mentions += result.mentions.length;
	}
	const backlinks = distribution(times);

	start = performance.now();
	service.overview(textOf, 50);
	const overviewFirstMs = performance.now() - start;
	start = performance.now();
	service.overview(textOf, 50);
	const overviewAgainMs = performance.now() - start;
	console.log(JSON.stringify({
		pages: paths.length,
		proseWords: { readAllMs: +readMs.toFixed(1), heapMiB: +tableMiB.toFixed(1) },
		backlinks: { runs: sample.length, medianMs: +backlinks.median.toFixed(2), p99Ms: +backlinks.p99.toFixed(2), maxMs: +backlinks.max.toFixed(2), linkedPages: linked, mentionPages: mentions },
		overview: { firstMs: +overviewFirstMs.toFixed(1), sameVersionMs: +overviewAgainMs.toFixed(1) },
	}, null, 2));
}

main();
