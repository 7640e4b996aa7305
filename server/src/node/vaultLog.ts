// The lines the server writes to the client's log (VS Code: Entity Vault's output channel) about
// each vault. Pure, so the wording is unit-tested; vaultSetup.ts writes them.
import { countOf, formatCount } from '../counts';
import { DEFAULT_SETTINGS, type DiagnosticCode } from '../service/vault/settings';
import type { VaultKind } from '../service/vaultService';
import type { OtherContentPage, SiteRules } from '../service/vault/siteRules';
import type { FolderSettings } from './serverSettings';
import { formatConfigProblem, type VaultConfigProblem } from './vaultConfigFile';
import { VAULT_MARKER_FILE, type VaultRootChoice } from './vaultFiles';
import type { IndexingCounts } from './vaultWorkspace';
import type { VerificationCounts } from './diskVerification';

const CHOSEN_BY: Readonly<Record<VaultRootChoice, (setting: string, siteFiles: readonly string[]) => string>> = {
	configFile: () => `set by "root" in ${VAULT_MARKER_FILE}`,
	setting: setting => `set by entityVault.root ("${setting}")`,
	site: (_setting, siteFiles) => `the content folder of the site's configuration, ${siteFiles.join(', ')}`,
	content: () => 'its content/ folder, which holds the sections',
	folder: () => 'the folder itself: no entityVault.root setting and no content/ folder with sections',
};

/** E.g. `Vault of folder /w/site: /w/site/content (its content/ folder, which holds the sections).` */
export function vaultRootLine(folderPath: string, root: string, chosenBy: VaultRootChoice, rootSetting: string, siteFiles: readonly string[] = []): string {
	return `Vault of folder ${folderPath}: ${root} (${CHOSEN_BY[chosenBy](rootSetting.trim(), siteFiles)}).`;
}

/**
 * The site rules in force and where they come from, e.g. `Site rules for
 * /w/site/content/en (hugo, from hugo.toml): URLs lower-cased; ...`; a
 * plain vault says it reads none.
 */
export function vaultSiteLine(root: string, rules: SiteRules, files: readonly string[], problems: readonly string[] = []): string {
	const trouble = problems.length > 0 ? ` Not used: ${problems.join('; ')}.` : '';
	if (rules.generator === 'plain' && files.length === 0) {
		return `Site rules for ${root}: the plain vault model (no site configuration found).${trouble}`;
	}
	const parts = [
		rules.lowercaseUrls ? 'URLs lower-cased' : 'URL letter case kept',
		`heading ids ${rules.headingIds}${rules.headingAttributes ? ', {#id} attributes' : ''}${rules.attributeLists ? ', {: #id} attribute lists' : ''}${rules.definitionTermIds ? ', definition term ids' : ''}`,
		rules.languages.length > 0 ? `languages ${rules.languages.map(language => `${language.code}${language.urlPrefix === '' ? '' : ` (${language.urlPrefix})`}`).join(', ')}` : undefined,
		Object.keys(rules.permalinks).length > 0 ? `permalinks ${Object.entries(rules.permalinks).map(([section, pattern]) => `${section} ${pattern}`).join(', ')}` : undefined,
		rules.externalPrefixes.length > 0 ? `published from elsewhere ${rules.externalPrefixes.join(', ')}` : undefined,
		rules.aliasFields.length > 0 ? `redirect fields ${rules.aliasFields.join(', ')}` : undefined,
		rules.redirects.length > 0 ? `${countOf(rules.redirects.length, 'redirect')}` : undefined,
		rules.staticFolders.length > 0 ? `static files in ${rules.staticFolders.join(', ')}` : undefined,
	].filter(part => part !== undefined);
	return `Site rules for ${root} (${rules.generator}${files.length > 0 ? `, from ${files.join(', ')}` : ''}): ${parts.join('; ')}.${trouble}`;
}

/**
 * The pages a vault's site publishes from content files in other formats
 * than markdown (found in its listing), and what could not be read of them;
 * undefined when it has none.
 */
export function vaultOtherContentLine(root: string, files: { readonly pages: readonly OtherContentPage[]; readonly problems: readonly string[] }): string | undefined {
	if (files.pages.length === 0 && files.problems.length === 0) {
		return undefined;
	}
	const formats = [...new Set(files.pages.map(page => page.path.slice(page.path.lastIndexOf('.')).toLowerCase()))];
	const trouble = files.problems.length > 0 ? ` Not used: ${files.problems.join('; ')}.` : '';
	return `Pages of ${root} in formats other than markdown (${formats.join(', ')}): ${countOf(files.pages.length, 'page')}, published, not read.${trouble}`;
}

