import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageclient/node';

/**
 * The command of the server's "N backlinks" and "N uses" code lenses: its
 * arguments come as JSON (an LSP URI, position and locations), which VS
 * Code's references peek does not take; they are turned into VS Code's
 * objects here and the peek opened.
 */
export async function showReferences(client: LanguageClient, uri: string, position: Position, locations: readonly Location[]): Promise<void> {
	const convert = client.protocol2CodeConverter;
	await vscode.commands.executeCommand(
		'editor.action.showReferences',
		convert.asUri(uri),
		convert.asPosition(position),
		locations.map(location => convert.asLocation(location)),
	);
}
