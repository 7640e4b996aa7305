import type { Position, Range } from 'vscode-languageserver-types';
import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import { StoredPageSummary } from '../parse/storedPageSummary';
import { spanContains, spanToRange, PAGE_START } from '../text/lineIndex';
import type { VaultIndex } from '../vault/vaultIndex';
import type { VaultLocation } from '../vault/vaultResults';
import { elementAtOffset, pageOffsetAt } from './elementAtPosition';
import type { PageContext } from './pageContext';

/**
 * Find references:
 * - on an entity link: every link in the vault to the same page (whatever
 *   its spelling: `x.md`, no trailing slash, with a `#fragment`);
 * - anywhere in the page's frontmatter or its first `# title` line: every
 *   link to this page (its backlinks);
 * - on a footnote reference or definition marker: the references to that
 *   footnote in the document.
 * With `includeDeclaration`, the target page (its start) or the footnote's
 * definitions come first. Answered from the index's backlinks: only the
 * pages that link to the target are looked at.
 */
export function provideReferences(context: PageContext, position: Position, includeDeclaration = false, token?: CancellationLike): VaultLocation[] {
	return collected(referencesInChunks(context, position, includeDeclaration, CANCELLATION_CHECK_INTERVAL), token);
}

/**
 * The answer of `provideReferences` in pieces, in its order: each piece the
 * links of at most `linkersPerChunk` linking pages (the declaration and a
 * footnote's references come in the first), so the transport can send the
 * first results (LSP `partialResult`) before the rest is computed.
 */
export function* referencesInChunks({ index, page, text: body }: PageContext, position: Position, includeDeclaration: boolean, linkersPerChunk: number): Generator<VaultLocation[]> {
	const offset = pageOffsetAt(page, body, position);
	const element = elementAtOffset(page, body, offset);
	if (element?.kind === 'footnoteReference' || element?.kind === 'footnoteDefinition') {
		const label = element.kind === 'footnoteReference' ? element.reference.label : element.definition.label;
		const declarations = includeDeclaration
			? page.footnoteDefinitions.filter(definition => definition.label === label).map(definition => definition.markerSpan)
			: [];
		const references = page.footnoteReferences.filter(reference => reference.label === label).map(reference => reference.span);
		yield [...declarations, ...references].map(span => ({ path: page.path, range: spanToRange(page.lineStarts, span) }));
		return;
	}
	let url: string | undefined;
	if (element?.kind === 'link') {
		url = element.link.target.kind === 'page' ? element.link.target.url : undefined;
	} else if (isOnPageIdentity(page, offset)) {
		url = page.url;
	}
	if (url !== undefined) {
		yield* linksToInChunks(index, url, includeDeclaration, linkersPerChunk);
	}
}

/** In the frontmatter block, or on the first level-1 heading (the title line). */
function isOnPageIdentity(page: PageSummary, offset: number): boolean {
	if (page.frontmatter.present && spanContains(page.frontmatter.span, offset)) {
		return true;
	}
	const title = page.headings.find(heading => heading.level === 1);
	return title !== undefined && spanContains(title.span, offset);
}

/** Every link in the vault whose target is `url`, by linking page path then position (none when cancelled). */
export function linksTo(index: VaultIndex, url: string, includeDeclaration = false, token?: CancellationLike): VaultLocation[] {
	return collected(linksToInChunks(index, url, includeDeclaration, CANCELLATION_CHECK_INTERVAL), token);
}

/** `linksTo` in pieces of the links of at most `linkersPerChunk` linking pages, the declaration in the first. */
function* linksToInChunks(index: VaultIndex, url: string, includeDeclaration: boolean, linkersPerChunk: number): Generator<VaultLocation[]> {
	let chunk: VaultLocation[] = [];
	if (includeDeclaration) {
		const targetPath = index.pathsForUrl(url)[0];
		if (targetPath !== undefined) {
			chunk.push({ path: targetPath, range: PAGE_START });
		}
	}
	// In path order, kept by the index; the pages as they are when the walk began, each looked up again once the index changes (between two pieces).
	const { version, paths, pages, which } = index.linkersInOrder(url);
	// The ranges of the piece's links, a linking page's appended after the others'.
	let ranges: Range[] = [];
	for (let i = 0; i < paths.length; i++) {
		if (i > 0 && i % linkersPerChunk === 0 && chunk.length > 0) {
			yield chunk;
			chunk = [];
			ranges = [];
		}
		const current = index.version === version;
		const linker = current ? pages[i] : index.getPage(paths[i]);
		if (!linker) {
			continue;
		}
		const first = ranges.length;
		appendLinkRanges(linker, url, current ? which[i] : linker.targetUrls.indexOf(url), ranges);
		const path = linker.path;
		for (let r = first; r < ranges.length; r++) {
			chunk.push({ path, range: ranges[r] });
		}
	}
	if (chunk.length > 0) {
		yield chunk;
	}
}

/** Appends the ranges of a page's links to `url`, the target `which` of its `targetUrls`: a stored page's straight from its header's numbers. */
function appendLinkRanges(page: PageSummary, url: string, which: number, into: Range[]): void {
	if (page instanceof StoredPageSummary) {
		page.header.appendLinkRanges(which, into);
		return;
	}
	const lineStarts = page.lineStarts;
	for (const span of page.linkSpansTo(url)) {
		into.push(spanToRange(lineStarts, span));
	}
}

/** The pieces in one list; none when cancelled between two pieces. */
function collected(chunks: Iterable<VaultLocation[]>, token: CancellationLike | undefined): VaultLocation[] {
	const result: VaultLocation[] = [];
	for (const chunk of chunks) {
		if (result.length > 0 && token?.isCancellationRequested) {
			return [];
		}
		for (const location of chunk) {
			result.push(location);
		}
	}
	return result;
}
