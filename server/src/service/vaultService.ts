import type { CompletionItem, CompletionList, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Position, Range } from 'vscode-languageserver-types';
import type { CancellationLike } from './cancellation';
import { provideBacklinks, type Backlinks } from './languageFeatures/backlinks';
import { provideCodeActions, type VaultCodeAction } from './languageFeatures/codeActions';
import { backlinkLensCount, provideCodeLenses, type VaultCodeLens } from './languageFeatures/codeLenses';
import { provideCompletion, resolveCompletionItem } from './languageFeatures/completion';
import { provideDefinition } from './languageFeatures/definition';
import { computeDiagnostics, computeMentionDiagnostics, linksReadText, unreadablePageDiagnostics, type VaultDiagnostic } from './languageFeatures/diagnostics';
import type { Mention } from './mentions/findMentions';
import { mentionJobOf, mentionNamesOf, type MentionJob, type PageNames } from './mentions/mentionJobs';
import { provideDocumentHighlights } from './languageFeatures/documentHighlights';
import { provideDocumentLinks, type VaultDocumentLink } from './languageFeatures/documentLinks';
import { provideDocumentSymbols, type DocumentSymbolOptions } from './languageFeatures/documentSymbols';
import { provideFoldingRanges } from './languageFeatures/foldingRanges';
import { provideGraph, type GraphOptions, type VaultGraph } from './languageFeatures/graph';
import { provideHover, type PageLinkTarget } from './languageFeatures/hover';
import type { PageContext } from './languageFeatures/pageContext';
import { provideReferences, referencesInChunks } from './languageFeatures/references';
import { tallyPages, vaultOverview, type PageTallies, type VaultOverview } from './languageFeatures/overview';
import { wantedPages, type WantedPage } from './languageFeatures/wantedPages';
import { renumberFootnotes, type VaultSourceAction } from './languageFeatures/renumberFootnotes';
export { RENUMBER_FOOTNOTES_KIND } from './languageFeatures/renumberFootnotes';
import { prepareRename, provideRename, type PageTextReader, type PrepareRenameResult, type RenameResult } from './languageFeatures/rename';
import { provideWorkspaceSymbols, type VaultWorkspaceSymbol } from './languageFeatures/workspaceSymbols';
import { ProseWordIndex } from './mentions/proseWordIndex';
import { JournalFollower } from './search/journalFollower';
import { linkEditsForMoves, type PathMove } from './restructure/moveLinks';
import { PageSummaries, stripBom, summarizePageParts, type PageSummary, type PageSummaryParts } from './parse/pageSummary';
import { joinPageParts } from './parse/pageRecord';
import { StoredPages, type EncodedPageRecord, type PageCodec, type PageRecord } from './parse/storedPageSummary';
import { RelayedStrings } from './parse/relayedStrings';
import { indexMapsOf, isPersistedIndexState, persistedStateOf, type PersistedIndexState } from './vault/indexState';
import { withSiteUrls } from './parse/siteParts';
import { newPage, type NewPage, type NewPageInput } from './vault/pageTemplate';
import { DEFAULT_SETTINGS, type VaultSettings } from './vault/settings';
import type { OtherContentPage } from './vault/siteRules';
import { putOtherContentPagesInForce, putSiteRulesInForce, restoreOtherContentPages, withOtherContentPages } from './vault/siteInForce';
import { VAULT_MODEL_TYPES, type FrontmatterSchema } from './vault/frontmatterSchema';
import { effectiveSchema, inferSectionSchema, pageRules } from './vault/schemaInference';
import { assetsChanged, VaultIndex, type IndexChange } from './vault/vaultIndex';
import { decideVaultKind, isVaultByFrontmatter, type VaultKind } from './vault/vaultKind';
import { isMarkdownPath, sectionOfPath } from './vault/vaultPaths';
import type { VaultEdit, VaultLocation } from './vault/vaultResults';

