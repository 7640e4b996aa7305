import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SnippetTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { VaultEdit } from '../../server/src/service/vault/vaultResults';

/**
 * The text a snippet inserts (the subset of the snippet syntax the server
 * writes: `$N` and `${N}` tab stops, `\$`, `\}` and `\\` escapes), each tab
 * stop written as `tabStop` (e.g. the cursor marker of test/support/cursor.ts).
 * Fails on any other `$` or `}` construct, so an unescaped one is caught.
 */
export function snippetText(snippet: string, tabStop = ''): string {
	return snippet.replace(/\\([$}\\])|\$(\d+)|\$\{(\d+)\}|[$}]/g, (whole: string, escaped: string | undefined, stop: string | undefined, braced: string | undefined) => {
		if (escaped !== undefined) {
			return escaped;
		}
		if (stop !== undefined || braced !== undefined) {
			return tabStop;
		}
		throw new Error(`unescaped ${whole} in snippet ${JSON.stringify(snippet)}`);
	});
}

/** A snippet edit as the text edit it makes, its tab stops written as `tabStop`. */
export function asTextEdit(edit: TextEdit | SnippetTextEdit, tabStop = ''): TextEdit {
	return 'snippet' in edit ? { range: edit.range, newText: snippetText(edit.snippet.value, tabStop) } : edit;
}

/**
 * Applies LSP text edits to a text the way an editor does: every range refers
 * to the original text (UTF-16 positions, `\r\n`, `\n` and `\r` line
 * breaks), overlapping edits are an error. Uses vscode-languageserver-textdocument,
 * an implementation independent of the vault service's own line index. A
 * snippet edit inserts its text, its tab stops written as `tabStop`.
 */
export function applyTextEdits(text: string, snippetOrTextEdits: readonly (TextEdit | SnippetTextEdit)[], tabStop = ''): string {
	const edits = snippetOrTextEdits.map(edit => asTextEdit(edit, tabStop));
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
 * is) and applies the text edits of each page (snippet tab stops written as
 * `tabStop`). Returns the changed texts by
 * path; `texts` itself is updated too.
 */
export function applyVaultEdit(texts: Map<string, string>, edit: VaultEdit, tabStop = ''): Map<string, string> {
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
		const next = applyTextEdits(text, change.edits, tabStop);
		texts.set(change.path, next);
		changed.set(change.path, next);
	}
	return changed;
}

/**
 * Applies an LSP WorkspaceEdit (its `documentChanges`) to files on disk as an
 * editor does: `CreateFile` makes an empty file (an existing one is an error
 * unless `ignoreIfExists`), then each text document edit is applied to the
 * file's text. Returns the paths written, in order.
 */
export function applyWorkspaceEditToDisk(edit: WorkspaceEdit): string[] {
	const written: string[] = [];
	for (const change of edit.documentChanges ?? []) {
		if ('kind' in change) {
			if (change.kind !== 'create') {
				throw new Error(`unexpected ${change.kind} operation`);
			}
			const file = URI.parse(change.uri).fsPath;
			if (fs.existsSync(file) && !change.options?.ignoreIfExists) {
				throw new Error(`${file} already exists`);
			}
			fs.mkdirSync(path.dirname(file), { recursive: true });
			if (!fs.existsSync(file)) {
				fs.writeFileSync(file, '');
			}
			written.push(file);
			continue;
		}
		const file = URI.parse(change.textDocument.uri).fsPath;
		fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), change.edits));
		written.push(file);
	}
	return written;
}
