import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** A header longer than this without its blank line is not a header: look for the next one. */
const MAX_HEADER_LENGTH = 8 * 1024;
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
const MARKER = Buffer.from('content-length:', 'ascii');

interface ErrorReply {
	readonly jsonrpc: '2.0';
	readonly id: number | string | null;
	readonly error: { readonly code: number; readonly message: string };
}

/**
 * Reads JSON-RPC messages framed with `Content-Length` headers from a
 * stream, like vscode-jsonrpc's reader, but survives a broken client:
 * - after a header without a valid `Content-Length`, or a body that is not
 *   JSON (a length shorter than the body), it skips to the next
 *   `Content-Length:` instead of reading every later body as a header;
 * - a body that is not JSON is answered with a Parse error (-32700), a
 *   message that is neither a request, a notification nor a response with an
 *   Invalid Request error (-32600) carrying its id, as JSON-RPC 2.0 asks.
 */
export class ResilientMessageReader extends AbstractMessageReader {
	private buffer: Buffer = Buffer.alloc(0);
	private callback: DataCallback | undefined;

	/** `observe` sees every message before the connection does. */
	constructor(
		private readonly readable: NodeJS.ReadableStream,
		private readonly reply: (message: ErrorReply) => void,
		private readonly observe?: (message: Message) => void,
	) {
		super();
	}

	listen(callback: DataCallback): Disposable {
		this.callback = callback;
		const onData = (chunk: Buffer | string): void => {
			this.buffer = Buffer.concat([this.buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
			this.drain();
		};
		const onError = (error: Error): void => this.fireError(error);
		const onClose = (): void => this.fireClose();
		this.readable.on('data', onData);
		this.readable.on('error', onError);
		this.readable.on('end', onClose);
		this.readable.on('close', onClose);
		return Disposable.create(() => {
			this.callback = undefined;
			this.readable.off('data', onData);
			this.readable.off('error', onError);
			this.readable.off('end', onClose);
			this.readable.off('close', onClose);
		});
	}

	private drain(): void {
		for (;;) {
			const headerEnd = this.buffer.indexOf('\r\n\r\n');
			if (headerEnd < 0) {
				if (this.buffer.length > MAX_HEADER_LENGTH) {
					this.resynchronise();
					continue;
				}
				return;
			}
			const match = CONTENT_LENGTH.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
			if (!match || headerEnd > MAX_HEADER_LENGTH) {
				this.resynchronise();
				continue;
			}
			const bodyStart = headerEnd + 4;
			const length = Number(match[1]);
			if (this.buffer.length < bodyStart + length) {
				return;
			}
			const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
			this.buffer = this.buffer.subarray(bodyStart + length);
			let message: unknown;
			try {
				message = JSON.parse(body);
			} catch {
				this.reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: the message body is not JSON (or its Content-Length is wrong)' } });
				this.resynchronise();
				continue;
			}
			const invalid = invalidRequestId(message);
			if (invalid !== undefined) {
				this.reply({ jsonrpc: '2.0', id: invalid, error: { code: -32600, message: 'Invalid Request: a message needs a string `method`, or a `result` or `error`' } });
				continue;
			}
			this.observe?.(message as Message);
			this.callback?.(message as Message);
		}
	}

	/** Drops input up to the next `Content-Length:` (keeping a tail that may hold its start). */
	private resynchronise(): void {
		const lower = Buffer.from(this.buffer.toString('latin1').toLowerCase(), 'latin1');
		const next = lower.indexOf(MARKER, 1);
		if (next > 0) {
			this.buffer = this.buffer.subarray(next);
		} else {
			this.buffer = this.buffer.subarray(Math.max(1, this.buffer.length - (MARKER.length - 1)));
		}
	}
}

/**
 * The id to answer with an Invalid Request error (null when the message has
 * none), or undefined for a well-formed request, notification or response.
 */
function invalidRequestId(message: unknown): number | string | null | undefined {
	if (message === null || typeof message !== 'object' || Array.isArray(message)) {
		return null;
	}
	const candidate = message as { id?: unknown; method?: unknown; result?: unknown; error?: unknown };
	if (typeof candidate.method === 'string') {
		return undefined;
	}
	const id = typeof candidate.id === 'number' || typeof candidate.id === 'string' ? candidate.id : null;
	if ('result' in candidate || 'error' in candidate) {
		return undefined;
	}
	return id;
}
