import type { Range } from 'vscode-languageserver-types';
import type { CancellationLike } from '../cancellation';
import { findMentions } from '../mentions/findMentions';
import { namesOfPage } from '../mentions/mentionRules';
import type { ProseTextReader, ProseWordIndex } from '../mentions/proseWordIndex';
import { stripBom, type PageSummary } from '../parse/pageSummary';
import { spanToRange } from '../text/lineIndex';
import { sentenceAround } from '../text/sentence';
import type { MentionSettings } from '../vault/settings';
import type { PageContext } from './pageContext';

/** One link to the page (or one mention of its name) on another page, with the sentence around it. */
export interface BacklinkSnippet {
	/** Where it is on the linking page. */
	readonly range: Range;
	/** The sentence as plain text ('' when the page's text could not be read). */
	readonly sentence: string;
	/** The link's text (or the name) in `sentence`: `[start, end)`, UTF-16 offsets. */
	readonly highlight: readonly [number, number];
}

/** A page linking (or naming) the page, with each of its links (or mentions). */
export interface BacklinkPage {
	readonly path: string;
	readonly url: string;
	readonly title: string;
	/** Its section, undefined for a file directly in the root. */
	readonly section: string | undefined;
	readonly snippets: readonly BacklinkSnippet[];
}

export interface Backlinks {
	readonly url: string;
	readonly title: string;
	/** The other pages linking to it, by section then title. */
	readonly linked: readonly BacklinkPage[];
	/** The pages linking to it: `linked` holds at most `MAX_BACKLINK_PAGES` of them. */
	readonly linkedTotal: number;
	/** The pages writing one of its names in plain text without linking it, by section then title. */
	readonly mentions: readonly BacklinkPage[];
	/** Pages whose text is still to be read before the unlinked mentions are complete (0: complete). */
	readonly mentionsPending: number;
}

/** Most linking pages listed (the sentences read) per request. */
export const MAX_BACKLINK_PAGES = 200;
/** Most candidate pages read to verify unlinked mentions per request. */
export const MAX_MENTION_CANDIDATES = 200;

function byPlace(a: BacklinkPage, b: BacklinkPage): number {
	const sectionA = a.section ?? '';
	const sectionB = b.section ?? '';
	if (sectionA !== sectionB) {
		return sectionA < sectionB ? -1 : 1;
	}
	return a.title.localeCompare(b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** A page's text when it is the version indexed, without its BOM. */
function indexedText(page: PageSummary, textOf: ProseTextReader): string | undefined {
	const read = textOf(page.path);
	const text = read === undefined ? undefined : stripBom(read);
	return text !== undefined && text.length === page.textLength ? text : undefined;
}

function snippetsOf(page: PageSummary, text: string | undefined, spans: readonly { start: number; end: number }[]): BacklinkSnippet[] {
	return spans.map(span => {
		const range = spanToRange(page.lineStarts, span);
		if (text === undefined) {
			return { range, sentence: '', highlight: [0, 0] as const };
		}
		const { text: sentence, highlight } = sentenceAround(page, text, span);
		return { range, sentence, highlight };
	});
}

function entryOf(page: PageSummary, snippets: BacklinkSnippet[]): BacklinkPage {
	return { path: page.path, url: page.url, title: page.title, section: page.section, snippets };
}

/**
 * The Backlinks panel of a page: the other pages linking to it (from the
 * index's reverse map), each link with its sentence, read from the linking
 * page's text (`textOf`: the editor's text of an open page, else the
 * file's); and the pages that write its names (title, aliases) in plain
 * text without linking it, found among the candidates of `proseWords`
 * (pages whose body holds the name's words) and verified with the
 * unlinked-mention rules on their text. The prose word table must have
 * caught up (`mentionsPending` says how many pages it has still to read).
 */
export function provideBacklinks(context: PageContext, proseWords: ProseWordIndex, textOf: ProseTextReader, settings: MentionSettings, token?: CancellationLike): Backlinks {
	const { index, page } = context;
	const linkerPaths = index.linkersOf(page.url).filter(path => path !== page.path).sort();
	const linked: BacklinkPage[] = [];
	for (const path of linkerPaths.slice(0, MAX_BACKLINK_PAGES)) {
		if (token?.isCancellationRequested) {
			break;
		}
		const linker = index.getPage(path);
		if (linker) {
			linked.push(entryOf(linker, snippetsOf(linker, indexedText(linker, textOf), linker.linkSpansTo(page.url))));
		}
	}
	const mentions: BacklinkPage[] = [];
	const linkers = new Set(linkerPaths);
	const table = index.search.mentionTable();
	// The pages linking it are no candidates (a page linking it once need not link every mention).
	const candidates = proseWords.candidates(namesOfPage(page)).filter(path => !linkers.has(path) && path !== page.path);
	for (const path of candidates.slice(0, MAX_MENTION_CANDIDATES)) {
		if (token?.isCancellationRequested) {
			break;
		}
		const candidate = index.getPage(path);
		const text = candidate ? indexedText(candidate, textOf) : undefined;
		if (!candidate || text === undefined) {
			continue;
		}
		const spans = findMentions(table, { page: candidate, text }, settings, token)
			.filter(mention => mention.entities.some(entity => entity.path === page.path))
			.map(mention => mention.span);
		if (spans.length > 0) {
			mentions.push(entryOf(candidate, snippetsOf(candidate, text, spans)));
		}
	}
	return {
		url: page.url,
		title: page.title,
		linked: linked.sort(byPlace),
		linkedTotal: linkerPaths.length,
		mentions: mentions.sort(byPlace),
		mentionsPending: proseWords.pending,
	};
}
