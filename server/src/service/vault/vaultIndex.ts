import { isTitledFromSlug, type PageSummary } from '../parse/pageSummary';
import { addTo, compactLists, removeFrom, valuesOf, type OneOrMany } from './multimap';
import { VaultSearch } from '../search/vaultSearch';
import { VaultAssets } from './vaultAssets';
import { entityNameKeysOf, type EntityNameRanges } from './entityNames';
import { FieldCounts } from './fieldCounts';
import { SiteUrls } from './siteUrls';
import { isSitePage, slugOfUrl } from './vaultPaths';
import { urlsWithSlugIn } from './urlsBySlug';
import { stringHash } from '../text/stringHash';
import { includeCandidatePaths, MAX_INCLUDE_DEPTH } from './pageIncludes';
import type { AnchorIdMemo } from './pageAnchors';
import type { UrlFacts } from './urlFacts';
import { VersionedMemo } from '../search/versionedMemo';
import type { SectionRules } from './schemaInference';
import type { IndexMaps } from './indexState';
import { LinkerOrders, type OrderedLinkers } from './linkerOrder';

/** What an index update changed for other pages. */
export interface IndexChange {
	/**
	 * Pages (other than the one updated) whose diagnostics may have changed:
	 * pages linking to a page that appeared, disappeared or changed its headings,
	 * and the pages whose name the updated page now writes otherwise
	 * (`PageSummary.nameSpellingFor`, which their `title-spelling` hint reads),
	 * and the pages that share a name (title or alias) the updated page took
	 * or gave up (their `duplicate-entity` warning appears or goes).
	 */
	readonly affected: ReadonlySet<string>;
	/** The set of page URLs (and so the sections or the page count) changed. */
	readonly pagesChanged: boolean;
	/**
	 * A page's names (title, aliases, URL) appeared, changed or went: the
	 * unlinked mentions of any page may have changed (the transport
	 * rechecks the open pages, the only ones it shows them on).
	 */
	readonly namesChanged?: boolean;
	/**
	 * Files that are not pages appeared or went (`VaultService.updateAssets`):
	 * the `broken-asset` diagnostics of the pages linking files may have
	 * changed (the transport rechecks the open pages).
	 */
	readonly assetsChanged?: boolean;
	/**
	 * The folder became a vault or stopped being one (see `vaultKind.ts`):
	 * the frontmatter diagnostics of every page may have changed. Set by the service.
	 */
	readonly vaultKindChanged?: boolean;
}

/** What a change of the vault's files that are not pages (assets, pages in other formats) changes: the open pages' `broken-asset` and `broken-link` diagnostics (the transport rechecks them). */
export function assetsChanged(): IndexChange {
	return { affected: new Set<string>(), pagesChanged: false, assetsChanged: true };
}

/** Longest change journal kept; a reader further behind rebuilds what it derived. */
const MAX_JOURNAL = 4096;

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
	const headings = summary.headings.map(heading => `${heading.anchor}\t${heading.attributes}`);
	return [...headings, ...summary.htmlAnchors.map(anchor => anchor.id), ...summary.definitionTerms.map(term => `:${term.text}`)].join('\n');
}

/** The target URLs whose name `next` writes otherwise than `previous` (or than nothing). */
function respelledUrls(previous: PageSummary | undefined, next: PageSummary | undefined): Set<string> {
	const urls = new Set<string>();
	for (const url of previous?.nameSpellingUrls ?? []) {
		if (next?.nameSpellingFor(url) !== previous?.nameSpellingFor(url)) {
			urls.add(url);
		}
	}
	for (const url of next?.nameSpellingUrls ?? []) {
		if (next?.nameSpellingFor(url) !== previous?.nameSpellingFor(url)) {
			urls.add(url);
		}
	}
	return urls;
}

/** The entity name keys one of the two summaries has and the other has not. */
function renamedKeys(previous: PageSummary | undefined, next: PageSummary): string[] {
	const before = new Set(previous ? entityNameKeysOf(previous) : []);
	const after = new Set(entityNameKeysOf(next));
	return [...[...before].filter(key => !after.has(key)), ...[...after].filter(key => !before.has(key))];
}

