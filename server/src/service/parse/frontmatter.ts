import { CORE_SCHEMA, safeLoad } from 'js-yaml';
import type { Span } from './markdownTypes';
import { findTomlTopLevelFields, parseTomlBlock } from './tomlFrontmatter';

/**
 * The frontmatter reader. It reads YAML exactly as gray-matter (what static
 * site tooling uses) reads a block, without gray-matter:
 * - gray-matter would evaluate `---js` / `---javascript` front matter (any
 *   capitalisation falls through to its `javascript` alias) and caches every
 *   input it parses without options, so nothing in the extension calls it;
 *   this module finds the fences itself and hands js-yaml 3's `safeLoad`
 *   (gray-matter's YAML engine: no code, no custom types) the block as
 *   gray-matter would (`grayMatterBlock`), saving gray-matter's per-call
 *   option merging and copies;
 * - js-yaml gets the YAML core schema, so `2026-05-14` stays the
 *   string the author wrote instead of becoming a Date (and `2026-13-01`
 *   does not silently become 2027-01-01); merge keys (`<<`) are not expanded.
 */

/** Largest frontmatter block that is parsed at all (a bigger one is reported). */
export const MAX_FRONTMATTER_LENGTH = 256 * 1024;
/**
 * Deepest nesting of collections that is parsed: js-yaml recurses once per
 * level, so a block of thousands of `[` or `- - -` would exhaust the stack.
 */
const MAX_FRONTMATTER_NESTING = 64;
/**
 * Most values the parsed data may hold once YAML aliases are expanded: nine
 * anchors of nine aliases each ("billion laughs") are a few hundred bytes of
 * YAML but a billion values to anyone who walks the data.
 */
export const MAX_FRONTMATTER_VALUES = 100_000;

export interface FrontmatterField {
	readonly key: string;
	readonly keySpan: Span;
	/** From after the colon to the end of the value (possibly several lines), trimmed. */
	readonly valueSpan: Span;
}

type FrontmatterProblemKind = 'syntax' | 'language' | 'unclosed' | 'line-endings' | 'too-large' | 'not-a-mapping';

export interface FrontmatterProblem {
	readonly kind: FrontmatterProblemKind;
	readonly message: string;
	readonly span: Span;
}

export interface Frontmatter {
	/** An opening fence stands on the first line. */
	readonly present: boolean;
	/** The whole block including both fences (empty at 0 when absent). */
	readonly span: Span;
	/** Offset where the markdown body begins. */
	readonly bodyStart: number;
	/** Offset of the closing fence's first character, when the block is closed. */
	readonly closingFenceStart: number | undefined;
	/** The language named after the opening fence, '' when none. */
	readonly language: string;
	/** Parsed YAML mapping or TOML table, dates normalised to strings; undefined when absent or unparsable. */
	readonly data: Record<string, unknown> | undefined;
	/** Top-level keys in order of appearance. */
	readonly fields: readonly FrontmatterField[];
	readonly problems: readonly FrontmatterProblem[];
}

/** The options of every js-yaml call (the only one js-yaml reads of those gray-matter passed it). */
const YAML_OPTIONS = Object.freeze({ schema: CORE_SCHEMA });

