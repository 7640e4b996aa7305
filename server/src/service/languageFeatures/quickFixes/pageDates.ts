import { isIsoDate } from '../frontmatterRules';
import { parseUnambiguousDate } from './looseDate';

/** A frontmatter value as a `YYYY-MM-DD` date: written so, or written another unambiguous way. */
function dateOf(value: unknown): string | undefined {
	if (isIsoDate(value)) {
		return value;
	}
	return typeof value === 'string' ? parseUnambiguousDate(value) : undefined;
}

function earliest(dates: readonly string[]): string | undefined {
	return dates.reduce<string | undefined>((min, date) => (min === undefined || date < min ? date : min), undefined);
}

/**
 * The dates a quick fix writes into an empty or missing `created` and
 * `updated`, so that the page never ends with `updated` before `created`:
 * - `created`: its own date when it has one, else the oldest date the
 *   frontmatter knows (`updated` and every other top-level date field),
 *   else today;
 * - `updated`: its own date when it has one, else today, or `created` when
 *   that is after today.
 * No date of the page is ever replaced: only missing ones are chosen.
 */
export function fillDates(data: Readonly<Record<string, unknown>> | undefined, today: string): { created: string; updated: string } {
	const fields = data ?? {};
	const known = Object.values(fields).map(dateOf).filter((date): date is string => date !== undefined);
	const created = dateOf(fields.created) ?? earliest(known) ?? today;
	const updated = dateOf(fields.updated) ?? (created > today ? created : today);
	return { created, updated };
}