/**
 * The vault's pages and its reverse maps. Every map is updated per page:
 * `update` and `remove` take out exactly what the page contributed before
 * and add what it contributes now, so nothing is ever rebuilt wholesale.
 */
export class VaultIndex {
	/** The files the site publishes that are not pages, as the transport lists them (`VaultService.setAssets`). */
	readonly assets = new VaultAssets();
	private pagesByPath = new Map<string, PageSummary>();
	/** URL → paths publishing it (more than one is a conflict, e.g. `x.md` and `x/index.md`). */
	private pathsByUrl = new Map<string, OneOrMany>();
	/** Target URL (existing or not) → paths of the pages linking to it, each once. */
	private linkersByUrl = new Map<string, OneOrMany>();
	/** Target URLs that some page links to and no page publishes: the wanted pages (see `wantedUrls`). */
	private missingTargets = new Set<string>();
	/** Section → paths of its pages. */
	private pathsBySection = new Map<string, Set<string>>();
	/** A slug's hash (`stringHash`) → URLs ending in it (and the few of another slug of the same hash), for "same slug in another section". */
	private urlsBySlug = new Map<number, OneOrMany>();
	private tagCounts = new Map<string, number>();
	/** Entity name key (`entityNames.ts`: the page's folder and a normalised title or alias) → paths of the pages so named. */
	private pathsByName = new Map<string, OneOrMany>();
	/** Per section, the frontmatter fields its pages have and their types: what the schema is inferred from. */
	readonly fieldCounts = new FieldCounts();
	/** Pages in sections (entity pages; files directly in the root are not), and how many of them have frontmatter. */
	private sectionPages = 0;
	private sectionPagesWithFrontmatter = 0;
	/** Links of the site's pages (not README.md and the like) to other pages, written absolute and relative: the vault's link style. */
	private absoluteLinks = 0;
	private relativeLinks = 0;
	/** Bumped by every update and removal. */
	private currentVersion = 0;
	/** Lists were pushed to by `add` (they may keep spare room until `compact`). */
	private loose = false;
	/** Paths changed, one per version, from `journalStart + 1` to `currentVersion`. */
	private journal: string[] = [];
	private journalStart = 0;
	private searchTables: VaultSearch | undefined;
	/** The linking pages of the URLs last asked, in path order (see `linkersInOrder`). */
	private readonly linkerOrders = new LinkerOrders();
	/** The anchor ids of link targets, per page version, as broken-anchor checks read them (see `hasAnchorId`). */
	readonly anchorIds: AnchorIdMemo = new WeakMap();
	/** Where the pages sharing a name write it, per page version, as duplicate-entity checks read them (see `keptNameRange`). */
	readonly entityNameRanges: EntityNameRanges = new WeakMap();
	/**
	 * The page at each URL links name, or whether it exists (`UrlFacts`), per version and site rules, as link
	 * checks read them (see `urlFactsOf` in diagnostics.ts): 2.5 million links name about 160,000 URLs at 100,000 pages.
	 */
	readonly urlFacts = new VersionedMemo<UrlFacts>(250_000);
	/** The frontmatter rules of each section, per version and settings, as every page's diagnostics read them (see `pageRules`). */
	readonly sectionRules = new VersionedMemo<SectionRules>(1024);
	/** URL redirecting to a page (an alias, the URL of its file when it is published elsewhere) → paths of those pages. */
	private pathsByRedirect = new Map<string, OneOrMany>();
	/** Path an include shortcode may name (pageIncludes.ts, each candidate) → paths of the pages including it. */
	private includersByPath = new Map<string, OneOrMany>();
	/**
	 * The site's URL rules (siteUrls.ts); the service sets them while the
	 * index is empty, as a page's redirects are contributed and withdrawn by them.
	 */
	site: SiteUrls = SiteUrls.PLAIN;

	/** Every markdown file indexed, files directly in the root included. */
	get size(): number {
		return this.pagesByPath.size;
	}

	/** The entity pages: those in sections, not the files directly in the root (README.md, CHANGELOG.md…). */
	get pageCount(): number {
		return this.sectionPages;
	}

