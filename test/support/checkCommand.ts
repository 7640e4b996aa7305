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

/** Runs the `check` command on a folder, as CI does, and parses its JSON report. */
export function checkFolder(folder: string): CheckReport {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault.js'), 'check', folder, '--format', 'json'], { encoding: 'utf8' });
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
