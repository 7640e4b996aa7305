import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';

/**
 * Applies LSP text edits to a text the way an editor does: every range refers
 * to the original text (UTF-16 positions, `\r\n`, `\n` and `\r` line
 * breaks), overlapping edits are an error. Uses vscode-languageserver-textdocument,
 * an implementation independent of the vault service's own line index.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
	const document = TextDocument.create('file:///test.md', 'markdown', 1, text);
	for (let i = 1; i < sorted.length; i++) {
		const previousEnd = document.offsetAt(sorted[i - 1].range.end);
		if (document.offsetAt(sorted[i].range.start) < previousEnd) {
			throw new Error(`overlapping edits: ${JSON.stringify(sorted[i - 1])} and ${JSON.stringify(sorted[i])}`);
		}
	}
	return TextDocument.applyEdits(document, [...edits]);
}

/**
 * Applies a VaultEdit to an in-memory vault given as path → text: creates its
 * files (an existing path is an error, as a CreateFile without overwrite
 * is) and applies the text edits of each page. Returns the changed texts by
 * path; `texts` itself is updated too.
 */
export function applyVaultEdit(texts: Map<string, string>, edit: VaultEdit): Map<string, string> {
	const changed = new Map<string, string>();
	for (const file of edit.createFiles ?? []) {
		if (texts.has(file.path)) {
			throw new Error(`${file.path} already exists`);
		}
		texts.set(file.path, file.text);
		changed.set(file.path, file.text);
	}
	for (const change of edit.changes ?? []) {
		const text = texts.get(change.path);
		if (text === undefined) {
			throw new Error(`no page ${change.path} to edit`);
		}
		const next = applyTextEdits(text, change.edits);
		texts.set(change.path, next);
		changed.set(change.path, next);
	}
	return changed;
}
