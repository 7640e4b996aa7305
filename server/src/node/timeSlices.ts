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

/**
 * Work about the open documents that is due or under way (an edit's
 * diagnostics, from the edit until they are published): background loops
 * (`BackgroundSlicer`: writing the persisted index, building the search
 * tables) hold back meanwhile, so they never delay it.
 */
export class ForegroundWork {
	private active = 0;
	private waiters: (() => void)[] = [];

	/** Marks foreground work under way until the returned function is called (once). */
	begin(): () => void {
		this.active++;
		let ended = false;
		return () => {
			if (ended) {
				return;
			}
			ended = true;
			if (--this.active === 0) {
				const waiters = this.waiters;
				this.waiters = [];
				waiters.forEach(wake => wake());
			}
		};
	}

	get busy(): boolean {
		return this.active > 0;
	}

	/** Resolves when no foreground work is under way (at once when none is). */
	whenIdle(): Promise<void> {
		return this.active === 0 ? Promise.resolve() : new Promise(resolve => this.waiters.push(resolve));
	}
}

/** How long background work stays held after foreground work ends, in case more follows at once. */
const BACKGROUND_QUIET_MS = 50;

/** The server's foreground work, which every background loop of the process defers to. */
export const foregroundWork = new ForegroundWork();

/** A `TimeSlicer` for background work: between slices it also waits until no foreground work (`foregroundWork`) is under way. */
export class BackgroundSlicer extends TimeSlicer {
	constructor(budgetMs = 3, private readonly foreground: ForegroundWork = foregroundWork, private readonly quietMs = BACKGROUND_QUIET_MS) {
		super(budgetMs);
	}

	override async pause(): Promise<void> {
		await super.pause();
		while (this.foreground.busy) {
			await this.foreground.whenIdle();
			// A quiet moment first: the next edit of a burst usually follows its diagnostics at once.
			await new Promise(resolve => setTimeout(resolve, this.quietMs));
		}
	}
}
