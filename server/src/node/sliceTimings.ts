import * as fs from 'fs';
import { PerformanceObserver, type PerformanceEntry } from 'perf_hooks';

/**
 * With `ENTITY_VAULT_SLICE_TIMINGS=FILE`, the server appends to FILE a line
 * for each time slice of a loop that ran over `SLOW_MS` (its loop, the CPU
 * time the thread had in it, and the longest step in it with that step's
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
	/** `/proc/thread-self/schedstat` of the server's thread, open (Linux): its first number is the thread's time on a CPU in nanoseconds. */
	private readonly schedstat = openQuietly('/proc/thread-self/schedstat');
	private readonly buffer = Buffer.alloc(64);

	constructor(private readonly file: string) {
		new PerformanceObserver(list => {
			for (const entry of list.getEntries()) {
				if (entry.duration >= SLOW_MS) {
					this.line('gc', gcKind(entry), entry.startTime, entry.startTime + entry.duration);
				}
			}
		}).observe({ entryTypes: ['gc'] });
	}

	/** The CPU time of this thread so far (ms; 0 where it cannot be read): a slice's wall time less it is time the thread waited for a CPU. */
	threadCpuMs(): number {
		if (this.schedstat === undefined) {
			return 0;
		}
		const length = fs.readSync(this.schedstat, this.buffer, 0, this.buffer.length, 0);
		return Number(this.buffer.toString('latin1', 0, length).split(' ')[0]) / 1e6;
	}

	/**
	 * A slice of `loop` from `start` to `end` (`performance.now()`), begun when
	 * the thread had used `startCpu` ms of CPU, its longest step `step`, `stepMs` long (wall time).
	 */
	slice(loop: string, start: number, end: number, startCpu: number, step: string, stepMs: number): void {
		if (end - start >= SLOW_MS) {
			this.line('slice', `${loop}: ${(this.threadCpuMs() - startCpu).toFixed(1)} ms of CPU; longest step ${step} ${stepMs.toFixed(1)} ms`, start, end);
		}
	}

	request(method: string, start: number, end: number): void {
		this.line('request', method, start, end);
	}

	private line(kind: string, what: string, start: number, end: number): void {
		fs.appendFileSync(this.file, `${kind}\t${micros(start)}\t${micros(end)}\t${(end - start).toFixed(1)}\t${what}\n`);
	}
}

function openQuietly(file: string): number | undefined {
	try {
		return fs.openSync(file, 'r');
	} catch {
		return undefined;
	}
}

function gcKind(entry: PerformanceEntry): string {
	const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
	return kind === 1 ? 'scavenge' : kind === 2 ? 'mark-compact' : kind === 4 ? 'incremental marking' : kind === 8 ? 'weak callbacks' : `kind ${kind}`;
}

const file = process.env[SLICE_TIMINGS_VARIABLE];

/** The timings, when asked for. */
export const sliceTimings: SliceTimings | undefined = file ? new SliceTimings(file) : undefined;
