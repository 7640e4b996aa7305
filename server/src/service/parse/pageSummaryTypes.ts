/** The page summary's public shape (what the index and every feature read); made in pageSummary.ts. */
import type { LineStarts } from '../text/lineIndex';
import type { LinkTarget } from '../vault/vaultPaths';
import type { FrontmatterField, FrontmatterProblem } from './frontmatter';
import type { FrontmatterLink } from './frontmatterLinks';
import type { LinkSpellings } from './linkSpellings';
import type { ShortcodeCall } from './shortcodeCalls';
import type { DefinitionTerm, FootnoteDefinition, FootnoteReference, Heading, HtmlAnchor, LinkOccurrence, Span } from './markdownTypes';

export interface PageLink extends LinkOccurrence {
	readonly target: LinkTarget;
}

/** A footnote definition of a page, with what the `duplicate-citation` hint reads. */
export interface PageFootnoteDefinition extends FootnoteDefinition {
	/**
	 * The index in `footnoteDefinitions` of the first earlier definition of
	 * another label that cites the same thing (`citationKey`), -1 for none.
	 */
	readonly sameTextAs: number;
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
	/** The top-level values (or list items) written as links or bare site paths (see frontmatterLinks.ts). */
	readonly links: readonly FrontmatterLink[];
	/** The block is TOML (`+++`): read as any other, never written to (the editing features write YAML). */
	readonly toml?: boolean;
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
	readonly footnoteDefinitions: readonly PageFootnoteDefinition[];
	readonly headings: readonly Heading[];
	/** The `id`/`name` anchors written in the body's HTML, in document order. */
	readonly htmlAnchors: readonly HtmlAnchor[];
	/** The definition-list terms of the body, in document order. */
	readonly definitionTerms: readonly DefinitionTerm[];
	/** The body's shortcode calls with a quoted first argument, in document order (`{{% include "/_common/x" %}}`). */
	readonly shortcodeCalls: readonly ShortcodeCall[];
	readonly lineStarts: LineStarts;
	readonly textLength: number;
	/** The distinct URLs of the pages this page links to (existing or not). */
	readonly targetUrls: readonly string[];
	/** The spans of this page's links to the page at `url`, in order (without building the `links` view). */
	linkSpansTo(url: string): Span[];
	/** Its links to pages written absolute and relative, counted without building the `links` view. */
	readonly linkSpellings: LinkSpellings;
	/**
	 * How this page writes the name of the page at `url`: the text of its
	 * first link there that is that page's slug title up to letter case (`MI6`
	 * for `/organizations/mi6/`, whose slug title is `Mi6`), if any.
	 */
	nameSpellingFor(url: string): string | undefined;
	/** The target URLs that `nameSpellingFor` knows, in order. */
	readonly nameSpellingUrls: readonly string[];
	/**
	 * It has parsed frontmatter without a `title` field and no level-1
	 * heading: its title may be made from its slug (`isTitledFromSlug`).
	 */
	readonly mayBeTitledFromSlug: boolean;
	/** Whether `offset` is in code: a code block, an HTML block or a code span (see MarkdownScan.codeRegions). */
	isInCode(offset: number): boolean;
	/** The code regions `isInCode` reads: `start, end` pairs, in order, each end included. */
	readonly codeRegions: ArrayLike<number>;
}

/** What a page's anchors are made of (vault/pageAnchors.ts): a summary, or these fields of a stored page decoded alone. */
export type AnchorSource = Pick<PageSummary, 'path' | 'headings' | 'htmlAnchors' | 'definitionTerms' | 'shortcodeCalls'>;
