import type { Range, SnippetTextEdit, TextEdit } from 'vscode-languageserver-types';

/**
 * Results of the vault service name pages by vault-relative path; the
 * transport turns paths into URIs for the editor.
 */
export interface VaultLocation {
	readonly path: string;
	readonly range: Range;
}

/** A change to the vault, applied by the editor (the service never writes). */
export interface VaultEdit {
	/** Pages to create first, with their whole text. */
	readonly createFiles?: readonly { readonly path: string; readonly text: string }[];
	/**
	 * Text edits per existing page; a snippet edit (LSP 3.18) only when the
	 * caller said the client takes them.
	 */
	readonly changes?: readonly { readonly path: string; readonly edits: readonly (TextEdit | SnippetTextEdit)[] }[];
	/**
	 * Files or folders to rename (vault-relative), after the text edits (which
	 * name the pages at their old paths); never onto an existing path.
	 */
	readonly renameFiles?: readonly { readonly from: string; readonly to: string }[];
	/** Files to delete (vault-relative), last. */
	readonly deleteFiles?: readonly { readonly path: string }[];
}
