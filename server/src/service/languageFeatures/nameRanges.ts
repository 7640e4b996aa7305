import type { Range } from 'vscode-languageserver-types';
import type { PageSummary } from '../parse/pageSummary';
import { spanToRange, PAGE_START } from '../text/lineIndex';

/** Where a page writes its title: the `title:` value, else its first `# ` heading, else the page start (a title made from the slug). */
export function titleRange(page: PageSummary): Range {
	const field = page.frontmatter.fields.find(f => f.key === 'title');
	if (field && typeof page.frontmatter.data?.title === 'string' && page.frontmatter.data.title.trim() !== '') {
		return spanToRange(page.lineStarts, field.valueSpan);
	}
	const h1 = page.headings.find(heading => heading.level === 1);
	return h1 ? spanToRange(page.lineStarts, h1.span) : PAGE_START;
}

/** Where a page writes its aliases: the whole `aliases:` field (the page start without one). */
export function aliasesRange(page: PageSummary): Range {
	const field = page.frontmatter.fields.find(f => f.key === 'aliases');
	return field ? spanToRange(page.lineStarts, { start: field.keySpan.start, end: Math.max(field.keySpan.end, field.valueSpan.end) }) : PAGE_START;
}
