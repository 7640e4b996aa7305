/**
 * The custom messages between the Entity Vault client and its language server: each
 * method's name and what it carries, written once for both sides.
 *
 * Type-level only, with no import at all: the client bundle compiles this file too. Each side
 * makes its own message-type objects from these descriptions (`client/src/vaultProtocol.ts`,
 * `server/src/node/vaultMessages.ts`), because the client and the server use two versions of
 * vscode-jsonrpc, which recognizes parameter structures by object identity: a message type
 * made by one copy cannot be sent through a connection of the other.
 */

/** A notification: its method, and (for the compiler only) the parameters it carries. */
export interface NotificationDescription<P> {
	readonly method: string;
	/** Never set; only here so that the compiler knows `P`. */
	readonly params?: P;
}

/** A request without parameters: its method, and (for the compiler only) its result. */
export interface RequestDescription0<R> {
	readonly method: string;
	/** Never set; only here so that the compiler knows `R`. */
	readonly result?: R;
}

/** A request: its method, and (for the compiler only) its parameters and result. */
export interface RequestDescription<P, R> extends RequestDescription0<R> {
	/** Never set; only here so that the compiler knows `P`. */
	readonly params?: P;
}

export interface StatusParams {
	readonly state: 'indexing' | 'ready';
	readonly indexed: number;
	readonly total: number;
	/** Entity pages (in sections) indexed so far. */
	readonly pages: number;
	/** Some workspace folder is a vault (see `VaultInfoResult`); false: only plain markdown folders are open. The server always sends it. */
	readonly isVault?: boolean;
	/**
	 * While `ready` after a warm start: the pages of the persisted index being checked
	 * against the disk in the background (changed ones are patched as found). Absent otherwise.
	 */
	readonly verifying?: number;
}

/** Server → client: indexing progress, then the page count. */
export const statusNotification: NotificationDescription<StatusParams> = { method: 'entityVault/status' };

/** The `initializationOptions` a client may send. */
export interface InitializationOptions {
	/** Where the persisted index is kept; `null` keeps none; absent: a user cache folder. */
	readonly cacheDirectory?: string | null;
	/** The client shows `entityVault/status` (VS Code's status bar): the server then sends no `$/progress` for indexing. */
	readonly statusBar?: boolean;
	/** False when the editor outlines the headings itself (VS Code): document symbols then hold the frontmatter and the footnotes only. */
	readonly headingSymbols?: boolean;
	/**
	 * The client asks the user itself before it applies the link edit of a file move
	 * (`entityVault.updateLinksOnMove: prompt`; VS Code's does, in its `willRenameFiles`
	 * middleware): the server then answers `workspace/willRenameFiles` without asking
	 * through `window/showMessageRequest`.
	 */
	readonly promptsOnMove?: boolean;
}

/** `entityVault.updateLinksOnMove`: whether moving or renaming pages and folders rewrites the links to them. */
export type UpdateLinksOnMove = 'always' | 'prompt' | 'never';


export interface CheckVaultResult {
	readonly pages: number;
	readonly errors: number;
	readonly warnings: number;
}

/** Check Vault's parameters (all optional: the request may come without any). */
export interface CheckVaultParams {
	/** LSP work-done progress token: the server reports the pages checked of the total on it ("1,234/10,000 pages checked"). */
	readonly workDoneToken?: string | number;
}

/** Publishes diagnostics for every page of every vault and returns the totals. */
export const checkVaultRequest: RequestDescription<CheckVaultParams, CheckVaultResult> = { method: 'entityVault/checkVault' };

export interface VaultInfoResult {
	readonly vaults: {
		folderUri: string;
		rootUri: string;
		sections: string[];
		/** Entity pages: the pages in sections (files directly in the root are not pages). */
		pages: number;
		/** A vault (its pages in sections need frontmatter), or a plain markdown folder (links and footnotes checked only). */
		isVault: boolean;
		/** Why: `the entityVault.root setting`, `marker file .entity-vault.json`, `frontmatter on 3 of 4 pages in sections`. */
		vaultReason: string;
	}[];
}

/** The vaults of the workspace folders, with their sections. */
export const vaultInfoRequest: RequestDescription0<VaultInfoResult> = { method: 'entityVault/vaultInfo' };

