import type { PageSummary } from '../parse/pageSummary';

/** What a table derived from the vault index reads of it: its pages and its change journal. */
export interface JournaledPages {
	/** Changes with every update and removal. */
	readonly version: number;
	readonly size: number;
	/** Paths updated or removed after `version` (a path may repeat), or undefined when that version is too old to tell. */
	changedSince(version: number): readonly string[] | undefined;
	getPage(path: string): PageSummary | undefined;
	pages(): Iterable<PageSummary>;
}

/**
 * A table with entries per page that a `JournalFollower` keeps in step with
 * the index. A removal may leave holes (slots no page uses) instead of
 * moving entries; the follower rebuilds the table when they become too many.
 */
export interface FollowingTable {
	/** Forgets every entry and adds those of `pages`, leaving no hole. */
	rebuild(pages: Iterable<PageSummary>): void;
	/** Adds the entries of a page that has none in the table. */
	add(page: PageSummary): void;
	/** Takes out the entries of the page at `path`, if it has any. */
	remove(path: string): void;
	/**
	 * Puts the new version of the page at `path` in place of the old one when
	 * the table can (true); false and nothing done when it cannot, and the
	 * follower then removes and adds it.
	 */
	replace?(path: string, page: PageSummary): boolean;
	/** Slots in use or left empty by removals. */
	readonly slots: number;
	/** Slots left empty by removals. */
	readonly holes: number;
}

/** A build in steps under way: the paths to add and the next one, and the version the table stands for once they are in. */
interface Building {
	readonly paths: readonly string[];
	next: number;
	readonly pages: JournaledPages;
	readonly version: number;
}

/**
 * Keeps one `FollowingTable` in step with the index through the index's
 * change journal: only the pages changed since the last `sync` are looked
 * at, so a lookup costs nothing per page of the vault. The table is rebuilt
 * from every page when it is new, when the journal no longer reaches back to
 * its version, when more than a quarter of the index changed at once, or
 * when holes make up more than `maxHoleShare` of its slots.
 */
export class JournalFollower<T extends FollowingTable> {
	private version = -1;
	/** A build in steps under way (`buildInSteps`). */
	private building: Building | undefined;

	constructor(readonly table: T, private readonly maxHoleShare: number) { }

	/** Whether the table has been built, whole (it may lag the index: `sync` then brings it up to date through the journal). */
	get built(): boolean {
		return this.version >= 0 && this.building === undefined;
	}

	/**
	 * Builds the table (when it is not built yet) a page at a time, one page
	 * per step of the returned iterator, so a caller can spread the build over
	 * time slices. The pages changed meanwhile are caught up through the
	 * journal by the next `sync`; a `sync` before the build has ended finishes it first.
	 */
	*buildInSteps(pages: JournaledPages): Generator<void, void, undefined> {
		if (this.version >= 0 || this.building !== undefined) {
			return;
		}
		this.table.rebuild([]);
		// The paths as they are now: a page removed and added again meanwhile is added once (the journal has the rest).
		const paths = Array.from(pages.pages(), page => page.path);
		const building = { paths, next: 0, pages, version: pages.version };
		this.building = building;
		while (this.building === building && this.addNext(building)) {
			yield;
		}
	}

	/** Adds the next page of the build under way; false, and the build ended, when none is left. */
	private addNext(building: Building): boolean {
		if (building.next >= building.paths.length) {
			this.building = undefined;
			this.version = building.version;
			return false;
		}
		const page = building.pages.getPage(building.paths[building.next++]);
		if (page) {
			this.table.add(page);
		}
		return true;
	}

	/** The table, brought up to date with `pages`. */
	sync(pages: JournaledPages): T {
		const building = this.building;
		if (building !== undefined) {
			while (this.addNext(building)) {
				// The rest of the build, now: the caller needs the whole table.
			}
		}
		if (this.version === pages.version) {
			return this.table;
		}
		const changed = this.version < 0 ? undefined : pages.changedSince(this.version);
		if (changed === undefined || changed.length > pages.size / 4) {
			this.rebuild(pages);
			return this.table;
		}
		const table = this.table;
		for (const path of new Set(changed)) {
			const page = pages.getPage(path);
			if (page && table.replace?.(path, page)) {
				continue;
			}
			table.remove(path);
			if (page) {
				table.add(page);
			}
		}
		this.version = pages.version;
		if (table.holes > table.slots * this.maxHoleShare) {
			this.rebuild(pages);
		}
		return table;
	}

	private rebuild(pages: JournaledPages): void {
		this.building = undefined;
		this.table.rebuild(pages.pages());
		this.version = pages.version;
	}
}
