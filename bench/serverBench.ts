/**
 * Measures the real language server (bin/entity-vault-language-server.js,
 * spawned over stdio by the protocol tests' client) on a generated vault:
 * cold index time and memory, request latencies as the client sees them
 * (JSON-RPC serialization included), and edit-to-diagnostics on a 50 KB page.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ChildProcess } from 'child_process';
import { URI } from 'vscode-uri';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../test/support/lspClient';
import { waitForPersistedIndex } from '../test/support/persistedIndexFile';
import { REQUEST_TIMINGS_VARIABLE } from '../server/src/node/requestTimings';
import { renderPage } from './pageRenderer';
import { planVault, type VaultPlan } from './vaultPlan';
import { entityLinks, type LinkPosition } from './pageLinks';
import { distribution, processMemory, type Distribution } from './stats';
import { measureReferences, measureTyping, type ReferencesFigures, type TypingFigures } from './scaleRows';

/** The server's quiet time before computing diagnostics (server/src/node/diagnosticsPublisher.ts). */
export const SERVER_DEBOUNCE_MS = 150;

export type RequestKind = 'completionSection' | 'completionLinkText' | 'hover' | 'definition' | 'references';
export const REQUEST_KINDS: readonly RequestKind[] = ['completionSection', 'completionLinkText', 'hover', 'definition', 'references'];
export const REQUEST_LABELS: Readonly<Record<RequestKind, string>> = {
	completionSection: 'completion after `](/people/`',
	completionLinkText: 'completion of link text `[Rob`',
	hover: 'hover on a link',
	definition: 'definition on a link',
	references: 'references on a link',
};

export interface RequestFigures extends Distribution {
	/** The server's own time per request (reader to written response, `entityVault/requestTiming`). */
	readonly server?: Distribution;
	/** For completion: items and isIncomplete of the first answer. */
	readonly items?: number;
	readonly incomplete?: boolean;
	/** Answers that were empty (no hover, no location), a sign the position was not understood. */
	readonly empty: number;
	readonly error?: string;
}

export interface EditFigures {
	readonly pageBytes: number;
	readonly raw: Distribution;
	readonly afterDebounce: Distribution;
	/** Edits whose published diagnostics did not change as the edit should have (broken link added / removed). */
	readonly unexpected: number;
	readonly error?: string;
}

export interface ServerFigures {
	readonly pages: number;
	/** From sending `initialize` until `entityVault/status` says ready. */
	readonly coldIndexMs: number;
	readonly rssAfterIndexKiB?: number;
	/** VmHWM of the server at the end of the run. */
	readonly peakRssKiB?: number;
	/** A second server started on the same vault with the persisted index the first one wrote (warm start). */
	readonly secondStartMs?: number;
	readonly requests: Partial<Record<RequestKind, RequestFigures>>;
	readonly edit?: EditFigures;
	/** The same edits right after the cold start, while the persisted index is written in the background. */
	readonly editAfterColdStart?: EditFigures;
	/** `didChange`, then completion at the new cursor. */
	readonly typing?: TypingFigures;
	/** References on a link to the most linked page. */
	readonly referencesMostLinked?: ReferencesFigures;
}

export interface ServerBenchOptions {
	readonly dir: string;
	readonly pages: number;
	readonly seed: number;
	readonly requests: number;
	readonly warmup: number;
	readonly kinds: readonly RequestKind[];
	/** 0 skips the edit measurement. */
	readonly edits: number;
	readonly secondStart: boolean;
	readonly log: (line: string) => void;
}

const INDEX_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Node options for the server process alone (for example `--cpu-prof --cpu-prof-dir=/tmp/p` to profile it),
 * from this variable of the benchmark's environment; none when unset.
 */
const SERVER_NODE_OPTIONS_VARIABLE = 'ENTITY_VAULT_BENCH_SERVER_NODE_OPTIONS';

