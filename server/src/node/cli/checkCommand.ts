import * as fs from 'fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { VaultDiagnostic, VaultOverview, WantedPage } from '../../service/vaultService';
import type { FrontmatterSchema } from '../../service/vault/frontmatterSchema';
import type { DiagnosticCode } from '../../service/vault/settings';
import type { LinkStyle } from '../../service/vault/siteRules';
import { sectionOfPath } from '../../service/vault/vaultPaths';
import { rememberAnchorIds } from '../../service/vault/pageAnchors';
import { rememberSharedNameRanges } from '../../service/languageFeatures/duplicateEntity';
import { vaultDeclaration } from '../vaultFiles';
import { nodeFileSystem } from '../nodeFileSystem';
import { resolveFolderVault } from '../folderVault';
import { folderSettingsFrom } from '../serverSettings';
import type { VaultConfigProblem } from '../vaultConfigFile';
import { VaultWorkspace } from '../vaultWorkspace';
import { IndexWorkerPool } from '../indexWorkerPool';
import { cacheFileFor } from '../indexCache';
import { forEachPageDiagnostics } from './checkDiagnostics';
import { SpilledBlobFile, SpillWhileIndexing } from './spilledBlobs';

export interface CheckProblem {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly severity: 'error' | 'warning' | 'information' | 'hint';
	readonly code: DiagnosticCode;
	readonly message: string;
}

export interface CheckReport {
	readonly root: string;
	/** Markdown files checked, the files directly in the root included. */
	readonly files: number;
	/** Entity pages: the files in sections. */
	readonly pages: number;
	/** A vault (its pages need frontmatter) or a plain markdown folder, and why. */
	readonly vault: { readonly isVault: boolean; readonly reason: string };
	readonly diagnostics: CheckProblem[];
	/** With `wanted`: the missing targets of links, most linked first. */
	readonly wanted?: readonly WantedEntry[];
	/** With `printSchema`: the frontmatter schema, configured or inferred. */
	readonly schema?: { readonly schema: FrontmatterSchema; readonly inferred: boolean };
	/** With `overview`: the vault overview (`--format html`). */
	readonly overview?: VaultOverview;
}