	/** How many of the pages in sections have a frontmatter block. */
	get pagesWithFrontmatter(): number {
		return this.sectionPagesWithFrontmatter;
	}

	/** The link spelling most of the site's pages use (`auto`'s answer): `relative` when more links are relative than absolute. */
	get linkStyle(): 'absolute' | 'relative' {
		return this.relativeLinks > this.absoluteLinks ? 'relative' : 'absolute';
	}

	/** The search tables of this index (page search, closest pages), built on first use and kept in step through the journal. */
	get search(): VaultSearch {
		this.searchTables ??= new VaultSearch(this);
		return this.searchTables;
	}

	getPage(path: string): PageSummary | undefined {
		return this.pagesByPath.get(path);
	}

	pages(): IterableIterator<PageSummary> {
		return this.pagesByPath.values();
	}

	/** The page published at `url`, if any (the first in path order when several conflict). */
	pageForUrl(url: string): PageSummary | undefined {
		const paths = valuesOf(this.pathsByUrl, url);
		if (paths.length <= 1) {
			return paths.length === 0 ? undefined : this.pagesByPath.get(paths[0]);
		}
		return this.pagesByPath.get([...paths].sort()[0]);
	}

	pathsForUrl(url: string): readonly string[] {
		return [...valuesOf(this.pathsByUrl, url)].sort();
	}

	hasUrl(url: string): boolean {
		return this.pathsByUrl.has(url);
	}

	/**
	 * Where a URL no page is published at leads: the URL of the page it is an
	 * alias of (or whose file it names), else where a site redirect sends it
	 * (a site URL or an external one); undefined when nothing redirects it.
	 */
	redirectTarget(url: string): string | undefined {
		const paths = valuesOf(this.pathsByRedirect, url);
		if (paths.length > 0) {
			return this.pagesByPath.get(paths.length === 1 ? paths[0] : [...paths].sort()[0])?.url;
		}
		return this.site.siteRedirect(url);
	}

	/**
	 * The URL of the page a link written `destination` in the page at
	 * `fromPath`, that names no page at `url`, leads to: a redirect's target
	 * (`redirectTarget`), else the page its destination names as a content
	 * path (`SiteUrls.contentPathUrls`); undefined when it leads nowhere.
	 */
	leadsTo(url: string, destination: string, fromPath: string): string | undefined {
		return this.redirectTarget(url) ?? this.site.contentPathUrls(destination, fromPath).find(candidate => this.pathsByUrl.has(candidate));
	}

	/** Paths of the pages that include the page at `path` through an include shortcode (whether it exists or not). */
	includersOf(path: string): string[] {
		return [...valuesOf(this.includersByPath, path)];
	}

	/** Paths of the pages that link to `url` (whether it exists or not). */
	linkersOf(url: string): string[] {
		return [...valuesOf(this.linkersByUrl, url)];
	}

	/** The pages linking to `url` in path order, with the URL's place in each one's `targetUrls` (kept for the last URLs asked, patched from the journal). */
	linkersInOrder(url: string): OrderedLinkers {
		return this.linkerOrders.of(this, url);
	}

	/**
	 * The URLs that pages link to and no page is published at (MediaWiki's
	 * wanted pages), in no order; kept per page update, never by a scan.
	 */
	wantedUrls(): ReadonlySet<string> {
		return this.missingTargets;
	}

	backlinkCount(url: string): number {
		return valuesOf(this.linkersByUrl, url).length;
	}

	/** Sections (top-level folders holding pages), sorted. */
	sections(): string[] {
		return [...this.pathsBySection.keys()].sort();
	}

	sectionPaths(section: string): ReadonlySet<string> {
		return this.pathsBySection.get(section) ?? new Set();
	}

	urlsWithSlug(slug: string): readonly string[] {
		return urlsWithSlugIn(this.urlsBySlug, slug);
	}

	/** Paths of the pages named by an entity name key (see `entityNameKeysOf`). */
	pathsNamed(key: string): readonly string[] {
		return valuesOf(this.pathsByName, key);
	}

	/** Every tag used in the vault with the number of pages using it. */
	tags(): ReadonlyMap<string, number> {
		return this.tagCounts;
	}

