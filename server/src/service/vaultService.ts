import { summarizePage, stripBom, type PageSummary } from './parse/pageSummary';
import { computeDiagnostics, type VaultDiagnostic } from './languageFeatures/diagnostics';
import { DEFAULT_SETTINGS, type VaultSettings } from './vault/settings';
import { VaultIndex, type IndexChange } from './vault/vaultIndex';
import { isMarkdownPath } from './vault/vaultPaths';

/**
 * The pure vault service: one per vault root. It is fed page texts by path
 * (vault-relative, `/`-separated) and answers from its index; it never reads
 * a file, talks to an editor or knows about a transport.
 */
export interface VaultService {
	/** Read-only use: the service updates it. */
	readonly index: VaultIndex;
	settings(): VaultSettings;
	setSettings(settings: VaultSettings): void;
	/** Parses the page once and updates only what it touches in the index. */
	updatePage(path: string, text: string): IndexChange;
	/** Puts an already parsed page (from a worker or the persisted index) in the index. */
	updateParsedPage(summary: PageSummary): IndexChange;
	removePage(path: string): IndexChange;
	getPage(path: string): PageSummary | undefined;
	diagnostics(path: string): VaultDiagnostic[];
}

export interface VaultServiceOptions {
	readonly settings?: VaultSettings;
}

export function createVaultService(options: VaultServiceOptions = {}): VaultService {
	const index = new VaultIndex();
	let settings = options.settings ?? DEFAULT_SETTINGS;
	return Object.freeze<VaultService>({
		index,
		settings: () => settings,
		setSettings(next: VaultSettings): void {
			settings = next;
		},
		updatePage(path: string, text: string): IndexChange {
			if (!isMarkdownPath(path)) {
				throw new Error(`not a markdown page: ${path}`);
			}
			return index.update(summarizePage(path, stripBom(text)));
		},
		updateParsedPage(summary: PageSummary): IndexChange {
			if (!isMarkdownPath(summary.path)) {
				throw new Error(`not a markdown page: ${summary.path}`);
			}
			return index.update(summary);
		},
		removePage: (path: string) => index.remove(path),
		getPage: (path: string) => index.getPage(path),
		diagnostics(path: string): VaultDiagnostic[] {
			const page = index.getPage(path);
			return page ? computeDiagnostics(index, page, settings) : [];
		},
	});
}
