/**
 * The benchmark's results: one JSON document per run, a terminal / markdown
 * table, and the targets of issue 5 judged against the largest size measured.
 */
import * as os from 'os';
import * as fs from 'fs';
import { execSync } from 'child_process';
import type { CheckFigures } from './checkBench';
import type { InProcessFigures } from './inProcessBench';
import type { VaultStats } from './generateVault';
import { REQUEST_KINDS, REQUEST_LABELS, SERVER_DEBOUNCE_MS, type ServerFigures } from './serverBench';
import { COMPLETION_LIMIT } from '../server/src/service/languageFeatures/completion';

export interface SizeResult {
	readonly pages: number;
	readonly vault: VaultStats & { generatedInSeconds?: number };
	readonly server?: ServerFigures;
	readonly check?: CheckFigures;
	readonly inProcess?: InProcessFigures;
	readonly errors: string[];
}

export interface Machine {
	readonly cpus: number;
	readonly cpuModel: string;
	readonly memoryGiB: number;
	readonly freeGiB: string;
	readonly node: string;
	readonly platform: string;
	/** 1-minute load average when the run started (the machine is shared). */
	readonly loadAverage: number;
}

export interface BenchResults {
	readonly date: string;
	readonly seed: number;
	readonly requestsPerKind: number;
	readonly edits: number;
	readonly machine: Machine;
	readonly sizes: SizeResult[];
}

export function describeMachine(): Machine {
	let cpuModel = os.cpus()[0]?.model ?? 'unknown';
	try {
		cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
	} catch {
		// not Linux
	}
	let freeGiB = '';
	try {
		freeGiB = execSync('free -g', { encoding: 'utf8' }).trimEnd();
	} catch {
		freeGiB = `${Math.round(os.freemem() / 2 ** 30)} GiB free`;
	}
	let cpus = os.availableParallelism?.() ?? os.cpus().length;
	try {
		cpus = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || cpus;
	} catch {
		// no nproc
	}
	return {
		cpus,
		cpuModel,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		freeGiB,
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		loadAverage: os.loadavg()[0],
	};
}

const ms = (value: number | undefined): string => {
	if (value === undefined || Number.isNaN(value)) {
		return '—';
	}
	if (value >= 10000) {
		return `${(value / 1000).toFixed(1)} s`;
	}
	if (value >= 1000) {
		return `${(value / 1000).toFixed(2)} s`;
	}
	if (value >= 100) {
		return `${value.toFixed(0)} ms`;
	}
	if (value >= 10) {
		return `${value.toFixed(1)} ms`;
	}
	return `${value.toFixed(2)} ms`;
};
const mib = (kib: number | undefined): string => (kib === undefined ? '—' : `${(kib / 1024).toFixed(0)} MiB`);
const ratio = (a: number | undefined, b: number | undefined): string =>
	a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '—' : `${(a / b).toFixed(2)}×`;
/** A total, marked when it was extrapolated from the first `done` pages (time budget spent). */
const extrapolated = (value: number, done: number | undefined, pages: number): string =>
	done === undefined || done >= pages ? ms(value) : `≈ ${ms(value)} (from ${done} pages)`;
const pair = (median: number | undefined, p99: number | undefined): string => `${ms(median)} / ${ms(p99)}`;

