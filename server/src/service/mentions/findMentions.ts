import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import { lineAt, type LineStarts } from '../text/lineIndex';
import type { MentionSettings } from '../vault/settings';
import { isDefinitionLine, isOutsideProse } from './mentionContext';
import { mayStartWith, namesOfPage, normalizeName, writesName, writtenName, type EntityName } from './mentionRules';
import type { MentionTable } from './mentionTable';
import { forEachWord } from './mentionWords';

/** A page a mention names. */
export interface MentionedEntity {
	readonly url: string;
	readonly path: string;
}

/** A plain-text occurrence of one or more pages' name on a page. */
export interface Mention {
	/** Where it is written, in the page's text. */
	readonly span: Span;
	/** The text as written there. */
	readonly written: string;
	/** The name it matched, as the page names it (`MI6`, `Secret Intelligence Service`). */
	readonly name: string;
	/** The pages of that name: more than one when pages share it (two pages titled `Mercury`). */
	readonly entities: readonly MentionedEntity[];
}

/** What the search reads of the page: its summary and its text (the version the summary was made from). */
export interface MentionedPage {
	readonly page: PageSummary;
	readonly text: string;
}

/**
 * The spans of the page where nothing is a mention, from its summary: its
 * links (text and destination), headings, footnote calls and definitions;
 * merged, in order (`start, end` pairs). Code and HTML blocks are
 * `isInCode`; the frontmatter ends where the body starts.
 */
export function excludedSpans(page: PageSummary): number[] {
	// Each span as one number, `start * width + end` (exact: offsets are at most the text's length), sorted as
	// numbers (by start, then end): no list of spans made and sorted by their fields. In a plain list: a typed
	// array made per page (100,000 in a check) has memory of its own that the collector frees.
	const width = page.textLength + 1;
	const keys: number[] = [];
	for (const items of [page.links, page.headings, page.footnoteReferences, page.footnoteDefinitions]) {
		for (const { span } of items) {
			keys.push(span.start * width + span.end);
		}
	}
	keys.sort((a, b) => a - b);
	const merged: number[] = [];
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		const end = key % width;
		const start = (key - end) / width;
		const last = merged.length - 1;
		if (last > 0 && start <= merged[last]) {
			merged[last] = Math.max(merged[last], end);
		} else {
			merged.push(start, end);
		}
	}
	return merged;
}

/**
 * What the search reads of a page besides its text: where nothing is a
 * mention (`excludedSpans`), where the body starts, what is code, its lines.
 * A summary gives it (`proseLayoutOf`); so does the plain data a check
 * worker receives (mentionJobs.ts).
 */
export interface ProseLayout {
	readonly excluded: ArrayLike<number>;
	readonly bodyStart: number;
	isInCode(offset: number): boolean;
	readonly lineStarts: LineStarts;
}

export function proseLayoutOf(page: PageSummary): ProseLayout {
	return { excluded: excludedSpans(page), bodyStart: page.frontmatter.bodyStart, isInCode: offset => page.isInCode(offset), lineStarts: page.lineStarts };
}

/** A blank line (a paragraph break) in `text[from, to)`. */
function hasBlankLine(text: string, from: number, to: number): boolean {
	let breaks = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			if (++breaks > 1) {
				return true;
			}
		} else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3e /* > */) {
			breaks = 0;
		}
	}
	return false;
}

/** The words of a page's prose that some name has (a word no name has is left out: a break), their folded word numbers, and where a name may not run on. */
interface ProseWords {
	readonly starts: number[];
	readonly ends: number[];
	readonly ids: number[];
	/** `breaks[k]`: word k does not continue a name from word k - 1 (something not prose, or a paragraph break, between). */
	readonly breaks: boolean[];
}

function proseWords(table: MentionTable, page: ProseLayout, text: string): ProseWords {
	const excluded = page.excluded;
	const words: ProseWords = { starts: [], ends: [], ids: [], breaks: [] };
	let next = 0;
	let lastEnd = page.bodyStart;
	let broken = true;
	forEachWord(text, page.bodyStart, text.length, (start, end) => {
		while (next < excluded.length && excluded[next + 1] <= start) {
			broken ||= excluded[next + 1] > lastEnd;
			next += 2;
		}
		if (next < excluded.length && excluded[next] < end) {
			broken = true;
			lastEnd = excluded[next + 1];
			return excluded[next + 1];
		}
		if (page.isInCode(start)) {
			broken = true;
			lastEnd = end;
			return undefined;
		}
		const id = table.wordAt(text, start, end);
		if (id < 0) {
			// No name has the word: no name starts at it or runs on through it. Left out, the word after it breaks.
			broken = true;
			lastEnd = end;
			return undefined;
		}
		words.starts.push(start);
		words.ends.push(end);
		words.ids.push(id);
		words.breaks.push(broken || hasBlankLine(text, lastEnd, start));
		broken = false;
		lastEnd = end;
		return undefined;
	});
	return words;
}

