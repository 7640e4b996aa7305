import * as vscode from 'vscode';

const shownInWorkspaceKey = 'entityVault.markdownValidationNotice.shown';
const neverAgainKey = 'entityVault.markdownValidationNotice.never';
const turnOff = 'Turn Off for This Workspace';
const neverAgain = "Don't Show Again";

/**
 * VS Code's own Markdown link validation (`markdown.validate.enabled`, off by default) reports
 * vault links such as /places/iran/ and footnotes such as [^1] as errors. When it is on, say so
 * once per workspace and offer to turn it off for the workspace. Returns the disposable that
 * watches the setting.
 */
export function registerMarkdownValidationNotice(context: vscode.ExtensionContext): vscode.Disposable {
	const check = (): void => {
		if (shouldShowNotice(context)) {
			void showNotice(context);
		}
	};
	check();
	return vscode.workspace.onDidChangeConfiguration(event => {
		if (event.affectsConfiguration('markdown.validate.enabled')) {
			check();
		}
	});
}

function shouldShowNotice(context: vscode.ExtensionContext): boolean {
	return (
		(vscode.workspace.workspaceFolders?.length ?? 0) > 0 &&
		vscode.workspace.getConfiguration('markdown').get<boolean>('validate.enabled') === true &&
		!context.workspaceState.get<boolean>(shownInWorkspaceKey) &&
		!context.globalState.get<boolean>(neverAgainKey)
	);
}

async function showNotice(context: vscode.ExtensionContext): Promise<void> {
	await context.workspaceState.update(shownInWorkspaceKey, true);
	const choice = await vscode.window.showInformationMessage(
		"VS Code's built-in Markdown link validation (markdown.validate.enabled) is on. It reports vault links such as " +
			'/places/iran/ and footnotes such as [^1] as errors although they are fine; Entity Vault checks them itself. ' +
			'Turn the built-in validation off for this workspace?',
		turnOff,
		neverAgain,
	);
	if (choice === turnOff) {
		await vscode.workspace
			.getConfiguration('markdown')
			.update('validate.enabled', false, vscode.ConfigurationTarget.Workspace);
	} else if (choice === neverAgain) {
		await context.globalState.update(neverAgainKey, true);
	}
}
