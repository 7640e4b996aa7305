/**
 * The rows of issue 14 that the request latencies do not cover, on the same
 * real server over JSON-RPC: typing (`didChange`, then completion at the
 * new cursor, as the client sees the round trip) and references on the page
 * with the most backlinks (its first results, sent as `partialResult`
 * progress when the server streams them, and the whole answer).
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CompletionList } from 'vscode-languageserver-protocol';
import type { LspTestClient } from '../test/support/lspClient';
import type { VaultPlan } from './vaultPlan';
import { distribution, processCpuMs, type Distribution } from './stats';

export interface TypingFigures {
	/** From sending `didChange` until the completion answer for the new text arrives. */
	readonly roundTrip: Distribution;
	/** The completion's own server time. */
	readonly server: Distribution;
	readonly items?: number;
	/** The server's CPU time (user + system) per keystroke, `didChange` and completion (ms; from /proc, Linux only). */
	readonly serverCpuMs?: number;
	readonly error?: string;
}

export interface ReferencesFigures {
	readonly url: string;
	/** Locations of the whole answer. */
	readonly backlinks: number;
	/** Until the first results: the first `partialResult` progress, or the answer when none came before it. */
	readonly first: Distribution;
	/** Until the whole answer. */
	readonly whole: Distribution;
	/** The server's own time for the whole answer. */
	readonly server: Distribution;
	/** Answers that came with partial results first. */
	readonly partial: number;
	/** The server's CPU time (user + system) per answer (ms; from /proc, Linux only). */
	readonly serverCpuMs?: number;
	readonly error?: string;
}

const PROBE = 'Typing [Rob';

/** What these rows use of the benchmark's server session (bench/serverBench.ts). */
export interface BenchSession {
	readonly client: LspTestClient;
	readonly dir: string;
	readonly plan: VaultPlan;
	/** The server's process, for its CPU time. */
	readonly pid: number | undefined;
	waitUntilQuiet(): Promise<void>;
}

/**
 * Opens a real page (not one of the session's) with two probe lines at its
 * end: link text being typed, and a link to the vault's most linked page
 * (the generator skews links towards the first page).
 */
async function openProbePage(session: BenchSession): Promise<{ uri: string; typingLine: number; referencesLine: number; url: string }> {
	const plan = session.plan;
	const page = plan.pages[Math.floor(plan.pages.length / 8) + 1];
	const popular = plan.pages[0];
	const text = fs.readFileSync(path.join(session.dir, ...page.path.split('/')), 'utf8');
	const lines = text.split('\n').length - 1;
	const uri = URI.file(path.join(session.dir, ...page.path.split('/'))).toString();
	await session.client.open(uri, `${text}\n${PROBE}\n\nSee [${popular.title}](${popular.url}).\n`, 1);
	await session.waitUntilQuiet();
	return { uri, typingLine: lines + 1, referencesLine: lines + 3, url: popular.url };
}

/**
 * `count` keystrokes after `warmup`: each adds a letter to the link text
 * being typed, or takes it away, and asks completion at the new cursor.
 */