const OPENING_FENCE = /^(---|\+\+\+)[ \t]*([A-Za-z][^\s]*)?[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;
const TOP_LEVEL_KEY = /^("[^"\n]*"|'[^'\n]*'|[^\s#:"'\-?[\]{},&*!|>%@`][^:#\n]*?)[ \t]*:(?=[ \t]|$)/;

interface Line {
	readonly start: number;
	/** End of the line's content, before its line break. */
	readonly end: number;
	/** Start of the next line. */
	readonly next: number;
}

function isClosingFence(fence: string, line: string): boolean {
	return fence === '+++' ? line.trimEnd() === '+++' : CLOSING_FENCE.test(line);
}

/** What `String.prototype.trim` and `\s` take for blank: ECMAScript's WhiteSpace and LineTerminator. */
function isWhitespace(c: number): boolean {
	return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
		|| c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters `TOP_LEVEL_KEY` does not let a plain key start with (besides blanks). */
const NOT_KEY_START = '#:"\'-?[]{},&*!|>%@`';

/** Whether `TOP_LEVEL_KEY` can match a line starting with `c`: a quote, or a character a plain key may start with. */
function canStartKey(c: number): boolean {
	return c === 0x22 || c === 0x27 || (!Number.isNaN(c) && !isWhitespace(c) && !NOT_KEY_START.includes(String.fromCharCode(c)));
}

function readLine(text: string, start: number): Line {
	let i = start;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			return { start, end: i, next: i + 1 };
		}
		if (c === 13) {
			return { start, end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
		}
		i++;
	}
	return { start, end: i, next: i };
}

function absent(): Frontmatter {
	return { present: false, span: { start: 0, end: 0 }, bodyStart: 0, closingFenceStart: undefined, language: '', data: undefined, fields: [], problems: [] };
}

/**
 * Finds and parses the frontmatter block of a document (whose BOM is already removed).
 * Never throws: every problem becomes a `FrontmatterProblem` and the body is
 * always located so that it can still be indexed.
 */
export function parseFrontmatter(text: string): Frontmatter {
	if (!(text.startsWith('---') || text.startsWith('+++'))) {
		return absent();
	}
	const first = readLine(text, 0);
	const opening = OPENING_FENCE.exec(text.slice(first.start, first.end));
	if (!opening) {
		// `----`, `---title`… : not a fence.
		return absent();
	}
	const fence = opening[1];
	const language = opening[2] ?? '';
	const openingSpan = { start: first.start, end: first.end };
	const problems: FrontmatterProblem[] = [];

	if (text.charCodeAt(first.end) === 13 && text.charCodeAt(first.end + 1) !== 10) {
		problems.push({
			kind: 'line-endings',
			message: 'Frontmatter uses CR-only line endings, which static-site generators do not recognise as a frontmatter block; use LF or CRLF line endings.',
			span: openingSpan,
		});
	}

	// Find the closing fence.
	let line = readLine(text, first.next);
	let closing: Line | undefined;
	const yamlStart = first.next;
	// A closing fence's first character: `+` after `+++`, else `-` or `.`.
	const fenceFirst = fence === '+++' ? '+' : '-';
	while (line.start < text.length) {
		const first = text[line.start];
		if ((first === fenceFirst || (first === '.' && fence === '---')) && isClosingFence(fence, text.slice(line.start, line.end))) {
			closing = line;
			break;
		}
		line = readLine(text, line.next);
	}
	if (!closing) {
		problems.push({
			kind: 'unclosed',
			message: `Frontmatter opened with "${fence}" on line 1 is never closed: add a "${fence === '+++' ? '+++' : '---'}" line after the last field. The rest of the page is read as markdown.`,
			span: openingSpan,
		});
		return { present: true, span: openingSpan, bodyStart: first.next, closingFenceStart: undefined, language, data: undefined, fields: [], problems };
	}

	const span = { start: 0, end: closing.end };
	const bodyStart = closing.next;
	const yamlEnd = closing.start;
	const fields = fence === '---' ? findTopLevelFields(text, yamlStart, yamlEnd) : findTomlTopLevelFields(text, yamlStart, yamlEnd);

	const languageName = language.toLowerCase();
	if (fence === '+++' ? languageName !== '' && languageName !== 'toml' : languageName !== '' && languageName !== 'yaml' && languageName !== 'yml') {
		const isJavaScript = /^(js|javascript)$/i.test(language);
		problems.push({
			kind: 'language',
			message: isJavaScript
				? `JavaScript frontmatter ("${fence}${language}") is never evaluated: Entity Vault reads YAML and TOML frontmatter only.`
				: `Frontmatter in ${language} is not supported: Entity Vault reads YAML and TOML frontmatter only.`,
			span: openingSpan,
		});
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields: fence === '---' ? fields : [], problems };
	}

	if (yamlEnd - yamlStart > MAX_FRONTMATTER_LENGTH) {
		problems.push({
			kind: 'too-large',
			message: `Frontmatter block is ${Math.round((yamlEnd - yamlStart) / 1024)} KiB, larger than the ${MAX_FRONTMATTER_LENGTH / 1024} KiB that is parsed; it was not read.`,
			span: openingSpan,
		});
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
	}

	const yaml = withLineFeeds(text.slice(yamlStart, yamlEnd));
	if (fence === '+++') {
		const parsedToml = parseTomlBlock(yaml, MAX_FRONTMATTER_NESTING);
		if (parsedToml.error) {
			const errorLine = readLineByNumber(text, 1 + parsedToml.error.line, yamlStart, yamlEnd);
			problems.push({ kind: 'syntax', message: `Frontmatter is not valid TOML: ${parsedToml.error.message}`, span: errorLine });
			return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
		}
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: normaliseValue(parsedToml.value ?? {}, 0, new Map()) as Record<string, unknown>, fields, problems };
	}
	if (exceedsNesting(yaml, MAX_FRONTMATTER_NESTING)) {
		problems.push({
			kind: 'too-large',
			message: `Frontmatter is nested more than ${MAX_FRONTMATTER_NESTING} levels deep; it was not read.`,
			span: openingSpan,
		});
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
	}
	const parsed = parseYamlBlock(yaml);
	if (parsed.error) {
		// js-yaml counts lines from the block's first line, which is the document's second line.
		const errorLine = readLineByNumber(text, 1 + parsed.error.line, yamlStart, yamlEnd);
		problems.push({ kind: 'syntax', message: `Frontmatter is not valid YAML: ${parsed.error.message}`, span: errorLine });
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
	}
	const value = parsed.value;
	if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
		problems.push({ kind: 'not-a-mapping', message: 'Frontmatter must be a mapping of fields ("key: value" lines).', span: openingSpan });
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
	}
	const data = (value ?? {}) as Record<string, unknown>;
	if (expandedValueCount(data, MAX_FRONTMATTER_VALUES, new Map()) > MAX_FRONTMATTER_VALUES) {
		problems.push({
			kind: 'too-large',
			message: `Frontmatter aliases expand to more than ${MAX_FRONTMATTER_VALUES.toLocaleString('en-US')} values; it was not read.`,
			span: openingSpan,
		});
		return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: undefined, fields, problems };
	}
	return { present: true, span, bodyStart, closingFenceStart: closing.start, language, data: normaliseValue(data, 0, new Map()) as Record<string, unknown>, fields, problems };
}

