import { CodeActionKind, type Range } from 'vscode-languageserver-types';
import { frontmatterBlock, sectionConventions, type PlaceholderValues } from '../../vault/pageTemplate';
import { titleFromSlug } from '../../vault/vaultPaths';
import type { VaultDiagnostic } from '../diagnostics';
import { isBlankLine, lineBounds } from './documentLines';
import { fillDates } from './pageDates';
import { replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * "Make this a page": a page in a section without frontmatter gets the
 * frontmatter template filled in: `category` and `tags` from the section
 * (what its other pages share, else the section's name in the singular),
 * `created` and `updated` today, `title` the page's (its first `# ` heading,
 * else its file name), `summary` the first sentence of its first paragraph
 * as plain text. The body is left byte for byte. The `frontmatter-missing`
 * quick fix writes the same block.
 */

/** Longest summary written, in UTF-16 code units (cut at a word, with an ellipsis). */
const MAX_SUMMARY_LENGTH = 280;

/** Words before a full stop that do not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'col', 'lt', 'capt', 'sgt', 'vs', 'etc', 'e.g', 'i.e', 'no', 'vol', 'c', 'ca']);

/** A section's name as a category: `people` → Person, `organizations` → Organization, `places` → Place. */
function singularCategory(section: string): string {
	const lower = section.toLowerCase();
	const singular = lower === 'people' ? 'person'
		: /ies$/.test(lower) ? lower.replace(/ies$/, 'y')
			: /(ss|us)$/.test(lower) ? lower
				: lower.replace(/s$/, '');
	return titleFromSlug(singular);
}

/** The first paragraph of the body: `[start, end)` of its lines, undefined when the page has none. */
function firstParagraph(context: QuickFixContext): { start: number; end: number } | undefined {
	const lines = context.page.lineStarts.length;
	let start: number | undefined;
	let end = 0;
	for (let line = 0; line < lines; line++) {
		const bounds = lineBounds(context, line);
		if (bounds.start < context.page.frontmatter.bodyStart) {
			continue;
		}
		const content = context.text.slice(bounds.start, bounds.contentEnd);
		const indent = content.length - content.trimStart().length;
		const skipped = isBlankLine(context, line) || context.page.isInCode(bounds.start + indent)
			|| /^\s*(#|<|\[\^[^\]]*\]:|\[[^\]]*\]:|([-*_])(\s*\2){2,}\s*$|=+\s*$|-+\s*$|\|)/.test(content);
		if (skipped) {
			if (start !== undefined) {
				break;
			}
			continue;
		}
		start ??= bounds.start;
		end = bounds.contentEnd;
	}
	return start === undefined ? undefined : { start, end };
}

/** The text of `[start, end)` without markup: links as their text, images and footnote calls dropped, emphasis and code marks removed. */
function plainText(context: QuickFixContext, start: number, end: number): string {
	const { page, text } = context;
	const replacements: { start: number; end: number; text: string }[] = [];
	for (const link of page.links) {
		if (link.span.start >= start && link.span.end <= end) {
			replacements.push({ start: link.span.start, end: link.span.end, text: link.isImage || link.kind === 'autolink' ? (link.isImage ? '' : link.destination) : text.slice(link.textSpan.start, link.textSpan.end) });
		}
	}
	for (const reference of page.footnoteReferences) {
		if (reference.span.start >= start && reference.span.end <= end) {
			replacements.push({ ...reference.span, text: '' });
		}
	}
	replacements.sort((a, b) => a.start - b.start);
	let out = '';
	let at = start;
	for (const replacement of replacements) {
		if (replacement.start >= at) {
			out += text.slice(at, replacement.start) + replacement.text;
			at = replacement.end;
		}
	}
	out += text.slice(at, end);
	return out
		.replace(/^[ \t]*(>[ \t]?)+/gm, '')
		.replace(/^[ \t]*([-*+]|\d+[.)])[ \t]+/gm, '')
		.replace(/<\/?[A-Za-z][^>]*>/g, '')
		.replace(/(\*\*|__|~~|\*|`)/g, '')
		.replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1$2')
		.replace(/\\([!-/:-@[-`{-~])/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The first sentence of a plain text, at most MAX_SUMMARY_LENGTH long (cut at a word, with `…`). */
export function firstSentence(plain: string): string {
	const ends = /[.!?](?=["'’”)]*(\s+["'‘“(]?[\p{Lu}\p{N}]|\s*$))/gu;
	let sentence = plain;
	for (let match = ends.exec(plain); match; match = ends.exec(plain)) {
		const word = /([\p{L}.]+)$/u.exec(plain.slice(0, match.index))?.[1] ?? '';
		const abbreviation = ABBREVIATIONS.has(word.toLowerCase()) || /^\p{L}$/u.test(word) || /\p{L}\.\p{L}$/u.test(word);
		if (match[0] !== '.' || !abbreviation) {
			sentence = plain.slice(0, match.index + 1);
			break;
		}
	}
	if (sentence.length <= MAX_SUMMARY_LENGTH) {
		return sentence;
	}
	const cut = sentence.slice(0, MAX_SUMMARY_LENGTH - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > MAX_SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** What the filled template writes: the page's title, today, the section's category and tags, the first sentence as summary. */
function filledValues(context: QuickFixContext): PlaceholderValues {
	const section = context.page.section;
	const shared = section === undefined ? undefined : sectionConventions(context.index, section, context.page.path);
	const category = shared?.category ?? (section === undefined ? undefined : singularCategory(section));
	const tags = shared && shared.tags.length > 0 ? shared.tags : category === undefined ? [] : [category];
	const paragraph = firstParagraph(context);
	const summary = paragraph ? firstSentence(plainText(context, paragraph.start, paragraph.end)) : '';
	return {
		title: context.page.title,
		today: context.today,
		conventions: category === undefined ? { tags } : { tags, category },
		dates: fillDates(context.page.frontmatter.data, context.today),
		...(summary === '' ? {} : { summary }),
	};
}

/**
 * The filled frontmatter block inserted at the top of a page without one,
 * undefined when the page has frontmatter. The body is not touched: a blank
 * line separates the block from a first line that is not blank.
 */
export function makePageEdit(context: QuickFixContext): ReturnType<typeof replaceSpan> | undefined {
	if (context.page.frontmatter.present) {
		return undefined;
	}
	// Static-site generators do not recognise a frontmatter block with CR-only line breaks.
	const lineEnding = context.lineEnding === '\r' ? '\r\n' : context.lineEnding;
	const block = frontmatterBlock({ ...filledValues(context), requiredFields: context.settings.requiredFields, lineEnding });
	const separator = isBlankLine(context, 0) ? '' : lineEnding;
	return replaceSpan(context, 0, 0, block + separator);
}

/**
 * "Make this a page" on a page in a section without frontmatter, wherever
 * the cursor is; not when the `frontmatter-missing` quick fix, which makes
 * the same edit, is offered for the same request.
 */
export function makePageActions(context: QuickFixContext, _range: Range, diagnostics: readonly VaultDiagnostic[]): VaultCodeAction[] {
	if (context.page.section === undefined || diagnostics.some(diagnostic => diagnostic.code === 'frontmatter-missing')) {
		return [];
	}
	const edit = makePageEdit(context);
	if (!edit) {
		return [];
	}
	return [{
		title: `Make this a page: add frontmatter for ${context.page.section}/`,
		kind: CodeActionKind.RefactorRewrite,
		diagnostics: [],
		edit: { changes: [{ path: context.page.path, edits: [edit] }] },
	}];
}
