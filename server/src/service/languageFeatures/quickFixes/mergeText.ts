import type { TextEdit } from 'vscode-languageserver-types';
import type { PageSummary } from '../../parse/pageSummary';
import { lineAt, offsetAt } from '../../text/lineIndex';
import { yamlString } from '../../vault/pageTemplate';
import { normalizeEntityName } from '../../vault/entityNames';

/**
 * The text of a merge (see mergeEntity.ts): what is appended to the page
 * merged into, its new aliases, the merged page's footnotes relabelled. The
 * page merged into may be closed: everything about it is read from its
 * summary (field spans, parsed frontmatter, line starts, text length), never
 * from its text.
 */

/** A replacement of `[start, end)` of a text. */
interface SpanEdit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/** Applies non-overlapping span edits to `text`. */
function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
	let result = text;
	for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
		result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
	}
	return result;
}

/** LSP text edits of a page as span edits of its text. */
export function spanEditsOf(page: PageSummary, text: string, edits: readonly TextEdit[]): SpanEdit[] {
	return edits.map(edit => ({ start: offsetAt(page.lineStarts, text, edit.range.start), end: offsetAt(page.lineStarts, text, edit.range.end), text: edit.newText }));
}

/**
 * The line break of a page known by its summary only: the one after its
 * frontmatter's closing fence; undefined without one.
 */
export function summaryLineEnding(page: PageSummary): string | undefined {
	const frontmatter = page.frontmatter;
	if (!frontmatter.present || frontmatter.closingFenceStart === undefined) {
		return undefined;
	}
	const length = frontmatter.bodyStart - frontmatter.span.end;
	if (length === 2) {
		return '\r\n';
	}
	return length === 1 ? (frontmatter.problems.some(problem => problem.kind === 'line-endings') ? '\r' : '\n') : undefined;
}

/**
 * New labels for the merged page's footnotes whose labels the other page
 * uses too (labels compare normalised): a number after every numeric label
 * of both pages, or `label-2`, `label-3`… Keyed by normalised label.
 */
export function footnoteRelabelling(merged: PageSummary, into: PageSummary): Map<string, string> {
	const theirs = new Set([...into.footnoteDefinitions, ...into.footnoteReferences].map(footnote => footnote.label));
	const ours = [...merged.footnoteReferences, ...merged.footnoteDefinitions].sort((a, b) => a.span.start - b.span.start);
	const used = new Set([...theirs, ...ours.map(footnote => footnote.label)]);
	let nextNumber = Math.max(0, ...[...used].filter(label => /^\d+$/.test(label)).map(Number)) + 1;
	const relabelled = new Map<string, string>();
	for (const footnote of ours) {
		if (!theirs.has(footnote.label) || relabelled.has(footnote.label)) {
			continue;
		}
		let label: string;
		if (/^\d+$/.test(footnote.rawLabel.trim())) {
			label = String(nextNumber++);
		} else {
			let n = 2;
			while (used.has(`${footnote.label}-${n}`)) {
				n++;
			}
			label = `${footnote.rawLabel.trim()}-${n}`;
		}
		used.add(label.toLowerCase());
		relabelled.set(footnote.label, label);
	}
	return relabelled;
}

/** The span edits relabelling the merged page's footnote uses and definitions. */
function footnoteEdits(merged: PageSummary, relabelled: ReadonlyMap<string, string>): SpanEdit[] {
	const edits: SpanEdit[] = [];
	for (const reference of merged.footnoteReferences) {
		const label = relabelled.get(reference.label);
		if (label !== undefined) {
			edits.push({ start: reference.span.start, end: reference.span.end, text: `[^${label}]` });
		}
	}
	for (const definition of merged.footnoteDefinitions) {
		const label = relabelled.get(definition.label);
		if (label !== undefined) {
			edits.push({ start: definition.markerSpan.start, end: definition.markerSpan.end, text: `[^${label}]:` });
		}
	}
	return edits;
}

