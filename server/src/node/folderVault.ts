import { applyVaultConfiguration, type FolderSettings } from './serverSettings';
import * as path from 'path';
import { readSiteConfiguration, siteRulesOf, type SiteConfiguration } from './site/siteConfiguration';
import { loadVaultConfiguration, type VaultConfiguration } from './vaultConfigFile';
import { chooseVaultRoot, type VaultRootChoice } from './vaultFiles';
import type { VaultFileSystem } from './vaultFileSystem';

/**
 * One workspace folder's vault as the server and `check` both make it: the
 * vault configuration file (the folder's, else the vault root's, or the one
 * given), the vault root (the file's `root`, else the setting, the site's
 * content folder, `content/`, the folder), the site generator's rules, and
 * the settings with the file's over them. The same function for both, so
 * the editor and CI agree.
 */
export interface FolderVault {
	readonly root: string;
	readonly chosenBy: VaultRootChoice;
	readonly settings: FolderSettings;
	/** The site configuration files read, relative to the folder. */
	readonly siteFiles: readonly string[];
	/** What in them could not be used. */
	readonly siteProblems: readonly string[];
	readonly configuration: VaultConfiguration;
}

export function resolveFolderVault(folder: string, settings: FolderSettings, fileSystem: VaultFileSystem, configFile?: string): FolderVault {
	const withoutFile = chooseVaultRoot(folder, settings.root, fileSystem);
	const configuration = loadVaultConfiguration(folder, fileSystem, withoutFile.root, configFile);
	const fileRoot = configuration.input.root;
	const chosen = fileRoot === undefined ? withoutFile : { ...chooseVaultRoot(folder, fileRoot, fileSystem), chosenBy: 'configFile' as const };
	const enclosing = chosen.site === undefined ? enclosingSite(chosen.root, fileSystem) : undefined;
	const site = enclosing === undefined ? siteRulesOf(folder, chosen.root, fileSystem, chosen.site) : siteRulesOf(enclosing.folder, chosen.root, fileSystem, enclosing.site);
	return {
		root: chosen.root,
		chosenBy: enclosing === undefined ? chosen.chosenBy : 'site',
		settings: applyVaultConfiguration(settings, configuration.input, site.rules),
		siteFiles: enclosing === undefined ? site.files : site.files.map(file => path.relative(folder, path.join(enclosing.folder, file)).split(path.sep).join('/')),
		siteProblems: site.problems,
		configuration,
	};
}

/** How many folders up a vault root's site configuration is looked for (hugoDocs' content/en is two below its hugo.toml). */
const SITE_SEARCH_DEPTH = 3;

/**
 * The site whose content folder `root` is, when it is opened or checked by
 * itself (`check content/en` in hugoDocs): the nearest folder above it,
 * within a few levels, whose site configuration names `root` as its
 * content folder.
 */
function enclosingSite(root: string, fileSystem: VaultFileSystem): { folder: string; site: SiteConfiguration } | undefined {
	let folder = root;
	for (let level = 0; level < SITE_SEARCH_DEPTH; level++) {
		const parent = path.dirname(folder);
		if (parent === folder) {
			return undefined;
		}
		folder = parent;
		const site = readSiteConfiguration(folder, fileSystem);
		if (site?.contentDir !== undefined && path.resolve(folder, site.contentDir) === root) {
			return { folder, site };
		}
	}
	return undefined;
}
