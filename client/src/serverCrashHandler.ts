import {
	CloseAction,
	type CloseHandlerResult,
	ErrorAction,
	type ErrorHandler,
	type ErrorHandlerResult,
	type Message,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { tellUser } from './tellUser';

/**
 * The language client's error handler: restarts the server after a crash (up to the limits of
 * {@link RestartPolicy}) and tells the user each time, with a way to the log.
 */
export class ServerCrashHandler implements ErrorHandler {
	private readonly policy = new RestartPolicy();

	error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
		// A few broken messages are survivable; a stream of them means the connection is gone.
		return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
	}

	closed(): CloseHandlerResult {
		if (this.policy.shouldRestartAfterCrash(Date.now())) {
			const message = 'Entity Vault: the language server stopped unexpectedly and is being restarted.';
			tellUser('warning', message, 'Show Output');
			return { action: CloseAction.Restart, message, handled: true };
		}
		const message =
			`Entity Vault: the language server crashed ${this.policy.recentCrashes} times in ` +
			`${Math.round(this.policy.windowMs / 60000)} minutes and will not be restarted automatically.`;
		tellUser('error', message, 'Restart Server', 'Show Output');
		return { action: CloseAction.DoNotRestart, message, handled: true };
	}

	/** Called when the user restarts the server: crashes before that no longer count. */
	reset(): void {
		this.policy.reset();
	}
}