interface YamlResult {
	readonly value?: unknown;
	readonly error?: { readonly message: string; readonly line: number };
}

/** A text with its `\r\n` and lone `\r` line breaks made `\n`. */
function withLineFeeds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * What gray-matter would hand js-yaml for the re-fenced block
 * `---\n${yaml}\n---\n`: from after the opening `---` (so a line break first:
 * js-yaml reports lines of the block starting at 0 for the line after the
 * opening fence) up to the first line starting with `---`; undefined when
 * gray-matter would not call js-yaml at all (nothing but blanks and `#`
 * comment lines: its data is then `{}`).
 */
function grayMatterBlock(yaml: string): string | undefined {
	const lines = `\n${yaml}`;
	const close = lines.indexOf('\n---');
	const block = close === -1 ? lines : lines.slice(0, close);
	// gray-matter's test, `block.replace(/^\s*#[^\n]+/gm, '').trim() === ''`, run only when
	// the first character that is not blank is a `#` (otherwise it keeps that character).
	const first = /\S/.exec(block);
	if (first === null || (first[0] === '#' && block.replace(/^\s*#[^\n]+/gm, '').trim() === '')) {
		return undefined;
	}
	return block;
}

/** Parses a YAML block whose line breaks are `\n`. */
function parseYamlBlock(yaml: string): YamlResult {
	if (yaml.trim() === '') {
		return { value: {} };
	}
	const block = grayMatterBlock(yaml);
	if (block === undefined) {
		return { value: {} };
	}
	try {
		// gray-matter makes a missing document (`null`, or only comments) `{}`.
		return { value: safeLoad(block, YAML_OPTIONS) ?? {} };
	} catch (error) {
		if (error instanceof RangeError) {
			// The stack ran out: nesting that the pre-check did not see (it cannot see every YAML form).
			return { error: { message: 'nested too deeply to read', line: 0 } };
		}
		const err = error as { message?: string; reason?: string; mark?: { line?: number } };
		const line = typeof err.mark?.line === 'number' ? Math.max(0, err.mark.line - 1) : 0;
		const reason = err.reason ?? firstLine(err.message ?? String(error));
		return { error: { message: reason, line } };
	}
}

function firstLine(message: string): string {
	const i = message.indexOf('\n');
	return i < 0 ? message : message.slice(0, i);
}

/** The span of zero-based document line `lineNumber`, clamped into the YAML block. */
function readLineByNumber(text: string, lineNumber: number, blockStart: number, blockEnd: number): Span {
	let line = readLine(text, 0);
	for (let n = 0; n < lineNumber && line.next < blockEnd; n++) {
		line = readLine(text, line.next);
	}
	if (line.start < blockStart) {
		line = readLine(text, blockStart);
	}
	return { start: line.start, end: Math.min(line.end, Math.max(blockEnd, line.start)) };
}

function findTopLevelFields(text: string, start: number, end: number): FrontmatterField[] {
	const fields: { key: string; keySpan: Span; valueStart: number }[] = [];
	const lastContentEnd: number[] = [];
	let contentEnd = start;
	for (let line = readLine(text, start); line.start < end; line = readLine(text, line.next)) {
		// Most lines that are not keys (list items, folded values) are told by their first character.
		const match = line.end > line.start && canStartKey(text.charCodeAt(line.start)) ? TOP_LEVEL_KEY.exec(text.slice(line.start, line.end)) : null;
		if (match) {
			if (fields.length > 0) {
				lastContentEnd.push(contentEnd);
			}
			let key = match[1];
			if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith('\'') && key.endsWith('\''))) {
				key = key.slice(1, -1);
			}
			fields.push({
				key,
				keySpan: { start: line.start, end: line.start + match[1].length },
				valueStart: line.start + match[0].length,
			});
		}
		// The line's end with trailing blanks trimmed (`trimEnd`), unless it is blank or a comment.
		let trimmedEnd = line.end;
		while (trimmedEnd > line.start && isWhitespace(text.charCodeAt(trimmedEnd - 1))) {
			trimmedEnd--;
		}
		if (trimmedEnd > line.start && text.charCodeAt(line.start) !== 0x23 /* # */) {
			contentEnd = trimmedEnd;
		}
		if (line.next === line.start) {
			break;
		}
	}
	if (fields.length > 0) {
		lastContentEnd.push(contentEnd);
	}
	return fields.map((field, i) => {
		let valueStart = field.valueStart;
		const valueEnd = Math.max(valueStart, lastContentEnd[i]);
		while (valueStart < valueEnd && (text[valueStart] === ' ' || text[valueStart] === '\t')) {
			valueStart++;
		}
		return { key: field.key, keySpan: field.keySpan, valueSpan: { start: valueStart, end: valueEnd } };
	});
}

