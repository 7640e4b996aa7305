import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { FootnoteDefinition } from '../../parse/markdownTypes';
import { lineAt } from '../../text/lineIndex';
import type { VaultDiagnostic } from '../diagnostics';
import { isBlankLine, lastNonBlankLine, lineBounds } from './documentLines';
import { pageFix, rangeOfSpan, replaceSpan, sameRange, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * Footnote quick fixes:
 * - `missing-footnote`: add a `[^label]: ` stub at the end of the page, after
 *   the existing definitions (one action per label, and one for all of them
 *   when several are undefined);
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

/**
 * Inserts `[^label]: ` lines after the last non-blank line of the page:
 * directly under it when it belongs to a footnote definition, after a blank
 * line otherwise. Trailing line breaks (or their absence) stay as they were.
 */
function addDefinitionsEdit(context: QuickFixContext, rawLabels: readonly string[]): TextEdit {
	const eol = context.lineEnding;
	const stubs = rawLabels.map(label => `[^${label}]: `).join(eol);
	const last = lastNonBlankLine(context);
	if (last < 0) {
		return replaceSpan(context, 0, 0, stubs + eol);
	}
	const lineStarts = context.page.lineStarts;
	const lastIsDefinition = context.page.footnoteDefinitions.some(definition =>
		lineAt(lineStarts, definition.span.start) <= last && last <= lineAt(lineStarts, definition.span.end));
	const at = lineBounds(context, last).contentEnd;
	return replaceSpan(context, at, at, eol + (lastIsDefinition ? '' : eol) + stubs);
}

function missingFootnoteFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'missing-footnote'>): VaultCodeAction[] {
	const missing = undefinedLabels(context);
	const rawLabel = missing.get(diagnostic.data.label);
	if (rawLabel === undefined) {
		return []; // defined meanwhile
	}
	const actions = [pageFix(context, diagnostic, `Add footnote definition [^${rawLabel}]`, [addDefinitionsEdit(context, [rawLabel])], true)];
	if (missing.size > 1) {
		actions.push(pageFix(context, diagnostic, `Add definitions for all ${missing.size} undefined footnotes`, [addDefinitionsEdit(context, [...missing.values()])]));
	}
	return actions;
}

/** The definition whose whole span is `range` in the current text, if it is still there. */
function definitionAt(context: QuickFixContext, range: Range): FootnoteDefinition | undefined {
	return context.page.footnoteDefinitions.find(definition => sameRange(rangeOfSpan(context, definition.span), range));
}

/**
 * Removes a footnote definition: its lines with their line break, and one of
 * the blank lines around it when it stood alone between two of them (or at
 * the end of the page), so no double blank line and no trailing blank line is
 * left. A page without a final line break keeps having none.
 */
function removeDefinitionEdit(context: QuickFixContext, definition: FootnoteDefinition): TextEdit | undefined {
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
	if (end >= context.text.length) {
		// Last line(s) of the page.
		if (previousLine >= 0) {
			const keptLine = previousBlank && previousLine > 0 ? previousLine - 1 : previousLine;
			if (last.next === last.contentEnd) {
				// No final line break: end the page right after the kept line's content.
				start = lineBounds(context, keptLine).contentEnd;
			} else if (previousBlank) {
				start = lineBounds(context, previousLine).start;
			}
		}
	} else if ((previousBlank || previousLine < 0) && isBlankLine(context, lastLine + 1)) {
		end = lineBounds(context, lastLine + 1).next;
	}
	return replaceSpan(context, start, end, '');
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
	const actions: VaultCodeAction[] = [];
	const newLabel = diagnostic.data.unusedLabel;
	const taken = new Set([...context.page.footnoteDefinitions.map(d => d.label), ...context.page.footnoteReferences.map(r => r.label)]);
	if (/^[^\s\]^[\\]+$/.test(newLabel) && !taken.has(newLabel.toLowerCase())) {
		actions.push(pageFix(context, diagnostic, `Renumber duplicate definition to [^${newLabel}]`,
			[replaceSpan(context, definition.markerSpan.start, definition.markerSpan.end, `[^${newLabel}]:`)]));
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
