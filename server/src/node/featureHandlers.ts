import {
	LSPErrorCodes, ResponseError, SymbolKind, type CancellationToken, type CompletionList, type Connection, type Location, type Position, type ReferenceParams,
	type ResultProgressReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { showReferencesCommand } from '../protocol';
import type { PageSummary } from '../service/parse/pageSummary';
import { RENUMBER_FOOTNOTES_KIND, type PageItemData, type VaultLocation } from '../service/vaultService';
import { sameRange } from '../service/text/lineIndex';
import { localToday } from './localDate';
import { requestWork, yieldToEventLoop } from './timeSlices';
import type { VaultWorkspace } from './vaultWorkspace';
import { toWorkspaceEdit, type EditTarget } from './workspaceEdits';

/** Linking pages whose links go in one piece of a references answer sent as partial results (the first piece is sent alone). */
const REFERENCES_LINKERS_PER_PIECE = 256;
/** The work between two reports of a references answer sent as partial results, after the first piece (ms). */
const REFERENCES_SLICE_MS = 5;

/** What a completion item carries to `completionItem/resolve`: the page, and the workspace folder of its vault. */
interface ResolveData extends PageItemData {
	readonly folder: string;
}

/** What the feature requests ask of the workspace's vaults. */
export interface FeatureVaults {
	readonly all: readonly VaultWorkspace[];
	/** Resolves once the vaults of the workspace folders exist (indexing may still run). */
	whenVaultsCreated(): Promise<void>;
	/** The vault and vault-relative path of a document URI, if it is a page of a vault. */
	locate(uri: string): { readonly vault: VaultWorkspace; readonly path: string } | undefined;
	uriOf(vault: VaultWorkspace, path: string): string;
	/** The settings of a vault's workspace folder (whether code lenses are shown). */
	settingsOf(vault: VaultWorkspace): { readonly codeLens: boolean };
}

/** Told the backlink count each "N backlinks" lens says, to refresh the lenses when it changes. */
export interface ServedLenses {
	servedCount(vault: VaultWorkspace, path: string, count: number): void;
}

/** What the feature requests ask of what the client said at initialization. */
export interface FeatureClient {
	/** Whether the outline lists headings (false when the editor outlines them itself). */
	readonly headingSymbols: boolean;
	/** Whether the client takes snippet edits in a WorkspaceEdit (`workspace.workspaceEdit.snippetEditSupport`). */
	readonly snippetEdits: boolean;
	/** Whether the client renames files in a WorkspaceEdit (`documentChanges` with the `rename` resource operation). */
	readonly fileRenames: boolean;
	/** Whether the client deletes files in a WorkspaceEdit (`resourceOperations` has "delete"): a merge deletes the merged page. */
	readonly fileDeletes: boolean;
	/**
	 * Whether a completion list may give its items' common edit range once (`itemDefaults.editRange`, LSP 3.17), each
	 * item then carrying its `textEditText` only (`textDocument.completion.completionList.itemDefaults` has "editRange").
	 */
	readonly completionEditRangeDefault: boolean;
	/** Whether prepareRename may answer `{ defaultBehavior: true }` (`textDocument.rename.prepareSupportDefaultBehavior`): "not mine, ask the others". */
	readonly renameDefaultBehavior: boolean;
}

/** Why a client that cannot rename files gets no rename: the links would follow a file that does not move. */
const NO_FILE_RENAMES = 'This editor does not rename files through a language server (workspace.workspaceEdit.resourceOperations has no "rename"), so Entity Vault cannot rename a page here.';

interface OpenPage {
	readonly vault: VaultWorkspace;
	readonly page: PageSummary;
	readonly document: TextDocument;
}

/**
 * Waits until the vault is indexed; false when the request is cancelled first
 * (then at once). For the features that answer from the whole vault.
 */
export function indexedOrCancelled(vault: Pick<VaultWorkspace, 'isIndexed' | 'whenIndexed'>, token: CancellationToken): Promise<boolean> {
	if (vault.isIndexed || token.isCancellationRequested) {
		return Promise.resolve(!token.isCancellationRequested);
	}
	return new Promise(resolve => {
		const listener = token.onCancellationRequested(() => {
			listener.dispose();
			resolve(false);
		});
		void vault.whenIndexed().then(() => {
			listener.dispose();
			resolve(!token.isCancellationRequested);
		});
	});
}

/** Registers the LSP feature requests: each one is a thin call into the vault service. */
export function registerFeatureHandlers(
	connection: Connection,
	documents: { get(uri: string): TextDocument | undefined },
	vaults: FeatureVaults,
	client: FeatureClient,
	lenses: ServedLenses,
): void {
	const editTarget: EditTarget = { uriOf: (vault, path) => vaults.uriOf(vault, path), versionOf: uri => documents.get(uri)?.version };

	/**
	 * The open page a request is about, with the pages it links to loaded even
	 * while indexing runs. Never waits for indexing: a feature that needs the
	 * whole vault waits itself (`indexedOrCancelled`).
	 */
	async function openPage(uri: string): Promise<OpenPage | undefined> {
		await vaults.whenVaultsCreated();
		const document = documents.get(uri);
		const located = vaults.locate(uri);
		if (!document || !located) {
			return undefined;
		}
		const page = located.vault.service.getPage(located.path);
		if (!page) {
			return undefined;
		}
		located.vault.ensureLinkTargets(page);
		return { vault: located.vault, page, document };
	}

	/** Appends locations with their URIs, made once per page (a page's locations come together). */
	const appendLocations = (into: Location[], vault: VaultWorkspace, locations: readonly VaultLocation[]): Location[] => {
		let path: string | undefined;
		let uri = '';
		for (const location of locations) {
			if (location.path !== path) {
				path = location.path;
				uri = vaults.uriOf(vault, path);
			}
			into.push({ uri, range: location.range });
		}
		return into;
	};
	const toLocations = (vault: VaultWorkspace, locations: readonly VaultLocation[]): Location[] => appendLocations([], vault, locations);

	connection.onDefinition(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? toLocations(open.vault, open.vault.service.definition(open.page.path, open.document.getText(), params.position)) : [];
	}));

	/** The open page of a request that needs the whole vault (backlinks come from every page): waits for the index, undefined when cancelled first. */
	async function indexedOpenPage(uri: string, token: CancellationToken): Promise<OpenPage | undefined> {
		await vaults.whenVaultsCreated();
		const located = vaults.locate(uri);
		if (located && !(await indexedOrCancelled(located.vault, token))) {
			return undefined;
		}
		const open = await openPage(uri);
		return open && !token.isCancellationRequested ? open : undefined;
	}

	connection.onReferences(requestWork.during(async (params, token, _workDone, resultProgress) => {
		// The answer has no "incomplete" mark: wait for the index (or the cancellation).
		const open = await indexedOpenPage(params.textDocument.uri, token);
		if (!open) {
			return [];
		}
		if (resultProgress) {
			await sendReferencesInPieces(open, params, token, resultProgress);
			return [];
		}
		return toLocations(open.vault, open.vault.service.references(open.page.path, open.document.getText(), params.position, params.context.includeDeclaration, token));
	}));

	/**
	 * A page with thousands of backlinks: the first piece is shown at once while the rest is computed; the next
	 * pieces are sent together, one report per slice of work, a turn of the event loop between slices.
	 */
	async function sendReferencesInPieces(open: OpenPage, params: ReferenceParams, token: CancellationToken, resultProgress: ResultProgressReporter<Location[]>): Promise<void> {
		const pieces = open.vault.service.referencesInChunks(open.page.path, open.document.getText(), params.position, params.context.includeDeclaration, REFERENCES_LINKERS_PER_PIECE);
		let batch: Location[] | undefined;
		let sliceStart = performance.now();
		for (const piece of pieces) {
			if (token.isCancellationRequested) {
				return;
			}
			if (batch === undefined) {
				resultProgress.report(toLocations(open.vault, piece));
				batch = [];
			} else {
				appendLocations(batch, open.vault, piece);
				if (performance.now() - sliceStart < REFERENCES_SLICE_MS) {
					continue;
				}
				resultProgress.report(batch);
				batch = [];
			}
			await yieldToEventLoop();
			sliceStart = performance.now();
		}
		if (batch !== undefined && batch.length > 0 && !token.isCancellationRequested) {
			resultProgress.report(batch);
		}
	}

	// A refused rename is a ResponseError with the reason, which editors show to the user.
	connection.onPrepareRename(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		if (!open) {
			return null;
		}
		const result = open.vault.service.prepareRename(open.page.path, open.document.getText(), params.position);
		if ('error' in result) {
			// Not an entity (plain text, an image link): the editor's own rename may take it (VS Code's renames image files).
			if (result.elsewhere && client.renameDefaultBehavior) {
				return { defaultBehavior: true };
			}
			throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
		}
		if (result.renamesFile && !client.fileRenames) {
			throw new ResponseError(LSPErrorCodes.RequestFailed, NO_FILE_RENAMES);
		}
		return { range: result.range, placeholder: result.placeholder };
	}));

	connection.onRenameRequest(requestWork.during(async (params, token) => {
		const open = await indexedOpenPage(params.textDocument.uri, token);
		if (!open) {
			return null;
		}
		const vault = open.vault;
		// An open page's text is the editor's; another page's, the file's (only read to add the old URL to its frontmatter).
		const pageText = (path: string): string | undefined => documents.get(vaults.uriOf(vault, path))?.getText() ?? vault.diskText(path);
		const result = vault.service.rename(open.page.path, open.document.getText(), params.position, params.newName, token, pageText);
		if ('error' in result) {
			throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
		}
		// A heading or footnote rename edits text only; an entity's moves its file, which the editor must be able to do.
		if ((result.renameFiles?.length ?? 0) > 0 && !client.fileRenames) {
			throw new ResponseError(LSPErrorCodes.RequestFailed, NO_FILE_RENAMES);
		}
		return token.isCancellationRequested ? null : toWorkspaceEdit(editTarget, vault, result);
	}));

	connection.onHover(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.hover(open.page.path, open.document.getText(), params.position, path => vaults.uriOf(open.vault, path)) ?? null : null;
	}));

	connection.onCompletion(requestWork.during(async (params, token: CancellationToken) => {
		// Answered from what is indexed so far, never waiting: while indexing runs the list is
		// incomplete, so the editor asks again as the user types and the list fills in.
		const open = await openPage(params.textDocument.uri);
		if (!open || token.isCancellationRequested) {
			return { isIncomplete: open !== undefined && !open.vault.isIndexed, items: [] };
		}
		const list = open.vault.service.completion(open.page.path, open.document.getText(), params.position as Position, token);
		list.isIncomplete ||= !open.vault.isIndexed;
		// Page items are resolved by the vault they came from. Their data objects are made for this
		// answer (completion.ts, `pageItem`): the folder goes in place, not in a copy of each (200 a keystroke).
		const folder = open.vault.folderUri;
		for (const item of list.items) {
			if (item.data !== undefined) {
				(item.data as { folder?: string }).folder = folder;
			}
		}
		return client.completionEditRangeDefault ? withDefaultEditRange(list) : list;
	}));

	connection.onCompletionResolve(requestWork.during(item => {
		const data = item.data as Partial<ResolveData> | undefined;
		const vault = vaults.all.find(candidate => candidate.folderUri === data?.folder);
		if (vault && typeof data?.page === 'string') {
			// The page offered is checked against the disk first while a warm start's check runs.
			vault.checkPageNow(data.page);
		}
		return vault ? vault.service.resolveCompletion(item) : item;
	}));

	connection.onDocumentLinks(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		if (!open) {
			return [];
		}
		return open.vault.service.documentLinks(open.page.path, open.document.getText()).map(link => ({
			range: link.range,
			// Editors open `file:…#L12` at that line; a heading anchor would mean nothing to them.
			target: vaults.uriOf(open.vault, link.targetPath) + (link.targetRange ? `#L${link.targetRange.start.line + 1}` : ''),
			tooltip: link.tooltip,
		}));
	}));

	connection.onDocumentSymbol(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.documentSymbols(open.page.path, open.document.getText(), { headings: client.headingSymbols }) : [];
	}));

	connection.onDocumentHighlight(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.documentHighlights(open.page.path, open.document.getText(), params.position) : [];
	}));

	connection.onFoldingRanges(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.foldingRanges(open.page.path, open.document.getText()) : [];
	}));

	connection.onCodeLens(requestWork.during(async (params, token) => {
		// The backlink count is of the whole vault: wait for the index (or the cancellation).
		await vaults.whenVaultsCreated();
		const located = vaults.locate(params.textDocument.uri);
		if (!located || !vaults.settingsOf(located.vault).codeLens || !(await indexedOrCancelled(located.vault, token))) {
			return [];
		}
		const open = await openPage(params.textDocument.uri);
		if (!open || token.isCancellationRequested) {
			return [];
		}
		const { service } = open.vault;
		lenses.servedCount(open.vault, open.page.path, service.backlinkCount(open.page.path) ?? 0);
		return service.codeLenses(open.page.path, open.document.getText(), token).map(lens => ({
			range: lens.range,
			command: {
				title: lens.title,
				// A lens with nothing to open only tells.
				command: lens.locations.length > 0 ? showReferencesCommand : '',
				arguments: lens.locations.length > 0 ? [params.textDocument.uri, lens.position, toLocations(open.vault, lens.locations)] : undefined,
			},
		}));
	}));

	connection.onWorkspaceSymbol(requestWork.during(async (params, token) => {
		await vaults.whenVaultsCreated();
		const results = [];
		// From what is indexed so far: the symbol picker asks again at each keystroke.
		for (const vault of vaults.all) {
			if (token.isCancellationRequested) {
				break;
			}
			for (const symbol of vault.service.workspaceSymbols(params.query, token)) {
				results.push({
					name: symbol.name,
					kind: symbol.kind ?? SymbolKind.File,
					containerName: symbol.containerName,
					location: { uri: vaults.uriOf(vault, symbol.path), range: symbol.range },
				});
			}
		}
		return results;
	}));

	connection.onCodeAction(requestWork.during(async params => {
		const open = await openPage(params.textDocument.uri);
		if (!open) {
			return [];
		}
		const only = params.context.only;
		const text = open.document.getText();
		const actions = open.vault.service.codeActions(open.page.path, text, params.range, params.context.diagnostics, localToday(), client.snippetEdits, only);
		// A source action only when the client asks for every kind or for source actions.
		const renumber = only === undefined || only.some(kind => RENUMBER_FOOTNOTES_KIND === kind || RENUMBER_FOOTNOTES_KIND.startsWith(`${kind}.`))
			? open.vault.service.renumberFootnotes(open.page.path, text)
			: undefined;
		return [
			// An edit that deletes a file (a merge) is offered only to a client that applies the deletion;
			// `only`: the kinds the editor asks for (a refactor menu, a source action on save).
			...actions
				.filter(action => client.fileDeletes || action.edit.deleteFiles === undefined)
				.filter(action => !only || only.some(kind => action.kind === kind || action.kind.startsWith(`${kind}.`)))
				.map(action => ({
				title: action.title,
				kind: action.kind,
				diagnostics: action.diagnostics,
				isPreferred: action.isPreferred,
				edit: toWorkspaceEdit(editTarget, open.vault, action.edit),
			})),
			...(renumber ? [{ title: renumber.title, kind: renumber.kind, edit: toWorkspaceEdit(editTarget, open.vault, renumber.edit) }] : []),
		];
	}));
}

/**
 * A completion list whose items all replace the same range (`[Link text` → 200 whole links at each keystroke):
 * the range given once as the list's `itemDefaults.editRange` and each item's text as its `textEditText`, which
 * a client announcing the capability applies exactly as the item's own `textEdit` (the list is changed in place;
 * `textEdit` set to undefined, so the item keeps its shape and is written without it). Any other list as it is.
 */
export function withDefaultEditRange(list: CompletionList): CompletionList {
	const first = list.items[0]?.textEdit;
	if (first === undefined || !('range' in first)) {
		return list;
	}
	const range = first.range;
	for (const item of list.items) {
		const edit = item.textEdit;
		if (edit === undefined || !('range' in edit) || item.textEditText !== undefined || !sameRange(edit.range, range)) {
			return list;
		}
	}
	for (const item of list.items) {
		item.textEditText = item.textEdit!.newText;
		item.textEdit = undefined;
	}
	list.itemDefaults = { ...list.itemDefaults, editRange: range };
	return list;
}
