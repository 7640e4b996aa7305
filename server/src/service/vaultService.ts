import { summarizePage, stripBom, type PageSummary } from './parse/pageSummary';
import { computeDiagnostics, unreadablePageDiagnostics, type VaultDiagnostic } from './languageFeatures/diagnostics';
import { DEFAULT_SETTINGS, type VaultSettings } from './vault/settings';
import { VaultIndex, type IndexChange } from './vault/vaultIndex';
import { isMarkdownPath } from './vault/vaultPaths';

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
 */
export interface VaultService {
	/** Read-only use: the service updates it. */
	readonly index: VaultIndex;
	settings(): VaultSettings;
	setSettings(settings: VaultSettings): void;
	/**
	 * Parses the page once and updates only what it touches in the index.
	 * A page that is too large or that the parser fails on is quarantined:
	 * left out of the index, with a `page-unreadable` diagnostic, until its
	 * next update. It never throws for a markdown path.
	 */
	updatePage(path: string, text: string): IndexChange;
	/** Puts an already parsed page (from a worker or the persisted index) in the index. */
	updateParsedPage(summary: PageSummary): IndexChange;
	removePage(path: string): IndexChange;
	getPage(path: string): PageSummary | undefined;
	/** Why a page was quarantined by its last update, if it was. */
	quarantined(path: string): string | undefined;
	/** Paths of the quarantined pages. */
	quarantinedPaths(): string[];
	diagnostics(path: string): VaultDiagnostic[];
}

export interface VaultServiceOptions {
	readonly settings?: VaultSettings;
}

/** A size in KiB or MiB, for messages about pages too large to read. */
export function sizeOf(length: number): string {
	return length >= 1024 * 1024 ? `${(length / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(length / 1024)} KiB`;
}

export function createVaultService(options: VaultServiceOptions = {}): VaultService {
	const index = new VaultIndex();
	let settings = options.settings ?? DEFAULT_SETTINGS;
	const quarantine = new Map<string, string>();

	function summarize(path: string, text: string): PageSummary | string {
		if (text.length > MAX_PAGE_LENGTH) {
			return `the page is ${sizeOf(text.length)} long, more than the ${sizeOf(MAX_PAGE_LENGTH)} a page may be`;
		}
		try {
			return summarizePage(path, text);
		} catch (error) {
			const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			return `the page could not be parsed (${message.slice(0, 200)}); it is left out of the index until it changes`;
		}
	}

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
			const summary = summarize(path, stripBom(text));
			if (typeof summary === 'string') {
				quarantine.set(path, summary);
				return index.remove(path);
			}
			quarantine.delete(path);
			return index.update(summary);
		},
		updateParsedPage(summary: PageSummary): IndexChange {
			if (!isMarkdownPath(summary.path)) {
				throw new Error(`not a markdown page: ${summary.path}`);
			}
			quarantine.delete(summary.path);
			return index.update(summary);
		},
		removePage(path: string): IndexChange {
			quarantine.delete(path);
			return index.remove(path);
		},
		getPage: (path: string) => index.getPage(path),
		quarantined: (path: string) => quarantine.get(path),
		quarantinedPaths: () => [...quarantine.keys()],
		diagnostics(path: string): VaultDiagnostic[] {
			const reason = quarantine.get(path);
			if (reason !== undefined) {
				return unreadablePageDiagnostics(reason, settings);
			}
			const page = index.getPage(path);
			return page ? computeDiagnostics(index, page, settings) : [];
		},
	});
}
