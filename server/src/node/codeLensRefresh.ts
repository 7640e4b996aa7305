import type { VaultWorkspace } from './vaultWorkspace';

/** Quiet time after the last index change before the lenses are looked at again (the diagnostics publisher's rhythm). */
const REFRESH_DEBOUNCE_MS = 150;

/**
 * Asks the client to request the code lenses again (`workspace/codeLens/refresh`)
 * when the backlink count a shown lens says is no longer true. It remembers
 * the count it served for each page; after index changes (debounced) it
 * compares them with the index, which costs one lookup per page shown, and
 * refreshes once when one differs. The lenses of a page the user edits are
 * asked again by the editor itself.
 */
export class CodeLensRefresh {
	private readonly served = new Map<VaultWorkspace, Map<string, number>>();
	private timer: NodeJS.Timeout | undefined;
	private forced = false;

	/** `send` asks the client to refresh; `supported` says whether the client takes that request. */
	constructor(private readonly send: () => void, private readonly supported: () => boolean) { }

	/** A lens was served for `path` saying `count` backlinks. */
	servedCount(vault: VaultWorkspace, path: string, count: number): void {
		let paths = this.served.get(vault);
		if (!paths) {
			paths = new Map();
			this.served.set(vault, paths);
		}
		paths.set(path, count);
	}

	/** The index changed: the shown counts are checked after the debounce. */
	indexChanged(): void {
		if (this.served.size > 0) {
			this.schedule();
		}
	}

	/** Every lens may have changed (a setting did): refresh after the debounce. */
	refreshAll(): void {
		this.forced = true;
		this.schedule();
	}

	dispose(): void {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
	}

	private schedule(): void {
		if (!this.supported()) {
			return;
		}
		if (this.timer) {
			clearTimeout(this.timer);
		}
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.check();
		}, REFRESH_DEBOUNCE_MS);
		this.timer.unref?.();
	}

	private check(): void {
		let stale = this.forced;
		this.forced = false;
		for (const [vault, paths] of this.served) {
			for (const [path, count] of paths) {
				if (!vault.isOpen(path)) {
					paths.delete(path);
				} else if (vault.service.backlinkCount(path) !== count) {
					stale = true;
				}
			}
			if (paths.size === 0) {
				this.served.delete(vault);
			}
		}
		if (stale) {
			this.served.clear();
			this.send();
		}
	}
}
