import type { GraphEdgeItem, GraphNodeItem } from '../../protocol';
import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import { frontmatterText, shorten } from './entityCard';
import type { PageContext } from './pageContext';

/** What the neighbourhood asks for. Everything is optional. */
export interface GraphOptions {
	/** 1: the pages the page links and those linking it; 2: theirs too. Default 1. */
	readonly depth?: number;
	/** Only pages of these sections (the page itself always); empty or absent: every section. */
	readonly sections?: readonly string[];
	/** Only pages with at least one of these tags (the page itself always); empty or absent: any. */
	readonly tags?: readonly string[];
	/** At most this many nodes, the page itself included (default `DEFAULT_GRAPH_NODES`, at most `MAX_GRAPH_NODES`). */
	readonly maxNodes?: number;
}

/**
 * One page of the neighbourhood, with what a node and its hover card show, and
 * the links from one page of it to another: as the protocol carries them
 * (`entityVault/graph`), the page named by its vault-relative path only.
 */
export type GraphNode = Omit<GraphNodeItem, 'uri'>;
export type GraphEdge = GraphEdgeItem;

export interface VaultGraph {
	/** The page the neighbourhood is around. */
	readonly center: string;
	/** The page first, then by hop, most linked first within a hop. */
	readonly nodes: readonly GraphNode[];
	/** Between the nodes only, sorted by `from` then `to`. */
	readonly edges: readonly GraphEdge[];
	/** Some page of the neighbourhood (after the filters) was left out by `maxNodes`. */
	readonly truncated: boolean;
	/** A cancelled request gets what was found so far, marked. */
	readonly cancelled?: boolean;
}

export const DEFAULT_GRAPH_NODES = 150;
export const MAX_GRAPH_NODES = 2000;

/** The node bound asked for, made whole and kept between 1 and `MAX_GRAPH_NODES`. */
export function graphNodeLimit(maxNodes: number | undefined): number {
	if (maxNodes === undefined || !Number.isFinite(maxNodes)) {
		return DEFAULT_GRAPH_NODES;
	}
	return Math.min(MAX_GRAPH_NODES, Math.max(1, Math.floor(maxNodes)));
}

/**
 * The first hop's pages with more linkers than this (and than `maxNodes`) are
 * not walked through at the second hop: their linkers are too many to rank
 * one by one, and a neighbourhood of `maxNodes` would show few of them.
 */
export const SECOND_HOP_LINKERS = 150;

/** A page of the neighbourhood, and the index's count of its linkers (its link to itself included). */
interface Candidate {
	readonly page: PageSummary;
	readonly linkers: number;
}

/** Most linked first, then by URL. */
function byLinkers(a: Candidate, b: Candidate): number {
	return b.linkers - a.linkers || (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0);
}

function nodeOf(candidate: Candidate, hop: number): GraphNode {
	const { page } = candidate;
	const subtitle = [frontmatterText(page, 'category'), frontmatterText(page, 'location')].filter((part): part is string => part !== undefined).join(' · ');
	return {
		url: page.url,
		path: page.path,
		label: page.title,
		section: page.section ?? '',
		hop,
		// The other pages, as `backlinkLensCount` counts them: less the page's link to itself.
		backlinks: candidate.linkers - (page.targetUrls.includes(page.url) ? 1 : 0),
		tags: page.tags,
		aliases: page.aliases,
		subtitle,
		summary: shorten(frontmatterText(page, 'summary') ?? '', 300),
	};
}

/**
 * The neighbourhood of the page, from the index only: the pages it links
 * (its summary's targets) and the pages linking it (the index's backlinks),
 * and at depth 2 the pages the first hop's pages link and those linking
 * them, save the linkers of a first-hop page linked from more than
 * `SECOND_HOP_LINKERS` pages (and more than `maxNodes`): a hub's thousands of
 * linkers are not ranked, and `truncated` says some pages were left out. So
 * the work is bounded by the nodes asked for, not by the size of the hubs
 * nearby. The filters choose the pages shown, and a page hidden by them is
 * not walked through. When there are more than `maxNodes`, the nearest are
 * kept first, then within a hop the most linked (by the index's count of
 * linking pages, then by URL), and `truncated` says so. With no room left
 * for a second hop, it only looks for one page it would have added. The
 * page's text is not read.
 */