// The results the transport converts (paths to URIs) are typed here, so it imports no feature module.
export type { VaultDiagnostic } from './languageFeatures/diagnostics';
export type { PageItemData } from './languageFeatures/completion';
export type { WantedPage } from './languageFeatures/wantedPages';
export type { Mention } from './mentions/findMentions';
export type { MentionJob, PageNames } from './mentions/mentionJobs';
export type { GraphEdge, GraphNode, GraphOptions, VaultGraph } from './languageFeatures/graph';
export type { Backlinks, BacklinkPage, BacklinkSnippet } from './languageFeatures/backlinks';
export type { VaultOverview, OverviewPage, LinkedPage } from './languageFeatures/overview';
export { LINK_MENTIONS_KIND } from './languageFeatures/quickFixes/mentionQuickFixes';
export type { VaultCodeAction, VaultCodeLens, VaultSourceAction, VaultDocumentLink, VaultEdit, VaultLocation, VaultWorkspaceSymbol, NewPage, NewPageInput, VaultKind, PathMove, PageTextReader, PrepareRenameResult, RenameResult };

/**
 * Longest page text that is parsed, in UTF-16 code units (and the largest
 * page file read, in bytes). Real pages are a few kilobytes; a bigger text is
 * kept out of the index with a `page-unreadable` diagnostic rather than
 * holding the server for seconds on every keystroke.
 */
export const MAX_PAGE_LENGTH = 2 * 1024 * 1024;

/**
 * The pure vault service: one per vault root. It is fed page texts by path
 * (vault-relative, `/`-separated) and answers from its index; it never reads
 * a file, talks to an editor or knows about a transport.
 *
 * Every language feature is one of its methods, answered by one provider of
 * `languageFeatures/`. A feature about a page takes the page's path and its
 * current text as the editor has it (a BOM is allowed: positions do not count
 * it) and answers nothing when the index has no such page. Results name pages
 * by vault-relative path.
 */
