import * as assert from 'assert';
import { parseUnambiguousDate } from '../../server/src/service/languageFeatures/quickFixes/looseDate';

describe('code actions: unambiguous dates', () => {
	it('reads year-first dates, timestamps and dates with month names', () => {
		const cases: [string, string][] = [
			['2026-5-4', '2026-05-04'],
			['2026/05/04', '2026-05-04'],
			['2026.5.14', '2026-05-14'],
			['2026-05-14T23:30:00-05:00', '2026-05-14'],
			['2026-05-14 10:00', '2026-05-14'],
			['2026-05-14t10:00:00.5Z', '2026-05-14'],
			['May 4, 2026', '2026-05-04'],
			['Sept. 30 2026', '2026-09-30'],
			['4 May 2026', '2026-05-04'],
			['4th May, 2026', '2026-05-04'],
			['14-Feb-2024', '2024-02-14'],
			['29 February 2024', '2024-02-29'],
			['  2026-5-4  ', '2026-05-04'],
		];
		for (const [written, iso] of cases) {
			assert.strictEqual(parseUnambiguousDate(written), iso, written);
		}
	});

	it('refuses ambiguous, impossible and partial dates', () => {
		for (const written of ['14/05/2026', '05/04/2026', '4.5.2026', '2026-13-01', '2026-02-30', '29 February 2026', 'Smarch 3, 2026', 'Ma 3, 2026', '2026', '2026-05', 'yesterday', '', '2026-5-4-1', '2026-5/4']) {
			assert.strictEqual(parseUnambiguousDate(written), undefined, written);
		}
	});
});
