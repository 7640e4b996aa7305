import * as path from 'path';
import type { OtherContentPage } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { isTable, parseDataText, readTextFile, relativePath } from './siteData';

/**
 * Hugo's content files in the formats Entity Vault does not read as
 * markdown (Hugo's "content formats": HTML, Emacs Org Mode, AsciiDoc, Pandoc,
 * reStructuredText, and markdown's third extension `.mdown`): each is a page
 * the site publishes, so a link to it is not broken. Only their frontmatter
 * is read (YAML, TOML or JSON, parsed, never executed), for what places the
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

/** The frontmatter block of a content file and the format it is in, as Hugo finds it at the top of the file. */
function frontmatterBlock(text: string): { block: string; format: '.yaml' | '.toml' | '.json' } | undefined {
	const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
	if (fence !== null) {
		const closing = new RegExp(`\\r?\\n${fence[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(fence[0].length - 1));
		return closing === null ? undefined : { block: text.slice(fence[0].length, fence[0].length - 1 + closing.index), format: fence[1] === '---' ? '.yaml' : '.toml' };
	}
	if (text.startsWith('{')) {
		// JSON: the object that ends on a line of its own.
		const end = /\n\}[ \t]*(?:\r?\n|$)/.exec(text);
		return end === null ? undefined : { block: text.slice(0, end.index + 2), format: '.json' };
	}
	return undefined;
}

function placingFields(file: string, fileSystem: VaultFileSystem, problems: string[]): Record<string, unknown> {
	const text = readTextFile(file, fileSystem);
	const found = text === undefined ? undefined : frontmatterBlock(text);
	if (found === undefined) {
		return {};
	}
	let data: unknown;
	try {
		data = parseDataText(`frontmatter${found.format}`, found.block);
	} catch (error) {
		problems.push(`${file}: its frontmatter cannot be parsed (${(error as Error).message.split('\n')[0]}); its URL is taken from its path`);
		return {};
	}
	const fields: Record<string, unknown> = {};
	if (isTable(data)) {
		for (const [key, value] of Object.entries(data)) {
			const field = key.toLowerCase();
			if (PLACING_FIELDS.includes(field) && (typeof value === 'string' || value instanceof Date)) {
				fields[field] = value instanceof Date ? value.toISOString() : value;
			}
		}
	}
	return fields;
}
