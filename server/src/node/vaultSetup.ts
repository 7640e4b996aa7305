import type {
	ClientCapabilities,
	Connection,
	InitializeParams,
	WorkspaceFolder,
	WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { startMark } from './startTimeline';
import { URI } from 'vscode-uri';
import type { InitializationOptions } from '../protocol';
import type { AfterIndexChange } from './documentSync';
import { cacheFileFor, defaultCacheDirectory } from './indexCache';
import { IndexWorkerPool } from './indexWorkerPool';
import { nodeFileSystem } from './nodeFileSystem';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { resolveFolderVault, type FolderVault } from './folderVault';
import { folderSettingsFrom, type FolderSettings } from './serverSettings';
import { vaultDeclaration } from './vaultFiles';
import { indexingProgressMessage, vaultConfigProblemLine, vaultIndexedLine, vaultKindLine, vaultOtherContentLine, vaultRootLine, vaultSettingsLine, vaultSiteLine, vaultVerifiedLine, vaultVerifyingLine } from './vaultLog';
import type { VaultStatus } from './vaultStatus';
import { VaultWorkspace } from './vaultWorkspace';
import type { WorkspaceVaults } from './workspaceVaults';

/** What setting the vaults up asks of the diagnostics publisher. */
export interface SetupPublisher {
	schedule(vault: VaultWorkspace, paths: Iterable<string>): void;
	/** `schedule` without restarting a debounce under way (see `DiagnosticsPublisher.republish`). */
	republish(vault: VaultWorkspace, paths: Iterable<string>): void;
	clearVault(vault: VaultWorkspace, keep?: (path: string) => boolean): void;
}

/**
 * Makes a vault of each workspace folder, with the folder's settings, indexes
 * them, and makes them again when the folders or the settings that shape a
 * vault (its root, its excludes) change. Every step is queued on the
 * vaults' setup, so requests wait for the vaults to exist.
 */
export class VaultSetup {
	private workspaceFolders: WorkspaceFolder[] = [];
	private capabilities: ClientCapabilities = {};
	/** Where the persisted index lives: the client's storage folder, a user cache folder, or nowhere. */
	private cacheDirectory: string | undefined;
	/** Whether the client wants headings in the outline (`initializationOptions.headingSymbols`; VS Code outlines them itself). */
	private outlineHeadings = true;
	/** The client shows `entityVault/status` itself (VS Code's status bar): no `$/progress` for indexing then, so one indicator shows. */
	private clientShowsStatus = false;
	/** The client asks the user itself before applying a move's link edit (`initializationOptions.promptsOnMove`, VS Code's does). */
	private clientPromptsOnMove = false;
	/** Settings problems already shown to the user. */
	private readonly reportedProblems = new Set<string>();
	private readonly pool = new IndexWorkerPool();
	/** The vault configuration file of each workspace folder (by folder URI) whose problems were published, and their text. */
	private readonly publishedConfigs = new Map<string, { uri: string; text: string }>();

	constructor(
		private readonly connection: Pick<Connection, 'console' | 'window' | 'workspace' | 'sendDiagnostics'>,
		private readonly vaults: WorkspaceVaults,
		private readonly documents: { all(): TextDocument[] },
		private readonly publisher: SetupPublisher,
		private readonly status: VaultStatus,
		private readonly afterChange: AfterIndexChange,
	) { }

	get clientCapabilities(): ClientCapabilities {
		return this.capabilities;
	}

	get headingSymbols(): boolean {
		return this.outlineHeadings;
	}

	get promptsOnMove(): boolean {
		return this.clientPromptsOnMove;
	}

	get snippetEdits(): boolean {
		return this.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
	}

	get completionEditRangeDefault(): boolean {
		return this.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
	}

	get renameDefaultBehavior(): boolean {
		return this.capabilities.textDocument?.rename?.prepareSupportDefaultBehavior === 1;
	}

	get fileRenames(): boolean {
		const workspaceEdit = this.capabilities.workspace?.workspaceEdit;
		return workspaceEdit?.documentChanges === true && workspaceEdit.resourceOperations?.includes('rename') === true;
	}

	get fileDeletes(): boolean {
		const workspaceEdit = this.capabilities.workspace?.workspaceEdit;
		return workspaceEdit?.documentChanges === true && workspaceEdit.resourceOperations?.includes('delete') === true;
	}

	/** Takes the client's capabilities, its options (the cache folder, whether to outline headings) and its workspace folders. */
	initialize(params: InitializeParams): void {
		this.capabilities = params.capabilities;
		const options = params.initializationOptions as InitializationOptions | undefined;
		this.outlineHeadings = options?.headingSymbols !== false;
		const requested = options?.cacheDirectory;
		this.clientShowsStatus = options?.statusBar === true;
		this.clientPromptsOnMove = options?.promptsOnMove === true;
		this.cacheDirectory = requested === null ? undefined : typeof requested === 'string' && requested !== '' ? requested : defaultCacheDirectory();
		this.workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
	}

	/** Makes the vaults of the workspace folders (once the client is initialized). */
	start(): void {
		this.vaults.queueSetup(() => this.createVaults());
	}

	foldersChanged(event: WorkspaceFoldersChangeEvent): void {
		const removed = new Set(event.removed.map(folder => folder.uri));
		this.workspaceFolders = [...this.workspaceFolders.filter(folder => !removed.has(folder.uri)), ...event.added];
		this.vaults.queueSetup(() => this.createVaults());
	}

	/**
	 * Reads every folder's settings again: new severities, required fields or
	 * scope are applied to the vault as it is; a new root or new excludes make
	 * the vaults again.
	 */
	configurationChanged(): void {
		this.vaults.queueSetup(async () => {
			let rebuild = false;
			for (const vault of this.vaults.all) {
				const folder = this.workspaceFolders.find(candidate => candidate.uri === vault.folderUri);
				if (!folder) {
					continue;
				}
				const fetched = await this.fetchFolderSettings(folder);
				const previous = this.vaults.settingsOf(vault);
				const resolved = resolveFolderVault(vault.folderPath, fetched, nodeFileSystem);
				if (resolved.root !== vault.root || JSON.stringify(resolved.settings.excludes) !== JSON.stringify(previous.excludes)) {
					rebuild = true;
					break;
				}
				const next = this.logFolderVault(folder.uri, resolved, previous);
				this.vaults.setSettings(vault, next);
				vault.service.setSettings(next.vault);
				vault.files.rulesChanged();
				const wasVault = vault.service.vaultKind();
				vault.service.declareVault(declarationOf(vault.folderPath, vault.root, next));
				if (vault.service.vaultKind().reason !== wasVault.reason) {
					this.logVaultKind(vault);
				}
				if (next.scope === 'openFiles' && previous.scope === 'vault') {
					this.vaults.unmarkCheckedWhole(vault);
					this.publisher.clearVault(vault, path => vault.isOpen(path));
				}
				this.publisher.schedule(vault, this.publishedPaths(vault));
			}
			if (rebuild) {
				await this.createVaults();
			}
		});
	}

	/** Writes the persisted indexes and stops the indexing workers. */
	async shutdown(): Promise<void> {
		await Promise.all(this.vaults.all.map(vault => vault.flushCache()));
		this.pool.dispose();
	}

	private async fetchFolderSettings(folder: WorkspaceFolder): Promise<FolderSettings> {
		if (!this.capabilities.workspace?.configuration) {
			return folderSettingsFrom(undefined);
		}
		try {
			const [section] = await this.connection.workspace.getConfiguration([{ scopeUri: folder.uri, section: 'entityVault' }]) as unknown[];
			const settings = folderSettingsFrom(section);
			for (const problem of settings.problems) {
				if (!this.reportedProblems.has(problem)) {
					this.reportedProblems.add(problem);
					void this.connection.window.showWarningMessage(`Entity Vault settings: ${problem}. The default is used instead.`);
				}
			}
			return settings;
		} catch (error) {
			this.connection.console.warn(`Could not read the entityVault settings: ${(error as Error).message}`);
			return folderSettingsFrom(undefined);
		}
	}

	/**
	 * Logs the site rules when they are new or changed, and publishes the vault
	 * configuration file's problems on the file itself (none: its diagnostics
	 * cleared); returns the folder's settings.
	 */
	private logFolderVault(folderUri: string, resolved: FolderVault, previous: FolderSettings | undefined): FolderSettings {
		const { settings, configuration } = resolved;
		if (previous === undefined || JSON.stringify(previous.vault.site) !== JSON.stringify(settings.vault.site)) {
			this.connection.console.info(vaultSiteLine(resolved.root, settings.vault.site, resolved.siteFiles, resolved.siteProblems));
		}
		const uri = configuration.configFile === undefined ? undefined : URI.file(configuration.configFile).toString();
		const diagnostics = configuration.problems.map(problem => ({
			range: problem.range,
			severity: DiagnosticSeverity.Error,
			source: 'Entity Vault',
			message: problem.key === '' ? problem.message : `${problem.key}: ${problem.message}`,
		}));
		const text = JSON.stringify(diagnostics);
		const published = this.publishedConfigs.get(folderUri);
		if (published !== undefined && published.uri !== uri) {
			void this.connection.sendDiagnostics({ uri: published.uri, diagnostics: [] });
			this.publishedConfigs.delete(folderUri);
		}
		if (uri !== undefined && (published?.uri !== uri || published.text !== text)) {
			for (const problem of configuration.problems) {
				this.connection.console.warn(vaultConfigProblemLine(problem));
			}
			void this.connection.sendDiagnostics({ uri, diagnostics });
			this.publishedConfigs.set(folderUri, { uri, text });
		}
		return settings;
	}

	private async createVaults(): Promise<void> {
		for (const vault of this.vaults.removeAll()) {
			vault.dispose();
			this.publisher.clearVault(vault);
		}
		for (const folder of this.workspaceFolders) {
			const folderPath = URI.parse(folder.uri).fsPath;
			const fetched = await this.fetchFolderSettings(folder);
			const resolved = resolveFolderVault(folderPath, fetched, nodeFileSystem);
			const { root } = resolved;
			this.connection.console.info(vaultRootLine(folderPath, root, resolved.chosenBy, fetched.root, resolved.siteFiles));
			const settings = this.logFolderVault(folder.uri, resolved, undefined);
			this.connection.console.info(vaultSettingsLine(root, settings));
			const vault = new VaultWorkspace(folder.uri, folderPath, root, {
				settings: settings.vault,
				declaredVault: declarationOf(folderPath, root, settings),
				excludes: settings.excludes,
				pool: this.pool,
				cacheFile: this.cacheDirectory === undefined ? undefined : cacheFileFor(this.cacheDirectory, root),
			});
			this.vaults.add(vault, settings);
		}
		this.vaults.forgetAllOpen();
		for (const document of this.documents.all()) {
			const located = this.vaults.locate(document.uri);
			if (located) {
				this.vaults.rememberOpen(located, document.uri);
				this.afterChange(located.vault, located.path, located.vault.openDocument(located.path, document.getText()));
			}
		}
		this.status.update();
		void this.indexAll(this.vaults.all.slice());
	}

	private async indexAll(created: VaultWorkspace[]): Promise<void> {
		for (const vault of created) {
			try {
				await this.indexVault(vault);
			} catch (error) {
				// A folder that cannot be read (gone, not a folder, no permission): said once, and the status still comes to ready.
				this.connection.console.error(`Indexing ${vault.root} failed: ${(error as Error)?.stack ?? error}`);
				void this.connection.window.showWarningMessage(`Entity Vault could not index ${vault.root}: ${(error as Error)?.message ?? error}`);
				this.status.indexingFailed(vault);
				this.status.update();
			}
		}
	}

	/** Says in the log whether the folder is a vault, and why. */
	private logVaultKind(vault: VaultWorkspace): void {
		this.connection.console.info(vaultKindLine(vault.root, vault.service.vaultKind()));
	}

	/** The pages whose diagnostics are shown: the open ones, or every page with the `vault` scope or after Check Vault. */
	private publishedPaths(vault: VaultWorkspace): string[] {
		return vault.allPaths().filter(path => this.vaults.shouldPublish(vault, path));
	}

	private async indexVault(vault: VaultWorkspace): Promise<void> {
		const started = Date.now();
		const progress = this.capabilities.window?.workDoneProgress && !this.clientShowsStatus ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
		progress?.begin('Entity Vault: indexing', 0, vault.root, false);
		let lastPercent = -1;
		await vault.index(({ indexed, total }) => {
			this.status.indexingProgress(vault, { indexed, total });
			const percent = total === 0 ? 100 : Math.floor((indexed / total) * 100);
			if (percent !== lastPercent) {
				lastPercent = percent;
				progress?.report(percent, indexingProgressMessage(indexed, total));
				this.status.update();
			}
		}, {
			// A warm start's pages checked against the disk, after ready: each patch is published as any change.
			patched: (path, change) => this.afterChange(vault, path, change),
			done: counts => {
				this.connection.console.info(vaultVerifiedLine(vault.root, counts));
				this.status.update();
			},
		}).catch((error: unknown) => {
			progress?.done();
			throw error;
		});
		this.status.indexingDone(vault);
		startMark('indexed (ready)');
		progress?.done();
		if (vault.indexingCounts) {
			this.connection.console.info(vaultIndexedLine(vault.root, vault.indexingCounts, Date.now() - started, this.cacheDirectory !== undefined));
		}
		if (vault.verifyingPages > 0) {
			this.connection.console.info(vaultVerifyingLine(vault.root, vault.verifyingPages));
		}
		this.logVaultKind(vault);
		this.status.update();
		startMark('status sent');
		// After a warm start, the vault's files (not pages) are known once listed: the diagnostics wait for them.
		await vault.whenListed();
		const otherPages = vaultOtherContentLine(vault.root, vault.files.otherContentPages());
		if (otherPages !== undefined) {
			this.connection.console.info(otherPages);
		}
		this.publisher.schedule(vault, this.publishedPaths(vault));
		// The search tables, built now in the background rather than by the first request that needs one.
		void vault.buildSearchTables(paths => this.publisher.republish(vault, paths.filter(path => this.vaults.shouldPublish(vault, path))));
	}
}

/** Why a workspace folder is a vault whatever its pages hold: the root setting, or the marker file. */
function declarationOf(folderPath: string, root: string, settings: FolderSettings): string | undefined {
	return vaultDeclaration(folderPath, root, settings.root.trim() === '' ? undefined : 'the entityVault.root setting');
}
