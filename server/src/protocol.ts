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
}

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
