/**
 * Heading attributes as goldmark reads them (its `parser.WithHeadingAttribute`,
 * on by default in Hugo): a block `{#custom-id .class key=value}` at the end
 * of a heading's (last) line sets the heading's id and is not part of its
 * text. The scanner records the block as written; whether the site reads it
 * is the site rules' `headingAttributes`.
 */

/** A character of an id or class name: goldmark's, anything but a space or ASCII punctuation other than `_`, `-`, `:` and `.` (`{#v0.7.0}`). */
const NAME_CHAR = String.raw`[^\s\x21-\x2C\x2F\x3B-\x40\x5B-\x5E\x60\x7B-\x7E]`;
const ATTRIBUTE = String.raw`(?:#${NAME_CHAR}+|\.${NAME_CHAR}+|[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^\s{}"'=]+))?)`;
const TRAILING_BLOCK = new RegExp(String.raw`(\{[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\})[ \t]*$`);
const ID = new RegExp(String.raw`(?:^|[\s{])#(${NAME_CHAR}+)`);

/**
 * The attribute block that ends a heading's content as written (`raw`), if
 * its plain text (`text`) ends with it too (so a block in a code span or
 * written with escapes is not one); '' otherwise.
 */
export function trailingAttributeBlock(raw: string, text: string): string {
	if (raw.charCodeAt(raw.length - 1) !== 0x7d /* } */ || !text.endsWith('}')) {
		return '';
	}
	const block = TRAILING_BLOCK.exec(raw)?.[1];
	return block !== undefined && text.trimEnd().endsWith(block) ? block : '';
}

/** The id an attribute block (or a kramdown attribute list: `{:#id}`) sets (`{#custom-id .class}` → `custom-id`), or undefined. */
export function attributeBlockId(block: string): string | undefined {
	return ID.exec(isAttributeList(block) ? `{${block.slice(2)}` : block)?.[1];
}

/** A heading's text without its trailing attribute block (`Title {#id}` → `Title`). */
export function withoutAttributeBlock(text: string, block: string): string {
	const trimmed = text.trimEnd();
	return block !== '' && trimmed.endsWith(block) ? trimmed.slice(0, trimmed.length - block.length).trimEnd() : text;
}

/**
 * kramdown's block attribute list on the line right after a heading
 * (`## 3.1.0 / 2016-01-23` then `{: #v3-1-0}`), which sets the heading's id
 * on Jekyll sites: the list as written, or '' when the line is not one.
 * Whether the site reads it is the site rules' `attributeLists`.
 */
const ATTRIBUTE_LIST_LINE = /^ {0,3}(\{:[ \t]*(?:[^{}"'\r\n]|"[^"\r\n]*"|'[^'\r\n]*')*\})[ \t]*\r?$/;

export function followingAttributeList(text: string, headingEnd: number): string {
	const lineEnd = text.indexOf('\n', headingEnd);
	if (lineEnd < 0 || text.charCodeAt(lineEnd + 1) !== 0x7b /* { */ && text.charCodeAt(lineEnd + 1) !== 0x20 /* space */) {
		return '';
	}
	const nextEnd = text.indexOf('\n', lineEnd + 1);
	return ATTRIBUTE_LIST_LINE.exec(text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd))?.[1] ?? '';
}

/** Whether a heading's recorded attributes are a kramdown attribute list (`{: #id}`) rather than goldmark's trailing block. */
export function isAttributeList(block: string): boolean {
	return block.startsWith('{:');
}
