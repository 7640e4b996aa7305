import * as path from 'path';
import * as fs from 'fs';
import * as os from 'os';

function findRepoRoot(start: string): string {
	let dir = start;
	while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'server'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error(`no repository root above ${start}`);
		}
		dir = parent;
	}
	return dir;
}

/** The repository root, whether tests run from out/ or another build folder. */
export const repoRoot = findRepoRoot(__dirname);
export const fixturesRoot = path.join(repoRoot, 'test', 'fixtures');

/** A new temporary folder (named from `prefix`) holding `files` (relative path → text); returns its path. */
export function temporaryVault(prefix: string, files: Readonly<Record<string, string>>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	for (const [relative, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
		fs.writeFileSync(path.join(dir, relative), text);
	}
	return dir;
}
