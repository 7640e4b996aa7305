/**
 * Deterministic generator of tricky markdown documents for the differential
 * test of the markdown scanner against micromark/mdast.
 *
 * Every document is a function of its seed only (mulberry32 PRNG), so a
 * failure can be reproduced from the seed printed by the test.
 *
 * Deliberately NOT generated (out of scope for vault pages, see the header of
 * server/src/service/parse/markdown/index.ts):
 *  - `|` (GFM tables are scanned as paragraphs);
 *  - bare e-mail addresses glued to underscores in headings (GFM literal
 *    e-mail autolinks are not looked for by the scanner; they cannot hold
 *    link syntax, only change emphasis in heading text);
 *  - a byte order mark (the scanner receives text without it).
 */

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}

const WORDS = [
	'the', 'intelligence', 'service', 'MI6', 'Iran', 'coup', 'Cold', 'War', 'agent', 'London', 'Mossad',
	'report', 'SIS', 'operation', 'Boot', 'Ajax', 'network', 'affair', 'a', 'of', 'in', 'and', 'é', 'Ünïcode',
	'naïve', 'Straße', 'Ελλάδα', 'Москва', '東京', 'שלום',
];
const ODD_TEXT = [
	'😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '𝔸𝔹', '𠜎', 'a\tb', '1953', '(1979-1989)', "Shah's", '"quoted"', 'x*y', '5 * 3',
	'snake_case_word', '~tilde~', '&amp;', '&copy;', '&#91;', '&#x5D;', '&nosuchentity;', '!', '#', '->', '<', '>',
	'a > b', '2 < 3', '\\', '\\\\', '\\*', '\\_', '\\(', ')', '(', ']', '[', '[]', '!!', '`', '``', '\\`',
];
const DESTS = [
	'/places/iran/', '/organizations/mi5/', '/people/mohammad-reza-pahlavi/', 'https://example.com/a?b=c&d=e',
	'/events/world-war-ii/', '#operation-boot', '../relative/page.md', '/a(b)c/', '/a\\(b/', '/p%20q/', '/x/y#frag',
	'/with&amp;entity/', '/esc\\_aped/', 'mailto:someone@example.com', '/😀/', '/a\\)b/', '/caf&eacute;/',
];
const ANGLE_DESTS = ['<dest with spaces>', '</places/united kingdom/>', '<>', '<a(b>', '<a\\>b>', '<a)b>', '<😀 x>'];
const TITLES = ['"Title"', "'single'", '(paren)', '"with \\" quote"', '"multi\nline"', '"😀"', "'it\\'s'"];
const LABELS = ['ref', 'Ref', 'REF', 'foo bar', 'Foo  Bar', 'ünï', 'x1', 'a\\]b', '😀', 'ẞ', 'long label here'];
const FOOTNOTE_LABELS = ['1', '2', 'note', 'Note', 'NOTE', 'a-b', 'x_y', '😀', 'ü', '10'];
const SCHEMES = ['https://example.com/x', 'http://a.b', 'mailto:x@y.z', 'ftp://host/p', 'irc://x', 'a+b.c-d:rest'];
const EMAILS = ['someone@example.com', 'a.b+c@d-e.fg', 'x@y'];
const LINE_ENDINGS = ['\n', '\r\n', '\r'];

interface GeneratorState {
	random: Random;
	/** Labels that will be defined somewhere in the document. */
	definedLabels: string[];
	footnoteLabels: string[];
	undefinedFootnoteLabels: string[];
}

function word(r: Random): string {
	return r.chance(0.15) ? r.pick(ODD_TEXT) : r.pick(WORDS);
}

function words(r: Random, min: number, max: number): string {
	const n = r.int(min, max);
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		out.push(word(r));
	}
	return out.join(' ');
}

function linkText(g: GeneratorState, depth: number): string {
	const r = g.random;
	switch (r.int(0, 9)) {
		case 0:
			return '';
		case 1:
			return `${words(r, 1, 2)} [${words(r, 1, 2)}] ${word(r)}`;
		case 2:
			return `${word(r)} \`code ]\` ${word(r)}`;
		case 3:
			return `*${words(r, 1, 2)}*`;
		case 4:
			return depth < 2 ? `${word(r)} ${inlineLink(g, depth + 1)}` : word(r);
		case 5:
			return `${word(r)} \\] ${word(r)}`;
		case 6:
			return `${word(r)}\n${word(r)}`;
		case 7:
			return depth < 2 && g.footnoteLabels.length > 0 ? `${word(r)} [^${r.pick(g.footnoteLabels)}]` : word(r);
		default:
			return words(r, 1, 3);
	}
}

