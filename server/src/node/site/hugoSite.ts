import * as path from 'path';
import { DEFAULT_SITE_RULES, type ContentLanguage, type HeadingIdStyle, type SiteRules } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { DATA_EXTENSIONS, entryAt, entryOf, isFolder, isInsideFolder, isTable, mergeTables, readDataTable, relativePath, type DataTable } from './siteData';

/**
 * Hugo's configuration, read as Hugo reads it (never executed): the root
 * file (`hugo.toml|yaml|json`, else `config.*`), merged over the files of
 * `config/_default/` (`params.toml` is the `params` table, `languages.de.toml`
 * the `de` language, `menu.de.toml` the `menu` of `de`). Keys are compared
 * without regard to letter case, as Hugo does.
 */

const ROOT_FILE_NAMES: readonly string[] = ['hugo', 'config'].flatMap(name => DATA_EXTENSIONS.map(extension => name + extension));

export interface HugoConfig {
	/** The files read, absolute, root file first. */
	readonly files: readonly string[];
	readonly config: DataTable;
	readonly problems: readonly string[];
}

/** Reads a Hugo site's configuration in `folder`; undefined when the folder has none (it is not a Hugo site). */
export function readHugoConfig(folder: string, fileSystem: VaultFileSystem): HugoConfig | undefined {
	const problems: string[] = [];
	const files: string[] = [];
	let root: DataTable | undefined;
	for (const name of ROOT_FILE_NAMES) {
		const file = path.join(folder, name);
		const table = readDataTable(file, fileSystem, problems);
		if (table !== undefined) {
			root = table;
			files.push(file);
			break;
		}
	}
	const configDir = entryOf(root, 'configDir');
	const defaults = path.join(folder, typeof configDir === 'string' ? configDir : 'config', '_default');
	let merged: DataTable = {};
	for (const name of configFolderFiles(defaults, fileSystem)) {
		const file = path.join(defaults, name);
		const table = readDataTable(file, fileSystem, problems);
		if (table === undefined) {
			continue;
		}
		files.push(file);
		merged = mergeTables(merged, placed(name, table));
	}
	if (root === undefined && files.length === 0) {
		return problems.length > 0 ? { files: [], config: {}, problems } : undefined;
	}
	// The root file wins over the configuration folder.
	return { files, config: root === undefined ? merged : mergeTables(merged, root), problems };
}

