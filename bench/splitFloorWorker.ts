/**
 * A worker of the floor split over two threads (bench/splitWorkers.ts):
 * reads its files and parses only their frontmatter with gray-matter, and
 * loads nothing else, as the floor; with `body`, it also tokenises each
 * page's body (the text after the frontmatter) with our scanner or with
 * markdown-it, keeping nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import matter from 'gray-matter';
import type { SplitDone, SplitJob } from './splitWorkers';

const job = workerData as SplitJob;

/** What this worker uses of markdown-it (required only in its mode, so the floor loads nothing more). */
interface MarkdownIt {
	use(plugin: unknown): MarkdownIt;
	parse(src: string, env: object): unknown[];
}

/** The body's tokeniser `job.body` names, loaded before the clock starts, as the floor loads gray-matter. */
function bodyTokeniser(): ((body: string) => unknown) | undefined {
	if (job.body === 'scan') {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { scanMarkdown } = require('../server/src/service/parse/markdown') as typeof import('../server/src/service/parse/markdown');
		return body => scanMarkdown(body);
	}
	if (job.body === 'markdown-it') {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const createMarkdownIt = require('markdown-it') as () => MarkdownIt;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const footnote = require('markdown-it-footnote') as unknown;
		const markdownIt = createMarkdownIt().use(footnote);
		return body => markdownIt.parse(body, {});
	}
	return undefined;
}

const tokenise = bodyTokeniser();
const start = performance.now();
for (const file of job.files) {
	// Options given, as the floor does, so gray-matter does not cache every text.
	const parsed = matter(fs.readFileSync(path.join(job.dir, file), 'utf8'), {});
	tokenise?.(parsed.content);
}
parentPort!.postMessage({ done: true, ms: performance.now() - start, pages: job.files.length } satisfies SplitDone);
