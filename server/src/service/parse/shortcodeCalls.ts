/**
 * The shortcode calls of a page whose first argument is a quoted string,
 * `{{% name "path" %}}` and `{{< name "path" >}}`, outside code: what an
 * include shortcode (SiteRules.includeShortcodes) names. The scanner does
 * not know the site's rules, so every such call is kept, the path as written.
 */

import type { Span } from './markdownTypes';

export interface ShortcodeCall {
	/** The shortcode's name (`include`). */
	readonly name: string;
	/** Its first argument, without the quotes. */
	readonly argument: string;
	/** The argument as written, without the quotes. */
	readonly span: Span;
}

const CALL_PATTERN = /\{\{([%<])[ \t]*([A-Za-z][\w/.-]*)[ \t]+(?:"([^"\n]*)"|`([^`\n]*)`)[^\n]*?[%>]\}\}/;

/** The calls in `text` from `bodyStart`, skipping those starting in code (`codeRegions`: sorted `start, end` pairs). */
export function findShortcodeCalls(text: string, bodyStart: number, codeRegions: readonly number[]): ShortcodeCall[] {
	const calls: ShortcodeCall[] = [];
	if (!text.includes('{{', bodyStart)) {
		return calls;
	}
	const CALL = new RegExp(CALL_PATTERN.source, 'g');
	CALL.lastIndex = bodyStart;
	let region = 0;
	for (let match = CALL.exec(text); match !== null; match = CALL.exec(text)) {
		const at = match.index;
		while (region < codeRegions.length && codeRegions[region + 1] <= at) {
			region += 2;
		}
		if (region < codeRegions.length && codeRegions[region] <= at) {
			continue;
		}
		const argument = match[3] ?? match[4];
		const start = at + match[0].indexOf(match[3] !== undefined ? '"' : '`') + 1;
		calls.push({ name: match[2], argument, span: { start, end: start + argument.length } });
	}
	return calls;
}
