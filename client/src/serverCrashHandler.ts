import * as vscode from 'vscode';
import {
	CloseAction,
	CloseHandlerResult,
	ErrorAction,
	ErrorHandler,
	ErrorHandlerResult,
	Message,
} from 'vscode-languageclient/node';
import { CommandIds } from './commandIds';
import { RestartPolicy } from './restartPolicy';

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
			const message = 'Entity Vault: the language server stopped unexpectedly and has been restarted.';
			void this.tell(vscode.window.showWarningMessage, message, ['Show Output']);
			return { action: CloseAction.Restart, message, handled: true };
		}
		const message =
			`Entity Vault: the language server crashed ${this.policy.recentCrashes} times in ` +
			`${Math.round(this.policy.windowMs / 60000)} minutes and will not be restarted automatically.`;
		void this.tell(vscode.window.showErrorMessage, message, ['Restart Server', 'Show Output']);
		return { action: CloseAction.DoNotRestart, message, handled: true };
	}

	/** Called when the user restarts the server: crashes before that no longer count. */
	reset(): void {
		this.policy.reset();
	}

	private async tell(
		show: (message: string, ...items: string[]) => Thenable<string | undefined>,
		message: string,
		actions: string[],
	): Promise<void> {
		const choice = await show(message, ...actions);
		if (choice === 'Show Output') {
			await vscode.commands.executeCommand(CommandIds.showOutput);
		} else if (choice === 'Restart Server') {
			await vscode.commands.executeCommand(CommandIds.restartServer);
		}
	}
}
