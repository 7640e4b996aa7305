/**
 * Definition lists as goldmark's extension reads them (PHP Markdown Extra
 * syntax, on in Hugo): the lines of a paragraph followed by a line opening
 * with `:` and a space are terms, each line one term; a paragraph opening
 * with such a line after a blank line makes the paragraph before it terms
 * too. The scanner records each term's plain text; whether the site gives
 * terms ids is the site rules' `definitionTermIds`.
 */

import type { DefinitionTerm } from '../markdownTypes';
import { type Region, toTextOffset } from './region';

const DESCRIPTION = /^[ \t]{0,3}:[ \t]/;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

/** A term's plain text: link text kept, code span content kept, emphasis markers and HTML tags dropped. */
function termText(raw: string): string {
	return raw
		.replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1')
		.replace(/(`+)([^`]*?)\1/g, '$2')
		.replace(/<[^>]*>/g, '')
		.replace(/\*\*|__|~~|\*/g, '')
		.trim();
}

/** The lines of a region: their start in the content and their text without the line ending. */
function linesOf(content: string): { start: number; text: string }[] {
	const lines: { start: number; text: string }[] = [];
	for (const match of content.matchAll(LINE)) {
		if (match[0] === '' && match.index >= content.length) {
			break;
		}
		lines.push({ start: match.index, text: match[0].replace(/[\r\n]+$/, '') });
	}
	return lines;
}

/**
 * Whether some line of `content` could be a description (`DESCRIPTION`): a
 * `:` after at most three spaces or tabs from the line's start, followed by
 * a space or tab. Most paragraphs have none, and are then not split into lines.
 */
function mayHaveDescription(content: string): boolean {
	for (let colon = content.indexOf(':'); colon !== -1; colon = content.indexOf(':', colon + 1)) {
		const after = content.charCodeAt(colon + 1);
		if (after !== 0x20 && after !== 0x09) {
			continue;
		}
		let i = colon;
		while (i > 0 && colon - i < 3 && (content.charCodeAt(i - 1) === 0x20 || content.charCodeAt(i - 1) === 0x09)) {
			i--;
		}
		const before = i === 0 ? 0x0a : content.charCodeAt(i - 1);
		if (before === 0x0a || before === 0x0d) {
			return true;
		}
	}
	return false;
}

/** Appends the terms of `paragraphs` (the paragraph regions, in document order) to `out`. */
export function collectDefinitionTerms(text: string, paragraphs: readonly Region[], out: DefinitionTerm[]): void {
	let previous: Region | undefined;
	let previousEnd = -1;
	for (const region of paragraphs) {
		if (!mayHaveDescription(region.content)) {
			// No description line: no terms here, and none before it.
			previous = region;
			previousEnd = -1;
			continue;
		}
		const lines = linesOf(region.content);
		const start = toTextOffset(region, 0);
		if (previousEnd === -1 && previous !== undefined) {
			previousEnd = toTextOffset(previous, previous.content.length);
		}
		const first = lines.findIndex(line => DESCRIPTION.test(line.text));
		if (first === 0 && previous !== undefined && text.slice(previousEnd, start).trim() === '') {
			addTerms(previous, linesOf(previous.content), out);
		} else if (first > 0) {
			addTerms(region, lines.slice(0, first), out);
		}
		previous = region;
		previousEnd = toTextOffset(region, region.content.length);
	}
}

function addTerms(region: Region, lines: readonly { start: number; text: string }[], out: DefinitionTerm[]): void {
	for (const line of lines) {
		if (DESCRIPTION.test(line.text)) {
			continue;
		}
		const lead = line.text.length - line.text.trimStart().length;
		const value = termText(line.text);
		if (value !== '') {
			out.push({ text: value, span: { start: toTextOffset(region, line.start + lead), end: toTextOffset(region, line.start + line.text.trimEnd().length) } });
		}
	}
}