function serverEnvironment(): Record<string, string> {
	const nodeOptions = process.env[SERVER_NODE_OPTIONS_VARIABLE];
	return { [REQUEST_TIMINGS_VARIABLE]: '1', ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
}

/** The server's process id: the test client keeps its child process private. */
function serverPid(client: LspTestClient): number | undefined {
	return (client as unknown as { child: ChildProcess }).child.pid;
}

function uriOf(dir: string, relative: string): string {
	return URI.file(path.join(dir, ...relative.split('/'))).toString();
}

async function startServer(dir: string, cacheDirectory: string | null = null): Promise<{ client: LspTestClient; coldIndexMs: number; pages: number }> {
	const client = new LspTestClient({
		workspaceFolders: [{ uri: URI.file(dir).toString(), name: path.basename(dir) }], settings: {}, cacheDirectory,
		env: serverEnvironment(),
		// As VS Code's client announces it: a completion list gives its items' common range once.
		completionItemDefaults: true,
	});
	const start = performance.now();
	await client.initialize();
	const status = await client.waitUntilIndexed(INDEX_TIMEOUT_MS);
	return { client, coldIndexMs: performance.now() - start, pages: status.pages };
}

/** Page numbers spread over the vault, each a page with links. */
function samplePages(plan: VaultPlan, count: number): number[] {
	const picked: number[] = [];
	for (let i = 0; i < count; i++) {
		picked.push(Math.floor((i + 0.5) * plan.pages.length / count));
	}
	return picked;
}

/** A variant of a real page of about 50 KB, with one link that is always broken so every version has diagnostics. */
function fiftyKilobytePage(plan: VaultPlan, page: number): string {
	let bodyBytes = 50_000;
	let text = '';
	for (let attempt = 0; attempt < 3; attempt++) {
		text = renderPage(plan, page, undefined, { bodyBytes, links: 250 });
		bodyBytes = Math.round(bodyBytes * 50_000 / Buffer.byteLength(text));
	}
	return `${text}\nSee also [Nobody](/people/bench-missing-page/).\n`;
}

async function measureEdits(client: LspTestClient, dir: string, plan: VaultPlan, edits: number): Promise<EditFigures> {
	const pageNumber = plan.bySection.get('people')![Math.floor(plan.bySection.get('people')!.length / 3)];
	const relative = plan.pages[pageNumber].path;
	const uri = uriOf(dir, relative);
	const text = fiftyKilobytePage(plan, pageNumber);
	const existing = new Set(plan.pages.map(page => page.url));
	const link = entityLinks(text).find(candidate => existing.has(candidate.url) && candidate.fragment === undefined);
	if (!link) {
		throw new Error('the 50 KB page has no valid link to edit');
	}
	// The edit toggles the link's slug between valid and broken: `…/slug/` ↔ `…/slug-bench-broken/`.
	const slugEnd = link.destinationStart + link.url.length - 1;
	const BROKEN = '-bench-broken';
	await client.open(uri, text, 1);
	const initial = await client.waitFor('diagnostics of the 50 KB page', () => {
		const published = client.diagnostics.get(uri);
		return published?.version === 1 ? published.diagnostics : undefined;
	}, 60000);
	const countBroken = (diagnostics: Diagnostic[]): number => diagnostics.filter(d => d.code === 'broken-link').length;
	const baseBroken = countBroken(initial);
	const raw: number[] = [];
	let unexpected = 0;
	let broken = false;
	const total = edits + 5;
	for (let k = 0; k < total; k++) {
		const version = k + 2;
		const change = broken
			? { range: { start: { line: link.line, character: slugEnd }, end: { line: link.line, character: slugEnd + BROKEN.length } }, text: '' }
			: { range: { start: { line: link.line, character: slugEnd }, end: { line: link.line, character: slugEnd } }, text: BROKEN };
		broken = !broken;
		const start = performance.now();
		await client.change(uri, version, [change]);
		const diagnostics = await client.waitFor(`diagnostics of version ${version}`, () => {
			const published = client.diagnostics.get(uri);
			return published?.version === version ? published.diagnostics : undefined;
		}, 60000);
		const elapsed = performance.now() - start;
		if (countBroken(diagnostics) !== baseBroken + (broken ? 1 : 0)) {
			unexpected++;
		}
		if (k >= 5) {
			raw.push(elapsed);
		}
	}
	await client.close(uri);
	return {
		pageBytes: Buffer.byteLength(text),
		raw: distribution(raw),
		afterDebounce: distribution(raw.map(value => value - SERVER_DEBOUNCE_MS)),
		unexpected,
	};
}

/** A server started on a vault, indexed, with a few real pages open for requests. */
export class ServerSession {
	/** Links of the open pages, where hover, definition and references are asked. */
	private positions: { uri: string; link: LinkPosition }[] = [];
	private probes: { uri: string; section: { line: number; character: number }; linkText: { line: number; character: number } } | undefined;

	private constructor(
		readonly client: LspTestClient,
		readonly dir: string,
		readonly plan: VaultPlan,
		/** From sending `initialize` until `entityVault/status` says ready. */
		readonly coldIndexMs: number,
		/** Pages the server reported when ready. */
		readonly pages: number,
		readonly linkText: string,
	) { }

	/**
	 * Starts a server on `dir`, waits until it has indexed everything and opens
	 * four real pages. `linkText` is what the link-text completion probe has
	 * typed after `[`.
	 */
	static async start(dir: string, plan: VaultPlan, linkText = 'Rob', cacheDirectory: string | null = null): Promise<ServerSession> {
		const { client, coldIndexMs, pages } = await startServer(dir, cacheDirectory);
		const session = new ServerSession(client, dir, plan, coldIndexMs, pages, linkText);
		try {
			if (pages !== plan.pages.length) {
				throw new Error(`the server indexed ${pages} pages, the vault has ${plan.pages.length}`);
			}
			await session.openPages();
			await session.waitUntilQuiet();
		} catch (error) {
			await client.shutdown();
			throw error;
		}
		return session;
	}

	get pid(): number | undefined {
		return serverPid(this.client);
	}

	memory(): { peakKiB: number; currentKiB: number } | undefined {
		return this.pid === undefined ? undefined : processMemory(this.pid);
	}

	/** Opens a few real pages; the first one also gets two completion probes at its end. */
	private async openPages(): Promise<void> {
		for (const pageNumber of samplePages(this.plan, 4)) {
			const relative = this.plan.pages[pageNumber].path;
			let text = fs.readFileSync(path.join(this.dir, relative), 'utf8');
			const uri = uriOf(this.dir, relative);
			if (!this.probes) {
				const lines = text.split('\n').length - 1;
				text += `\nProbe [Someone](/people/\n\nProbe [${this.linkText}\n`;
				this.probes = {
					uri,
					section: { line: lines + 1, character: 'Probe [Someone](/people/'.length },
					linkText: { line: lines + 3, character: `Probe [${this.linkText}`.length },
				};
			}
			await this.client.open(uri, text, 1);
			this.positions.push(...entityLinks(text).map(link => ({ uri, link })));
		}
	}

	/**
	 * Waits until the first diagnostics of the pages just opened are computed,
	 * so the latency figures measure requests, not that: once the debounce has
	 * passed, the server is computing them, and a request sent then is answered
	 * after it (one event loop).
	 */
	async waitUntilQuiet(): Promise<void> {
		await new Promise(resolve => setTimeout(resolve, SERVER_DEBOUNCE_MS + 250));
		await this.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: this.probes!.uri } });
	}

	/** Sends request number `i` of a kind (positions cycle through the links of the open pages). */
	request(kind: RequestKind, i: number): Promise<unknown> {
		const connection = this.client.connection;
		const probes = this.probes!;
		const { uri, link } = this.positions[i % this.positions.length];
		switch (kind) {
			case 'completionSection':
				return connection.sendRequest('textDocument/completion', {
					textDocument: { uri: probes.uri }, position: probes.section, context: { triggerKind: 2, triggerCharacter: '/' },
				});
			case 'completionLinkText':
				return connection.sendRequest('textDocument/completion', {
					textDocument: { uri: probes.uri }, position: probes.linkText, context: { triggerKind: 1 },
				});
			case 'hover':
				return connection.sendRequest('textDocument/hover', {
					textDocument: { uri }, position: { line: link.line, character: link.start + 1 + Math.floor(link.text.length / 2) },
				});
			case 'definition':
				return connection.sendRequest('textDocument/definition', {
					textDocument: { uri }, position: { line: link.line, character: link.destinationStart + 3 },
				});
			case 'references':
				return connection.sendRequest('textDocument/references', {
					textDocument: { uri }, position: { line: link.line, character: link.start + 1 }, context: { includeDeclaration: false },
				});
		}
	}

	/** Times one request: the client-observed round trip and the server's own time (ms), with the answer. */
	async timeRequest(kind: RequestKind, i: number): Promise<{ ms: number; serverMs: number; result: unknown }> {
		const timings = this.client.requestTimings;
		const seen = timings.length;
		const start = performance.now();
		const result = await this.request(kind, i);
		const ms = performance.now() - start;
		// The server follows each response with its timing.
		const timing = await this.client.waitFor('the request timing', () => timings.length > seen && timings[timings.length - 1], 5000);
		return { ms, serverMs: timing.ms, result };
	}

	measureEdits(edits: number): Promise<EditFigures> {
		return measureEdits(this.client, this.dir, this.plan, edits);
	}

	shutdown(): Promise<void> {
		return this.client.shutdown();
	}
}

