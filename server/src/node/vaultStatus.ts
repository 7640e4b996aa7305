import type { IndexProgress, VaultWorkspace } from './vaultWorkspace';
import type { StatusParams } from '../protocol';

/**
 * What `entityVault/status` says: indexing progress while any vault indexes,
 * then the page count (with, after a warm start, the pages being checked
 * against the disk while that runs). Sent only when it changed.
 */
export class VaultStatus {
	/** Indexing progress per vault, while it runs. */
	private readonly indexing = new Map<VaultWorkspace, IndexProgress>();
	/** Vaults whose indexing failed (their folder unreadable): not waited for, so the status still comes to ready. */
	private readonly failed = new WeakSet<VaultWorkspace>();
	private lastSent = '';

	constructor(
		private readonly vaults: { readonly all: readonly VaultWorkspace[] },
		private readonly send: (params: StatusParams) => void,
	) { }

	indexingProgress(vault: VaultWorkspace, progress: IndexProgress): void {
		this.indexing.set(vault, progress);
	}

	indexingDone(vault: VaultWorkspace): void {
		this.indexing.delete(vault);
	}

	indexingFailed(vault: VaultWorkspace): void {
		this.indexing.delete(vault);
		this.failed.add(vault);
	}

	/** Sends the status when the state or the page count changed. */
	update(): void {
		const vaults = this.vaults.all;
		const pages = vaults.reduce((sum, vault) => sum + vault.service.index.pageCount, 0);
		const running = vaults.filter(vault => !vault.isIndexed && !this.failed.has(vault));
		const isVault = vaults.some(vault => vault.service.vaultKind().isVault);
		const verifying = vaults.reduce((sum, vault) => sum + vault.verifyingPages, 0);
		const params: StatusParams = running.length === 0
			? { state: 'ready', indexed: pages, total: pages, pages, isVault, ...(verifying > 0 ? { verifying } : {}) }
			: {
				state: 'indexing',
				indexed: running.reduce((sum, vault) => sum + (this.indexing.get(vault)?.indexed ?? 0), 0),
				total: running.reduce((sum, vault) => sum + (this.indexing.get(vault)?.total ?? 0), 0),
				pages,
				isVault,
			};
		const key = JSON.stringify(params);
		if (key !== this.lastSent) {
			this.lastSent = key;
			this.send(params);
		}
	}
}
