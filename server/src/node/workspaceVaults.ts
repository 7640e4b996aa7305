import { URI } from 'vscode-uri';
import { PageUris } from './pageUris';
import { folderSettingsFrom, type FolderSettings } from './serverSettings';
import type { VaultWorkspace } from './vaultWorkspace';

/** A page of a vault: the vault, and the page's vault-relative path. */
export interface LocatedPage {
	readonly vault: VaultWorkspace;
	readonly path: string;
}

/**
 * The vaults of the workspace folders and what the server knows about each:
 * its settings, whether the user checked it whole once (Check Vault), and the
 * editor's own URI of each of its open pages. Setting the vaults up is done in
 * steps queued here, so a request can wait until they exist.
 */
export class WorkspaceVaults {
	private readonly vaults: VaultWorkspace[] = [];
	private readonly settingsByVault = new Map<VaultWorkspace, FolderSettings>();
	/** The vaults whose diagnostics the user asked for once (Check Vault). */
	private readonly checkedWhole = new Set<VaultWorkspace>();
	/** The editor's own URI of each open page (its spelling may differ from ours), by vault root, then path (a references answer asks for tens of thousands of pages: no key string made per lookup). */
	private readonly openUris = new Map<string, Map<string, string>>();
	/** The file URIs of each vault's pages. */
	private readonly pageUris = new WeakMap<VaultWorkspace, PageUris>();
	private setupDone: Promise<void> = Promise.resolve();

	/** The vaults, in the order of their workspace folders (the array stays the same object). */
	get all(): readonly VaultWorkspace[] {
		return this.vaults;
	}

	/** Resolves once the vaults of the workspace folders exist (indexing may still run). */
	whenVaultsCreated(): Promise<void> {
		return this.setupDone;
	}

	/** Runs a step of setting the vaults up after the steps queued before it. */
	queueSetup(step: () => Promise<void>): void {
		this.setupDone = this.setupDone.then(step);
	}

	/** Forgets every vault, its settings and whether it was checked whole; returns them to be disposed. */
	removeAll(): VaultWorkspace[] {
		this.settingsByVault.clear();
		this.checkedWhole.clear();
		return this.vaults.splice(0);
	}

	add(vault: VaultWorkspace, settings: FolderSettings): void {
		this.settingsByVault.set(vault, settings);
		this.vaults.push(vault);
	}

	settingsOf(vault: VaultWorkspace): FolderSettings {
		return this.settingsByVault.get(vault) ?? folderSettingsFrom(undefined);
	}

	setSettings(vault: VaultWorkspace, settings: FolderSettings): void {
		this.settingsByVault.set(vault, settings);
	}

	/** The user asked for the whole vault's diagnostics once (Check Vault). */
	markCheckedWhole(vault: VaultWorkspace): void {
		this.checkedWhole.add(vault);
	}

	/** Back to the open pages' diagnostics only (the scope went from `vault` to `openFiles`). */
	unmarkCheckedWhole(vault: VaultWorkspace): void {
		this.checkedWhole.delete(vault);
	}


	/** Whether a page's diagnostics are shown at all: it is open, or the whole vault's are. */
	shouldPublish(vault: VaultWorkspace, path: string): boolean {
		return vault.isOpen(path) || this.settingsOf(vault).scope === 'vault' || this.checkedWhole.has(vault);
	}

	/** The vault and vault-relative path of a document URI, if it is a page of a vault (of the innermost vault, when roots nest). */
	locate(uri: string): LocatedPage | undefined {
		let parsed: URI;
		try {
			parsed = URI.parse(uri);
		} catch {
			return undefined;
		}
		if (parsed.scheme !== 'file') {
			return undefined;
		}
		let best: LocatedPage | undefined;
		for (const vault of this.vaults) {
			const relative = vault.relativePath(parsed.fsPath);
			if (relative !== undefined && (!best || vault.root.length > best.vault.root.length)) {
				best = { vault, path: relative };
			}
		}
		return best;
	}

	/** The URI of a page: the editor's own spelling while it is open, else the file URI of its path. */
	uriOf(vault: VaultWorkspace, path: string): string {
		return this.openUris.get(vault.root)?.get(path) ?? this.fileUris(vault).uriOf(path);
	}

	private fileUris(vault: VaultWorkspace): PageUris {
		let uris = this.pageUris.get(vault);
		if (uris === undefined) {
			uris = new PageUris(vault.root);
			this.pageUris.set(vault, uris);
		}
		return uris;
	}

	/** Remembers the editor's URI of an open page. */
	rememberOpen(page: LocatedPage, uri: string): void {
		let uris = this.openUris.get(page.vault.root);
		if (uris === undefined) {
			uris = new Map();
			this.openUris.set(page.vault.root, uris);
		}
		uris.set(page.path, uri);
	}

	forgetOpen(page: LocatedPage): void {
		const uris = this.openUris.get(page.vault.root);
		uris?.delete(page.path);
		if (uris?.size === 0) {
			this.openUris.delete(page.vault.root);
		}
	}

	forgetAllOpen(): void {
		this.openUris.clear();
	}
}
