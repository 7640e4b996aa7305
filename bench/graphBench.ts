/**
 * Times `entityVault/graph` (the neighbourhood of a page) over JSON-RPC against the real
 * language server, on a generated vault:
 *
 *   npm run bench:generate -- --pages 100000 --out /tmp/vault100k
 *   tsc -b && node out/bench/graphBench.js /tmp/vault100k [--samples 300] [--in-process]
 *
 * Pages are sampled evenly by path, plus the most linked pages (the largest neighbourhoods);
 * each is asked at depth 1 and depth 2 with the default node bound. Prints the median and
 * p99 of the round trip as the client sees it (serialization included), and the node counts;
 * with --in-process, of the facade's `graph` call alone (the vault indexed in this process).
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { GraphResult } from '../server/src/protocol';
import { LspTestClient } from '../test/support/lspClient';
import { DEFAULT_SETTINGS } from '../server/src/service/vault/settings';
import { cacheFileFor } from '../server/src/node/indexCache';
import { IndexWorkerPool } from '../server/src/node/indexWorkerPool';
import { VaultWorkspace } from '../server/src/node/vaultWorkspace';
import { distribution } from './stats';

async function main(): Promise<void> {
	const [folder, ...rest] = process.argv.slice(2);
	if (!folder) {
		console.error('usage: node out/bench/graphBench.js VAULT_FOLDER [--samples N]');
		process.exit(2);
	}
	const samplesAt = rest.indexOf('--samples');
	const samples = samplesAt >= 0 ? Number(rest[samplesAt + 1]) : 300;
	const paths = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.map(entry => entry.split(path.sep).join('/'))
		.filter(relative => relative.endsWith('.md') && relative.includes('/') && !relative.startsWith('.'))
		.sort();
	if (rest.includes('--in-process')) {
		await inProcess(folder, paths, samples);
		return;
	}
	const started = Date.now();
	// A persisted index beside the vault: a second run starts in seconds.
	const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }], settings: {}, cacheDirectory: `${folder}.cache` });
	await client.initialize();
	await client.waitUntilIndexed(15 * 60_000);
	console.log(`${paths.length} pages indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const chosen = Array.from({ length: Math.min(samples, paths.length) }, (_, i) => paths[Math.floor((i * paths.length) / Math.min(samples, paths.length))]);
	// Warm up, then the hubs: the most linked pages of a first round's answers.
	const hubs = new Set<string>();
	for (const relative of chosen.slice(0, 20)) {
		const result = await client.connection.sendRequest('entityVault/graph', { uri: URI.file(path.join(folder, relative)).toString() }) as GraphResult;
		for (const node of [...result.nodes].sort((a, b) => b.backlinks - a.backlinks).slice(0, 2)) {
			hubs.add(node.uri);
		}
	}
	const uris = [...chosen.map(relative => URI.file(path.join(folder, relative)).toString()), ...hubs];
	for (const depth of [1, 2]) {
		const times: number[] = [];
		const nodes: number[] = [];
		const bytes: number[] = [];
		let truncated = 0;
		for (const uri of uris) {
			const before = process.hrtime.bigint();
			const result = await client.connection.sendRequest('entityVault/graph', { uri, depth }) as GraphResult;
			times.push(Number(process.hrtime.bigint() - before) / 1e6);
			nodes.push(result.nodes.length);
			bytes.push(Buffer.byteLength(JSON.stringify(result)));
			truncated += result.truncated ? 1 : 0;
		}
		const time = distribution(times);
		const size = distribution(nodes);
		const payload = distribution(bytes);
		console.log(`depth ${depth}: ${uris.length} requests (${hubs.size} hubs), median ${time.median.toFixed(2)} ms, p99 ${time.p99.toFixed(2)} ms, max ${time.max.toFixed(2)} ms; nodes median ${size.median}, max ${size.max}; ${truncated} truncated; answer median ${kib(payload.median)} KiB, max ${kib(payload.max)} KiB`);
	}
	await client.shutdown();
}

function kib(bytes: number): string {
	return (bytes / 1024).toFixed(1);
}

/** The facade's `graph` alone, timed in this process. */
async function inProcess(folder: string, paths: readonly string[], samples: number): Promise<void> {
	const pool = new IndexWorkerPool();
	const vault = new VaultWorkspace(folder, folder, folder, { settings: DEFAULT_SETTINGS, excludes: [], pool, cacheFile: cacheFileFor(`${folder}.cache`, folder) });
	const started = Date.now();
	await vault.index();
	console.log(`${paths.length} pages indexed in process in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const count = Math.min(samples, paths.length);
	const chosen = Array.from({ length: count }, (_, i) => paths[Math.floor((i * paths.length) / count)]);
	const hubs = new Set<string>();
	for (const relative of chosen.slice(0, 20)) {
		for (const node of [...vault.service.graph(relative)?.nodes ?? []].sort((a, b) => b.backlinks - a.backlinks).slice(0, 2)) {
			hubs.add(node.path);
		}
	}
	for (const depth of [1, 2]) {
		const times: number[] = [];
		const bytes: number[] = [];
		for (const relative of [...chosen, ...hubs]) {
			const before = process.hrtime.bigint();
			const graph = vault.service.graph(relative, { depth });
			times.push(Number(process.hrtime.bigint() - before) / 1e6);
			bytes.push(Buffer.byteLength(JSON.stringify(graph)));
		}
		const time = distribution(times);
		const payload = distribution(bytes);
		console.log(`in process, depth ${depth}: ${times.length} calls (${hubs.size} hubs), median ${time.median.toFixed(2)} ms, p99 ${time.p99.toFixed(2)} ms, max ${time.max.toFixed(2)} ms; answer (JSON, no URIs) median ${kib(payload.median)} KiB, max ${kib(payload.max)} KiB`);
	}
	vault.dispose();
	pool.dispose();
}

main().catch(error => {
	console.error(error);
	process.exit(1);
});
