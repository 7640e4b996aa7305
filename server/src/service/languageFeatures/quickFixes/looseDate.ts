import { isIsoDate } from '../frontmatterRules';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | undefined {
	const lower = name.toLowerCase().replace(/\.$/, '');
	if (lower.length < 3) {
		return undefined;
	}
	const index = MONTHS.findIndex(month => month === lower || (lower.length === 3 && month.startsWith(lower)) || (lower === 'sept' && month === 'september'));
	return index < 0 ? undefined : index + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
	const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : undefined;
}

/**
 * A date written in an unambiguous way other than `YYYY-MM-DD`, as
 * `YYYY-MM-DD`: year first with one-digit parts or other separators
 * (`2026-5-4`, `2026/05/04`, `2026.5.4`), a timestamp (its date as written,
 * `2026-05-14T10:00:00+02:00` → `2026-05-14`), or an English month name
 * (`May 4, 2026`, `4 May 2026`, `4th May 2026`). Day-first and month-first
 * numeric dates (`14/05/2026`, `05/04/2026`) are ambiguous: undefined, as is
 * anything that is not a real calendar date.
 */
export function parseUnambiguousDate(written: string): string | undefined {
	const value = written.trim();
	let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?$/.exec(value);
	if (match) {
		return isoDate(Number(match[1]), Number(match[3]), Number(match[4]));
	}
	match = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)([A-Za-z]+\.?)(?:,?\s+|-)(\d{4})$/.exec(value);
	if (match) {
		const month = monthNumber(match[2]);
		return month === undefined ? undefined : isoDate(Number(match[3]), month, Number(match[1]));
	}
	match = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(value);
	if (match) {
		const month = monthNumber(match[1]);
		return month === undefined ? undefined : isoDate(Number(match[3]), month, Number(match[2]));
	}
	return undefined;
}
