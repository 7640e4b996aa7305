import { DEFAULT_SITE_RULES, type SiteRules } from './siteRules';

/** Stable diagnostic codes. Clients, quick fixes and `check --format json` rely on these strings. */
export const DIAGNOSTIC_CODES = [
	'broken-link',
	'broken-anchor',
	'link-outside-vault',
	'non-canonical-link',
	'missing-footnote',
	'unused-footnote',
	'duplicate-footnote',
	'frontmatter-missing',
	'frontmatter-syntax',
	'frontmatter-field',
	'page-unreadable',
	'title-spelling',
	'duplicate-entity',
	'duplicate-citation',
	'unlinked-mention',
] as const;

export type DiagnosticCode = typeof DIAGNOSTIC_CODES[number];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, SeverityName>> = Object.freeze({
	'broken-link': 'error',
	'broken-anchor': 'warning',
	'link-outside-vault': 'error',
	'non-canonical-link': 'hint',
	'missing-footnote': 'error',
	'unused-footnote': 'warning',
	'duplicate-footnote': 'error',
	'frontmatter-missing': 'warning',
	'frontmatter-syntax': 'error',
	'frontmatter-field': 'warning',
	'page-unreadable': 'warning',
	'title-spelling': 'hint',
	'duplicate-entity': 'warning',
	'duplicate-citation': 'hint',
	'unlinked-mention': 'hint',
});

const DEFAULT_REQUIRED_FIELDS: readonly string[] = Object.freeze(['summary', 'category', 'tags', 'created', 'updated']);

/** Which names make an `unlinked-mention` (see mentions/mentionRules.ts). */
export interface MentionSettings {
	/** Names shorter than this (in UTF-16 code units) are not looked for. */
	readonly minLength: number;
	/** Names never reported, compared without regard to letter case. */
	readonly ignore: readonly string[];
}

export interface VaultSettings {
	readonly severity: Readonly<Record<DiagnosticCode, SeverityName>>;
	readonly requiredFields: readonly string[];
	readonly mentions: MentionSettings;
	/** The frontmatter field a rename appends the page's old URL to; '' (the default): none. */
	readonly oldUrlField: string;
	/** The site generator's rules (see siteRules.ts), read by the transport from the site's configuration and the vault configuration file. */
	readonly site: SiteRules;
}

const DEFAULT_MENTIONS: MentionSettings = Object.freeze({ minLength: 3, ignore: Object.freeze([]) as readonly string[] });

export const DEFAULT_SETTINGS: VaultSettings = Object.freeze({
	severity: DEFAULT_SEVERITIES,
	requiredFields: DEFAULT_REQUIRED_FIELDS,
	mentions: DEFAULT_MENTIONS,
	oldUrlField: '',
	site: DEFAULT_SITE_RULES,
});

const SEVERITY_NAMES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function isDiagnosticCode(value: string): value is DiagnosticCode {
	return (DIAGNOSTIC_CODES as readonly string[]).includes(value);
}

/**
 * Builds settings from loosely typed input (a client's configuration, a
 * command line): unknown codes and bad values are ignored and reported back.
 */
export function settingsFrom(input: {
	severity?: unknown;
	requiredFields?: unknown;
	mentions?: { minLength?: unknown; ignore?: unknown } | null;
	oldUrlField?: unknown;
	/** Already checked by whoever read it (the site and vault configuration readers). */
	site?: SiteRules;
} | undefined): { settings: VaultSettings; problems: string[] } {
	const problems: string[] = [];
	const severity: Record<DiagnosticCode, SeverityName> = { ...DEFAULT_SEVERITIES };
	if (input?.severity !== undefined && input.severity !== null) {
		if (typeof input.severity !== 'object' || Array.isArray(input.severity)) {
			problems.push('severity must be an object mapping diagnostic codes to severities');
		} else {
			for (const [code, value] of Object.entries(input.severity as Record<string, unknown>)) {
				if (!isDiagnosticCode(code)) {
					problems.push(`unknown diagnostic code \`${code}\` (known: ${DIAGNOSTIC_CODES.join(', ')})`);
				} else if (typeof value !== 'string' || !SEVERITY_NAMES.has(value)) {
					problems.push(`severity of \`${code}\` must be one of error, warning, information, hint, off`);
				} else {
					severity[code] = value as SeverityName;
				}
			}
		}
	}
	let requiredFields = DEFAULT_REQUIRED_FIELDS;
	if (input?.requiredFields !== undefined && input.requiredFields !== null) {
		if (!Array.isArray(input.requiredFields) || !input.requiredFields.every(field => typeof field === 'string')) {
			problems.push('requiredFields must be a list of field names');
		} else {
			requiredFields = Object.freeze([...new Set((input.requiredFields as string[]).map(field => field.trim()).filter(Boolean))]);
		}
	}
	let oldUrlField = '';
	if (typeof input?.oldUrlField === 'string') {
		oldUrlField = input.oldUrlField.trim();
	} else if (input?.oldUrlField !== undefined && input.oldUrlField !== null) {
		problems.push('rename.oldUrlField must be a frontmatter field name (or empty)');
	}
	const mentions = mentionSettingsFrom(input?.mentions ?? undefined, problems);
	return { settings: Object.freeze({ severity: Object.freeze(severity), requiredFields, oldUrlField, mentions, site: input?.site ?? DEFAULT_SITE_RULES }), problems };
}

function mentionSettingsFrom(input: { minLength?: unknown; ignore?: unknown } | undefined, problems: string[]): MentionSettings {
	let minLength = DEFAULT_MENTIONS.minLength;
	if (input?.minLength !== undefined && input.minLength !== null) {
		if (typeof input.minLength !== 'number' || !Number.isInteger(input.minLength) || input.minLength < 1) {
			problems.push('mentions.minLength must be a whole number, 1 or more');
		} else {
			minLength = input.minLength;
		}
	}
	let ignore = DEFAULT_MENTIONS.ignore;
	if (input?.ignore !== undefined && input.ignore !== null) {
		if (!Array.isArray(input.ignore) || !input.ignore.every(name => typeof name === 'string')) {
			problems.push('mentions.ignore must be a list of names');
		} else {
			ignore = Object.freeze([...new Set((input.ignore as string[]).map(name => name.replace(/\s+/g, ' ').trim()).filter(Boolean))]);
		}
	}
	return minLength === DEFAULT_MENTIONS.minLength && ignore === DEFAULT_MENTIONS.ignore ? DEFAULT_MENTIONS : Object.freeze({ minLength, ignore });
}
