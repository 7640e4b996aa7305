import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { URI } from 'vscode-uri';
import {
	createClientPipeTransport,
	createProtocolConnection,
	generateRandomPipeName,
	IPCMessageReader,
	IPCMessageWriter,
	StreamMessageReader,
	StreamMessageWriter,
	type MessageReader,
	type MessageWriter,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	type InitializeResult,
	type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { requestTimingNotification, statusNotification, type RequestTiming, type StatusParams } from '../../server/src/protocol';
import { SERVER_EXEC_ARGV } from '../../server/src/serverLaunch';
import { repoRoot } from './paths';


export interface LspClientOptions {
	readonly workspaceFolders: { uri: string; name: string }[];
	/** The `entityVault` section answered to workspace/configuration. */
	settings?: unknown;
	readonly dynamicWatchers?: boolean;
	/** Persisted index folder (initializationOptions.cacheDirectory); `null` (the default here) keeps none. */
	readonly cacheDirectory?: string | null;
	/** initializationOptions.statusBar: the client shows entityVault/status itself (as VS Code's does). */
	readonly statusBar?: boolean;
	/** More initializationOptions (as an editor's client sets them, e.g. `headingSymbols: false`). */
	readonly initializationOptions?: Readonly<Record<string, unknown>>;
	/** How to talk to the server: stdio (default), node IPC, or a named pipe. */
	readonly transport?: 'stdio' | 'ipc' | 'pipe';
	/** Extra environment variables for the server process. */
	readonly env?: Readonly<Record<string, string>>;
	/** The client takes snippet edits in a WorkspaceEdit (`workspace.workspaceEdit.snippetEditSupport`), as VS Code does. */
	readonly snippetEdits?: boolean;
	/** `workspace.workspaceEdit.resourceOperations` (default: create, rename and delete, as VS Code says). */
	readonly resourceOperations?: readonly string[];
	/** `textDocument.rename.prepareSupportDefaultBehavior` (as VS Code says): prepareRename may answer "ask the others". */
	readonly renameDefaultBehavior?: boolean;
	/** `textDocument.completion.completionList.itemDefaults` (VS Code says every default, editRange among them): a list may give its items' common range once. */
	readonly completionItemDefaults?: boolean;
}

/**
 * A minimal LSP client for tests: starts the real server (bin script, stdio)
 * as a child process and talks JSON-RPC to it.
 */
export class LspTestClient {
	connection!: ProtocolConnection;
	private child!: ChildProcess;
	readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
	/** Every publishDiagnostics received, in order. */
	readonly diagnosticsHistory: PublishDiagnosticsParams[] = [];
	readonly statuses: StatusParams[] = [];
	readonly progress: unknown[] = [];
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	readonly logs: string[] = [];
	readonly events: string[] = [];
	/** `window/showMessageRequest` questions asked by the server, in order. */
	readonly messageRequests: { message: string; actions: string[] }[] = [];
	/** How a `window/showMessageRequest` is answered: the title of the action chosen, or null (dismissed, the default). */
	answerMessageRequest: (message: string, actions: string[]) => string | null = () => null;
	/** `entityVault/requestTiming` notifications (with ENTITY_VAULT_REQUEST_TIMINGS=1), in arrival order. */
	readonly requestTimings: RequestTiming[] = [];
	/** How many `workspace/codeLens/refresh` requests the server sent. */
	codeLensRefreshes = 0;
	private readonly waiters: (() => void)[] = [];
	private readonly started: Promise<void>;
	stderr = '';
	exited: number | null = null;

	/** A client of the server on one folder (workspace folder "vault"), initialized, once indexing is done. */
	static async indexedOn(folder: string, options: Omit<LspClientOptions, 'workspaceFolders'> = {}): Promise<LspTestClient> {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'vault' }], ...options });
		await client.initialize();
		await client.waitUntilIndexed();
		return client;
	}

	constructor(private readonly options: LspClientOptions) {
		this.settings = options.settings;
		this.started = this.start();
	}

	private async start(): Promise<void> {
		const server = path.join(repoRoot, 'bin', 'entity-vault-language-server.js');
		const transport = this.options.transport ?? 'stdio';
		let reader: MessageReader;
		let writer: MessageWriter;
		if (transport === 'pipe') {
			const pipeName = generateRandomPipeName();
			const pipe = await createClientPipeTransport(pipeName);
			this.child = spawn(process.execPath, [...SERVER_EXEC_ARGV, server, `--pipe=${pipeName}`], { stdio: ['ignore', 'ignore', 'pipe'] });
			[reader, writer] = await pipe.onConnected();
		} else if (transport === 'ipc') {
			this.child = spawn(process.execPath, [...SERVER_EXEC_ARGV, server, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
			reader = new IPCMessageReader(this.child);
			writer = new IPCMessageWriter(this.child);
		} else {
			this.child = spawn(process.execPath, [...SERVER_EXEC_ARGV, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...this.options.env } });
			reader = new StreamMessageReader(this.child.stdout!);
			writer = new StreamMessageWriter(this.child.stdin!);
		}
		this.child.stderr!.on('data', chunk => { this.stderr += String(chunk); });
		this.child.on('exit', code => { this.exited = code ?? -1; this.notify(); });
		this.connection = createProtocolConnection(reader, writer);
		this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
			this.diagnostics.set(params.uri, params);
			this.diagnosticsHistory.push(params);
			this.events.push(`diagnostics ${params.uri}`);
			this.notify();
		});
		this.connection.onNotification(statusNotification.method, (params: StatusParams) => {
			this.statuses.push(params);
			this.events.push(`status ${params.state}`);
			this.notify();
		});
		this.connection.onNotification('$/progress', (params: unknown) => {
			this.progress.push(params);
			this.notify();
		});
		this.connection.onNotification(requestTimingNotification.method, (params: RequestTiming) => {
			this.requestTimings.push(params);
			this.notify();
		});
		this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.logs.push(params.message); });
		this.connection.onNotification('window/showMessage', (params: { message: string }) => { this.logs.push(params.message); });
		this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings ?? {}));
		this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
			this.registrations.push(...params.registrations);
			return null;
		});
		this.connection.onRequest('window/workDoneProgress/create', () => null);
		this.connection.onRequest('workspace/codeLens/refresh', () => {
			this.codeLensRefreshes++;
			this.notify();
			return null;
		});
		this.connection.onRequest('window/showMessageRequest', (params: { message: string; actions?: { title: string }[] }) => {
			const actions = (params.actions ?? []).map(action => action.title);
			this.messageRequests.push({ message: params.message, actions });
			const answer = this.answerMessageRequest(params.message, actions);
			return answer === null ? null : { title: answer };
		});
		this.connection.listen();
	}

	/** The `entityVault` section answered to workspace/configuration from now on. */
	settings: unknown;

	private notify(): void {
		for (const waiter of this.waiters.splice(0)) {
			waiter();
		}
	}

	/** Waits until `predicate` holds, re-checking whenever a message arrives. */
	async waitFor<T>(what: string, predicate: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = predicate();
			if (value) {
				return value;
			}
			if (this.exited !== null) {
				throw new Error(`server exited (${this.exited}) while waiting for ${what}\n${this.stderr}`);
			}
			const remaining = deadline - Date.now();
			if (remaining <= 0) {
				throw new Error(`timed out waiting for ${what}`);
			}
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, Math.min(remaining, 250));
				this.waiters.push(() => { clearTimeout(timer); resolve(); });
			});
		}
	}

	async initialize(): Promise<InitializeResult> {
		await this.started;
		const result = await this.connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri: this.options.workspaceFolders[0]?.uri ?? null,
			workspaceFolders: this.options.workspaceFolders,
			initializationOptions: { cacheDirectory: this.options.cacheDirectory ?? null, ...(this.options.statusBar === undefined ? {} : { statusBar: this.options.statusBar }), ...this.options.initializationOptions },
			capabilities: {
				workspace: {
					configuration: true,
					workspaceFolders: true,
					didChangeWatchedFiles: { dynamicRegistration: this.options.dynamicWatchers ?? true },
					didChangeConfiguration: { dynamicRegistration: true },
					applyEdit: true,
					codeLens: { refreshSupport: true },
					workspaceEdit: { documentChanges: true, resourceOperations: this.options.resourceOperations ?? ['create', 'rename', 'delete'], ...(this.options.snippetEdits ? { snippetEditSupport: true } : {}) },
				},
				window: { workDoneProgress: true },
				textDocument: {
					publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
					completion: {
						completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] },
						...(this.options.completionItemDefaults ? { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } : {}),
					},
					hover: { contentFormat: ['markdown', 'plaintext'] },
					codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, isPreferredSupport: true },
					...(this.options.renameDefaultBehavior ? { rename: { prepareSupport: true, prepareSupportDefaultBehavior: 1 } } : {}),
				},
			},
		}) as InitializeResult;
		await this.connection.sendNotification('initialized', {});
		return result;
	}

	async waitUntilIndexed(timeoutMs = 60000): Promise<StatusParams> {
		return this.waitFor('indexing to finish', () => {
			const last = this.statuses[this.statuses.length - 1];
			return last?.state === 'ready' ? last : undefined;
		}, timeoutMs);
	}

	async open(uri: string, text: string, version = 1): Promise<void> {
		await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
	}

	async change(uri: string, version: number, changes: unknown[]): Promise<void> {
		await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
	}

	async close(uri: string): Promise<void> {
		await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	}

	/** Waits for diagnostics of `uri` that satisfy `predicate`. */
	async diagnosticsOf(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 20000): Promise<Diagnostic[]> {
		return this.waitFor(`diagnostics of ${uri}`, () => {
			const published = this.diagnostics.get(uri);
			return published && predicate(published.diagnostics) ? published.diagnostics : undefined;
		}, timeoutMs);
	}

	async shutdown(): Promise<void> {
		await this.started;
		if (this.exited === null) {
			try {
				await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
				await this.connection.sendNotification('exit');
			} catch {
				// already gone
			}
			await Promise.race([new Promise(resolve => this.child.once('exit', resolve)), new Promise(resolve => setTimeout(resolve, 2000))]);
		}
		this.connection.dispose();
		if (this.exited === null) {
			this.child.kill('SIGKILL');
		}
	}
}
