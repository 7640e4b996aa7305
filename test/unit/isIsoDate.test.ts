import * as assert from 'assert';
import * as fc from 'fast-check';
import { isIsoDate } from '../../server/src/service/vault/fieldValues';

/** The reference: the date `Date.UTC` makes of the numbers reads back the same. */
function isIsoDateByDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) {
		return false;
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe('isIsoDate: a real calendar date written YYYY-MM-DD', () => {
	it('says what a Date made of its numbers says', () => {
		const pad = (n: number, width: number): string => String(n).padStart(width, '0');
		fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
			const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
			assert.strictEqual(isIsoDate(value), isIsoDateByDate(value), value);
		}), { numRuns: 20000 });
	});

	it('leap years, the ends of months, years before 100, and what is no date', () => {
		const cases: [unknown, boolean][] = [
			['2024-02-29', true], ['2023-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2025-04-30', true], ['2025-04-31', false],
			['2025-12-31', true], ['2025-13-01', false], ['2025-00-10', false], ['2025-01-00', false], ['0099-01-01', false], ['0100-01-01', true],
			['2025-1-01', false], ['2025-01-01 ', false], ['２０２５-01-01', false], [20250101, false], [undefined, false], [new Date(0), false],
		];
		assert.deepStrictEqual(cases.map(([value]) => isIsoDate(value)), cases.map(([, expected]) => expected));
		for (const [value] of cases) {
			if (typeof value === 'string') {
				assert.strictEqual(isIsoDate(value), isIsoDateByDate(value), value);
			}
		}
	});
});
