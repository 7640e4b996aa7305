import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };
import type { Span } from './markdownTypes';

/**
 * TOML frontmatter (`+++` fences, Hugo's other format), read with smol-toml:
 * parsed, never executed; dates become the strings TOML wrote (`2024-03-07`)
 * as YAML dates do. Pages with it are read as any other (title, aliases,
 * URL fields, schema); the features that write into frontmatter write YAML
 * only and leave a TOML block alone (`PageFrontmatter.toml`).
 */

// smol-toml's types describe its ES module; its package also exports CommonJS (`dist/index.cjs`), which `require` loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as typeof SmolToml;

/** A TOML block parsed (`value`), or why not with the zero-based line of the block it is on. */
export function parseTomlBlock(block: string, maxDepth: number): { readonly value?: Record<string, unknown>; readonly error?: { readonly message: string; readonly line: number } } {
	try {
		return { value: parseToml(block, { maxDepth }) as Record<string, unknown> };
	} catch (error) {
		const err = error as { message?: string; line?: number };
		// smol-toml's message: `Invalid TOML document: REASON`, then the lines around the error.
		const reason = (err.message ?? String(error)).split('\n')[0].replace(/^Invalid TOML document: /, '');
		return { error: { message: reason, line: typeof err.line === 'number' ? Math.max(0, err.line - 1) : 0 } };
	}
}

/** A top-level `key = value` line: a bare, quoted or dotted key (its first part is the field). */
const TOML_KEY_LINE = /^[ \t]*("[^"\r\n]*"|'[^'\r\n]*'|[A-Za-z0-9_-]+)(?:[ \t]*\.[ \t]*(?:"[^"\r\n]*"|'[^'\r\n]*'|[A-Za-z0-9_-]+))*[ \t]*=[ \t]*/;

/**
 * The top-level keys of a TOML block in `text` from `start` to `end`, in
 * order, before the first table header (`[table]`, `[[array]]`): what the
 * outline and the diagnostics of a field point at. A value ends at the last
 * line with content before the next key (an array or string over several lines).
 */
export function findTomlTopLevelFields(text: string, start: number, end: number): { key: string; keySpan: Span; valueSpan: Span }[] {
	const fields: { key: string; keySpan: { start: number; end: number }; valueStart: number; valueEnd: number }[] = [];
	let at = start;
	let multiline: '"""' | '\'\'\'' | undefined;
	// Brackets of the last value still open (an array or inline table over several lines): counted once per line, linear in the block.
	let depth = 0;
	while (at < end) {
		const lineBreak = text.indexOf('\n', at);
		const next = lineBreak < 0 || lineBreak >= end ? end : lineBreak + 1;
		const line = text.slice(at, next).replace(/\r?\n$/, '');
		const content = line.trimEnd();
		if (multiline !== undefined) {
			// Inside a multi-line string: no key here, the value goes on.
			if (content.includes(multiline)) {
				multiline = undefined;
			}
			fields[fields.length - 1].valueEnd = at + content.length;
		} else if (depth > 0) {
			depth = Math.max(0, depth + bracketBalance(line));
			if (content.trim() !== '' && !content.trimStart().startsWith('#')) {
				fields[fields.length - 1].valueEnd = at + content.length;
			}
		} else if (/^[ \t]*\[/.test(line)) {
			// A table header: the keys after it are not top-level.
			break;
		} else {
			const match = TOML_KEY_LINE.exec(line);
			if (match !== null) {
				const quoted = /^["']/.test(match[1]);
				const keyStart = at + line.indexOf(match[1]);
				fields.push({
					key: quoted ? match[1].slice(1, -1) : match[1],
					keySpan: { start: keyStart, end: keyStart + match[1].length },
					valueStart: at + match[0].length,
					valueEnd: at + content.length,
				});
				const rest = line.slice(match[0].length);
				const opened = /^("""|''')/.exec(rest)?.[1] as '"""' | '\'\'\'' | undefined;
				if (opened !== undefined && !rest.slice(3).includes(opened)) {
					multiline = opened;
				} else {
					depth = Math.max(0, bracketBalance(rest));
				}
			}
		}
		at = next;
	}
	return fields.map(field => ({ key: field.key, keySpan: field.keySpan, valueSpan: { start: field.valueStart, end: Math.max(field.valueStart, field.valueEnd) } }));
}

/** Brackets opened minus closed on one line of a value, outside its strings and comment. */
function bracketBalance(line: string): number {
	let balance = 0;
	let quote = '';
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quote !== '') {
			if (c === '\\' && quote === '"') {
				i++;
			} else if (c === quote) {
				quote = '';
			}
		} else if (c === '"' || c === '\'') {
			quote = c;
		} else if (c === '#') {
			break;
		} else if (c === '[' || c === '{') {
			balance++;
		} else if (c === ']' || c === '}') {
			balance--;
		}
	}
	return balance;
}
