import * as vscode from 'vscode';
import type { FileWillRenameEvent, WorkspaceEdit } from 'vscode';
import { countMoveEdits, moveLinksAnswers, moveLinksQuestion } from '../../server/src/moveLinksQuestion';
import type { UpdateLinksOnMove } from './vaultProtocol';

/** The `entityVault.updateLinksOnMove` setting where a move starts. */
function updateLinksOnMove(event: FileWillRenameEvent): UpdateLinksOnMove {
	const scope = event.files[0]?.oldUri;
	const value = vscode.workspace.getConfiguration('entityVault', scope).get<string>('updateLinksOnMove');
	return value === 'always' || value === 'never' ? value : 'prompt';
}

/**
 * The language client's `willRenameFiles` middleware: a page or folder moved
 * in the explorer gets the server's edit of the links to it, applied as the
 * setting says: `never` asks the server nothing, `always` applies it, and
 * `prompt` asks first in a modal dialog ("Update 34 links in 12 pages?"),
 * unless there is nothing to change. The server knows the client asks
 * (`initializationOptions.promptsOnMove`) and does not ask again.
 */
export async function willRenameFiles(
	event: FileWillRenameEvent,
	next: (event: FileWillRenameEvent) => Thenable<WorkspaceEdit | null | undefined>,
): Promise<WorkspaceEdit | undefined> {
	const setting = updateLinksOnMove(event);
	if (setting === 'never') {
		return undefined;
	}
	const edit = await next(event);
	if (!edit) {
		return undefined;
	}
	const { links, pages } = countMoveEdits(edit.entries().map(([, edits]) => edits));
	if (links === 0 || setting === 'always') {
		return links === 0 ? undefined : edit;
	}
	const update: vscode.MessageItem = { title: moveLinksAnswers.update };
	const skip: vscode.MessageItem = { title: moveLinksAnswers.skip, isCloseAffordance: true };
	const choice = await vscode.window.showInformationMessage(
		moveLinksQuestion(links, pages),
		{ modal: true, detail: 'Entity Vault rewrites the links to the moved pages, and the relative links inside them.' },
		update,
		skip,
	);
	return choice === update ? edit : undefined;
}
