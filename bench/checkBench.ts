/**
 * Times `entity-vault check DIR --format json` as a user runs it (a new
 * process: startup, indexing, every page's diagnostics, JSON output), with its
 * peak RSS from `/usr/bin/time -v` (Debian package `time`) or, without it,
 * from polling /proc.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../test/support/paths';
import { processMemory } from './stats';

export interface CheckFigures {
	readonly wallMs: number;
	readonly peakRssKiB?: number;
	readonly files: number;
	readonly exitCode: number | null;
	/** Diagnostics by code, as `check` reported them. */
	readonly diagnostics: Record<string, number>;
	/** The run was stopped after `wallMs`: it would have taken longer. */
	readonly timedOut?: boolean;
	readonly error?: string;
}

const TIME = '/usr/bin/time';
const CLI = path.join(repoRoot, 'bin', 'entity-vault.js');

/** `check` is stopped after this long. */
export const CHECK_TIMEOUT_MS = 300_000;

function summarize(stdout: string, exitCode: number | null, wallMs: number, peakRssKiB: number | undefined, stderr: string): CheckFigures {
	const diagnostics: Record<string, number> = {};
	try {
		const report = JSON.parse(stdout) as { files: number; diagnostics: { code: string }[] };
		for (const diagnostic of report.diagnostics) {
			diagnostics[diagnostic.code] = (diagnostics[diagnostic.code] ?? 0) + 1;
		}
		const failed = exitCode !== 0 && exitCode !== 1;
		return { wallMs, peakRssKiB, files: report.files, exitCode, diagnostics, error: failed ? `exit status ${exitCode}` : undefined };
	} catch {
		return { wallMs, peakRssKiB, files: 0, exitCode, diagnostics, error: `no JSON report (exit status ${exitCode}): ${stderr.slice(0, 500)}` };
	}
}

export function benchCheck(dir: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckFigures> {
	const args = [CLI, 'check', dir, '--format', 'json'];
	const withTime = fs.existsSync(TIME);
	return new Promise(resolve => {
		const start = performance.now();
		// Its own process group, so a timeout stops `time` and `node` together.
		const child = withTime
			? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
			: spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const out: Buffer[] = [];
		let stderr = '';
		let polledPeak: number | undefined;
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', chunk => { stderr += String(chunk); });
		const poll = withTime ? undefined : setInterval(() => {
			const memory = child.pid === undefined ? undefined : processMemory(child.pid);
			if (memory) {
				polledPeak = Math.max(polledPeak ?? 0, memory.peakKiB);
			}
		}, 10);
		const timer = setTimeout(() => {
			timedOut = true;
			if (child.pid !== undefined) {
				process.kill(-child.pid, 'SIGKILL');
			}
		}, timeoutMs);
		child.on('close', code => {
			const wallMs = performance.now() - start;
			clearInterval(poll);
			clearTimeout(timer);
			if (timedOut) {
				resolve({ wallMs, peakRssKiB: polledPeak, files: 0, exitCode: null, diagnostics: {}, timedOut: true });
				return;
			}
			const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
			resolve(summarize(Buffer.concat(out).toString('utf8'), code, wallMs, rss ? Number(rss[1]) : polledPeak, stderr));
		});
	});
}
