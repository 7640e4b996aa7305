import * as vscode from 'vscode';
import { CommandIds } from './commandIds';

/** Buttons a message about the server can offer, and the command each one runs. */
const actionCommands = {
	'Show Output': CommandIds.showOutput,
	'Restart Server': CommandIds.restartServer,
} as const;

type ServerAction = keyof typeof actionCommands;

/**
 * Shows a message with buttons that run Show Output or Restart Server. Does not wait for the
 * user: callers (activation, the language client's error handler) must not block on a dialog.
 */
export function tellUser(severity: 'error' | 'warning', message: string, ...actions: ServerAction[]): void {
	const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
	void show(message, ...actions).then(choice => {
		if (choice !== undefined) {
			void vscode.commands.executeCommand(actionCommands[choice]);
		}
	});
}
