import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { CancellationLike } from '../cancellation';
import type { Span } from '../parse/markdownTypes';
import { stripBom, type PageSummary } from '../parse/pageSummary';
import { entityDestination } from '../restructure/entityName';
import { linkEditsForMoves } from '../restructure/moveLinks';
import { oldUrlFieldEdits } from '../restructure/oldUrlField';
import { spanContains, spanToRange } from '../text/lineIndex';
import { slugOfUrl } from '../vault/vaultPaths';
import type { VaultEdit } from '../vault/vaultResults';
import { elementAtOffset, pageOffsetAt } from './elementAtPosition';
import type { PageContext } from './pageContext';
import { prepareRenameInPage, renameInPage } from './renameInPage';

/**
 * Rename (F2): a heading or a footnote label of the page (renameInPage.ts),
 * else an entity, from a link to it (its text or destination), from its own
 * frontmatter `title` field or from its first level-1 heading. Its new name is a slug, or
 * `/SECTION/SLUG/` to move it to another section; the edit renames its file
 * (or its folder, for `SLUG/index.md`) and rewrites every link to it in
 * every spelling (restructure/moveLinks.ts).
 *
 * The dispatch is `prepareX(context, offset) ?? prepareEntity(…)`: a rename
 * within the page (a heading, a footnote label) goes before the entity case,
 * answering undefined when the cursor is not on its kind of element.
 */

/**
 * The range and current name of what is renamed, or why nothing is; `elsewhere`: the position
 * names no entity (plain text, a link to an image), so another rename (the editor's own) may apply.
 */
export type PrepareRenameResult = { readonly range: Range; readonly placeholder: string } | { readonly error: string; readonly elsewhere?: boolean };
export type RenameResult = VaultEdit | { readonly error: string };

/** Reads a page's current text (an open document's, else the file's), for the edits that need more than the index. */
export type PageTextReader = (path: string) => string | undefined;

/** What a rename at a position is about: the entity page, and the range the editor shows. */
type EntityTarget = { readonly page: PageSummary; readonly span: Span } | { readonly error: string; readonly elsewhere?: boolean };

const NOTHING_HERE = 'Nothing to rename here: put the cursor on a link to a page of the vault, on the page\'s title in its frontmatter, on its first "# " heading, on another heading or on a footnote label.';

/** The page's `title` field (key to value), or its first level-1 heading, when `offset` is on it. */
function titleSpanAt(page: PageSummary, offset: number): Span | undefined {
	const field = page.frontmatter.present ? page.frontmatter.fields.find(candidate => candidate.key === 'title') : undefined;
	if (field && spanContains({ start: field.keySpan.start, end: field.valueSpan.end }, offset)) {
		return { start: field.keySpan.start, end: field.valueSpan.end };
	}
	const heading = page.headings.find(candidate => candidate.level === 1);
	return heading && spanContains(heading.span, offset) ? heading.span : undefined;
}

/** The entity named at `offset`: a link's target page, or this page from its title; an error on a link that names no page, undefined elsewhere. */
function entityAt({ index, page, text }: PageContext, offset: number): EntityTarget | undefined {
	const element = elementAtOffset(page, text, offset);
	if (element?.kind === 'link') {
		const { link } = element;
		const target = link.target;
		if (target.kind === 'external') {
			return { error: `"${link.destination}" is an external link: only pages of the vault can be renamed.` };
		}
		if (target.kind === 'asset') {
			return { error: `"${link.destination}" is a file (${target.path}), not a page: rename it in the explorer.`, elsewhere: true };
		}
		if (target.kind === 'outside') {
			return { error: `"${link.destination}" leaves the vault (${target.reason}): there is no page to rename.` };
		}
		if (element.fragmentSpan !== undefined && element.fragmentSpan.start === link.destinationSpan.start) {
			return { error: `"${link.destination}" names a heading of this page, not a page to rename.` };
		}
		const paths = index.pathsForUrl(target.url);
		const targetPage = paths.length === 1 ? index.getPage(paths[0]) : undefined;
		if (paths.length > 1) {
			return { error: `Two files publish ${target.url} (${paths.join(', ')}): remove one before renaming.` };
		}
		if (!targetPage) {
			return { error: `No page at ${target.url}: a broken link cannot be renamed. Create the page, or fix the link, first.` };
		}
		const span = element.part === 'text'
			? (spanContains(link.textSpan, offset) && link.textSpan.end > link.textSpan.start ? link.textSpan : link.span)
			: link.destinationSpan;
		return { page: targetPage, span };
	}
	const title = titleSpanAt(page, offset);
	return title ? { page, span: title } : undefined;
}

