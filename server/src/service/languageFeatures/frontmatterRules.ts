import type { PageFrontmatter } from '../parse/pageSummary';
import type { Span } from '../parse/markdownTypes';

type FieldKind = 'text' | 'list' | 'date' | 'any';

/** What a known field must hold. Fields not named here only need a value. */
export const FIELD_KINDS: Readonly<Record<string, FieldKind>> = Object.freeze({
	title: 'text',
	summary: 'text',
	category: 'text',
	location: 'text',
	tags: 'list',
	aliases: 'list',
	created: 'date',
	updated: 'date',
});

export interface FieldFinding {
	readonly span: Span;
	readonly message: string;
	readonly data: {
		readonly field: string;
		readonly reason: 'missing' | 'type' | 'date-format' | 'date-order';
		readonly expected: FieldKind;
		/** Offset of the closing fence, where a missing field is inserted. */
		readonly insertOffset: number;
	};
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') {
		return false;
	}
	const match = DATE.exec(value);
	if (!match) {
		return false;
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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

function isEmptyValue(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Required fields that are missing or of the wrong type, badly written dates, `updated` before `created`. */
export function validateFrontmatterFields(frontmatter: PageFrontmatter, requiredFields: readonly string[]): FieldFinding[] {
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
	const required = new Set(requiredFields);
	const fields = new Set([...requiredFields, ...Object.keys(FIELD_KINDS).filter(field => field in data)]);
	for (const field of fields) {
		const expected = FIELD_KINDS[field] ?? 'any';
		const value = data[field];
		if (!(field in data) || isEmptyValue(value)) {
			if (required.has(field)) {
				const present = field in data;
				findings.push({
					span: fieldSpan(field),
					message: present ? `Frontmatter field "${field}" is empty.` : `Frontmatter field "${field}" is missing.`,
					data: { field, reason: present ? 'type' : 'missing', expected, insertOffset },
				});
			}
			continue;
		}
		if (expected === 'text' && typeof value !== 'string' && typeof value !== 'number') {
			findings.push({ span: fieldSpan(field), message: `Frontmatter field "${field}" should be text, not ${describe(value)}.`, data: { field, reason: 'type', expected, insertOffset } });
		} else if (expected === 'list' && !(Array.isArray(value) && value.every(item => typeof item === 'string' || typeof item === 'number'))) {
			findings.push({ span: fieldSpan(field), message: `Frontmatter field "${field}" should be a list of names ("- Name" lines), not ${describe(value)}.`, data: { field, reason: 'type', expected, insertOffset } });
		} else if (expected === 'date' && !isIsoDate(value)) {
			findings.push({ span: fieldSpan(field), message: `Frontmatter field "${field}" should be a date written YYYY-MM-DD, not ${describe(value)}.`, data: { field, reason: 'date-format', expected, insertOffset } });
		}
	}
	if (isIsoDate(data.created) && isIsoDate(data.updated) && data.updated < data.created) {
		findings.push({
			span: fieldSpan('updated'),
			message: `updated (${data.updated}) is before created (${data.created}).`,
			data: { field: 'updated', reason: 'date-order', expected: 'date', insertOffset },
		});
	}
	return findings;
}