export interface VaultService {
	/** Read-only use: the service updates it. */
	readonly index: VaultIndex;
	settings(): VaultSettings;
	setSettings(settings: VaultSettings): void;
	/**
	 * The files the site publishes that are not pages (names only): each
	 * one's published path without the leading `/` (under the vault root its
	 * vault-relative path, in a static folder its path there). Until the
	 * transport sets them, links to files are not checked.
	 */
	setAssets(paths: Iterable<string>): IndexChange;
	/** Files added and removed since (published paths, as `setAssets`); a path published twice stays until both go. */
	updateAssets(added: readonly string[], removed: readonly string[]): IndexChange;
	/**
	 * The pages the site publishes from content files in other formats than
	 * markdown (`SiteRules.contentFolders`), as the transport finds them:
	 * links to their URLs are not broken. Nothing is indexed again.
	 */
	setOtherContentPages(pages: readonly OtherContentPage[]): IndexChange;
	/**
	 * Whether the folder is a vault, and why: declared one (`declareVault`),
	 * or at least half of its pages in sections have frontmatter. Only a
	 * vault's pages in sections get `frontmatter-missing` and `frontmatter-field`.
	 */
	vaultKind(): VaultKind;
	/**
	 * Declares the folder a vault, with why (`the entityVault.root setting`,
	 * `marker file .entity-vault.json`), or takes the declaration back
	 * (undefined: decided by the pages' frontmatter).
	 */
	declareVault(reason: string | undefined): void;
	/**
	 * Parses the page once and updates only what it touches in the index.
	 * A page that is too large or that the parser fails on is quarantined:
	 * left out of the index, with a `page-unreadable` diagnostic, until its
	 * next update. It never throws for a markdown path.
	 */
	updatePage(path: string, text: string): IndexChange;
	/**
	 * Puts an already parsed page (from a worker or the persisted index) in the
	 * index. `copied`: its strings are fresh copies, not slices of a page text.
	 */
	updateParsedPage(parts: PageSummaryParts, copied: boolean): IndexChange;
	/**
	 * `updateParsedPage` for the initial indexing: a page the index does not
	 * have yet is linked in without working out which other pages it affects
	 * (the transport publishes every page's diagnostics once indexing ends).
	 */
	loadParsedPage(parts: PageSummaryParts, copied: boolean): void;
	/**
	 * Puts a page record (a worker's, or the persisted index's) in the index
	 * as it is: its header is linked in, its blob decoded only when a feature
	 * looks at the page. `initial`: as `loadParsedPage` (the change is then empty).
	 */
	updatePageRecord(record: PageRecord, initial?: boolean): IndexChange;
	/** Where the records a worker numbers the strings of (relayedStrings.ts) get their strings: one per worker and run of jobs. */
	relayedStrings(): RelayedStrings;
	/** The initial indexing is done (every `initial` page given): the index lets go of the room it grew with. */
	settleIndex(): void;
	/**
	 * Puts back a persisted index whole (a warm start): its pages, their
	 * records still encoded, in the order they were indexed, and the state
	 * of the reverse maps written with them (`persistedIndexState`). The
	 * pages the index held before (open in the editor, read meanwhile) are
	 * put back over the persisted ones, and those of `loaded` it did not hold
	 * (deleted or unreadable meanwhile) stay out. Gives false, changing nothing, when
	 * the state does not fit (other site rules, other pages, not a state,
	 * a codec that cannot decode headers): then link the records in one by one.
	 */
	restoreIndex(records: readonly EncodedPageRecord[], state: unknown, loaded?: Iterable<string>): boolean;
	/**
	 * The state of the reverse maps to persist after the pages `written` (in
	 * that order), made a step at a time: the index's own maps when no page
	 * changed since `since` (the index's version when the first page was
	 * written), else the maps of the pages as written, linked in one by one
	 * (so the state always fits the records beside it).
	 */
	persistedIndexState(written: readonly PageSummary[], since: number): Generator<void, PersistedIndexState | undefined>;
	removePage(path: string): IndexChange;
	getPage(path: string): PageSummary | undefined;
	/**
	 * A page that could not be read (not text, too large, a link out of the
	 * vault) is quarantined with the reason, like a page the parser fails on.
	 */
	markUnreadable(path: string, reason: string): IndexChange;
	/** Why a page was quarantined by its last update, if it was. */
	quarantined(path: string): string | undefined;
	/** Paths of the quarantined pages. */
	quarantinedPaths(): string[];
	/**
	 * The page's diagnostics. `text`: its text as indexed (a BOM is allowed),
	 * which `unlinked-mention` reads (the summary does not keep it); without
	 * it, or when it is not the version indexed, there are no such hints.
	 */
	diagnostics(path: string, text?: string, found?: readonly Mention[]): VaultDiagnostic[];
	/**
	 * `diagnostics` split for another thread (`entity-vault check`): the
	 * names of every page for its mention table, what its search reads of a
	 * page's summary (undefined for a page not indexed), and whether the
	 * page's diagnostics still read its text (mapped links). The
	 * `found` mentions go back to `diagnostics`, or to `mentionDiagnostics`
	 * for the `unlinked-mention` diagnostics alone (`diagnostics` with no
	 * `found` mentions gives the others: the two in a row are `diagnostics`).
	 */
	mentionDiagnostics(path: string, found: readonly Mention[]): VaultDiagnostic[];
	mentionNames(): PageNames[];
	mentionJob(path: string): MentionJob | undefined;
	diagnosticsReadText(path: string): boolean;

