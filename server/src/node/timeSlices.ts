/**
 * Long loops on the server's thread (indexing, loading and saving the
 * persisted index, publishing a whole vault's diagnostics) run in slices of a few milliseconds of work, yielding to
 * the event loop between them, so a request waits for at most one slice.
 */
/** Lets pending I/O (incoming requests) run before the work goes on. */
export function yieldToEventLoop(): Promise<void> {
	return new Promise(resolve => setImmediate(resolve));
}

export class TimeSlicer {
	private sliceStart = performance.now();

	constructor(private readonly budgetMs = 3) { }

	/** Yields to the event loop when the current slice has used its budget. */
	async pause(): Promise<void> {
		if (performance.now() - this.sliceStart >= this.budgetMs) {
			await yieldToEventLoop();
			this.sliceStart = performance.now();
		}
	}
}