export async function measureTyping(session: BenchSession, count: number, warmup: number): Promise<TypingFigures> {
	const none = distribution([]);
	try {
		const { uri, typingLine } = await openProbePage(session);
		const client = session.client;
		const roundTrips: number[] = [];
		const serverTimes: number[] = [];
		let items: number | undefined;
		let version = 1;
		let typed = false;
		let cpuStart: number | undefined;
		for (let i = 0; i < warmup + count; i++) {
			if (i === warmup) {
				cpuStart = processCpuMs(session.pid);
			}
			const end = PROBE.length;
			const change = typed
				? { range: { start: { line: typingLine, character: end }, end: { line: typingLine, character: end + 1 } }, text: '' }
				: { range: { start: { line: typingLine, character: end }, end: { line: typingLine, character: end } }, text: 'e' };
			typed = !typed;
			const seen = client.requestTimings.length;
			const start = performance.now();
			await client.change(uri, ++version, [change]);
			const list = await client.connection.sendRequest('textDocument/completion', {
				textDocument: { uri }, position: { line: typingLine, character: end + (typed ? 1 : 0) }, context: { triggerKind: 1 },
			}) as CompletionList | null;
			const elapsed = performance.now() - start;
			const timing = await client.waitFor('the request timing', () => client.requestTimings.length > seen && client.requestTimings[client.requestTimings.length - 1], 5000);
			if (i >= warmup) {
				roundTrips.push(elapsed);
				serverTimes.push(timing.ms);
				items ??= list?.items.length;
			}
		}
		const serverCpuMs = cpuPer(count, cpuStart, processCpuMs(session.pid));
		await client.close(uri);
		return { roundTrip: distribution(roundTrips), server: distribution(serverTimes), items, serverCpuMs };
	} catch (error) {
		return { roundTrip: none, server: none, error: (error as Error).message };
	}
}

/** `count` references requests, after `warmup`, on a link to the vault's most linked page, each with a partial result token. */
export async function measureReferences(session: BenchSession, count: number, warmup: number): Promise<ReferencesFigures> {
	const none = distribution([]);
	let url = '';
	try {
		const probe = await openProbePage(session);
		url = probe.url;
		const client = session.client;
		const first: number[] = [];
		const whole: number[] = [];
		const serverTimes: number[] = [];
		let partial = 0;
		let backlinks = 0;
		let cpuStart: number | undefined;
		for (let i = 0; i < warmup + count; i++) {
			if (i === warmup) {
				cpuStart = processCpuMs(session.pid);
			}
			const token = `bench-references-${i}`;
			const seenTimings = client.requestTimings.length;
			const seenProgress = client.progress.length;
			const hasPartial = () => client.progress.slice(seenProgress).some(params => (params as { token?: unknown }).token === token);
			let wholeAt: number | undefined;
			const start = performance.now();
			const answer = (client.connection.sendRequest('textDocument/references', {
				textDocument: { uri: probe.uri }, position: { line: probe.referencesLine, character: 'See ['.length },
				context: { includeDeclaration: false }, partialResultToken: token,
			}) as Promise<unknown[] | null>).then(result => {
				wholeAt = performance.now();
				return result;
			});
			// Whichever comes first: partial results (a progress notification wakes the client) or the answer.
			await client.waitFor('the first references', () => wholeAt !== undefined || hasPartial(), 600_000);
			const firstAt = wholeAt ?? performance.now();
			const result = await answer;
			const timing = await client.waitFor('the request timing', () => client.requestTimings.length > seenTimings && client.requestTimings[client.requestTimings.length - 1], 5000);
			const partials = client.progress.slice(seenProgress).filter(params => (params as { token?: unknown }).token === token)
				.reduce((sum: number, params) => sum + ((params as { value?: unknown[] }).value?.length ?? 0), 0);
			if (i >= warmup) {
				if (firstAt < wholeAt!) {
					partial++;
				}
				first.push(firstAt - start);
				whole.push(wholeAt! - start);
				serverTimes.push(timing.ms);
				backlinks = partials + (result?.length ?? 0);
			}
		}
		const serverCpuMs = cpuPer(count, cpuStart, processCpuMs(session.pid));
		await client.close(probe.uri);
		return { url, backlinks, first: distribution(first), whole: distribution(whole), server: distribution(serverTimes), partial, serverCpuMs };
	} catch (error) {
		return { url, backlinks: 0, first: none, whole: none, server: none, partial: 0, error: (error as Error).message };
	}
}

/** CPU time per request between two readings, when both were had. */
function cpuPer(count: number, start: number | undefined, end: number | undefined): number | undefined {
	return start === undefined || end === undefined || count === 0 ? undefined : (end - start) / count;
}
