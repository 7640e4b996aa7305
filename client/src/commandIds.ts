/** The command ids contributed in package.json (contributes.commands). */
export const CommandIds = {
	newPage: 'entityVault.newPage',
	checkVault: 'entityVault.checkVault',
	restartServer: 'entityVault.restartServer',
	showOutput: 'entityVault.showOutput',
} as const;
