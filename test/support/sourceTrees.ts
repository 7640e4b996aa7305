import * as fs from 'fs';
import * as path from 'path';

/** The trees of the repository that hold its own code (client, server, tests, benchmarks, scripts). */
export const SOURCE_TREES = ['client/src', 'server/src', 'test', 'bench', 'scripts'];

export interface SourceWalk {
	/** True for a folder (absolute path) not to descend into; `node_modules` is never entered. */
	readonly skipFolder: (folder: string) => boolean;
	/** True for a file name to list. */
	readonly keepFile: (name: string) => boolean;
}

/** The files under `dir` (absolute paths, depth first) that `walk` keeps; none when `dir` does not exist. */
export function sourceFilesUnder(dir: string, walk: SourceWalk): string[] {
	if (!fs.existsSync(dir)) {
		return [];
	}
	const files: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'node_modules' && !walk.skipFolder(full)) {
			files.push(...sourceFilesUnder(full, walk));
		} else if (entry.isFile() && walk.keepFile(entry.name)) {
			files.push(full);
		}
	}
	return files;
}
