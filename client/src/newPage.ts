import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewPageTemplateRequest, VaultInfoRequest, type VaultInfoResult } from './vaultProtocol';

interface SectionPick extends vscode.QuickPickItem {
	readonly rootUri: string;
	readonly section: string;
}

/** One quick pick item per section of every vault; the folder is named when there are several vaults. */
function sectionPicks(info: VaultInfoResult): SectionPick[] {
	const severalVaults = info.vaults.length > 1;
	return info.vaults.flatMap(vault =>
		[...vault.sections].sort((a, b) => a.localeCompare(b)).map(section => ({
			label: `$(folder) ${section}`,
			description: severalVaults ? vscode.workspace.asRelativePath(vscode.Uri.parse(vault.rootUri), true) : undefined,
			rootUri: vault.rootUri,
			section,
		})),
	);
}

/** Optional arguments of the command (keybindings, scripts, tests): what is given is not asked. */
export interface NewPageArguments {
	readonly section?: string;
	readonly title?: string;
	/** The file's slug when it is not made from the title (Wanted Pages: the URL's). */
	readonly slug?: string;
	/** The vault, when several are open (its root's URI); its section need not exist yet. */
	readonly rootUri?: string;
}

/**
 * Entity Vault: New Page…  Pick a section, type a title; the server names the file
 * (SECTION/slug.md) and writes its front matter, and the client creates and opens it.
 * Returns the page's URI (undefined when cancelled).
 */
export async function newPage(client: LanguageClient, args: NewPageArguments = {}): Promise<vscode.Uri | undefined> {
	const picks = sectionPicks(await client.sendRequest(VaultInfoRequest));
	if (picks.length === 0) {
		void vscode.window.showInformationMessage(
			'Entity Vault: no sections found in the vault. Make a section folder (for example people/) with a page in it first.',
		);
		return undefined;
	}
	const picked =
		args.section !== undefined
			? picks.find(pick => pick.section === args.section && (args.rootUri === undefined || pick.rootUri === args.rootUri))
				?? (args.rootUri === undefined ? undefined : { label: args.section, rootUri: args.rootUri, section: args.section })
			: await vscode.window.showQuickPick(picks, {
					title: 'New Page: Section',
					placeHolder: 'The section of the new page',
					matchOnDescription: true,
				});
	if (!picked) {
		if (args.section !== undefined) {
			void vscode.window.showErrorMessage(`Entity Vault: the vault has no section named ${args.section}.`);
		}
		return undefined;
	}
	const title =
		args.title?.trim() ||
		(await vscode.window.showInputBox({
			title: `New Page in ${picked.section}/`,
			prompt: 'The title of the new page; its file name is made from it.',
			placeHolder: 'For example: Kermit Roosevelt Jr.',
			validateInput: value => (value.trim() === '' ? 'Type a title.' : undefined),
		}));
	if (title === undefined) {
		return undefined;
	}
	const template = await client.sendRequest(NewPageTemplateRequest, {
		rootUri: picked.rootUri,
		section: picked.section,
		title: title.trim(),
		...(args.slug === undefined ? {} : { slug: args.slug }),
	});
	const uri = vscode.Uri.parse(template.uri);
	if (template.exists || (await fileExists(uri))) {
		void vscode.window.showInformationMessage(
			`Entity Vault: ${vscode.workspace.asRelativePath(uri)} already exists; it has been opened.`,
		);
		await vscode.window.showTextDocument(uri, { preview: false });
		return uri;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.createFile(uri, { ignoreIfExists: false });
	edit.insert(uri, new vscode.Position(0, 0), template.text);
	if (!(await vscode.workspace.applyEdit(edit))) {
		void vscode.window.showErrorMessage(`Entity Vault: could not create ${vscode.workspace.asRelativePath(uri)}.`);
		return undefined;
	}
	const document = await vscode.workspace.openTextDocument(uri);
	await document.save();
	const editor = await vscode.window.showTextDocument(document, { preview: false });
	const summaryLine = firstLineStartingWith(document, 'summary:');
	if (summaryLine !== undefined) {
		const end = document.lineAt(summaryLine).range.end;
		editor.selection = new vscode.Selection(end, end);
	}
	return uri;
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

/** The template leaves `summary:` empty: the cursor goes there, ready to type. */
function firstLineStartingWith(document: vscode.TextDocument, prefix: string): number | undefined {
	for (let line = 0; line < document.lineCount; line++) {
		if (document.lineAt(line).text.startsWith(prefix)) {
			return line;
		}
	}
	return undefined;
}
