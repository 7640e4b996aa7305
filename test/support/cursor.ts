import * as assert from 'assert';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '../../server/src/service/parse/markdownTypes';
import type { PageSummary } from '../../server/src/service/parse/pageSummary';
import type { VaultIndex } from '../../server/src/service/vault/vaultIndex';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';

/** Marks the cursor in test texts: `See [Rob$|$` is the text `See [Rob` with the cursor at its end. */
export const CURSOR = '$|$';

export interface MarkedText {
	/** The text without the marker. */
	readonly text: string;
	/** UTF-16 offset of the marker. */
	readonly offset: number;
	/** LSP position of the marker (zero-based line, UTF-16 character). */
	readonly position: Position;
}

/**
 * The LSP position of a UTF-16 offset, computed on its own (not with the
 * service's line index, which is under test): `\r\n`, `\n` and a lone `\r`
 * end a line; a leading BOM is not counted.
 */
export function positionOfOffset(text: string, offset: number): Position {
	let line = 0;
	let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (let i = lineStart; i < offset; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, character: offset - lineStart };
}

/**
 * Where `fragment` is in `text` (UTF-16 offsets), its first occurrence or
 * the `occurrence`-th after it (counted from 0); fails the test when there
 * is no such occurrence.
 */
export function spanOfText(text: string, fragment: string, occurrence = 0): Span {
	let start = -1;
	for (let i = 0; i <= occurrence; i++) {
		start = text.indexOf(fragment, start + 1);
		if (start < 0) {
			break;
		}
	}
	assert.ok(start >= 0, `${JSON.stringify(fragment)} (occurrence ${occurrence}) not in ${JSON.stringify(text)}`);
	return { start, end: start + fragment.length };
}

/** The LSP range of `fragment` in `text`, as `spanOfText` finds it. */
export function rangeOfText(text: string, fragment: string, occurrence = 0): Range {
	const { start, end } = spanOfText(text, fragment, occurrence);
	return { start: positionOfOffset(text, start), end: positionOfOffset(text, end) };
}

/** Removes the one cursor marker from `marked`; fails the test when there is not exactly one. */
export function parseCursor(marked: string): MarkedText {
	const offset = marked.indexOf(CURSOR);
	assert.ok(offset >= 0, `no cursor marker ${CURSOR} in ${JSON.stringify(marked)}`);
	assert.strictEqual(marked.indexOf(CURSOR, offset + 1), -1, `more than one cursor marker in ${JSON.stringify(marked)}`);
	const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
	return { text, offset, position: positionOfOffset(text, offset) };
}

export interface VaultWithCursor extends MarkedText {
	readonly service: VaultService;
	readonly index: VaultIndex;
	/** The page holding the cursor. */
	readonly page: PageSummary;
	readonly path: string;
}

/** An in-memory vault service holding `pages` (path → text). */
export function vaultOf(pages: Readonly<Record<string, string>>): VaultService {
	const service = createVaultService();
	for (const [path, text] of Object.entries(pages)) {
		service.updatePage(path, text);
	}
	return service;
}

/**
 * An in-memory vault of `pages` (path → text) in which exactly one page
 * holds the cursor marker; the page is indexed without the marker.
 */
export function vaultWithCursor(pages: Readonly<Record<string, string>>): VaultWithCursor {
	const marked = Object.keys(pages).filter(path => pages[path].includes(CURSOR));
	assert.strictEqual(marked.length, 1, `exactly one page must hold the cursor marker, found ${marked.length}`);
	const path = marked[0];
	const cursor = parseCursor(pages[path]);
	const service = vaultOf({ ...pages, [path]: cursor.text });
	const page = service.getPage(path);
	assert.ok(page, `page ${path} was not indexed`);
	return { ...cursor, service, index: service.index, page, path };
}
