// The lines the server writes to the client's log (VS Code: Entity Vault's output channel) about
// each vault. Pure, so the wording is unit-tested; vaultSetup.ts writes them.
import { countOf, formatCount } from '../counts';
import { DEFAULT_SETTINGS, type DiagnosticCode } from '../service/vault/settings';
import type { VaultKind } from '../service/vaultService';
import type { FolderSettings } from './serverSettings';
import { VAULT_MARKER_FILE, type VaultRootChoice } from './vaultFiles';
import type { IndexingCounts } from './vaultWorkspace';

const CHOSEN_BY: Readonly<Record<VaultRootChoice, (setting: string) => string>> = {
	setting: setting => `set by entityVault.root ("${setting}")`,
	content: () => 'its content/ folder, which holds the sections',
	folder: () => 'the folder itself: no entityVault.root setting and no content/ folder with sections',
};

/** E.g. `Vault of folder /w/site: /w/site/content (its content/ folder, which holds the sections).` */
export function vaultRootLine(folderPath: string, root: string, chosenBy: VaultRootChoice, rootSetting: string): string {
	return `Vault of folder ${folderPath}: ${root} (${CHOSEN_BY[chosenBy](rootSetting.trim())}).`;
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