/** Rows of the results table: a label and one cell per size. */
export function resultRows(results: BenchResults): { label: string; cells: string[] }[] {
	const rows: { label: string; cells: string[] }[] = [];
	const row = (label: string, cell: (size: SizeResult) => string) => rows.push({ label, cells: results.sizes.map(cell) });
	row('vault: size on disk / links / broken links', s => `${(s.vault.bytes / 1048576).toFixed(1)} MiB / ${s.vault.links} / ${s.vault.brokenLinks}`);
	row('cold index (initialize → ready)', s => ms(s.server?.coldIndexMs));
	row('server RSS after indexing / peak (VmHWM)', s => `${mib(s.server?.rssAfterIndexKiB)} / ${mib(s.server?.peakRssKiB)}`);
	row('warm start with persisted index', s => (s.server?.secondStartMs === undefined ? '—' : ms(s.server.secondStartMs)));
	for (const kind of REQUEST_KINDS) {
		row(`${REQUEST_LABELS[kind]}: median / p99`, s => {
			const figures = s.server?.requests[kind];
			if (!figures) {
				return '—';
			}
			if (figures.error) {
				return `error: ${figures.error.slice(0, 40)}`;
			}
			const items = figures.items === undefined ? '' : ` (${figures.items}${figures.incomplete ? ', incomplete' : ''})`;
			const empty = figures.empty > 0 ? ` [${figures.empty} empty]` : '';
			return `${pair(figures.median, figures.p99)}${items}${empty}`;
		});
		row('  same, server time', s => {
			const figures = s.server?.requests[kind];
			return figures?.server && !figures.error ? pair(figures.server.median, figures.server.p99) : '—';
		});
	}
	row('edit → diagnostics, 50 KB page, raw: median / p99', s => (s.server?.edit?.error ? `error: ${s.server.edit.error.slice(0, 40)}` : pair(s.server?.edit?.raw.median, s.server?.edit?.raw.p99)));
	row(`  same, after the ${SERVER_DEBOUNCE_MS} ms debounce`, s => pair(s.server?.edit?.afterDebounce.median, s.server?.edit?.afterDebounce.p99));
	row('edit → diagnostics right after the cold start, after the debounce: median / p99', s => {
		const edit = s.server?.editAfterColdStart;
		return edit?.error ? `error: ${edit.error.slice(0, 40)}` : pair(edit?.afterDebounce.median, edit?.afterDebounce.p99);
	});
	row('typing: `didChange` then completion, round trip: median / p99', s => {
		const typing = s.server?.typing;
		return typing?.error ? `error: ${typing.error.slice(0, 40)}` : `${pair(typing?.roundTrip.median, typing?.roundTrip.p99)}${typing?.items === undefined ? '' : ` (${typing.items})`}`;
	});
	row('  same, completion\'s server time', s => pair(s.server?.typing?.server.median, s.server?.typing?.server.p99));
	row('  same, server CPU per keystroke (`didChange` and completion)', s => ms(s.server?.typing?.serverCpuMs));
	row('references to the most linked page: first results / whole, p99', s => {
		const references = s.server?.referencesMostLinked;
		if (references?.error) {
			return `error: ${references.error.slice(0, 40)}`;
		}
		return references ? `${ms(references.first.p99)} / ${ms(references.whole.p99)} (${references.backlinks} links${references.partial > 0 ? `, ${references.partial} partial` : ''})` : '—';
	});
	row('  same, server time: median / p99', s => pair(s.server?.referencesMostLinked?.server.median, s.server?.referencesMostLinked?.server.p99));
	row('  same, server CPU per answer', s => ms(s.server?.referencesMostLinked?.serverCpuMs));
	row('`entity-vault check`: wall / peak RSS', s => {
		if (s.check?.error) {
			return `error: ${s.check.error.slice(0, 40)}`;
		}
		return s.check?.timedOut ? `> ${ms(s.check.wallMs)} (stopped)` : `${ms(s.check?.wallMs)} / ${mib(s.check?.peakRssKiB)}`;
	});
	row('retained heap per page, persisted index written (code compiled before, by a warm-up on 1,000 pages)', s => (s.inProcess ? `${(s.inProcess.ours.retainedBytesPerPage / 1024).toFixed(2)} KiB` : '—'));
	row('  same, the code compiled for it counted (as before session 12)', s => {
		const withCode = s.inProcess?.ours.retainedWithCodeBytesPerPage;
		return withCode === undefined ? '—' : `${(withCode / 1024).toFixed(2)} KiB`;
	});
	row('floor: read + gray-matter frontmatter', s => ms(s.inProcess?.floor.ms));
	row('floor split over two worker threads', s => ms(s.inProcess?.twoWorkers?.floor.ms));
	row('our parse on two worker threads, without the main thread\'s indexing', s => ms(s.inProcess?.twoWorkers?.parse.ms));
	row('  same, summaries posted to the main thread', s => ms(s.inProcess?.twoWorkers?.parsePosted.ms));
	row('floor on two worker threads + every body tokenised by our scanner, nothing kept', s => ms(s.inProcess?.twoWorkers?.floorScan?.ms));
	row('  same, bodies tokenised by markdown-it', s => ms(s.inProcess?.twoWorkers?.floorMarkdownIt?.ms));
	row('ours in-process: read + index', s => ms(s.inProcess?.ours.indexMs));
	row('ours in-process: + every page\'s diagnostics', s => (s.inProcess ? extrapolated(s.inProcess.ours.indexMs + s.inProcess.ours.diagnosticsMs, s.inProcess.ours.diagnosedPages, s.pages) : '—'));
	row('peer (vscode-markdown-languageservice): read + diagnostics', s => {
		const peer = s.inProcess?.peer;
		return peer?.error ? `error: ${peer.error.slice(0, 40)}` : peer ? extrapolated(peer.totalMs, peer.diagnosedPages, s.pages) : '—';
	});
	row('ratio: server cold index / floor', s => ratio(s.server?.coldIndexMs, s.inProcess?.floor.ms));
	row('ratio: in-process index / floor', s => ratio(s.inProcess?.ours.indexMs, s.inProcess?.floor.ms));
	row('ratio: floor on two workers / floor', s => ratio(s.inProcess?.twoWorkers?.floor.ms, s.inProcess?.floor.ms));
	row('ratio: our parse on two workers / floor', s => ratio(s.inProcess?.twoWorkers?.parse.ms, s.inProcess?.floor.ms));
	row('ratio: floor + our body scan on two workers / floor', s => ratio(s.inProcess?.twoWorkers?.floorScan?.ms, s.inProcess?.floor.ms));
	row('ratio: floor + markdown-it on two workers / floor', s => ratio(s.inProcess?.twoWorkers?.floorMarkdownIt?.ms, s.inProcess?.floor.ms));
	row('ratio: peer / ours (index + all diagnostics)', s => ratio(s.inProcess?.peer?.totalMs, s.inProcess ? s.inProcess.ours.indexMs + s.inProcess.ours.diagnosticsMs : undefined));
	row('ratio: peer / `check` wall', s => (s.check?.timedOut ? '—' : ratio(s.inProcess?.peer?.totalMs, s.check?.wallMs)));
	return rows;
}

