import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { PageSummary } from '../parse/pageSummary';
import { entityNameKeyFor, entityNamesOf, type EntityName } from '../vault/entityNames';
import type { VaultIndex } from '../vault/vaultIndex';
import { aliasesRange, titleRange } from './nameRanges';

/**
 * The `duplicate-entity` check: two entity pages in the same folder share a
 * name, a title or an alias (see vault/entityNames.ts for which pages and
 * names take part). Answered from the index's names map, nothing scanned.
 */

/** Another page sharing one of this page's names. */
export interface DuplicatePage {
	readonly path: string;
	readonly url: string;
	readonly title: string;
	/** Where that page writes the name, and as what. */
	readonly kind: EntityName['kind'];
	readonly range: Range;
}

export interface EntityDuplicate {
	/** The name as this page writes it. */
	readonly name: string;
	/** Where this page writes it: its title or an alias. */
	readonly kind: EntityName['kind'];
	/** The other pages with that name, by path. */
	readonly others: readonly DuplicatePage[];
}

/** Where a page writes a name of the given kind: the `title:` value (or `# ` heading, or page start), or the `aliases:` field. */
export function nameRangeOf(page: PageSummary, kind: EntityName['kind']): Range {
	return kind === 'title' ? titleRange(page) : aliasesRange(page);
}

/**
 * `nameRangeOf`, kept per page version in the index (`entityNameRanges`): each
 * page sharing a name asks where the others write it, and a stored page is
 * not decoded again for it. A copy: the diagnostic holding it is the caller's.
 */
export function keptNameRange(index: VaultIndex, page: PageSummary, kind: EntityName['kind']): Range {
	let kept = index.entityNameRanges.get(page);
	if (kept === undefined) {
		kept = {};
		index.entityNameRanges.set(page, kept);
	}
	const { start, end } = kept[kind] ??= nameRangeOf(page, kind);
	return { start: { ...start }, end: { ...end } };
}

/** The paths of the pages named `key` (`VaultIndex.pathsNamed`) in order, when there are others than the page's own. */
function pathsSharing(index: VaultIndex, key: string | undefined): readonly string[] {
	const paths = key === undefined ? [] : index.pathsNamed(key);
	return paths.length < 2 ? [] : [...paths].sort();
}

/**
 * Keeps where each page writes a name another page of its folder has too
 * (`keptNameRange`): for a caller holding the pages' blobs now that checks
 * them later (`check`, before the blobs leave memory). Found from the
 * index's names, those of several pages only, not from every page's names
 * each looked up (100,000 pages, some 11,000 of them sharing a name).
 */
export function rememberSharedNameRanges(index: VaultIndex): void {
	for (const [key, paths] of index.maps(false).pathsByName) {
		if (typeof paths === 'string' || paths.length < 2) {
			continue;
		}
		for (const path of paths) {
			const page = index.getPage(path);
			if (page === undefined) {
				continue;
			}
			for (const name of entityNamesOf(page)) {
				if (entityNameKeyFor(page, name.normalized) === key) {
					keptNameRange(index, page, name.kind);
				}
			}
		}
	}
}

/** This page's names that other pages of its folder have too, each with those pages (by path). */
export function entityDuplicates(index: VaultIndex, page: PageSummary): EntityDuplicate[] {
	const duplicates: EntityDuplicate[] = [];
	for (const name of entityNamesOf(page)) {
		const others: DuplicatePage[] = [];
		for (const path of pathsSharing(index, entityNameKeyFor(page, name.normalized))) {
			const other = path === page.path ? undefined : index.getPage(path);
			const theirs = other && entityNamesOf(other).find(candidate => candidate.normalized === name.normalized);
			if (other && theirs) {
				others.push({ path, url: other.url, title: other.title, kind: theirs.kind, range: keptNameRange(index, other, theirs.kind) });
			}
		}
		if (others.length > 0) {
			duplicates.push({ name: name.written, kind: name.kind, others });
		}
	}
	return duplicates;
}

/**
 * The related information of a duplicate: where each other page writes the
 * name. Its `uri` is the other page's vault-relative path; the transport
 * turns it into a URI.
 */
export function duplicateRelatedInformation(duplicate: EntityDuplicate): DiagnosticRelatedInformation[] {
	return duplicate.others.map(other => ({
		location: { uri: other.path, range: other.range },
		message: other.kind === 'alias' ? `${duplicate.name}: an alias of ${other.title} (${other.url})` : `${other.title}: the title of ${other.url}`,
	}));
}
