/**
 * Who answers F2 in a vault. VS Code asks its rename providers in order: the
 * best document-selector score first (ours, `{ scheme: 'file', language:
 * 'markdown' }`, and the built-in Markdown extension's both score 10), on a
 * tie a non-built-in extension's before a built-in one's, then the newest.
 * So our server's rename comes first. But when a provider refuses (its
 * prepareRename or provideRenameEdits throws an Error, which VS Code turns
 * into a "reject reason"), VS Code asks the next one: the built-in Markdown
 * rename, which rewrites `/people/x/` as a path, drops the slash and renames
 * no file. In a vault a refusal of ours is final instead:
 * - a refused prepareRename is rethrown as a markdown-string-like object,
 *   which is not an Error: VS Code's extension host passes it on as a
 *   failure rather than a reject reason, so no other provider is asked, and
 *   the editor shows its text at the cursor;
 * - a refused rename shows the reason and answers an empty edit, so VS Code
 *   applies nothing and asks no other provider.
 * Outside a vault (a repository's docs/) refusals pass through unchanged and
 * VS Code's own Markdown rename keeps its turn.
 */

/** The reason of a refusal as the language client gives it (an Error with the server's message). */
export function refusalReason(error: unknown): string {
	if (error instanceof Error && error.message !== '') {
		return error.message;
	}
	return typeof error === 'string' && error !== '' ? error : 'Entity Vault cannot rename this.';
}

/** A refusal VS Code shows and ends the rename with (see above): a markdown string, not an Error. */
export function finalRefusal(error: unknown): { readonly value: string } {
	return { value: refusalReason(error) };
}
