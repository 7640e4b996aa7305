import type { PageSummary } from '../parse/pageSummary';
import { slugOfUrl, titleFromSlug } from '../vault/vaultPaths';
import { isWordAt } from './mentionWords';

/**
 * Which names a page is mentioned by, and the letter-case rules that keep
 * ordinary prose quiet:
 * - a page in a section is named by its title, each alias and the name its
 *   slug reads as (`robert-maxwell` → Robert Maxwell), the same name in
 *   another letter case counted once (the title's spelling first);
 * - a name written all in capitals (`MI6`, `GCHQ`, `SIS`) matches only as
 *   written: `Mi6` or `gchq` in prose are not it;
 * - a name of one word (`Mossad`, `Daesh`) matches as written or all in
 *   capitals (`DAESH`), never in lower case (`mercury` is a metal, not the planet);
 * - a name of several words with a capital after its first letter matches
 *   as written, all in capitals, or with its first letter in the other case
 *   (`The Shah` in `the Shah`), a line break standing for a space (not a
 *   blank line). Not in any case: `security service` in running prose is not
 *   the alias `Security Service` of MI5. A name capitalised only at its
 *   start (`Front matter`) matches only as written;
 * - the slug's name counts only for a slug of two words or more;
 * - a name without a capital letter (`and`, `template`, `front matter`: the
 *   titles of a documentation site's function and glossary pages) is a
 *   common word or an identifier, not a proper name, and is no mention at
 *   all (on gohugoio/hugoDocs, 7,000 of its 13,484 hints were such words);
 *   a name in a script without letter case (`東京`) is kept.
 * Names are found as whole words (see mentionWords.ts).
 */
export type CaseRule = 'exact' | 'exactOrCapitals' | 'firstLetterEither';

/** One name of one page, as the table stores it. */
export interface EntityName {
	/** The name as written, blanks collapsed to one space. */
	readonly name: string;
	readonly rule: CaseRule;
	/** Code units before the name's first word and after its last one (`C++` has a suffix of 2). */
	readonly prefix: number;
	readonly suffix: number;
	readonly url: string;
	readonly path: string;
}

/** A name with its blanks collapsed and trimmed. */
export function normalizeName(name: string): string {
	return name.replace(/\s+/g, ' ').trim();
}

/** The names of a page (none for a file outside the sections), in this order: title, aliases, slug name. */
export function namesOfPage(page: PageSummary): string[] {
	if (page.section === undefined) {
		return [];
	}
	const names: string[] = [];
	const seen = new Set<string>();
	// The slug's name only when it has two words or more (`robert-maxwell`): a one-word slug (`hugo`,
	// `default`, `html`) beside a title of its own is a URL, not another name (a page without a title is
	// titled by it anyway).
	const slugName = titleFromSlug(slugOfUrl(page.url));
	for (const candidate of [page.title, ...page.aliases, ...(slugName.includes(' ') ? [slugName] : [])]) {
		const name = normalizeName(candidate);
		const key = name.toLowerCase();
		if (name !== '' && !seen.has(key)) {
			seen.add(key);
			names.push(name);
		}
	}
	return names;
}

/** A name with a capital letter, or in a script without letter case: what may name an entity in prose. */
export function isProperName(name: string): boolean {
	return name !== name.toLowerCase() || name === name.toUpperCase();
}

export function caseRuleOf(name: string, wordCount: number): CaseRule {
	if (name !== name.toLowerCase() && name === name.toUpperCase()) {
		return 'exact';
	}
	if (wordCount < 2) {
		return 'exactOrCapitals';
	}
	// `The Shah` may be written `the Shah`; a name capitalised only at its start (`Front matter`, `Page
	// resources`) is a phrase of the language, met in prose as `front matter`: as written only.
	const rest = name.slice(1);
	return rest !== rest.toLowerCase() ? 'firstLetterEither' : 'exact';
}

/** Where the name's first word starts and its last one ends. */
export function nameEdges(name: string): { prefix: number; suffix: number } {
	let start = 0;
	while (start < name.length && !isWordAt(name, start)) {
		start++;
	}
	let end = name.length;
	while (end > start && !isWordAt(name, end - 1)) {
		end--;
	}
	return { prefix: start, suffix: name.length - end };
}

function isBlankCode(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

/**
 * `text[start, end)` as a name would be written: blanks collapsed to one
 * space; undefined when a blank line (a paragraph break) is inside.
 */
export function writtenName(text: string, start: number, end: number): string | undefined {
	let out = '';
	let from = start;
	for (let i = start; i < end; i++) {
		if (!isBlankCode(text.charCodeAt(i))) {
			continue;
		}
		let breaks = 0;
		let j = i;
		while (j < end && isBlankCode(text.charCodeAt(j))) {
			const c = text.charCodeAt(j);
			breaks += c === 0x0a || (c === 0x0d && text.charCodeAt(j + 1) !== 0x0a) ? 1 : 0;
			j++;
		}
		if (breaks > 1) {
			return undefined;
		}
		out += `${text.slice(from, i)} `;
		from = j;
		i = j - 1;
	}
	return out + text.slice(from, end);
}

/** Whether the word edges of a name with a prefix or suffix are word boundaries in the text. */
function boundedAt(text: string, start: number, end: number, entry: EntityName): boolean {
	if (entry.prefix > 0 && isWordAt(text, start - 1)) {
		return false;
	}
	return !(entry.suffix > 0 && isWordAt(text, end));
}

/**
 * Whether the name may be written starting with this character (a quick
 * test before the text is read: `office` is never the one-word name `Office`).
 */
export function mayStartWith(c: number, entry: EntityName): boolean {
	const first = entry.name.charCodeAt(0);
	if (c === first) {
		return true;
	}
	const upper = String.fromCharCode(first).toUpperCase();
	return (upper.length === 1 && c === upper.charCodeAt(0)) || (entry.rule === 'firstLetterEither' && String.fromCharCode(c).toLowerCase() === String.fromCharCode(first).toLowerCase());
}

/** Whether a text written so (blanks collapsed) is the name under its case rule. */
export function spellsName(written: string, entry: EntityName): boolean {
	const name = entry.name;
	return written === name || (entry.rule !== 'exact' && (written === name.toUpperCase()
		|| (entry.rule === 'firstLetterEither' && written.slice(1) === name.slice(1) && written.charAt(0) !== name.charAt(0)
			&& written.charAt(0).toLowerCase() === name.charAt(0).toLowerCase())));
}

/**
 * Whether `text` writes the name under its case rule with its first word at
 * `start` and its last word ending at `end` (the name's prefix and suffix
 * are read around them). Returns the span written, or undefined.
 * `plain`: `text[start, end)` as `writtenName` gives it, when the caller has it.
 */
export function writesName(text: string, start: number, end: number, entry: EntityName, plain?: string): { start: number; end: number } | undefined {
	const from = start - entry.prefix;
	const to = end + entry.suffix;
	if (from < 0 || to > text.length || !boundedAt(text, from, to, entry)) {
		return undefined;
	}
	const written = from === start && to === end && plain !== undefined ? plain : writtenName(text, from, to);
	return written !== undefined && spellsName(written, entry) ? { start: from, end: to } : undefined;
}
