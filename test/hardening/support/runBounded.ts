import * as path from 'path';
import { Worker } from 'worker_threads';
import type { BoundedCase, BoundedOutcome } from './boundedWorker';

/**
 * Runs one hostile case in a worker thread and stops it at `deadlineMs`:
 * a case that does not terminate is reported as timed out instead of
 * hanging the suite. An abort of the worker (out of memory) is reported too.
 */
export function runBounded(testCase: BoundedCase, deadlineMs: number, resourceLimits = { maxOldGenerationSizeMb: 1024 }): Promise<{ outcome?: BoundedOutcome; timedOut: boolean; aborted?: string; wallMs: number }> {
	const started = Date.now();
	return new Promise(resolve => {
		const worker = new Worker(path.join(__dirname, 'boundedWorker.js'), { workerData: testCase, resourceLimits });
		let settled = false;
		const finish = (result: { outcome?: BoundedOutcome; timedOut: boolean; aborted?: string }): void => {
			if (!settled) {
				settled = true;
				clearTimeout(timer);
				void worker.terminate();
				resolve({ ...result, wallMs: Date.now() - started });
			}
		};
		const timer = setTimeout(() => finish({ timedOut: true }), deadlineMs);
		worker.on('message', (outcome: BoundedOutcome) => finish({ outcome, timedOut: false }));
		worker.on('error', error => finish({ timedOut: false, aborted: String(error) }));
		worker.on('exit', code => finish({ timedOut: false, aborted: `worker exited with code ${code}` }));
	});
}
