/**
 * Whether a folder of markdown is a vault (entity pages with frontmatter) or
 * a plain markdown folder (a repository's `docs/`). Links, anchors and
 * footnotes are checked in both; the frontmatter a vault's pages need
 * (`frontmatter-missing`, `frontmatter-field`) only in a vault.
 */

/** Share of the pages in sections that must have frontmatter for a folder to count as a vault without being declared one. */
export const VAULT_FRONTMATTER_SHARE = 0.5;

export interface VaultKind {
	readonly isVault: boolean;
	/** Why, in a few words: `the entityVault.root setting`, `marker file .entity-vault.json`, `frontmatter on 3 of 4 pages in sections`. */
	readonly reason: string;
}

/**
 * Decides from what the transport declared (a setting, a marker file, a
 * command-line flag: `declared` says which) or else from the pages in
 * sections: a vault when at least half of them have a frontmatter block.
 */
export function decideVaultKind(declared: string | undefined, sectionPages: number, withFrontmatter: number): VaultKind {
	if (declared !== undefined) {
		return { isVault: true, reason: declared };
	}
	const counted = `frontmatter on ${withFrontmatter} of ${sectionPages} ${sectionPages === 1 ? 'page' : 'pages'} in sections`;
	return { isVault: isVaultByFrontmatter(sectionPages, withFrontmatter), reason: counted };
}

/** `decideVaultKind(undefined, …).isVault`, without the words. */
export function isVaultByFrontmatter(sectionPages: number, withFrontmatter: number): boolean {
	return sectionPages > 0 && withFrontmatter >= sectionPages * VAULT_FRONTMATTER_SHARE;
}
