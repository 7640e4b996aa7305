import type MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { rewriteSiteLink, type PreviewLinkContext } from './previewLinks';

/**
 * VS Code's Markdown preview, for a vault: GFM footnotes (markdown-it-footnote), and site links
 * (`/places/london/`) pointing at the page files so that a click opens the page.
 *
 * The preview parses with an empty env and renders with `env.currentDocument` (the document's
 * URI), so links are rewritten when rendered. VS Code's own link renderer copies `href` into
 * `data-href` (what a click opens) before calling this one, so both are set.
 */
export function extendMarkdownIt(md: MarkdownIt, linkContext: (env: unknown) => PreviewLinkContext | undefined): MarkdownIt {
	md.use(footnote);
	const previous = md.renderer.rules.link_open;
	md.renderer.rules.link_open = (tokens, index, options, env: unknown, self) => {
		const token = tokens[index];
		const href = token.attrGet('href');
		const context = href === null ? undefined : linkContext(env);
		const rewritten = href === null || context === undefined ? undefined : rewriteSiteLink(href, context);
		if (rewritten !== undefined) {
			token.attrSet('href', rewritten);
			if (token.attrGet('data-href') !== null) {
				token.attrSet('data-href', rewritten);
			}
		}
		return previous ? previous(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
	};
	return md;
}

/** The previewed document's file path from the render env (`currentDocument`: a `file:` URI), or undefined. */
export function documentPathOf(env: unknown): string | undefined {
	const document = (env as { currentDocument?: { scheme?: unknown; fsPath?: unknown } } | undefined)?.currentDocument;
	if (document?.scheme !== 'file' || typeof document.fsPath !== 'string') {
		return undefined;
	}
	return document.fsPath;
}
