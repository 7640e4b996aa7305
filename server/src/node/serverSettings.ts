import type { UpdateLinksOnMove } from '../protocol';
import { settingsFrom, type VaultSettings } from '../service/vault/settings';
import { DEFAULT_SITE_RULES, type LinkStyle, type SiteRules } from '../service/vault/siteRules';
import { mergeSiteRules, type VaultConfigInput } from './vaultConfigFile';

type DiagnosticsScope = 'openFiles' | 'vault';

/** The `entityVault` configuration section of one workspace folder, as the server uses it. */
export interface FolderSettings {
	readonly root: string;
	readonly scope: DiagnosticsScope;
	readonly excludes: readonly string[];
	readonly vault: VaultSettings;
	/** `entityVault.codeLens.enabled`: the "N backlinks" and "N uses" code lenses are shown. */
	readonly codeLens: boolean;
	/** Whether moving or renaming pages and folders rewrites the links to them (`entityVault.updateLinksOnMove`). */
	readonly updateLinksOnMove: UpdateLinksOnMove;
	/** What was wrong in the configuration (shown to the user once). */
	readonly problems: readonly string[];
}

interface RawSection {
	root?: unknown;
	exclude?: unknown;
	diagnostics?: { scope?: unknown; severity?: unknown };
	frontmatter?: { requiredFields?: unknown };
	mentions?: { minLength?: unknown; ignore?: unknown };
	codeLens?: { enabled?: unknown };
	updateLinksOnMove?: unknown;
	rename?: { oldUrlField?: unknown };
	links?: { style?: unknown };
}

const LINK_STYLES: readonly LinkStyle[] = ['auto', 'absolute', 'relative', 'any'];

const UPDATE_LINKS_ON_MOVE: readonly UpdateLinksOnMove[] = ['always', 'prompt', 'never'];

/** Reads a client's `entityVault` section; anything malformed falls back to the default, and is reported. */
export function folderSettingsFrom(raw: unknown): FolderSettings {
	const section = (raw && typeof raw === 'object' ? raw : {}) as RawSection;
	const problems: string[] = [];
	const root = typeof section.root === 'string' ? section.root : '';
	if (section.root !== undefined && section.root !== null && typeof section.root !== 'string') {
		problems.push('entityVault.root must be a folder path');
	}
	let scope: DiagnosticsScope = 'openFiles';
	if (section.diagnostics?.scope === 'vault' || section.diagnostics?.scope === 'openFiles') {
		scope = section.diagnostics.scope;
	} else if (section.diagnostics?.scope !== undefined && section.diagnostics?.scope !== null) {
		problems.push('entityVault.diagnostics.scope must be "openFiles" or "vault"');
	}
	let excludes: string[] = [];
	if (Array.isArray(section.exclude) && section.exclude.every(item => typeof item === 'string')) {
		excludes = section.exclude as string[];
	} else if (section.exclude !== undefined && section.exclude !== null) {
		problems.push('entityVault.exclude must be a list of glob patterns');
	}
	let codeLens = true;
	if (typeof section.codeLens?.enabled === 'boolean') {
		codeLens = section.codeLens.enabled;
	} else if (section.codeLens?.enabled !== undefined && section.codeLens?.enabled !== null) {
		problems.push('entityVault.codeLens.enabled must be true or false');
	}
	let updateLinksOnMove: UpdateLinksOnMove = 'prompt';
	if (UPDATE_LINKS_ON_MOVE.includes(section.updateLinksOnMove as UpdateLinksOnMove)) {
		updateLinksOnMove = section.updateLinksOnMove as UpdateLinksOnMove;
	} else if (section.updateLinksOnMove !== undefined && section.updateLinksOnMove !== null) {
		problems.push('entityVault.updateLinksOnMove must be "always", "prompt" or "never"');
	}
	let site = DEFAULT_SITE_RULES;
	if (LINK_STYLES.includes(section.links?.style as LinkStyle)) {
		site = { ...site, linkStyle: section.links!.style as LinkStyle };
	} else if (section.links?.style !== undefined && section.links?.style !== null) {
		problems.push('entityVault.links.style must be "auto", "absolute", "relative" or "any"');
	}
	const vault = settingsFrom({ severity: section.diagnostics?.severity, requiredFields: section.frontmatter?.requiredFields, oldUrlField: section.rename?.oldUrlField, mentions: section.mentions, site });
	problems.push(...vault.problems.map(problem => `entityVault: ${problem}`));
	return { root, scope, excludes, vault: vault.settings, codeLens, updateLinksOnMove, problems };
}

/**
 * The folder's settings with the vault configuration file's over them (the
 * file wins for what it says: severities code by code, the rest key by key)
 * and the site rules (the site generator's, with the file's overrides).
 */
export function applyVaultConfiguration(settings: FolderSettings, input: VaultConfigInput, site: SiteRules): FolderSettings {
	// `frontmatter` is passed on as it is (validated in shape by the loader); the schema checker gives it its meaning.
	const vaultInput: Parameters<typeof settingsFrom>[0] & { frontmatter?: unknown } = {
		severity: { ...settings.vault.severity, ...input.severity },
		requiredFields: settings.vault.requiredFields,
		oldUrlField: input.redirectField ?? settings.vault.oldUrlField,
		mentions: { minLength: input.mentions?.minLength ?? settings.vault.mentions.minLength, ignore: input.mentions?.ignore ?? settings.vault.mentions.ignore },
		// The link style: the file's, else the editor's setting (entityVault.links.style), else the site's.
		site: mergeSiteRules(settings.vault.site.linkStyle === DEFAULT_SITE_RULES.linkStyle ? site : { ...site, linkStyle: settings.vault.site.linkStyle }, input),
		...(input.frontmatter === undefined ? {} : { frontmatter: input.frontmatter }),
	};
	const { settings: vault } = settingsFrom(vaultInput);
	return { ...settings, excludes: input.exclude ?? settings.excludes, vault };
}
