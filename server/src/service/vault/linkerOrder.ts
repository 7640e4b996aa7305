import type { PageSummary } from '../parse/pageSummary';

/** What the order of a URL's linking pages is read from: the index (`VaultIndex`). */
export interface LinkerSource {
	readonly version: number;
	changedSince(version: number): readonly string[] | undefined;
	/** Paths of the pages that link to `url`, in no order (a copy). */
	linkersOf(url: string): string[];
	getPage(path: string): PageSummary | undefined;
}

/**
 * The pages linking to one URL at one index version, in path order: their
 * paths, their summaries and the URL's place in each one's `targetUrls`
 * (parallel lists, never changed once handed out).
 */
export interface OrderedLinkers {
	readonly version: number;
	readonly paths: readonly string[];
	readonly pages: readonly PageSummary[];
	readonly which: readonly number[];
}

/** URLs whose order is kept (the last asked). */
const KEPT_URLS = 8;
/** Changed pages beyond which an order is made again rather than patched. */
const MAX_PATCHED = 256;

/**
 * The linking pages of the URLs last asked, in path order (what references
 * and the backlinks lens answer in): sorting tens of thousands of paths and
 * looking each one's page up in a map of 100,000 was half of a references
 * answer on the most linked page. An order made at one index version is
 * patched at the next from the index's journal (each page changed since is
 * put in, replaced or taken out by a binary search on its path), or made
 * again when the journal cannot tell or too much changed. A patch makes new
 * lists: an order handed out stays as it was.
 */
export class LinkerOrders {
	private readonly orders = new Map<string, OrderedLinkers>();

	/** The pages linking to `url` in `source` now, in path order. */
	of(source: LinkerSource, url: string): OrderedLinkers {
		const kept = this.orders.get(url);
		let order = kept === undefined ? undefined : kept.version === source.version ? kept : patched(source, url, kept);
		order ??= ordered(source, url);
		this.orders.delete(url);
		this.orders.set(url, order);
		if (this.orders.size > KEPT_URLS) {
			this.orders.delete(this.orders.keys().next().value!);
		}
		return order;
	}
}

function ordered(source: LinkerSource, url: string): OrderedLinkers {
	const paths: string[] = [];
	const pages: PageSummary[] = [];
	const which: number[] = [];
	for (const path of source.linkersOf(url).sort()) {
		const page = source.getPage(path);
		if (page !== undefined) {
			paths.push(path);
			pages.push(page);
			which.push(page.targetUrls.indexOf(url));
		}
	}
	return { version: source.version, paths, pages, which };
}

/** `kept` brought to the source's version from its journal; undefined when it cannot be (then the order is made again). */
function patched(source: LinkerSource, url: string, kept: OrderedLinkers): OrderedLinkers | undefined {
	const journal = source.changedSince(kept.version);
	// Pages, not journal entries: a burst of keystrokes on one page is one page changed.
	const changed = journal === undefined ? undefined : new Set(journal);
	if (changed === undefined || changed.size > MAX_PATCHED) {
		return undefined;
	}
	const paths = kept.paths.slice();
	const pages = kept.pages.slice();
	const which = kept.which.slice();
	for (const path of changed) {
		const page = source.getPage(path);
		const at = indexOfPath(paths, path);
		const place = page === undefined ? -1 : page.targetUrls.indexOf(url);
		const found = at < paths.length && paths[at] === path;
		if (place < 0) {
			if (found) {
				paths.splice(at, 1);
				pages.splice(at, 1);
				which.splice(at, 1);
			}
		} else if (found) {
			pages[at] = page!;
			which[at] = place;
		} else {
			paths.splice(at, 0, path);
			pages.splice(at, 0, page!);
			which.splice(at, 0, place);
		}
	}
	return { version: source.version, paths, pages, which };
}

/** Where `path` is in the sorted `paths`, or would go (binary search, the order of `Array.prototype.sort`). */
function indexOfPath(paths: readonly string[], path: string): number {
	let low = 0;
	let high = paths.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (paths[mid] < path) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low;
}
