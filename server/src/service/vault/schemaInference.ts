import { isListPage, type FieldCounts, type FieldUse, type SectionFieldCounts } from './fieldCounts';
import { ALL_SECTIONS, VAULT_MODEL_FIELDS, VAULT_MODEL_TYPES, type FieldRule, type FieldType, type FrontmatterSchema, type SectionSchema } from './frontmatterSchema';
import type { VaultSettings } from './settings';
import type { VersionedMemo } from '../search/versionedMemo';

/**
 * Inferring a section's schema from its pages (the counts the index keeps,
 * fieldCounts.ts), when no schema is configured:
 * - a field of the vault model (`summary`, `category`, `tags`, `created`,
 *   `updated`) is required where at least half of the pages have it: a vault
 *   that follows the model, even loosely, keeps every check it always had, and
 *   a site that never writes `summary` is never asked for it; in a vault of
 *   fewer than 20 pages with frontmatter, too few to tell, all five are
 *   required as soon as one page has one of them (and when no page has
 *   frontmatter yet);
 * - any other field is required only where nearly every page has it (all but
 *   one in 50) in a section of at least 20 pages: with fewer pages, or more
 *   exceptions, its absence is as likely a convention as a slip, and a
 *   warning would be noise (Hugo's documentation, 990 pages, has none);
 * - a field's type is the type nearly all (49 in 50) of its values have,
 *   given at least 20 of them; the vault model's fields keep their own type
 *   otherwise (`tags` a list of names, `created` a date); a link's section
 *   likewise, when nearly all its links go to one section.
 * A section of fewer than 20 pages is judged on the pages of every section.
 */
export const INFERENCE = Object.freeze({
	/** Pages (or values) needed before a section's own counts decide, and before any other field is inferred. */
	minPages: 20,
	/** Share of the pages a vault model field needs to be required. */
	modelShare: 0.5,
	/** Share of the pages another field needs to be required, and of the values a type needs. */
	nearlyAll: 0.98,
});

/** Fields whose values are URLs of the page itself (redirects, overrides), never links to check. */
const URL_FIELDS: ReadonlySet<string> = new Set(['url', 'slug', 'aliases', 'redirect_from', 'redirect_to', 'permalink']);

/** The schema one section's pages are checked against: its required fields, and each field's rule. */
export interface SectionRules {
	readonly required: readonly string[];
	readonly fields: ReadonlyMap<string, FieldRule>;
}

function dominant(counts: ReadonlyMap<string, number>, total: number): string | undefined {
	for (const [key, count] of counts) {
		if (total >= INFERENCE.minPages && count >= INFERENCE.nearlyAll * total) {
			return key;
		}
	}
	return undefined;
}

function inferredRule(field: string, use: FieldUse, urlFields: ReadonlySet<string>): FieldRule | undefined {
	let type = dominant(use.types, use.present) as FieldType | undefined;
	if (type === 'link' && urlFields.has(field)) {
		type = 'text';
	}
	type ??= VAULT_MODEL_TYPES[field];
	if (type === undefined) {
		return undefined;
	}
	const section = type === 'link' ? dominant(use.linkSections, use.types.get('link') ?? 0) : undefined;
	return section ? { type, section } : { type };
}

/** The counts a section is judged on: its own when it has enough pages, else every section's. */
function evidenceFor(counts: FieldCounts, section: string): SectionFieldCounts {
	const own = counts.section(section);
	return own !== undefined && own.pages >= INFERENCE.minPages ? own : counts.all;
}

