/** A job posted to a worker thread, waiting for its answer. */
export interface PendingJob<T> {
	readonly resolve: (result: T) => void;
	readonly reject: (error: Error) => void;
}

/** A worker pool failed: every job waiting for an answer fails with `error`, and none is left waiting. */
export function rejectPending<T>(pending: Map<number, PendingJob<T>>, error: Error): void {
	for (const job of pending.values()) {
		job.reject(error);
	}
	pending.clear();
}
