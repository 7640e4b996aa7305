import type { PageSummary } from '../parse/pageSummary';
import type { SiteRules } from '../vault/siteRules';
import type { VaultIndex } from '../vault/vaultIndex';

/**
 * What a feature about one page reads: the vault's index, the page's
 * summary and the page's current text without a byte order mark (LSP
 * positions do not count it). The vault service makes it, and is the one
 * place that removes the mark from an editor's text.
 */
export interface PageContext {
	readonly index: VaultIndex;
	readonly page: PageSummary;
	readonly text: string;
	/** The site's rules (`VaultSettings.site`): how its anchors are made. */
	readonly site: SiteRules;
}
