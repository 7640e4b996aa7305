import type { CancellationToken, Connection } from 'vscode-languageserver';
import { checkVaultRequest, graphRequest, type CheckVaultParams, type CheckVaultResult, type GraphParams, type GraphResult, type WantedPageItem } from '../protocol';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { sectionOfPath } from '../service/vault/vaultPaths';
import { localToday } from './localDate';
import { registerPanelRequests } from './panelRequests';
import { yieldToEventLoop } from './timeSlices';
import { checkVaultProgressMessage } from './vaultLog';
import { NewPageTemplateRequest, VaultInfoRequest, WantedPagesRequest } from './vaultMessages';
import type { VaultWorkspace } from './vaultWorkspace';

/** What the vault requests ask of the workspace's vaults. */
export interface RequestVaults {
	readonly all: readonly VaultWorkspace[];
	/** Resolves once the vaults of the workspace folders exist (indexing may still run). */
	whenVaultsCreated(): Promise<void>;
	uriOf(vault: VaultWorkspace, path: string): string;
	/** The vault and vault-relative path of a document URI (the graph's and the panels' requests). */
	locate(uri: string): { readonly vault: VaultWorkspace; readonly path: string } | undefined;
	/** From now on the vault's diagnostics are published for every page. */
	markCheckedWhole(vault: VaultWorkspace): void;
}

/** What Check Vault asks of the diagnostics publisher. */
export interface RequestPublisher {
	schedule(vault: VaultWorkspace, paths: Iterable<string>): void;
	/** Computes and sends everything scheduled now. */
	flush(): Promise<void>;
}

/** Tags offered as graph filters: the most used ones. */
const GRAPH_FILTER_TAGS = 200;

/** The requests a client's commands use: Check Vault, vault info, New Page, Wanted Pages and the graph; and the panels' (panelRequests.ts). */
export function registerVaultRequests(connection: Connection, vaults: RequestVaults, publisher: RequestPublisher): void {
	registerPanelRequests(connection, vaults);
	// By its method name, so a request without parameters (the token is optional) is accepted too.
	connection.onRequest(checkVaultRequest.method, async (params: CheckVaultParams | undefined): Promise<CheckVaultResult> => {
		// A null reporter when the client sent no token.
		const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
		progress.begin('Entity Vault: checking the vault', 0, 'waiting for indexing', false);
		await vaults.whenVaultsCreated();
		// Check Vault reports every page: a warm start's check against the disk is waited for.
		await Promise.all(vaults.all.map(vault => vault.whenVerified()));
		const total = vaults.all.reduce((sum, vault) => sum + vault.allPaths().length, 0);
		// Markdown files checked (the progress), and of them the pages in sections (the result).
		let checked = 0;
		let pages = 0;
		let errors = 0;
		let warnings = 0;
		let lastPercent = -1;
		// At each new percent the count is sent, and the event loop let run so that it goes out now.
		const report = async (): Promise<void> => {
			const percent = total === 0 ? 100 : Math.floor((checked / total) * 100);
			if (percent !== lastPercent) {
				lastPercent = percent;
				progress.report(percent, checkVaultProgressMessage(checked, total));
				await yieldToEventLoop();
			}
		};
		await report();
		for (const vault of vaults.all) {
			await vault.whenIndexed();
			vaults.markCheckedWhole(vault);
			const paths = vault.allPaths();
			pages += paths.filter(path => sectionOfPath(path) !== undefined).length;
			for (const path of paths) {
				for (const diagnostic of vault.service.diagnostics(path)) {
					if (diagnostic.severity === DiagnosticSeverity.Error) {
						errors++;
					} else if (diagnostic.severity === DiagnosticSeverity.Warning) {
						warnings++;
					}
				}
				checked++;
				await report();
			}
			publisher.schedule(vault, paths);
		}
		await publisher.flush();
		progress.done();
		return { pages, errors, warnings };
	});

	connection.onRequest(VaultInfoRequest, async () => {
		await vaults.whenVaultsCreated();
		return {
			vaults: vaults.all.map(vault => {
				const kind = vault.service.vaultKind();
				return {
					folderUri: vault.folderUri,
					rootUri: URI.file(vault.root).toString(),
					sections: vault.service.index.sections(),
					pages: vault.service.index.pageCount,
					isVault: kind.isVault,
					vaultReason: kind.reason,
				};
			}),
		};
	});

	connection.onRequest(NewPageTemplateRequest, async params => {
		await vaults.whenVaultsCreated();
		const rootPath = URI.parse(params.rootUri).fsPath;
		const vault = vaults.all.find(candidate => candidate.root === rootPath) ?? vaults.all[0];
		if (!vault) {
			throw new Error('No vault is open: open a folder of markdown pages first.');
		}
		await vault.whenIndexed();
		const page = vault.service.newPage({ section: params.section, title: params.title, today: localToday(), slug: params.slug });
		// A page of that title exists already: the client opens it instead of making a twin.
		return page.exists
			? { uri: vaults.uriOf(vault, page.path), text: '', exists: true }
			: { uri: vaults.uriOf(vault, page.path), text: page.text, exists: false };
	});

	connection.onRequest(WantedPagesRequest, async (params, token) => {
		await vaults.whenVaultsCreated();
		const limit = Number.isInteger(params?.limit) && (params.limit as number) > 0 ? params.limit as number : 100;
		const pages: WantedPageItem[] = [];
		for (const vault of vaults.all) {
			await vault.whenIndexed();
			const rootUri = URI.file(vault.root).toString();
			for (const wanted of vault.service.wantedPages(path => vault.diskText(path), limit, token)) {
				const { url, section, slug, linkers, text, title } = wanted;
				pages.push({ url, rootUri, uri: vaults.uriOf(vault, wanted.path), section, slug, linkers, text, title });
			}
		}
		pages.sort((a, b) => b.linkers - a.linkers || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
		return { pages: pages.slice(0, limit) };
	});

	// By its method name, so that a request without parameters is answered (with no nodes).
	connection.onRequest(graphRequest.method, async (sent: GraphParams | undefined, token: CancellationToken): Promise<GraphResult> => {
		await vaults.whenVaultsCreated();
		const params = sent ?? {};
		const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
		const options = { depth: params.depth, maxNodes: typeof params.maxNodes === 'number' ? params.maxNodes : undefined, sections: strings(params.sections), tags: strings(params.tags) };
		const none: GraphResult = { center: null, rootUri: null, nodes: [], edges: [], truncated: false, sections: [], tags: [] };
		let located = typeof params.uri === 'string' ? vaults.locate(params.uri) : undefined;
		if (located) {
			await located.vault.whenIndexed();
		} else if (typeof params.url === 'string') {
			for (const vault of vaults.all) {
				await vault.whenIndexed();
				const page = vault.service.index.pageForUrl(params.url);
				if (page) {
					located = { vault, path: page.path };
					break;
				}
			}
		}
		const graph = located && located.vault.service.graph(located.path, options, token);
		if (!located || !graph) {
			return none;
		}
		const { vault } = located;
		const index = vault.service.index;
		const tags = [...index.tags()].sort((a, b) => b[1] - a[1]).slice(0, GRAPH_FILTER_TAGS).map(([tag]) => tag).sort();
		return {
			center: graph.center,
			rootUri: URI.file(vault.root).toString(),
			nodes: graph.nodes.map(node => ({ ...node, uri: vaults.uriOf(vault, node.path) })),
			edges: graph.edges,
			truncated: graph.truncated,
			sections: index.sections(),
			tags,
		};
	});
}
