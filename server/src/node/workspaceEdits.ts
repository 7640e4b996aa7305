import type { CreateFile, DeleteFile, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { VaultEdit } from '../service/vault/vaultResults';
import type { VaultWorkspace } from './vaultWorkspace';

/** Where an edit's pages are: the URI of a page, and the version of an open document. */
export interface EditTarget {
	uriOf(vault: VaultWorkspace, path: string): string;
	versionOf(uri: string): number | undefined;
}

/**
 * Turns a service edit into an LSP WorkspaceEdit, in the order the editor
 * applies them: files to create become `CreateFile` operations followed by
 * the insertion of their text; then the text edits (on the pages at their
 * current paths, with an open document's version); then the renames
 * (`overwrite: false`) and the deletions. The server writes nothing itself.
 */
export function toWorkspaceEdit(target: EditTarget, vault: VaultWorkspace, edit: VaultEdit): WorkspaceEdit {
	const documentChanges: (TextDocumentEdit | CreateFile | RenameFile | DeleteFile)[] = [];
	for (const file of edit.createFiles ?? []) {
		const uri = target.uriOf(vault, file.path);
		documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } });
		documentChanges.push({
			textDocument: { uri, version: null },
			edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }],
		});
	}
	for (const change of edit.changes ?? []) {
		const uri = target.uriOf(vault, change.path);
		documentChanges.push({
			textDocument: { uri, version: target.versionOf(uri) ?? null },
			edits: [...change.edits],
		});
	}
	for (const rename of edit.renameFiles ?? []) {
		documentChanges.push({ kind: 'rename', oldUri: target.uriOf(vault, rename.from), newUri: target.uriOf(vault, rename.to), options: { overwrite: false } });
	}
	for (const file of edit.deleteFiles ?? []) {
		documentChanges.push({ kind: 'delete', uri: target.uriOf(vault, file.path) });
	}
	return { documentChanges };
}
