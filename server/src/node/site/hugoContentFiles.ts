import * as path from 'path';
import { parseFrontmatter } from '../../service/parse/frontmatter';
import type { OtherContentPage } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { isTable, parseDataText, readTextFile } from './siteData';

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
 * The vault's files in content formats other than markdown, taken from its
 * listing and followed through the watcher's events (vault-relative paths).
 * Those in the site's content folders (`SiteRules.contentFolders`) are pages
 * the site publishes: their placing fields are read when first asked for,
 * and again after the file changed. Nothing walks the disk for them.
 */
export class OtherContentFiles {
	/** Vault-relative path → the page, once read (undefined until then). */
	private readonly files = new Map<string, OtherContentPage | undefined>();
	/** Why a file's frontmatter could not be read, by file. */
	private readonly unread = new Map<string, string>();

	constructor(
		private readonly root: string,
		private readonly fileSystem: VaultFileSystem,
	) { }

	/** Takes the files of a listing (vault-relative; pages and other files too, these are picked out). */
	list(listed: readonly string[]): void {
		this.files.clear();
		this.unread.clear();
		for (const file of listed) {
			if (isOtherContentFile(file)) {
				this.files.set(file, undefined);
			}
		}
	}

	/** A file (or, deleted, a folder) created, changed or deleted: whether it was or is one of them. */
	changed(relative: string, deleted: boolean): boolean {
		if (deleted) {
			let gone = false;
			for (const file of [...this.files.keys()]) {
				if (file === relative || file.startsWith(`${relative}/`)) {
					this.files.delete(file);
					this.unread.delete(file);
					gone = true;
				}
			}
			return gone;
		}
		if (!isOtherContentFile(relative)) {
			return false;
		}
		this.files.set(relative, undefined);
		this.unread.delete(relative);
		return true;
	}

	/**
	 * The pages in `contentFolders` ('' the vault root), in path order (the
	 * first `MAX_OTHER_CONTENT_FILES`), with what could not be read of them.
	 */
	pages(contentFolders: readonly string[]): { readonly pages: readonly OtherContentPage[]; readonly problems: readonly string[] } {
		const inFolders = [...this.files.keys()].filter(file => contentFolders.some(folder => folder === '' || file.startsWith(`${folder}/`))).sort();
		const problems: string[] = [];
		if (inFolders.length > MAX_OTHER_CONTENT_FILES) {
			problems.push(`${inFolders.length} content files in formats other than markdown: the first ${MAX_OTHER_CONTENT_FILES} are read as published pages, links to the others are reported broken`);
			inFolders.length = MAX_OTHER_CONTENT_FILES;
		}
		const pages = inFolders.map(file => {
			let page = this.files.get(file);
			if (page === undefined) {
				const data = placingFields(path.join(this.root, file), this.fileSystem);
				if (typeof data === 'string') {
					this.unread.set(file, data);
				}
				page = Object.freeze({ path: file, data: Object.freeze(typeof data === 'string' ? {} : data) });
				this.files.set(file, page);
			}
			const why = this.unread.get(file);
			if (why !== undefined) {
				problems.push(`${file}: its frontmatter cannot be parsed (${why}); its URL is taken from its path`);
			}
			return page;
		});
		return { pages, problems };
	}
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

/** The fields that place a content file's page, or why its frontmatter cannot be parsed. */
function placingFields(file: string, fileSystem: VaultFileSystem): Record<string, unknown> | string {
	const text = readTextFile(file, fileSystem);
	const data = text === undefined ? undefined : frontmatterData(text);
	if (typeof data === 'string') {
		return data;
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
