/**
 * The benchmark of issue 5: `npm run bench [-- --sizes 1000,10000,100000 --seed 1 --requests 500 --edits 50]`.
 *
 * For each size: a generated vault (cached under .bench/), the real server
 * over JSON-RPC (bench/serverBench.ts), `entity-vault check`
 * (bench/checkBench.ts), and, in a separate `--expose-gc` process, the floor,
 * our in-process indexing with its retained heap, and the peer
 * (bench/inProcessBench.ts). Prints a table, writes .bench/results-DATE.json
 * and the results section of docs/performance.md.
 *
 * Other flags: --no-peer, --no-in-process (no floor, ours in process nor peer), --no-check,
 * --no-server, --no-second-start, --no-docs;
 * --report FILE prints (and writes to the docs) the results of an earlier run without measuring.
 */
import { forEachFlag } from './commandLine';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../test/support/paths';
import { benchCheck } from './checkBench';
import type { InProcessFigures } from './inProcessBench';
import { judgeScaleTargets } from './scaleTargets';
import { describeMachine, judgeTargets, markdownTable, targetsTable, terminalTable, type BenchResults, type SizeResult } from './report';
import { benchServer, REQUEST_KINDS } from './serverBench';
import { benchDir, cachedVault } from './vaultCache';

interface RunOptions {
	sizes: number[];
	seed: number;
	requests: number;
	edits: number;
	peer: boolean;
	/** The in-process figures: floor, ours, retained heap, peer. */
	inProcess: boolean;
	check: boolean;
	server: boolean;
	secondStart: boolean;
	docs: boolean;
	/** A results JSON to report instead of measuring. */
	report?: string;
}

function parseArguments(argv: readonly string[]): RunOptions {
	const options: RunOptions = { sizes: [1000, 10000, 100000], seed: 1, requests: 500, edits: 50, peer: true, inProcess: true, check: true, server: true, secondStart: true, docs: true };
	forEachFlag(argv, (flag, value, argument) => {
		const positive = (text: string): number => {
			const n = Number(text);
			if (!Number.isInteger(n) || n < 1) {
				throw new Error(`${flag} takes positive integers, not ${text}`);
			}
			return n;
		};
		switch (flag) {
			case '--sizes': options.sizes = value().split(',').map(positive); break;
			case '--seed': options.seed = Number(value()); break;
			case '--requests': options.requests = positive(value()); break;
			case '--edits': options.edits = positive(value()); break;
			case '--no-peer': options.peer = false; break;
			case '--no-check': options.check = false; break;
			case '--no-in-process': options.inProcess = false; options.peer = false; break;
			case '--no-server': options.server = false; break;
			case '--no-second-start': options.secondStart = false; break;
			case '--no-docs': options.docs = false; break;
			case '--report': options.report = value(); break;
			default: throw new Error(`unknown argument ${argument}`);
		}
	});
	return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs bench/inProcessBench.js in its own process, with a GC to force and room for the peer's documents. */
function runInProcess(dir: string, peer: boolean): Promise<InProcessFigures> {
	return new Promise((resolve, reject) => {
		const args = ['--expose-gc', '--max-old-space-size=16384', path.join(__dirname, 'inProcessBench.js'), '--dir', dir];
		if (!peer) {
			args.push('--skip-peer');
		}
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => { stdout += String(chunk); });
		child.stderr.on('data', chunk => { stderr += String(chunk); });
		child.on('close', code => {
			if (code !== 0) {
				reject(new Error(`in-process bench failed (${code}): ${stderr.slice(0, 1000)}`));
				return;
			}
			try {
				resolve(JSON.parse(stdout.trim().split('\n').pop()!) as InProcessFigures);
			} catch (error) {
				reject(new Error(`in-process bench printed no result: ${(error as Error).message}\n${stderr.slice(0, 1000)}`));
			}
		});
	});
}

