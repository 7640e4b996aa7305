import type { FootnoteDefinition, Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import { lineAt, positionAt } from '../text/lineIndex';
import type { VaultEdit } from '../vault/vaultResults';
import { footnoteBlock } from './footnoteBlock';
import type { PageContext } from './pageContext';
import { lineEndingOf } from './quickFixes/quickFix';

/** The code action kind of Renumber footnotes, under `source`. */
export const RENUMBER_FOOTNOTES_KIND = 'source.renumberFootnotes';

/** A source action: not tied to a diagnostic, offered on the whole page. */
export interface VaultSourceAction {
	readonly title: string;
	readonly kind: string;
	readonly edit: VaultEdit;
}

interface OffsetEdit extends Span {
	readonly newText: string;
}

function lineStartOf(page: PageSummary, offset: number): number {
	return page.lineStarts[lineAt(page.lineStarts, offset)];
}

/** The start of the line after the one holding `offset` (the text's end on its last line). */
function nextLineStart(page: PageSummary, text: string, offset: number): number {
	const line = lineAt(page.lineStarts, offset);
	return line + 1 < page.lineStarts.length ? page.lineStarts[line + 1] : text.length;
}

function isBlank(text: string, start: number, end: number): boolean {
	return /^[ \t\r\n]*$/.test(text.slice(start, end));
}

/** The new label of each used label (`1..n` in order of first use), then of each unused one (`n+1…`, in their order). */
function newLabels(page: PageSummary): Map<string, string> {
	const labels = new Map<string, string>();
	for (const reference of page.footnoteReferences) {
		if (!labels.has(reference.label)) {
			labels.set(reference.label, String(labels.size + 1));
		}
	}
	for (const definition of page.footnoteDefinitions) {
		if (!labels.has(definition.label)) {
			labels.set(definition.label, String(labels.size + 1));
		}
	}
	return labels;
}

/**
 * Source action "Renumber footnotes": the labels become `1..n` in the order
 * of their first use, and the definitions move to the footnote block at the
 * end of the page in that order (definitions of labels never used after
 * them, in their order, numbered on). Everything else is kept byte for byte:
 * the text between the block's definitions, each definition's own text and
 * line breaks. A definition elsewhere on the page leaves with its line (and
 * one blank line when it stood between two). Undefined when the page has no
 * footnotes, is already in that form, or has a definition that does not
 * start its line (inside a quote or a list item it would change meaning).
 */
export function renumberFootnotes({ page, text }: PageContext): VaultSourceAction | undefined {
	const definitions = page.footnoteDefinitions;
	if (text.length !== page.textLength || (definitions.length === 0 && page.footnoteReferences.length === 0)) {
		return undefined;
	}
	if (definitions.some(definition => !isBlank(text, lineStartOf(page, definition.span.start), definition.span.start))) {
		return undefined;
	}
	const labels = newLabels(page);
	const block = footnoteBlock(page, text);
	const inBlock = new Set(block);
	const edits: OffsetEdit[] = [];

	// The definitions elsewhere leave with their lines, a run of them at once.
	const moved: Span[] = [];
	for (const definition of definitions) {
		if (inBlock.has(definition)) {
			continue;
		}
		const start = lineStartOf(page, definition.span.start);
		const end = nextLineStart(page, text, definition.span.end);
		const last = moved[moved.length - 1];
		if (last !== undefined && last.end === start) {
			moved[moved.length - 1] = { start: last.start, end };
		} else {
			moved.push({ start, end });
		}
	}
	for (const run of moved) {
		const previousBlank = run.start === page.frontmatter.bodyStart || (run.start > 0 && isBlank(text, lineStartOf(page, run.start - 1), run.start));
		const following = nextLineStart(page, text, run.end);
		const end = previousBlank && run.end < text.length && isBlank(text, run.end, following) ? following : run.end;
		edits.push({ start: run.start, end, newText: '' });
	}

	// The definitions in their new order, written into the block's places.
	const order: FootnoteDefinition[] = [];
	for (const label of labels.keys()) {
		order.push(...definitions.filter(definition => definition.label === label));
	}
	const written = order.map(definition => definitionText(page, text, definition, labels));
	const lineEnding = lineEndingOf(text);
	if (block.length > 0) {
		let newText = '';
		for (let i = 0; i < written.length; i++) {
			const separator = i === 0 ? '' : i < block.length ? text.slice(block[i - 1].span.end, block[i].span.start) : block.length > 1 ? text.slice(block[block.length - 2].span.end, block[block.length - 1].span.start) : lineEnding;
			newText += separator + written[i];
		}
		edits.push({ start: block[0].span.start, end: block[block.length - 1].span.end, newText });
	} else if (written.length > 0) {
		const endsWithBreak = /[\r\n]$/.test(text);
		const prefix = text === '' || /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(text) ? '' : endsWithBreak ? lineEnding : lineEnding + lineEnding;
		edits.push({ start: text.length, end: text.length, newText: prefix + written.join(lineEnding) + (endsWithBreak ? lineEnding : '') });
	}

	// The references outside the definitions moved, relabelled where they are.
	const replaced = edits.filter(edit => edit.end > edit.start);
	for (const reference of page.footnoteReferences) {
		if (!replaced.some(edit => reference.span.start >= edit.start && reference.span.end <= edit.end)) {
			edits.push({ start: reference.span.start + 2, end: reference.span.end - 1, newText: labels.get(reference.label)! });
		}
	}
	const changed = edits.filter(edit => text.slice(edit.start, edit.end) !== edit.newText);
	if (changed.length === 0) {
		return undefined;
	}
	const toRange = (offset: number) => positionAt(page.lineStarts, offset);
	return {
		title: 'Renumber footnotes',
		kind: RENUMBER_FOOTNOTES_KIND,
		edit: { changes: [{ path: page.path, edits: changed.map(edit => ({ range: { start: toRange(edit.start), end: toRange(edit.end) }, newText: edit.newText })) }] },
	};
}

/** A definition's text, its label and the footnote references inside it relabelled. */
function definitionText(page: PageSummary, text: string, definition: FootnoteDefinition, labels: ReadonlyMap<string, string>): string {
	const end = definition.span.end;
	const inner = page.footnoteReferences.filter(reference => reference.span.start >= definition.markerSpan.end && reference.span.end <= end);
	let result = `[^${labels.get(definition.label)!}]:`;
	let at = definition.markerSpan.end;
	for (const reference of inner) {
		result += `${text.slice(at, reference.span.start)}[^${labels.get(reference.label)!}]`;
		at = reference.span.end;
	}
	return result + text.slice(at, end);
}
