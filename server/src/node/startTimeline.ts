/**
 * With `ENTITY_VAULT_START_TIMINGS=1`, the server writes a line to stderr
 * at each step of its start (modules loaded, initialize, the persisted
 * index read, checked, restored, ready): the wall time since the process
 * started (`performance.now()`), the CPU time of the process so far and
 * the heap, so the path to ready can be timed from outside.
 */
export const START_TIMINGS_VARIABLE = 'ENTITY_VAULT_START_TIMINGS';

const enabled = process.env[START_TIMINGS_VARIABLE] === '1';

/** Notes a step of the start (nothing unless timings were asked for). */
export function startMark(step: string): void {
	if (!enabled) {
		return;
	}
	const cpu = process.cpuUsage();
	const memory = process.memoryUsage();
	const mib = (bytes: number): string => (bytes / 1048576).toFixed(0);
	process.stderr.write(`[start] ${performance.now().toFixed(1)} ms (epoch ${Date.now()}) ${step}: cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, rss ${mib(memory.rss)} MiB, heap ${mib(memory.heapUsed)} MiB, external ${mib(memory.external)} MiB (array buffers ${mib(memory.arrayBuffers)})\n`);
}