/** An entity page can be renamed when it is in a section (files in the vault root are not entities). */
function entityProblem(page: PageSummary): string | undefined {
	return page.section === undefined
		? `${page.path} is in the vault root, not in a section: only entity pages (SECTION/SLUG.md) are renamed here.`
		: undefined;
}

function prepareEntity(context: PageContext, offset: number): PrepareRenameResult {
	const target = entityAt(context, offset) ?? { error: NOTHING_HERE, elsewhere: true };
	if ('error' in target) {
		return target;
	}
	const problem = entityProblem(target.page);
	return problem !== undefined
		? { error: problem }
		: { range: spanToRange(context.page.lineStarts, target.span), placeholder: slugOfUrl(target.page.url) };
}

export function prepareRename(context: PageContext, position: Position): PrepareRenameResult {
	const offset = pageOffsetAt(context.page, context.text, position);
	return prepareRenameInPage(context, position) ?? prepareEntity(context, offset);
}

/** Adds `edits` to the text edits of `path` in `edit`, keeping each page's edits in document order. */
function withPageEdits(edit: VaultEdit, path: string, edits: readonly TextEdit[]): VaultEdit {
	if (edits.length === 0) {
		return edit;
	}
	const changes = [...(edit.changes ?? [])];
	const at = changes.findIndex(change => change.path === path);
	const before = at >= 0 ? changes[at].edits : [];
	const merged = [...before, ...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
	if (at >= 0) {
		changes[at] = { path, edits: merged };
	} else {
		changes.push({ path, edits: merged });
	}
	return { ...edit, changes };
}

function renameEntity(context: PageContext, offset: number, newName: string, oldUrlField: string, pageText: PageTextReader | undefined, token?: CancellationLike): RenameResult {
	const target = entityAt(context, offset) ?? { error: NOTHING_HERE };
	if ('error' in target) {
		return target;
	}
	const page = target.page;
	const problem = entityProblem(page);
	if (problem !== undefined) {
		return { error: problem };
	}
	const destination = entityDestination(context.index, page, newName);
	if ('error' in destination) {
		return destination;
	}
	const links = linkEditsForMoves(context.index, [destination.move], token);
	if (token?.isCancellationRequested) {
		// Never the file rename without its link edits.
		return { error: 'The rename was cancelled.' };
	}
	let edit: VaultEdit = { ...links, renameFiles: [destination.move] };
	if (oldUrlField !== '') {
		const text = page.path === context.page.path ? context.text : pageText?.(page.path);
		if (text === undefined) {
			return { error: `${page.path} could not be read to add its old URL to "${oldUrlField}".` };
		}
		const fieldEdits = oldUrlFieldEdits(page, stripBom(text), oldUrlField, page.url);
		if ('error' in fieldEdits) {
			return fieldEdits;
		}
		edit = withPageEdits(edit, page.path, fieldEdits);
	}
	return edit;
}

/**
 * The rename's edit: the page's file (or folder) renamed, every link to it
 * rewritten, and with `oldUrlField` set, its old URL appended to that
 * frontmatter field; or why not (nothing is changed then).
 */
export function provideRename(context: PageContext, position: Position, newName: string, oldUrlField: string, pageText?: PageTextReader, token?: CancellationLike): RenameResult {
	const offset = pageOffsetAt(context.page, context.text, position);
	return renameInPage(context, position, newName, token) ?? renameEntity(context, offset, newName, oldUrlField, pageText, token);
}
