import * as fs from 'fs';

/** Summary statistics of measured durations (milliseconds). */
export interface Distribution {
	readonly count: number;
	readonly median: number;
	readonly p99: number;
	readonly max: number;
}

/** Nearest-rank percentile of `values` (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) {
		return NaN;
	}
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function distribution(values: readonly number[]): Distribution {
	return {
		count: values.length,
		median: percentile(values, 50),
		p99: percentile(values, 99),
		max: values.length === 0 ? NaN : Math.max(...values),
	};
}

/** Peak and current resident set size of a live process, from /proc (KiB), or undefined off Linux. */
export function processMemory(pid: number): { peakKiB: number; currentKiB: number } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const peak = /VmHWM:\s+(\d+) kB/.exec(status);
		const current = /VmRSS:\s+(\d+) kB/.exec(status);
		return peak && current ? { peakKiB: Number(peak[1]), currentKiB: Number(current[1]) } : undefined;
	} catch {
		return undefined;
	}
}

/** CPU time (user + system) a live process has used so far (ms, in steps of the kernel's clock tick), from /proc; undefined off Linux. */
export function processCpuMs(pid: number | undefined): number | undefined {
	if (pid === undefined) {
		return undefined;
	}
	try {
		// The fields after the command (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
	} catch {
		return undefined;
	}
}

/** Linux's USER_HZ is 100. */
const CLOCK_TICK_MS = 10;
