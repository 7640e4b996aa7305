/**
 * Differential test: the hand-written markdown scanner against the reference
 * parser (mdast-util-from-markdown + micromark GFM + frontmatter).
 *
 * For every link (inline, image, autolink, resolved reference), every
 * footnote call of a defined footnote, every footnote definition and every
 * heading, destination/label/text and exact offsets must agree. Footnote
 * calls of undefined labels are plain text for micromark: the scanner reports
 * them, and the test checks that mdast has plain text there.
 *
 * On a disagreement the test fails with a minimized reproduction.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { normalizeMarkdownLabel, scanMarkdown } from '../../server/src/service/parse/markdown';
import type { MarkdownScan } from '../../server/src/service/parse/markdownTypes';
import { generateMarkdownDocument } from '../support/markdownGenerator';

const repoRoot = path.resolve(__dirname, '../../..');
/** How many generated documents (overridable for longer exploratory runs). */
const GENERATED_DOCUMENTS = Number(process.env.SCANNER_DIFF_DOCUMENTS ?? 1200);
const FIRST_SEED = Number(process.env.SCANNER_DIFF_FIRST_SEED ?? 1);

interface MdNode {
	type: string;
	url?: string;
	identifier?: string;
	depth?: number;
	value?: string;
	alt?: string;
	children?: MdNode[];
	position?: { start: { offset?: number }; end: { offset?: number } };
}

interface Oracle {
	parse(text: string, frontmatter: boolean): MdNode;
	toString(node: MdNode): string;
}

/** mdast-util-to-string: the text content of a node (html values and image alts included). */
function plainText(node: MdNode): string {
	if (node.value !== undefined) {
		return node.value;
	}
	if (node.alt !== undefined && node.alt !== null) {
		return node.alt;
	}
	return (node.children ?? []).map(plainText).join('');
}

let oraclePromise: Promise<Oracle> | undefined;

function loadOracle(): Promise<Oracle> {
	oraclePromise ??= (async () => {
		const { fromMarkdown } = await import('mdast-util-from-markdown');
		const { gfm } = await import('micromark-extension-gfm');
		const { gfmFromMarkdown } = await import('mdast-util-gfm');
		const { frontmatter } = await import('micromark-extension-frontmatter');
		const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
		return {
			parse(text: string, withFrontmatter: boolean): MdNode {
				const extensions = withFrontmatter ? [gfm(), frontmatter(['yaml'])] : [gfm()];
				const mdastExtensions = withFrontmatter ? [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] : [gfmFromMarkdown()];
				return fromMarkdown(text, { extensions, mdastExtensions }) as unknown as MdNode;
			},
			toString: plainText,
		};
	})();
	return oraclePromise;
}

interface Item {
	what: string;
	start: number;
	end: number;
	detail: string;
}

function start(node: MdNode): number {
	return node.position!.start.offset!;
}
function end(node: MdNode): number {
	return node.position!.end.offset!;
}

/** The body start for a frontmatter document: after the line ending that follows the closing fence. */
function bodyStartAfter(text: string, yamlEnd: number): number {
	let k = yamlEnd;
	if (text.charCodeAt(k) === 13) {
		k++;
	}
	if (text.charCodeAt(k) === 10) {
		k++;
	}
	return k;
}

interface OracleResult {
	items: Item[];
	bodyStart: number;
	/** Paragraphs, headings and table cells. */
	inlineBlocks: Array<{ start: number; end: number }>;
}

