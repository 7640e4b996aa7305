import type { Message, MessageWriter } from 'vscode-languageserver/node';
import { foregroundWork, type ForegroundWork } from './timeSlices';

/**
 * The connection's writer, each response foreground work until it is
 * written: an answer is encoded and sent after its handler returned, and
 * messages are written in order, so a response is written after the
 * partial results reported before it (a references answer's pieces, 4 MB
 * of JSON on the most linked page at 100,000 pages, queued and written one
 * per turn of the event loop); background loops (`BackgroundSlicer`) must
 * not run between them. Notifications (diagnostics, status, progress,
 * logs) are not held for.
 */
export class ForegroundMessageWriter implements MessageWriter {
	constructor(private readonly writer: MessageWriter, private readonly foreground: ForegroundWork = foregroundWork) { }

	get onError(): MessageWriter['onError'] {
		return this.writer.onError;
	}

	get onClose(): MessageWriter['onClose'] {
		return this.writer.onClose;
	}

	write(message: Message): Promise<void> {
		if (!isResponse(message)) {
			return this.writer.write(message);
		}
		const end = this.foreground.begin();
		let written: Promise<void>;
		try {
			written = this.writer.write(message);
		} catch (error) {
			end();
			throw error;
		}
		return written.finally(end);
	}

	end(): void {
		this.writer.end();
	}

	dispose(): void {
		this.writer.dispose();
	}
}

/** A response (neither a request nor a notification: no method). */
function isResponse(message: Message): boolean {
	return (message as { method?: unknown }).method === undefined;
}