export function isEmptyAnswer(result: unknown): boolean {
	return result === null || result === undefined
		|| (Array.isArray(result) && result.length === 0)
		|| (typeof result === 'object' && Array.isArray((result as CompletionList).items) && (result as CompletionList).items.length === 0);
}

/** Warm-up, then `count` sequential requests of one kind. */
export async function measureRequests(session: ServerSession, kind: RequestKind, count: number, warmup: number): Promise<RequestFigures> {
	try {
		for (let i = 0; i < warmup; i++) {
			await session.request(kind, i);
		}
		const times: number[] = [];
		const serverTimes: number[] = [];
		let empty = 0;
		let first: unknown;
		for (let i = 0; i < count; i++) {
			const { ms, serverMs, result } = await session.timeRequest(kind, i);
			times.push(ms);
			serverTimes.push(serverMs);
			if (i === 0) {
				first = result;
			}
			if (isEmptyAnswer(result)) {
				empty++;
			}
		}
		const list = kind.startsWith('completion') ? first as CompletionList | null : undefined;
		return { ...distribution(times), server: distribution(serverTimes), empty, items: list?.items?.length, incomplete: list?.isIncomplete };
	} catch (error) {
		return { ...distribution([]), empty: 0, error: (error as Error).message };
	}
}

export async function benchServer(options: ServerBenchOptions): Promise<ServerFigures> {
	const { dir, log } = options;
	const plan = planVault(options.pages, options.seed);
	log(`  server: cold index of ${options.pages} pages…`);
	// An empty persisted-index folder: the cold start fills it, the second start reads it.
	const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-bench-cache-'));
	const session = await ServerSession.start(dir, plan, 'Rob', cacheDirectory);
	let editAfterColdStart: EditFigures | undefined;
	if (options.edits > 0) {
		log(`  server: ${options.edits} edits of a 50 KB page right after the cold start…`);
		editAfterColdStart = await session.measureEdits(options.edits).catch(error => failedEdits((error as Error).message));
	}
	// Requests are timed in the steady state: after the persisted index, written in the background once indexing ends, is on disk.
	const saveStart = performance.now();
	await waitForPersistedIndex(cacheDirectory, 300_000);
	log(`  server: persisted index written ${((performance.now() - saveStart) / 1000).toFixed(1)} s after the pages were opened`);
	const afterIndex = session.memory();
	const requests: Partial<Record<RequestKind, RequestFigures>> = {};
	let edit: EditFigures | undefined;
	let typing: TypingFigures | undefined;
	let referencesMostLinked: ReferencesFigures | undefined;
	let peakRssKiB: number | undefined;
	try {
		for (const kind of options.kinds) {
			log(`  server: ${options.requests} × ${REQUEST_LABELS[kind]}…`);
			requests[kind] = await measureRequests(session, kind, options.requests, options.warmup);
		}
		if (options.edits > 0) {
			log(`  server: ${options.edits} edits of a 50 KB page…`);
			edit = await session.measureEdits(options.edits).catch(error => failedEdits((error as Error).message));
		}
		log(`  server: ${options.requests} keystrokes, each followed by completion…`);
		typing = await measureTyping(session, options.requests, options.warmup);
		const referenceCount = Math.min(options.requests, 100);
		log(`  server: ${referenceCount} × references to the most linked page…`);
		referencesMostLinked = await measureReferences(session, referenceCount, 5);
	} finally {
		peakRssKiB = session.memory()?.peakKiB;
		await session.shutdown();
	}
	let secondStartMs: number | undefined;
	if (options.secondStart) {
		log('  server: warm start on the same vault, with the persisted index…');
		const second = await startServer(dir, cacheDirectory);
		secondStartMs = second.coldIndexMs;
		await second.client.shutdown();
	}
	fs.rmSync(cacheDirectory, { recursive: true, force: true });
	return { pages: session.pages, coldIndexMs: session.coldIndexMs, rssAfterIndexKiB: afterIndex?.currentKiB, peakRssKiB, secondStartMs, requests, edit, editAfterColdStart, typing, referencesMostLinked };
}

function failedEdits(error: string): EditFigures {
	const none = distribution([]);
	return { pageBytes: 0, raw: none, afterDebounce: none, unexpected: 0, error };
}
