import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

/** What `entity-vault check --format json` reports (the fields the tests compare). */
export interface CheckReport {
	readonly root: string;
	readonly files: number;
	readonly pages: number;
	readonly diagnostics: readonly { file: string; line: number; column: number; code: string; message: string; severity: string }[];
}

/** Runs the `entity-vault` command (bin/entity-vault.js) with `args`, from the repository root. */
export function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault.js'), ...args], { encoding: 'utf8', cwd: repoRoot });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the `check` command on a folder, as CI does (`args` added), and parses
 * its JSON report; fails unless it exits 0 (no error) or 1 (errors found).
 */
export function checkFolder(folder: string, ...args: string[]): CheckReport {
	const result = runCli('check', folder, '--format', 'json', ...args);
	if (result.status !== 0 && result.status !== 1) {
		throw new Error(`check failed (${result.status}): ${result.stderr}`);
	}
	return JSON.parse(result.stdout) as CheckReport;
}

/** The markdown files of a folder (dot-folders left out), by `/`-separated relative path. */
export function markdownFilesIn(folder: string): Map<string, string> {
	const texts = new Map<string, string>();
	for (const entry of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		const relative = entry.split(path.sep).join('/');
		if (relative.endsWith('.md') && !relative.split('/').some(segment => segment.startsWith('.'))) {
			texts.set(relative, fs.readFileSync(path.join(folder, entry), 'utf8'));
		}
	}
	return texts;
}
