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
}