export function terminalTable(results: BenchResults): string {
	const rows = resultRows(results);
	const header = ['', ...results.sizes.map(s => `${s.pages.toLocaleString('en-US')} pages`)];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (i === 0 ? r.label : r.cells[i - 1]).length)));
	const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(r => line([r.label, ...r.cells]))].join('\n');
}

export function markdownTable(results: BenchResults): string {
	const rows = resultRows(results);
	const escape = (text: string) => text.replace(/\|/g, '\\|');
	return [
		`| | ${results.sizes.map(s => `${s.pages.toLocaleString('en-US')} pages`).join(' | ')} |`,
		`|---|${results.sizes.map(() => '---:').join('|')}|`,
		...rows.map(r => `| ${escape(r.label)} | ${r.cells.map(escape).join(' | ')} |`),
	].join('\n');
}

export interface TargetVerdict {
	readonly figure: string;
	readonly target: string;
	readonly measured: string;
	readonly met: boolean | undefined;
	readonly note: string;
}

const by = (measured: number, target: number): string => `missed by ${ms(measured - target)} (${(measured / target).toFixed(1)}× the target)`;

/** The targets of issue 5, judged at 100,000 pages (or the largest size measured), `check` at 10,000. */
export function judgeTargets(results: BenchResults): TargetVerdict[] {
	const largest = [...results.sizes].sort((a, b) => b.pages - a.pages)[0];
	const tenThousand = results.sizes.find(s => s.pages === 10000);
	const verdicts: TargetVerdict[] = [];
	if (!largest) {
		return verdicts;
	}
	const at = `at ${largest.pages.toLocaleString('en-US')} pages`;
	const judge = (figure: string, target: string, value: number | undefined, limit: number, format: (v: number) => string, missNote?: string) => {
		if (value === undefined || Number.isNaN(value)) {
			verdicts.push({ figure, target, measured: 'not measured', met: undefined, note: '' });
			return;
		}
		const met = value <= limit;
		verdicts.push({ figure, target, measured: `${format(value)} ${at}`, met, note: met ? 'met' : missNote ?? by(value, limit) });
	};
	const server = largest.server;
	judge('cold index', '≤ 5 s', server?.coldIndexMs, 5000, ms);
	verdicts.push({
		figure: 'warm start with the persisted index',
		target: '≤ 1.5 s',
		measured: server?.secondStartMs === undefined ? 'not measured' : `${ms(server.secondStartMs)} ${at}`,
		met: server?.secondStartMs === undefined ? undefined : server.secondStartMs <= 1500,
		note: server?.secondStartMs === undefined ? '' : server.secondStartMs <= 1500 ? 'met' : `missed: ${by(server.secondStartMs, 1500)}`,
	});
	for (const kind of ['completionSection', 'completionLinkText', 'hover', 'definition'] as const) {
		const figures = server?.requests[kind];
		judge(`${REQUEST_LABELS[kind]} p99, server time`, '≤ 5 ms', figures?.error ? undefined : figures?.server?.p99, 5, ms);
	}
	for (const kind of ['completionSection', 'completionLinkText'] as const) {
		const figures = server?.requests[kind];
		if (figures && !figures.error && figures.items !== undefined) {
			const allFit = !figures.incomplete && figures.items < COMPLETION_LIMIT;
			verdicts.push({
				figure: `${REQUEST_LABELS[kind]}: list capped and marked incomplete`,
				target: `≤ ${COMPLETION_LIMIT} items, isIncomplete`,
				measured: `${figures.items} items, isIncomplete ${figures.incomplete} ${at}`,
				met: allFit ? undefined : figures.incomplete === true && figures.items <= COMPLETION_LIMIT,
				note: allFit ? 'every match fits under the cap' : figures.incomplete ? 'met' : 'a full list that is not marked incomplete',
			});
		}
	}
	judge('edit to diagnostics, 50 KB page, p99 after the debounce', '≤ 30 ms', server?.edit?.error ? undefined : server?.edit?.afterDebounce.p99, 30, ms);
	const retained = largest.inProcess?.ours.retainedBytesPerPage;
	judge('retained index per page', '≤ 2 KiB', retained, 2048, v => `${(v / 1024).toFixed(2)} KiB`, retained === undefined ? undefined : `missed by ${((retained - 2048) / 1024).toFixed(2)} KiB per page (${(retained / 2048).toFixed(1)}× the target)`);
	const check = tenThousand?.check;
	if (check?.timedOut) {
		verdicts.push({ figure: '`check` on 10,000 pages', target: '≤ 1.5 s wall', measured: `> ${ms(check.wallMs)} (stopped)`, met: false, note: `missed: still running after ${ms(check.wallMs)}` });
	} else if (check && !check.error) {
		const met = check.wallMs <= 1500;
		verdicts.push({ figure: '`check` on 10,000 pages', target: '≤ 1.5 s wall', measured: ms(check.wallMs), met, note: met ? 'met' : by(check.wallMs, 1500) });
	} else {
		verdicts.push({ figure: '`check` on 10,000 pages', target: '≤ 1.5 s wall', measured: 'not measured', met: undefined, note: '' });
	}
	const floor = largest.inProcess?.floor.ms;
	if (server && floor) {
		const value = server.coldIndexMs / floor;
		verdicts.push({
			figure: 'cold index vs the floor', target: '≤ 1.5× the floor', measured: `${value.toFixed(2)}× ${at}`, met: value <= 1.5,
			note: value <= 1.5 ? 'met' : `missed by ${(value - 1.5).toFixed(2)}× (the floor reads ${largest.pages.toLocaleString('en-US')} pages in ${ms(floor)})`,
		});
	}
	return verdicts;
}

export function targetsTable(verdicts: readonly TargetVerdict[]): string {
	return [
		'| figure | target | measured | verdict |',
		'|---|---|---|---|',
		...verdicts.map(v => `| ${v.figure} | ${v.target} | ${v.measured} | ${v.met === undefined ? v.note || 'not measured' : v.met ? '**met**' : `**missed**: ${v.note.replace(/^missed:?\s*/, '')}`} |`.replace(/\n/g, ' ')),
	].join('\n');
}
