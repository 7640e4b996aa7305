import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { repoRoot } from '../../support/paths';

/**
 * The real server on stdio, talked to in raw bytes: for malformed messages
 * that a JSON-RPC library would never send. Replies are parsed from the
 * server's framed output.
 */
export class RawServer {
	readonly child: ChildProcess;
	readonly messages: { id?: number | string | null; method?: string; error?: { code: number; message: string }; result?: unknown; params?: unknown }[] = [];
	private buffer = Buffer.alloc(0);
	exited: number | null = null;
	stderr = '';

	constructor(env: NodeJS.ProcessEnv = process.env) {
		this.child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
		this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
		this.child.stderr!.on('data', chunk => { this.stderr += String(chunk); });
		this.child.on('exit', code => { this.exited = code ?? -1; });
		this.child.stdin!.on('error', () => { /* the server is gone: reported through `exited` */ });
	}

	private receive(chunk: Buffer): void {
		this.buffer = Buffer.concat([this.buffer, chunk]);
		for (;;) {
			const headerEnd = this.buffer.indexOf('\r\n\r\n');
			if (headerEnd < 0) {
				return;
			}
			const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
			if (this.buffer.length < headerEnd + 4 + length) {
				return;
			}
			this.messages.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()));
			this.buffer = this.buffer.subarray(headerEnd + 4 + length);
		}
	}

	static frame(body: string | Buffer): Buffer {
		const bytes = typeof body === 'string' ? Buffer.from(body) : body;
		return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
	}

	write(bytes: string | Buffer): void {
		this.child.stdin!.write(bytes);
	}

	request(id: number, method: string, params: unknown): void {
		this.write(RawServer.frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
	}

	/** The reply to request `id`, or undefined after `timeoutMs`. */
	async reply(id: number | string | null, timeoutMs: number): Promise<RawServer['messages'][number] | undefined> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline && this.exited === null) {
			const found = this.messages.find(message => message.id === id && message.method === undefined);
			if (found) {
				return found;
			}
			await new Promise(resolve => setTimeout(resolve, 20));
		}
		return this.messages.find(message => message.id === id && message.method === undefined);
	}

	async stop(): Promise<void> {
		if (this.exited === null) {
			this.child.kill('SIGKILL');
			await new Promise(resolve => this.child.once('exit', resolve));
		}
	}
}
