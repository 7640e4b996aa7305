import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { VaultWorkspace } from './vaultWorkspace';
import { BackgroundSlicer, foregroundWork, requestWork, type ForegroundWork, type TimeSlicer } from './timeSlices';

/** Quiet time after the last edit before diagnostics are computed. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;

export interface PublisherOptions {
	/** Whether a page's diagnostics are shown at all (open, or vault-wide scope). */
	shouldPublish(vault: VaultWorkspace, path: string): boolean;
	uriOf(vault: VaultWorkspace, path: string): string;
	versionOf(uri: string): number | undefined;
}

/**
 * Publishes diagnostics, debounced: every edit restarts the wait, so results
 * for a text that is already stale are never computed; pages are computed
 * in slices so a whole vault's diagnostics never block requests, and between
 * two slices they wait while a request about an open page is answered
 * (`requestWork`).
 */
export class DiagnosticsPublisher {
	private readonly pending = new Map<VaultWorkspace, Set<string>>();
	/** The open pages among those pending: published first, as foreground work (background loops wait for them). */
	private readonly pendingOpen = new Map<VaultWorkspace, Set<string>>();
	/** Ends the foreground work that the pending open pages are (see `ForegroundWork`). */
	private endForeground: (() => void) | undefined;
	private timer: NodeJS.Timeout | undefined;
	private flushing = false;
	/** URIs that currently show a non-empty list (an open page's empty list is published too, but not kept here). */
	private readonly published = new Map<string, VaultWorkspace>();
	/** Holds on the debounced publishing (a move under way, see `hold`). */
	private readonly holds = new Set<object>();

	constructor(
		private readonly connection: Connection,
		private readonly options: PublisherOptions,
		private readonly foreground: ForegroundWork = foregroundWork,
		/** The requests being answered, which every slice waits for (not for the foreground work that the open pages pending are: it publishes them itself). */
		private readonly requests: ForegroundWork = requestWork,
	) { }

	schedule(vault: VaultWorkspace, paths: Iterable<string>): void {
		if (this.add(vault, paths)) {
			this.debounce();
		}
	}

	/**
	 * Publishes pages again (their diagnostics gained what a table built in
	 * the background gives) with the next debounced publish: unlike
	 * `schedule`, it does not restart a wait under way, so an edit's
	 * diagnostics come no later for it.
	 */
	republish(vault: VaultWorkspace, paths: Iterable<string>): void {
		if (this.add(vault, paths) && this.timer === undefined) {
			this.debounce();
		}
	}

	/** Adds pages to those pending (the open ones apart, as foreground work); false when there were none. */
	private add(vault: VaultWorkspace, paths: Iterable<string>): boolean {
		let set: Set<string> | undefined;
		let open: Set<string> | undefined;
		for (const path of paths) {
			if (vault.isOpen(path)) {
				open ??= setOf(this.pendingOpen, vault);
				open.add(path);
			} else {
				set ??= setOf(this.pending, vault);
				set.add(path);
			}
		}
		if (open !== undefined) {
			this.endForeground ??= this.foreground.begin();
		}
		return set !== undefined || open !== undefined;
	}

	private debounce(): void {
		if (this.timer) {
			clearTimeout(this.timer);
		}
		this.timer = setTimeout(() => {
			this.timer = undefined;
			// A hold keeps what is scheduled; its release starts the wait again.
			if (this.holds.size === 0) {
				void this.flush();
			}
		}, DIAGNOSTICS_DEBOUNCE_MS);
	}

	/**
	 * Holds the debounced publishing until the returned function is called, or
	 * `timeoutMs` has passed: between the link edit of a file move and the
	 * move itself, the rewritten links name pages that are not at their new
	 * paths yet, and publishing then would show a wave of broken links that the
	 * move clears a moment later. What is scheduled meanwhile is published once
	 * every hold is released. `flush` (Check Vault) does not wait.
	 */
	hold(timeoutMs: number): () => void {
		const hold = {};
		this.holds.add(hold);
		const release = (): void => {
			clearTimeout(timer);
			if (this.holds.delete(hold) && this.holds.size === 0 && (this.pending.size > 0 || this.pendingOpen.size > 0)) {
				this.debounce();
			}
		};
		const timer = setTimeout(release, timeoutMs);
		timer.unref();
		return release;
	}

