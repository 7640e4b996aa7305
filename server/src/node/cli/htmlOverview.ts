import type { VaultOverview } from '../../service/vaultService';
import type { CheckProblem, CheckReport } from './checkCommand';

/** Entries listed per list of the HTML overview (the counts say how many there are). */
export const HTML_LIST_LIMIT = 200;

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; } td, th { padding: .2em .8em .2em 0; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; } code { font-size: .95em; } .muted { color: #59636e; }
.error { color: #cf222e; } .warning { color: #9a6700; } .information, .hint { color: #0969da; }
@media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } .muted { color: #9198a1; } }
`;

function count(value: number): string {
	return value.toLocaleString('en-US');
}

function pageRows(pages: readonly { path: string; title: string; linkers?: number }[], total: number): string {
	if (total === 0) {
		return '<p class="muted">None.</p>';
	}
	const rows = pages.map(page => `<tr><td>${escapeHtml(page.title)}</td><td><code>${escapeHtml(page.path)}</code></td>${page.linkers === undefined ? '' : `<td class="n">${count(page.linkers)}</td>`}</tr>`);
	const more = total > pages.length ? `<p class="muted">and ${count(total - pages.length)} more.</p>` : '';
	return `<table>${rows.join('')}</table>${more}`;
}

function problemSection(problems: readonly CheckProblem[]): string {
	const byCode = new Map<string, CheckProblem[]>();
	for (const problem of problems) {
		byCode.set(problem.code, [...(byCode.get(problem.code) ?? []), problem]);
	}
	const codes = [...byCode].sort(([a, listA], [b, listB]) => listB.length - listA.length || (a < b ? -1 : 1));
	if (codes.length === 0) {
		return '<p class="muted">No problems.</p>';
	}
	const summary = codes.map(([code, list]) =>
		`<tr data-code="${escapeHtml(code)}"><td><a href="#problem-${escapeHtml(code)}"><code>${escapeHtml(code)}</code></a></td><td class="${list[0].severity}">${list[0].severity}</td><td class="n">${count(list.length)}</td></tr>`);
	const details = codes.map(([code, list]) => {
		const rows = list.slice(0, HTML_LIST_LIMIT).map(problem =>
			`<tr><td><code>${escapeHtml(`${problem.file}:${problem.line}:${problem.column}`)}</code></td><td>${escapeHtml(problem.message)}</td></tr>`);
		const more = list.length > HTML_LIST_LIMIT ? `<p class="muted">and ${count(list.length - HTML_LIST_LIMIT)} more.</p>` : '';
		return `<details id="problem-${escapeHtml(code)}"><summary><code>${escapeHtml(code)}</code> (${count(list.length)})</summary><table>${rows.join('')}</table>${more}</details>`;
	});
	return `<table id="problems-by-code"><tr><th>code</th><th>severity</th><th class="n">problems</th></tr>${summary.join('')}</table>${details.join('')}`;
}

/**
 * `check --format html`: the Vault Overview as one static, self-contained
 * HTML file (inline style, no script, no external resource; every text
 * from the vault escaped), for a vault's CI artefacts. Each list is in a
 * section with an id (`sections`, `most-linked`, `orphans`, `unsourced`,
 * `wanted`, `problems`) and its count in `data-count`.
 */
export function formatHtml(report: CheckReport, overview: VaultOverview): string {
	const sections = overview.sections.map(({ section, pages }) => `<tr><td>${escapeHtml(section)}</td><td class="n">${count(pages)}</td></tr>`);
	const wanted = overview.wanted.map(page =>
		`<tr><td><code>${escapeHtml(page.url)}</code></td><td>${escapeHtml(page.text)}</td><td class="n">${count(page.linkers)}</td></tr>`);
	const wantedMore = overview.wantedCount > overview.wanted.length ? `<p class="muted">and ${count(overview.wantedCount - overview.wanted.length)} more.</p>` : '';
	const errors = report.diagnostics.filter(problem => problem.severity === 'error').length;
	const warnings = report.diagnostics.filter(problem => problem.severity === 'warning').length;
	const section = (id: string, title: string, total: number, body: string): string =>
		`<section id="${id}" data-count="${total}"><h2>${title} (${count(total)})</h2>${body}</section>`;
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Vault overview: ${escapeHtml(report.root)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Vault overview</h1>
<p><code>${escapeHtml(report.root)}</code>: ${count(report.pages)} pages in ${count(overview.sections.length)} sections${report.vault.isVault ? '' : ` (not a vault: ${escapeHtml(report.vault.reason)})`}; ${count(report.diagnostics.length)} problems (${count(errors)} errors, ${count(warnings)} warnings).</p>
<p><a href="#orphans">${count(overview.orphanCount)} orphans</a> · <a href="#unsourced">${count(overview.unsourcedCount)} without footnotes</a> · <a href="#wanted">${count(overview.wantedCount)} wanted pages</a> · <a href="#problems">problems by code</a></p>
${section('sections', 'Pages per section', report.pages, sections.length === 0 ? '<p class="muted">None.</p>' : `<table>${sections.join('')}</table>`)}
${section('most-linked', 'Most linked', overview.mostLinked.length, pageRows(overview.mostLinked, overview.mostLinked.length))}
${section('orphans', 'Orphans: pages no other page links', overview.orphanCount, pageRows(overview.orphans, overview.orphanCount))}
${section('unsourced', 'Pages without footnotes', overview.unsourcedCount, pageRows(overview.unsourced, overview.unsourcedCount))}
${section('wanted', 'Wanted pages', overview.wantedCount, overview.wantedCount === 0 ? '<p class="muted">None.</p>' : `<table><tr><th>URL</th><th>most common link text</th><th class="n">linked from</th></tr>${wanted.join('')}</table>${wantedMore}`)}
${section('problems', 'Problems by code', report.diagnostics.length, problemSection(report.diagnostics))}
</body>
</html>
`;
}