	/** Changes with every update and removal; see `changedSince`. */
	get version(): number {
		return this.currentVersion;
	}

	/**
	 * Paths updated or removed after `version` (a path may repeat), or
	 * undefined when that version is too old to tell (then start over).
	 */
	changedSince(version: number): readonly string[] | undefined {
		if (version < this.journalStart || version > this.currentVersion) {
			return undefined;
		}
		return this.journal.slice(version - this.journalStart);
	}

	private record(path: string): void {
		this.currentVersion++;
		this.journal.push(path);
		if (this.journal.length > MAX_JOURNAL) {
			const drop = this.journal.length - MAX_JOURNAL / 2;
			this.journal = this.journal.slice(drop);
			this.journalStart += drop;
		}
	}

	/**
	 * The reverse maps and counts as they are (not copies), for the persisted
	 * index (indexState.ts); `compacted` false leaves the lists' spare room
	 * (`add`) for an index read once and dropped.
	 */
	maps(compacted = true): IndexMaps {
		if (compacted) {
			this.compact();
		}
		return {
			pathsByUrl: this.pathsByUrl, linkersByUrl: this.linkersByUrl, missingTargets: this.missingTargets, pathsBySection: this.pathsBySection,
			urlsBySlug: this.urlsBySlug, tagCounts: this.tagCounts, pathsByName: this.pathsByName, pathsByRedirect: this.pathsByRedirect,
			includersByPath: this.includersByPath, fieldCounts: this.fieldCounts.state,
			counts: [this.sectionPages, this.sectionPagesWithFrontmatter, this.absoluteLinks, this.relativeLinks],
		};
	}

	/**
	 * Replaces every page and reverse map by a persisted index's: `pages` in
	 * the order they were indexed, `maps` what they contributed (taken by
	 * `maps` under the same site rules). What the index held before is
	 * dropped (the caller puts back what must stay); the change journal
	 * starts over, so a reader of it rebuilds what it derived.
	 */
	restore(maps: IndexMaps, pages: readonly PageSummary[]): void {
		this.pagesByPath = new Map();
		for (const page of pages) {
			this.pagesByPath.set(page.path, page);
		}
		this.pathsByUrl = maps.pathsByUrl;
		this.linkersByUrl = maps.linkersByUrl;
		this.missingTargets = maps.missingTargets;
		this.pathsBySection = maps.pathsBySection;
		this.urlsBySlug = maps.urlsBySlug;
		this.tagCounts = maps.tagCounts;
		this.pathsByName = maps.pathsByName;
		this.pathsByRedirect = maps.pathsByRedirect;
		this.includersByPath = maps.includersByPath;
		this.fieldCounts.restore(maps.fieldCounts);
		[this.sectionPages, this.sectionPagesWithFrontmatter, this.absoluteLinks, this.relativeLinks] = maps.counts;
		this.currentVersion++;
		this.journal = [];
		this.journalStart = this.currentVersion;
	}

