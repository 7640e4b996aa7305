import * as fs from 'fs';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { checkVault } from './checkVault';
import { CommandIds } from './commandIds';
import { BuiltinMarkdownNotices } from './builtinMarkdownNotices';
import { BacklinksView } from './backlinksView';
import { OverviewView } from './overviewView';
import { OPEN_LOCATION_COMMAND, openLocation } from './openLocation';
import { newPage, type NewPageArguments } from './newPage';
import { wantedPages } from './wantedPages';
import { ServerCrashHandler } from './serverCrashHandler';
import { showReferences } from './showReferences';
import { tellUser } from './tellUser';
import { GraphPanel } from './graphPanel';
import { documentPathOf, extendMarkdownIt } from './markdownPreview';
import { vaultRootOf } from './previewLinks';
import { createVaultLanguageClient } from './vaultLanguageClient';
import { ShowReferencesCommand, StatusNotification, VaultInfoRequest } from './vaultProtocol';
import { VaultStatusBar } from './vaultStatusBar';

let client: LanguageClient | undefined;
/** The vaults' root folders (file paths), from the server once it is ready: the preview's site links resolve against them. */
let vaultRoots: readonly string[] = [];
/** The roots of those that are vaults (not plain markdown folders): F2 there is answered by our rename alone. */
let renamingRoots: readonly string[] = [];

/** What the Markdown preview calls (`markdown.markdownItPlugins`). */
export interface EntityVaultApi {
	extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<EntityVaultApi> {
	const started = Date.now();
	const outputChannel = vscode.window.createOutputChannel('Entity Vault', { log: true });
	const crashHandler = new ServerCrashHandler();
	const statusBar = new VaultStatusBar();
	const languageClient = createVaultLanguageClient(context, outputChannel, crashHandler,
		document => document.uri.scheme === 'file' && vaultRootOf(document.uri.fsPath, renamingRoots) !== undefined);
	client = languageClient;
	const builtinNotices = new BuiltinMarkdownNotices(context);
	const graphPanel = new GraphPanel(context.extensionUri, languageClient,
		uri => uri.scheme === 'file' && uri.fsPath.endsWith('.md') && vaultRootOf(uri.fsPath, vaultRoots) !== undefined);
	const backlinksView = new BacklinksView(languageClient);
	const overviewView = new OverviewView(languageClient);

	context.subscriptions.push(
		outputChannel,
		statusBar,
		builtinNotices,
		graphPanel,
		backlinksView,
		overviewView,
		languageClient.onNotification(StatusNotification, status => {
			statusBar.showStatus(status);
			// Only in a vault: a plain markdown folder (a repository's docs/) keeps VS Code's own Markdown features untouched.
			if (status.state === 'ready' && status.pages > 0 && status.isVault !== false) {
				builtinNotices.vaultFound();
			}
			if (status.state === 'ready') {
				void refreshVaultRoots(languageClient).then(() => graphPanel.vaultChanged());
				backlinksView.refreshSoon(0);
				overviewView.refreshSoon(0);
			}
		}),
		languageClient.onDidChangeState(event => {
			if (event.newState === State.Starting) {
				statusBar.showStarting();
			} else if (event.newState === State.Stopped || event.newState === State.StartFailed) {
				statusBar.showStopped();
			}
		}),
		vscode.commands.registerCommand(CommandIds.newPage, (args?: NewPageArguments) =>
			whenRunning(languageClient, () => newPage(languageClient, args)),
		),
		vscode.commands.registerCommand(CommandIds.checkVault, () =>
			whenRunning(languageClient, () => checkVault(languageClient)),
		),
		vscode.commands.registerCommand(CommandIds.wantedPages, () =>
			whenRunning(languageClient, () => wantedPages(languageClient)),
		),
		vscode.commands.registerCommand(CommandIds.showGraph, (uri?: vscode.Uri) =>
			whenRunning(languageClient, async () => graphPanel.show(uri instanceof vscode.Uri ? uri : undefined)),
		),
		vscode.commands.registerCommand(CommandIds.restartServer, async () => {
			crashHandler.reset();
			outputChannel.info('Restarting the language server (Entity Vault: Restart Server).');
			await reportFailure(() => restartServer(languageClient));
		}),
		vscode.commands.registerCommand(CommandIds.showOutput, () => outputChannel.show()),
		vscode.commands.registerCommand(CommandIds.vaultOverview, () => whenRunning(languageClient, () => overviewView.show())),
		vscode.commands.registerCommand(CommandIds.refreshOverview, () => overviewView.refresh()),
		vscode.commands.registerCommand(CommandIds.refreshBacklinks, () => backlinksView.refresh()),
		// The panels' entries (not in the Command Palette).
		vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, openLocation),
		// The code lenses' command (not in the Command Palette): the server sends LSP locations.
		vscode.commands.registerCommand(ShowReferencesCommand, showReferences.bind(undefined, languageClient)),
	);

	await reportFailure(async () => {
		await languageClient.start();
		outputChannel.info(`Entity Vault activated; the language server started in ${Date.now() - started} ms.`);
	});
	return {
		extendMarkdownIt: md => extendMarkdownIt(md, env => {
			const documentPath = documentPathOf(env);
			return documentPath === undefined ? undefined : { documentPath, vaultRoots, exists: filePath => fs.existsSync(filePath) };
		}),
	};
}

/** Asks the server for the vaults' roots; when they change, an open preview is rendered again with them. */
async function refreshVaultRoots(languageClient: LanguageClient): Promise<void> {
	try {
		const info = await languageClient.sendRequest(VaultInfoRequest);
		const filePaths = (vaults: typeof info.vaults) => vaults.map(vault => vscode.Uri.parse(vault.rootUri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
		renamingRoots = filePaths(info.vaults.filter(vault => vault.isVault));
		const roots = filePaths(info.vaults);
		if (roots.join('\n') !== vaultRoots.join('\n')) {
			vaultRoots = roots;
			await vscode.commands.executeCommand('markdown.preview.refresh');
		}
	} catch {
		// The server stopped or restarts: the next `ready` asks again.
	}
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
	vaultRoots = [];
	renamingRoots = [];
}

/**
 * Restart Server. The client can only restart a running server: a stopped one (after too many
 * crashes, or a failed start) is started, and one that is starting is left to finish.
 */
async function restartServer(languageClient: LanguageClient): Promise<void> {
	if (languageClient.state === State.Running) {
		await languageClient.restart();
	} else {
		await languageClient.start();
	}
}

/** Runs a command that needs the server, or says that the server is not running. */
async function whenRunning<T>(languageClient: LanguageClient, run: () => Promise<T>): Promise<T | undefined> {
	if (languageClient.state === State.Stopped || languageClient.state === State.StartFailed) {
		tellUser('error', 'Entity Vault: the language server is not running.', 'Restart Server', 'Show Output');
		return undefined;
	}
	return reportFailure(run);
}

/** Shows a failure to the user (with the log one click away) instead of letting it vanish; never waits for the user. */
async function reportFailure<T>(run: () => Promise<T>): Promise<T | undefined> {
	try {
		return await run();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		tellUser('error', `Entity Vault: ${message}`, 'Show Output');
		return undefined;
	}
}
