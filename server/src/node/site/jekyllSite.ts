import * as path from 'path';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { entryOf, isTable, readDataTable, type DataTable } from './siteData';

/**
 * Jekyll's `_config.yml` (or `.yaml`, `.toml`), parsed, never executed:
 * where the source is, the permalinks of posts and collections (keyed by
 * their folder, `_posts`, `_docs`), and `redirect_from` (jekyll-redirect-from)
 * as the redirect field. Jekyll keeps URLs' letter case.
 */
const CONFIG_NAMES: readonly string[] = ['_config.yml', '_config.yaml', '_config.toml'];

/** Jekyll's named permalink styles. */
const PERMALINK_STYLES: Readonly<Record<string, string>> = {
	date: '/:categories/:year/:month/:day/:title:output_ext',
	pretty: '/:categories/:year/:month/:day/:title/',
	ordinal: '/:categories/:year/:y_day/:title:output_ext',
	weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
	none: '/:categories/:title:output_ext',
};

export interface JekyllConfig {
	readonly file: string;
	readonly config: DataTable;
}

export function readJekyllConfig(folder: string, fileSystem: VaultFileSystem, problems: string[]): JekyllConfig | undefined {
	for (const name of CONFIG_NAMES) {
		const file = path.join(folder, name);
		const config = readDataTable(file, fileSystem, problems);
		if (config !== undefined) {
			return { file, config };
		}
	}
	return undefined;
}

/** The source folder relative to the site folder (`source`, default the folder itself). */
export function jekyllContentDir(config: DataTable): string {
	const source = entryOf(config, 'source');
	return typeof source === 'string' && source.trim() !== '' ? source.trim() : '.';
}

export function jekyllSiteRules(config: DataTable): SiteRules {
	const permalinks: Record<string, string> = {};
	const global = entryOf(config, 'permalink');
	if (typeof global === 'string' && global.trim() !== '') {
		permalinks._posts = PERMALINK_STYLES[global.trim()] ?? global.trim();
	}
	const collections = entryOf(config, 'collections');
	const collectionsDir = entryOf(config, 'collections_dir');
	const prefix = typeof collectionsDir === 'string' && collectionsDir.trim() !== '' ? `${collectionsDir.trim().replace(/\/+$/, '')}/` : '';
	if (isTable(collections)) {
		for (const [name, collection] of Object.entries(collections)) {
			const permalink = entryOf(collection, 'permalink');
			if (typeof permalink === 'string' && permalink.trim() !== '') {
				permalinks[`${prefix}_${name}`] = PERMALINK_STYLES[permalink.trim()] ?? permalink.trim();
			}
		}
	}
	return Object.freeze({
		...DEFAULT_SITE_RULES,
		generator: 'jekyll',
		aliasFields: Object.freeze(['redirect_from']),
		// kramdown: `## Title {#id}` and an attribute list `{: #id}` on the next line set a heading's id.
		headingAttributes: true,
		attributeLists: true,
		permalinks: Object.freeze(permalinks),
	} satisfies SiteRules);
}
