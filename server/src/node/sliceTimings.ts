import * as fs from 'fs';
import { PerformanceObserver, type PerformanceEntry } from 'perf_hooks';

/**
 * With `ENTITY_VAULT_SLICE_TIMINGS=FILE`, the server appends to FILE a line
 * for each time slice of a loop that ran over `SLOW_MS` (its loop, the
 * process's CPU time in it, and the longest step in it with that step's
 * name), each garbage collection pause
 * over `SLOW_MS`, and each request answered (`RequestTimings`), every line
 * with its start and end on the monotonic clock in microseconds (that of
 * `--cpu-prof`'s profiles), so what a slow answer waited for can be named.
 * Nothing is timed without it.
 */
export const SLICE_TIMINGS_VARIABLE = 'ENTITY_VAULT_SLICE_TIMINGS';

/** Slices and pauses shorter than this are not written. */
const SLOW_MS = 5;

/** `performance.now()` in microseconds on the monotonic clock (`process.hrtime`'s, which `--cpu-prof` stamps its samples with) is this much more. */
const CLOCK_OFFSET_US = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

function micros(ms: number): number {
	return Math.round(ms * 1000 + CLOCK_OFFSET_US);
}

class SliceTimings {
	constructor(private readonly file: string) {
		new PerformanceObserver(list => {
			for (const entry of list.getEntries()) {
				if (entry.duration >= SLOW_MS) {
					this.line('gc', gcKind(entry), entry.startTime, entry.startTime + entry.duration);
				}
			}
		}).observe({ entryTypes: ['gc'] });
	}

	/**
	 * The process's CPU time so far (ms): a slice's wall time less the CPU
	 * time spent in it is time the thread waited for a CPU (on a loaded
	 * machine). It counts every thread of the process (V8's helpers, the
	 * index workers while they run), as no finer clock is precise: Linux
	 * updates a thread's own run time (`/proc/thread-self/schedstat`) only at
	 * its scheduler's ticks.
	 */
	cpuMs(): number {
		const usage = process.cpuUsage();
		return (usage.user + usage.system) / 1000;
	}

	/**
	 * A slice of `loop` from `start` to `end` (`performance.now()`), begun when
	 * the process had used `startCpu` ms of CPU (`cpuMs`), its longest step `step`, `stepMs` of CPU time.
	 */
	slice(loop: string, start: number, end: number, startCpu: number, step: string, stepMs: number): void {
		if (end - start >= SLOW_MS) {
			this.line('slice', `${loop}: ${(this.cpuMs() - startCpu).toFixed(1)} ms of CPU; longest step ${step}, ${stepMs.toFixed(1)} ms of CPU`, start, end);
		}
	}

	request(method: string, start: number, end: number): void {
		this.line('request', method, start, end);
	}

	private line(kind: string, what: string, start: number, end: number): void {
		fs.appendFileSync(this.file, `${kind}\t${micros(start)}\t${micros(end)}\t${(end - start).toFixed(1)}\t${what}\n`);
	}
}

function gcKind(entry: PerformanceEntry): string {
	const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
	return kind === 1 ? 'scavenge' : kind === 2 ? 'mark-compact' : kind === 4 ? 'incremental marking' : kind === 8 ? 'weak callbacks' : `kind ${kind}`;
}

const file = process.env[SLICE_TIMINGS_VARIABLE];

/** The timings, when asked for. */
export const sliceTimings: SliceTimings | undefined = file ? new SliceTimings(file) : undefined;