/** The data files of a configuration folder, in name order. */
function configFolderFiles(folder: string, fileSystem: VaultFileSystem): string[] {
	if (!isFolder(folder, fileSystem)) {
		return [];
	}
	try {
		return fileSystem.readDirectory(folder)
			.filter(entry => !entry.isDirectory && DATA_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
			.map(entry => entry.name)
			.sort();
	} catch {
		return [];
	}
}

/** Where a configuration folder's file goes: `hugo.toml` at the top, `params.toml` under `params`, `menu.de.toml` under `languages.de.menu`. */
function placed(name: string, table: DataTable): DataTable {
	const parts = name.slice(0, name.length - path.extname(name).length).split('.');
	const [key, language] = parts;
	if (parts.length === 1) {
		return key === 'hugo' || key === 'config' ? table : { [key]: table };
	}
	if (key === 'languages') {
		return { languages: { [language]: table } };
	}
	return { languages: { [language]: { [key]: table } } };
}

interface HugoMount {
	readonly source: string;
	readonly target: string;
	/** The languages it is mounted for (`lang`, or `sites.matrix.languages`); empty: all. */
	readonly languages: readonly string[];
	/** Mounted from an imported module: its source is never in this site. */
	readonly imported: boolean;
}

function mountsOf(config: DataTable): HugoMount[] {
	const mounts: HugoMount[] = [];
	const add = (list: unknown, imported: boolean): void => {
		if (!Array.isArray(list)) {
			return;
		}
		for (const mount of list) {
			const source = entryOf(mount, 'source');
			const target = entryOf(mount, 'target');
			if (typeof source !== 'string' || typeof target !== 'string') {
				continue;
			}
			const lang = entryOf(mount, 'lang');
			const matrix = entryAt(mount, 'sites', 'matrix', 'languages');
			const languages = typeof lang === 'string' && lang !== '' ? [lang] : Array.isArray(matrix) ? matrix.filter((item): item is string => typeof item === 'string') : [];
			mounts.push({ source, target: target.replace(/\\/g, '/').replace(/^\/+|\/+$/g, ''), languages, imported });
		}
	};
	add(entryAt(config, 'module', 'mounts'), false);
	const imports = entryAt(config, 'module', 'imports');
	if (Array.isArray(imports)) {
		for (const imported of imports) {
			add(entryOf(imported, 'mounts'), true);
		}
	}
	return mounts;
}

interface HugoLanguage {
	readonly code: string;
	readonly contentDir?: string;
}

/** The site's enabled languages, by weight then code. */
function languagesOf(config: DataTable): HugoLanguage[] {
	const table = entryOf(config, 'languages');
	if (!isTable(table)) {
		return [];
	}
	const disabled = entryOf(config, 'disableLanguages');
	const off = new Set(Array.isArray(disabled) ? disabled.filter((code): code is string => typeof code === 'string').map(code => code.toLowerCase()) : []);
	return Object.entries(table)
		.filter(([code, language]) => !off.has(code.toLowerCase()) && entryOf(language, 'disabled') !== true)
		.map(([code, language]) => {
			const weight = entryOf(language, 'weight');
			const contentDir = entryOf(language, 'contentDir');
			return { code, weight: typeof weight === 'number' ? weight : 0, contentDir: typeof contentDir === 'string' && contentDir.trim() !== '' ? contentDir.trim() : undefined };
		})
		.sort((a, b) => a.weight - b.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
		.map(({ code, contentDir }) => (contentDir === undefined ? { code } : { code, contentDir }));
}

function defaultLanguageOf(config: DataTable): string {
	const code = entryOf(config, 'defaultContentLanguage');
	return typeof code === 'string' && code.trim() !== '' ? code.trim() : 'en';
}

function isOutsideSite(source: string): boolean {
	return path.isAbsolute(source) || source.replace(/\\/g, '/').split('/').includes('..');
}

/**
 * The content folder of the default language, relative to the site folder:
 * the source of a mount onto `content` for that language (hugoDocs mounts
 * `content/en`), else its `contentDir`, else the site's `contentDir`, else
 * `content`.
 */
export function hugoContentDir(config: DataTable): string {
	const defaultLanguage = defaultLanguageOf(config);
	const mount = mountsOf(config).find(candidate => !candidate.imported && candidate.target === 'content' && !isOutsideSite(candidate.source)
		&& (candidate.languages.length === 0 || candidate.languages.includes(defaultLanguage)));
	if (mount !== undefined) {
		return mount.source;
	}
	const language = languagesOf(config).find(candidate => candidate.code === defaultLanguage);
	if (language?.contentDir !== undefined) {
		return language.contentDir;
	}
	const contentDir = entryOf(config, 'contentDir');
	return typeof contentDir === 'string' && contentDir.trim() !== '' ? contentDir.trim() : 'content';
}

const HEADING_ID_STYLES: readonly HeadingIdStyle[] = ['github', 'github-ascii', 'blackfriday'];

/**
 * The site rules of a Hugo site whose configuration is `config`, for a vault
 * at `root` (absolute) of the site in `folder`. `problems` gets what could
 * not be used.
 */
export function hugoSiteRules(config: DataTable, folder: string, root: string, fileSystem: VaultFileSystem, problems: string[]): SiteRules {
	const parser = entryAt(config, 'markup', 'goldmark', 'parser');
	const idType = entryOf(parser, 'autoHeadingIDType');
	let headingIds: HeadingIdStyle = 'github';
	if (typeof idType === 'string' && HEADING_ID_STYLES.includes(idType.toLowerCase() as HeadingIdStyle)) {
		headingIds = idType.toLowerCase() as HeadingIdStyle;
	} else if (idType !== undefined) {
		problems.push(`markup.goldmark.parser.autoHeadingIDType ${JSON.stringify(idType)} is not one of ${HEADING_ID_STYLES.join(', ')}: github is used`);
	}
	const languages = contentLanguages(config, folder, root);
	return Object.freeze({
		...DEFAULT_SITE_RULES,
		generator: 'hugo',
		lowercaseUrls: entryOf(config, 'disablePathToLower') !== true,
		externalPrefixes: Object.freeze(externalPrefixes(config, folder, root, languages, problems)),
		aliasFields: Object.freeze(['aliases']),
		permalinks: Object.freeze(permalinksOf(config)),
		uglyUrls: Object.freeze(uglyUrlSections(config)),
		languages: Object.freeze(languages),
		defaultLanguage: languages.length > 0 ? defaultLanguageOf(config) : '',
		headingIds,
		headingAttributes: entryOf(entryOf(parser, 'attribute'), 'title') !== false,
		definitionTermIds: entryOf(parser, 'autoDefinitionTermID') === true,
		staticFolders: Object.freeze(staticFolders(config, folder, root, fileSystem)),
		taxonomies: Object.freeze(taxonomiesOf(config)),
		generatedFiles: Object.freeze(generatedFilesOf(config)),
		// hugoDocs' `include` shortcode (layouts/_shortcodes/include.html) renders a content page in place; sites with their own name set `site.includeShortcodes`.
		includeShortcodes: Object.freeze(['include']),
		contentFolders: Object.freeze(contentFoldersInRoot(config, folder, root, languages)),
	} satisfies SiteRules);
}

/**
 * The content folders inside the vault root, relative to it ('' the root
 * itself, `/`-separated): the default language's and each language's own.
 */
function contentFoldersInRoot(config: DataTable, folder: string, root: string, languages: readonly ContentLanguage[]): string[] {
	const folders = [path.resolve(folder, hugoContentDir(config))];
	for (const language of languages) {
		if (language.contentDir !== undefined) {
			folders.push(path.resolve(root, language.contentDir));
		}
	}
	const inRoot = folders.map(content => relativePath(root, content)).filter(relative => !relative.startsWith('..') && !path.isAbsolute(relative));
	return [...new Set(inRoot.map(relative => (relative === '.' ? '' : relative)))];
}

/** The page kinds `disableKinds` turns off, lower case. */
function disabledKinds(config: DataTable): Set<string> {
	const kinds = entryOf(config, 'disableKinds');
	return new Set(Array.isArray(kinds) ? kinds.filter((kind): kind is string => typeof kind === 'string').map(kind => kind.toLowerCase()) : []);
}

/** The taxonomies' URL names (`taxonomies = { tag = 'tags' }`; Hugo's default: tags and categories), none when taxonomy or term pages are disabled. */
function taxonomiesOf(config: DataTable): string[] {
	const disabled = disabledKinds(config);
	if (disabled.has('taxonomy') || disabled.has('term')) {
		return [];
	}
	const declared = entryOf(config, 'taxonomies');
	if (declared !== undefined && declared !== null && typeof declared === 'object' && !Array.isArray(declared)) {
		return Object.values(declared).filter((plural): plural is string => typeof plural === 'string' && plural.trim() !== '').map(plural => plural.trim());
	}
	return ['tags', 'categories'];
}

/** The files Hugo makes at the site root: the sitemap, robots.txt when enabled, the home page's RSS feed (its `baseName`). */
function generatedFilesOf(config: DataTable): string[] {
	const disabled = disabledKinds(config);
	const files: string[] = [];
	if (!disabled.has('sitemap')) {
		files.push('/sitemap.xml');
	}
	if (entryOf(config, 'enableRobotsTXT') === true && !disabled.has('robotstxt')) {
		files.push('/robots.txt');
	}
	const home = entryAt(config, 'outputs', 'home');
	const homeFormats = Array.isArray(home) ? home.filter((format): format is string => typeof format === 'string').map(format => format.toLowerCase()) : ['html', 'rss'];
	if (!disabled.has('rss') && homeFormats.includes('rss')) {
		const baseName = entryAt(config, 'outputFormats', 'rss', 'baseName');
		files.push(`/${typeof baseName === 'string' && baseName.trim() !== '' ? baseName.trim() : 'index'}.xml`);
	}
	return files;
}

/** The languages with their URL prefixes and content folders (relative to the vault root); empty for a site in one language at the root. */
function contentLanguages(config: DataTable, folder: string, root: string): ContentLanguage[] {
	const defaultLanguage = defaultLanguageOf(config);
	const inSubdir = entryOf(config, 'defaultContentLanguageInSubdir') === true;
	const mounts = mountsOf(config);
	const languages = languagesOf(config).map(language => {
		const mount = mounts.find(candidate => !candidate.imported && candidate.target === 'content' && candidate.languages.includes(language.code) && !isOutsideSite(candidate.source));
		const contentDir = mount?.source ?? language.contentDir ?? (language.code === defaultLanguage ? hugoContentDir(config) : undefined);
		return Object.freeze({
			code: language.code,
			urlPrefix: language.code === defaultLanguage && !inSubdir ? '' : `/${language.code.toLowerCase()}/`,
			...(contentDir === undefined ? {} : { contentDir: relativePath(root, path.resolve(folder, contentDir)) }),
		});
	});
	return languages.length > 1 || languages.some(language => language.urlPrefix !== '') ? languages : [];
}

/**
 * URL prefixes of content mounted from outside the vault root: an imported
 * module's content, or a mount whose source lies outside the root (never
 * read: only the prefix its target declares counts). A mount onto the whole
 * content root is left out (every URL would pass), and said.
 */
function externalPrefixes(config: DataTable, folder: string, root: string, languages: readonly ContentLanguage[], problems: string[]): string[] {
	const lowercase = entryOf(config, 'disablePathToLower') !== true;
	const prefixes = new Set<string>();
	for (const mount of mountsOf(config)) {
		if (mount.target !== 'content' && !mount.target.startsWith('content/')) {
			continue;
		}
		if (!mount.imported && isInsideFolder(root, path.resolve(folder, mount.source))) {
			continue;
		}
		const within = publishedPath(mount.target.slice('content'.length).replace(/^\/+/, ''), lowercase);
		const languagePrefixes = mount.languages.length === 0 ? [''] : mount.languages.map(code => languages.find(language => language.code === code)?.urlPrefix ?? '');
		for (const languagePrefix of languagePrefixes) {
			const prefix = `${languagePrefix.replace(/\/+$/, '')}/${within}`;
			if (prefix === '/') {
				problems.push(`the mount of ${JSON.stringify(mount.source)} onto the content root is not read: links into it cannot be told from broken ones`);
			} else {
				prefixes.add(prefix);
			}
		}
	}
	return [...prefixes].sort();
}

/**
 * The URL path (no leading `/`) a mount target under `content/` publishes: a
 * folder as `docs/`, a page file as its URL (`repo/README.md` → `repo/readme/`,
 * an `_index.md` its folder), any other file as itself.
 */
function publishedPath(within: string, lowercase: boolean): string {
	if (within === '') {
		return '';
	}
	const page = /^(.*?)([^/]*)\.(?:md|markdown)$/i.exec(within);
	if (page === null) {
		return path.extname(within) === '' ? `${within}/` : within;
	}
	const [, folder, name] = page;
	const url = name === 'index' || name === '_index' ? folder : `${folder}${name}/`;
	return lowercase ? url.toLowerCase() : url;
}

/** `permalinks`: section → pattern, from the flat form (`posts = '/:year/:slug/'`) or the `page` table of the newer one. */
function permalinksOf(config: DataTable): Record<string, string> {
	const permalinks: Record<string, string> = {};
	const table = entryOf(config, 'permalinks');
	if (!isTable(table)) {
		return permalinks;
	}
	for (const [section, pattern] of Object.entries(table)) {
		if (typeof pattern === 'string') {
			permalinks[section] = pattern;
		}
	}
	const pages = entryOf(table, 'page');
	if (isTable(pages)) {
		for (const [section, pattern] of Object.entries(pages)) {
			if (typeof pattern === 'string') {
				permalinks[section] = pattern;
			}
		}
	}
	return permalinks;
}

/** `uglyURLs`: `true` is every section (`*`), a table the sections set to true. */
function uglyUrlSections(config: DataTable): string[] {
	const value = entryOf(config, 'uglyURLs');
	if (value === true) {
		return ['*'];
	}
	return isTable(value) ? Object.entries(value).filter(([, ugly]) => ugly === true).map(([section]) => section) : [];
}

/** The folders published at the site root (`staticDir`, default `static`, and mounts onto `static`) that exist, relative to the vault root. */
function staticFolders(config: DataTable, folder: string, root: string, fileSystem: VaultFileSystem): string[] {
	const declared = entryOf(config, 'staticDir');
	const sources = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? declared.filter((item): item is string => typeof item === 'string') : ['static'];
	for (const mount of mountsOf(config)) {
		if (!mount.imported && mount.target === 'static' && !isOutsideSite(mount.source)) {
			sources.push(mount.source);
		}
	}
	const folders = new Set<string>();
	for (const source of sources) {
		const absolute = path.resolve(folder, source);
		if (isFolder(absolute, fileSystem)) {
			folders.add(relativePath(root, absolute));
		}
	}
	return [...folders];
}