	/** Go to definition: the target page of a link, or the definition of a footnote. */
	definition(path: string, text: string, position: Position): VaultLocation[];
	/** Find references: the links to a page, or the calls of a footnote. */
	references(path: string, text: string, position: Position, includeDeclaration: boolean, token?: CancellationLike): VaultLocation[];
	/**
	 * `references` in pieces, in its order, each the links of at most
	 * `linkersPerChunk` linking pages, computed as they are taken: the
	 * transport sends the first ones (`partialResult`) before the rest.
	 */
	referencesInChunks(path: string, text: string, position: Position, includeDeclaration: boolean, linkersPerChunk: number): Iterable<VaultLocation[]>;
	hover(path: string, text: string, position: Position, pageLink?: PageLinkTarget): Hover | undefined;
	completion(path: string, text: string, position: Position, token?: CancellationLike): CompletionList;
	/** Adds its page's documentation to a page item of `completion`; other items come back as they are. */
	resolveCompletion(item: CompletionItem): CompletionItem;
	documentLinks(path: string, text: string): VaultDocumentLink[];
	/** The outline: frontmatter, headings (unless `options.headings` is false), footnote definitions. */
	documentSymbols(path: string, text: string, options?: DocumentSymbolOptions): DocumentSymbol[];
	workspaceSymbols(query: string, token?: CancellationLike): VaultWorkspaceSymbol[];
	/**
	 * Quick fixes, with the settings, for the diagnostics of this service
	 * among `diagnostics` (the client sends them back; others are skipped)
	 * that touch `range`. `today` (`YYYY-MM-DD`) is the date they write: the
	 * service never reads the clock. `snippets`: the client takes snippet
	 * edits in a code action (LSP 3.18 `SnippetTextEdit`). `only`: the kinds
	 * of action the client asks for (`CodeActionContext.only`), which decides
	 * whether refactorings are offered besides the quick fixes (the source action
	 * `source.linkMentions` only when asked for).
	 */
	codeActions(path: string, text: string, range: Range, diagnostics: readonly Diagnostic[], today: string, snippets?: boolean, only?: readonly string[]): VaultCodeAction[];
	/** Source action "Renumber footnotes", when the page has footnotes not already numbered `1..n` in order of use with their definitions at the end. */
	renumberFootnotes(path: string, text: string): VaultSourceAction | undefined;
	/** Code lenses, resolved: "N backlinks" at the top of the page, "N uses" on each footnote definition. */
	codeLenses(path: string, text: string, token?: CancellationLike): VaultCodeLens[];
	/** What the page's "N backlinks" lens counts: the other pages linking to it (undefined: no such page). */
	backlinkCount(path: string): number | undefined;
	/** The other links of the page to the target of the link at `position`, or a footnote's references and definitions. */
	documentHighlights(path: string, text: string, position: Position): DocumentHighlight[];
	/** The frontmatter, each heading's section and the footnote block at the end. */
	foldingRanges(path: string, text: string): FoldingRange[];
	/** The New Page command, with the settings' required fields (see `newPage`). */
	newPage(input: NewPageInput): NewPage;
	/**
	 * Wanted pages: the missing targets of links, most linked first, at most
	 * `limit`, each with its most common link text, read from `textOf` (the
	 * transport's page texts) for the pages listed only.
	 */
	wantedPages(textOf: PageTextReader, limit: number, token?: CancellationLike): WantedPage[];
	/**
	 * The neighbourhood of the page at `path` (see `provideGraph`): the pages
	 * it links and those linking it, one or two hops, filtered by section and
	 * tag, at most `options.maxNodes`; undefined when no such page is indexed.
	 */
	graph(path: string, options?: GraphOptions, token?: CancellationLike): VaultGraph | undefined;
	/**
	 * The Backlinks panel of a page (undefined: no such page): the other
	 * pages linking to it, each link with its sentence, and the pages naming
	 * it in plain text without a link (unlinked mentions), the texts read
	 * from `textOf` for those pages only. The mentions are found among the
	 * pages whose words `readProseWords` has read.
	 */
	backlinks(path: string, textOf: PageTextReader, token?: CancellationLike): Backlinks | undefined;
	/**
	 * Reads the words of at most `maxPages` pages that changed since their
	 * words were last read (all of them the first time), for the unlinked
	 * mentions of `backlinks`; returns how many still wait. The transport
	 * calls it in slices until it returns 0.
	 */
	readProseWords(textOf: PageTextReader, maxPages: number): number;
	/**
	 * Builds the search tables (closest pages, mention names, page search) a
	 * page per step, for the transport to run in time slices after indexing;
	 * meanwhile `diagnostics` leaves out the unlinked mentions and the
	 * suggestions of broken links whose table is not built yet.
	 */
	buildSearchTablesInSteps(): Iterator<void>;
	/** Whether `diagnostics` now leaves out what a search table being built would give (see `buildSearchTablesInSteps`). */
	diagnosticsPartial(): boolean;
	/**
	 * The vault overview: pages per section, most linked pages, orphans,
	 * pages without footnotes, wanted pages, each list at most `limit` long
	 * (undefined when cancelled). The tallies are kept while the index does
	 * not change.
	 */
	overview(textOf: PageTextReader, limit: number, token?: CancellationLike): VaultOverview | undefined;
	/**
	 * The link edits that go with moving files or folders (see
	 * `linkEditsForMoves`): text edits only, on the pages at their old paths;
	 * the caller adds the renames.
	 */
	moveEdits(moves: readonly PathMove[], token?: CancellationLike): VaultEdit;
	/** Whether the position names something to rename: the range to show and the current name (an entity's slug), or why not. */
	prepareRename(path: string, text: string, position: Position): PrepareRenameResult;
	/**
	 * Rename: the edit renaming the entity at the position to `newName` (a
	 * slug, or `/SECTION/SLUG/`), or why not. `pageText` reads a page's
	 * current text, needed only to append the old URL to the field the
	 * settings name (`oldUrlField`) on a page other than this one.
	 */
	rename(path: string, text: string, position: Position, newName: string, token?: CancellationLike, pageText?: PageTextReader): RenameResult;
	/**
	 * The frontmatter schema the pages are checked against: the settings'
	 * (the configuration file's `frontmatter`), else the one inferred from the
	 * pages (see vault/schemaInference.ts), as `check --print-schema` prints it.
	 */
	frontmatterSchema(): { schema: FrontmatterSchema; inferred: boolean };
}