/** A wanted page as `check --wanted` reports it. */
export interface WantedEntry {
	readonly url: string;
	/** The file a page there would be, relative to the root. */
	readonly path: string;
	/** How many pages link to it. */
	readonly linkers: number;
	/** The most common link text ('' when none). */
	readonly text: string;
	readonly title: string;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, CheckProblem['severity']> = {
	[DiagnosticSeverity.Error]: 'error',
	[DiagnosticSeverity.Warning]: 'warning',
	[DiagnosticSeverity.Information]: 'information',
	[DiagnosticSeverity.Hint]: 'hint',
};

export interface CheckOptions {
	readonly excludes?: readonly string[];
	readonly severity?: Record<string, string>;
	readonly requiredFields?: readonly string[];
	/** `unlinked-mention` settings (`--mention-min-length`, `--mention-ignore`). */
	readonly mentions?: { readonly minLength?: number; readonly ignore?: readonly string[] };
	/** Called as pages are read: (done, total). */
	readonly onProgress?: (done: number, total: number) => void;
	/** Folder of the persisted index; none keeps no cache. */
	readonly cacheDirectory?: string;
	/** Check it as a vault whatever its pages hold (`--vault`). */
	readonly vault?: boolean;
	/** Also list the wanted pages (`--wanted`). */
	readonly wanted?: boolean;
	/** The link spelling the `non-canonical-link` hint asks for (`--link-style`), where the editor's `entityVault.links.style` stands: the vault configuration file wins over it. */
	readonly linkStyle?: LinkStyle;
	/** The vault configuration file (`--config`); default: `.entity-vault.json` in the folder, else in the vault root. */
	readonly configFile?: string;
	/** Also give the frontmatter schema (`--print-schema`). */
	readonly printSchema?: boolean;
	/** Also make the vault overview, each list at most this long (`--format html`). */
	readonly overviewLimit?: number;
	/** Sets the heap's growth (`CliIo.heapGrowth`): the diagnostics ask for less than indexing. */
	readonly heapGrowth?: (percent: number) => void;
	/** Awaited after each batch of pages' problems is given out (`CliIo.stdoutTaken`): the report's reader keeps up. */
	readonly outputTaken?: () => Promise<void>;
}

/** The vault configuration file has problems: `check` names each (file, line, key) and exits 2, checking nothing. */
export class VaultConfigError extends Error {
	constructor(readonly problems: readonly VaultConfigProblem[]) {
		super(`the vault configuration file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}`);
	}
}

/**
 * The young generation of `check`'s index workers, in MiB (V8's default
 * is 32: each page's text and tokens die young, its record leaves, nothing
 * stays). Measured at 100,000 pages (single runs, load 5-17): RSS at the
 * end of indexing 506-562 MiB with 4, 567-615 MiB without, indexing's CPU
 * about the same (34.0-35.4 s at load 5-12).
 */
const INDEX_WORKER_YOUNG_GENERATION_MB = 4;

/**
 * Indexes the vault at `folder` as `check` does (its root, settings with
 * the vault configuration file's over the flags, excludes, worker pool and
 * persisted index), runs `use` on it, and disposes of it (`whileIndexing`
 * is called as pages are indexed); resolves to what
 * `use` returns and the vault. Throws `VaultConfigError` when the
 * configuration file has problems.
 */
export async function withIndexedVault<T>(
	folder: string, options: CheckOptions, use: (vault: VaultWorkspace) => T, whileIndexing?: (vault: VaultWorkspace, indexed: number) => void,
): Promise<{ vault: VaultWorkspace; result: T }> {
	// The flags stand where the editor's settings do: the vault configuration file wins over them for what it says.
	const flags = folderSettingsFrom({ exclude: options.excludes ?? [], diagnostics: { severity: options.severity }, frontmatter: { requiredFields: options.requiredFields }, mentions: options.mentions, links: { style: options.linkStyle } });
	const { root, settings, configuration } = resolveFolderVault(folder, flags, nodeFileSystem, options.configFile);
	if (configuration.problems.length > 0) {
		throw new VaultConfigError(configuration.problems);
	}
	const pool = new IndexWorkerPool(undefined, INDEX_WORKER_YOUNG_GENERATION_MB);
	const vault = new VaultWorkspace(folder, folder, root, {
		settings: settings.vault,
		declaredVault: vaultDeclaration(folder, root, options.vault ? 'the --vault flag' : undefined),
		excludes: settings.excludes,
		pool,
		cacheFile: options.cacheDirectory ? cacheFileFor(options.cacheDirectory, root) : undefined,
	});
	try {
		await vault.index(options.onProgress || whileIndexing ? ({ indexed, total }) => {
			options.onProgress?.(indexed, total);
			whileIndexing?.(vault, indexed);
		} : undefined);
		// A warm start's pages are checked against the disk before anything is reported.
		await vault.whenVerified();
		await vault.saveCache();
		return { vault, result: use(vault) };
	} finally {
		vault.dispose();
		pool.dispose();
	}
}

const started = { cpu: process.cpuUsage(), time: Date.now() };
/** Pages between two phase lines of the diagnostics (`logPhase`). */
const PAGES_PER_LOG = 10_000;
/**
 * How far the heap may grow over what is live once indexing is done
 * (`CheckOptions.heapGrowth`; bin/entity-vault.js sets 50 % for the whole of
 * `check`): the diagnostics make garbage page after page over a live heap
 * that no longer grows, so collecting sooner lowers the peak. Measured at
 * 100,000 pages (one run each, load 9-12): peak RSS 658 MiB at 50 %,
 * 608 MiB at 20 %, for 62.0 s against 63.9 s of CPU.
 */
const DIAGNOSTICS_HEAP_GROWTH = 20;

/**
 * With `ENTITY_VAULT_CHECK_TIMINGS=1`: the time, CPU (every thread) and
 * memory at the end of a phase of `check`, on stderr; the heap after a full
 * collection when node runs with `--expose-gc` (the collection's time is
 * then in the figures).
 */
function logPhase(phase: string): void {
	if (process.env.ENTITY_VAULT_CHECK_TIMINGS !== '1') {
		return;
	}
	(globalThis as { gc?: () => void }).gc?.();
	const cpu = process.cpuUsage(started.cpu);
	const memory = process.memoryUsage();
	const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
	process.stderr.write(`check ${phase}: ${Date.now() - started.time} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, rss ${mib(memory.rss)}, heap ${mib(memory.heapUsed)}, external ${mib(memory.external + memory.arrayBuffers)}\n`);
}

/** What a report says before its problems: the root, the counts and the vault kind. */
export type CheckHeader = Pick<CheckReport, 'root' | 'files' | 'pages' | 'vault'>;

/** What the report holds besides its header and problems. */
type CheckExtras = Pick<CheckReport, 'wanted' | 'schema' | 'overview'>;

/** A file's diagnostics as problems, in the order computed (`inReportOrder` sorts them). */
function problemsOf(file: string, diagnostics: readonly VaultDiagnostic[]): CheckProblem[] {
	return diagnostics.map((diagnostic): CheckProblem => ({
		file,
		line: diagnostic.range.start.line + 1,
		column: diagnostic.range.start.character + 1,
		endLine: diagnostic.range.end.line + 1,
		endColumn: diagnostic.range.end.character + 1,
		severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
		code: diagnostic.code,
		message: diagnostic.message,
	}));
}

/** A file's problems in the report's order within the file (line, then column; the computed order for ties). */
function inReportOrder(problems: CheckProblem[]): CheckProblem[] {
	return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Indexes every page of the vault at `folder`, gives `start` the report's
 * header, then `problems` each file's problems as soon as they are known,
 * file after file in the report's order (paths compared as strings), so
 * that nothing but the file at hand is held; resolves to the rest of the
 * report (`wanted`, `schema`, `overview` as the options ask).
 */
export async function checkVaultInOrder(folder: string, options: CheckOptions, start: (header: CheckHeader) => void, problems: (problems: readonly CheckProblem[]) => void): Promise<CheckExtras> {
	// Each page's blob is read once more (its diagnostics), in the order of the paths: from a file, written as pages
	// are indexed, not held in memory meanwhile.
	const file = SpilledBlobFile.open();
	const spill = file && new SpillWhileIndexing(file);
	const { vault, result: extras } = await withIndexedVault(folder, options, (vault): CheckExtras => {
		const wanted = options.wanted
			? vault.service.wantedPages(path => vault.diskText(path), Number.MAX_SAFE_INTEGER)
				.map((page: WantedPage): WantedEntry => ({ url: page.url, path: page.path, linkers: page.linkers, text: page.text, title: page.title }))
			: undefined;
		const schema = options.printSchema ? vault.service.frontmatterSchema() : undefined;
		const overview = options.overviewLimit === undefined ? undefined : vault.service.overview(path => vault.diskText(path), options.overviewLimit);
		return { ...(wanted ? { wanted } : {}), ...(schema ? { schema } : {}), ...(overview ? { overview } : {}) };
	}, (vault, indexed) => spill?.indexed(vault.service, indexed)).catch((error: unknown) => {
		file?.close();
		throw error;
	});
	logPhase('indexed');
	options.heapGrowth?.(DIAGNOSTICS_HEAP_GROWTH);
	const paths = vault.allPaths().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	try {
		const kind = vault.service.vaultKind();
		start({ root: vault.root, files: paths.length, pages: paths.filter(path => sectionOfPath(path) !== undefined).length, vault: { isVault: kind.isVault, reason: kind.reason } });
		let done = 0;
		await forEachPageDiagnostics(vault, paths, problemsOf, (_page, pageProblems) => {
			if (pageProblems.length > 0) {
				problems(inReportOrder(pageProblems));
			}
			if (++done % PAGES_PER_LOG === 0 && done < paths.length) {
				logPhase(`diagnostics ${done}/${paths.length}`);
			}
		}, () => {
			// While the workers build their tables. What other pages' diagnostics read of a page: its anchor ids
			// (links to its headings are checked against them; made already for the pages whose blobs went to the
			// file while indexing) and where it writes a name other pages have (duplicate-entity's related
			// information; the blobs of those of these pages sharing a name are read back from the file).
			const { index } = vault.service;
			const site = vault.service.settings().site;
			for (const page of index.pages()) {
				rememberAnchorIds(page, site, index, index.anchorIds);
			}
			rememberSharedNameRanges(index);
			logPhase('anchor ids and name ranges made');
			spill?.finish(vault.service);
			logPhase('blobs written to a file');
		}, options.outputTaken);
	} finally {
		file?.close();
	}
	logPhase('diagnostics');
	return extras;
}

/** Indexes every page of the vault at `folder` and collects every page's diagnostics. */
export async function checkVault(folder: string, options: CheckOptions = {}): Promise<CheckReport> {
	let header: CheckHeader | undefined;
	const diagnostics: CheckProblem[] = [];
	const extras = await checkVaultInOrder(folder, options, given => {
		header = given;
	}, problems => {
		for (const problem of problems) {
			diagnostics.push(problem);
		}
	});
	return { ...header!, diagnostics, ...extras };
}

/**
 * `check --wanted` as text: one line per wanted page, most linked first,
 * `URL  N pages  "most common text"  (FILE)`, then a count.
 */
export function formatWantedText(report: CheckReport): string {
	const wanted = report.wanted ?? [];
	const lines = wanted.map(page => `${page.url} linked from ${page.linkers} ${page.linkers === 1 ? 'page' : 'pages'}${page.text === '' ? '' : ` as ${JSON.stringify(page.text)}`} (${page.path})`);
	const pages = `${report.pages} ${report.pages === 1 ? 'page' : 'pages'}`;
	lines.push(wanted.length === 0 ? `No wanted pages: every link of the ${pages} has its page.` : `${wanted.length} wanted ${wanted.length === 1 ? 'page' : 'pages'} in ${pages}.`);
	return lines.join('\n') + '\n';
}

/** `check --wanted --format json`: the root, the page count and the wanted pages. */
export function formatWantedJson(report: CheckReport): string {
	return JSON.stringify({ root: report.root, files: report.files, pages: report.pages, wanted: report.wanted ?? [] }, null, 2) + '\n';
}

export function formatJson(report: CheckReport): string {
	return JSON.stringify(report, null, 2) + '\n';
}

export function hasErrors(report: CheckReport): boolean {
	return report.diagnostics.some(d => d.severity === 'error');
}

export function isDirectory(folder: string): boolean {
	try {
		return fs.statSync(folder).isDirectory();
	} catch {
		return false;
	}
}
