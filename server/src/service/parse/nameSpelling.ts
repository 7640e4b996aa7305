import type { Span } from './markdownTypes';

function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** What `titleFromSlug` reads as a word break: `-`, `_` or a blank. */
function isWordBreak(c: number): boolean {
	return c === 0x2d || c === 0x5f || isBlank(c);
}

function lowerCode(c: number): number {
	if (c < 0x80) {
		return c >= 0x41 && c <= 0x5a ? c + 32 : c;
	}
	return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/**
 * The link text at `span` (blanks collapsed) when it is the slug title of
 * `url` up to letter case (`MI6` for `/organizations/mi6/`); compared code
 * unit by code unit, without building the title, as it runs for every link.
 */
export function nameSpellingOf(text: string, span: Span, url: string): string | undefined {
	let end = url.length;
	while (end > 0 && url.charCodeAt(end - 1) === 0x2f /* / */) {
		end--;
	}
	let j = url.lastIndexOf('/', end - 1) + 1;
	let i = span.start;
	let textEnd = span.end;
	while (i < textEnd && isBlank(text.charCodeAt(i))) {
		i++;
	}
	while (textEnd > i && isBlank(text.charCodeAt(textEnd - 1))) {
		textEnd--;
	}
	while (j < end && isWordBreak(url.charCodeAt(j))) {
		j++;
	}
	while (end > j && isWordBreak(url.charCodeAt(end - 1))) {
		end--;
	}
	if (i === textEnd || j === end) {
		return undefined;
	}
	const from = i;
	let collapse = false;
	while (i < textEnd && j < end) {
		const c = text.charCodeAt(i);
		if (isBlank(c)) {
			if (!isWordBreak(url.charCodeAt(j))) {
				return undefined;
			}
			const run = i;
			// Both ends are trimmed: a run of blanks (or of word breaks) ends before them.
			while (isBlank(text.charCodeAt(i))) {
				i++;
			}
			collapse ||= i - run > 1 || c !== 0x20;
			while (isWordBreak(url.charCodeAt(j))) {
				j++;
			}
		} else {
			const d = url.charCodeAt(j);
			if (isWordBreak(d) || lowerCode(c) !== lowerCode(d)) {
				return undefined;
			}
			i++;
			j++;
		}
	}
	if (i !== textEnd || j !== end) {
		return undefined;
	}
	const written = text.slice(from, textEnd);
	return collapse ? written.replace(/\s+/g, ' ') : written;
}

/**
 * The spellings found, by target URL, as a summary keeps them: one list of
 * `url, spelling` pairs (`[...map].flat()` cost 10 % of summarizing a page).
 */
export function nameSpellingPairs(spellings: ReadonlyMap<string, string>): string[] {
	const pairs: string[] = [];
	for (const [url, spelling] of spellings) {
		pairs.push(url, spelling);
	}
	return pairs;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How `text` writes the words of a slug title (`Mi6` for `mi6`,
 * `De Gaulle` for `de-gaulle`): its first occurrence up to letter case, as
 * whole words, blanks collapsed (`MI6`, `de Gaulle`); undefined when it has
 * none, or writes it all in lower case (running prose, "an apple", is no
 * spelling of a name).
 */
export function spellingOfSlugWords(text: string, slugTitle: string): string | undefined {
	if (slugTitle === '') {
		return undefined;
	}
	const words = slugTitle.split(' ').map(escapeRegExp).join('\\s+');
	const match = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
	if (!match) {
		return undefined;
	}
	const spelling = match[0].replace(/\s+/g, ' ');
	return spelling === spelling.toLowerCase() ? undefined : spelling;
}

/** Longest body text read for its first sentence. */
const FIRST_SENTENCE_WINDOW = 2000;

/**
 * The first sentence of a page's body: its first paragraph of prose (not a
 * heading, fence, table, quote, list, HTML or indented code), up to the
 * first `.`, `!` or `?` followed by a blank, blanks collapsed.
 */
export function firstSentence(text: string, bodyStart: number): string {
	const lines = text.slice(bodyStart, bodyStart + FIRST_SENTENCE_WINDOW).split(/\r\n|\n|\r/);
	const paragraph: string[] = [];
	for (const line of lines) {
		if (line.trim() === '') {
			if (paragraph.length > 0) {
				break;
			}
			continue;
		}
		if (paragraph.length === 0 && /^(?: {4}|\t| {0,3}(?:[#>|<]|```|~~~|[-*+] |\d+[.)] ))/.test(line)) {
			continue;
		}
		paragraph.push(line.trim());
	}
	const joined = paragraph.join(' ');
	const end = /[.!?](?=\s|$)/.exec(joined);
	return end ? joined.slice(0, end.index + 1) : joined;
}

/**
 * The title of a page without `title` and `# ` heading: its slug's words as
 * its own `summary` (or, failing that, its body's first sentence) writes
 * them (`MI6` for `mi6.md` from "MI6 (the Secret Intelligence Service…"),
 * else as the slug reads (`Mi6`).
 */
export function titleFromOwnText(text: string, bodyStart: number, summary: unknown, slugTitle: string): string {
	return (typeof summary === 'string' ? spellingOfSlugWords(summary, slugTitle) : undefined)
		?? spellingOfSlugWords(firstSentence(text, bodyStart), slugTitle)
		?? slugTitle;
}
