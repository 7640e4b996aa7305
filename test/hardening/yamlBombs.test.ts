import * as assert from 'assert';
import { MAX_FRONTMATTER_VALUES } from '../../server/src/service/parse/frontmatter';
import { recordFigure } from './support/figures';
import { YAML_BOMBS } from './support/hostileTexts';
import { runBounded } from './support/runBounded';

/** Time one case may take on a loaded 2-core CI machine. */
const BUDGET_MS = 3000;
/** The worker is stopped here: a case still running is a hang. */
const DEADLINE_MS = 20000;

/** What each bomb must give: refused with a frontmatter diagnostic, or parsed with bounded data. */
const EXPECTED: Readonly<Record<string, 'refused' | 'bounded'>> = {
	'billion laughs (9 levels × 9 aliases)': 'refused',
	'alias expansion (20 levels × 2 aliases)': 'refused',
	'billion laughs in a flow mapping': 'refused',
	'self-referencing alias in a sequence': 'bounded',
	'self-referencing alias in a mapping': 'bounded',
	'alias used before its anchor': 'refused',
	'merge-key flood (10,000 `<<` merges)': 'bounded',
	'merge-key list of 1,000 aliases': 'bounded',
	'repeated merge keys in one mapping': 'refused',
	'100,000 keys': 'refused',
	'30,000 keys (under the size limit)': 'bounded',
	'10,000-deep flow sequences': 'refused',
	'10,000-deep flow mappings': 'refused',
	'10,000-deep compact block sequences': 'refused',
	'700-deep block mappings by indentation': 'refused',
	'100-deep flow sequences inside quotes (not nesting)': 'bounded',
	'1 MB block (over the 256 KiB frontmatter limit)': 'refused',
	'5 MB block': 'refused',
	'5 MB unclosed block': 'refused',
	'256 KiB of aliases to one anchor': 'refused',
	'TOML: 10,000-deep arrays': 'refused',
	'TOML: 10,000-deep inline tables': 'refused',
	'TOML: 30,000 keys (under the size limit)': 'bounded',
	'TOML: an array over 40,000 lines (under the size limit)': 'bounded',
	'TOML: 5 MB block': 'refused',
};

describe('hardening: YAML (and TOML) bombs', function () {
	this.timeout(120000);
	const names = Object.keys(YAML_BOMBS);
	let overBudget = 0;
	let aborted = 0;
	let undiagnosed = 0;
	let unbounded = 0;

	it('covers every bomb with an expectation', () => {
		assert.deepStrictEqual(names.filter(name => !(name in EXPECTED)), []);
	});

	for (const name of names) {
		it(`${name}: ${EXPECTED[name]} within ${BUDGET_MS} ms, no abort`, async () => {
			const run = await runBounded({ table: 'yaml', name }, DEADLINE_MS);
			if (run.timedOut || run.aborted || run.outcome?.threw) {
				aborted++;
				assert.fail(`${name}: ${run.timedOut ? `still running after ${DEADLINE_MS} ms` : run.aborted ?? run.outcome?.threw}`);
			}
			const outcome = run.outcome!;
			if (outcome.ms > BUDGET_MS) {
				overBudget++;
			}
			assert.ok(outcome.ms <= BUDGET_MS, `${name} took ${Math.round(outcome.ms)} ms`);
			// A page over the page size limit is quarantined whole; a smaller one stays indexed with its frontmatter refused.
			assert.ok(outcome.indexed !== (outcome.quarantined !== undefined), `${name}: indexed ${outcome.indexed}, quarantined ${outcome.quarantined}`);
			if (EXPECTED[name] === 'refused') {
				const diagnosed = outcome.codes.includes(outcome.indexed ? 'frontmatter-syntax' : 'page-unreadable') && outcome.codes.length >= 1;
				if (!diagnosed) {
					undiagnosed++;
				}
				assert.ok(diagnosed, `${name}: no frontmatter-syntax or page-unreadable diagnostic, got ${outcome.codes.join(', ')}`);
				assert.strictEqual(outcome.dataValues, undefined, `${name}: refused data must not be kept`);
			} else {
				const bounded = (outcome.dataValues ?? 0) <= MAX_FRONTMATTER_VALUES;
				if (!bounded) {
					unbounded++;
				}
				assert.ok(bounded, `${name}: ${outcome.dataValues} values kept`);
			}
		});
	}

	after(() => {
		const inputs = `${names.length} bombs (alias expansion, self-references, merge keys, 100,000 keys, 10,000-deep nesting, 5 MB; TOML: deep arrays and inline tables, 30,000 keys, 40,000-line array, 5 MB)`;
		recordFigure({ area: 'Security', test: 'YAML bombs are refused or bounded', inputs, figure: 'process aborts or hangs', value: aborted, expected: 0 });
		recordFigure({ area: 'Security', test: 'YAML bombs are refused or bounded', inputs, figure: `cases over ${BUDGET_MS} ms`, value: overBudget, expected: 0 });
		recordFigure({ area: 'Security', test: 'YAML bombs are refused or bounded', inputs, figure: 'refused without a diagnostic, or data kept unbounded', value: undiagnosed + unbounded, expected: 0 });
	});
});
