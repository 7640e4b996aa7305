import type { TextEdit } from 'vscode-languageserver-types';
import type { Span } from '../parse/markdownTypes';
import type { PageSummary } from '../parse/pageSummary';
import { spanToRange } from '../text/lineIndex';

/**
 * Keeping a renamed page's old URL published: the old URL appended to a
 * frontmatter field the settings name (`entityVault.rename.oldUrlField`),
 * in the style of the list already there, or as a new block list.
 */

/** A URL as a YAML scalar: plain when it is only path characters, else double-quoted. */
function yamlScalar(url: string): string {
	return /^[A-Za-z0-9/_.%-]+$/.test(url) ? url : JSON.stringify(url);
}

/** The indentation and gap of a block list's first item (`  - x` → `  `, ` `), from the text of a field's value. */
function blockListStyle(valueText: string): { readonly indent: string; readonly gap: string } | undefined {
	const match = /^\r?\n(?:[ \t]*(?:#[^\r\n]*)?\r?\n)*([ \t]*)-([ \t]+)/.exec(valueText);
	return match ? { indent: match[1], gap: match[2] } : undefined;
}

function edit(page: PageSummary, span: Span, newText: string): TextEdit {
	return { range: spanToRange(page.lineStarts, span), newText };
}

/**
 * The edits appending `oldUrl` to the frontmatter field `field` of `page`
 * (whose current text is `text`): into its list, flow (`[a, b]`) or block
 * (`- a` lines, indented as they are); a single value becomes a block list
 * of it and the URL; an absent or empty field is written as a block list
 * styled like the page's other lists. Nothing when the URL is there already;
 * an error when the frontmatter cannot be parsed or the field is a map.
 */
export function oldUrlFieldEdits(page: PageSummary, text: string, field: string, oldUrl: string): TextEdit[] | { readonly error: string } {
	const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
	const value = yamlScalar(oldUrl);
	const frontmatter = page.frontmatter;
	if (!frontmatter.present) {
		return [edit(page, { start: 0, end: 0 }, `---${eol}${field}:${eol}- ${value}${eol}---${eol}`)];
	}
	if (frontmatter.toml === true) {
		return { error: `The frontmatter of ${page.path} is TOML, which Entity Vault does not write to, so its old URL cannot be added to "${field}": add it by hand, or turn off entityVault.rename.oldUrlField.` };
	}
	if (frontmatter.data === undefined || frontmatter.closingFenceStart === undefined) {
		return { error: `The frontmatter of ${page.path} cannot be read, so its old URL cannot be added to "${field}": fix it first, or turn off entityVault.rename.oldUrlField.` };
	}
	const style = frontmatter.fields.map(other => blockListStyle(text.slice(other.valueSpan.start, other.valueSpan.end))).find(found => found !== undefined)
		?? { indent: '', gap: ' ' };
	const item = (scalar: string): string => `${eol}${style.indent}-${style.gap}${scalar}`;
	const entry = frontmatter.fields.find(candidate => candidate.key === field);
	if (entry === undefined) {
		return [edit(page, { start: frontmatter.closingFenceStart, end: frontmatter.closingFenceStart }, `${field}:${item(value)}${eol}`)];
	}
	const current = frontmatter.data[field];
	const valueText = text.slice(entry.valueSpan.start, entry.valueSpan.end);
	const afterColon = text.indexOf(':', entry.keySpan.end) + 1;
	if (Array.isArray(current)) {
		if (current.includes(oldUrl)) {
			return [];
		}
		if (valueText.startsWith('[') && valueText.endsWith(']')) {
			const close = entry.valueSpan.end - 1;
			const empty = valueText.slice(1, -1).trim() === '';
			return [edit(page, { start: close, end: close }, empty ? value : `, ${value}`)];
		}
		const list = blockListStyle(valueText) ?? style;
		return [edit(page, { start: entry.valueSpan.end, end: entry.valueSpan.end }, `${eol}${list.indent}-${list.gap}${value}`)];
	}
	if (current === undefined || current === null || current === '') {
		return [edit(page, { start: afterColon, end: entry.valueSpan.end }, item(value))];
	}
	if (typeof current === 'string' || typeof current === 'number') {
		return String(current) === oldUrl ? [] : [edit(page, { start: afterColon, end: entry.valueSpan.end }, `${item(valueText.trim())}${item(value)}`)];
	}
	return { error: `The frontmatter field "${field}" of ${page.path} is not a list, so the old URL cannot be added to it: change entityVault.rename.oldUrlField or the field.` };
}
