import { CodeActionKind, type Position, type Range, type SnippetTextEdit, type TextEdit } from 'vscode-languageserver-types';
import { positionAt, spanToRange } from '../../text/lineIndex';
import type { VaultSettings } from '../../vault/settings';
import type { VaultEdit } from '../../vault/vaultResults';
import type { Span } from '../../parse/markdownTypes';
import type { VaultDiagnostic } from '../diagnostics';
import type { DiagnosticCode } from '../../vault/settings';
import type { PageContext } from '../pageContext';

/**
 * A code action: a quick fix linked to the diagnostics it fixes, or an
 * action on the range itself (a refactoring, no diagnostic); the transport
 * turns `edit` into a WorkspaceEdit.
 */
export interface VaultCodeAction {
	readonly title: string;
	/** A quick fix, a refactoring, or a source action (`source.linkMentions`). */
	readonly kind: typeof CodeActionKind.QuickFix | typeof CodeActionKind.RefactorRewrite | typeof CodeActionKind.RefactorExtract | `${typeof CodeActionKind.Source}.${string}`;
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

/**
 * Actions offered on the range the editor asks about, whatever the
 * diagnostics (which it is given: the valid ones of this server among those
 * the client sent, e.g. to leave out an action a quick fix already offers).
 */
export type RangeActionProvider = (context: QuickFixContext, range: Range, diagnostics: readonly VaultDiagnostic[]) => VaultCodeAction[];

function before(a: Position, b: Position): boolean {
	return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The ranges overlap or touch. */
export function rangesIntersect(a: Range, b: Range): boolean {
	return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The document's line break: the first one it uses, `\n` when it has none. */
export function lineEndingOf(text: string): string {
	const match = /\r\n|\n|\r/.exec(text);
	return match ? match[0] : '\n';
}

export function rangeOfSpan(context: QuickFixContext, span: Span): Range {
	return spanToRange(context.page.lineStarts, span);
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
