/**
 * Deterministic generator of realistic vaults for the benchmark.
 *
 *   npm run bench:generate -- --pages N --out DIR [--seed S]
 *
 * A vault is a function of (pages, seed) only: the page list is planned with
 * a seeded PRNG (vaultPlan.ts), and every page's text is rendered from its own
 * PRNG seeded from (seed, page number) (pageRenderer.ts), so any page can be
 * re-rendered alone (the bench uses that to build a 50 KB variant of a real
 * page). The words come from vaultVocabulary.ts.
 */
import { forEachFlag } from './commandLine';
import * as fs from 'fs';
import * as path from 'path';
import { emptyStats, PageStats, renderPage } from './pageRenderer';
import { planVault } from './vaultPlan';

/** Bump when the output changes, so cached vaults are regenerated. */
export const GENERATOR_VERSION = 2;

export interface VaultStats extends PageStats {
	pages: number;
	seed: number;
	generatorVersion: number;
}

export interface GenerateOptions {
	readonly pages: number;
	readonly out: string;
	readonly seed?: number;
}

/** Writes a vault of `pages` pages into `out` (created; existing pages are overwritten). */
export function generateVault(options: GenerateOptions): VaultStats {
	const seed = options.seed ?? 1;
	const plan = planVault(options.pages, seed);
	const stats = emptyStats();
	const folders = new Set<string>();
	for (const page of plan.pages) {
		folders.add(path.posix.dirname(page.path));
	}
	for (const folder of folders) {
		fs.mkdirSync(path.join(options.out, folder), { recursive: true });
	}
	for (let i = 0; i < plan.pages.length; i++) {
		fs.writeFileSync(path.join(options.out, plan.pages[i].path), renderPage(plan, i, stats));
	}
	return { pages: plan.pages.length, seed, generatorVersion: GENERATOR_VERSION, ...stats };
}

function parseArguments(argv: readonly string[]): GenerateOptions {
	let pages: number | undefined;
	let out: string | undefined;
	let seed = 1;
	forEachFlag(argv, (flag, value, argument) => {
		switch (flag) {
			case '--pages':
				pages = Number(value());
				break;
			case '--out':
				out = value();
				break;
			case '--seed':
				seed = Number(value());
				break;
			default:
				throw new Error(`unknown argument ${argument}`);
		}
	});
	if (!pages || !Number.isInteger(pages) || pages < 1) {
		throw new Error('--pages N (a positive integer) is required');
	}
	if (!out) {
		throw new Error('--out DIR is required');
	}
	if (!Number.isInteger(seed)) {
		throw new Error('--seed must be an integer');
	}
	// npm runs scripts from the repository root; a relative --out is relative to where npm was run.
	return { pages, out: path.resolve(process.env.INIT_CWD ?? process.cwd(), out), seed };
}

if (require.main === module) {
	let options: GenerateOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`bench:generate: ${(error as Error).message}\nUsage: npm run bench:generate -- --pages N --out DIR [--seed S]\n`);
		process.exit(2);
	}
	const start = performance.now();
	const stats = generateVault(options);
	const seconds = (performance.now() - start) / 1000;
	process.stdout.write(`Wrote ${stats.pages} pages (${(stats.bytes / 1048576).toFixed(1)} MiB, ${stats.links} links, ${stats.brokenLinks} broken links, `
		+ `${stats.brokenAnchors} broken anchors, ${stats.missingFootnotes + stats.unusedFootnotes + stats.duplicateFootnotes} footnote problems) `
		+ `to ${options.out} in ${seconds.toFixed(1)} s\n`);
}
