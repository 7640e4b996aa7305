import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkVaultSummary } from './checkVaultSummary';
import { CheckVaultRequest, type CheckVaultResult } from './vaultProtocol';

/**
 * Entity Vault: Check Vault. The server publishes diagnostics for every page (so they show in the
 * Problems panel) and returns the totals, which are shown to the user and returned to the caller.
 */
export async function checkVault(client: LanguageClient): Promise<CheckVaultResult> {
	const result = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Window, title: 'Entity Vault: checking the vault' },
		() => client.sendRequest(CheckVaultRequest),
	);
	const summary = checkVaultSummary(result);
	if (result.errors === 0 && result.warnings === 0) {
		void vscode.window.showInformationMessage(summary);
	} else {
		void vscode.window.showWarningMessage(summary, 'Open Problems').then(choice => {
			if (choice === 'Open Problems') {
				void vscode.commands.executeCommand('workbench.actions.view.problems');
			}
		});
	}
	return result;
}