function fromOracle(oracle: Oracle, text: string, frontmatter: boolean): OracleResult {
	const tree = oracle.parse(text, frontmatter);
	const items: Item[] = [];
	const inlineBlocks: Array<{ start: number; end: number }> = [];
	const definitions = new Map<string, string>();
	let bodyStart = 0;
	const collectDefinitions = (node: MdNode): void => {
		if (node.type === 'definition' && !definitions.has(node.identifier!)) {
			definitions.set(node.identifier!, node.url!);
		}
		node.children?.forEach(collectDefinitions);
	};
	collectDefinitions(tree);
	const textSpan = (node: MdNode): string => {
		const children = node.children ?? [];
		if (children.length === 0) {
			return '';
		}
		return ` text ${start(children[0])}-${end(children[children.length - 1])}`;
	};
	const visit = (node: MdNode): void => {
		// Nodes made by the GFM literal-autolink transform have no position.
		if (node.position?.start.offset === undefined) {
			node.children?.forEach(visit);
			return;
		}
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
			inlineBlocks.push({ start: start(node), end: end(node) });
		}
		switch (node.type) {
			case 'yaml':
				bodyStart = bodyStartAfter(text, end(node));
				break;
			case 'link': {
				const first = text.charCodeAt(start(node));
				if (first === 91 /* [ */) {
					items.push({ what: 'link inline', start: start(node), end: end(node), detail: `url=${JSON.stringify(node.url)}${textSpan(node)}` });
				} else if (first === 60 /* < */) {
					items.push({ what: 'link autolink', start: start(node), end: end(node), detail: `url=${JSON.stringify(node.url)}` });
				}
				// Anything else is a GFM literal autolink: out of scope.
				break;
			}
			case 'image':
				items.push({ what: 'image inline', start: start(node), end: end(node), detail: `url=${JSON.stringify(node.url)}` });
				break;
			case 'linkReference':
				items.push({
					what: 'link reference',
					start: start(node),
					end: end(node),
					detail: `url=${JSON.stringify(definitions.get(node.identifier!))} label=${JSON.stringify(node.identifier)}${textSpan(node)}`,
				});
				break;
			case 'imageReference':
				items.push({
					what: 'image reference',
					start: start(node),
					end: end(node),
					detail: `url=${JSON.stringify(definitions.get(node.identifier!))} label=${JSON.stringify(node.identifier)}`,
				});
				break;
			case 'footnoteReference':
				items.push({ what: 'footnote call', start: start(node), end: end(node), detail: `label=${JSON.stringify(node.identifier)}` });
				break;
			case 'footnoteDefinition':
				items.push({ what: 'footnote definition', start: start(node), end: end(node), detail: `label=${JSON.stringify(node.identifier)}` });
				break;
			case 'heading':
				items.push({
					what: 'heading',
					start: start(node),
					end: end(node),
					detail: `depth=${node.depth} text=${JSON.stringify(oracle.toString(node))}`,
				});
				break;
		}
		node.children?.forEach(visit);
	};
	visit(tree);
	return { items: sortItems(items), bodyStart, inlineBlocks };
}

function sortItems(items: Item[]): Item[] {
	return items.sort((a, b) => a.start - b.start || a.what.localeCompare(b.what) || b.end - a.end);
}

interface ScannerResult {
	items: Item[];
	/** Footnote calls whose label has no definition, with their raw labels. */
	undefinedCalls: Array<Item & { rawLabel: string }>;
}

function fromScanner(scan: MarkdownScan): ScannerResult {
	const items: Item[] = [];
	const undefinedCalls: ScannerResult['undefinedCalls'] = [];
	for (const link of scan.links) {
		const kind = link.kind === 'reference' ? 'reference' : link.kind === 'autolink' ? 'autolink' : 'inline';
		const what = `${link.isImage ? 'image' : 'link'} ${kind}`;
		let detail = `url=${JSON.stringify(link.destination)}`;
		if (link.kind === 'reference') {
			detail += ` label=${JSON.stringify(link.referenceLabel)}`;
		}
		if (!link.isImage && link.kind !== 'autolink' && link.textSpan.end > link.textSpan.start) {
			detail += ` text ${link.textSpan.start}-${link.textSpan.end}`;
		}
		items.push({ what, start: link.span.start, end: link.span.end, detail });
	}
	const defined = new Set(scan.footnoteDefinitions.map((d) => d.label));
	for (const call of scan.footnoteReferences) {
		const item = { what: 'footnote call', start: call.span.start, end: call.span.end, detail: `label=${JSON.stringify(call.label)}` };
		if (defined.has(call.label)) {
			items.push(item);
		} else {
			undefinedCalls.push({ ...item, rawLabel: call.rawLabel });
		}
	}
	for (const def of scan.footnoteDefinitions) {
		items.push({ what: 'footnote definition', start: def.span.start, end: def.span.end, detail: `label=${JSON.stringify(def.label)}` });
	}
	for (const heading of scan.headings) {
		items.push({ what: 'heading', start: heading.span.start, end: heading.span.end, detail: `depth=${heading.level} text=${JSON.stringify(heading.text)}` });
	}
	return { items: sortItems(items), undefinedCalls };
}

function describeItem(item: Item): string {
	return `${item.what} ${item.start}-${item.end} ${item.detail}`;
}

/** A footnote call as written (its label may be undefined). */
const CALL_PATTERN = /\[\^((?:[^\s[\]\\]|\\.)+)\]/g;

