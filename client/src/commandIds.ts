/** The command ids contributed in package.json (contributes.commands). */
export const CommandIds = {
	newPage: 'entityVault.newPage',
	checkVault: 'entityVault.checkVault',
	wantedPages: 'entityVault.wantedPages',
	showGraph: 'entityVault.showGraph',
	restartServer: 'entityVault.restartServer',
	showOutput: 'entityVault.showOutput',
	vaultOverview: 'entityVault.vaultOverview',
	refreshBacklinks: 'entityVault.refreshBacklinks',
	refreshOverview: 'entityVault.refreshOverview',
} as const;
