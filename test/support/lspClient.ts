import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
	createProtocolConnection,
	StreamMessageReader,
	StreamMessageWriter,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	type InitializeResult,
	type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths';

export interface StatusParams {
	state: 'indexing' | 'ready';
	indexed: number;
	total: number;
	pages: number;
}

export interface LspClientOptions {
	readonly workspaceFolders: { uri: string; name: string }[];
	/** The `entityVault` section answered to workspace/configuration. */
	settings?: unknown;
	readonly dynamicWatchers?: boolean;
}

/**
 * A minimal LSP client for tests: starts the real server (bin script, stdio)
 * as a child process and talks JSON-RPC to it.
 */
export class LspTestClient {
	readonly connection: ProtocolConnection;
	private readonly child: ChildProcess;
	readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
	readonly statuses: StatusParams[] = [];
	readonly progress: unknown[] = [];
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	readonly logs: string[] = [];
	readonly events: string[] = [];
	private readonly waiters: (() => void)[] = [];
	stderr = '';
	exited: number | null = null;

	constructor(private readonly options: LspClientOptions) {
		this.child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		this.child.stderr!.on('data', chunk => { this.stderr += String(chunk); });
		this.child.on('exit', code => { this.exited = code ?? -1; this.notify(); });
		this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
		this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
			this.diagnostics.set(params.uri, params);
			this.events.push(`diagnostics ${params.uri}`);
			this.notify();
		});
		this.connection.onNotification('entityVault/status', (params: StatusParams) => {
			this.statuses.push(params);
			this.events.push(`status ${params.state}`);
			this.notify();
		});
		this.connection.onNotification('$/progress', (params: unknown) => {
			this.progress.push(params);
			this.notify();
		});
		this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.logs.push(params.message); });
		this.connection.onNotification('window/showMessage', (params: { message: string }) => { this.logs.push(params.message); });
		this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings ?? {}));
		this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
			this.registrations.push(...params.registrations);
			return null;
		});
		this.connection.onRequest('window/workDoneProgress/create', () => null);
		this.connection.onRequest('window/showMessageRequest', () => null);
		this.connection.listen();
	}

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
		const result = await this.connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri: this.options.workspaceFolders[0]?.uri ?? null,
			workspaceFolders: this.options.workspaceFolders,
			capabilities: {
				workspace: {
					configuration: true,
					workspaceFolders: true,
					didChangeWatchedFiles: { dynamicRegistration: this.options.dynamicWatchers ?? true },
					didChangeConfiguration: { dynamicRegistration: true },
					applyEdit: true,
					workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
				},
				window: { workDoneProgress: true },
				textDocument: {
					publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
					completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
					hover: { contentFormat: ['markdown', 'plaintext'] },
					codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, isPreferredSupport: true },
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
