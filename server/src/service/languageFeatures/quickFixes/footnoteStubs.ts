import { normalizeMarkdownLabel, scanMarkdown } from '../../parse/markdown';
import type { FootnoteDefinition } from '../../parse/markdownTypes';
import { lineAt } from '../../text/lineIndex';
import { isBlankLine, lastNonBlankLine, lineBounds, lineBreakNear, type PageLines } from './documentLines';

/**
 * Where new footnote definitions `[^label]: ` go, shared by the
 * missing-footnote quick fix and footnote completion: the inserted text is
 * `before`, then the stubs joined by `separator`, then `after`, all at `at`.
 */
export interface FootnoteStubs {
	readonly at: number;
	readonly before: string;
	/** `[^label]: ` for each label, in order. */
	readonly stubs: readonly string[];
	readonly separator: string;
	readonly after: string;
}

/** The whole inserted text. */
export function stubsText(stubs: FootnoteStubs): string {
	return stubs.before + stubs.stubs.join(stubs.separator) + stubs.after;
}

/** The page's last footnote definition (in document order) that stands alone at the start of its line, if any. */
function lastTopLevelDefinition(context: PageLines): FootnoteDefinition | undefined {
	const { page, text } = context;
	let last: FootnoteDefinition | undefined;
	for (const definition of page.footnoteDefinitions) {
		const lineStart = page.lineStarts[lineAt(page.lineStarts, definition.span.start)];
		if (/^[ \t]*$/.test(text.slice(lineStart, definition.span.start)) && (!last || definition.span.start > last.span.start)) {
			last = definition;
		}
	}
	return last;
}

/**
 * Directly under the last definition, or after a blank line when the last
 * two definitions are apart; a blank line after the stubs when content
 * follows, so that what is typed in the stub does not run into it.
 */
function afterLastDefinition(context: PageLines, rawLabels: readonly string[]): FootnoteStubs | undefined {
	const last = lastTopLevelDefinition(context);
	if (!last) {
		return undefined;
	}
	const { page, text } = context;
	const line = lineAt(page.lineStarts, last.span.end);
	const eol = lineBreakNear(context, line);
	const previous = page.footnoteDefinitions.filter(definition => definition.span.end <= last.span.start).at(-1);
	const gap = previous ? text.slice(previous.span.end, last.span.start) : '';
	const apart = /^\s*$/.test(gap) && (gap.match(/\r\n|\n|\r/g)?.length ?? 0) >= 2;
	const contentFollows = line + 1 < page.lineStarts.length && !isBlankLine(context, line + 1);
	return {
		at: lineBounds(context, line).contentEnd,
		before: apart ? eol + eol : eol,
		stubs: rawLabels.map(label => `[^${label}]: `),
		separator: eol,
		after: contentFollows ? eol : '',
	};
}

/**
 * After the last non-blank line of the page, after a blank line (directly at
 * the start of an empty page). Trailing line breaks (or their absence) stay as
 * they were.
 */
function atPageEnd(context: PageLines, rawLabels: readonly string[]): FootnoteStubs {
	const last = lastNonBlankLine(context);
	const eol = lineBreakNear(context, last);
	const stubs = rawLabels.map(label => `[^${label}]: `);
	if (last < 0) {
		return { at: 0, before: '', stubs, separator: eol, after: eol };
	}
	return { at: lineBounds(context, last).contentEnd, before: eol + eol, stubs, separator: eol, after: '' };
}

/** Inserting `stubs` makes every one of `rawLabels` a definition there. */
function defines(context: PageLines, stubs: FootnoteStubs, rawLabels: readonly string[]): boolean {
	const after = context.text.slice(0, stubs.at) + stubsText(stubs) + context.text.slice(stubs.at);
	const defined = new Set(scanMarkdown(after, context.page.frontmatter.bodyStart).footnoteDefinitions
		.filter(definition => definition.span.start >= stubs.at)
		.map(definition => definition.label));
	return rawLabels.every(label => defined.has(normalizeMarkdownLabel(label)));
}

/**
 * Where definitions of `rawLabels` go: after the page's last footnote
 * definition, else at the end of the page after a blank line. Undefined when
 * the stubs would not be definitions there (the page ends inside an unclosed
 * code block, for instance).
 */
export function footnoteStubs(context: PageLines, rawLabels: readonly string[]): FootnoteStubs | undefined {
	for (const stubs of [afterLastDefinition(context, rawLabels), atPageEnd(context, rawLabels)]) {
		if (stubs && defines(context, stubs, rawLabels)) {
			return stubs;
		}
	}
	return undefined;
}
