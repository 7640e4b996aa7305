import * as vscode from 'vscode';
import { CommandIds } from './commandIds';
import { countOf, formatCount } from '../../server/src/counts';
import { statusBarText } from './statusBarText';
import type { StatusParams } from './vaultProtocol';

/**
 * The Entity Vault item in the status bar. It follows `entityVault/status`; clicking it runs
 * Check Vault, or Restart Server while the server is stopped.
 */
export class VaultStatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('entityVault.status', vscode.StatusBarAlignment.Right, 100);

	constructor() {
		this.item.name = 'Entity Vault';
		this.showStarting();
		this.item.show();
	}

	showStarting(): void {
		this.item.text = '$(sync~spin) Entity Vault: starting';
		this.item.tooltip = 'Entity Vault: starting the language server';
		this.item.command = CommandIds.showOutput;
		this.item.backgroundColor = undefined;
	}

	showStatus(status: StatusParams): void {
		this.item.text = statusBarText(status);
		this.item.tooltip =
			status.state === 'indexing'
				? `Entity Vault: indexing the vault (${formatCount(status.indexed)} of ${formatCount(status.total)} files read). Click to check the whole vault.`
				: status.verifying !== undefined && status.verifying > 0
					? `Entity Vault: ${countOf(status.pages, 'page')} indexed from the persisted index, being checked against the disk (changed pages are read again as found). Click to check every page (Problems panel).`
					: `Entity Vault: ${countOf(status.pages, 'page')} indexed. Click to check every page (Problems panel).`;
		this.item.command = CommandIds.checkVault;
		this.item.backgroundColor = undefined;
	}

	showStopped(): void {
		this.item.text = '$(error) Entity Vault: stopped';
		this.item.tooltip = 'Entity Vault: the language server is not running. Click to restart it.';
		this.item.command = CommandIds.restartServer;
		this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
	}

	dispose(): void {
		this.item.dispose();
	}
}