export function provideGraph(context: Pick<PageContext, 'index' | 'page'>, options: GraphOptions = {}, token?: CancellationLike): VaultGraph {
	const { index, page } = context;
	const depth = options.depth === 2 ? 2 : 1;
	const limit = graphNodeLimit(options.maxNodes);
	const hubLinkers = Math.max(limit, SECOND_HOP_LINKERS);
	const sections = new Set(options.sections ?? []);
	const tags = new Set(options.tags ?? []);
	const shown = (candidate: PageSummary): boolean =>
		(sections.size === 0 || sections.has(candidate.section ?? '')) && (tags.size === 0 || candidate.tags.some(tag => tags.has(tag)));

	const kept = new Map<string, { candidate: Candidate; hop: number }>([[page.path, { candidate: { page, linkers: index.backlinkCount(page.url) }, hop: 0 }]]);
	let truncated = false;
	let cancelled = false;
	let frontier: PageSummary[] = [page];
	let steps = 0;
	for (let hop = 1; hop <= depth && !cancelled; hop++) {
		const room = limit - kept.size;
		// Each page looked at once per hop: a hub's linkers are many, and often the same pages.
		const seen = new Set<string>(kept.keys());
		const candidates: Candidate[] = [];
		const consider = (next: PageSummary | undefined): void => {
			if (next && !seen.has(next.path)) {
				seen.add(next.path);
				if (shown(next)) {
					// The index's count (a page's link to itself included): one lookup each.
					candidates.push({ page: next, linkers: index.backlinkCount(next.url) });
				}
			}
		};
		for (const from of frontier) {
			for (const url of from.targetUrls) {
				consider(index.pageForUrl(url));
			}
			if (hop > 1 && index.backlinkCount(from.url) > hubLinkers) {
				// More linkers than nodes asked for: some of them are left out whatever the ranking.
				truncated = true;
			} else {
				for (const path of index.linkersOf(from.url)) {
					if (++steps % CANCELLATION_CHECK_INTERVAL === 0 && token?.isCancellationRequested) {
						cancelled = true;
						break;
					}
					if (!seen.has(path)) {
						consider(index.getPage(path));
					}
				}
			}
			if (cancelled || (room <= 0 && candidates.length > 0)) {
				// No room: one page that would have been added is enough to say some were left out.
				break;
			}
		}
		if (candidates.length > room) {
			truncated = true;
		}
		const added = room <= 0 ? [] : candidates.length > room ? candidates.sort(byLinkers).slice(0, room) : candidates.sort(byLinkers);
		for (const candidate of added) {
			kept.set(candidate.page.path, { candidate, hop });
		}
		frontier = added.map(candidate => candidate.page);
	}

	const urls = new Set([...kept.values()].map(entry => entry.candidate.page.url));
	// Keyed by both ends: two spellings of a target URL that reach the same page make one edge.
	const counts = new Map<string, { -readonly [K in keyof GraphEdge]: GraphEdge[K] }>();
	for (const { candidate: { page: from } } of kept.values()) {
		for (const url of from.targetUrls) {
			const target = index.pageForUrl(url);
			if (target && urls.has(target.url) && target.path !== from.path) {
				const key = `${from.url}\n${target.url}`;
				const edge = counts.get(key) ?? { from: from.url, to: target.url, count: 0 };
				edge.count += from.linkSpansTo(url).length;
				counts.set(key, edge);
			}
		}
	}
	const edges: GraphEdge[] = [...counts.values()];
	edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
	const nodes = [...kept.values()].map(entry => nodeOf(entry.candidate, entry.hop));
	return { center: page.url, nodes, edges, truncated, ...(cancelled ? { cancelled } : {}) };
}
