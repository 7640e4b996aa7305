import * as path from 'path';
import { parseFrontmatter } from '../../service/parse/frontmatter';
import type { OtherContentPage } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { isTable, parseDataText, readTextFile, relativePath } from './siteData';

/**
 * Hugo's content files in the formats Entity Vault does not read as
 * markdown (Hugo's "content formats": HTML, Emacs Org Mode, AsciiDoc, Pandoc,
 * reStructuredText, and markdown's third extension `.mdown`): each is a page
 * the site publishes, so a link to it is not broken. Only their frontmatter
 * is read (YAML and TOML as a page's, or JSON; parsed, never executed), for what places the
 * page: `url`, `slug`, and `date` and `title` for a permalink pattern.
 */

const OTHER_CONTENT_FILE = /\.(?:html?|org|ad|adoc|asciidoc|pandoc|pdc|rst|mdown)$/i;
/** More than this many such files: the rest are not read (and said). */
const MAX_OTHER_CONTENT_FILES = 20_000;
/** The frontmatter fields that place a page. */
const PLACING_FIELDS: readonly string[] = ['url', 'slug', 'date', 'title'];

/** Whether a file name has the extension of a content format other than markdown. */
export function isOtherContentFile(file: string): boolean {
	return OTHER_CONTENT_FILE.test(file);
}

/**
 * The pages in other formats under the content folders (absolute; those
 * outside `root` are left out), with their paths relative to `root` and the
 * fields that place them, in path order. `problems` gets a file whose
 * frontmatter cannot be parsed (its URL then comes from its path) and a cut list.
 */
export function otherContentPages(contentFolders: readonly string[], root: string, fileSystem: VaultFileSystem, problems: string[]): OtherContentPage[] {
	const files: string[] = [];
	const seen = new Set<string>();
	const walk = (folder: string): void => {
		let entries;
		try {
			entries = fileSystem.readDirectory(folder);
		} catch {
			return;
		}
		for (const entry of entries) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') {
				continue;
			}
			const child = path.join(folder, entry.name);
			if (entry.isDirectory) {
				walk(child);
			} else if (entry.isFile && isOtherContentFile(entry.name)) {
				files.push(child);
			}
		}
	};
	for (const folder of contentFolders) {
		const rel = relativePath(root, folder);
		if (seen.has(folder) || rel.startsWith('..') || path.isAbsolute(rel)) {
			continue;
		}
		seen.add(folder);
		walk(folder);
	}
	files.sort();
	if (files.length > MAX_OTHER_CONTENT_FILES) {
		problems.push(`${files.length} content files in formats other than markdown: the first ${MAX_OTHER_CONTENT_FILES} are read as published pages, links to the others are reported broken`);
		files.length = MAX_OTHER_CONTENT_FILES;
	}
	return files.map(file => Object.freeze({ path: relativePath(root, file), data: Object.freeze(placingFields(file, fileSystem, problems)) }));
}

/**
 * The frontmatter data of a content file: YAML and TOML read as a page's are
 * (`parseFrontmatter`), JSON (Hugo's third format, which pages do not take)
 * as the object that ends on a line of its own. Undefined when it has none;
 * a string saying why when it cannot be parsed.
 */
function frontmatterData(text: string): unknown {
	if (text.startsWith('{')) {
		const end = /\n\}[ \t]*(?:\r?\n|$)/.exec(text);
		if (end === null) {
			return undefined;
		}
		try {
			return parseDataText('frontmatter.json', text.slice(0, end.index + 2));
		} catch (error) {
			return (error as Error).message.split('\n')[0];
		}
	}
	const frontmatter = parseFrontmatter(text);
	const syntax = frontmatter.problems.find(problem => problem.kind === 'syntax');
	return syntax !== undefined ? syntax.message : frontmatter.data;
}

function placingFields(file: string, fileSystem: VaultFileSystem, problems: string[]): Record<string, unknown> {
	const text = readTextFile(file, fileSystem);
	const data = text === undefined ? undefined : frontmatterData(text);
	if (typeof data === 'string') {
		problems.push(`${file}: its frontmatter cannot be parsed (${data}); its URL is taken from its path`);
		return {};
	}
	const fields: Record<string, unknown> = {};
	if (isTable(data)) {
		for (const [key, value] of Object.entries(data)) {
			const field = key.toLowerCase();
			if (PLACING_FIELDS.includes(field) && typeof value === 'string') {
				fields[field] = value;
			}
		}
	}
	return fields;
}
