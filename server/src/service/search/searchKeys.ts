import type { PageSummary } from '../parse/pageSummary';
import { slugOfUrl } from '../vault/vaultPaths';

/**
 * The normalised search keys of a page (slug, title, aliases) and the
 * character masks that let a search reject most pages without reading them.
 */

/**
 * Lowercase, accents removed, and every run of spaces, `-` and `_` made one
 * space: `Robert-Maxwell`, `robert maxwell` and `robert_maxwell` compare equal.
 */
export function normalizeForSearch(value: string): string {
	let text = value.toLowerCase();
	// eslint-disable-next-line no-control-regex
	if (/[^\u0000-\u007f]/.test(text)) {
		text = text.normalize('NFKD').replace(/\p{M}+/gu, '');
	}
	return text.replace(/[\s\-_]+/g, ' ').trim();
}

const DIGIT_BIT = 1 << 26;
const OTHER_BIT = 1 << 27;

/** The mask bit of one character of a normalised string (0 for a space). */
export function characterBit(c: number): number {
	if (c >= 97 && c <= 122) {
		return 1 << (c - 97);
	}
	if (c >= 48 && c <= 57) {
		return DIGIT_BIT;
	}
	return c === 32 ? 0 : OTHER_BIT;
}

/** Which characters occur in a normalised string, one bit per letter, one for digits, one for the rest (spaces ignored). */
export function characterMask(normalized: string): number {
	let mask = 0;
	for (let i = 0; i < normalized.length; i++) {
		mask |= characterBit(normalized.charCodeAt(i));
	}
	return mask;
}

/** The mask of the first character of every word of a normalised string. */
export function wordStartMask(normalized: string): number {
	let mask = 0;
	for (let i = 0; i < normalized.length; i++) {
		if (i === 0 || normalized.charCodeAt(i - 1) === 32) {
			mask |= characterBit(normalized.charCodeAt(i));
		}
	}
	return mask;
}

/** A page's search keys, normalised once per page summary. */
export interface PageSearchEntry {
	readonly page: PageSummary;
	readonly section: string | undefined;
	readonly slug: string;
	readonly title: string;
	readonly aliases: readonly string[];
	/** Union of the masks of slug, title and aliases. */
	readonly mask: number;
	/** First characters of slug, title and aliases: what an equal or prefix match needs. */
	readonly startMask: number;
	/** First characters of their words: what any match but a mid-word substring needs. */
	readonly wordMask: number;
	/** The first three UTF-16 units of `title` as one number: orders titles alphabetically in most comparisons. */
	readonly titleKey: number;
}

function titleKeyOf(title: string): number {
	return (title.charCodeAt(0) || 0) * 4294967296 + (title.charCodeAt(1) || 0) * 65536 + (title.charCodeAt(2) || 0);
}

/** The search keys of a page (a summary is immutable: its entry never goes stale). */
export function searchEntryOf(page: PageSummary): PageSearchEntry {
	const title = normalizeForSearch(page.title);
	const normalizedSlug = normalizeForSearch(slugOfUrl(page.url));
	// Usually the same words: share the string (and scoring then skips the slug).
	const slug = normalizedSlug === title ? title : normalizedSlug;
	const aliases = page.aliases.map(normalizeForSearch);
	let mask = 0;
	let startMask = 0;
	let wordMask = 0;
	for (const key of [slug, title, ...aliases]) {
		mask |= characterMask(key);
		startMask |= key.length > 0 ? characterBit(key.charCodeAt(0)) : 0;
		wordMask |= wordStartMask(key);
	}
	return { page, section: page.section, slug, title, aliases, mask, startMask, wordMask, titleKey: titleKeyOf(title) };
}
