/**
 * Throughput of the markdown scanner on a realistic vault page, compared with
 * mdast-util-from-markdown + GFM on the same input. Not a test: run it with
 *
 *   npx tsc -p tsconfig.json --outDir out-bench && node out-bench/bench/scannerThroughput.js [seed-page]
 *
 * It scans the seed page (frontmatter skipped) many times, and also one big
 * document made of the page body repeated, and prints MB/s (1 MB = 10^6
 * UTF-16 code units).
 */

import * as fs from 'fs';
import * as path from 'path';
import { scanMarkdown } from '../server/src/service/parse/markdown';

function findSeedPage(): string {
	const argument = process.argv[2];
	if (argument !== undefined) {
		return argument;
	}
	const repoRoot = path.resolve(__dirname, '..', '..');
	const candidates = [path.join(repoRoot, '..', 'shared', 'seeds'), path.join(repoRoot, 'test', 'fixtures', 'markdown')];
	for (const dir of candidates) {
		if (!fs.existsSync(dir)) {
			continue;
		}
		const file = fs.readdirSync(dir).find((f) => f.startsWith('000_') || f === 'seed-mi6.md');
		if (file !== undefined) {
			return path.join(dir, file);
		}
	}
	throw new Error('seed page not found; pass its path');
}

function bodyStartOf(text: string): number {
	const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	return match === null ? 0 : match[0].length;
}

function measure(label: string, bytes: number, minMillis: number, run: () => void): number {
	// Warm up.
	for (let i = 0; i < 20; i++) {
		run();
	}
	let iterations = 0;
	const start = process.hrtime.bigint();
	let elapsed = 0;
	while (elapsed < minMillis) {
		run();
		iterations++;
		elapsed = Number(process.hrtime.bigint() - start) / 1e6;
	}
	const mbPerSecond = (bytes * iterations) / 1e6 / (elapsed / 1000);
	console.log(`${label.padEnd(46)} ${mbPerSecond.toFixed(1).padStart(8)} MB/s  (${iterations} runs, ${(elapsed / iterations).toFixed(3)} ms/run)`);
	return mbPerSecond;
}

async function main(): Promise<void> {
	const file = findSeedPage();
	const page = fs.readFileSync(file, 'utf8');
	const bodyStart = bodyStartOf(page);
	const body = page.slice(bodyStart);
	const big = (body + '\n\n').repeat(200);
	const scan = scanMarkdown(page, bodyStart);
	console.log(`page: ${file} (${page.length} chars, ${scan.links.length} links, ${scan.footnoteReferences.length} footnote calls, ${scan.headings.length} headings)`);

	const scanner = measure('scanner, one page at a time', page.length, 2000, () => {
		scanMarkdown(page, bodyStart);
	});
	measure(`scanner, body repeated x200 (${(big.length / 1e6).toFixed(2)} MB)`, big.length, 2000, () => {
		scanMarkdown(big, 0);
	});

	const { fromMarkdown } = await import('mdast-util-from-markdown');
	const { gfm } = await import('micromark-extension-gfm');
	const { gfmFromMarkdown } = await import('mdast-util-gfm');
	const { frontmatter } = await import('micromark-extension-frontmatter');
	const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
	const options = {
		extensions: [gfm(), frontmatter(['yaml'])],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
	};
	const oracle = measure('mdast-util-from-markdown + gfm, one page', page.length, 2000, () => {
		fromMarkdown(page, options);
	});
	console.log(`scanner is ${(scanner / oracle).toFixed(0)}x faster than mdast on this page`);
	const pages = 100000;
	const seconds = (pages * 4000) / 1e6 / scanner;
	console.log(`=> ${pages} pages of 4 KB: ${seconds.toFixed(2)} s of scanning on one core`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
