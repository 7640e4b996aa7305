import { slugOfUrl, titleFromSlug } from '../service/vault/vaultPaths';

/** The layout of the persisted index's page headers (pageHeaderCodec.ts writes them, pageHeaderReader.ts reads them). */

/** The first byte of an encoded header. */
export const LAYOUT = Object.freeze({ compact: 1, serialized: 2 });

/** Flags of a compact header. */
export const FLAG = Object.freeze({
	present: 1, mayBeTitledFromSlug: 2, toml: 4, links: 8, shortcodeCalls: 16, siteKey: 32, nameSpellings: 64, data: 128,
});

/** Tags of a free-form value. */
export const TAG = Object.freeze({
	undefined: 0, null: 1, false: 2, true: 3, integer: 4, float: 5, string: 6, array: 7, object: 8, date: 9, serialized: 10,
});

/** How a string's bytes are written (the low 2 bits of its length's varint). */
export const TEXT = Object.freeze({ ascii: 0, utf8: 1, utf16: 2 });

/** The spelling a slug-title name spelling (written as a bit) is made as again. */
export function slugTitleOf(url: string): string {
	return titleFromSlug(slugOfUrl(url));
}
