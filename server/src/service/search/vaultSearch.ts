import type { CancellationLike } from '../cancellation';
import { everyCandidate, findClosestPages, type PageSuggestion, type SuggestedPages } from './closestPages';
import { EditDistanceRows } from './editDistance';
import { MentionTable } from '../mentions/mentionTable';
import { JournalFollower, type JournaledPages } from './journalFollower';
import { searchPages, searchPagesByScan, type PageSearchResult } from './pageSearch';
import { PageSearchTable } from './pageSearchTable';
import { SegmentIndex } from './segmentIndex';
import { VersionedMemo } from './versionedMemo';

/** What the search reads of the vault index. */
export type SearchedVault = JournaledPages & SuggestedPages;

/** Most suggestion answers kept while the index does not change. */
const MAX_SUGGESTION_ANSWERS = 10_000;
/** How many closest pages are supplied per URL (`supplySuggestions`): a broken link's diagnostic lists that many. */
export const SUPPLIED_SUGGESTIONS = 3;

/**
 * The search tables of one vault index and the searches over them: fuzzy
 * page search (completion, workspace symbols) and the closest pages to a
 * missing URL (diagnostics, hover, quick fixes). The index owns one; each
 * table follows the index's change journal and is built on first use.
 */
export class VaultSearch {
	/** Removed pages leave holes in the page table until they are a quarter of it. */
	private readonly pageTables = new JournalFollower(new PageSearchTable(), 1 / 4);
	/** And in the segment index until they are half of it. */
	private readonly segments = new JournalFollower(new SegmentIndex(), 1 / 2);
	/** A page's diagnostics, hover and quick fixes ask about the same URLs. */
	private readonly suggestions = new VersionedMemo<PageSuggestion[]>(MAX_SUGGESTION_ANSWERS);
	private readonly rows = new EditDistanceRows();
	/** See `supplySuggestions`. */
	private supplied: ReadonlyMap<string, readonly PageSuggestion[]> | undefined;
	/** The names of every page, for unlinked mentions (it leaves no holes). */
	private readonly mentionNames = new JournalFollower(new MentionTable(), 1);

	/** Whether `buildInSteps` is under way: the diagnostics then leave out what a table not built yet would give. */
	private buildingInSteps = false;

	constructor(private readonly vault: SearchedVault) { }

	/**
	 * Builds the tables not built yet a page per step: the closest pages'
	 * segments (the suggestions of a broken link), the names of the unlinked
	 * mentions, then the page search (completion). The transport runs the
	 * steps in time slices right after indexing, so no request pays for a
	 * whole table; a request that needs one before it is built finishes it.
	 */
	*buildInSteps(): Generator<void, void, undefined> {
		if (this.buildingInSteps) {
			return;
		}
		this.buildingInSteps = true;
		try {
			yield* this.segments.buildInSteps(this.vault);
			yield* this.mentionNames.buildInSteps(this.vault);
			yield* this.pageTables.buildInSteps(this.vault);
		} finally {
			this.buildingInSteps = false;
		}
	}

	/**
	 * Whether the diagnostics wait for `buildInSteps` to build the mention
	 * table: they then have no unlinked mentions (the transport publishes them
	 * again once it is built). False when no build in steps runs (`check`,
	 * the tests): the table is then built on first use.
	 */
	get mentionsPending(): boolean {
		return this.buildingInSteps && !this.mentionNames.built;
	}

	/** Whether the diagnostics wait for `buildInSteps` to build the segments: their broken links then suggest no page, until they are published again. */
	get suggestionsPending(): boolean {
		return this.buildingInSteps && !this.segments.built;
	}

	/** The up-to-date page search table. */
	pageTable(): PageSearchTable {
		return this.pageTables.sync(this.vault);
	}

	/** The up-to-date table of every page's names, which `findMentions` reads. */
	mentionTable(): MentionTable {
		return this.mentionNames.sync(this.vault);
	}

	/**
	 * The pages of a section (or of the whole vault when `section` is
	 * undefined) matching `query`, best first, at most `limit`. An empty query
	 * matches every page, alphabetically.
	 */
	pages(query: string, section: string | undefined, limit: number, token?: CancellationLike): PageSearchResult {
		return searchPages(this.pageTable(), query, section, limit, token);
	}

	/** `pages` by looking at every page of the section (or vault): the oracle of the tests. */
	pagesByScan(query: string, section: string | undefined, limit: number): PageSearchResult {
		return searchPagesByScan(this.pageTable(), query, section, limit);
	}

	/**
	 * Existing pages closest to a URL that does not exist: the same slug in
	 * another section first, then pages of the same section (or, when the
	 * section does not exist, of every section) whose slug, title or alias is
	 * within a small edit distance. Candidates come from a segment index, so
	 * the cost does not grow with the vault, and every key within the limit is
	 * found (`closestPagesByScan`, the exhaustive search, is the oracle of the
	 * tests).
	 */
	closestPages(url: string, max = 3): PageSuggestion[] {
		const given = max === SUPPLIED_SUGGESTIONS ? this.supplied?.get(url) : undefined;
		if (given !== undefined) {
			return given.map(suggestion => ({ ...suggestion }));
		}
		const found = this.suggestions.get(this.vault.version, `${max} ${url}`, () => findClosestPages(
			this.vault, url, max, (slug, limit, section) => this.segments.sync(this.vault).candidates(slug, limit, section), this.rows,
		));
		return found.map(suggestion => ({ ...suggestion }));
	}

	/**
	 * The closest pages to some URLs, found elsewhere from this index
	 * (`SuggestionTable`, on `check`'s workers: the same answers), each the
	 * first `SUPPLIED_SUGGESTIONS`: `closestPages` gives them instead of
	 * searching until they are replaced; undefined forgets them.
	 */
	supplySuggestions(found: ReadonlyMap<string, readonly PageSuggestion[]> | undefined): void {
		this.supplied = found;
	}

	/** `closestPages` by comparing the slug with every page of the vault: the oracle of the tests. */
	closestPagesByScan(url: string, max = 3): PageSuggestion[] {
		return findClosestPages(this.vault, url, max, everyCandidate(this.vault), this.rows);
	}
}
