import * as path from 'path';
import type * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { willRenameFiles } from './moveLinks';
import type { ServerCrashHandler } from './serverCrashHandler';
import type { InitializationOptions } from './vaultProtocol';

/** The client id: VS Code reads the `entityVault.trace.server` setting from it. */
const clientId = 'entityVault';

/** The Node inspector port of the server when the extension runs in the debugger (launch.json attaches to it). */
const serverDebugPort = 6009;

/**
 * The language client for the bundled server (dist/server.js), started over Node IPC for the
 * markdown files on disk of every workspace folder, with the `entityVault` settings passed through.
 */
export function createVaultLanguageClient(
	context: vscode.ExtensionContext,
	outputChannel: vscode.LogOutputChannel,
	errorHandler: ServerCrashHandler,
): LanguageClient {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: {
			module,
			transport: TransportKind.ipc,
			options: { execArgv: ['--nolazy', `--inspect=${serverDebugPort}`] },
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
		middleware: { workspace: { willRenameFiles } },
	};
	return new LanguageClient(clientId, 'Entity Vault', serverOptions, clientOptions);
}