	update(summary: PageSummary): IndexChange {
		this.record(summary.path);
		const previous = this.pagesByPath.get(summary.path);
		const affected = new Set<string>();
		let pagesChanged = false;
		if (previous) {
			this.withdraw(previous);
			if (previous.url !== summary.url || anchorsKey(previous) !== anchorsKey(summary) || this.includesKey(previous) !== this.includesKey(summary)) {
				this.linkersOf(previous.url).forEach(path => affected.add(path));
				this.addIncluders(summary.path, affected);
			}
		} else {
			this.addIncluders(summary.path, affected);
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
		this.addPagesAt(respelledUrls(previous, summary), affected);
		this.addPagesNamed(renamedKeys(previous, summary), affected);
		this.addLinkersOfRedirects(previous, summary, affected);
		affected.delete(summary.path);
		const namesChanged = previous === undefined || previous.url !== summary.url || previous.title !== summary.title
			|| previous.aliases.length !== summary.aliases.length || previous.aliases.some((alias, i) => alias !== summary.aliases[i]);
		return { affected, pagesChanged, ...(namesChanged ? { namesChanged } : {}) };
	}

	/**
	 * Links in a page the index does not have, without working out what that
	 * changes for other pages (`update` does): for the initial indexing, whose
	 * diagnostics are published once it ends. A page the index has is updated.
	 */
	add(summary: PageSummary): void {
		if (this.pagesByPath.has(summary.path)) {
			this.update(summary);
			return;
		}
		this.record(summary.path);
		this.loose = true;
		this.contribute(summary, true);
	}

	/**
	 * Trims the spare room the reverse maps' lists grew with while pages
	 * were added (`add`): called once the initial indexing is done.
	 */
	compact(): void {
		if (this.loose) {
			this.loose = false;
			for (const map of [this.pathsByUrl, this.linkersByUrl, this.pathsByName, this.pathsByRedirect, this.includersByPath]) {
				compactLists(map);
			}
			compactLists(this.urlsBySlug);
		}
	}

	remove(path: string): IndexChange {
		const previous = this.pagesByPath.get(path);
		if (!previous) {
			return { affected: new Set(), pagesChanged: false };
		}
		this.record(path);
		this.withdraw(previous);
		const affected = new Set<string>();
		if (!this.pathsByUrl.has(previous.url)) {
			this.linkersOf(previous.url).forEach(linker => affected.add(linker));
		}
		this.addPagesAt(respelledUrls(previous, undefined), affected);
		this.addPagesNamed(entityNameKeysOf(previous), affected);
		this.addLinkersOfRedirects(previous, undefined, affected);
		this.addIncluders(path, affected);
		affected.delete(path);
		return { affected, pagesChanged: true, namesChanged: true };
	}

	private includesKey(summary: PageSummary): string {
		return includeCandidatePaths(summary, this.site.rules.includeShortcodes).join('\n');
	}

	/**
	 * Adds to `paths` the pages including the page at `path`, directly or
	 * through includes of includes, and the pages linking to them: their
	 * anchors are the included page's too (pageAnchors.ts).
	 */
	private addIncluders(path: string, paths: Set<string>): void {
		let level = [path];
		const seen = new Set(level);
		for (let depth = 0; depth < MAX_INCLUDE_DEPTH && level.length > 0; depth++) {
			const next: string[] = [];
			for (const included of level) {
				for (const includer of valuesOf(this.includersByPath, included)) {
					if (!seen.has(includer)) {
						seen.add(includer);
						next.push(includer);
						paths.add(includer);
						const url = this.pagesByPath.get(includer)?.url;
						if (url !== undefined) {
							this.linkersOf(url).forEach(linker => paths.add(linker));
						}
					}
				}
			}
			level = next;
		}
	}

	/** Adds to `paths` the pages published at `urls` that may be titled from their slug (the only ones `title-spelling` looks at). */
	private addPagesAt(urls: Iterable<string>, paths: Set<string>): void {
		for (const url of urls) {
			for (const path of valuesOf(this.pathsByUrl, url)) {
				const page = this.pagesByPath.get(path);
				if (page && isTitledFromSlug(page)) {
					paths.add(path);
				}
			}
		}
	}

	/** Adds to `paths` the pages linking to a URL that redirects to one of the two summaries and not to the other. */
	private addLinkersOfRedirects(previous: PageSummary | undefined, next: PageSummary | undefined, paths: Set<string>): void {
		const before = previous ? this.site.redirectsOf(previous) : [];
		const after = next ? this.site.redirectsOf(next) : [];
		for (const url of [...before, ...after]) {
			if (!before.includes(url) || !after.includes(url) || previous?.url !== next?.url) {
				this.linkersOf(url).forEach(path => paths.add(path));
			}
		}
	}

	/** Adds to `paths` the pages named by `keys`. */
	private addPagesNamed(keys: Iterable<string>, paths: Set<string>): void {
		for (const key of keys) {
			for (const path of valuesOf(this.pathsByName, key)) {
				paths.add(path);
			}
		}
	}

	/** `loose`: lists are pushed to in place (see `addTo`; `compact` trims them). */
	private contribute(summary: PageSummary, loose = false): void {
		this.pagesByPath.set(summary.path, summary);
		if (!this.pathsByUrl.has(summary.url)) {
			addTo(this.urlsBySlug, stringHash(slugOfUrl(summary.url)), summary.url, false, loose);
		}
		addTo(this.pathsByUrl, summary.url, summary.path, false, loose);
		this.missingTargets.delete(summary.url);
		for (const url of this.site.redirectsOf(summary)) {
			addTo(this.pathsByRedirect, url, summary.path, false, loose);
			this.missingTargets.delete(url);
		}
		if (summary.section !== undefined) {
			let sectionPaths = this.pathsBySection.get(summary.section);
			if (!sectionPaths) {
				sectionPaths = new Set();
				this.pathsBySection.set(summary.section, sectionPaths);
			}
			sectionPaths.add(summary.path);
			this.sectionPages++;
			if (summary.frontmatter.present) {
				this.sectionPagesWithFrontmatter++;
			}
		}
		if (isSitePage(summary.path)) {
			const spellings = summary.linkSpellings;
			this.absoluteLinks += spellings.absolute;
			this.relativeLinks += spellings.relative;
		}
		// `withdraw` took this page out of every list, and `targetUrls` are distinct: no duplicate can arise.
		// A target linked before is missing or not already (`missingTargets` is kept for every linked URL): only a new one is looked up.
		for (const url of summary.targetUrls) {
			if (addTo(this.linkersByUrl, url, summary.path, true, loose) && !this.pathsByUrl.has(url) && !this.pathsByRedirect.has(url)) {
				this.missingTargets.add(url);
			}
		}
		for (const tag of new Set(summary.tags)) {
			countUp(this.tagCounts, tag);
		}
		// Distinct keys, and `withdraw` took this page out of every list.
		for (const key of entityNameKeysOf(summary)) {
			addTo(this.pathsByName, key, summary.path, true, loose);
		}
		this.fieldCounts.add(summary);
		// Distinct candidates, and `withdraw` took this page out of every list.
		for (const included of includeCandidatePaths(summary, this.site.rules.includeShortcodes)) {
			addTo(this.includersByPath, included, summary.path, true, loose);
		}
	}

	private withdraw(summary: PageSummary): void {
		this.pagesByPath.delete(summary.path);
		removeFrom(this.pathsByUrl, summary.url, summary.path);
		if (!this.pathsByUrl.has(summary.url)) {
			removeFrom(this.urlsBySlug, stringHash(slugOfUrl(summary.url)), summary.url);
			if (this.linkersByUrl.has(summary.url) && !this.pathsByRedirect.has(summary.url)) {
				this.missingTargets.add(summary.url);
			}
		}
		for (const url of this.site.redirectsOf(summary)) {
			removeFrom(this.pathsByRedirect, url, summary.path);
			if (!this.pathsByRedirect.has(url) && !this.pathsByUrl.has(url) && this.linkersByUrl.has(url)) {
				this.missingTargets.add(url);
			}
		}
		if (summary.section !== undefined) {
			const sectionPaths = this.pathsBySection.get(summary.section);
			sectionPaths?.delete(summary.path);
			if (sectionPaths?.size === 0) {
				this.pathsBySection.delete(summary.section);
			}
			this.sectionPages--;
			if (summary.frontmatter.present) {
				this.sectionPagesWithFrontmatter--;
			}
		}
		if (isSitePage(summary.path)) {
			const spellings = summary.linkSpellings;
			this.absoluteLinks -= spellings.absolute;
			this.relativeLinks -= spellings.relative;
		}
		for (const url of summary.targetUrls) {
			removeFrom(this.linkersByUrl, url, summary.path);
			if (!this.linkersByUrl.has(url)) {
				this.missingTargets.delete(url);
			}
		}
		for (const tag of new Set(summary.tags)) {
			countDown(this.tagCounts, tag);
		}
		for (const key of entityNameKeysOf(summary)) {
			removeFrom(this.pathsByName, key, summary.path);
		}
		this.fieldCounts.remove(summary);
		for (const included of includeCandidatePaths(summary, this.site.rules.includeShortcodes)) {
			removeFrom(this.includersByPath, included, summary.path);
		}
	}
}
