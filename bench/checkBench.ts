/**
 * Times `entity-vault check DIR --format json` as a user runs it (a new
 * process: startup, indexing, every page's diagnostics, JSON output), with its
 * peak RSS from `/usr/bin/time -v` (Debian package `time`) or, without it,
 * from polling /proc.
 */
import { spawn, spawnSync } from 'child_process';
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
	readonly error?: string;
}

const TIME = '/usr/bin/time';
const CLI = path.join(repoRoot, 'bin', 'entity-vault.js');

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

export async function benchCheck(dir: string): Promise<CheckFigures> {
	const args = [CLI, 'check', dir, '--format', 'json'];
	if (fs.existsSync(TIME)) {
		const start = performance.now();
		const result = spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
		const wallMs = performance.now() - start;
		const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
		return summarize(result.stdout, result.status, wallMs, rss ? Number(rss[1]) : undefined, result.stderr);
	}
	return new Promise(resolve => {
		const start = performance.now();
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		let stderr = '';
		let peak: number | undefined;
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', chunk => { stderr += String(chunk); });
		const poll = setInterval(() => {
			const memory = child.pid === undefined ? undefined : processMemory(child.pid);
			if (memory) {
				peak = Math.max(peak ?? 0, memory.peakKiB);
			}
		}, 10);
		child.on('close', code => {
			clearInterval(poll);
			resolve(summarize(Buffer.concat(out).toString('utf8'), code, performance.now() - start, peak, stderr));
		});
	});
}
