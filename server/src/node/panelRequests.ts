import type { CancellationToken, Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { BacklinkPageItem, OverviewProblemItem, OverviewVaultItem, PageRange } from '../protocol';
import type { BacklinkPage } from '../service/vaultService';
import { TimeSlicer } from './timeSlices';
import { BacklinksRequest, OverviewRequest } from './vaultMessages';
import type { VaultWorkspace } from './vaultWorkspace';

/** What the panels' requests ask of the workspace's vaults. */
export interface PanelVaults {
	readonly all: readonly VaultWorkspace[];
	whenVaultsCreated(): Promise<void>;
	uriOf(vault: VaultWorkspace, path: string): string;
	locate(uri: string): { readonly vault: VaultWorkspace; readonly path: string } | undefined;
}

/** Pages whose words are read between two looks at the clock. */
const WORDS_SLICE = 32;
/** Longest a backlinks request spends reading pages' words (the first one on a big vault); the rest is read on the next request. */
const WORDS_BUDGET_MS = 1500;
const DEFAULT_OVERVIEW_LIMIT = 50;

/** A page's text as the editor has it when it is open, else as the file has it. */
function textReader(vault: VaultWorkspace): (path: string) => string | undefined {
	return path => vault.openText(path) ?? vault.diskText(path);
}

/**
 * Reads the words of the pages changed since they were last read (every
 * page the first time), in slices, for at most `WORDS_BUDGET_MS`; false
 * when some are left (or when cancelled).
 */
async function readProseWords(vault: VaultWorkspace, token: CancellationToken): Promise<boolean> {
	const textOf = textReader(vault);
	const slicer = new TimeSlicer();
	const started = performance.now();
	while (vault.service.readProseWords(textOf, WORDS_SLICE) > 0) {
		if (token.isCancellationRequested || performance.now() - started > WORDS_BUDGET_MS) {
			return false;
		}
		await slicer.pause();
	}
	return true;
}

function pageItems(vaults: PanelVaults, vault: VaultWorkspace, pages: readonly BacklinkPage[]): BacklinkPageItem[] {
	return pages.map(page => ({
		uri: vaults.uriOf(vault, page.path),
		url: page.url,
		title: page.title,
		...(page.section === undefined ? {} : { section: page.section }),
		snippets: page.snippets,
	}));
}

/** Every page's diagnostics counted by code, in time slices; undefined when cancelled. */
async function problemsByCode(vaults: PanelVaults, vault: VaultWorkspace, limit: number, token: CancellationToken): Promise<OverviewProblemItem[] | undefined> {
	const byCode = new Map<string, { severity: number; count: number; pages: Map<string, { count: number; range: PageRange }> }>();
	const slicer = new TimeSlicer();
	for (const path of vault.allPaths()) {
		if (token.isCancellationRequested) {
			return undefined;
		}
		for (const diagnostic of vault.diagnostics(path)) {
			let entry = byCode.get(diagnostic.code);
			if (!entry) {
				entry = { severity: diagnostic.severity ?? 1, count: 0, pages: new Map() };
				byCode.set(diagnostic.code, entry);
			}
			entry.count++;
			const page = entry.pages.get(path);
			if (page) {
				page.count++;
			} else {
				entry.pages.set(path, { count: 1, range: diagnostic.range });
			}
		}
		await slicer.pause();
	}
	return [...byCode].map(([code, entry]) => ({
		code,
		severity: entry.severity,
		count: entry.count,
		pages: [...entry.pages]
			.sort(([pathA, a], [pathB, b]) => b.count - a.count || (pathA < pathB ? -1 : pathA > pathB ? 1 : 0))
			.slice(0, limit)
			.map(([path, page]) => ({ uri: vaults.uriOf(vault, path), title: vault.service.getPage(path)?.title ?? path, count: page.count, range: page.range })),
	})).sort((a, b) => a.severity - b.severity || b.count - a.count || (a.code < b.code ? -1 : 1));
}

async function overviewOf(vaults: PanelVaults, vault: VaultWorkspace, limit: number, token: CancellationToken): Promise<OverviewVaultItem | undefined> {
	await vault.whenIndexed();
	const overview = vault.service.overview(textReader(vault), limit, token);
	const problems = overview && await problemsByCode(vaults, vault, limit, token);
	if (!overview || !problems) {
		return undefined;
	}
	const rootUri = URI.file(vault.root).toString();
	const listed = (pages: readonly { path: string; url: string; title: string; linkers?: number }[]) =>
		pages.map(({ path, url, title, linkers }) => ({ uri: vaults.uriOf(vault, path), url, title, ...(linkers === undefined ? {} : { linkers }) }));
	return {
		rootUri,
		pages: overview.pages,
		sections: overview.sections,
		mostLinked: listed(overview.mostLinked),
		orphans: listed(overview.orphans),
		orphanCount: overview.orphanCount,
		unsourced: listed(overview.unsourced),
		unsourcedCount: overview.unsourcedCount,
		wanted: overview.wanted.map(({ url, section, slug, linkers, text, title, path }) =>
			({ url, rootUri, uri: vaults.uriOf(vault, path), section, slug, linkers, text, title })),
		wantedCount: overview.wantedCount,
		problems,
	};
}

/** The Backlinks view's and the Vault Overview's requests. */
export function registerPanelRequests(connection: Connection, vaults: PanelVaults): void {
	connection.onRequest(BacklinksRequest, async (params, token) => {
		await vaults.whenVaultsCreated();
		const located = params?.uri === undefined ? undefined : vaults.locate(params.uri);
		if (!located) {
			return null;
		}
		const { vault, path } = located;
		await vault.whenIndexed();
		const mentionsComplete = await readProseWords(vault, token);
		const backlinks = vault.service.backlinks(path, textReader(vault), token);
		if (!backlinks) {
			return null;
		}
		return {
			uri: params.uri,
			url: backlinks.url,
			title: backlinks.title,
			linked: pageItems(vaults, vault, backlinks.linked),
			linkedTotal: backlinks.linkedTotal,
			mentions: pageItems(vaults, vault, backlinks.mentions),
			mentionsComplete: mentionsComplete && backlinks.mentionsPending === 0,
		};
	});

	connection.onRequest(OverviewRequest, async (params, token) => {
		await vaults.whenVaultsCreated();
		const limit = Number.isInteger(params?.limit) && (params.limit as number) > 0 ? params.limit as number : DEFAULT_OVERVIEW_LIMIT;
		const result: OverviewVaultItem[] = [];
		for (const vault of vaults.all) {
			const overview = await overviewOf(vaults, vault, limit, token);
			if (overview) {
				result.push(overview);
			}
		}
		return { vaults: result };
	});
}
