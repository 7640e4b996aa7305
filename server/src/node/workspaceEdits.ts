import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { VaultEdit } from '../service/vault/vaultResults';
import type { ServerState } from './languageServer';
import type { VaultWorkspace } from './vaultWorkspace';

/**
 * Turns a service edit into an LSP WorkspaceEdit: files to create become
 * `CreateFile` operations followed by the insertion of their text, so the
 * editor applies everything and the server writes nothing itself.
 */
export function toWorkspaceEdit(state: ServerState, vault: VaultWorkspace, edit: VaultEdit): WorkspaceEdit {
	const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
	for (const file of edit.createFiles ?? []) {
		const uri = state.uriOf(vault, file.path);
		documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } });
		documentChanges.push({
			textDocument: { uri, version: null },
			edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }],
		});
	}
	for (const change of edit.changes ?? []) {
		const uri = state.uriOf(vault, change.path);
		documentChanges.push({
			textDocument: { uri, version: state.documents.get(uri)?.version ?? null },
			edits: [...change.edits],
		});
	}
	return { documentChanges };
}
