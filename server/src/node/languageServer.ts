import {
	CodeLensRefreshRequest,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	TextDocuments,
	TextDocumentSyncKind,
	type Connection,
	type InitializeResult,
	type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startMark } from './startTimeline';
import { LINK_MENTIONS_KIND, RENUMBER_FOOTNOTES_KIND } from '../service/vaultService';
import { CodeLensRefresh } from './codeLensRefresh';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { afterIndexChange, registerDocumentSync, type AfterIndexChange } from './documentSync';
import { registerFeatureHandlers } from './featureHandlers';
import { FILE_MOVE_CAPABILITIES, registerFileMoves } from './fileMoves';
import { VAULT_MARKER_FILE } from './vaultFiles';
import { SITE_CONFIGURATION_GLOBS } from './site/siteConfiguration';
import { StatusNotification } from './vaultMessages';
import { registerVaultRequests } from './vaultRequests';
import { VaultSetup } from './vaultSetup';
import { VaultStatus } from './vaultStatus';
import { WorkspaceVaults } from './workspaceVaults';

const SERVER_CAPABILITIES: ServerCapabilities = {
	textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
	definitionProvider: true,
	referencesProvider: true,
	hoverProvider: true,
	completionProvider: { triggerCharacters: ['/', '#', '^', '['], resolveProvider: true },
	documentLinkProvider: { resolveProvider: false },
	codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.extract', 'refactor.rewrite', RENUMBER_FOOTNOTES_KIND, LINK_MENTIONS_KIND] },
	codeLensProvider: { resolveProvider: false },
	documentHighlightProvider: true,
	foldingRangeProvider: true,
	documentSymbolProvider: true,
	workspaceSymbolProvider: true,
	renameProvider: { prepareProvider: true },
	workspace: { workspaceFolders: { supported: true, changeNotifications: true }, fileOperations: FILE_MOVE_CAPABILITIES },
};

/** Wires the vault service to an LSP connection. */
export function startLanguageServer(connection: Connection): { shutdownRequested(): boolean } {
	let shutdownRequested = false;
	const documents = new TextDocuments(TextDocument);
	const vaults = new WorkspaceVaults();
	const publisher = new DiagnosticsPublisher(connection, {
		shouldPublish: (vault, path) => vaults.shouldPublish(vault, path),
		uriOf: (vault, path) => vaults.uriOf(vault, path),
		versionOf: uri => documents.get(uri)?.version,
	});
	const status = new VaultStatus(vaults, params => void connection.sendNotification(StatusNotification, params));
	const lenses = new CodeLensRefresh(
		() => void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined),
		() => setup.clientCapabilities.workspace?.codeLens?.refreshSupport === true,
	);
	const afterDiagnostics = afterIndexChange(publisher, status);
	const afterChange: AfterIndexChange = (vault, path, change) => {
		afterDiagnostics(vault, path, change);
		lenses.indexChanged();
	};
	const setup = new VaultSetup(connection, vaults, documents, publisher, status, afterChange);

	connection.onInitialize((params): InitializeResult => {
		startMark('initialize');
		setup.initialize(params);
		return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'entity-vault-language-server' } };
	});

	connection.onInitialized(() => {
		startMark('initialized');
		const capabilities = setup.clientCapabilities;
		if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/', kind: 4 /* Delete */ }, { globPattern: `**/${VAULT_MARKER_FILE}` }, ...SITE_CONFIGURATION_GLOBS.map(globPattern => ({ globPattern })), { globPattern: '**/*.*', kind: 5 /* Create | Delete: the assets */ }],
			});
		}
		if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
			void connection.client.register(DidChangeConfigurationNotification.type, { section: 'entityVault' });
		}
		if (capabilities.workspace?.workspaceFolders) {
			connection.workspace.onDidChangeWorkspaceFolders(event => setup.foldersChanged(event));
		}
		setup.start();
	});

	connection.onDidChangeConfiguration(() => {
		setup.configurationChanged();
		// After the new settings are in (entityVault.codeLens.enabled among them).
		vaults.queueSetup(async () => lenses.refreshAll());
	});

	// The marker file or a site configuration file came, went or changed: whether each folder is a vault is decided again, as after a settings change.
	registerDocumentSync(connection, documents, vaults, publisher, afterChange, () => setup.configurationChanged());
	registerFeatureHandlers(connection, documents, vaults, setup, lenses);
	registerVaultRequests(connection, vaults, publisher);
	registerFileMoves(connection, documents, vaults, publisher, setup, afterChange);

	connection.onShutdown(async () => {
		shutdownRequested = true;
		lenses.dispose();
		await setup.shutdown();
	});

	documents.listen(connection);
	connection.listen();
	return { shutdownRequested: () => shutdownRequested };
}
