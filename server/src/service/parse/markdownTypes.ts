/**
 * What the markdown scanner extracts from one document.
 *
 * Every span is a pair of UTF-16 code-unit offsets into the document text
 * (`start` inclusive, `end` exclusive), exactly what JavaScript string indices
 * are. Converting to LSP positions is done later with the document's line
 * starts (see text/lineIndex.ts), so a summary stays compact.
 */
export interface Span {
	readonly start: number;
	readonly end: number;
}

type LinkKind =
	/** `[text](dest "title")` or `![alt](dest)` */
	| 'inline'
	/** `[text][ref]`, `[ref][]` or `[ref]` resolved through a `[ref]: dest` definition */
	| 'reference'
	/** `<scheme:...>` autolink */
	| 'autolink';

export interface LinkOccurrence {
	readonly kind: LinkKind;
	readonly isImage: boolean;
	/**
	 * The destination as CommonMark defines it: backslash escapes removed and
	 * character references decoded, angle brackets stripped (same value as the
	 * mdast `url`). For a reference link, the destination of its definition.
	 */
	readonly destination: string;
	/** The whole link, from `[` (or `!`/`<`) to the closing `)` / `]` / `>`. */
	readonly span: Span;
	/** The link text between the brackets (empty span for autolinks). */
	readonly textSpan: Span;
	/**
	 * Where the destination is written: the raw characters inside `(...)`
	 * (without `<>`), for an autolink the characters between `<>`, for a
	 * reference link the destination span of its definition.
	 */
	readonly destinationSpan: Span;
	/** For a reference link: the normalized label of the definition used. */
	readonly referenceLabel?: string;
}

export interface LinkDefinition {
	/** Normalized label (case-folded, inner whitespace collapsed). */
	readonly label: string;
	readonly destination: string;
	readonly span: Span;
	readonly destinationSpan: Span;
}

export interface FootnoteReference {
	/** Normalized label: case-folded (GFM labels are case-insensitive), whitespace collapsed. */
	readonly label: string;
	/** The label as written between `[^` and `]`. */
	readonly rawLabel: string;
	/** The whole `[^label]`. */
	readonly span: Span;
}

export interface FootnoteDefinition {
	readonly label: string;
	readonly rawLabel: string;
	/** The whole definition, from `[^` to the end of its last continuation line (without the final line break). */
	readonly span: Span;
	/** The `[^label]:` marker including the colon. */
	readonly markerSpan: Span;
}

export interface Heading {
	/** 1–6 */
	readonly level: number;
	/** Plain text of the heading (inline markup removed: link text kept, emphasis markers dropped). */
	readonly text: string;
	/**
	 * The text its id is made from when that is not `text`: `text` without
	 * inline HTML (`## Link cache <a id="refcache"></a>` → `Link cache`);
	 * '' when it is `text` itself.
	 */
	readonly idText: string;
	/**
	 * A trailing attribute block as written at the end of the heading
	 * (`{#custom-id .class}`), which sites with heading attributes (Hugo's
	 * goldmark) read as the heading's id and leave out of its text; '' for none.
	 */
	readonly attributes: string;
	/** GitHub-style anchor slug of its id text, de-duplicated within the document (`-1`, `-2`, …). */
	readonly anchor: string;
	/** The whole heading line(s). */
	readonly span: Span;
}

/** An `id="…"` (or, on `<a>`, `name="…"`) in HTML of the body, outside code: an anchor on any site. */
export interface HtmlAnchor {
	readonly id: string;
	/** The attribute's value as written (without its quotes). */
	readonly span: Span;
}

export interface MarkdownScan {
	/** Links in document order. Reference-style links appear only when their definition exists. */
	readonly links: readonly LinkOccurrence[];
	readonly definitions: readonly LinkDefinition[];
	/** Every syntactically valid footnote call `[^label]`, defined or not, in document order. */
	readonly footnoteReferences: readonly FootnoteReference[];
	readonly footnoteDefinitions: readonly FootnoteDefinition[];
	readonly headings: readonly Heading[];
	/**
	 * Where the text is code, not markdown: fenced and indented code blocks
	 * and HTML blocks (from their first line's content to the end of their
	 * last line) and code spans (their content, between the backtick runs).
	 * Flat pairs `start, end` in document order; unlike the spans above, `end`
	 * is included (a cursor there is still in the code).
	 */
	readonly codeRegions: readonly number[];
	/**
	 * GFM literal autolinks: bare `https://…` (and `www.…`) in text, which
	 * render as links but are not `links` (nothing is resolved through them).
	 */
	readonly literalAutolinks: readonly Span[];
	/** HTML anchors (inline HTML and HTML blocks, not HTML comments), in document order. */
	readonly htmlAnchors: readonly HtmlAnchor[];
}
