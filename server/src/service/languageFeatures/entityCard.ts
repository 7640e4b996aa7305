import type { PageSummary } from '../parse/pageSummary';
import type { VaultIndex } from '../vault/vaultIndex';

/**
 * Markdown shown for an entity page (hover, completion documentation). The
 * page's own words go through `escapeMarkdown`/`codeSpan`, so a title or a
 * summary can never inject markup, links or HTML into the editor.
 */

/** Backslash-escapes what would otherwise be markup, so `text` renders literally. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_[\]<>~]/g, '\\$&')
		.replace(/&(?=#?\w+;)/g, '\\&')
		.replace(/^(\s*)([-+=#]|\d+(?=[.)]))/, '$1\\$2');
}

/** `value` as an inline code span, with a fence longer than any backtick run inside. */
export function codeSpan(value: string): string {
	const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(longestRun + 1);
	const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${value}${pad}${fence}`;
}

/** A frontmatter value as one line of plain text (a string, a number or a date), or undefined. */
export function frontmatterText(page: PageSummary, key: string): string | undefined {
	const value = page.frontmatter.data?.[key];
	if (typeof value === 'string' || typeof value === 'number') {
		const line = String(value).replace(/\s+/g, ' ').trim();
		return line === '' ? undefined : line;
	}
	return undefined;
}

/** Cuts `text` at a word boundary to at most `max` characters, adding `…`. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) {
		return text;
	}
	const cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

export function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** Longest summary shown in a card; the page itself has the rest. */
const CARD_SUMMARY_LENGTH = 600;

/**
 * The entity card: bold title, then category · location, the summary, and a
 * compact block with aliases, tags, the backlink count, path and last update.
 */
export function entityCardMarkdown(index: VaultIndex, page: PageSummary): string {
	const blocks: string[] = [];
	const category = frontmatterText(page, 'category');
	const location = frontmatterText(page, 'location');
	const subtitle = [category, location].filter((part): part is string => part !== undefined).map(escapeMarkdown).join(' · ');
	blocks.push(subtitle ? `**${escapeMarkdown(page.title)}**  \n${subtitle}` : `**${escapeMarkdown(page.title)}**`);

	const summary = frontmatterText(page, 'summary');
	if (summary) {
		blocks.push(escapeMarkdown(shorten(summary, CARD_SUMMARY_LENGTH)));
	}

	const facts: string[] = [];
	if (page.aliases.length > 0) {
		facts.push(`Also known as: ${page.aliases.map(escapeMarkdown).join(', ')}`);
	}
	if (page.tags.length > 0) {
		facts.push(`Tags: ${page.tags.map(tag => codeSpan(tag)).join(' ')}`);
	}
	const backlinks = index.backlinkCount(page.url);
	const updated = frontmatterText(page, 'updated');
	facts.push([
		`Linked from ${plural(backlinks, 'page', 'pages')}`,
		codeSpan(page.path),
		...(updated ? [`updated ${escapeMarkdown(updated)}`] : []),
	].join(' · '));
	blocks.push(facts.join('  \n'));
	return blocks.join('\n\n');
}
