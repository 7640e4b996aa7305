import {
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	FileChangeType,
	TextDocuments,
	TextDocumentSyncKind,
	type ClientCapabilities,
	type Connection,
	type InitializeParams,
	type InitializeResult,
	type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { folderSettingsFrom, type FolderSettings } from './serverSettings';
import { findVaultRoot } from './vaultFiles';
import { VaultWorkspace } from './vaultWorkspace';
import { IndexWorkerPool } from './indexWorkerPool';
import { cacheFileFor, defaultCacheDirectory } from './indexCache';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { IndexChange } from '../service/vault/vaultIndex';
import { registerFeatureHandlers } from './featureHandlers';
import { registerVaultRequests } from './vaultRequests';
import { StatusNotification } from './vaultMessages';

export interface ServerState {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly vaults: VaultWorkspace[];
	readonly publisher: DiagnosticsPublisher;
	settingsOf(vault: VaultWorkspace): FolderSettings;
	/** The vault and vault-relative path of a document URI, if it is a page of a vault. */
	locate(uri: string): { vault: VaultWorkspace; path: string } | undefined;
	uriOf(vault: VaultWorkspace, path: string): string;
	/** Sends `entityVault/status` when the state or the page count changed. */
	sendStatus(): void;
	/** Set when the user asked for the whole vault's diagnostics once (Check Vault). */
	readonly vaultWideChecked: Set<VaultWorkspace>;
	/** Resolves once the vaults of the workspace folders exist (indexing may still run). */
	whenVaultsCreated(): Promise<void>;
}

/** Wires the vault service to an LSP connection. */
export function startLanguageServer(connection: Connection): { shutdownRequested(): boolean } {
	let shutdownRequested = false;
	const documents = new TextDocuments(TextDocument);
	const vaults: VaultWorkspace[] = [];
	const settingsByVault = new Map<VaultWorkspace, FolderSettings>();
	const vaultWideChecked = new Set<VaultWorkspace>();
	let workspaceFolders: WorkspaceFolder[] = [];
	let capabilities: ClientCapabilities = {};
	let setupDone: Promise<void> = Promise.resolve();
	const reportedProblems = new Set<string>();
	const pool = new IndexWorkerPool();
	/** Where the persisted index lives: the client's storage folder, a user cache folder, or nowhere (`null`). */
	let cacheDirectory: string | undefined;

	/** The editor's own URI of each open page (its spelling may differ from ours), by vault root and path. */
	const openUris = new Map<string, string>();
	const openKey = (vault: VaultWorkspace, relative: string): string => `${vault.root}\0${relative}`;
	const uriOf = (vault: VaultWorkspace, relative: string): string =>
		openUris.get(openKey(vault, relative)) ?? URI.file(vault.absolutePath(relative)).toString();

	function locate(uri: string): { vault: VaultWorkspace; path: string } | undefined {
		let parsed: URI;
		try {
			parsed = URI.parse(uri);
		} catch {
			return undefined;
		}
		if (parsed.scheme !== 'file') {
			return undefined;
		}
		let best: { vault: VaultWorkspace; path: string } | undefined;
		for (const vault of vaults) {
			const relative = vault.relativePath(parsed.fsPath);
			if (relative !== undefined && (!best || vault.root.length > best.vault.root.length)) {
				best = { vault, path: relative };
			}
		}
		return best;
	}

	const publisher = new DiagnosticsPublisher(connection, {
		shouldPublish: (vault, path) => vault.isOpen(path) || settingsOf(vault).scope === 'vault' || vaultWideChecked.has(vault),
		uriOf,
		versionOf: uri => documents.get(uri)?.version,
	});

	function settingsOf(vault: VaultWorkspace): FolderSettings {
		return settingsByVault.get(vault) ?? folderSettingsFrom(undefined);
	}

	const state: ServerState = {
		connection,
		documents,
		vaults,
		publisher,
		settingsOf,
		locate,
		uriOf,
		sendStatus,
		vaultWideChecked,
		whenVaultsCreated: () => setupDone,
	};

	let lastStatus = '';
	/** Indexing progress per vault, while it runs. */
	const indexing = new Map<VaultWorkspace, { indexed: number; total: number }>();
	function sendStatus(): void {
		const pages = vaults.reduce((sum, vault) => sum + vault.service.index.size, 0);
		const running = vaults.filter(vault => !vault.isIndexed);
		const params = running.length === 0
			? { state: 'ready' as const, indexed: pages, total: pages, pages }
			: {
				state: 'indexing' as const,
				indexed: running.reduce((sum, vault) => sum + (indexing.get(vault)?.indexed ?? 0), 0),
				total: running.reduce((sum, vault) => sum + (indexing.get(vault)?.total ?? 0), 0),
				pages,
			};
		const key = JSON.stringify(params);
		if (key !== lastStatus) {
			lastStatus = key;
			void connection.sendNotification(StatusNotification, params);
		}
	}

	async function fetchFolderSettings(folder: WorkspaceFolder): Promise<FolderSettings> {
		if (!capabilities.workspace?.configuration) {
			return folderSettingsFrom(undefined);
		}
		try {
			const [section] = await connection.workspace.getConfiguration([{ scopeUri: folder.uri, section: 'entityVault' }]) as unknown[];
			const settings = folderSettingsFrom(section);
			for (const problem of settings.problems) {
				if (!reportedProblems.has(problem)) {
					reportedProblems.add(problem);
					void connection.window.showWarningMessage(`Entity Vault settings: ${problem}. The default is used instead.`);
				}
			}
			return settings;
		} catch (error) {
			connection.console.warn(`Could not read the entityVault settings: ${(error as Error).message}`);
			return folderSettingsFrom(undefined);
		}
	}

	/** Routes an index change to the diagnostics of the page and of the pages it affects. */
	function afterChange(vault: VaultWorkspace, path: string | undefined, change: IndexChange | undefined): void {
		if (path !== undefined) {
			publisher.schedule(vault, [path]);
		}
		if (change) {
			publisher.schedule(vault, change.affected);
			if (change.pagesChanged) {
				sendStatus();
			}
		}
	}

	async function indexVault(vault: VaultWorkspace): Promise<void> {
		const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
		progress?.begin('Entity Vault: indexing', 0, vault.root, false);
		let lastPercent = -1;
		await vault.index(({ indexed, total }) => {
			indexing.set(vault, { indexed, total });
			const percent = total === 0 ? 100 : Math.floor((indexed / total) * 100);
			if (percent !== lastPercent) {
				lastPercent = percent;
				progress?.report(percent, `${indexed}/${total} pages`);
				sendStatus();
			}
		});
		indexing.delete(vault);
		progress?.done();
		const scope = settingsOf(vault).scope;
		publisher.schedule(vault, scope === 'vault' ? vault.allPaths() : vault.allPaths().filter(path => vault.isOpen(path)));
		sendStatus();
	}

	async function createVaults(): Promise<void> {
		for (const vault of vaults.splice(0)) {
			vault.dispose();
			publisher.clearVault(vault);
		}
		settingsByVault.clear();
		vaultWideChecked.clear();
		for (const folder of workspaceFolders) {
			const folderPath = URI.parse(folder.uri).fsPath;
			const settings = await fetchFolderSettings(folder);
			const root = findVaultRoot(folderPath, settings.root);
			const vault = new VaultWorkspace(folder.uri, folderPath, root, {
				settings: settings.vault,
				excludes: settings.excludes,
				pool,
				cacheFile: cacheDirectory === undefined ? undefined : cacheFileFor(cacheDirectory, root),
			});
			settingsByVault.set(vault, settings);
			vaults.push(vault);
		}
		openUris.clear();
		for (const document of documents.all()) {
			const located = locate(document.uri);
			if (located) {
				openUris.set(openKey(located.vault, located.path), document.uri);
				afterChange(located.vault, located.path, located.vault.openDocument(located.path, document.getText()));
			}
		}
		sendStatus();
		void indexAll(vaults.slice());
	}

	async function indexAll(created: VaultWorkspace[]): Promise<void> {
		for (const vault of created) {
			try {
				await indexVault(vault);
			} catch (error) {
				connection.console.error(`Indexing ${vault.root} failed: ${(error as Error)?.stack ?? error}`);
			}
		}
	}

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		capabilities = params.capabilities;
		const requested = (params.initializationOptions as { cacheDirectory?: unknown } | undefined)?.cacheDirectory;
		cacheDirectory = requested === null ? undefined : typeof requested === 'string' && requested !== '' ? requested : defaultCacheDirectory();
		workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
				definitionProvider: true,
				referencesProvider: true,
				hoverProvider: true,
				completionProvider: { triggerCharacters: ['/', '#', '^', '['], resolveProvider: true },
				documentLinkProvider: { resolveProvider: false },
				codeActionProvider: { codeActionKinds: ['quickfix'] },
				documentSymbolProvider: true,
				workspaceSymbolProvider: true,
				workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
			},
			serverInfo: { name: 'entity-vault-language-server' },
		};
	});

	connection.onInitialized(() => {
		if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/', kind: 4 /* Delete */ }],
			});
		}
		if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
			void connection.client.register(DidChangeConfigurationNotification.type, { section: 'entityVault' });
		}
		if (capabilities.workspace?.workspaceFolders) {
			connection.workspace.onDidChangeWorkspaceFolders(event => {
				const removed = new Set(event.removed.map(folder => folder.uri));
				workspaceFolders = [...workspaceFolders.filter(folder => !removed.has(folder.uri)), ...event.added];
				setupDone = setupDone.then(createVaults);
			});
		}
		setupDone = createVaults();
	});

	connection.onDidChangeConfiguration(() => {
		setupDone = setupDone.then(async () => {
			let rebuild = false;
			for (const vault of vaults) {
				const folder = workspaceFolders.find(candidate => candidate.uri === vault.folderUri);
				if (!folder) {
					continue;
				}
				const next = await fetchFolderSettings(folder);
				const previous = settingsOf(vault);
				if (findVaultRoot(vault.folderPath, next.root) !== vault.root || JSON.stringify(next.excludes) !== JSON.stringify(previous.excludes)) {
					rebuild = true;
					break;
				}
				settingsByVault.set(vault, next);
				vault.service.setSettings(next.vault);
				if (next.scope === 'openFiles' && previous.scope === 'vault') {
					vaultWideChecked.delete(vault);
					publisher.clearVault(vault, path => vault.isOpen(path));
				}
				publisher.schedule(vault, next.scope === 'vault' || vaultWideChecked.has(vault) ? vault.allPaths() : vault.allPaths().filter(path => vault.isOpen(path)));
			}
			if (rebuild) {
				await createVaults();
			}
		});
	});

	documents.onDidChangeContent(event => {
		const located = locate(event.document.uri);
		if (!located) {
			return;
		}
		openUris.set(openKey(located.vault, located.path), event.document.uri);
		const change = located.vault.openDocument(located.path, event.document.getText());
		const page = located.vault.service.getPage(located.path);
		if (page) {
			located.vault.ensureLinkTargets(page);
		}
		afterChange(located.vault, located.path, change);
	});

	documents.onDidClose(event => {
		const located = locate(event.document.uri);
		if (!located) {
			return;
		}
		openUris.delete(openKey(located.vault, located.path));
		const change = located.vault.closeDocument(located.path);
		if (!publisher.options.shouldPublish(located.vault, located.path)) {
			publisher.clear(event.document.uri);
		}
		afterChange(located.vault, located.path, change);
	});

	connection.onDidChangeWatchedFiles(params => {
		for (const change of params.changes) {
			let fsPath: string;
			try {
				fsPath = URI.parse(change.uri).fsPath;
			} catch {
				continue;
			}
			for (const vault of vaults) {
				const relative = vault.relativePath(fsPath);
				if (relative === undefined) {
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
						publisher.clear(uriOf(vault, relative));
					}
				}
			}
		}
	});

	function removeFolder(vault: VaultWorkspace, fsPath: string): void {
		const prefix = vault.relativePath(`${fsPath}/x.md`);
		if (prefix === undefined) {
			return;
		}
		const folder = prefix.slice(0, -'x.md'.length);
		for (const page of [...vault.service.index.pages()]) {
			if (page.path.startsWith(folder)) {
				const change = vault.diskDeleted(page.path);
				if (change) {
					publisher.clear(uriOf(vault, page.path));
					afterChange(vault, undefined, change);
				}
			}
		}
	}

	registerFeatureHandlers(state);
	registerVaultRequests(state);

	connection.onShutdown(async () => {
		shutdownRequested = true;
		await Promise.all(vaults.map(vault => vault.flushCache()));
		pool.dispose();
	});

	documents.listen(connection);
	connection.listen();
	return { shutdownRequested: () => shutdownRequested };
}