function destination(r: Random): string {
	if (r.chance(0.2)) {
		return r.pick(ANGLE_DESTS);
	}
	return r.pick(DESTS);
}

function inlineLink(g: GeneratorState, depth: number): string {
	const r = g.random;
	const bang = r.chance(0.15) ? '!' : '';
	let resource = destination(r);
	if (r.chance(0.25)) {
		resource += r.pick([' ', '\n', '  ']) + r.pick(TITLES);
	}
	if (r.chance(0.1)) {
		resource = ' ' + resource + ' ';
	}
	if (r.chance(0.05)) {
		resource = '';
	}
	return `${bang}[${linkText(g, depth)}](${resource})`;
}

function referenceLink(g: GeneratorState): string {
	const r = g.random;
	const label = r.chance(0.8) && g.definedLabels.length > 0 ? r.pick(g.definedLabels) : r.pick(LABELS);
	const variant = r.int(0, 2);
	const cased = r.chance(0.3) ? label.toUpperCase() : label;
	const bang = r.chance(0.1) ? '!' : '';
	if (variant === 0) {
		return `${bang}[${words(r, 1, 2)}][${cased}]`;
	}
	if (variant === 1) {
		return `${bang}[${cased}][]`;
	}
	return `${bang}[${cased}]`;
}

function footnoteCall(g: GeneratorState): string {
	const r = g.random;
	const after = r.pick(['', '', '', '(x)', '[y]', '[]', ':', '!', `[${r.pick(LABELS)}]`]);
	if ((r.chance(0.2) || g.footnoteLabels.length === 0) && g.undefinedFootnoteLabels.length > 0) {
		// The scanner parses calls of undefined labels as if they were defined (see the test).
		return `${r.chance(0.1) ? '!' : ''}[^${r.pick(g.undefinedFootnoteLabels)}]${after}`;
	}
	if (g.footnoteLabels.length === 0) {
		return word(r);
	}
	const label = r.pick(g.footnoteLabels);
	const cased = r.chance(0.2) ? label.toUpperCase() : label;
	return `${r.chance(0.1) ? '!' : ''}[^${cased}]${after}`;
}

function codeSpan(r: Random): string {
	const ticks = '`'.repeat(r.int(1, 3));
	const inner = r.pick(['[a](b)', '[^1]', '`', ' x ', 'a ` b', '<https://x.y>', '[x]', '\\', ' ']);
	const closeTicks = r.chance(0.85) ? ticks : '`'.repeat(r.int(1, 4));
	return `${ticks}${inner}${closeTicks}`;
}

function inlinePiece(g: GeneratorState): string {
	const r = g.random;
	switch (r.int(0, 19)) {
		case 0:
		case 1:
		case 2:
			return inlineLink(g, 0);
		case 3:
		case 4:
			return referenceLink(g);
		case 5:
		case 6:
			return footnoteCall(g);
		case 7:
			return codeSpan(r);
		case 8:
			return `<${r.pick(SCHEMES)}>`;
		case 9:
			return `<${r.pick(EMAILS)}>`;
		case 10:
			return r.pick(['<span class="x">', '</span>', '<br/>', '<!-- comment [a](b) -->', '<!--\nmulti [x](y)\n-->', '<?php [a](b) ?>', '<![CDATA[ [a](b) ]]>', '<a href="[x](y)">']);
		case 11:
			return r.pick(['\\[not](a link)', '[not\\](a link)', '\\![x](y)', '[a]\\(b)', '[unclosed', 'close]', '[[double]]', '[a](', '[a](b', '(x)']);
		case 12:
			return r.pick([
				`**${words(r, 1, 2)}** _${word(r)}_`,
				`*a _b* c_`,
				`__${word(r)}__${word(r)}`,
				`~~${word(r)}~~`,
				`***${word(r)}***`,
				`_${word(r)}_${word(r)}_`,
				`*[${word(r)}*](/em/)`,
				`&lbrack;not&rbrack;(/x/)`,
				`[a&amp;b][${r.pick(LABELS)}]`,
				`${word(r)}  
${word(r)}`,
				`${word(r)}\
${word(r)}`,
			]);
		case 13:
			return r.pick([
				' https://www.gov.uk/x ',
				' www.example.com ',
				' user@example.org ',
				'https://example.com/report.[^1]',
				'see https://x.org/a[b](c)',
				'(https://x.org/p_(q))[l](/m/)',
				'www.x.com/[a](b)',
				'HTTP://X.ORG/`[a](b)`',
				'https://x.org/a]](/b/)',
				'http://a_b.c_d/[x](y)',
				'xhttps://x.org/[a](b)',
				'https://x.org/&amp;[^2]',
				'www.😀.com[y](z)',
			]);
		default:
			return words(r, 1, 4);
	}
}