/** `text` with its line breaks made `eol`, and without blank lines at either end. */
function linesWith(text: string, eol: string): string {
	return text.split(/\r\n|\r|\n/).join('\n').replace(/^([ \t]*\n)+/, '').replace(/(\n[ \t]*)+$/, '').replace(/^[ \t]*$/, '').split('\n').join(eol);
}

/** The frontmatter of the merged page kept as written, in an HTML comment (a fenced YAML block when it holds `-->`). */
function keptFrontmatter(merged: PageSummary, text: string, eol: string): string {
	const block = linesWith(text.slice(merged.frontmatter.span.start, merged.frontmatter.span.end), eol);
	if (!block.includes('-->') && !block.includes('--!>')) {
		return `<!-- The frontmatter of ${merged.path}, merged into this page:${eol}${block}${eol}-->`;
	}
	const longest = Math.max(2, ...(block.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(longest + 1);
	return `The frontmatter of ${merged.path}, merged into this page:${eol}${eol}${fence}${merged.frontmatter.toml === true ? 'toml' : 'yaml'}${eol}${block}${eol}${fence}`;
}

/**
 * The block appended to the page merged into: a `## Merged from TITLE`
 * heading, the merged page's frontmatter as written (in an HTML comment,
 * see `keptFrontmatter`), then its body with `bodyEdits` applied (its links
 * fixed for its new place, its clashing footnotes relabelled), every line
 * break made `eol`. Starts with the line breaks that put it after a blank line.
 */
export function appendedBlock(merged: PageSummary, text: string, into: PageSummary, linkEdits: readonly SpanEdit[], eol: string): string {
	const bodyStart = merged.frontmatter.bodyStart;
	const edits = [...linkEdits, ...footnoteEdits(merged, footnoteRelabelling(merged, into))]
		.filter(edit => edit.start >= bodyStart)
		.map(edit => ({ ...edit, start: edit.start - bodyStart, end: edit.end - bodyStart }));
	const body = linesWith(applySpanEdits(text.slice(bodyStart), edits), eol);
	const parts = [`## Merged from ${merged.title}`];
	if (merged.frontmatter.present) {
		parts.push(keptFrontmatter(merged, text, eol));
	}
	if (body !== '') {
		parts.push(body);
	}
	return separatorAtEnd(into, eol) + parts.join(eol + eol) + eol;
}

/** What goes before a block appended to a page so that it starts after a blank line. */
function separatorAtEnd(page: PageSummary, eol: string): string {
	const starts = page.lineStarts;
	const lastStart = starts[starts.length - 1];
	if (page.textLength === 0) {
		return '';
	}
	if (lastStart < page.textLength) {
		return eol + eol; // the last line has no line break
	}
	// The text ends with a line break: is the line before it blank?
	const before = starts.length >= 2 ? lastStart - starts[starts.length - 2] : 0;
	return before <= eol.length ? '' : eol;
}

/** The names of the merged page (title, then aliases) that the other page does not have yet, each once. */
export function newAliases(merged: PageSummary, into: PageSummary): string[] {
	const known = new Set([into.title, ...into.aliases].map(normalizeEntityName));
	const added: string[] = [];
	for (const name of [merged.title, ...merged.aliases]) {
		const normalized = normalizeEntityName(name);
		if (normalized !== '' && !known.has(normalized)) {
			known.add(normalized);
			added.push(name.trim());
		}
	}
	return added;
}

/** A YAML flow list of `items`. */
function flowList(items: readonly string[]): string {
	return `[${items.map(yamlString).join(', ')}]`;
}

/** How a list field is written: a flow list (`[a, b]`), or a block list (`- a` lines) at a known indentation. */
type ListStyle = { readonly flow: true } | { readonly flow: false; readonly indent: string };

/**
 * How a field holding a list is written, from the summary alone: a block
 * list when its value starts on the next line, at the indentation its lines
 * show when every item is written as `yamlString` writes it (each line
 * `INDENT- ITEM`); undefined when that cannot be told (other quoting, comments).
 */
function listStyleOf(page: PageSummary, key: string, eol: string): ListStyle | undefined {
	const field = page.frontmatter.fields.find(candidate => candidate.key === key);
	const items = page.frontmatter.data?.[key];
	if (!field || !Array.isArray(items) || field.valueSpan.end <= field.valueSpan.start) {
		return undefined;
	}
	const starts = page.lineStarts;
	const keyLine = lineAt(starts, field.keySpan.start);
	const firstItemLine = keyLine + 1;
	if (field.valueSpan.start + eol.length !== starts[firstItemLine]) {
		return { flow: true };
	}
	const lastLine = lineAt(starts, field.valueSpan.end);
	if (lastLine - firstItemLine + 1 !== items.length) {
		return undefined;
	}
	const indents = new Set<number>();
	for (let i = 0; i < items.length; i++) {
		const lineEnd = i === items.length - 1 ? field.valueSpan.end : starts[firstItemLine + i + 1] - eol.length;
		indents.add(lineEnd - starts[firstItemLine + i] - 2 - yamlString(String(items[i])).length);
	}
	// A comment after an item makes its line longer: one item tells a usual indentation (0 or 2) only, several must agree.
	const [indent] = indents;
	const plausible = items.length === 1 ? indent === 0 || indent === 2 : indent >= 0 && indent <= 8;
	return indents.size === 1 && plausible ? { flow: false, indent: ' '.repeat(indent) } : undefined;
}

/**
 * The edits adding `names` to the `aliases` of a page known by its summary,
 * in the style of its YAML: after the last item of a block list (at its
 * indentation), into a flow list (the list written again from its parsed
 * values, as is a block list whose layout the summary cannot tell: one
 * with comments or blank lines), a string made a list, or a new field before the closing fence
 * (a block list unless the page's `tags` is a flow list), or a new
 * frontmatter block for a page without one. None when its frontmatter is not
 * YAML that parsed (the merged page's names are then kept in the appended
 * block's copy of its frontmatter only).
 */
export function aliasEdits(into: PageSummary, names: readonly string[], eol: string): SpanEdit[] {
	const frontmatter = into.frontmatter;
	if (names.length === 0) {
		return [];
	}
	if (!frontmatter.present) {
		return [{ start: 0, end: 0, text: ['---', 'aliases:', ...names.map(name => `- ${yamlString(name)}`), '---', ''].join(eol) }];
	}
	if (frontmatter.data === undefined || frontmatter.closingFenceStart === undefined || frontmatter.toml === true) {
		return [];
	}
	const field = frontmatter.fields.find(candidate => candidate.key === 'aliases');
	const blockItems = (indent: string): string => names.map(name => `${eol}${indent}- ${yamlString(name)}`).join('');
	const tagsStyle = listStyleOf(into, 'tags', eol) ?? { flow: false, indent: '' };
	if (field === undefined) {
		const at = frontmatter.closingFenceStart;
		return [{ start: at, end: at, text: tagsStyle.flow ? `aliases: ${flowList(names)}${eol}` : `aliases:${blockItems(tagsStyle.indent)}${eol}` }];
	}
	const value = frontmatter.data.aliases;
	const end = field.valueSpan.end;
	if (value === null || value === undefined) {
		return [{ start: field.keySpan.end, end, text: tagsStyle.flow ? `: ${flowList(names)}` : `:${blockItems(tagsStyle.indent)}` }];
	}
	const style = listStyleOf(into, 'aliases', eol);
	if (style !== undefined && !style.flow) {
		return [{ start: end, end, text: blockItems(style.indent) }];
	}
	const scalar = (item: unknown): boolean => typeof item === 'string' || typeof item === 'number';
	if (Array.isArray(value) ? value.every(scalar) : scalar(value)) {
		// A flow list, a string, or a block list whose layout the summary cannot tell: written again as a flow list.
		const existing = (Array.isArray(value) ? value as unknown[] : [value]).map(item => String(item));
		return [{ start: field.keySpan.end, end, text: `: ${flowList([...existing, ...names])}` }];
	}
	return [];
}