/** The names a mention may be made of under the settings: long enough, not ignored. */
function usable(settings: MentionSettings): (entry: EntityName) => boolean {
	const ignored = new Set(settings.ignore.map(name => normalizeName(name).toLowerCase()));
	const minLength = settings.minLength;
	return ignored.size === 0
		? entry => entry.name.length >= minLength
		: entry => entry.name.length >= minLength && !ignored.has(entry.name.toLowerCase());
}

/**
 * Finds every name of the vault's pages in the page's prose, in one pass
 * over its words against the table's trie: at each word the longest name
 * starting there that the text writes under its case rule (longest first,
 * so `Secret Intelligence Service` wins over `Intelligence Service`), then
 * on after it. Every occurrence is returned, the page's own names and the
 * pages it already links included (`reportedMentions` leaves those out).
 * None when cancelled.
 */
export function findMentions(table: MentionTable, page: MentionedPage, settings: MentionSettings, token?: CancellationLike): Mention[] {
	return findMentionsIn(table, proseLayoutOf(page.page), page.text, settings, token);
}

/** `findMentions` on a page's layout and text. */
export function findMentionsIn(table: MentionTable, page: ProseLayout, text: string, settings: MentionSettings, token?: CancellationLike): Mention[] {
	const words = proseWords(table, page, text);
	const isUsable = usable(settings);
	const mentions: Mention[] = [];
	const count = words.ids.length;
	for (let k = 0; k < count;) {
		if (k % CANCELLATION_CHECK_INTERVAL === 0 && token?.isCancellationRequested) {
			return [];
		}
		let node = words.ids[k] < 0 ? -1 : table.child(0, words.ids[k]);
		let found: Mention | undefined;
		let foundEnd = k;
		for (let j = k; node >= 0;) {
			for (const mention of matchesAt(table.namesAt(node), text, words.starts[k], words.ends[j], isUsable)) {
				found = mention;
				foundEnd = j;
			}
			j++;
			if (j >= count || words.breaks[j] || words.ids[j] < 0) {
				break;
			}
			node = table.child(node, words.ids[j]);
		}
		if (found !== undefined) {
			mentions.push(found);
			k = foundEnd + 1;
		} else {
			k++;
		}
	}
	const lineStarts = page.lineStarts;
	const definitionLines = new Map<number, boolean>();
	return mentions.filter(mention => {
		const lineStart = lineStarts[lineAt(lineStarts, mention.span.start)];
		let definitionLine = definitionLines.get(lineStart);
		if (definitionLine === undefined) {
			definitionLine = isDefinitionLine(text, lineStart);
			definitionLines.set(lineStart, definitionLine);
		}
		return !isOutsideProse(text, mention.span, lineStart, definitionLine);
	});
}

/** The mention the names ending at a node make at `[start, end)`, if the text writes one of them (at most one). */
function matchesAt(names: readonly EntityName[] | undefined, text: string, start: number, end: number, isUsable: (entry: EntityName) => boolean): Mention[] {
	if (names === undefined) {
		return [];
	}
	// The words as written, read once for the many pages that may share a name (and only when one may match).
	let plain: string | undefined;
	let span: Span | undefined;
	let name = '';
	const urls = new Set<string>();
	const entities: MentionedEntity[] = [];
	for (const entry of names) {
		if (!isUsable(entry) || !mayStartWith(text.charCodeAt(start - entry.prefix), entry)) {
			continue;
		}
		plain ??= writtenName(text, start, end);
		const written = writesName(text, start, end, entry, plain);
		if (written === undefined || (span !== undefined && (written.start !== span.start || written.end !== span.end))) {
			continue;
		}
		span = written;
		name ||= entry.name;
		if (!urls.has(entry.url)) {
			urls.add(entry.url);
			entities.push({ url: entry.url, path: entry.path });
		}
	}
	return span === undefined ? [] : [{ span, written: text.slice(span.start, span.end), name, entities }];
}

/**
 * The mentions to report on a page: those of other pages that it does not
 * link yet. An occurrence of the page's own name, or of a page it already
 * links (a page linking MI6 once need not link every MI6), is left alone.
 */
export function reportedMentions(mentions: readonly Mention[], page: PageSummary): Mention[] {
	// None found (what `check` gives a page's diagnostics before its mentions are searched): its names are not made.
	return mentions.length === 0 ? [] : mentionsToReport(mentions, page.path, page.targetUrls, namesOfPage(page));
}

/**
 * `reportedMentions` of the page at `path` from the URLs it links
 * (`targetUrls`) and its names (`namesOfPage`): what a thread without the
 * index (a check worker) is given.
 */
export function mentionsToReport(mentions: readonly Mention[], path: string, targetUrls: readonly string[], names: readonly string[]): Mention[] {
	if (mentions.length === 0) {
		return [];
	}
	const linked = new Set(targetUrls);
	const own = new Set(names.map(name => name.toLowerCase()));
	return mentions.filter(mention => !own.has(mention.name.toLowerCase())
		&& !mention.entities.some(entity => entity.path === path || linked.has(entity.url)));
}