function inlineText(g: GeneratorState, maxPieces: number, allowBreaks: boolean): string {
	const r = g.random;
	const n = r.int(1, maxPieces);
	let out = '';
	for (let i = 0; i < n; i++) {
		if (i > 0) {
			out += allowBreaks && r.chance(0.12) ? '\n' : r.pick([' ', ' ', ' ', '', '\t']);
		}
		out += inlinePiece(g);
	}
	return out;
}

function definition(g: GeneratorState, label: string): string {
	const r = g.random;
	const dest = r.chance(0.2) ? r.pick(ANGLE_DESTS.filter((d) => d !== '<>' || r.chance(0.5))) : r.pick(DESTS);
	const sep = r.pick([' ', '\n', ' \n  ', '\t']);
	const title = r.chance(0.3) ? r.pick([' ', '\n']) + r.pick(TITLES) : '';
	const indent = r.pick(['', '', ' ', '   ']);
	return `${indent}[${label}]:${sep}${dest}${title}`;
}

function footnoteDefinition(g: GeneratorState, label: string): string {
	const r = g.random;
	let out = `[^${label}]:${r.pick([' ', '  ', '\t', ''])}${inlineText(g, 3, false)}`;
	const extra = r.int(0, 3);
	for (let i = 0; i < extra; i++) {
		switch (r.int(0, 4)) {
			case 0:
				out += `\n    ${inlineText(g, 2, false)}`;
				break;
			case 1:
				out += `\n${inlineText(g, 2, false)}`; // lazy continuation
				break;
			case 2:
				out += `\n\n    ${inlineText(g, 2, false)}`;
				break;
			case 3:
				out += `\n\t${inlineText(g, 2, false)}`;
				break;
			default:
				out += `\n    > ${inlineText(g, 2, false)}`;
		}
	}
	return out;
}

function heading(g: GeneratorState): string {
	const r = g.random;
	const text = inlineText(g, 3, false).replace(/\n/g, ' ');
	if (r.chance(0.6)) {
		const hashes = '#'.repeat(r.int(1, 6));
		const closing = r.chance(0.2) ? ' ' + '#'.repeat(r.int(1, 3)) : '';
		return `${r.pick(['', ' ', '  '])}${hashes} ${text}${closing}`;
	}
	return `${text}\n${r.pick(['===', '---', '=', '-----  '])}`;
}

function fencedCode(g: GeneratorState): string {
	const r = g.random;
	const char = r.chance(0.5) ? '`' : '~';
	const n = r.int(3, 5);
	const indent = r.pick(['', ' ', '  ', '   ']);
	const open = indent + char.repeat(n) + r.pick(['', 'js', ' md [x](y)']);
	const body = r.pick(['[a](b) [^1] <https://x.y>', '```\n[inner](x)', '~~~', '    [x][ref]', '']);
	const close = r.chance(0.9) ? r.pick(['', ' ', '  ']) + char.repeat(n + r.int(0, 2)) : '';
	return `${open}\n${body}\n${close}`;
}

function block(g: GeneratorState, depth: number): string {
	const r = g.random;
	switch (r.int(0, 17)) {
		case 0:
		case 1:
		case 2:
		case 3:
			return inlineText(g, 8, true);
		case 4:
			return heading(g);
		case 5:
			return fencedCode(g);
		case 6:
			return `    ${inlineText(g, 3, false)}\n\t${inlineText(g, 2, false)}`;
		case 7:
			return r.pick([
				'<div>\n[in html](/x/) [^1]\n</div>',
				'<!--\n[commented](/out/) [^1]\n-->',
				'<!-- one line [a](b) -->',
				'<custom-tag attr="v">\n[a](b)',
				'<pre>\n[a](b)\n\n[c](d)\n</pre>',
				'<?\n[a](b)\n?>',
				'<!DOCTYPE html [x](y)>',
			]);
		case 8:
			return depth < 3 ? blockQuote(g, depth) : inlineText(g, 3, true);
		case 9:
		case 10:
			return depth < 3 ? list(g, depth) : inlineText(g, 3, true);
		case 11:
			return r.pick(['---', '***', '___', '- - -', ' * * *', '<span>', '<custom a="1">\n[in html](/x/)', '</div>', '<div/>', '<script>\n[s](/s/)\n</script>']);
		case 12:
			if (g.definedLabels.length > 0) {
				return definition(g, r.pick(g.definedLabels));
			}
			return inlineText(g, 3, true);
		case 13:
			if (depth === 0 && g.footnoteLabels.length > 0) {
				return footnoteDefinition(g, r.pick(g.footnoteLabels));
			}
			return inlineText(g, 3, true);
		default:
			return inlineText(g, 5, true);
	}
}