export interface VaultServiceOptions {
	readonly settings?: VaultSettings;
	/** Why the folder is a vault whatever its pages hold (see `declareVault`). */
	readonly declaredVault?: string;
	/** How page records' blobs are encoded (`PageRecord`): the transport's codec; JSON by default. */
	readonly pageCodec?: PageCodec;
	/**
	 * A page read and parsed again (its plain data, as a worker makes it), for
	 * a page whose blob is kept in a file that cannot be read any more
	 * (`PageBlobFile`); undefined when the page cannot be read either.
	 */
	readonly rereadPage?: (path: string) => PageSummaryParts | undefined;
}

/** Pages linked in per step when the persisted state is made from the pages as written (about a millisecond at most). */
const STATE_PAGES_PER_STEP = 10;

const NO_CHANGE: IndexChange = Object.freeze({ affected: new Set<string>(), pagesChanged: true });

const NOT_A_PAGE = Object.freeze({ error: 'This file is not a page of the vault: nothing in it can be renamed.' });

/** A size in KiB or MiB, for messages about pages too large to read. */
export function sizeOf(length: number): string {
	return length >= 1024 * 1024 ? `${(length / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(length / 1024)} KiB`;
}

export function createVaultService(options: VaultServiceOptions = {}): VaultService {
	const index = new VaultIndex();
	/** The index's version when the site's URL rules last changed (the pages were put back under them). */
	let rulesChangedAt = 0;
	let settings = options.settings ?? DEFAULT_SETTINGS;
	const quarantine = new Map<string, string>();
	const summaries = new PageSummaries();
	const stored = new StoredPages(summaries, options.pageCodec, undefined, options.rereadPage);
	let declaredVault = options.declaredVault;
	useSiteRules(settings);

	/** The rules the index's maps depend on (redirects, includes, URLs): a persisted state is used only under the same. */
	function indexFingerprint(): string {
		return `${JSON.stringify(index.site.rules)}\n${summaries.site.key}`;
	}

	/** Puts the site's URL rules in force (siteInForce.ts). */
	function useSiteRules(next: VaultSettings): void {
		if (putSiteRulesInForce(index, summaries, next.site)) {
			rulesChangedAt = index.version;
		}
	}

	/** The words of each page's body, for the unlinked mentions of the Backlinks panel: read only once the panel asks. */
	const proseWords = new JournalFollower(new ProseWordIndex(), 1);
	let tallies: { version: number; tallies: PageTallies } | undefined;

	function isVault(): boolean {
		return declaredVault !== undefined || isVaultByFrontmatter(index.pageCount, index.pagesWithFrontmatter);
	}

	/** An index update, flagged when it turned the folder into a vault or back. */
	/**
	 * An index update of the page at `path`, flagged when it turned the folder
	 * into a vault or back; when it changed the schema inferred for the page's
	 * section, the section's pages are affected (their frontmatter findings may change).
	 */
	function changing(path: string, change: () => IndexChange): IndexChange {
		const before = isVault();
		const section = sectionOfPath(path);
		const schemaBefore = inferredSchemaKey(section);
		const result = change();
		const affected = inferredSchemaKey(section) === schemaBefore || section === undefined ? result.affected
			: new Set([...result.affected, ...[...index.sectionPaths(section)].filter(other => other !== path)]);
		const next = affected === result.affected ? result : { ...result, affected };
		return isVault() === before ? next : { ...next, vaultKindChanged: true };
	}

	/** The schema inferred for a section, as a string to compare ('' when none is inferred: no section, or a configured schema). */
	function inferredSchemaKey(section: string | undefined): string {
		if (section === undefined || settings.frontmatter !== undefined) {
			return '';
		}
		const { required, fields } = inferSectionSchema(index.fieldCounts, section);
		// A vault model field typed as the model types it checks the same whether inferred or not.
		const telling = Object.entries(fields).filter(([field, rule]) => rule.section !== undefined || rule.type !== VAULT_MODEL_TYPES[field]);
		return JSON.stringify([required, telling]);
	}

	function summarize(path: string, text: string): PageSummary | string {
		if (text.length > MAX_PAGE_LENGTH) {
			return `the page is ${sizeOf(text.length)} long, more than the ${sizeOf(MAX_PAGE_LENGTH)} a page may be`;
		}
		try {
			return summaries.fromParts(withSiteUrls(summarizePageParts(path, text), summaries.site));
		} catch (error) {
			const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			return `the page could not be parsed (${message.slice(0, 200)}); it is left out of the index until it changes`;
		}
	}

	/** For a frontmatter field of type link on `page`, the section of its pages ('' for any); undefined for another type. */
	function linkSectionOf(page: PageSummary, field: string): string | undefined {
		const rule = page.section === undefined ? undefined : pageRules(index.fieldCounts, settings, page.section, page.path).fields.get(field);
		return rule?.type === 'link' ? rule.section ?? '' : undefined;
	}

	/** The one place an editor's text loses its BOM on the way to a feature. */
	function onPage<T>(path: string, text: string, none: T, feature: (context: PageContext) => T): T {
		const page = index.getPage(path);
		return page ? feature({ index, page, text: stripBom(text), site: settings.site }) : none;
	}

	return Object.freeze<VaultService>({
		index,
		settings: () => settings,
		setSettings(next: VaultSettings): void {
			useSiteRules(next);
			settings = next;
		},
		setAssets(paths: Iterable<string>): IndexChange {
			index.assets.replace(paths);
			return assetsChanged();
		},
		updateAssets(added: readonly string[], removed: readonly string[]): IndexChange {
			for (const path of removed) {
				index.assets.remove(path);
			}
			for (const path of added) {
				index.assets.add(path);
			}
			return assetsChanged();
		},
		setOtherContentPages: pages => putOtherContentPagesInForce(index, summaries, pages),
		vaultKind: () => decideVaultKind(declaredVault, index.pageCount, index.pagesWithFrontmatter),
		declareVault(reason: string | undefined): void {
			declaredVault = reason;
		},
		updatePage(path: string, text: string): IndexChange {
			if (!isMarkdownPath(path)) {
				throw new Error(`not a markdown page: ${path}`);
			}
			const summary = summarize(path, stripBom(text));
			if (typeof summary === 'string') {
				quarantine.set(path, summary);
				return changing(path, () => index.remove(path));
			}
			quarantine.delete(path);
			return changing(path, () => index.update(summary));
		},
		updateParsedPage(parts: PageSummaryParts, copied: boolean): IndexChange {
			if (!isMarkdownPath(parts.path)) {
				throw new Error(`not a markdown page: ${parts.path}`);
			}
			quarantine.delete(parts.path);
			return changing(parts.path, () => index.update(summaries.fromParts(withSiteUrls(parts, summaries.site), copied)));
		},
		loadParsedPage(parts: PageSummaryParts, copied: boolean): void {
			if (!isMarkdownPath(parts.path)) {
				throw new Error(`not a markdown page: ${parts.path}`);
			}
			quarantine.delete(parts.path);
			index.add(summaries.fromParts(withSiteUrls(parts, summaries.site), copied));
		},
		updatePageRecord(record: PageRecord, initial = false): IndexChange {
			const header = record.header;
			if (!isMarkdownPath(header.path)) {
				throw new Error(`not a markdown page: ${header.path}`);
			}
			quarantine.delete(header.path);
			// Made under other URL rules (workers parse by the plain vault model): made again under these, and expanded.
			const summary = (header.siteKey ?? '') === summaries.site.key ? stored.summaryOf(record)
				: summaries.fromParts(withSiteUrls(joinPageParts(header, stored.codec.decode(stored.blobBytes(header.path, record.blob).bytes)), summaries.site), true);
			if (initial) {
				index.add(summary);
				return NO_CHANGE;
			}
			return changing(header.path, () => index.update(summary));
		},
		relayedStrings: () => new RelayedStrings(summaries.strings),
		settleIndex(): void {
			index.compact();
		},
		restoreIndex(records: readonly EncodedPageRecord[], state: unknown, loaded: Iterable<string> = []): boolean {
			if (stored.codec.decodeHeader === undefined || !isPersistedIndexState(state, records.length, indexFingerprint())) {
				return false;
			}
			const paths = records.map(record => record.path);
			const kept = [...index.pages()];
			index.restore(indexMapsOf(state, paths), records.map(record => stored.summaryOf(record)));
			restoreOtherContentPages(index, summaries, state);
			for (const page of kept) {
				index.add(page);
			}
			const keptPaths = new Set(kept.map(page => page.path));
			for (const path of loaded) {
				if (!keptPaths.has(path) && index.getPage(path)) {
					index.remove(path);
				}
			}
			return true;
		},
		*persistedIndexState(written: readonly PageSummary[], since: number): Generator<void, PersistedIndexState | undefined> {
			const paths = written.map(page => page.path);
			if (index.version === since) {
				// Nothing changed since the pages were written: their maps are the index's own.
				const state = yield* persistedStateOf(index.maps(), paths, indexFingerprint());
				if (state && index.version === since) {
					return withOtherContentPages(state, index);
				}
			}
			if (rulesChangedAt > since) {
				// Pages written under other rules than these: no state fits them.
				return undefined;
			}
			// Pages changed while they were written: the maps of the pages as written, linked in a step at a time.
			const asWritten = new VaultIndex();
			asWritten.site = index.site;
			for (let i = 0; i < written.length; i++) {
				asWritten.add(written[i]);
				if (i % STATE_PAGES_PER_STEP === STATE_PAGES_PER_STEP - 1) {
					yield;
				}
			}
			// Read once and dropped: its lists not trimmed (a copy of each, 160,000 at 100,000 pages, in one step).
			return withOtherContentPages(yield* persistedStateOf(asWritten.maps(false), paths, indexFingerprint()), index);
		},
		markUnreadable(path: string, reason: string): IndexChange {
			quarantine.set(path, reason);
			return changing(path, () => index.remove(path));
		},
		removePage(path: string): IndexChange {
			quarantine.delete(path);
			return changing(path, () => index.remove(path));
		},
		getPage: (path: string) => index.getPage(path),
		quarantined: (path: string) => quarantine.get(path),
		quarantinedPaths: () => [...quarantine.keys()],
		diagnostics(path: string, text?: string, found?: readonly Mention[]): VaultDiagnostic[] {
			const reason = quarantine.get(path);
			if (reason !== undefined) {
				return unreadablePageDiagnostics(reason, settings);
			}
			const page = index.getPage(path);
			return page ? computeDiagnostics(index, page, settings, isVault(), text === undefined ? undefined : stripBom(text), found) : [];
		},
		mentionDiagnostics(path: string, found: readonly Mention[]): VaultDiagnostic[] {
			const page = quarantine.has(path) ? undefined : index.getPage(path);
			return page ? computeMentionDiagnostics(index, page, settings, found) : [];
		},
		mentionNames: () => mentionNamesOf(index.pages()),
		mentionJob(path: string): MentionJob | undefined {
			const page = index.getPage(path);
			return page && mentionJobOf(page);
		},
		diagnosticsReadText(path: string): boolean {
			const page = index.getPage(path);
			return page !== undefined && linksReadText(index, page);
		},
		definition: (path, text, position) => onPage(path, text, [], context => provideDefinition(context, position)),
		references: (path, text, position, includeDeclaration, token) =>
			onPage(path, text, [], context => provideReferences(context, position, includeDeclaration, token)),
		referencesInChunks: (path, text, position, includeDeclaration, linkersPerChunk) =>
			onPage<Iterable<VaultLocation[]>>(path, text, [], context => referencesInChunks(context, position, includeDeclaration, linkersPerChunk)),
		hover: (path, text, position, pageLink) => onPage(path, text, undefined, context => provideHover(context, position, pageLink)),
		completion: (path, text, position, token) =>
			onPage(path, text, { isIncomplete: false, items: [] }, context => provideCompletion(context, position, token, field => linkSectionOf(context.page, field))),
		resolveCompletion: item => resolveCompletionItem(index, item),
		documentLinks: (path, text) => onPage(path, text, [], provideDocumentLinks),
		documentSymbols: (path, text, options) => onPage(path, text, [], context => provideDocumentSymbols(context, options)),
		workspaceSymbols: (query, token) => provideWorkspaceSymbols(index, query, token),
		codeActions: (path, text, range, diagnostics, today, snippets, only) =>
			onPage(path, text, [], context => provideCodeActions(context, range, diagnostics, settings, today, snippets, only)),
		renumberFootnotes: (path, text) => onPage(path, text, undefined, renumberFootnotes),
		codeLenses: (path, text, token) => onPage(path, text, [], context => provideCodeLenses(context, token)),
		backlinkCount(path: string): number | undefined {
			const page = index.getPage(path);
			return page ? backlinkLensCount({ index, page }) : undefined;
		},
		documentHighlights: (path, text, position) => onPage(path, text, [], context => provideDocumentHighlights(context, position)),
		foldingRanges: (path, text) => onPage(path, text, [], provideFoldingRanges),
		newPage: input => newPage(index, input, settings.requiredFields),
		wantedPages: (textOf, limit, token) => wantedPages(index, textOf, limit, token),
		graph(path: string, options?: GraphOptions, token?: CancellationLike): VaultGraph | undefined {
			const page = index.getPage(path);
			return page ? provideGraph({ index, page }, options, token) : undefined;
		},
		backlinks(path: string, textOf: PageTextReader, token?: CancellationLike): Backlinks | undefined {
			const table = proseWords.sync(index);
			return onPage(path, textOf(path) ?? '', undefined, context => provideBacklinks(context, table, textOf, settings.mentions, token));
		},
		buildSearchTablesInSteps: () => index.search.buildInSteps(),
		diagnosticsPartial: () => index.search.mentionsPending || index.search.suggestionsPending,
		readProseWords: (textOf, maxPages) => proseWords.sync(index).catchUp(path => index.getPage(path), textOf, maxPages),
		overview(textOf: PageTextReader, limit: number, token?: CancellationLike): VaultOverview | undefined {
			if (tallies?.version !== index.version) {
				const counted = tallyPages(index, token);
				if (counted === undefined) {
					return undefined;
				}
				tallies = { version: index.version, tallies: counted };
			}
			return vaultOverview(index, tallies.tallies, textOf, limit, token);
		},
		moveEdits: (moves, token) => linkEditsForMoves(index, moves, token),
		prepareRename: (path, text, position) => onPage<PrepareRenameResult>(path, text, NOT_A_PAGE, context => prepareRename(context, position)),
		rename: (path, text, position, newName, token, pageText) =>
			onPage<RenameResult>(path, text, NOT_A_PAGE, context => provideRename(context, position, newName, settings.oldUrlField, pageText, token)),
		frontmatterSchema: () => effectiveSchema(index.fieldCounts, settings),
	});
}
