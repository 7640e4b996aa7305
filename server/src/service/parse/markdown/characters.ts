/**
 * Character codes and character classes (micromark-util-character and
 * micromark-util-classify-character), on UTF-16 code units.
 */

/**
 * Character codes (micromark-util-symbol `codes`). A const enum, so that
 * they compile to literals (switch cases, comparisons) in every file.
 */
export const enum Code {
	TAB = 9,
	LF = 10,
	CR = 13,
	SPACE = 32,
	BANG = 33,
	QUOTE = 34,
	HASH = 35,
	AMP = 38,
	APOS = 39,
	LPAREN = 40,
	RPAREN = 41,
	STAR = 42,
	PLUS = 43,
	DASH = 45,
	DOT = 46,
	SLASH = 47,
	COLON = 58,
	SEMI = 59,
	LT = 60,
	EQUALS = 61,
	GT = 62,
	QUESTION = 63,
	AT = 64,
	LBRACKET = 91,
	BACKSLASH = 92,
	RBRACKET = 93,
	CARET = 94,
	UNDERSCORE = 95,
	BACKTICK = 96,
	TILDE = 126,
	DEL = 127,
}

export function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
export function isAsciiAlpha(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
export function isAlnum(c: number): boolean {
	return isDigit(c) || isAsciiAlpha(c);
}
export function isHexDigit(c: number): boolean {
	return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** Space, tab or line ending (markdownLineEndingOrSpace). */
export function isWs(c: number): boolean {
	return c === Code.SPACE || c === Code.TAB || c === Code.LF || c === Code.CR;
}
export function isSpaceOrTab(c: number): boolean {
	return c === Code.SPACE || c === Code.TAB;
}
export function isLineEnding(c: number): boolean {
	return c === Code.LF || c === Code.CR;
}
/** asciiControl as micromark sees it (tabs and line endings included). */
export function isControl(c: number): boolean {
	return c < 32 || c === Code.DEL;
}
/** micromark asciiAtext: [#-'*+\--9=?A-Z^-~] */
export function isAtext(c: number): boolean {
	return (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
}


const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
const UNICODE_WS = /\s/u;

/** micromark classifyCharacter on UTF-16 code units: 0 whitespace (or edge), 1 punctuation, 2 other. */
export function classify(s: string, index: number, before: boolean): number {
	const at = before ? index - 1 : index;
	if (at < 0 || at >= s.length) {
		return 0;
	}
	const code = s.charCodeAt(at);
	if (code < 128) {
		if (code === Code.SPACE || code === Code.TAB || code === Code.LF || code === Code.CR) {
			return 0;
		}
		return isAsciiPunct(code) ? 1 : 2;
	}
	if (isUnicodeWhitespace(code)) {
		return 0;
	}
	if (isUnicodePunctuation(code)) {
		return 1;
	}
	return 2;
}

export function isUnicodeWhitespace(code: number): boolean {
	return code < 128 ? code === Code.SPACE || (code >= 9 && code <= 13) : UNICODE_WS.test(String.fromCharCode(code));
}

export function isUnicodePunctuation(code: number): boolean {
	return code < 128 ? isAsciiPunct(code) : UNICODE_PUNCT.test(String.fromCharCode(code));
}
