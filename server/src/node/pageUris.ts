import * as path from 'path';
import { URI } from 'vscode-uri';
import { absolutePath } from './absolutePath';

/**
 * The file URIs of a vault's pages, as `URI.file(absolute path).toString()`
 * spells them, made without parsing a URI per page when the vault-relative
 * path needs no encoding: a references answer names thousands of linking
 * pages, and building each one's URI was a third of its time at 100,000 pages.
 */
export class PageUris {
	/** The URI of the root with a trailing slash: what a plain relative path is appended to. */
	private readonly prefix: string;

	constructor(private readonly root: string) {
		// The URI of a child named `x`, less the `x`: the root's own spelling (drive letter, encoding, separators) as URI.file makes it.
		const child = URI.file(path.join(root, 'x')).toString();
		this.prefix = child.slice(0, -1);
	}

	/** The file URI of the page at a vault-relative path. */
	uriOf(relative: string): string {
		return isPlainRelativePath(relative) ? this.prefix + relative : URI.file(absolutePath(this.root, relative)).toString();
	}
}

/**
 * Whether a vault-relative path is written only with the characters a URI
 * path keeps as they are (RFC 3986's unreserved ones and `/`), in segments
 * that `path.join` keeps as they are (none empty, none `.` or `..`).
 */
export function isPlainRelativePath(relative: string): boolean {
	let segmentStart = 0;
	for (let i = 0; i <= relative.length; i++) {
		const code = i < relative.length ? relative.charCodeAt(i) : 47;
		if (code === 47) {
			const length = i - segmentStart;
			if (length === 0 || (length <= 2 && relative.charCodeAt(segmentStart) === 46 && (length === 1 || relative.charCodeAt(segmentStart + 1) === 46))) {
				return false;
			}
			segmentStart = i + 1;
		} else if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 95 || code === 126)) {
			return false;
		}
	}
	return true;
}