function prefixLines(text: string, first: string, rest: string): string {
	return text
		.split('\n')
		.map((line, i) => (i === 0 ? first : line === '' ? rest.trimEnd() : rest) + line)
		.join('\n');
}

function blockQuote(g: GeneratorState, depth: number): string {
	const r = g.random;
	const inner = blocks(g, depth + 1, r.int(1, 3));
	const marker = r.pick(['> ', '>', ' > ', '>\t']);
	let out = prefixLines(inner, marker, marker);
	if (r.chance(0.3)) {out += `\n${words(r, 1, 3)}`;} // lazy line
	return out;
}

function list(g: GeneratorState, depth: number): string {
	const r = g.random;
	const ordered = r.chance(0.4);
	const bullet = r.pick(['-', '*', '+']);
	const delimiter = r.pick(['.', ')']);
	const items = r.int(1, 4);
	const out: string[] = [];
	let number = r.pick([1, 1, 2, 10]);
	for (let i = 0; i < items; i++) {
		const marker = ordered ? `${number++}${delimiter}` : bullet;
		const space = r.pick([' ', ' ', '  ', '\t']);
		const width = space === '\t' ? 4 - (marker.length % 4) + marker.length : marker.length + space.length;
		const inner = r.chance(0.3) ? blocks(g, depth + 1, r.int(1, 2)) : inlineText(g, 4, true);
		out.push(prefixLines(inner, marker + space, ' '.repeat(width)));
		if (r.chance(0.2)) {
			out.push('');
		}
	}
	return out.join('\n');
}

function blocks(g: GeneratorState, depth: number, count: number): string {
	const r = g.random;
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		out.push(block(g, depth));
		if (i < count - 1) {
			out.push(r.chance(0.8) ? '' : r.pick(['  ', '\t']));
		}
	}
	return out.join('\n');
}

export interface GeneratedDocument {
	readonly seed: number;
	readonly text: string;
	/** Whether the text starts with YAML frontmatter. */
	readonly frontmatter: boolean;
}

/** One document for a seed. */
export function generateMarkdownDocument(seed: number): GeneratedDocument {
	const random = new Random(seed);
	const g: GeneratorState = {
		random,
		definedLabels: [],
		footnoteLabels: [],
		undefinedFootnoteLabels: [],
	};
	const labelCount = random.int(0, 3);
	for (let i = 0; i < labelCount; i++) {
		g.definedLabels.push(random.pick(LABELS));
	}
	const footnoteCount = random.int(0, 3);
	for (let i = 0; i < footnoteCount; i++) {
		g.footnoteLabels.push(random.pick(FOOTNOTE_LABELS));
	}
	g.undefinedFootnoteLabels = FOOTNOTE_LABELS.filter(
		(l) => !g.footnoteLabels.some((f) => f.toLowerCase() === l.toLowerCase()),
	);
	let body = blocks(g, 0, random.int(2, 9));
	// Definitions before or after their use, at the top level.
	for (const label of g.definedLabels) {
		const def = definition(g, label);
		body = random.chance(0.5) ? `${def}\n\n${body}` : `${body}\n\n${def}`;
	}
	for (const label of g.footnoteLabels) {
		body = `${body}\n\n${footnoteDefinition(g, label)}`;
	}
	const frontmatter = random.chance(0.2);
	let text = frontmatter ? `---\ntitle: x\ntags:\n- "[a](b)"\n---\n${body}` : body;
	if (random.chance(0.5)) {
		text += '\n';
	}
	const eol = random.pick(LINE_ENDINGS);
	if (eol !== '\n') {
		text = random.chance(0.8) ? text.replace(/\n/g, eol) : text.replace(/\n/g, () => random.pick(LINE_ENDINGS));
	}
	return { seed, text, frontmatter };
}