	/** Computes and sends everything pending now (used by Check Vault and after debouncing). */
	async flush(): Promise<void> {
		if (this.flushing) {
			return;
		}
		this.flushing = true;
		try {
			// No quiet time after a request: an open page's diagnostics are foreground work too.
			const slicer = new BackgroundSlicer(undefined, this.requests, 0, 'diagnostics publishing');
			await this.publishOpen(slicer);
			while (this.pending.size > 0) {
				const [vault, paths] = this.pending.entries().next().value as [VaultWorkspace, Set<string>];
				this.pending.delete(vault);
				for (const path of paths) {
					// An open page edited meanwhile goes before the rest, once its debounce has passed.
					if (this.pendingOpen.size > 0 && this.timer === undefined && this.holds.size === 0) {
						await this.publishOpen(slicer);
					}
					this.publishNow(vault, path);
					await slicer.pause();
				}
			}
			await this.publishOpen(slicer);
		} finally {
			this.flushing = false;
		}
	}

	/** Publishes the pending open pages, then ends the foreground work they were. */
	private async publishOpen(slicer: TimeSlicer): Promise<void> {
		while (this.pendingOpen.size > 0) {
			const [vault, paths] = this.pendingOpen.entries().next().value as [VaultWorkspace, Set<string>];
			this.pendingOpen.delete(vault);
			for (const path of paths) {
				this.publishNow(vault, path);
				await slicer.pause();
			}
		}
		this.endForeground?.();
		this.endForeground = undefined;
	}

	private publishNow(vault: VaultWorkspace, path: string): void {
		const uri = this.options.uriOf(vault, path);
		if (!this.options.shouldPublish(vault, path)) {
			return;
		}
		// Related information names other pages by vault-relative path.
		const diagnostics = vault.diagnostics(path).map(diagnostic => (diagnostic.relatedInformation === undefined ? diagnostic : {
			...diagnostic,
			relatedInformation: diagnostic.relatedInformation.map(related => ({ ...related, location: { ...related.location, uri: this.options.uriOf(vault, related.location.uri) } })),
		}));
		// An open page gets every result, the empty list too: an editor that shows "checking…"
		// until the first publish learns that the page is clean. A page that is not open gets
		// an empty list only to clear the problems it showed.
		if (diagnostics.length === 0 && !this.published.has(uri) && !vault.isOpen(path)) {
			return;
		}
		if (diagnostics.length > 0) {
			this.published.set(uri, vault);
		} else {
			this.published.delete(uri);
		}
		void this.connection.sendDiagnostics({ uri, version: this.options.versionOf(uri), diagnostics });
	}

	clear(uri: string): void {
		if (this.published.delete(uri)) {
			void this.connection.sendDiagnostics({ uri, diagnostics: [] });
		}
	}

	/** Clears what a vault published (optionally keeping the pages `keep` says). */
	clearVault(vault: VaultWorkspace, keep?: (path: string) => boolean): void {
		this.pending.delete(vault);
		this.pendingOpen.delete(vault);
		if (this.pendingOpen.size === 0) {
			this.endForeground?.();
			this.endForeground = undefined;
		}
		for (const [uri, owner] of [...this.published]) {
			if (owner !== vault) {
				continue;
			}
			const located = vault.relativePath(URI.parse(uri).fsPath);
			if (keep && located !== undefined && keep(located)) {
				continue;
			}
			this.clear(uri);
		}
	}
}

function setOf(sets: Map<VaultWorkspace, Set<string>>, vault: VaultWorkspace): Set<string> {
	let set = sets.get(vault);
	if (!set) {
		set = new Set();
		sets.set(vault, set);
	}
	return set;
}
