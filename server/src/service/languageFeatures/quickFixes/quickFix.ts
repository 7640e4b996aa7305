import { CodeActionKind, type Range, type SnippetTextEdit, type TextEdit } from 'vscode-languageserver-types';
import { positionAt, spanToRange } from '../../text/lineIndex';
import type { VaultSettings } from '../../vault/settings';
import type { VaultEdit } from '../../vault/vaultResults';
import type { Span } from '../../parse/markdownTypes';
import type { VaultDiagnostic } from '../diagnostics';
import type { DiagnosticCode } from '../../vault/settings';
import type { PageContext } from '../pageContext';

/** A quick fix, linked to the diagnostic it fixes; the transport turns `edit` into a WorkspaceEdit. */
export interface VaultCodeAction {
	readonly title: string;
	/** A quick fix, or a source action (`source.linkMentions`). */
	readonly kind: typeof CodeActionKind.QuickFix | `${typeof CodeActionKind.Source}.${string}`;
	readonly diagnostics: VaultDiagnostic[];
	readonly isPreferred?: boolean;
	readonly edit: VaultEdit;
}

/** What every quick fix reads: the page, its current text (BOM removed), the vault and its settings. */
export interface QuickFixContext extends PageContext {
	readonly settings: VaultSettings;
	/** `YYYY-MM-DD`, given by the caller. */
	readonly today: string;
	/** The document's line break (`\r\n`, `\n` or `\r`), used for every inserted line. */
	readonly lineEnding: string;
	/** The client takes snippet edits (`SnippetTextEdit`) in a code action's edit. */
	readonly snippets?: boolean;
}

export type QuickFixProvider<C extends DiagnosticCode> = (context: QuickFixContext, diagnostic: VaultDiagnostic<C>) => VaultCodeAction[];

/** The document's line break: the first one it uses, `\n` when it has none. */
export function lineEndingOf(text: string): string {
	const match = /\r\n|\n|\r/.exec(text);
	return match ? match[0] : '\n';
}

export function rangeOfSpan(context: QuickFixContext, span: Span): Range {
	return spanToRange(context.page.lineStarts, span);
}

export function sameRange(a: Range, b: Range): boolean {
	return a.start.line === b.start.line && a.start.character === b.start.character
		&& a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A text edit replacing `[start, end)` of the page's text. */
export function replaceSpan(context: QuickFixContext, start: number, end: number, newText: string): TextEdit {
	return { range: { start: positionAt(context.page.lineStarts, start), end: positionAt(context.page.lineStarts, end) }, newText };
}

/** A code action editing only this page. */
export function pageFix(context: QuickFixContext, diagnostic: VaultDiagnostic, title: string, edits: (TextEdit | SnippetTextEdit)[], isPreferred?: boolean): VaultCodeAction {
	return {
		title,
		kind: CodeActionKind.QuickFix,
		diagnostics: [diagnostic],
		...(isPreferred ? { isPreferred: true } : {}),
		edit: { changes: [{ path: context.page.path, edits }] },
	};
}
