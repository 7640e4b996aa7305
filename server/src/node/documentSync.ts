import { FileChangeType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'path';
import { URI } from 'vscode-uri';
import { VAULT_MARKER_FILE } from './vaultFiles';
import { isSiteConfigurationFile } from './site/siteConfiguration';
import type { IndexChange } from '../service/vault/vaultIndex';
import type { VaultWorkspace } from './vaultWorkspace';

/** Routes an index change to the diagnostics of the page (if any) and of the pages it affects. */
export type AfterIndexChange = (vault: VaultWorkspace, path: string | undefined, change: IndexChange | undefined) => void;

/** What following the editor and the disk asks of the workspace's vaults. */
export interface SyncVaults {
	readonly all: readonly VaultWorkspace[];
	locate(uri: string): { readonly vault: VaultWorkspace; readonly path: string } | undefined;
	uriOf(vault: VaultWorkspace, path: string): string;
	rememberOpen(page: { readonly vault: VaultWorkspace; readonly path: string }, uri: string): void;
	forgetOpen(page: { readonly vault: VaultWorkspace; readonly path: string }): void;
	shouldPublish(vault: VaultWorkspace, path: string): boolean;
}

/** What following the editor and the disk asks of the diagnostics publisher. */
export interface SyncPublisher {
	schedule(vault: VaultWorkspace, paths: Iterable<string>): void;
	clear(uri: string): void;
}

/**
 * An `AfterIndexChange` that schedules the diagnostics (every page's when the
 * folder became a vault or stopped being one) and updates the status when the
 * page count changed.
 */
export function afterIndexChange(publisher: SyncPublisher, status: { update(): void }): AfterIndexChange {
	return (vault, path, change) => {
		if (path !== undefined) {
			publisher.schedule(vault, [path]);
		}
		if (change) {
			publisher.schedule(vault, change.vaultKindChanged ? vault.allPaths() : change.affected);
			if (change.namesChanged || change.assetsChanged) {
				// A page's names changed, or files were added or removed: the unlinked mentions or broken assets of the open pages may have.
				publisher.schedule(vault, vault.openPagePaths());
			}
			if (change.pagesChanged || change.vaultKindChanged) {
				status.update();
			}
		}
	};
}

/**
 * Follows the open documents (their text overrides the disk) and the files
 * that change on disk, into the vaults' indexes.
 */
export function registerDocumentSync(
	connection: Connection,
	documents: TextDocuments<TextDocument>,
	vaults: SyncVaults,
	publisher: SyncPublisher,
	afterChange: AfterIndexChange,
	/** A vault marker file (`VAULT_MARKER_FILE`) or a site configuration file was created, changed or deleted. */
	markerChanged: () => void,
): void {
	documents.onDidChangeContent(event => {
		const located = vaults.locate(event.document.uri);
		if (!located) {
			return;
		}
		vaults.rememberOpen(located, event.document.uri);
		const change = located.vault.openDocument(located.path, event.document.getText());
		const page = located.vault.service.getPage(located.path);
		if (page) {
			located.vault.ensureLinkTargets(page);
		}
		afterChange(located.vault, located.path, change);
	});

	documents.onDidClose(event => {
		const located = vaults.locate(event.document.uri);
		if (!located) {
			return;
		}
		vaults.forgetOpen(located);
		const change = located.vault.closeDocument(located.path);
		if (!vaults.shouldPublish(located.vault, located.path)) {
			publisher.clear(event.document.uri);
		}
		afterChange(located.vault, located.path, change);
	});

	connection.onDidChangeWatchedFiles(params => {
		let markerSeen = false;
		for (const change of params.changes) {
			let fsPath: string;
			try {
				fsPath = URI.parse(change.uri).fsPath;
			} catch {
				continue;
			}
			if (basename(fsPath) === VAULT_MARKER_FILE || isSiteConfigurationFile(fsPath)) {
				markerSeen = true;
				continue;
			}
			for (const vault of vaults.all) {
				const relative = vault.relativePath(fsPath);
				if (relative === undefined) {
					// Not a page: an asset, or a page the site publishes from HTML, AsciiDoc…
					const files = vault.files.event(fsPath, change.type === FileChangeType.Deleted ? 'deleted' : change.type === FileChangeType.Created ? 'created' : 'changed');
					if (files) {
						afterChange(vault, undefined, files);
					}
					if (change.type === FileChangeType.Deleted) {
						// A deleted folder: every page under it is gone.
						removeFolder(vault, fsPath);
					}
					continue;
				}
				const indexChange = change.type === FileChangeType.Deleted ? vault.diskDeleted(relative) : vault.diskChanged(relative);
				if (indexChange) {
					afterChange(vault, change.type === FileChangeType.Deleted ? undefined : relative, indexChange);
					if (change.type === FileChangeType.Deleted) {
						publisher.clear(vaults.uriOf(vault, relative));
					}
				}
			}
		}
		if (markerSeen) {
			markerChanged();
		}
	});

	function removeFolder(vault: VaultWorkspace, fsPath: string): void {
		for (const { path, change } of vault.diskFolderDeleted(fsPath)) {
			publisher.clear(vaults.uriOf(vault, path));
			afterChange(vault, undefined, change);
		}
	}
}
