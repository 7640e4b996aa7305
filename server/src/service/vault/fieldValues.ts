import { linkInValue } from '../parse/frontmatterLinks';
import type { FieldType } from './frontmatterSchema';
import { resolveLinkDestination, sectionOfUrl } from './vaultPaths';

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
