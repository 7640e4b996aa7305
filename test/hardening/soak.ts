/**
 * Soak run (not in CI): scripted typing and requests against a large
 * generated vault for a long time, reporting the server's RSS trend and the
 * event-loop lag p99.
 *
 *   npm run soak                       10 minutes, 20,000 pages
 *   npm run soak -- --minutes 2 --pages 5000
 *
 * Lag is measured from the client side, adding nothing to the server: every
 * 250 ms a request for a method the server does not have is sent; the
 * JSON-RPC layer answers it with MethodNotFound as soon as the event loop
 * gets to it, so its round trip is the loop's lag plus the pipe.
 */
import { forEachFlag } from '../../bench/commandLine';
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { planVault } from '../../bench/vaultPlan';
import { distribution, percentile, processMemory } from '../../bench/stats';
import { cachedVault } from '../../bench/vaultCache';
import { LspTestClient } from '../support/lspClient';

interface Options {
	minutes: number;
	pages: number;
	seed: number;
}

function parseOptions(argv: readonly string[]): Options {
	const options: Options = { minutes: 10, pages: 20000, seed: 1 };
	forEachFlag(argv, (flag, read) => {
		const value = Number(read());
		if (!Number.isFinite(value) || value <= 0) {
			throw new Error(`${flag} needs a positive number`);
		}
		if (flag === '--minutes') {
			options.minutes = value;
		} else if (flag === '--pages') {
			options.pages = Math.round(value);
		} else if (flag === '--seed') {
			options.seed = Math.round(value);
		} else {
			throw new Error(`unknown option ${flag} (--minutes N, --pages N, --seed N)`);
		}
	});
	return options;
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
	const n = points.length;
	if (n < 2) {
		return NaN;
	}
	const mx = points.reduce((s, p) => s + p.x, 0) / n;
	const my = points.reduce((s, p) => s + p.y, 0) / n;
	const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
	const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
	return den === 0 ? NaN : num / den;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const log = (line: string): void => { process.stdout.write(`${line}\n`); };
	const vault = cachedVault(options.pages, options.seed, log);
	const plan = planVault(options.pages, options.seed);
	log(`Soak: ${options.pages} pages in ${vault.dir}, ${options.minutes} minutes.`);
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(vault.dir).toString(), name: 'soak' }], settings: {} });
	const pid = (client as unknown as { child: ChildProcess }).child.pid!;
	const indexStart = Date.now();
	await client.initialize();
	await client.waitUntilIndexed(30 * 60 * 1000);
	log(`Indexed in ${((Date.now() - indexStart) / 1000).toFixed(1)} s, server RSS ${Math.round((processMemory(pid)?.currentKiB ?? 0) / 1024)} MiB.`);

	const deadline = Date.now() + options.minutes * 60 * 1000;
	const rss: { x: number; y: number }[] = [];
	const lag: number[] = [];
	const latencies = new Map<string, number[]>();
	let errors = 0;
	let edits = 0;
	const start = Date.now();

	const timed = async (method: string, params: unknown): Promise<unknown> => {
		const t = performance.now();
		try {
			return await client.connection.sendRequest(method, params);
		} catch (error) {
			if ((error as { code?: number }).code !== -32800) {
				errors++;
			}
			return undefined;
		} finally {
			const list = latencies.get(method) ?? [];
			list.push(performance.now() - t);
			latencies.set(method, list);
		}
	};

	// Lag probe and RSS sampler run beside the typing.
	let running = true;
	const probe = (async () => {
		while (running) {
			const t = performance.now();
			await client.connection.sendRequest('$/soak/ping').catch(() => undefined);
			lag.push(performance.now() - t);
			await sleep(250);
		}
	})();
	const sampler = (async () => {
		while (running) {
			const memory = processMemory(pid);
			if (memory) {
				rss.push({ x: (Date.now() - start) / 60000, y: memory.currentKiB / 1024 });
			}
			await sleep(5000);
		}
	})();

	// Scripted typing into a few open pages: a sentence with an entity link, requests as an editor sends them, then undo.
	const pages = [0, 1, 2, 3, 4].map(i => plan.pages[Math.floor((i * plan.pages.length) / 5)]);
	const documents = new Map<string, TextDocument>();
	for (const page of pages) {
		const uri = URI.file(path.join(vault.dir, page.path)).toString();
		const document = TextDocument.create(uri, 'markdown', 1, fs.readFileSync(path.join(vault.dir, page.path), 'utf8'));
		documents.set(page.path, document);
		await client.open(uri, document.getText());
	}
	let round = 0;
	while (Date.now() < deadline && client.exited === null) {
		const page = pages[round % pages.length];
		const target = plan.pages[(round * 7919) % plan.pages.length];
		let document = documents.get(page.path)!;
		const line = document.lineCount - 1;
		const typed = `\nAbout [${target.title}](${target.url}) and more.`;
		const startOffset = document.getText().length;
		for (const character of typed) {
			const position = document.positionAt(document.getText().length);
			document = TextDocument.update(document, [{ range: { start: position, end: position }, text: character }], document.version + 1);
			await client.change(document.uri, document.version, [{ range: { start: position, end: position }, text: character }]);
			edits++;
			const at = document.positionAt(document.getText().length);
			if (character === '/' || character === '[') {
				void timed('textDocument/completion', { textDocument: { uri: document.uri }, position: at });
			}
			await sleep(60);
		}
		const linkAt = document.positionAt(startOffset + typed.indexOf('](') + 4);
		await timed('textDocument/hover', { textDocument: { uri: document.uri }, position: linkAt });
		await timed('textDocument/definition', { textDocument: { uri: document.uri }, position: linkAt });
		await timed('textDocument/codeAction', { textDocument: { uri: document.uri }, range: { start: linkAt, end: linkAt }, context: { diagnostics: client.diagnostics.get(document.uri)?.diagnostics ?? [] } });
		if (round % 10 === 9) {
			await timed('workspace/symbol', { query: target.title.slice(0, 5) });
		}
		// Undo the sentence, so the page does not grow without end.
		const from = document.positionAt(startOffset);
		const to = document.positionAt(document.getText().length);
		document = TextDocument.update(document, [{ range: { start: from, end: to }, text: '' }], document.version + 1);
		await client.change(document.uri, document.version, [{ range: { start: from, end: to }, text: '' }]);
		documents.set(page.path, document);
		void line;
		round++;
		if (round % 20 === 0) {
			const elapsed = (Date.now() - start) / 60000;
			log(`${elapsed.toFixed(1)} min: ${edits} edits, RSS ${rss[rss.length - 1]?.y.toFixed(0)} MiB, lag p99 ${percentile(lag, 99).toFixed(1)} ms`);
		}
	}
	running = false;
	await Promise.all([probe, sampler]);
	const exited = client.exited;
	await client.shutdown();

	const secondHalf = rss.filter(point => point.x >= (rss[rss.length - 1]?.x ?? 0) / 2);
	const report = {
		pages: options.pages,
		minutes: options.minutes,
		cores: os.cpus().length,
		edits,
		requestErrors: errors,
		serverExited: exited,
		rssMiB: { first: rss[0]?.y, last: rss[rss.length - 1]?.y, min: Math.min(...rss.map(p => p.y)), max: Math.max(...rss.map(p => p.y)), slopeMiBPerMinute: slope(rss), secondHalfSlopeMiBPerMinute: slope(secondHalf) },
		eventLoopLagMs: distribution(lag),
		latenciesMs: Object.fromEntries([...latencies].map(([method, values]) => [method, distribution(values)])),
	};
	const file = path.join(os.tmpdir(), `entity-vault-soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(report, null, 2));
	log(JSON.stringify(report, null, 2));
	log(`Report written to ${file}`);
	process.exitCode = exited === null && errors === 0 ? 0 : 1;
}

main().catch(error => {
	process.stderr.write(`soak: ${(error as Error)?.stack ?? error}\n`);
	process.exitCode = 2;
});
