/**
 * Long loops on the server's thread (indexing, loading and saving the
 * persisted index) run in slices of a few milliseconds of work, yielding to
 * the event loop between them, so a request waits for at most one slice.
 */
export class TimeSlicer {
	private sliceStart = performance.now();

	constructor(private readonly budgetMs = 3) { }

	/** Yields to the event loop when the current slice has used its budget. */
	async pause(): Promise<void> {
		if (performance.now() - this.sliceStart >= this.budgetMs) {
			await new Promise(resolve => setImmediate(resolve));
			this.sliceStart = performance.now();
		}
	}
}