export interface NewPageTemplateParams {
	readonly rootUri: string;
	readonly section: string;
	readonly title: string;
	/** The file's slug when it is not made from the title (a wanted page's). */
	readonly slug?: string;
}

export interface NewPageTemplateResult {
	readonly uri: string;
	/** The new page's text (empty when `exists`). */
	readonly text: string;
	/** A page with that title already exists at `uri`. */
	readonly exists: boolean;
}

/** Where a new page goes and its front matter; the client creates the file. */
export const newPageTemplateRequest: RequestDescription<NewPageTemplateParams, NewPageTemplateResult> = { method: 'entityVault/newPageTemplate' };

export interface WantedPagesParams {
	/** At most this many (default 100). */
	readonly limit?: number;
}

/** A page that links ask for and that does not exist. */
export interface WantedPageItem {
	/** The URL linked, `/SECTION/SLUG/`. */
	readonly url: string;
	/** The vault it is wanted in (its root) and the file it would be. */
	readonly rootUri: string;
	readonly uri: string;
	readonly section: string;
	readonly slug: string;
	/** How many pages link to it. */
	readonly linkers: number;
	/** The most common text of the links to it ('' when none). */
	readonly text: string;
	/** The title a page created for it gets (`text` when it names the slug, else the slug's words). */
	readonly title: string;
}

export interface WantedPagesResult {
	/** Most linked first. */
	readonly pages: readonly WantedPageItem[];
}

/** Wanted pages (MediaWiki's Special:WantedPages): the missing targets of links, ranked by how many pages link them. */
export const wantedPagesRequest: RequestDescription<WantedPagesParams, WantedPagesResult> = { method: 'entityVault/wantedPages' };

/** How long the server took to answer one request. */
export interface RequestTiming {
	readonly id: number | string;
	readonly method: string;
	/** From the request leaving the message reader to its response handed to the output stream, serialized. */
	readonly ms: number;
}

/**
 * Server → benchmark client, after every response when the server runs with
 * ENTITY_VAULT_REQUEST_TIMINGS=1 over stdio (see `node/requestTimings.ts`).
 */
export const requestTimingNotification: NotificationDescription<RequestTiming> = { method: 'entityVault/requestTiming' };

/**
 * The command of the server's code lenses that open references ("N backlinks", "N uses"): its
 * arguments are the document URI, the position and the LSP `Location`s to show. The VS Code client
 * registers it (turning them into VS Code's objects for `editor.action.showReferences`); another
 * editor runs its own "show these locations" for it.
 */
export const showReferencesCommand = 'entityVault.showReferences';

/** The neighbourhood of a page: by its document `uri`, or by its `url` (`/SECTION/SLUG/`) in the first vault that has it. */
export interface GraphParams {
	readonly uri?: string;
	readonly url?: string;
	/** 1 (default) or 2 hops. */
	readonly depth?: number;
	/** Only pages of these sections (the page itself always). */
	readonly sections?: readonly string[];
	/** Only pages with one of these tags (the page itself always). */
	readonly tags?: readonly string[];
	/** At most this many nodes (default 150, at most 2000). */
	readonly maxNodes?: number;
}

/** A page of the neighbourhood, with what its node and hover card show (the panel builds the card from these fields). */
export interface GraphNodeItem {
	readonly uri: string;
	readonly url: string;
	/** Relative to the vault root. */
	readonly path: string;
	/** The page's title. */
	readonly label: string;
	/** '' for a file directly in the root. */
	readonly section: string;
	/** 0 for the page asked about, then 1 or 2. */
	readonly hop: number;
	/** Other pages linking to it. */
	readonly backlinks: number;
	readonly tags: readonly string[];
	readonly aliases: readonly string[];
	/** Category · location ('' when neither). */
	readonly subtitle: string;
	readonly summary: string;
}

/** `from` links `to` (`count` links), by URL. */
export interface GraphEdgeItem {
	readonly from: string;
	readonly to: string;
	readonly count: number;
}

export interface GraphResult {
	/** The URL of the page asked about; null when no vault has that page (then no nodes). */
	readonly center: string | null;
	readonly rootUri: string | null;
	readonly nodes: readonly GraphNodeItem[];
	readonly edges: readonly GraphEdgeItem[];
	/** Some pages were left out by `maxNodes` (the nearest and most linked are kept). */
	readonly truncated: boolean;
	/** The vault's sections and its most used tags (for the filters), sorted. */
	readonly sections: readonly string[];
	readonly tags: readonly string[];
}

