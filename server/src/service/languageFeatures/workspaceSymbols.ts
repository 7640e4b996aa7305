import { SymbolKind, type Range } from 'vscode-languageserver-types';
import { CANCELLATION_CHECK_INTERVAL, type CancellationLike } from '../cancellation';
import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';
import { BestMatches } from '../search/bestMatches';
import { fuzzyScore } from '../search/fuzzyScore';
import { prepareQuery } from '../search/searchQuery';
import { aliasesRange, titleRange } from './nameRanges';

export interface VaultWorkspaceSymbol {
	/** The entity's title, or one of its aliases. */
	readonly name: string;
	readonly kind: SymbolKind;
	/** Vault-relative path of the page. */
	readonly path: string;
	/** Where the name is written: the `title:` value, the first `# heading`, the `aliases:` field, or the page start. */
	readonly range: Range;
	/** For a title, the page's section (its URL at the vault root); for an alias, the entity's title. */
	readonly containerName: string;
}

export const WORKSPACE_SYMBOL_LIMIT = 500;

interface ScoredSymbol {
	readonly page: PageSummary;
	/** -1 for the title entry, else the alias's index. */
	readonly alias: number;
	readonly score: number;
	/** Normalised name, for ordering. */
	readonly key: string;
}

/** Higher score first, then shorter name, then name, path, title before aliases. */
function compareByRelevance(a: ScoredSymbol, b: ScoredSymbol): number {
	return b.score - a.score
		|| a.key.length - b.key.length
		|| compareByName(a, b);
}

/** Name, then path, title before aliases. */
function compareByName(a: ScoredSymbol, b: ScoredSymbol): number {
	return (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
		|| (a.page.path < b.page.path ? -1 : a.page.path > b.page.path ? 1 : 0)
		|| a.alias - b.alias;
}

/**
 * Entities by title and by alias (each alias its own entry, contained in
 * the title), fuzzy on `query` (slug counts for the title entry), best
 * first, at most `WORKSPACE_SYMBOL_LIMIT`. An empty query lists entities
 * alphabetically. This is the one feature that looks at every page.
 */
export function provideWorkspaceSymbols(index: VaultIndex, query: string, token?: CancellationLike): VaultWorkspaceSymbol[] {
	const prepared = prepareQuery(query);
	const best = new BestMatches<ScoredSymbol>(WORKSPACE_SYMBOL_LIMIT, prepared.text === '' ? compareByName : compareByRelevance);
	const { entries, masks } = index.search.pageTable();
	for (let e = 0; e < entries.length; e++) {
		if (e % CANCELLATION_CHECK_INTERVAL === CANCELLATION_CHECK_INTERVAL - 1 && token?.isCancellationRequested) {
			return [];
		}
		if ((prepared.mask & ~masks[e]) !== 0) {
			continue;
		}
		const key = entries[e];
		if (key === undefined) {
			continue;
		}
		const page = key.page;
		const titleScore = Math.max(fuzzyScore(prepared.text, key.title, prepared.words), key.slug === key.title ? 0 : fuzzyScore(prepared.text, key.slug, prepared.words));
		if (titleScore > 0) {
			best.add({ page, alias: -1, score: titleScore, key: key.title });
		}
		for (let i = 0; i < key.aliases.length; i++) {
			const aliasScore = fuzzyScore(prepared.text, key.aliases[i], prepared.words);
			if (aliasScore > 0) {
				best.add({ page, alias: i, score: aliasScore, key: key.aliases[i] });
			}
		}
	}
	return best.result().map(({ page, alias }): VaultWorkspaceSymbol => alias < 0
		? { name: page.title, kind: SymbolKind.File, path: page.path, range: titleRange(page), containerName: page.section ?? page.url }
		: { name: page.aliases[alias], kind: SymbolKind.File, path: page.path, range: aliasesRange(page), containerName: page.title });
}
