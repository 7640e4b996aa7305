import type { Range, SnippetTextEdit, TextEdit } from 'vscode-languageserver-types';
import { scanMarkdown } from '../../parse/markdown';
import type { FootnoteDefinition } from '../../parse/markdownTypes';
import type { PageFootnoteDefinition } from '../../parse/pageSummary';
import { lineAt, sameRange } from '../../text/lineIndex';
import type { VaultDiagnostic } from '../diagnostics';
import { isBlankLine, lineBounds, lineBreakNear } from './documentLines';
import { footnoteStubs, stubsText } from './footnoteStubs';
import { pageFix, rangeOfSpan, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * Footnote quick fixes:
 * - `missing-footnote`: add a `[^label]: ` stub after the page's last
 *   definition, or at its end (one action per label, and one for all of them
 *   when several are undefined), with the cursor in it when the client takes
 *   snippet edits;
 * - `unused-footnote`: remove the definition with its continuation lines;
 * - `duplicate-footnote`: rename the duplicate to an unused label (GFM keeps
 *   only the first definition, so the second becomes a note of its own that
 *   can then be referenced), or remove it.
 */

/** Labels referenced but never defined, in document order: normalized label → label as first written. */
function undefinedLabels(context: QuickFixContext): Map<string, string> {
	const defined = new Set(context.page.footnoteDefinitions.map(definition => definition.label));
	const labels = new Map<string, string>();
	for (const reference of context.page.footnoteReferences) {
		if (!defined.has(reference.label) && !labels.has(reference.label)) {
			labels.set(reference.label, reference.rawLabel);
		}
	}
	return labels;
}

/** Text a snippet inserts as it is: `$`, `}` and `\\` escaped. */
function snippetLiteral(text: string): string {
	return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * Inserts `[^label]: ` lines where `footnoteStubs` puts them. With snippets,
 * the cursor lands in the (first) new definition, and Tab goes to the next.
 */
function addDefinitionsEdit(context: QuickFixContext, rawLabels: readonly string[]): TextEdit | SnippetTextEdit | undefined {
	const stubs = footnoteStubs(context, rawLabels);
	if (!stubs) {
		return undefined;
	}
	const edit = replaceSpan(context, stubs.at, stubs.at, stubsText(stubs));
	if (!context.snippets) {
		return edit;
	}
	const tabStops = stubs.stubs.map((stub, i) => snippetLiteral(stub) + (stubs.stubs.length === 1 ? '$0' : `$${i + 1}`));
	const value = snippetLiteral(stubs.before) + tabStops.join(snippetLiteral(stubs.separator)) + snippetLiteral(stubs.after);
	return { range: edit.range, snippet: { kind: 'snippet', value } };
}

function missingFootnoteFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'missing-footnote'>): VaultCodeAction[] {
	const missing = undefinedLabels(context);
	const rawLabel = missing.get(diagnostic.data.label);
	if (rawLabel === undefined) {
		return []; // defined meanwhile
	}
	const actions: VaultCodeAction[] = [];
	const one = addDefinitionsEdit(context, [rawLabel]);
	if (one) {
		actions.push(pageFix(context, diagnostic, `Add footnote definition [^${rawLabel}]`, [one], true));
	}
	const all = missing.size > 1 ? addDefinitionsEdit(context, [...missing.values()]) : undefined;
	if (all) {
		actions.push(pageFix(context, diagnostic, `Add definitions for all ${missing.size} undefined footnotes`, [all]));
	}
	return actions;
}

/** The definition whose whole span is `range` in the current text, if it is still there. */
export function definitionAt(context: QuickFixContext, range: Range): PageFootnoteDefinition | undefined {
	return context.page.footnoteDefinitions.find(definition => sameRange(rangeOfSpan(context, definition.span), range));
}

/**
 * Removes a footnote definition: its lines with their line break; and one of
 * the blank lines around it when it stood alone between two of them, or the
 * blank lines before it when it ends the page, so no double blank line and no
 * new trailing blank line is left. Between two lines that would join once it
 * is gone, it leaves a blank line instead. A page without a final line break
 * keeps having none. Undefined when something else shares its lines.
 */
export function removeDefinitionEdit(context: QuickFixContext, definition: FootnoteDefinition): TextEdit | undefined {
	const lineStarts = context.page.lineStarts;
	const firstLine = lineAt(lineStarts, definition.span.start);
	const lastLine = lineAt(lineStarts, definition.span.end);
	const first = lineBounds(context, firstLine);
	const last = lineBounds(context, lastLine);
	if (!/^[ \t>]*$/.test(context.text.slice(first.start, definition.span.start)) || context.text.slice(definition.span.end, last.contentEnd).trim() !== '') {
		return undefined; // something else shares its lines
	}
	let start = first.start;
	let end = last.next;
	const previousLine = firstLine - 1;
	const previousBlank = previousLine >= 0 && isBlankLine(context, previousLine);
	if (context.text.slice(end).trim() === '') {
		// Last line(s) of the page (but for blank ones, left as they are): the blank lines before go too.
		let kept = previousLine;
		while (kept >= 0 && isBlankLine(context, kept)) {
			kept--;
		}
		if (kept < 0) {
			start = 0;
		} else if (last.next === last.contentEnd) {
			// No final line break: end the page right after the kept line's content.
			start = lineBounds(context, kept).contentEnd;
		} else {
			start = lineBounds(context, kept).next;
		}
	} else if ((previousBlank || previousLine < 0) && isBlankLine(context, lastLine + 1)) {
		end = lineBounds(context, lastLine + 1).next;
	} else if (previousLine >= 0 && !previousBlank && !isBlankLine(context, lastLine + 1)) {
		// Between two non-blank lines, which would join (two paragraphs, two block quotes…) unless both are
		// footnote definitions that stay apart: leave a blank line between them.
		const inOtherDefinition = (line: number): boolean => context.page.footnoteDefinitions.some(other => other !== definition
			&& lineAt(lineStarts, other.span.start) <= line && line <= lineAt(lineStarts, other.span.end));
		const blank = lineBreakNear(context, previousLine);
		if (!inOtherDefinition(previousLine) || !inOtherDefinition(lastLine + 1)
			|| (!otherDefinitionsKept(context, definition, start, end, '') && otherDefinitionsKept(context, definition, start, end, blank))) {
			return replaceSpan(context, start, end, blank);
		}
	}
	return replaceSpan(context, start, end, '');
}

/** Replacing `[start, end)` by `newText` leaves every other footnote definition as it was. */
function otherDefinitionsKept(context: QuickFixContext, removed: FootnoteDefinition, start: number, end: number, newText: string): boolean {
	const text = context.text;
	const expected = context.page.footnoteDefinitions
		.filter(definition => definition !== removed)
		.map(definition => `${definition.label}\u0000${text.slice(definition.span.start, definition.span.end)}`);
	const after = text.slice(0, start) + newText + text.slice(end);
	const found = scanMarkdown(after, context.page.frontmatter.bodyStart).footnoteDefinitions
		.map(definition => `${definition.label}\u0000${after.slice(definition.span.start, definition.span.end)}`);
	return found.length === expected.length && found.every((value, i) => value === expected[i]);
}

function unusedFootnoteFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'unused-footnote'>): VaultCodeAction[] {
	const definition = definitionAt(context, diagnostic.data.definitionRange);
	const edit = definition && removeDefinitionEdit(context, definition);
	return edit ? [pageFix(context, diagnostic, `Remove unused footnote definition [^${definition.rawLabel}]`, [edit], true)] : [];
}

function duplicateFootnoteFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'duplicate-footnote'>): VaultCodeAction[] {
	const definition = definitionAt(context, diagnostic.data.definitionRange);
	if (!definition || !sameRange(rangeOfSpan(context, definition.markerSpan), diagnostic.data.markerRange)) {
		return [];
	}
	// Renumbered to a label nothing references, the definition would be the next problem (unused):
	// offer only the labels referenced but defined nowhere, which the renumbering defines.
	const actions: VaultCodeAction[] = [];
	const defined = new Set(context.page.footnoteDefinitions.map(d => d.label));
	const undefinedReferences = new Map<string, string>();
	for (const reference of context.page.footnoteReferences) {
		if (!defined.has(reference.label) && !undefinedReferences.has(reference.label) && /^[^\s\]^[\\]+$/.test(reference.rawLabel)) {
			undefinedReferences.set(reference.label, reference.rawLabel);
		}
	}
	for (const rawLabel of undefinedReferences.values()) {
		actions.push(pageFix(context, diagnostic, `Renumber duplicate definition to [^${rawLabel}] (used, not defined)`,
			[replaceSpan(context, definition.markerSpan.start, definition.markerSpan.end, `[^${rawLabel}]:`)]));
	}
	const removal = removeDefinitionEdit(context, definition);
	if (removal) {
		actions.push(pageFix(context, diagnostic, `Remove duplicate definition of [^${definition.rawLabel}]`, [removal]));
	}
	return actions;
}

export const footnoteQuickFixes = {
	'missing-footnote': missingFootnoteFixes,
	'unused-footnote': unusedFootnoteFixes,
	'duplicate-footnote': duplicateFootnoteFixes,
} as const;