/** The settings in force for a vault: scope, required fields, excludes and the severities that differ from the defaults. */
export function vaultSettingsLine(root: string, settings: FolderSettings): string {
	const changed = (Object.keys(settings.vault.severity) as DiagnosticCode[])
		.filter(code => settings.vault.severity[code] !== DEFAULT_SETTINGS.severity[code])
		.map(code => `${code} ${settings.vault.severity[code]}`);
	const fields = settings.vault.requiredFields;
	const required = settings.vault.requiredFieldsGiven ? (fields.length > 0 ? fields.join(', ') : 'none')
		: settings.vault.frontmatter !== undefined ? 'as the frontmatter schema says' : 'as inferred from the pages (check --print-schema)';
	return `Settings for ${root}: diagnostics for ${settings.scope === 'vault' ? 'every page (scope vault)' : 'open pages (scope openFiles)'}; `
		+ `required fields ${required}; `
		+ `excluded ${settings.excludes.length > 0 ? settings.excludes.join(', ') : 'nothing'}; `
		+ `severities ${changed.length > 0 ? `default but ${changed.join(', ')}` : 'default'}.`;
}

/**
 * E.g. `Indexed 10,000 pages of /w/site in 1,234 ms: 9,990 from the persisted index, 10 parsed.`
 * `persisted` is false when no persisted index is kept (the client asked for none).
 */
export function vaultIndexedLine(root: string, counts: IndexingCounts, milliseconds: number, persisted: boolean): string {
	const sources = [
		persisted ? `${formatCount(counts.fromCache)} from the persisted index` : undefined,
		`${formatCount(counts.parsed)} parsed`,
		counts.alreadyLoaded > 0 ? `${formatCount(counts.alreadyLoaded)} from open editors` : undefined,
	].filter(source => source !== undefined);
	const kind = !persisted ? ' (no persisted index is kept)' : counts.fromCache === 0 ? ' (cold: nothing usable in the persisted index)' : '';
	return `Indexed ${countOf(counts.pages, 'page')} of ${root} in ${formatCount(Math.round(milliseconds))} ms: ${sources.join(', ')}${kind}.`;
}

/** Said at `ready` after a warm start: `Checking 10,000 pages of /w/site against the disk (changed pages are patched as found)…`. */
export function vaultVerifyingLine(root: string, pages: number): string {
	return `Checking ${countOf(pages, 'page')} of ${root} against the disk (changed pages are patched as found)…`;
}

/** After a warm start's check: `Checked 10,000 pages of /w/site against the disk in 812 ms: 3 stale, 1 added, 1 removed.` */
export function vaultVerifiedLine(root: string, counts: VerificationCounts): string {
	return `Checked ${countOf(counts.checked, 'page')} of ${root} against the disk in ${formatCount(Math.round(counts.milliseconds))} ms: ${formatCount(counts.stale)} stale, ${formatCount(counts.added)} added, ${formatCount(counts.removed)} removed.`;
}

/** Whether the folder is a vault, and why: `/w/docs is a plain markdown folder, not a vault (frontmatter on 0 of 2 pages in sections): …`. */
export function vaultKindLine(root: string, kind: VaultKind): string {
	return kind.isVault
		? `${root} is a vault (${kind.reason}): pages in sections need frontmatter.`
		: `${root} is a plain markdown folder, not a vault (${kind.reason}): links, anchors and footnotes are checked, frontmatter is not. Add ${VAULT_MARKER_FILE} or set entityVault.root to make it a vault.`;
}

/** The `$/progress` message while indexing, with the status bar's number format: `1,234/10,000 pages`. */
export function indexingProgressMessage(indexed: number, total: number): string {
	return `${formatCount(indexed)}/${formatCount(total)} pages`;
}

/** Check Vault's `$/progress` message: `1,234/10,000 pages checked`. */
export function checkVaultProgressMessage(checked: number, total: number): string {
	return `${formatCount(checked)}/${formatCount(total)} pages checked`;
}

/** A problem of the vault configuration file, for the log: `/w/.entity-vault.json:3:5: severity.x: unknown key "x" … (the rest of the file is used)`. */
export function vaultConfigProblemLine(problem: VaultConfigProblem): string {
	return `${formatConfigProblem(problem)} (the rest of the file is used).`;
}
