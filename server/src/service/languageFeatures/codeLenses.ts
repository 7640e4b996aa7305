import type { Position, Range } from 'vscode-languageserver-types';
import type { CancellationLike } from '../cancellation';
import { PAGE_START, spanToRange } from '../text/lineIndex';
import type { VaultLocation } from '../vault/vaultResults';
import type { PageContext } from './pageContext';
import { linksTo } from './references';

/**
 * A resolved code lens: its line, its title, and the locations it opens (the
 * transport makes the command that shows them at `position`).
 */
export interface VaultCodeLens {
	readonly range: Range;
	readonly title: string;
	/** Where the references view opens. */
	readonly position: Position;
	/** What it shows; empty: the lens only tells (nothing to open). */
	readonly locations: readonly VaultLocation[];
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/**
 * Code lenses: at the top of the page "N backlinks" (the pages linking here,
 * this page's own `#anchor` links left out), opening every link from them;
 * on each footnote definition "N uses", opening its references. The counts
 * come from the index's backlinks: only the linking pages are looked at.
 */
export function provideCodeLenses({ index, page, text }: PageContext, token?: CancellationLike): VaultCodeLens[] {
	if (text.length !== page.textLength) {
		return []; // the summary is of another version of the text
	}
	const backlinks = linksTo(index, page.url, false, token).filter(location => location.path !== page.path);
	if (token?.isCancellationRequested) {
		return [];
	}
	const lenses: VaultCodeLens[] = [{ range: PAGE_START, title: plural(backlinkLensCount({ index, page }), 'backlink', 'backlinks'), position: PAGE_START.start, locations: backlinks }];
	const usesByLabel = new Map<string, VaultLocation[]>();
	for (const reference of page.footnoteReferences) {
		let uses = usesByLabel.get(reference.label);
		if (!uses) {
			uses = [];
			usesByLabel.set(reference.label, uses);
		}
		uses.push({ path: page.path, range: spanToRange(page.lineStarts, reference.span) });
	}
	for (const definition of page.footnoteDefinitions) {
		const uses = usesByLabel.get(definition.label) ?? [];
		const range = spanToRange(page.lineStarts, definition.markerSpan);
		lenses.push({ range, title: plural(uses.length, 'use', 'uses'), position: range.start, locations: uses });
	}
	return lenses;
}

/** The number of other pages linking to the page (what its backlinks lens says), for knowing when to refresh it. */
export function backlinkLensCount(context: Pick<PageContext, 'index' | 'page'>): number {
	const { index, page } = context;
	const count = index.backlinkCount(page.url);
	return index.linkersOf(page.url).includes(page.path) ? count - 1 : count;
}