/** The schema the pages of `section` show (see the rules above). */
export function inferSectionSchema(counts: FieldCounts, section: string, urlFields: ReadonlySet<string> = URL_FIELDS): SectionSchema {
	const evidence = evidenceFor(counts, section);
	const few = evidence.pages < INFERENCE.minPages;
	const required: string[] = few && (evidence.pages === 0 || evidence.modelPages > 0) ? [...VAULT_MODEL_FIELDS] : [];
	const fields: Record<string, FieldRule> = {};
	for (const [field, use] of evidence.fields) {
		const share = VAULT_MODEL_FIELDS.includes(field) ? INFERENCE.modelShare : INFERENCE.nearlyAll;
		if (!few && use.present >= share * evidence.pages) {
			required.push(field);
		}
		const rule = inferredRule(field, use, urlFields);
		if (rule) {
			fields[field] = rule;
		}
	}
	// The vault model's order first (as the settings list them), then by name.
	const order = (field: string): number => (VAULT_MODEL_FIELDS.includes(field) ? VAULT_MODEL_FIELDS.indexOf(field) : VAULT_MODEL_FIELDS.length);
	required.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
	return { required, fields };
}

/** The fields that name the page's own URLs in these settings (never checked as links). */
function urlFieldsOf(settings: VaultSettings): ReadonlySet<string> {
	const extra = [...settings.site.aliasFields, settings.oldUrlField].filter(Boolean);
	return extra.length === 0 ? URL_FIELDS : new Set([...URL_FIELDS, ...extra]);
}

/**
 * The schema the pages of every section show, as `check --print-schema`
 * prints it (the `frontmatter` key of the configuration file).
 */
export function inferSchema(counts: FieldCounts, settings: VaultSettings): FrontmatterSchema {
	const schema: Record<string, SectionSchema> = {};
	for (const section of counts.sections()) {
		schema[section] = inferSectionSchema(counts, section, urlFieldsOf(settings));
	}
	return schema;
}

/**
 * What the pages of `section` are checked against: the configured schema
 * (its `*` and the section's own) when there is one, else the inferred one;
 * `requiredFields`, when set, required on every section (in place of the
 * inferred ones, or besides the configured ones). The vault model's field
 * types hold for fields no schema types.
 */
export function sectionRules(counts: FieldCounts, settings: VaultSettings, section: string): SectionRules {
	const fields = new Map<string, FieldRule>(Object.entries(VAULT_MODEL_TYPES).map(([field, type]) => [field, { type }]));
	const configured = settings.frontmatter;
	const given = settings.requiredFieldsGiven ? settings.requiredFields : undefined;
	let required: readonly string[];
	if (configured !== undefined) {
		const parts = [configured[ALL_SECTIONS], configured[section]].filter((part): part is SectionSchema => part !== undefined);
		required = [...new Set([...parts.flatMap(part => part.required), ...(given ?? [])])];
		for (const part of parts) {
			for (const [field, rule] of Object.entries(part.fields)) {
				fields.set(field, rule);
			}
		}
	} else {
		const inferred = inferSectionSchema(counts, section, urlFieldsOf(settings));
		required = given ?? inferred.required;
		for (const [field, rule] of Object.entries(inferred.fields)) {
			fields.set(field, rule);
		}
	}
	return { required, fields };
}

/** Section rules kept at an index version (`VaultIndex.sectionRules`), under the settings they were made with. */
export interface KeptSectionRules {
	readonly memo: VersionedMemo<SectionRules>;
	/** The version of the index `counts` belong to. */
	readonly version: number;
}

/**
 * The rules of a page in a section; a list page (`_index.md`) is held to the
 * types only. With `kept`, its section's rules are made once per index
 * version and settings: every page of the section is checked against the same.
 */
export function pageRules(counts: FieldCounts, settings: VaultSettings, section: string, path: string, kept?: KeptSectionRules): SectionRules {
	const rules = kept === undefined ? sectionRules(counts, settings, section) : kept.memo.get(kept.version, section, () => sectionRules(counts, settings, section), settings);
	return isListPage(path) ? { required: [], fields: rules.fields } : rules;
}

/** The schema the vault's pages are checked against: the configured one, else the one its pages show. */
export function effectiveSchema(counts: FieldCounts, settings: VaultSettings): { schema: FrontmatterSchema; inferred: boolean } {
	return settings.frontmatter !== undefined ? { schema: settings.frontmatter, inferred: false } : { schema: inferSchema(counts, settings), inferred: true };
}
