import * as vscode from 'vscode';
import type { PageRange } from '../../server/src/protocol';

/** The command of the panels' entries (not in the Command Palette): opens a page with the range selected. */
export const OPEN_LOCATION_COMMAND = 'entityVault.openLocation';

export async function openLocation(uri: string, range?: PageRange): Promise<void> {
	const selection = range === undefined
		? undefined
		: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
	await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: false });
}

/** The command that opens `uri` at `range`, for a tree item. */
export function openCommand(uri: string, range?: PageRange): vscode.Command {
	return { command: OPEN_LOCATION_COMMAND, title: 'Open', arguments: range === undefined ? [uri] : [uri, range] };
}