/**
 * Whether a YAML block nests collections more than `limit` levels deep, from
 * a cheap look at its text: open flow brackets (outside quotes and comments)
 * plus, per line, the open block indentation levels and the `- `, `? `
 * indicators that start it. It may overestimate (a bracket in a plain
 * scalar counts), never underestimate what js-yaml will recurse into.
 */
function exceedsNesting(yaml: string, limit: number): boolean {
	let flow = 0;
	const indents: number[] = [];
	const length = yaml.length;
	let i = 0;
	while (i < length) {
		// One line: indentation first.
		let column = 0;
		while (yaml.charCodeAt(i + column) === 0x20) {
			column++;
		}
		let p = i + column;
		const blank = p >= length || yaml.charCodeAt(p) === 0x0a || yaml.charCodeAt(p) === 0x23 /* # */;
		if (!blank && flow === 0) {
			while (indents.length > 0 && indents[indents.length - 1] >= column) {
				indents.pop();
			}
			indents.push(column);
			// Compact nested collections: `- - - x`, `? - x`.
			let indicators = 0;
			while ((yaml.charCodeAt(p) === 0x2d /* - */ || yaml.charCodeAt(p) === 0x3f /* ? */) && (yaml.charCodeAt(p + 1) === 0x20 || yaml.charCodeAt(p + 1) === 0x09)) {
				indicators++;
				p += 2;
				while (yaml.charCodeAt(p) === 0x20 || yaml.charCodeAt(p) === 0x09) {
					p++;
				}
			}
			if (indents.length + indicators > limit) {
				return true;
			}
		}
		// The rest of the line: flow brackets outside quoted scalars and comments.
		let quote = 0;
		for (; p < length && yaml.charCodeAt(p) !== 0x0a; p++) {
			const c = yaml.charCodeAt(p);
			if (quote !== 0) {
				if (c === 0x5c /* \ */ && quote === 0x22 /* " */) {
					p++;
				} else if (c === quote) {
					quote = 0;
				}
				continue;
			}
			if (c === 0x22 || c === 0x27 /* ' */) {
				quote = c;
			} else if (c === 0x23 /* # */ && (p === 0 || yaml.charCodeAt(p - 1) === 0x20 || yaml.charCodeAt(p - 1) === 0x09)) {
				while (p < length && yaml.charCodeAt(p) !== 0x0a) {
					p++;
				}
				break;
			} else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
				if (++flow + indents.length > limit) {
					return true;
				}
			} else if ((c === 0x5d /* ] */ || c === 0x7d /* } */) && flow > 0) {
				flow--;
			}
		}
		i = p + 1;
	}
	return false;
}