async function benchSize(pages: number, options: RunOptions): Promise<SizeResult> {
	log(`\n${pages.toLocaleString('en-US')} pages`);
	const vault = cachedVault(pages, options.seed, log);
	const errors: string[] = [];
	const result: { -readonly [K in keyof SizeResult]: SizeResult[K] } = { pages, vault: { ...vault.stats, generatedInSeconds: vault.generatedInSeconds }, errors };
	if (options.server) {
		try {
			result.server = await benchServer({
				dir: vault.dir, pages, seed: options.seed, requests: options.requests, warmup: 50, kinds: REQUEST_KINDS,
				edits: options.edits, secondStart: options.secondStart, log,
			});
			for (const [kind, figures] of Object.entries(result.server.requests)) {
				if (figures?.error) {
					errors.push(`server: ${kind}: ${figures.error}`);
				}
			}
			if (result.server.edit?.error) {
				errors.push(`server: edits: ${result.server.edit.error}`);
			} else if (result.server.edit && result.server.edit.unexpected > 0) {
				errors.push(`server: ${result.server.edit.unexpected} edits published diagnostics that did not gain or lose the broken link`);
			}
		} catch (error) {
			errors.push(`server: ${(error as Error).message}`);
		}
	}
	if (options.check) {
		log('  check…');
		result.check = await benchCheck(vault.dir);
		if (result.check.error) {
			errors.push(`check: ${result.check.error}`);
		} else if (!result.check.timedOut && result.check.files !== pages) {
			errors.push(`check: reported ${result.check.files} files, the vault has ${pages}`);
		}
	}
	if (options.inProcess) {
		log(`  in-process: floor, ours${options.peer ? ', peer' : ''}…`);
		try {
			result.inProcess = await runInProcess(vault.dir, options.peer);
		} catch (error) {
			errors.push((error as Error).message);
		}
	}
	for (const error of errors) {
		log(`  ERROR ${error}`);
	}
	return result;
}

const RESULTS_START = '<!-- bench:results:start -->';
const RESULTS_END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/performance.md, keeping what is written around it. */
function writeDocs(results: BenchResults): string {
	const file = path.join(repoRoot, 'docs', 'performance.md');
	const m = results.machine;
	const generated = [
		RESULTS_START,
		`_Generated by \`npm run bench\` on ${results.date} (seed ${results.seed}, ${results.requestsPerKind} requests per kind, ${results.edits} edits)._`,
		'',
		'### Machine',
		'',
		`- CPU: ${m.cpuModel}, \`nproc\` = ${m.cpus} (shared with other jobs: 1-minute load average ${m.loadAverage.toFixed(1)} at the start)`,
		`- Memory: ${m.memoryGiB} GiB; \`free -g\`:`,
		'',
		'```',
		m.freeGiB,
		'```',
		'',
		`- Node ${m.node}, ${m.platform}`,
		'',
		'### Results',
		'',
		markdownTable(results),
		'',
		'### Targets (issue 5)',
		'',
		targetsTable(judgeTargets(results)),
		'',
		'### Targets (issue 14)',
		'',
		targetsTable(judgeScaleTargets(results)),
		RESULTS_END,
	].join('\n');
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		text = `# Performance\n\n${RESULTS_START}\n${RESULTS_END}\n`;
	}
	const start = text.indexOf(RESULTS_START);
	const end = text.indexOf(RESULTS_END);
	text = start >= 0 && end > start
		? text.slice(0, start) + generated + text.slice(end + RESULTS_END.length)
		: `${text.trimEnd()}\n\n${generated}\n`;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
	return file;
}

async function main(): Promise<number> {
	let options: RunOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		log(`bench: ${(error as Error).message}`);
		return 2;
	}
	let results: BenchResults;
	let jsonFile: string;
	if (options.report) {
		jsonFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.report);
		results = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as BenchResults;
	} else {
		const machine = describeMachine();
		log(`Benchmark on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAverage.toFixed(1)}`);
		const sizes: SizeResult[] = [];
		for (const pages of [...options.sizes].sort((a, b) => a - b)) {
			sizes.push(await benchSize(pages, options));
		}
		results = { date: new Date().toISOString(), seed: options.seed, requestsPerKind: options.requests, edits: options.edits, machine, sizes };
		fs.mkdirSync(benchDir, { recursive: true });
		jsonFile = path.join(benchDir, `results-${results.date.replace(/[:.]/g, '-')}.json`);
		fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
	}
	process.stdout.write(`\n${terminalTable(results)}\n\n`);
	for (const verdict of [...judgeTargets(results), ...judgeScaleTargets(results)]) {
		process.stdout.write(`${verdict.met === undefined ? 'n/a   ' : verdict.met ? 'met   ' : 'MISSED'} ${verdict.figure} (${verdict.target}): ${verdict.measured}${verdict.met !== true && verdict.note ? ` — ${verdict.note}` : ''}\n`);
	}
	process.stdout.write(`\nResults: ${path.relative(repoRoot, jsonFile)}\n`);
	if (options.docs) {
		process.stdout.write(`Table: ${path.relative(repoRoot, writeDocs(results))}\n`);
	}
	return results.sizes.some(size => size.errors.length > 0) ? 1 : 0;
}

main().then(code => { process.exitCode = code; }, error => { log(`bench: ${(error as Error).stack ?? error}`); process.exitCode = 1; });
