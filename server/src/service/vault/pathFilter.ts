import { compileGlob, type CompiledGlob } from './globs';

/**
 * Which vault paths are skipped: dot-folders and files, `node_modules`, and
 * the user's exclude globs (picomatch, see globs.ts), each matched against
 * the vault-relative path and each of its folders (`drafts` excludes
 * everything under `drafts/`). A pattern with a leading `!` includes again
 * what an earlier one excluded (`drafts/**`, `!drafts/keep.md`): the last
 * pattern matching the path or one of its folders decides, as in a
 * `.gitignore`, and a folder is still walked when such a pattern may
 * include something under it.
 */
const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['node_modules']);

export class PathFilter {
	private readonly patterns: CompiledGlob[];

	constructor(excludes: readonly string[] = []) {
		this.patterns = excludes.filter(glob => glob.trim() !== '' && glob.trim() !== '!').map(compileGlob);
	}

	/** `name` is one path segment, `path` the vault-relative path it ends; `folder`: a folder, walked unless nothing under it can be included. */
	isSkipped(path: string, name: string, folder = false): boolean {
		if (name.startsWith('.') || ALWAYS_SKIPPED.has(name)) {
			return true;
		}
		return this.isExcluded(path) && !(folder && this.mayIncludeUnder(path));
	}

	/** The last pattern matching the path or one of its folders excludes it. */
	private isExcluded(path: string): boolean {
		const prefixes: string[] = [];
		for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
			prefixes.push(path.slice(0, slash));
		}
		prefixes.push(path);
		let excluded = false;
		for (const pattern of this.patterns) {
			if (prefixes.some(prefix => pattern.matches(prefix))) {
				excluded = !pattern.negated;
			}
		}
		return excluded;
	}

	/** A `!` pattern may match a path under this folder. */
	private mayIncludeUnder(path: string): boolean {
		return this.patterns.some(pattern => pattern.negated
			&& (pattern.base === '' || pattern.base.startsWith(`${path}/`) || path === pattern.base || path.startsWith(`${pattern.base}/`)));
	}
}
