import { computeLineStarts } from '../text/lineIndex';
import { resolveLinkDestination, pageUrlForPath, sectionOfPath, slugOfUrl, titleFromSlug, type LinkTarget } from '../vault/vaultPaths';
import { parseFrontmatter, type FrontmatterField, type FrontmatterProblem } from './frontmatter';
import { scanMarkdown } from './markdownScanner';
import type { FootnoteDefinition, FootnoteReference, Heading, LinkOccurrence, Span } from './markdownTypes';

export interface PageLink extends LinkOccurrence {
	readonly target: LinkTarget;
}

export interface PageFrontmatter {
	readonly present: boolean;
	readonly span: Span;
	readonly bodyStart: number;
	readonly closingFenceStart: number | undefined;
	readonly fields: readonly FrontmatterField[];
	readonly problems: readonly FrontmatterProblem[];
	/** Parsed fields (dates as strings); undefined when absent or unparsable. */
	readonly data: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Everything the vault knows about one page, computed once per version of its
 * text. It holds no copy of the text: spans are offsets, `lineStarts` turns
 * them into LSP positions.
 */
export interface PageSummary {
	/** Vault-relative path, `/`-separated. */
	readonly path: string;
	/** Canonical URL, `/section/slug/`. */
	readonly url: string;
	readonly section: string | undefined;
	readonly title: string;
	readonly aliases: readonly string[];
	readonly tags: readonly string[];
	readonly frontmatter: PageFrontmatter;
	readonly links: readonly PageLink[];
	readonly footnoteReferences: readonly FootnoteReference[];
	readonly footnoteDefinitions: readonly FootnoteDefinition[];
	readonly headings: readonly Heading[];
	readonly lineStarts: Uint32Array;
	readonly textLength: number;
}

/** Removes a leading byte order mark; editors never show it and LSP positions do not count it. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function stringList(value: unknown): string[] {
	if (typeof value === 'string') {
		return value.trim() === '' ? [] : [value.trim()];
	}
	if (Array.isArray(value)) {
		return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
			.map(item => String(item).trim())
			.filter(item => item !== '');
	}
	return [];
}

export function summarizePage(path: string, text: string): PageSummary {
	const frontmatter = parseFrontmatter(text);
	const scan = scanMarkdown(text, frontmatter.bodyStart);
	const url = pageUrlForPath(path);
	const data = frontmatter.data;

	const frontmatterTitle = typeof data?.title === 'string' ? data.title.trim() : '';
	const firstH1 = scan.headings.find(heading => heading.level === 1);
	const title = frontmatterTitle || firstH1?.text.trim() || titleFromSlug(slugOfUrl(url)) || path;

	return {
		path,
		url,
		section: sectionOfPath(path),
		title,
		aliases: stringList(data?.aliases),
		tags: stringList(data?.tags),
		frontmatter: {
			present: frontmatter.present,
			span: frontmatter.span,
			bodyStart: frontmatter.bodyStart,
			closingFenceStart: frontmatter.closingFenceStart,
			fields: frontmatter.fields,
			problems: frontmatter.problems,
			data,
		},
		links: scan.links.map(link => ({ ...link, target: resolveLinkDestination(link.destination, path) })),
		footnoteReferences: scan.footnoteReferences,
		footnoteDefinitions: scan.footnoteDefinitions,
		headings: scan.headings,
		lineStarts: computeLineStarts(text),
		textLength: text.length,
	};
}
