import { StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import { requestTimingNotification, type RequestTiming } from '../protocol';
import { sliceTimings } from './sliceTimings';

/** Set to `1` in the server's environment to get a timing notification after every response (stdio only). */
export const REQUEST_TIMINGS_VARIABLE = 'ENTITY_VAULT_REQUEST_TIMINGS';

interface RequestLike {
	readonly id?: number | string | null;
	readonly method?: string;
}

/**
 * Server time of each request, for the benchmark: what the client's round
 * trip shows minus the pipe and the client's own work (its parsing, its
 * garbage collections).
 */
export class RequestTimings {
	private readonly pending = new Map<number | string, { method: string; start: number }>();

	/** A message the reader passed on. */
	received(message: Message): void {
		const request = message as RequestLike;
		if (typeof request.method === 'string' && request.id !== undefined && request.id !== null) {
			this.pending.set(request.id, { method: request.method, start: performance.now() });
		}
	}

	/** A response written; its timing, when it answers a request seen by `received`. */
	answered(message: Message): RequestTiming | undefined {
		const response = message as RequestLike;
		if (response.method !== undefined || response.id === undefined || response.id === null) {
			return undefined;
		}
		const pending = this.pending.get(response.id);
		if (!pending) {
			return undefined;
		}
		this.pending.delete(response.id);
		const end = performance.now();
		sliceTimings?.request(pending.method, pending.start, end);
		return { id: response.id, method: pending.method, ms: end - pending.start };
	}
}

/** A stream writer that follows each timed response with an `entityVault/requestTiming` notification. */
export class TimedMessageWriter extends StreamMessageWriter {
	constructor(writable: NodeJS.WritableStream, private readonly timings: RequestTimings) {
		super(writable);
	}

	override async write(message: Message): Promise<void> {
		await super.write(message);
		const timing = this.timings.answered(message);
		if (timing) {
			await super.write({ jsonrpc: '2.0', method: requestTimingNotification.method, params: timing } as Message);
		}
	}
}
