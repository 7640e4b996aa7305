import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../support/paths';

/**
 * The figures of the hardening suite: each test records what it fed in and
 * what it counted (crashes, divergences, reads outside the root,
 * evaluations…) into a JSON file; after the suite, docs/reliability.md is
 * written from it. Loaded by every hardening test file, so its root hooks
 * run once per mocha run.
 */
export interface Figure {
	/** Area of the issue: Security, Robustness, Faults, Races, Fuzzing. */
	readonly area: string;
	readonly test: string;
	/** What was fed in, e.g. `212 destinations`. */
	readonly inputs: string;
	/** What was counted, e.g. `not reported as link-outside-vault`. */
	readonly figure: string;
	readonly value: number;
	/** The only acceptable value (0 for crashes, divergences…). */
	readonly expected: number;
	/** Anything the reader must know (a known bug, where the fix goes). */
	readonly note?: string;
}

const FIGURES_FILE = path.join(__dirname, 'reliability-figures.json');
export const RELIABILITY_DOC = path.join(repoRoot, 'docs', 'reliability.md');

function readFigures(): Figure[] {
	try {
		return JSON.parse(fs.readFileSync(FIGURES_FILE, 'utf8')) as Figure[];
	} catch {
		return [];
	}
}

/** Records one figure of the current run (replacing an earlier one of the same test and figure). */
export function recordFigure(figure: Figure): void {
	const figures = readFigures().filter(existing => !(existing.test === figure.test && existing.figure === figure.figure));
	figures.push(figure);
	fs.writeFileSync(FIGURES_FILE, JSON.stringify(figures, null, '\t'));
}

/** Tests outside this folder whose outcome is reported too (reused rather than duplicated). */
const REUSED_TESTS: readonly { title: string; area: string; test: string; inputs: string; figure: string }[] = [
	{
		title: 'no module imports gray-matter (it would evaluate JavaScript frontmatter); frontmatter.ts calls js-yaml directly',
		area: 'Security',
		test: 'gray-matter is never called; js-yaml only through the safe wrapper (test/unit/frontmatter.test.ts)',
		inputs: 'every .ts/.js file of server/src, client/src, scripts, bin',
		figure: 'modules importing gray-matter, or calls to matter.stringify/read',
	},
];

function escapeCell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function writeReliabilityDoc(figures: readonly Figure[]): void {
	const areas = ['Security', 'Robustness', 'Fuzzing', 'Faults', 'Races'];
	const sorted = [...figures].sort((a, b) => (areas.indexOf(a.area) - areas.indexOf(b.area)) || 0);
	const failing = sorted.filter(figure => figure.value !== figure.expected);
	const lines = [
		'# Reliability figures',
		'',
		'Written by `npm run test:hardening` (the suite in `test/hardening/`, which CI runs); do not edit by hand.',
		'Every row is one test of issue 6 with what it fed in and what it counted. A figure is met when its value is the expected one.',
		'',
		failing.length === 0
			? `All ${sorted.length} figures are met.`
			: `**${failing.length} of ${sorted.length} figures are not met** (marked ✗; see the notes).`,
		'',
		'| Area | Test | Inputs | Figure | Value | Expected | |',
		'|---|---|---|---|---:|---:|---|',
		...sorted.map(figure => `| ${figure.area} | ${escapeCell(figure.test)} | ${escapeCell(figure.inputs)} | ${escapeCell(figure.figure)} | ${figure.value} | ${figure.expected} | ${figure.value === figure.expected ? '✓' : '✗'} |`),
		'',
	];
	const notes = sorted.filter(figure => figure.note);
	if (notes.length > 0) {
		lines.push('## Notes', '');
		for (const figure of notes) {
			lines.push(`- **${escapeCell(figure.test)}** (${figure.figure}): ${figure.note}`);
		}
		lines.push('');
	}
	lines.push('The soak run (`npm run soak`, not in CI) reports its own figures (RSS trend, event-loop lag p99); see the closing note of issue 6.', '');
	fs.mkdirSync(path.dirname(RELIABILITY_DOC), { recursive: true });
	fs.writeFileSync(RELIABILITY_DOC, lines.join('\n'));
}

// Root hooks: registered once, when the first hardening file loads this module under mocha.
if (typeof before === 'function' && typeof after === 'function') {
	before(() => {
		fs.rmSync(FIGURES_FILE, { force: true });
	});
	afterEach(function () {
		const test = this.currentTest;
		const reused = REUSED_TESTS.find(candidate => candidate.title === test?.title);
		if (test && reused && (test.state === 'passed' || test.state === 'failed')) {
			recordFigure({ area: reused.area, test: reused.test, inputs: reused.inputs, figure: reused.figure, value: test.state === 'passed' ? 0 : 1, expected: 0 });
		}
	});
	after(() => {
		const figures = readFigures();
		if (figures.length > 0) {
			writeReliabilityDoc(figures);
		}
	});
}