/** The neighbourhood of a page, from the index: never the whole vault. */
export const graphRequest: RequestDescription<GraphParams, GraphResult> = { method: 'entityVault/graph' };

/** A range in a page, as LSP has it (zero-based lines, UTF-16 characters). */
export interface PageRange {
	readonly start: { readonly line: number; readonly character: number };
	readonly end: { readonly line: number; readonly character: number };
}

export interface BacklinksParams {
	/** The page whose backlinks are asked for. */
	readonly uri: string;
}

/** One link to the page (or a mention of its name) on another page. */
export interface BacklinkSnippetItem {
	/** Where it is on the linking page (a click goes there). */
	readonly range: PageRange;
	/** The sentence around it as plain text ('' when the page could not be read). */
	readonly sentence: string;
	/** The link's text (or the name) in `sentence`: `[start, end)`, UTF-16 offsets, as VS Code's `TreeItemLabel.highlights`. */
	readonly highlight: readonly [number, number];
}

/** A page linking to the page (or naming it without a link), with each link (or mention). */
export interface BacklinkPageItem {
	readonly uri: string;
	readonly url: string;
	readonly title: string;
	/** Its section; absent for a file directly in the vault root. */
	readonly section?: string;
	readonly snippets: readonly BacklinkSnippetItem[];
}

export interface BacklinksResult {
	readonly uri: string;
	readonly url: string;
	readonly title: string;
	/** The other pages linking to it, by section then title (at most 200; `linkedTotal` counts them all). */
	readonly linked: readonly BacklinkPageItem[];
	readonly linkedTotal: number;
	/** Unlinked mentions: the pages writing its title or an alias in plain text without linking it. */
	readonly mentions: readonly BacklinkPageItem[];
	/** False when the server could not read every page's words in time: the mentions may be incomplete (ask again). */
	readonly mentionsComplete: boolean;
}

/** The Backlinks view of a page: null when the URI is no page of a vault. */
export const backlinksRequest: RequestDescription<BacklinksParams, BacklinksResult | null> = { method: 'entityVault/backlinks' };

export interface OverviewParams {
	/** At most this many entries per list (default 50). */
	readonly limit?: number;
}

/** A page in an overview list. */
export interface OverviewPageItem {
	readonly uri: string;
	readonly url: string;
	readonly title: string;
	/** How many other pages link to it (most linked pages only). */
	readonly linkers?: number;
}

/** A diagnostic code with how many problems of it the vault has, and the pages with most of them. */
export interface OverviewProblemItem {
	readonly code: string;
	/** The severity in force, LSP's `DiagnosticSeverity`: 1 error, 2 warning, 3 information, 4 hint. */
	readonly severity: number;
	readonly count: number;
	/** The pages with the most problems of this code, most first (at most `limit`), each with its count and first problem. */
	readonly pages: readonly { readonly uri: string; readonly title: string; readonly count: number; readonly range: PageRange }[];
}

export interface OverviewVaultItem {
	readonly rootUri: string;
	/** Entity pages (in sections). */
	readonly pages: number;
	readonly sections: readonly { readonly section: string; readonly pages: number }[];
	readonly mostLinked: readonly OverviewPageItem[];
	readonly orphans: readonly OverviewPageItem[];
	readonly orphanCount: number;
	/** Pages without a footnote call: no claim sourced. */
	readonly unsourced: readonly OverviewPageItem[];
	readonly unsourcedCount: number;
	readonly wanted: readonly WantedPageItem[];
	readonly wantedCount: number;
	/**
	 * Problems by code, most first: every page's diagnostics, computed for the request in time
	 * slices (`unlinked-mention` on the open pages only, as the editor shows it).
	 */
	readonly problems: readonly OverviewProblemItem[];
}

export interface OverviewResult {
	readonly vaults: readonly OverviewVaultItem[];
}

/** The Vault Overview: pages per section, most linked, orphans, unsourced pages, wanted pages, problems by code. */
export const overviewRequest: RequestDescription<OverviewParams, OverviewResult> = { method: 'entityVault/overview' };
