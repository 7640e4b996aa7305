/**
 * Which vault paths are skipped: dot-folders and files, `node_modules`, and
 * the user's exclude globs (`**` any folders, `*` within a segment, `?` one
 * character), matched against the vault-relative path and each of its folders.
 */
const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['node_modules']);

function globToRegExp(glob: string): RegExp {
	let source = '';
	const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*') {
			if (pattern[i + 1] === '*') {
				i++;
				if (pattern[i + 1] === '/') {
					i++;
					source += '(?:.*/)?';
				} else {
					source += '.*';
				}
			} else {
				source += '[^/]*';
			}
		} else if (c === '?') {
			source += '[^/]';
		} else {
			source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
		}
	}
	return new RegExp(`^${source}$`);
}

export class PathFilter {
	private readonly patterns: RegExp[];

	constructor(excludes: readonly string[] = []) {
		this.patterns = excludes.filter(glob => glob.trim() !== '').map(glob => globToRegExp(glob.trim()));
	}

	/** `name` is one path segment, `path` the vault-relative path it ends. */
	isSkipped(path: string, name: string): boolean {
		if (name.startsWith('.') || ALWAYS_SKIPPED.has(name)) {
			return true;
		}
		return this.patterns.some(pattern => pattern.test(path));
	}
}
