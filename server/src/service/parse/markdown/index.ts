/**
 * A hand-written CommonMark + GFM scanner that extracts what the vault needs
 * from a markdown page: links, link reference definitions, footnote calls and
 * definitions, and headings with their anchors.
 *
 * It follows micromark (the reference parser behind mdast) closely, one
 * file per construct as micromark-core-commonmark has them, and is checked
 * against it by test/unit/markdownScannerDifferential.test.ts.
 *
 * Two phases:
 *  1. a block pass over the lines (blockScanner.ts: containers, i.e. block
 *     quotes, list items, footnote definitions; leafBlocks.ts: paragraphs,
 *     headings, fenced and indented code, HTML blocks, thematic breaks, link
 *     reference definitions), which collects the inline regions (paragraph
 *     and heading content);
 *  2. an inline pass over each region once all definitions are known
 *     (inlineScanner.ts: code spans, autolinks, raw HTML, escapes,
 *     links/images, footnote calls).
 *
 * All offsets are UTF-16 code units into the given text.
 *
 * One deliberate difference: a footnote call `[^x]` is reported (and parsed)
 * whether `x` is defined or not, exactly as micromark parses calls of defined
 * labels (micromark leaves calls of undefined labels as text), so that the
 * server can report missing footnotes.
 *
 * Known differences with micromark, deliberately out of scope for a vault:
 *  - GFM tables are scanned as paragraphs (a link split by a cell `|` is
 *    still one link here);
 *  - GFM literal autolinks (bare `https://…`, `www.…`) are skipped like
 *    micromark does (so `https://x.org/a[^1]` holds no footnote call) and
 *    reported apart (`literalAutolinks`), not as links; bare e-mail addresses are not looked for (they
 *    cannot contain link syntax).
 */

import { HeadingSlugger } from '../headingSlug';
import type { DefinitionTerm, FootnoteDefinition, FootnoteReference, Heading, LinkOccurrence, MarkdownScan } from '../markdownTypes';
import { BlockScanner } from './blockScanner';
import { collectDefinitionTerms } from './definitionList';
import { followingAttributeList, trailingAttributeBlock } from './headingAttributes';
import { collectHtmlAnchors } from './htmlAnchors';
import type { RawLink } from './inlineContext';
import { InlineScanner } from './inlineScanner';

export { normalizeMarkdownLabel } from './label';

/**
 * Scans a markdown document. `bodyStart` is where the body begins (after
 * YAML frontmatter, at a line start); nothing before it is looked at.
 */
export function scanMarkdown(text: string, bodyStart = 0): MarkdownScan {
	const blocks = new BlockScanner(text);
	blocks.scan(bodyStart);
	const inline = new InlineScanner(blocks.definitions.byLabel, blocks.footnoteLabels);
	const headingTexts: string[] = new Array<string>(blocks.headings.length).fill('');
	const idTexts: string[] = new Array<string>(blocks.headings.length).fill('');
	const attributes: string[] = new Array<string>(blocks.headings.length).fill('');
	for (const region of blocks.regions) {
		const headingText = inline.scanRegion(region);
		if (region.heading >= 0) {
			headingTexts[region.heading] = headingText;
			idTexts[region.heading] = inline.headingIdText();
			attributes[region.heading] = trailingAttributeBlock(region.content, headingText);
		}
	}
	const { links, footnoteReferences } = inDocumentOrder(inline.found);
	const slugger = new HeadingSlugger();
	const headings: Heading[] = blocks.headings.map((h, index) => ({
		level: h.level,
		text: headingTexts[index],
		idText: idTexts[index],
		attributes: attributes[index] || followingAttributeList(text, h.end),
		anchor: slugger.slug(idTexts[index] || headingTexts[index]),
		span: { start: h.start, end: h.end },
	}));
	const footnoteDefinitions: FootnoteDefinition[] = blocks.footnoteDrafts.map((d) => ({
		label: d.label,
		rawLabel: d.rawLabel,
		span: { start: d.start, end: d.end },
		markerSpan: { start: d.start, end: d.markerEnd },
	}));
	const codeRegions = mergeRegions(blocks.codeBlocks, inline.codeSpans);
	const htmlAnchors = [...inline.htmlAnchors];
	for (const k of blocks.htmlBlocks) {
		collectHtmlAnchors(text, blocks.codeBlocks[k], blocks.codeBlocks[k + 1], htmlAnchors);
	}
	if (blocks.htmlBlocks.length > 0 && inline.htmlAnchors.length > 0) {
		htmlAnchors.sort((a, b) => a.span.start - b.span.start);
	}
	const definitionTerms: DefinitionTerm[] = [];
	collectDefinitionTerms(text, blocks.regions.filter(region => region.heading < 0), definitionTerms);
	return { links, definitions: blocks.definitions.list, footnoteReferences, footnoteDefinitions, headings, codeRegions, literalAutolinks: inline.literalAutolinks, htmlAnchors, definitionTerms };
}

/** Two lists of `[start, end]` pairs, each in order and not overlapping the other, merged in order. */
function mergeRegions(a: number[], b: number[]): number[] {
	if (b.length === 0) {
		return a;
	}
	if (a.length === 0) {
		return b;
	}
	const merged: number[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i] <= b[j])) {
			merged.push(a[i], a[i + 1]);
			i += 2;
		} else {
			merged.push(b[j], b[j + 1]);
			j += 2;
		}
	}
	return merged;
}

/** The links and footnote calls found, each in document order (inner links complete before outer ones). */
function inDocumentOrder(found: RawLink[]): { links: LinkOccurrence[]; footnoteReferences: FootnoteReference[] } {
	const startOf = (entry: RawLink): number => (entry.link !== undefined ? entry.link.span.start : entry.footnote!.span.start);
	let sorted = true;
	for (let k = 1; k < found.length && sorted; k++) {
		sorted = startOf(found[k - 1]) <= startOf(found[k]);
	}
	if (!sorted) {
		found.sort((a, b) => startOf(a) - startOf(b));
	}
	const links: LinkOccurrence[] = [];
	const footnoteReferences: FootnoteReference[] = [];
	for (const entry of found) {
		if (entry.link !== undefined) {
			links.push(entry.link);
		} else {
			footnoteReferences.push(entry.footnote!);
		}
	}
	return { links, footnoteReferences };
}
