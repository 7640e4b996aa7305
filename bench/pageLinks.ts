/** An entity link found in a generated page, with LSP positions (zero-based; the generator writes `\n` and ASCII only in links). */
export interface LinkPosition {
	readonly line: number;
	/** Character of `[`. */
	readonly start: number;
	readonly text: string;
	readonly url: string;
	readonly fragment: string | undefined;
	/** Character where the destination starts (after `(`). */
	readonly destinationStart: number;
}

const LINK = /\[([^\]\n]+)\]\((\/[a-z]+\/[^)\s#]+\/)(?:#([^)\s]*))?\)/g;

/**
 * The entity links of a generated page outside fenced code blocks and code
 * spans; enough for choosing request positions, not a markdown parser.
 */
export function entityLinks(text: string): LinkPosition[] {
	const links: LinkPosition[] = [];
	let fenced = false;
	text.split('\n').forEach((line, lineNumber) => {
		if (line.startsWith('```')) {
			fenced = !fenced;
			return;
		}
		if (fenced) {
			return;
		}
		for (const match of line.matchAll(LINK)) {
			const start = match.index!;
			if (start > 0 && line[start - 1] === '`') {
				continue;
			}
			links.push({
				line: lineNumber,
				start,
				text: match[1],
				url: match[2],
				fragment: match[3],
				destinationStart: start + match[1].length + 3,
			});
		}
	});
	return links;
}
