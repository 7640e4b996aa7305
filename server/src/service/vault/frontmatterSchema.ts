/**
 * The frontmatter schema: per section (and `*` for every section) the fields
 * a page must have, the type of each field and its allowed values. It is the
 * `frontmatter` key of the vault configuration file, or, without one, what
 * the vault's own pages show (see schemaInference.ts).
 */

/**
 * What a field holds: `text` (a string or a number), `date` (`YYYY-MM-DD`),
 * `names` (a list of names, `- Name` lines), `link` (a link to a page, as
 * `[Text](/section/slug/)` or a bare `/section/slug/`), `list` (any list),
 * `number`, `boolean`.
 */
export const FIELD_TYPES = ['text', 'date', 'names', 'link', 'list', 'number', 'boolean'] as const;

export type FieldType = typeof FIELD_TYPES[number];

/** One field of a section's schema. */
export interface FieldRule {
	readonly type?: FieldType;
	/** For a `link`: the section its pages must be in (`places`, written with or without slashes). */
	readonly section?: string;
	/** The values allowed (of each item, for a list). */
	readonly values?: readonly (string | number | boolean)[];
}

export interface SectionSchema {
	readonly required: readonly string[];
	readonly fields: Readonly<Record<string, FieldRule>>;
}

/** Section name (or `*`) → its schema. */
export type FrontmatterSchema = Readonly<Record<string, SectionSchema>>;

/** The key of the schema that applies to every section. */
export const ALL_SECTIONS = '*';

const FIELD_RULE_KEYS: ReadonlySet<string> = new Set(['type', 'section', 'values']);
const SECTION_KEYS: ReadonlySet<string> = new Set(['required', 'fields']);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/places/`, `places/` and `places` all name the section `places`. */
export function sectionName(written: string): string {
	return written.trim().replace(/^\/+|\/+$/g, '');
}

function fieldRuleFrom(where: string, input: unknown, problems: string[]): FieldRule | undefined {
	if (!isObject(input)) {
		problems.push(`${where} must be an object with type, section or values`);
		return undefined;
	}
	const rule: { type?: FieldType; section?: string; values?: readonly (string | number | boolean)[] } = {};
	for (const key of Object.keys(input)) {
		if (!FIELD_RULE_KEYS.has(key)) {
			problems.push(`${where} has an unknown key \`${key}\` (known: type, section, values)`);
		}
	}
	if (input.type !== undefined) {
		if (typeof input.type === 'string' && (FIELD_TYPES as readonly string[]).includes(input.type)) {
			rule.type = input.type as FieldType;
		} else {
			problems.push(`${where}.type must be one of ${FIELD_TYPES.join(', ')}`);
		}
	}
	if (input.section !== undefined) {
		if (typeof input.section === 'string' && sectionName(input.section) !== '' && !sectionName(input.section).includes('/')) {
			rule.section = sectionName(input.section);
			if (rule.type !== undefined && rule.type !== 'link') {
				problems.push(`${where}.section applies to a link only, not to a field of type ${rule.type}`);
			}
			rule.type ??= 'link';
		} else {
			problems.push(`${where}.section must name a section, such as "places"`);
		}
	}
	if (input.values !== undefined) {
		if (Array.isArray(input.values) && input.values.length > 0 && input.values.every(value => ['string', 'number', 'boolean'].includes(typeof value))) {
			rule.values = Object.freeze([...new Set(input.values as (string | number | boolean)[])]);
		} else {
			problems.push(`${where}.values must be a non-empty list of texts, numbers or booleans`);
		}
	}
	return Object.freeze(rule);
}

function sectionSchemaFrom(where: string, input: unknown, problems: string[]): SectionSchema | undefined {
	if (!isObject(input)) {
		problems.push(`${where} must be an object with required and fields`);
		return undefined;
	}
	for (const key of Object.keys(input)) {
		if (!SECTION_KEYS.has(key)) {
			problems.push(`${where} has an unknown key \`${key}\` (known: required, fields)`);
		}
	}
	let required: readonly string[] = [];
	if (input.required !== undefined) {
		if (Array.isArray(input.required) && input.required.every(field => typeof field === 'string')) {
			required = Object.freeze([...new Set((input.required as string[]).map(field => field.trim()).filter(Boolean))]);
		} else {
			problems.push(`${where}.required must be a list of field names`);
		}
	}
	const fields: Record<string, FieldRule> = {};
	if (input.fields !== undefined) {
		if (isObject(input.fields)) {
			for (const [name, value] of Object.entries(input.fields)) {
				const rule = fieldRuleFrom(`${where}.fields.${name}`, value, problems);
				if (rule) {
					fields[name] = rule;
				}
			}
		} else {
			problems.push(`${where}.fields must be an object mapping field names to their type, section and values`);
		}
	}
	return Object.freeze({ required, fields: Object.freeze(fields) });
}

/**
 * The schema from the loosely typed `frontmatter` key of the vault
 * configuration file; what is wrong is reported in `problems` and left out.
 */
export function frontmatterSchemaFrom(input: unknown, problems: string[]): FrontmatterSchema | undefined {
	if (input === undefined || input === null) {
		return undefined;
	}
	if (!isObject(input)) {
		problems.push('frontmatter must be an object mapping sections (or "*") to their schema');
		return undefined;
	}
	const schema: Record<string, SectionSchema> = {};
	for (const [section, value] of Object.entries(input)) {
		const name = section === ALL_SECTIONS ? section : sectionName(section);
		const parsed = sectionSchemaFrom(`frontmatter.${section}`, value, problems);
		if (parsed) {
			schema[name] = parsed;
		}
	}
	return Object.freeze(schema);
}

/** The schema as the JSON of the configuration file's `frontmatter` key (sections in order, `*` first). */
export function schemaToJson(schema: FrontmatterSchema): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const names = Object.keys(schema).sort((a, b) => (a === ALL_SECTIONS ? -1 : b === ALL_SECTIONS ? 1 : a < b ? -1 : a > b ? 1 : 0));
	for (const name of names) {
		const section = schema[name];
		const fields: Record<string, unknown> = {};
		for (const field of Object.keys(section.fields).sort()) {
			fields[field] = { ...section.fields[field] };
		}
		out[name] = { required: [...section.required], fields };
	}
	return out;
}

/**
 * The types of the vault model's fields (the README's *The vault model*),
 * checked wherever the field is written unless a schema says otherwise.
 */
export const VAULT_MODEL_TYPES: Readonly<Record<string, FieldType>> = Object.freeze({
	title: 'text',
	summary: 'text',
	category: 'text',
	location: 'text',
	tags: 'names',
	aliases: 'names',
	created: 'date',
	updated: 'date',
});

/** The fields the vault model requires on an entity page (the default of `requiredFields`). */
export const VAULT_MODEL_FIELDS: readonly string[] = Object.freeze(['summary', 'category', 'tags', 'created', 'updated']);
