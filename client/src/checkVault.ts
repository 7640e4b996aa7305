import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { countOf } from './counts';
import { CheckVaultRequest, type CheckVaultResult } from './vaultProtocol';

/** The sentence shown after a check, e.g. "Entity Vault checked 1,234 pages: 2 errors, 5 warnings." */
export function checkVaultSummary(result: CheckVaultResult): string {
	const checked = `Entity Vault checked ${countOf(result.pages, 'page')}`;
	if (result.errors === 0 && result.warnings === 0) {
		return `${checked}: no errors or warnings.`;
	}
	return `${checked}: ${countOf(result.errors, 'error')}, ${countOf(result.warnings, 'warning')}.`;
}

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
