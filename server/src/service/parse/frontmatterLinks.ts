import type { FrontmatterField } from './frontmatter';
import type { Span } from './markdownTypes';

/**
 * Frontmatter values that are links: `location: "[London](/places/london/)"`
 * (a markdown link, always a link) or `location: /places/london/` (a bare site
 * path, a link where the field's type is `link`), alone or as items of a list.
 */
export interface FrontmatterLink {
	/** The top-level field holding it. */
	readonly field: string;
	readonly destination: string;
	/** The value (or list item) as written, without quotes. */
	readonly span: Span;
	/** The markdown link's text (empty at the destination for a bare path). */
	readonly textSpan: Span;
	readonly destinationSpan: Span;
	/** Written as a markdown link `[text](destination)`, not as a bare path. */
	readonly markdown: boolean;
}

/** A markdown link as a whole value: `[text](destination)` or `[text](<destination>)`, an optional title aside. */
const MARKDOWN_LINK = /^\[([^[\]]*)\]\(\s*(?:<([^<>\n]*)>|([^\s()<>]*))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)$/;
/** A bare site path: `/section/slug/`, no blank, not `//host`. */
const BARE_PATH = /^\/(?!\/)[^\s"'<>[\]()]*$/;

/** Where the link of a value is, relative to the value's start, or undefined when the value is no link. */
export function linkInValue(value: string): { destination: string; destinationStart: number; textStart: number; textEnd: number; markdown: boolean } | undefined {
	const markdown = MARKDOWN_LINK.exec(value);
	if (markdown) {
		const destination = markdown[2] ?? markdown[3];
		const open = value.indexOf('](') + 2;
		const destinationStart = markdown[2] !== undefined ? value.indexOf('<', open) + 1 : value.indexOf(destination, open);
		return { destination, destinationStart, textStart: 1, textEnd: 1 + markdown[1].length, markdown: true };
	}
	if (BARE_PATH.test(value)) {
		return { destination: value, destinationStart: 0, textStart: 0, textEnd: 0, markdown: false };
	}
	return undefined;
}

/** The string values of a field: the value itself, or the items of a list. */
function stringItems(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The links among the frontmatter's top-level values (`data` as parsed,
 * `fields` where each is written in `text`). A value is found where it is
 * written as parsed (plain, or quoted without escapes); one written otherwise
 * (escaped, folded over lines) has no exact place and is left out.
 */
export function findFrontmatterLinks(text: string, fields: readonly FrontmatterField[], data: Readonly<Record<string, unknown>> | undefined): FrontmatterLink[] {
	const links: FrontmatterLink[] = [];
	if (data === undefined) {
		return links;
	}
	for (const field of fields) {
		let from = field.valueSpan.start;
		for (const item of stringItems(data[field.key])) {
			const link = linkInValue(item);
			if (!link) {
				continue;
			}
			const at = text.indexOf(item, from);
			if (at < 0 || at + item.length > field.valueSpan.end) {
				continue;
			}
			from = at + item.length;
			const destinationStart = at + link.destinationStart;
			links.push({
				field: field.key,
				destination: link.destination,
				span: { start: at, end: at + item.length },
				textSpan: link.markdown ? { start: at + link.textStart, end: at + link.textEnd } : { start: destinationStart, end: destinationStart },
				destinationSpan: { start: destinationStart, end: destinationStart + link.destination.length },
				markdown: link.markdown,
			});
		}
	}
	return links;
}
