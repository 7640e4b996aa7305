/**
 * A worker of the floor split over two threads (bench/splitWorkers.ts):
 * reads its files and parses only their frontmatter with gray-matter, and
 * loads nothing else, as the floor.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import matter from 'gray-matter';
import type { SplitDone, SplitJob } from './splitWorkers';

const job = workerData as SplitJob;
const start = performance.now();
for (const file of job.files) {
	// Options given, as the floor does, so gray-matter does not cache every text.
	matter(fs.readFileSync(path.join(job.dir, file), 'utf8'), {});
}
parentPort!.postMessage({ done: true, ms: performance.now() - start, pages: job.files.length } satisfies SplitDone);
