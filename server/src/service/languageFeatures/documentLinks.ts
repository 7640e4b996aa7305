import type { Range } from 'vscode-languageserver-types';
import { spanToRange } from '../text/lineIndex';
import { anchorForFragment } from '../vault/pageAnchors';
import type { PageContext } from './pageContext';

export interface VaultDocumentLink {
	/** The destination as written (for a reference-style link, in its definition). */
	readonly range: Range;
	/** Vault-relative path of the target page (the file the index has for its URL). */
	readonly targetPath: string;
	/** The decoded `#fragment`, when the destination has a non-empty one. */
	readonly fragment?: string;
	/** The heading the fragment names in the target, when it exists (for a `#L…` URI fragment). */
	readonly targetRange?: Range;
	readonly tooltip: string;
}

/**
 * A document link on the destination of every link that resolves to a page
 * of the vault, so Ctrl+click opens it. Broken links, sections without a
 * page, assets and external links get none (the editor handles `http…`).
 * Reference links sharing one definition give one link, on the definition.
 */
export function provideDocumentLinks({ index, page, site }: PageContext): VaultDocumentLink[] {
	const result: VaultDocumentLink[] = [];
	const seen = new Set<number>();
	for (const link of page.links) {
		const target = link.target;
		if (target.kind !== 'page' || seen.has(link.destinationSpan.start)) {
			continue;
		}
		const targetPath = index.pathsForUrl(target.url)[0];
		const targetPage = targetPath === undefined ? undefined : index.getPage(targetPath);
		if (!targetPage) {
			continue;
		}
		seen.add(link.destinationSpan.start);
		const range = spanToRange(page.lineStarts, link.destinationSpan);
		if (target.fragment) {
			const heading = anchorForFragment(targetPage, site, target.fragment, index);
			result.push({
				range,
				targetPath: targetPage.path,
				fragment: target.fragment,
				...(heading && heading.path === undefined ? { targetRange: spanToRange(targetPage.lineStarts, heading.span) } : {}),
				tooltip: heading
					? `Open ${targetPage.title} › ${heading.text} (${targetPage.path})`
					: `Open ${targetPage.title} (${targetPage.path}); no heading #${target.fragment}`,
			});
		} else {
			result.push({ range, targetPath: targetPage.path, tooltip: `Open ${targetPage.title} (${targetPage.path})` });
		}
	}
	return result;
}
