import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type Middleware, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { willRenameFiles } from './moveLinks';
import { finalRefusal, refusalReason } from './renameOwnership';
import type { ServerCrashHandler } from './serverCrashHandler';
import { SERVER_EXEC_ARGV } from '../../server/src/serverLaunch';
import type { InitializationOptions } from './vaultProtocol';

/** The client id: VS Code reads the `entityVault.trace.server` setting from it. */
const clientId = 'entityVault';

/** The Node inspector port of the server when the extension runs in the debugger (launch.json attaches to it). */
const serverDebugPort = 6009;

/**
 * F2 in a vault is ours to the end: a refusal of the server's (a broken link, a bad slug) is
 * final there instead of handing the rename to VS Code's built-in Markdown rename (see
 * renameOwnership.ts for how VS Code orders and falls through its rename providers).
 */
function renameMiddleware(ownsRename: (document: vscode.TextDocument) => boolean): Middleware {
	return {
		prepareRename: async (document, position, token, next) => {
			try {
				return await next(document, position, token);
			} catch (error) {
				throw ownsRename(document) ? finalRefusal(error) : error;
			}
		},
		provideRenameEdits: async (document, position, newName, token, next) => {
			try {
				return await next(document, position, newName, token);
			} catch (error) {
				if (!ownsRename(document) || error instanceof vscode.CancellationError) {
					throw error;
				}
				void vscode.window.showWarningMessage(`Entity Vault: ${refusalReason(error)}`);
				return new vscode.WorkspaceEdit();
			}
		},
	};
}

/**
 * The language client for the bundled server (dist/server.js), started over Node IPC for the
 * markdown files on disk of every workspace folder, with the `entityVault` settings passed through.
 * `ownsRename`: whether a document is in a vault, where our rename has the last word.
 */
export function createVaultLanguageClient(
	context: vscode.ExtensionContext,
	outputChannel: vscode.LogOutputChannel,
	errorHandler: ServerCrashHandler,
	ownsRename: (document: vscode.TextDocument) => boolean,
): LanguageClient {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
		debug: {
			module,
			transport: TransportKind.ipc,
			options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', `--inspect=${serverDebugPort}`] },
		},
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ scheme: 'file', language: 'markdown' }],
		synchronize: { configurationSection: 'entityVault' },
		outputChannel,
		errorHandler,
		// The status bar shows the indexing count (entityVault/status), so the server sends no $/progress of its own;
		// VS Code's own Markdown support outlines the headings, so the server adds the frontmatter and the footnotes only.
		// A page or folder moved in the explorer: the client asks before the links are rewritten (entityVault.updateLinksOnMove).
		initializationOptions: { statusBar: true, headingSymbols: false, promptsOnMove: true } satisfies InitializationOptions,
		middleware: { ...renameMiddleware(ownsRename), workspace: { willRenameFiles } },
	};
	return new LanguageClient(clientId, 'Entity Vault', serverOptions, clientOptions);
}
