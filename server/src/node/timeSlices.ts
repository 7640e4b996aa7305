import { sliceTimings } from './sliceTimings';

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
	/** With slice timings (sliceTimings.ts): the process's CPU time when the slice began and when the step under way began, and the slice's longest step so far (CPU time). */
	private sliceCpu = sliceTimings?.cpuMs() ?? 0;
	private stepCpu = this.sliceCpu;
	private longestMs = 0;
	private longestStep = '';

	/** `loop` names the loop in slice timings. */
	constructor(private readonly budgetMs = 3, private readonly loop = 'a loop') { }

	/** Yields to the event loop when the current slice has used its budget; `step` names the step just done in slice timings. */
	async pause(step = 'a step'): Promise<void> {
		const now = performance.now();
		if (sliceTimings !== undefined) {
			const cpu = sliceTimings.cpuMs();
			if (cpu - this.stepCpu > this.longestMs) {
				this.longestMs = cpu - this.stepCpu;
				this.longestStep = step;
			}
			this.stepCpu = cpu;
		}
		if (now - this.sliceStart >= this.budgetMs) {
			sliceTimings?.slice(this.loop, this.sliceStart, now, this.sliceCpu, this.longestStep, this.longestMs);
			await yieldToEventLoop();
			this.restart();
		}
	}

	/** Starts a new slice: the loop has waited, or awaited something (a write) while the event loop ran. */
	restart(): void {
		this.sliceStart = performance.now();
		if (sliceTimings !== undefined) {
			this.sliceCpu = sliceTimings.cpuMs();
			this.stepCpu = this.sliceCpu;
			this.longestMs = 0;
		}
	}
}

/**
 * Work about the open documents that is due or under way (an edit's
 * diagnostics, from the edit until they are published; a request, from its
 * handler's call until its answer is written): background loops
 * (`BackgroundSlicer`: writing the persisted index, building the search
 * tables, checking a warm start against the disk) hold back meanwhile, so
 * they never delay it. A kind of foreground work may have its own tally
 * (`parent`: what is begun on it is begun on the parent too), for a loop
 * that yields to that kind alone.
 */
export class ForegroundWork {
	private active = 0;
	private waiters: (() => void)[] = [];

	constructor(private readonly parent?: ForegroundWork) { }

	/** Marks foreground work under way until the returned function is called (once). */
	begin(): () => void {
		this.active++;
		const endParent = this.parent?.begin();
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
			endParent?.();
		};
	}

	/**
	 * `handler` as foreground work: marked from each call until what it
	 * returns is settled (a promise) or at once (a value, a throw).
	 */
	during<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
		return (...args: A): R => {
			const end = this.begin();
			let result: R;
			try {
				result = handler(...args);
			} catch (error) {
				end();
				throw error;
			}
			if (result instanceof Promise) {
				return result.finally(end) as R;
			}
			end();
			return result;
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

/**
 * The requests about open documents being answered (`featureHandlers.ts`),
 * part of `foregroundWork`: what a loop that is itself foreground for some
 * of its work (the diagnostics publisher, whose open pages are) yields to.
 */
export const requestWork = new ForegroundWork(foregroundWork);

/** A `TimeSlicer` for background work: between slices it also waits until no foreground work (`foregroundWork`) is under way. */
export class BackgroundSlicer extends TimeSlicer {
	constructor(budgetMs = 3, private readonly foreground: ForegroundWork = foregroundWork, private readonly quietMs = BACKGROUND_QUIET_MS, loop?: string) {
		super(budgetMs, loop);
	}

	override async pause(step?: string): Promise<void> {
		await super.pause(step);
		if (!this.foreground.busy) {
			return;
		}
		while (this.foreground.busy) {
			await this.foreground.whenIdle();
			// A quiet moment first: the next edit of a burst usually follows its diagnostics at once.
			await new Promise(resolve => setTimeout(resolve, this.quietMs));
		}
		this.restart();
	}
}
