/**
 * Anchors written in HTML: `id="…"` on any element and `name="…"` on
 * `<a>`, in raw inline HTML (one tag, htmlText.ts) and in HTML blocks
 * (htmlFlow.ts: every start tag of the block, HTML comments left out).
 * A site publishes them as they are, whatever renders the markdown.
 */

import type { HtmlAnchor } from '../markdownTypes';

/** A start tag: its name, then its attributes up to `>`. */
const START_TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** One attribute: its name, then its value quoted or not (or none). */
const ATTRIBUTE = /([^\s"'>/=]+)(?:[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Appends the anchors of the HTML in `text[start, end)`. */
export function collectHtmlAnchors(text: string, start: number, end: number, out: HtmlAnchor[]): void {
	const html = text.slice(start, end);
	if (html.indexOf('=') < 0) {
		return;
	}
	const source = html.indexOf('<!--') < 0 ? html : html.replace(COMMENT, comment => ' '.repeat(comment.length));
	for (const tag of source.matchAll(START_TAG)) {
		const isLink = tag[1].toLowerCase() === 'a';
		const attributesStart = tag.index + 1 + tag[1].length;
		for (const attribute of tag[2].matchAll(ATTRIBUTE)) {
			const name = attribute[1].toLowerCase();
			const value = attribute[2] ?? attribute[3] ?? attribute[4];
			if (!(name === 'id' || (isLink && name === 'name')) || value === undefined || value === '') {
				continue;
			}
			const valueEnd = attributesStart + attribute.index + attribute[0].length - (attribute[4] === undefined ? 1 : 0);
			const valueStart = start + valueEnd - value.length;
			out.push({ id: value, span: { start: valueStart, end: start + valueEnd } });
		}
	}
}