function compareItems(expectedItems: Item[], actualItems: Item[]): string[] {
	const out: string[] = [];
	const expectedLines = expectedItems.map(describeItem);
	const actualLines = actualItems.map(describeItem);
	const actualSet = new Set(actualLines);
	const expectedSet = new Set(expectedLines);
	for (const line of expectedLines) {if (!actualSet.has(line)) {out.push(`missing:    ${line}`);}}
	for (const line of actualLines) {if (!expectedSet.has(line)) {out.push(`unexpected: ${line}`);}}
	return out;
}

/**
 * The disagreements between scanner and oracle for one document (empty when
 * they agree).
 *
 * Footnote calls of undefined labels: micromark leaves `[^x]` as text (or
 * link text) while the scanner parses it as a call, as if `x` were defined.
 * So (1) everything away from such calls must agree, and (2) with
 * definitions for those labels appended to the document, micromark makes
 * them calls too, and then everything must agree.
 */
function differences(oracle: Oracle, text: string, frontmatter: boolean, compared?: { count: number }): string[] {
	const expected = fromOracle(oracle, text, frontmatter);
	if (compared !== undefined) {
		compared.count = expected.items.length;
	}
	const scan = scanMarkdown(text, expected.bodyStart);
	const actual = fromScanner(scan);
	// Every `[^label]` written with an undefined label (also where the scanner
	// drops it, e.g. inside an image description).
	const definedLabels = new Set(scan.footnoteDefinitions.map((d) => d.label));
	const calls: Array<{ start: number; end: number; label: string; rawLabel: string }> = [];
	for (const match of text.matchAll(CALL_PATTERN)) {
		const label = normalizeMarkdownLabel(match[1]);
		if (!definedLabels.has(label)) {
			calls.push({ start: match.index, end: match.index + match[0].length, label, rawLabel: match[1] });
		}
	}
	if (calls.length === 0) {
		return compareItems(expected.items, actual.items);
	}
	// The zone where the two parses may differ: the paragraphs (headings,
	// table cells) holding such calls.
	const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && a.end > b.start;
	const zone: Array<{ start: number; end: number }> = [...calls];
	for (const block of expected.inlineBlocks) {
		if (calls.some((call) => overlaps(block, call))) {
			zone.push(block);
		}
	}
	const away = (item: Item): boolean => !zone.some((z) => overlaps(item, z));
	const out = compareItems(expected.items.filter(away), actual.items.filter(away));
	const labels = new Map<string, string>();
	for (const call of calls) {if (!labels.has(call.label)) {labels.set(call.label, call.rawLabel);}}
	const appended = [...labels.values()].map((raw) => `[^${raw}]: appended definition`).join('\n\n');
	const augmented = `${text}\n\n${appended}\n`;
	const expected2 = fromOracle(oracle, augmented, frontmatter);
	if (compared !== undefined) {
		compared.count += expected2.items.length;
	}
	const actual2 = fromScanner(scanMarkdown(augmented, expected2.bodyStart));
	// (When the appended definitions are swallowed, e.g. by an unclosed fence, (1) is all there is.)
	const definedNow = new Set(expected2.items.filter((i) => i.what === 'footnote definition').map((i) => i.detail));
	if ([...labels.keys()].every((label) => definedNow.has(`label=${JSON.stringify(label)}`))) {
		for (const line of compareItems(expected2.items, actual2.items)) {
			out.push(`with definitions appended: ${line}`);
		}
	}
	return out;
}

/** Splits into lines keeping their line endings. */
function splitLines(text: string): string[] {
	return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Removes lines (then characters) while the disagreement persists. */
function minimize(oracle: Oracle, text: string, frontmatter: boolean): string {
	const fails = (candidate: string): boolean => {
		try {
			return differences(oracle, candidate, frontmatter).length > 0;
		} catch {
			return false;
		}
	};
	let lines = splitLines(text);
	let budget = 4000;
	for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && budget > 0; chunk >>= 1) {
		for (let i = 0; i + chunk <= lines.length && budget > 0; ) {
			const candidate = lines.slice(0, i).concat(lines.slice(i + chunk));
			budget--;
			if (candidate.length > 0 && fails(candidate.join(''))) {
				lines = candidate;
			} else {
				i += chunk;
			}
		}
	}
	let current = lines.join('');
	for (let i = 0; i < current.length && budget > 0; ) {
		const candidate = current.slice(0, i) + current.slice(i + 1);
		budget--;
		if (candidate.length > 0 && fails(candidate)) {
			current = candidate;
		} else {
			i++;
		}
	}
	return current;
}

