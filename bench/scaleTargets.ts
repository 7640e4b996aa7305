/**
 * The targets of issue 14 (scale), judged on a benchmark run: each at every
 * size measured that it names (the issue states them at 10,000 and 100,000
 * pages), from the same run's figures (the floor is the in-process one, read
 * in the same run as the server and `check`).
 */
import type { BenchResults, SizeResult, TargetVerdict } from './report';

const MIB = 1024;

function seconds(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

function pagesAt(size: SizeResult): string {
	return `at ${size.pages.toLocaleString('en-US')} pages`;
}

/** One verdict: `value` against `limit` (lower is better); `format` writes a value. */
function verdict(figure: string, target: string, size: SizeResult, value: number | undefined, limit: number, format: (v: number) => string): TargetVerdict {
	if (value === undefined || !Number.isFinite(value)) {
		return { figure, target, measured: `not measured ${pagesAt(size)}`, met: undefined, note: '' };
	}
	const met = value <= limit;
	return { figure, target, measured: `${format(value)} ${pagesAt(size)}`, met, note: met ? 'met' : `missed by ${format(value - limit)} (${(value / limit).toFixed(2)}× the target)` };
}

const times = (v: number): string => `${v.toFixed(2)}×`;

/**
 * What bounds the cold index on two cores: reading and parsing alone, with
 * no indexing, split over two worker threads (bench/splitWorkers.ts), against
 * the floor; the floor itself split over two threads beside it.
 */
function whatTwoCoresAllow(size: SizeResult): TargetVerdict[] {
	const floor = size.inProcess?.floor.ms;
	const twoWorkers = size.inProcess?.twoWorkers;
	if (!floor || !twoWorkers) {
		return [];
	}
	const parse = twoWorkers.parse.ms / floor;
	const floorSplit = twoWorkers.floor.ms / floor;
	const scan = twoWorkers.floorScan === undefined ? undefined : twoWorkers.floorScan.ms / floor;
	const markdownIt = twoWorkers.floorMarkdownIt === undefined ? undefined : twoWorkers.floorMarkdownIt.ms / floor;
	const least = scan === undefined ? '' : `; the least an index of the bodies' links can cost (the floor on two workers with every body tokenised, nothing kept): ${times(scan)} with our scanner${markdownIt === undefined ? '' : `, ${times(markdownIt)} with markdown-it`}`;
	return [{
		figure: 'cold index vs the floor: what two cores allow',
		target: '≤ 1.0× the floor',
		measured: `our parse alone on two workers ${times(parse)}, the floor on two workers ${times(floorSplit)}${least} ${pagesAt(size)}`,
		met: parse <= 1,
		note: parse <= 1
			? 'met: reading and parsing on two workers fit in the floor; the rest of the cold index is the main thread\'s'
			: `missed: reading and parsing alone on two workers take ${times(parse)} the floor before any indexing, so the cold index cannot reach 1.0× with this parse${scan !== undefined && scan > 1 ? `; reading, the frontmatter and tokenising the bodies with our scanner alone, nothing kept, take ${times(scan)}` : ''}`,
	}];
}

/** The verdicts of issue 14's table, per size measured (10,000 and 100,000 pages when both ran). */
export function judgeScaleTargets(results: BenchResults): TargetVerdict[] {
	const verdicts: TargetVerdict[] = [];
	for (const size of results.sizes.filter(s => s.pages >= 10000)) {
		const server = size.server;
		const floor = size.inProcess?.floor.ms;
		const check = size.check?.error || size.check?.timedOut ? undefined : size.check;
		if (size.pages >= 100000 || results.sizes.every(s => s.pages < 100000)) {
			verdicts.push(verdict('cold index vs the floor', '≤ 1.0× the floor', size, server && floor ? server.coldIndexMs / floor : undefined, 1, times));
			verdicts.push(...whatTwoCoresAllow(size));
			verdicts.push(verdict('warm start (persisted index, nothing changed) to ready', '≤ 1.5 s', size, server?.secondStartMs, 1500, seconds));
			verdicts.push(verdict('`check` peak RSS', '≤ 600 MiB', size, check?.peakRssKiB === undefined ? undefined : check.peakRssKiB / MIB, 600, v => `${v.toFixed(0)} MiB`));
			verdicts.push(verdict('edit → diagnostics right after a cold start, raw p99', '≤ 180 ms', size, server?.editAfterColdStart?.error ? undefined : server?.editAfterColdStart?.raw.p99, 180, seconds));
			verdicts.push(verdict('typing: `didChange` then completion, round trip p99', '≤ 10 ms', size, server?.typing?.error ? undefined : server?.typing?.roundTrip.p99, 10, seconds));
			const references = server?.referencesMostLinked?.error ? undefined : server?.referencesMostLinked;
			verdicts.push(verdict('references to the most linked page: first results p99', '≤ 50 ms', size, references?.first.p99, 50, seconds));
			verdicts.push(verdict('references to the most linked page: whole answer, server time p99', '≤ 150 ms', size, references?.server.p99, 150, seconds));
			const retained = size.inProcess?.ours.retainedBytesPerPage;
			verdicts.push(verdict('retained index per page', '≤ 2 KiB', size, retained === undefined ? undefined : retained / 1024, 2, v => `${v.toFixed(2)} KiB`));
		}
		verdicts.push(verdict('`check` vs the floor', '≤ 2× the floor', size, check && floor ? check.wallMs / floor : undefined, 2, times));
	}
	return verdicts;
}