/**
 * The number of values in parsed YAML as a reader walking it would meet them
 * (every alias expanded), counted up to just past `limit`. Sizes of shared
 * subtrees are remembered, so this costs one visit per distinct value; a
 * cycle counts once.
 */
function expandedValueCount(value: unknown, limit: number, sizes: Map<object, number>): number {
	if (value === null || typeof value !== 'object' || value instanceof Date) {
		return 1;
	}
	const known = sizes.get(value);
	if (known !== undefined) {
		return known;
	}
	sizes.set(value, 1); // a cycle back to this value counts once
	let count = 1;
	const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
	for (const child of children) {
		count += expandedValueCount(child, limit, sizes);
		if (count > limit) {
			break;
		}
	}
	sizes.set(value, count);
	return count;
}

const MAX_DEPTH = 64;

/**
 * js-yaml 3 turns `2026-05-14` into a Date: turn it back into the string the
 * author wrote (a full timestamp becomes its ISO form). Shared subtrees
 * (YAML aliases) are converted once and stay shared, alias cycles are cut and
 * nesting is bounded, so nothing downstream can loop or blow up.
 */
function normaliseValue(value: unknown, depth: number, done: Map<object, unknown>): unknown {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) {
			return String(value);
		}
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (value === null || typeof value !== 'object') {
		return value;
	}
	if (done.has(value)) {
		return done.get(value); // undefined while in progress: a cycle
	}
	if (depth >= MAX_DEPTH) {
		return undefined;
	}
	done.set(value, undefined);
	let result: unknown;
	if (Array.isArray(value)) {
		result = value.map(item => normaliseValue(item, depth + 1, done));
	} else {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value)) {
			out[key] = normaliseValue((value as Record<string, unknown>)[key], depth + 1, done);
		}
		result = out;
	}
	done.set(value, result);
	return result;
}

/** A frontmatter value as a list of strings: one string, or the strings and numbers of a list, trimmed, empty ones left out. */
export function frontmatterStrings(value: unknown): string[] {
	if (typeof value === 'string') {
		return value.trim() === '' ? [] : [value.trim()];
	}
	if (Array.isArray(value)) {
		return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
			.map(item => String(item).trim())
			.filter(item => item !== '');
	}
	return [];
}
