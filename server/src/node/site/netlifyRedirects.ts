import * as path from 'path';
import type { SiteRedirect } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { entryOf, readDataTable, readTextFile, relativePath } from './siteData';

/**
 * Netlify's redirects: the `[[redirects]]` of `netlify.toml` and the lines
 * of `_redirects` files (`FROM TO [STATUS]`). Only redirects of a path of
 * this site (`/old/…`) are kept; a redirect of another host
 * (`https://example.com/*`) says nothing about this site's links. Patterns
 * (`*`, `:placeholder`) are kept as written.
 */
export interface NetlifyRedirects {
	readonly redirects: readonly SiteRedirect[];
	/** The files read, absolute. */
	readonly files: readonly string[];
}

/** Reads `netlify.toml` in `folder` and the `_redirects` files in `folder` and `publishedFolders` (absolute: Hugo's `static/`). */
export function readNetlifyRedirects(folder: string, publishedFolders: readonly string[], fileSystem: VaultFileSystem, problems: string[]): NetlifyRedirects {
	const redirects: SiteRedirect[] = [];
	const files: string[] = [];
	const netlifyToml = path.join(folder, 'netlify.toml');
	const config = readDataTable(netlifyToml, fileSystem, problems);
	if (config !== undefined) {
		files.push(netlifyToml);
		const list = entryOf(config, 'redirects');
		for (const redirect of Array.isArray(list) ? list : []) {
			const from = entryOf(redirect, 'from');
			const to = entryOf(redirect, 'to');
			if (typeof from === 'string' && typeof to === 'string' && from.startsWith('/')) {
				redirects.push({ from, to });
			}
		}
	}
	for (const where of new Set([folder, ...publishedFolders])) {
		const file = path.join(where, '_redirects');
		const text = readTextFile(file, fileSystem);
		if (text === undefined) {
			continue;
		}
		files.push(file);
		redirects.push(...parseRedirectsFile(text, relativePath(folder, file), problems));
	}
	return { redirects, files };
}

/** The redirects of a `_redirects` file's text: `FROM TO [STATUS] [CONDITIONS]` per line, `#` comments. */
export function parseRedirectsFile(text: string, file: string, problems: string[]): SiteRedirect[] {
	const redirects: SiteRedirect[] = [];
	const lines = text.split(/\r\n|\r|\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].replace(/(^|\s)#.*$/, '').trim();
		if (line === '') {
			continue;
		}
		const [from, to] = line.split(/\s+/);
		if (to === undefined) {
			problems.push(`${file}:${i + 1}: a redirect needs a path and where it goes`);
			continue;
		}
		if (from.startsWith('/')) {
			redirects.push({ from, to });
		}
	}
	return redirects;
}
