import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { checkVaultSummary } from './checkVaultSummary';
import { CheckVaultRequest, type CheckVaultResult } from './vaultProtocol';

/**
 * Entity Vault: Check Vault. The server publishes diagnostics for every page (so they show in the
 * Problems panel) and returns the totals, which are shown to the user and returned to the caller.
 */
export async function checkVault(client: LanguageClient): Promise<CheckVaultResult> {
	const result = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Window, title: 'Entity Vault: checking the vault' },
		async progress => {
			// The server reports "1,234/10,000 pages checked" on this token.
			const workDoneToken = `entityVault.checkVault.${Date.now()}.${Math.random().toString(36).slice(2)}`;
			const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, value => {
				if (value.kind !== 'end' && value.message !== undefined) {
					progress.report({ message: value.message });
				}
			});
			try {
				return await client.sendRequest(CheckVaultRequest, { workDoneToken });
			} finally {
				listener.dispose();
			}
		},
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
