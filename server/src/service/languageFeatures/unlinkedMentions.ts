import type { CancellationLike } from '../cancellation';
import { findMentions, reportedMentions, type Mention } from '../mentions/findMentions';
import type { PageSummary } from '../parse/pageSummary';
import type { MentionSettings } from '../vault/settings';
import type { VaultIndex } from '../vault/vaultIndex';

/** A page a mention names, as its diagnostic and quick fixes show it. */
export interface MentionTarget {
	readonly url: string;
	readonly title: string;
}

/**
 * The `unlinked-mention` check: the plain-text occurrences on a page of
 * other pages' names (title, aliases, slug name) that the page does not
 * link yet (see mentions/ for the rules). It reads the page's text, which
 * the summary does not keep: the caller gives the text the summary was made
 * from, or none (then nothing is reported).
 */
export function unlinkedMentions(index: VaultIndex, page: PageSummary, text: string | undefined, settings: MentionSettings, token?: CancellationLike): Mention[] {
	if (text === undefined || text.length !== page.textLength) {
		return [];
	}
	return reportedMentions(findMentions(index.search.mentionTable(), { page, text }, settings, token), page);
}

/** The pages of a mention with their titles, by URL. */
export function mentionTargets(index: VaultIndex, mention: Mention): MentionTarget[] {
	return mention.entities
		.map(entity => ({ url: entity.url, title: index.pageForUrl(entity.url)?.title ?? mention.name }))
		.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The diagnostic's message: the name, the page (or pages) it names. */
export function unlinkedMentionMessage(mention: Mention, targets: readonly MentionTarget[]): string {
	const written = mention.written.replace(/\s+/g, ' ');
	if (targets.length === 1) {
		return `"${written}" names ${targets[0].url} (${targets[0].title}) but is not linked.`;
	}
	return `"${written}" is the name of ${targets.length} pages (${targets.map(target => target.url).join(', ')}) and is not linked: pick one.`;
}
