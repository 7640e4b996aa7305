/**
 * Unlinked mentions (issue 12), not run in CI:
 * `npm run bench:mentions [-- --pages 100000 --runs 200 --vault DIR]`
 * (`node --expose-gc out/bench/mentionsBench.js …`).
 *
 * 1. The names of `--pages` planned pages (the bench vault's titles and
 *    aliases, `planVault`) in one vault service: the time to build the
 *    mention table and the heap it holds.
 * 2. A 50 KB page of prose naming those pages (one name every ~12 words,
 *    some links, code and footnotes between): the time to find its
 *    mentions (`findMentions`) and to compute its whole diagnostics with
 *    its text, median and p99 of `--runs` runs.
 * 3. One page renamed (a new title and alias): the time for the table to
 *    take it in (the `updatePage` itself excluded), median and p99.
 * 4. With `--vault DIR` (a generated vault, e.g. .bench/vault-10000-s1):
 *    every page's diagnostics without and with its text, as `check` computes them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { forEachFlag } from './commandLine';
import { distribution, type Distribution } from './stats';
import { planVault } from './vaultPlan';
import { findMentions } from '../server/src/service/mentions/findMentions';
import { DEFAULT_SETTINGS } from '../server/src/service/vault/settings';
import { createVaultService, type VaultService } from '../server/src/service/vaultService';
import { Random } from '../test/support/markdownGenerator';

const FILLER = 'the of and a in to was for with by on as at from that which after during its their were had been into under over report agency office'.split(' ');

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

function heapMiB(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed / (1024 * 1024);
}

function time(run: () => void): number {
	const start = performance.now();
	run();
	return performance.now() - start;
}

function round(d: Distribution): { median: number; p99: number; max: number } {
	return { median: +d.median.toFixed(3), p99: +d.p99.toFixed(3), max: +d.max.toFixed(3) };
}

/** A page of prose `bytes` long naming random planned pages, with some markdown between. */
function proseNaming(names: readonly string[], bytes: number, r: Random): string {
	const out: string[] = ['---', 'title: Mention Bench', '---', ''];
	let length = 0;
	let sentence: string[] = [];
	while (length < bytes) {
		const roll = r.next();
		const word = roll < 0.08 ? names[Math.floor(r.next() * names.length)]
			: roll < 0.09 ? `[${names[Math.floor(r.next() * names.length)]}](/people/somebody/)`
				: roll < 0.095 ? '`code span`' : FILLER[Math.floor(r.next() * FILLER.length)];
		sentence.push(word);
		length += word.length + 1;
		if (sentence.length > 14 + Math.floor(r.next() * 10)) {
			out.push(`${sentence.join(' ')}.${r.next() < 0.1 ? '[^1]' : ''}`, '');
			sentence = [];
		}
	}
	out.push(sentence.join(' '), '', '[^1]: A source.', '');
	return out.join('\n');
}

function pageText(title: string, aliases: readonly string[]): string {
	return `---\ntitle: ${JSON.stringify(title)}\naliases: [${aliases.map(alias => JSON.stringify(alias)).join(', ')}]\n---\n\nA page.\n`;
}

function namesBench(pages: number, runs: number): Record<string, unknown> {
	const plan = planVault(pages, 1);
	const service = createVaultService();
	for (const page of plan.pages) {
		service.updatePage(page.path, pageText(page.title, page.aliases));
	}
	const before = heapMiB();
	const buildMs = time(() => service.index.search.mentionTable());
	const after = heapMiB();
	const table = service.index.search.mentionTable();
	const size = table.size;
	const names = plan.pages.flatMap(page => [page.title, ...page.aliases]);
	const text = proseNaming(names, 50 * 1024, new Random(7));
	service.updatePage('notes/bench.md', text);
	const page = service.getPage('notes/bench.md')!;
	let found = 0;
	const find: number[] = [];
	const diagnose: number[] = [];
	for (let i = 0; i < runs + 5; i++) {
		const findMs = time(() => {
			found = findMentions(table, { page, text }, DEFAULT_SETTINGS.mentions).length;
		});
		const diagnoseMs = time(() => service.diagnostics('notes/bench.md', text));
		if (i >= 5) {
			find.push(findMs);
			diagnose.push(diagnoseMs);
		}
	}
	const rename: number[] = [];
	for (let i = 0; i < runs; i++) {
		const target = plan.pages[(i * 7919) % plan.pages.length];
		service.updatePage(target.path, pageText(`Renamed Entity ${i}`, [`Alias ${i}`]));
		rename.push(time(() => service.index.search.mentionTable()));
	}
	return {
		pages,
		names: size,
		buildMs: +buildMs.toFixed(1),
		tableHeapMiB: +(after - before).toFixed(1),
		page: { bytes: text.length, mentions: found },
		findMentionsMs: round(distribution(find)),
		diagnosticsWithTextMs: round(distribution(diagnose)),
		renameUpdateMs: round(distribution(rename)),
	};
}

function listPages(root: string): string[] {
	const found: string[] = [];
	for (const section of fs.readdirSync(root, { withFileTypes: true })) {
		if (section.isDirectory() && !section.name.startsWith('.')) {
			for (const entry of fs.readdirSync(path.join(root, section.name), { recursive: true }) as string[]) {
				if (entry.endsWith('.md')) {
					found.push(`${section.name}/${entry.split(path.sep).join('/')}`);
				}
			}
		}
	}
	return found;
}

function vaultBench(root: string): Record<string, unknown> {
	const service: VaultService = createVaultService();
	const paths = listPages(root);
	for (const page of paths) {
		service.updatePage(page, fs.readFileSync(path.join(root, page), 'utf8'));
	}
	let plain = 0;
	const withoutMs = time(() => {
		for (const page of paths) {
			plain += service.diagnostics(page).length;
		}
	});
	let withText = 0;
	let mentions = 0;
	const withMs = time(() => {
		for (const page of paths) {
			const diagnostics = service.diagnostics(page, fs.readFileSync(path.join(root, page), 'utf8'));
			withText += diagnostics.length;
			mentions += diagnostics.filter(d => d.code === 'unlinked-mention').length;
		}
	});
	const texts: string[] = [];
	const readMs = time(() => {
		for (const page of paths) {
			texts.push(fs.readFileSync(path.join(root, page), 'utf8'));
		}
	});
	const table = service.index.search.mentionTable();
	let found = 0;
	const findMs = time(() => {
		paths.forEach((page, i) => {
			found += findMentions(table, { page: service.getPage(page)!, text: texts[i] }, DEFAULT_SETTINGS.mentions).length;
		});
	});
	return {
		root, pages: paths.length, diagnosticsWithoutTextMs: Math.round(withoutMs), diagnosticsReadingTextMs: Math.round(withMs), diagnostics: plain, withText, mentions,
		readTextsMs: Math.round(readMs), findMentionsAllPagesMs: Math.round(findMs), occurrencesFound: found,
	};
}

function main(): void {
	let pages = 100_000;
	let runs = 200;
	let vault: string | undefined;
	forEachFlag(process.argv.slice(2), (flag, value) => {
		switch (flag) {
			case '--pages': pages = Number(value()); break;
			case '--runs': runs = Number(value()); break;
			case '--vault': vault = value(); break;
			default: throw new Error(`unknown flag ${flag}`);
		}
	});
	if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
		process.stderr.write('(run with node --expose-gc for the heap figure)\n');
	}
	const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, names: namesBench(pages, runs) };
	if (vault !== undefined) {
		results.vault = vaultBench(vault);
	}
	process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main();