/** Per kind of item, the files of server/src/service/parse/markdown/ that make it. */
const CONSTRUCT_FILES: Record<string, string> = {
	'link inline': 'labelEnd.ts',
	'image inline': 'labelEnd.ts',
	'link reference': 'labelEnd.ts (the link) or definition.ts (its definition)',
	'image reference': 'labelEnd.ts (the image) or definition.ts (its definition)',
	'link autolink': 'autolink.ts',
	'footnote call': 'gfmFootnote.ts (its label) or labelEnd.ts (a call after `!`)',
	'footnote definition': 'blockScanner.ts (where it ends) or gfmFootnote.ts (its label)',
	heading: 'headingAtx.ts or leafBlocks.ts (its span, setext), attention.ts or inlineScanner.ts (its text)',
};

/** Where to look first for the first of these disagreements. */
function whereToLook(diff: string[]): string {
	const match = /(?:missing|unexpected): +((?:link|image) (?:inline|reference|autolink)|footnote call|footnote definition|heading) /.exec(diff[0] ?? '');
	const files = match === null ? undefined : CONSTRUCT_FILES[match[1]];
	return files === undefined ? '' : `\nFirst look at server/src/service/parse/markdown/ ${files}; blockScanner.ts and leafBlocks.ts decide which text is a paragraph at all.`;
}

/** Fails with a minimized reproduction on any disagreement; returns the number of constructs compared. */
async function checkDocument(name: string, text: string, frontmatter: boolean): Promise<number> {
	const oracle = await loadOracle();
	const compared = { count: 0 };
	const diff = differences(oracle, text, frontmatter, compared);
	if (diff.length === 0) {
		return compared.count;
	}
	const small = minimize(oracle, text, frontmatter);
	const smallDiff = differences(oracle, small, frontmatter);
	assert.fail(
		`${name}: scanner and micromark disagree.\n` +
			`Minimal reproduction (JSON string, frontmatter=${frontmatter}):\n${JSON.stringify(small)}\n` +
			`${smallDiff.join('\n')}${whereToLook(smallDiff)}\n\nFull document disagreements:\n${diff.slice(0, 20).join('\n')}`,
	);
}

function hasFrontmatter(text: string): boolean {
	return /^---\r?\n/.test(text);
}

describe('markdown scanner vs micromark (differential)', function () {
	this.timeout(Math.max(120000, GENERATED_DOCUMENTS * 100));

	// Copies of the two seed documents (shared/seeds/000_* and 001_*).
	const fixtures = path.join(repoRoot, 'test', 'fixtures', 'markdown');

	it('agrees on the seed vault page', async () => {
		const text = fs.readFileSync(path.join(fixtures, 'seed-mi6.md'), 'utf8');
		await checkDocument('seed-mi6.md', text, true);
		// The comparison is not vacuous: the seed has links, calls and headings.
		const oracle = await loadOracle();
		const expected = fromOracle(oracle, text, true);
		assert.ok(expected.bodyStart > 0);
		assert.ok(expected.items.filter((i) => i.what === 'link inline').length >= 20);
		assert.ok(expected.items.some((i) => i.what === 'footnote call'));
		assert.ok(expected.items.some((i) => i.what === 'heading'));
	});

	it('agrees on the second seed document (plain text)', async () => {
		const text = fs.readFileSync(path.join(fixtures, 'seed-source-text.md'), 'utf8');
		await checkDocument('seed-source-text.md', text, false);
	});

	it('agrees on the hand-written fixtures', async () => {
		const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.md')).sort();
		assert.ok(files.length >= 5, 'expected the tricky fixtures');
		for (const file of files) {
			const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
			await checkDocument(file, text, hasFrontmatter(text));
			// Also with CRLF and lone CR line endings.
			await checkDocument(`${file} (CRLF)`, text.replace(/\r?\n/g, '\r\n'), hasFrontmatter(text));
			await checkDocument(`${file} (CR)`, text.replace(/\r?\n/g, '\r'), hasFrontmatter(text));
		}
	});

	it(`agrees on ${GENERATED_DOCUMENTS} generated documents`, async () => {
		let items = 0;
		for (let seed = FIRST_SEED; seed < FIRST_SEED + GENERATED_DOCUMENTS; seed++) {
			const doc = generateMarkdownDocument(seed);
			items += await checkDocument(`generated document seed=${seed}`, doc.text, doc.frontmatter);
		}
		// The generator produces plenty of constructs to compare.
		assert.ok(items > GENERATED_DOCUMENTS * 5, `only ${items} constructs compared`);
	});
});
