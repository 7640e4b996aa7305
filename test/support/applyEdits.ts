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
 * The paths a rename of `from` (a file, or a folder: every path under it)
 * moves, each with its new path; fails when nothing is there or when a new
 * path exists already (a RenameFile without overwrite).
 */
function renamedPaths(texts: ReadonlyMap<string, string>, from: string, to: string): [string, string][] {
	const moved: [string, string][] = texts.has(from)
		? [[from, to]]
		: [...texts.keys()].filter(key => key.startsWith(`${from}/`)).map(key => [key, to + key.slice(from.length)]);
	if (moved.length === 0) {
		throw new Error(`nothing at ${from} to rename`);
	}
	const leaving = new Set(moved.map(([old]) => old));
	for (const [, next] of moved) {
		if (texts.has(next) && !leaving.has(next)) {
			throw new Error(`cannot rename onto ${next}: it exists`);
		}
	}
	return moved;
}

/**
 * Applies a VaultEdit to an in-memory vault given as path → text, in the
 * editor's order: creates its files (an existing path is an error, as a
 * CreateFile without overwrite is), applies the text edits of each page
 * (snippet tab stops written as `tabStop`), renames files and folders (a
 * folder rename moves every path under it; onto an existing path is an
 * error), then deletes files. Returns the changed texts by (new) path; a
 * renamed path is gone from `texts` and the result, its text under the new
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
	for (const rename of edit.renameFiles ?? []) {
		const moved = renamedPaths(texts, rename.from, rename.to);
		const movedTexts = moved.map(([old, next]) => [next, texts.get(old)!] as const);
		for (const [old] of moved) {
			texts.delete(old);
			changed.delete(old);
		}
		for (const [next, text] of movedTexts) {
			texts.set(next, text);
			changed.set(next, text);
		}
	}
	for (const file of edit.deleteFiles ?? []) {
		if (!texts.delete(file.path)) {
			throw new Error(`no file ${file.path} to delete`);
		}
		changed.delete(file.path);
	}
	return changed;
}

/**
 * Applies an LSP WorkspaceEdit to real files, the way an editor does:
 * `documentChanges` in order (text edits, CreateFile, RenameFile, DeleteFile,
 * each honouring its `overwrite` / `ignoreIfExists` / `recursive` options),
 * or else `changes`. Only `file:` URIs; an edit of a missing file, a rename
 * or creation onto an existing path without `overwrite`, or a deletion of a
 * missing path without `ignoreIfNotExists`, is an error. Returns the paths
 * written, renamed to and deleted.
 */
export function applyWorkspaceEditToFiles(edit: WorkspaceEdit): { written: string[]; renamed: string[]; deleted: string[] } {
	const result = { written: [] as string[], renamed: [] as string[], deleted: [] as string[] };
	const fsPath = (uri: string): string => {
		const parsed = URI.parse(uri);
		if (parsed.scheme !== 'file') {
			throw new Error(`not a file URI: ${uri}`);
		}
		return parsed.fsPath;
	};
	const editFile = (uri: string, edits: readonly (TextEdit | SnippetTextEdit)[]): void => {
		const file = fsPath(uri);
		if (!fs.existsSync(file)) {
			throw new Error(`no file ${file} to edit`);
		}
		fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), edits));
		result.written.push(file);
	};
	if (edit.documentChanges === undefined) {
		for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
			editFile(uri, edits);
		}
		return result;
	}
	for (const change of edit.documentChanges) {
		if (!('kind' in change)) {
			editFile(change.textDocument.uri, change.edits);
		} else if (change.kind === 'create') {
			const file = fsPath(change.uri);
			if (fs.existsSync(file)) {
				if (change.options?.ignoreIfExists && !change.options.overwrite) {
					continue;
				}
				if (!change.options?.overwrite) {
					throw new Error(`cannot create ${file}: it exists`);
				}
			}
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, '');
			result.written.push(file);
		} else if (change.kind === 'rename') {
			const from = fsPath(change.oldUri);
			const to = fsPath(change.newUri);
			if (!fs.existsSync(from)) {
				throw new Error(`nothing at ${from} to rename`);
			}
			if (fs.existsSync(to)) {
				if (change.options?.ignoreIfExists && !change.options.overwrite) {
					continue;
				}
				if (!change.options?.overwrite) {
					throw new Error(`cannot rename onto ${to}: it exists`);
				}
				fs.rmSync(to, { recursive: true });
			}
			fs.mkdirSync(path.dirname(to), { recursive: true });
			fs.renameSync(from, to);
			result.renamed.push(to);
		} else {
			const file = fsPath(change.uri);
			if (!fs.existsSync(file)) {
				if (change.options?.ignoreIfNotExists) {
					continue;
				}
				throw new Error(`nothing at ${file} to delete`);
			}
			fs.rmSync(file, { recursive: change.options?.recursive ?? false });
			result.deleted.push(file);
		}
	}
	return result;
}
