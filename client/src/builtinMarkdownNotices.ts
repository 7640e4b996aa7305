import * as vscode from 'vscode';

const turnOff = 'Turn Off for This Workspace';
const neverAgain = "Don't Show Again";

/** A setting of VS Code's own Markdown support that gets in a vault's way, and what to tell the user about it. */
interface BuiltinMarkdownSetting {
	/** The key under `markdown.`. */
	readonly key: string;
	readonly message: string;
	/** Where "shown in this workspace" and "never again" are remembered. */
	readonly stateKey: string;
}

/**
 * VS Code's own Markdown link validation (`markdown.validate.enabled`, off by default) reports
 * vault links such as /places/iran/ and footnotes such as [^1] as errors.
 */
const LINK_VALIDATION: BuiltinMarkdownSetting = {
	key: 'validate.enabled',
	stateKey: 'entityVault.markdownValidationNotice',
	message:
		"VS Code's built-in Markdown link validation (markdown.validate.enabled) is on. It reports vault links such as " +
		'/places/iran/ and footnotes such as [^1] as errors although they are fine; Entity Vault checks them itself. ' +
		'Turn the built-in validation off for this workspace?',
};

/**
 * VS Code's own path completion (`markdown.suggest.paths.enabled`, on by default) offers every
 * section a second time after `](/`, and page files as `.md` links after `](/people/`.
 */
const PATH_SUGGESTIONS: BuiltinMarkdownSetting = {
	key: 'suggest.paths.enabled',
	stateKey: 'entityVault.markdownPathSuggestionsNotice',
	message:
		"VS Code's built-in Markdown path suggestions (markdown.suggest.paths.enabled) offer every section of this vault " +
		'a second time after ](/ and page files as .md links; Entity Vault offers the sections and the pages by title. ' +
		'Turn the built-in path suggestions off for this workspace?',
};

/**
 * Says once per workspace when a setting of VS Code's own Markdown support gets in the vault's
 * way, and offers to turn it off for the workspace: link validation as soon as it is on, path
 * suggestions once the server has found a vault (`vaultFound`). Dispose to stop watching.
 */
export class BuiltinMarkdownNotices implements vscode.Disposable {
	private inVault = false;
	private readonly watcher: vscode.Disposable;

	constructor(private readonly context: vscode.ExtensionContext) {
		this.check();
		this.watcher = vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('markdown.validate.enabled') || event.affectsConfiguration('markdown.suggest.paths.enabled')) {
				this.check();
			}
		});
	}

	/** The server indexed a vault with pages: path suggestions now get in the way. */
	vaultFound(): void {
		if (!this.inVault) {
			this.inVault = true;
			this.check();
		}
	}

	dispose(): void {
		this.watcher.dispose();
	}

	private check(): void {
		for (const setting of this.inVault ? [LINK_VALIDATION, PATH_SUGGESTIONS] : [LINK_VALIDATION]) {
			if (this.shouldOffer(setting)) {
				void this.offer(setting);
			}
		}
	}

	private shouldOffer(setting: BuiltinMarkdownSetting): boolean {
		return (
			(vscode.workspace.workspaceFolders?.length ?? 0) > 0 &&
			vscode.workspace.getConfiguration('markdown').get<boolean>(setting.key) === true &&
			!this.context.workspaceState.get<boolean>(`${setting.stateKey}.shown`) &&
			!this.context.globalState.get<boolean>(`${setting.stateKey}.never`)
		);
	}

	private async offer(setting: BuiltinMarkdownSetting): Promise<void> {
		await this.context.workspaceState.update(`${setting.stateKey}.shown`, true);
		const choice = await vscode.window.showInformationMessage(setting.message, turnOff, neverAgain);
		if (choice === turnOff) {
			await vscode.workspace.getConfiguration('markdown').update(setting.key, false, vscode.ConfigurationTarget.Workspace);
		} else if (choice === neverAgain) {
			await this.context.globalState.update(`${setting.stateKey}.never`, true);
		}
	}
}
