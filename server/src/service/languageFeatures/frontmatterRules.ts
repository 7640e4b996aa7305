import type { PageFrontmatter } from '../parse/pageSummary';
import type { Span } from '../parse/markdownTypes';
import { isEmptyValue, isIsoDate, linkValueTarget, valueFits } from '../vault/fieldValues';
import type { FieldRule, FieldType } from '../vault/frontmatterSchema';
import type { SectionRules } from '../vault/schemaInference';

export { isIsoDate } from '../vault/fieldValues';

export interface FieldFinding {
	readonly span: Span;
	readonly message: string;
	readonly data: {
		readonly field: string;
		/** `section`: a link to a page of another section than the schema's; `value`: not one of the allowed values. */
		readonly reason: 'missing' | 'type' | 'date-format' | 'date-order' | 'section' | 'value';
		readonly expected: FieldType | 'any';
		/** Offset of the closing fence, where a missing field is inserted. */
		readonly insertOffset: number;
	};
}

function describe(value: unknown): string {
	if (value === null || value === undefined) {
		return 'empty';
	}
	if (Array.isArray(value)) {
		return 'a list';
	}
	if (typeof value === 'object') {
		return 'a mapping';
	}
	return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} "${String(value)}"`;
}

/** What a value of `rule`'s type should be, in a message: "should be …". */
function expectation(rule: FieldRule & { type: FieldType }): string {
	switch (rule.type) {
		case 'text':
			return 'text';
		case 'date':
			return 'a date written YYYY-MM-DD';
		case 'names':
			return 'a list of names ("- Name" lines)';
		case 'list':
			return 'a list';
		case 'number':
			return 'a number';
		case 'boolean':
			return 'true or false';
		case 'link':
			return `a link to a page${rule.section ? ` in /${rule.section}/` : ''}, such as "[Name](/${rule.section ?? 'section'}/slug/)"`;
	}
}

/**
 * The fields `validateFrontmatterFields` checks, in order: the required ones,
 * then those of the rules the data has, each once. One list, not two sets
 * and three lists made for every entity page checked.
 */
function fieldsToCheck(rules: SectionRules, data: Readonly<Record<string, unknown>>): string[] {
	const fields: string[] = [];
	for (const field of rules.required) {
		if (!fields.includes(field)) {
			fields.push(field);
		}
	}
	for (const field of rules.fields.keys()) {
		if (field in data && !rules.required.includes(field)) {
			fields.push(field);
		}
	}
	return fields;
}

/**
 * What is wrong with the frontmatter of the page at `path` under `rules` (the
 * schema of its section, see vault/schemaInference.ts): required fields
 * missing or empty, values of the wrong type, links to another section than
 * the schema's, values not among the allowed ones, badly written dates,
 * `updated` before `created`.
 */
export function validateFrontmatterFields(frontmatter: PageFrontmatter, rules: SectionRules, path: string): FieldFinding[] {
	const data = frontmatter.data ?? {};
	const findings: FieldFinding[] = [];
	const openingFence: Span = { start: 0, end: 3 };
	const insertOffset = frontmatter.closingFenceStart ?? frontmatter.bodyStart;
	const fieldSpan = (field: string): Span => {
		const found = frontmatter.fields.find(candidate => candidate.key === field);
		if (!found) {
			return openingFence;
		}
		return found.valueSpan.end > found.valueSpan.start ? found.valueSpan : found.keySpan;
	};
	const add = (field: string, reason: FieldFinding['data']['reason'], expected: FieldType | 'any', message: string, span = fieldSpan(field)): void => {
		findings.push({ span, message, data: { field, reason, expected, insertOffset } });
	};
	const required = rules.required;
	for (const field of fieldsToCheck(rules, data)) {
		const rule = rules.fields.get(field);
		const expected = rule?.type ?? 'any';
		const value = data[field];
		if (!(field in data) || isEmptyValue(value)) {
			if (required.includes(field)) {
				const present = field in data;
				add(field, present ? 'type' : 'missing', expected, present ? `Frontmatter field "${field}" is empty.` : `Frontmatter field "${field}" is missing.`);
			}
			continue;
		}
		if (rule?.type !== undefined && !valueFits(value, rule.type, path)) {
			add(field, rule.type === 'date' ? 'date-format' : 'type', rule.type, `Frontmatter field "${field}" should be ${expectation({ ...rule, type: rule.type })}, not ${describe(value)}.`);
			continue;
		}
		if (rule?.type === 'link' && rule.section !== undefined) {
			checkLinkSection(frontmatter, field, value, rule.section, path, add);
		}
		if (rule?.values !== undefined) {
			const allowed = rule.values;
			const wrong = (Array.isArray(value) ? value : [value]).find(item => !allowed.includes(item as string | number | boolean));
			if (wrong !== undefined) {
				add(field, 'value', expected, `Frontmatter field "${field}" should be one of ${allowed.map(item => JSON.stringify(item)).join(', ')}, not ${JSON.stringify(wrong)}.`);
			}
		}
	}
	if (isIsoDate(data.created) && isIsoDate(data.updated) && data.updated < data.created) {
		add('updated', 'date-order', 'date', `updated (${data.updated}) is before created (${data.created}).`);
	}
	return findings;
}

/** A link field whose page is in another section than the schema's: on the link's destination. */
function checkLinkSection(frontmatter: PageFrontmatter, field: string, value: unknown, section: string, path: string,
	add: (field: string, reason: 'section', expected: FieldType, message: string, span?: Span) => void): void {
	const target = linkValueTarget(value, path);
	if (target === undefined || target.section === section) {
		return;
	}
	const written = frontmatter.links.find(link => link.field === field);
	add(field, 'section', 'link', `Frontmatter field "${field}" should link to a page in /${section}/, not ${target.url}.`, written?.destinationSpan);
}
