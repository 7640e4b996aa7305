/**
 * Decides whether a crashed language server is restarted: at most `maxRestarts` crashes within
 * `windowMs` are restarted; one more within the window and the server stays down, so a server that
 * crashes at start does not loop forever. Pure: the caller passes the clock.
 */
export class RestartPolicy {
	private readonly crashes: number[] = [];

	constructor(
		readonly maxRestarts = 4,
		readonly windowMs = 3 * 60 * 1000,
	) {}

	/** Records a crash at `now`; true when the server should be restarted. */
	shouldRestartAfterCrash(now: number): boolean {
		this.crashes.push(now);
		while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) {
			this.crashes.shift();
		}
		return this.crashes.length <= this.maxRestarts;
	}

	/** Crashes within the current window. */
	get recentCrashes(): number {
		return this.crashes.length;
	}

	/** Forgets past crashes (after the user restarted the server by hand). */
	reset(): void {
		this.crashes.length = 0;
	}
}
