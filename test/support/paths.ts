import * as path from 'path';
import * as fs from 'fs';

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
