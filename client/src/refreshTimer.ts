/** Runs `refresh` once after the last of a burst of requests for it (a view asked again as pages change). */
export class RefreshTimer {
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly refresh: () => Promise<void>) { }

	/** Runs the refresh after `delay` ms, unless asked again before (then after the new delay). */
	schedule(delay: number): void {
		this.dispose();
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.refresh();
		}, delay);
	}

	dispose(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
	}
}
