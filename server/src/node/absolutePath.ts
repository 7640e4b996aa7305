import * as path from 'path';

/** The absolute path of a vault-relative, `/`-separated path under `root`, in the platform's separators. */
export function absolutePath(root: string, relative: string): string {
	return path.join(root, ...relative.split('/'));
}
