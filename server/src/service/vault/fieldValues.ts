import { linkInValue } from '../parse/frontmatterLinks';
import type { FieldType } from './frontmatterSchema';
import { resolveLinkDestination, sectionOfUrl } from './vaultPaths';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The number the two or four ASCII digits of `text` from `at` write. */
function digits(text: string, at: number, count: number): number {
	let n = 0;
	for (let i = at; i < at + count; i++) {
		n = n * 10 + text.charCodeAt(i) - 48;
	}
	return n;
}

/**
 * A real calendar date written `YYYY-MM-DD`, of a year from 100 on (as a
 * JavaScript `Date` reads it: `Date.UTC` takes years 0 to 99 for 1900 to
 * 1999, so they never matched). Counted, no `Date` made: every page's
 * `created` and `updated` are read, twice.
 */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string' || !DATE.test(value)) {
		return false;
	}
	const year = digits(value, 0, 4);
	const month = digits(value, 5, 2);
	const day = digits(value, 8, 2);
	return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The days of `month` (1 to 12) of `year`, in the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** No value: null, blank text, an empty list. */
export function isEmptyValue(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * The page a frontmatter value written on the page at `fromPath` links to
 * (`[London](/places/london/)` or `/places/london/`): its URL and section,
 * or undefined when the value is no link to a page.
 */
export function linkValueTarget(value: unknown, fromPath: string): { url: string; section: string | undefined; markdown: boolean } | undefined {
	if (typeof value !== 'string') {
		return undefined;
	}
	const link = linkInValue(value);
	if (!link) {
		return undefined;
	}
	const target = resolveLinkDestination(link.destination, fromPath);
	return target.kind === 'page' ? { url: target.url, section: sectionOfUrl(target.url), markdown: link.markdown } : undefined;
}

/**
 * The type a value has, as the schema names them (see frontmatterSchema.ts):
 * the narrowest that fits (a date or a link before text, names before list);
 * undefined for an empty value or a mapping.
 */
export function valueTypeOf(value: unknown, fromPath: string): FieldType | undefined {
	if (isEmptyValue(value)) {
		return undefined;
	}
	switch (typeof value) {
		case 'string':
			return isIsoDate(value) ? 'date' : linkValueTarget(value, fromPath) ? 'link' : 'text';
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		default:
			if (Array.isArray(value)) {
				return value.every(item => typeof item === 'string' || typeof item === 'number') ? 'names' : 'list';
			}
			return undefined;
	}
}

/** Whether a (non-empty) value fits a type; a narrower type fits a wider one (a date is text, names are a list). */
export function valueFits(value: unknown, type: FieldType, fromPath: string): boolean {
	switch (type) {
		case 'text':
			return typeof value === 'string' || typeof value === 'number';
		case 'date':
			return isIsoDate(value);
		case 'link':
			return linkValueTarget(value, fromPath) !== undefined;
		case 'names':
			return Array.isArray(value) && value.every(item => typeof item === 'string' || typeof item === 'number');
		case 'list':
			return Array.isArray(value);
		case 'number':
			return typeof value === 'number';
		case 'boolean':
			return typeof value === 'boolean';
	}
}
