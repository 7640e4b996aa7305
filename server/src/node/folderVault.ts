import { applyVaultConfiguration, type FolderSettings } from './serverSettings';
import { siteRulesOf } from './site/siteConfiguration';
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
	const site = siteRulesOf(folder, chosen.root, fileSystem, chosen.site);
	return {
		root: chosen.root,
		chosenBy: chosen.chosenBy,
		settings: applyVaultConfiguration(settings, configuration.input, site.rules),
		siteFiles: site.files,
		siteProblems: site.problems,
		configuration,
	};
}
