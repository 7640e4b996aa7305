import { SymbolKind, type CancellationToken, type Connection, type Location, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PageSummary } from '../service/parse/pageSummary';
import type { PageItemData, VaultLocation } from '../service/vaultService';
import { localToday } from './localDate';
import type { VaultWorkspace } from './vaultWorkspace';
import { toWorkspaceEdit, type EditTarget } from './workspaceEdits';

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
}

interface OpenPage {
	readonly vault: VaultWorkspace;
	readonly page: PageSummary;
	readonly document: TextDocument;
}

/** Registers the LSP feature requests: each one is a thin call into the vault service. */
export function registerFeatureHandlers(
	connection: Connection,
	documents: { get(uri: string): TextDocument | undefined },
	vaults: FeatureVaults,
): void {
	const editTarget: EditTarget = { uriOf: (vault, path) => vaults.uriOf(vault, path), versionOf: uri => documents.get(uri)?.version };

	/**
	 * The open page a request is about, with the pages it links to loaded even
	 * while indexing runs; `wholeVault` waits for indexing to finish instead.
	 */
	async function openPage(uri: string, wholeVault = false): Promise<OpenPage | undefined> {
		await vaults.whenVaultsCreated();
		const document = documents.get(uri);
		const located = vaults.locate(uri);
		if (!document || !located) {
			return undefined;
		}
		if (wholeVault) {
			await located.vault.whenIndexed();
		}
		const page = located.vault.service.getPage(located.path);
		if (!page) {
			return undefined;
		}
		located.vault.ensureLinkTargets(page);
		return { vault: located.vault, page, document };
	}

	const toLocations = (vault: VaultWorkspace, locations: readonly VaultLocation[]): Location[] =>
		locations.map(location => ({ uri: vaults.uriOf(vault, location.path), range: location.range }));

	connection.onDefinition(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? toLocations(open.vault, open.vault.service.definition(open.page.path, open.document.getText(), params.position)) : [];
	});

	connection.onReferences(async (params, token) => {
		const open = await openPage(params.textDocument.uri, true);
		if (!open || token.isCancellationRequested) {
			return [];
		}
		return toLocations(open.vault, open.vault.service.references(open.page.path, open.document.getText(), params.position, params.context.includeDeclaration, token));
	});

	connection.onHover(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.hover(open.page.path, open.document.getText(), params.position, path => vaults.uriOf(open.vault, path)) ?? null : null;
	});

	connection.onCompletion(async (params, token: CancellationToken) => {
		const open = await openPage(params.textDocument.uri, true);
		if (!open || token.isCancellationRequested) {
			return { isIncomplete: false, items: [] };
		}
		const list = open.vault.service.completion(open.page.path, open.document.getText(), params.position as Position, token);
		// Page items are resolved by the vault they came from.
		const folder = open.vault.folderUri;
		for (const item of list.items) {
			if (item.data !== undefined) {
				item.data = { ...item.data, folder } satisfies ResolveData;
			}
		}
		return list;
	});

	connection.onCompletionResolve(item => {
		const data = item.data as Partial<ResolveData> | undefined;
		const vault = vaults.all.find(candidate => candidate.folderUri === data?.folder);
		return vault ? vault.service.resolveCompletion(item) : item;
	});

	connection.onDocumentLinks(async params => {
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
	});

	connection.onDocumentSymbol(async params => {
		const open = await openPage(params.textDocument.uri);
		return open ? open.vault.service.documentSymbols(open.page.path, open.document.getText()) : [];
	});

	connection.onWorkspaceSymbol(async (params, token) => {
		await vaults.whenVaultsCreated();
		const results = [];
		for (const vault of vaults.all) {
			await vault.whenIndexed();
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
	});

	connection.onCodeAction(async params => {
		const open = await openPage(params.textDocument.uri);
		if (!open) {
			return [];
		}
		const actions = open.vault.service.codeActions(open.page.path, open.document.getText(), params.range, params.context.diagnostics, localToday());
		return actions.map(action => ({
			title: action.title,
			kind: action.kind,
			diagnostics: action.diagnostics,
			isPreferred: action.isPreferred,
			edit: toWorkspaceEdit(editTarget, open.vault, action.edit),
		}));
	});
}
