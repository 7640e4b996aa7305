import type { PageSummary } from '../parse/pageSummary';
import { slugOfUrl } from './vaultPaths';

/** What an index update changed for other pages. */
export interface IndexChange {
	/**
	 * Pages (other than the one updated) whose diagnostics may have changed:
	 * pages linking to a page that appeared, disappeared or changed its headings.
	 */
	readonly affected: ReadonlySet<string>;
	/** The set of page URLs (and so the sections or the page count) changed. */
	readonly pagesChanged: boolean;
}

function countUp<K>(map: Map<K, number>, key: K, by = 1): void {
	map.set(key, (map.get(key) ?? 0) + by);
}

function countDown<K>(map: Map<K, number>, key: K, by = 1): void {
	const next = (map.get(key) ?? 0) - by;
	if (next > 0) {
		map.set(key, next);
	} else {
		map.delete(key);
	}
}

function anchorsKey(summary: PageSummary): string {
	return summary.headings.map(heading => heading.anchor).join('\n');
}

/**
 * The vault's pages and its reverse maps. Every map is updated per page:
 * `update` and `remove` take out exactly what the page contributed before
 * and add what it contributes now, so nothing is ever rebuilt wholesale.
 */
export class VaultIndex {
	private readonly pagesByPath = new Map<string, PageSummary>();
	/** URL → paths publishing it (more than one is a conflict, e.g. `x.md` and `x/index.md`). */
	private readonly pathsByUrl = new Map<string, string[]>();
	/** Target URL (existing or not) → linking page path → number of links. */
	private readonly linkersByUrl = new Map<string, Map<string, number>>();
	/** Section → paths of its pages. */
	private readonly pathsBySection = new Map<string, Set<string>>();
	/** Slug → URLs ending in it, for "same slug in another section". */
	private readonly urlsBySlug = new Map<string, Set<string>>();
	private readonly tagCounts = new Map<string, number>();

	get size(): number {
		return this.pagesByPath.size;
	}

	getPage(path: string): PageSummary | undefined {
		return this.pagesByPath.get(path);
	}

	pages(): IterableIterator<PageSummary> {
		return this.pagesByPath.values();
	}

	/** The page published at `url`, if any (the first in path order when several conflict). */
	pageForUrl(url: string): PageSummary | undefined {
		const paths = this.pathsByUrl.get(url);
		return paths ? this.pagesByPath.get(paths[0]) : undefined;
	}

	pathsForUrl(url: string): readonly string[] {
		return this.pathsByUrl.get(url) ?? [];
	}

	hasUrl(url: string): boolean {
		return this.pathsByUrl.has(url);
	}

	/** Paths of the pages that link to `url` (whether it exists or not). */
	linkersOf(url: string): string[] {
		const linkers = this.linkersByUrl.get(url);
		return linkers ? [...linkers.keys()] : [];
	}

	backlinkCount(url: string): number {
		return this.linkersByUrl.get(url)?.size ?? 0;
	}

	/** Sections (top-level folders holding pages), sorted. */
	sections(): string[] {
		return [...this.pathsBySection.keys()].sort();
	}

	sectionPaths(section: string): ReadonlySet<string> {
		return this.pathsBySection.get(section) ?? new Set();
	}

	urlsWithSlug(slug: string): ReadonlySet<string> {
		return this.urlsBySlug.get(slug) ?? new Set();
	}

	/** Every tag used in the vault with the number of pages using it. */
	tags(): ReadonlyMap<string, number> {
		return this.tagCounts;
	}

	update(summary: PageSummary): IndexChange {
		const previous = this.pagesByPath.get(summary.path);
		const affected = new Set<string>();
		let pagesChanged = false;
		if (previous) {
			this.withdraw(previous);
			if (previous.url !== summary.url || anchorsKey(previous) !== anchorsKey(summary)) {
				this.linkersOf(previous.url).forEach(path => affected.add(path));
			}
		}
		const urlExisted = this.pathsByUrl.has(summary.url);
		this.contribute(summary);
		if (!previous || previous.url !== summary.url) {
			pagesChanged = true;
			if (!urlExisted) {
				this.linkersOf(summary.url).forEach(path => affected.add(path));
			}
		}
		if (previous && previous.url !== summary.url && !this.pathsByUrl.has(previous.url)) {
			this.linkersOf(previous.url).forEach(path => affected.add(path));
		}
		affected.delete(summary.path);
		return { affected, pagesChanged };
	}

	remove(path: string): IndexChange {
		const previous = this.pagesByPath.get(path);
		if (!previous) {
			return { affected: new Set(), pagesChanged: false };
		}
		this.withdraw(previous);
		const affected = new Set<string>();
		if (!this.pathsByUrl.has(previous.url)) {
			this.linkersOf(previous.url).forEach(linker => affected.add(linker));
		}
		affected.delete(path);
		return { affected, pagesChanged: true };
	}

	private contribute(summary: PageSummary): void {
		this.pagesByPath.set(summary.path, summary);
		const paths = this.pathsByUrl.get(summary.url);
		if (paths) {
			paths.push(summary.path);
			paths.sort();
		} else {
			this.pathsByUrl.set(summary.url, [summary.path]);
			const slug = slugOfUrl(summary.url);
			let urls = this.urlsBySlug.get(slug);
			if (!urls) {
				urls = new Set();
				this.urlsBySlug.set(slug, urls);
			}
			urls.add(summary.url);
		}
		if (summary.section !== undefined) {
			let sectionPaths = this.pathsBySection.get(summary.section);
			if (!sectionPaths) {
				sectionPaths = new Set();
				this.pathsBySection.set(summary.section, sectionPaths);
			}
			sectionPaths.add(summary.path);
		}
		for (const link of summary.links) {
			if (link.target.kind !== 'page') {
				continue;
			}
			let linkers = this.linkersByUrl.get(link.target.url);
			if (!linkers) {
				linkers = new Map();
				this.linkersByUrl.set(link.target.url, linkers);
			}
			countUp(linkers, summary.path);
		}
		for (const tag of new Set(summary.tags)) {
			countUp(this.tagCounts, tag);
		}
	}

	private withdraw(summary: PageSummary): void {
		this.pagesByPath.delete(summary.path);
		const paths = this.pathsByUrl.get(summary.url);
		if (paths) {
			const remaining = paths.filter(path => path !== summary.path);
			if (remaining.length > 0) {
				this.pathsByUrl.set(summary.url, remaining);
			} else {
				this.pathsByUrl.delete(summary.url);
				const slug = slugOfUrl(summary.url);
				const urls = this.urlsBySlug.get(slug);
				urls?.delete(summary.url);
				if (urls?.size === 0) {
					this.urlsBySlug.delete(slug);
				}
			}
		}
		if (summary.section !== undefined) {
			const sectionPaths = this.pathsBySection.get(summary.section);
			sectionPaths?.delete(summary.path);
			if (sectionPaths?.size === 0) {
				this.pathsBySection.delete(summary.section);
			}
		}
		for (const link of summary.links) {
			if (link.target.kind !== 'page') {
				continue;
			}
			const linkers = this.linkersByUrl.get(link.target.url);
			if (linkers) {
				countDown(linkers, summary.path);
				if (linkers.size === 0) {
					this.linkersByUrl.delete(link.target.url);
				}
			}
		}
		for (const tag of new Set(summary.tags)) {
			countDown(this.tagCounts, tag);
		}
	}
}
