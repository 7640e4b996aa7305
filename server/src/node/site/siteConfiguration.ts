import * as path from 'path';
import { DEFAULT_SITE_RULES, type SiteGenerator, type SiteRules } from '../../service/vault/siteRules';
import type { VaultFileSystem } from '../vaultFileSystem';
import { hugoContentDir, hugoSiteRules, readHugoConfig } from './hugoSite';
import { jekyllContentDir, jekyllSiteRules, readJekyllConfig } from './jekyllSite';
import { readNetlifyRedirects } from './netlifyRedirects';
import { isFile, relativePath } from './siteData';

/**
 * The site generator's configuration in a workspace folder (or the folder
 * `check` is given), read without executing anything: which generator, where
 * its content is, and the rules it publishes pages by (Hugo, or Jekyll), with
 * Netlify's redirects whatever the generator.
 */
export interface SiteConfiguration {
	readonly generator: SiteGenerator;
	/** The generator's files read, relative to the folder (`hugo.toml`, `config/_default/params.toml`). */
	readonly files: readonly string[];
	/** The content folder relative to the folder (`content/en`), when the site says where it is. */
	readonly contentDir?: string;
	/** What could not be read or used, each naming its file or key. */
	readonly problems: readonly string[];
	/** The rules for a vault at `root` (absolute; paths in the rules are relative to it), with the redirect files read for them. */
	rulesFor(root: string): { rules: SiteRules; files: readonly string[]; problems: readonly string[] };
}

/** The files that configure a site, as watcher globs: a change to one reloads the rules. */
export const SITE_CONFIGURATION_GLOBS: readonly string[] = [
	'**/{hugo,config}.{toml,yaml,yml,json}',
	'**/config/_default/*.{toml,yaml,yml,json}',
	'**/_config.{yml,yaml,toml}',
	'**/netlify.toml',
	'**/_redirects',
];

const SITE_FILE_NAME = /^(?:(?:hugo|config)\.(?:toml|ya?ml|json)|_config\.(?:ya?ml|toml)|netlify\.toml|_redirects)$/i;

/** Whether a changed file is one of a site's configuration files (by name: the rules are read again). */
export function isSiteConfigurationFile(file: string): boolean {
	const parts = file.split(/[\\/]/);
	const name = parts[parts.length - 1];
	return SITE_FILE_NAME.test(name) || (parts[parts.length - 2] === '_default' && /\.(?:toml|ya?ml|json)$/i.test(name));
}

/** Reads the site configuration in `folder`; undefined when no generator's configuration and no redirects file is there. */
export function readSiteConfiguration(folder: string, fileSystem: VaultFileSystem): SiteConfiguration | undefined {
	const problems: string[] = [];
	const relative = (file: string): string => relativePath(folder, file);
	const withRedirects = (base: SiteRules, publishedFolders: readonly string[]): { rules: SiteRules; files: readonly string[]; problems: readonly string[] } => {
		const redirectProblems: string[] = [];
		const netlify = readNetlifyRedirects(folder, publishedFolders, fileSystem, redirectProblems);
		// A site deployed by Netlify (it has netlify.toml or a _redirects file) is served with its Pretty URLs: /x and /x/ from /x.html.
		const onNetlify = netlify.files.length > 0;
		const rules = netlify.redirects.length === 0 && !onNetlify ? base : Object.freeze({ ...base, redirects: Object.freeze(netlify.redirects), htmlWithoutExtension: onNetlify || base.htmlWithoutExtension });
		return { rules, files: netlify.files.map(relative), problems: redirectProblems.map(problem => problem.replace(folder + path.sep, '')) };
	};
	const hugo = readHugoConfig(folder, fileSystem);
	if (hugo !== undefined) {
		return Object.freeze({
			generator: 'hugo',
			files: hugo.files.map(relative),
			contentDir: hugoContentDir(hugo.config),
			problems: hugo.problems.map(problem => problem.replace(folder + path.sep, '')),
			rulesFor(root: string) {
				const ruleProblems: string[] = [];
				const base = hugoSiteRules(hugo.config, folder, root, fileSystem, ruleProblems);
				const result = withRedirects(base, base.staticFolders.map(staticFolder => path.resolve(root, staticFolder)));
				return { ...result, problems: [...ruleProblems, ...result.problems] };
			},
		});
	}
	const jekyll = readJekyllConfig(folder, fileSystem, problems);
	if (jekyll !== undefined) {
		const contentDir = jekyllContentDir(jekyll.config);
		return Object.freeze({
			generator: 'jekyll',
			files: [relative(jekyll.file)],
			contentDir,
			problems: problems.map(problem => problem.replace(folder + path.sep, '')),
			rulesFor: () => withRedirects(jekyllSiteRules(jekyll.config), [path.resolve(folder, contentDir)]),
		});
	}
	if (problems.length === 0 && !isFile(path.join(folder, 'netlify.toml'), fileSystem) && !isFile(path.join(folder, '_redirects'), fileSystem)) {
		return undefined;
	}
	return Object.freeze({
		generator: 'plain',
		files: [],
		problems: problems.map(problem => problem.replace(folder + path.sep, '')),
		rulesFor: (root: string) => withRedirects(DEFAULT_SITE_RULES, [root]),
	});
}

/** The site rules for the vault at `root` of `folder`, and from what: the defaults when the folder has no site configuration. */
export function siteRulesOf(folder: string, root: string, fileSystem: VaultFileSystem, site = readSiteConfiguration(folder, fileSystem)): { rules: SiteRules; files: readonly string[]; problems: readonly string[] } {
	if (site === undefined) {
		return { rules: DEFAULT_SITE_RULES, files: [], problems: [] };
	}
	const { rules, files, problems } = site.rulesFor(root);
	return { rules, files: [...site.files, ...files], problems: [...site.problems, ...problems] };
}
