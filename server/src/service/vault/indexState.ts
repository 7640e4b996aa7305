import type { SectionFieldCounts } from './fieldCounts';
import type { OneOrMany } from './multimap';
import type { OtherContentPage } from './siteRules';

/**
 * A vault index's reverse maps and counts as plain data, for the persisted
 * index: written with the pages (in the index's page order) and put back
 * whole on a warm start (`VaultIndex.restore`) instead of linking every
 * page in again. The maps whose values are page paths hold page numbers
 * (the page's place in that order): a path is then one string shared by
 * every map, and the 2.5 million links of a 100,000-page vault are two
 * typed arrays.
 */

/** The maps and counts of a `VaultIndex`, as its fields hold them (`VaultIndex.maps`). */
export interface IndexMaps {
	readonly pathsByUrl: Map<string, OneOrMany>;
	readonly linkersByUrl: Map<string, OneOrMany>;
	readonly missingTargets: Set<string>;
	readonly pathsBySection: Map<string, Set<string>>;
	readonly urlsBySlug: Map<number, OneOrMany>;
	readonly tagCounts: Map<string, number>;
	readonly pathsByName: Map<string, OneOrMany>;
	readonly pathsByRedirect: Map<string, OneOrMany>;
	readonly includersByPath: Map<string, OneOrMany>;
	readonly fieldCounts: { readonly bySection: Map<string, SectionFieldCounts>; readonly all: SectionFieldCounts };
	/** `sectionPages`, `sectionPagesWithFrontmatter`, `absoluteLinks`, `relativeLinks`. */
	readonly counts: readonly number[];
}

/** A multimap of page paths: its keys in order and, for the key at `i`, the numbers of its pages from `starts[i]` to `starts[i + 1]`, in order. */
export interface PageMultimap {
	readonly keys: readonly string[];
	readonly starts: Uint32Array;
	readonly pages: Uint32Array;
}

const PAGE_MAPS = ['pathsByUrl', 'linkersByUrl', 'pathsByName', 'pathsByRedirect', 'includersByPath'] as const;

/** An index's state as persisted. */
export interface PersistedIndexState {
	/** The site rules the rule-dependent maps were made under (`indexFingerprint`): the state is used only under the same. */
	readonly fingerprint: string;
	/** How many pages the state numbers (the pages written before it, in order). */
	readonly pageCount: number;
	readonly pathsByUrl: PageMultimap;
	readonly linkersByUrl: PageMultimap;
	readonly pathsByName: PageMultimap;
	readonly pathsByRedirect: PageMultimap;
	readonly includersByPath: PageMultimap;
	readonly pathsBySection: PageMultimap;
	readonly missingTargets: readonly string[];
	readonly urlsBySlug: Map<number, OneOrMany>;
	readonly tagCounts: Map<string, number>;
	readonly fieldCounts: IndexMaps['fieldCounts'];
	readonly counts: readonly number[];
	/** The pages the site published from content files in other formats when written (siteInForce.ts): in force from a warm start's ready until the vault is listed. */
	readonly otherContentPages?: readonly OtherContentPage[];
}

/** Paths numbered, keys or page paths converted per step of `persistedStateOf` (well under a millisecond at 100,000 pages). */
const ITEMS_PER_STEP = 4_096;

/**
 * Converts an index's maps to their persisted form a step at a time
 * (yielding between steps, for the caller to pause); the maps must not
 * change meanwhile (the caller checks the index's version after). Live
 * maps that need no conversion are referenced, not copied: serialize the
 * result before the index changes.
 */
export function* persistedStateOf(maps: IndexMaps, pagePaths: Iterable<string>, fingerprint: string): Generator<void, PersistedIndexState | undefined> {
	const numbers = new Map<string, number>();
	for (const path of pagePaths) {
		numbers.set(path, numbers.size);
		if (numbers.size % ITEMS_PER_STEP === 0) {
			yield;
		}
	}
	yield;
	const converted: Partial<Record<(typeof PAGE_MAPS)[number] | 'pathsBySection', PageMultimap>> = {};
	for (const name of [...PAGE_MAPS, 'pathsBySection'] as const) {
		const map: Map<string, OneOrMany | Set<string>> = maps[name];
		// Counted first, so the page numbers go straight into a typed array of their size (2.5 million links at 100,000 pages).
		let count = 0;
		let done = 0;
		for (const value of map.values()) {
			count += typeof value === 'string' ? 1 : value instanceof Set ? value.size : value.length;
			if (++done % ITEMS_PER_STEP === 0) {
				yield;
			}
		}
		const keys: string[] = [];
		const starts = new Uint32Array(map.size + 1);
		const pages = new Uint32Array(count);
		let filled = 0;
		let sinceStep = 0;
		// A page not written, or the map changed since it was counted (the caller finds the index changed): no state.
		const put = (path: string): boolean => {
			const number = numbers.get(path);
			if (number === undefined || filled === count) {
				return false;
			}
			pages[filled++] = number;
			return true;
		};
		for (const [key, value] of map) {
			if (typeof value === 'string') {
				if (!put(value)) {
					return undefined;
				}
			} else {
				for (const path of value) {
					if (!put(path)) {
						return undefined;
					}
				}
			}
			keys.push(key);
			starts[keys.length] = filled;
			sinceStep += 1 + (typeof value === 'string' ? 1 : value instanceof Set ? value.size : value.length);
			if (sinceStep >= ITEMS_PER_STEP) {
				sinceStep = 0;
				yield;
			}
		}
		if (filled !== count || keys.length !== map.size) {
			return undefined;
		}
		converted[name] = { keys, starts, pages };
		yield;
	}
	return {
		fingerprint, pageCount: numbers.size,
		pathsByUrl: converted.pathsByUrl!, linkersByUrl: converted.linkersByUrl!, pathsByName: converted.pathsByName!,
		pathsByRedirect: converted.pathsByRedirect!, includersByPath: converted.includersByPath!, pathsBySection: converted.pathsBySection!,
		missingTargets: [...maps.missingTargets], urlsBySlug: maps.urlsBySlug, tagCounts: maps.tagCounts, fieldCounts: maps.fieldCounts, counts: maps.counts,
	};
}

function isPageMultimap(value: unknown, pageCount: number): value is PageMultimap {
	const map = value as PageMultimap;
	if (!Array.isArray(map?.keys) || !(map.starts instanceof Uint32Array) || !(map.pages instanceof Uint32Array) || map.starts.length !== map.keys.length + 1) {
		return false;
	}
	for (let i = 0; i < map.keys.length; i++) {
		if (map.starts[i + 1] <= map.starts[i]) {
			return false;
		}
	}
	return map.starts[0] === 0 && map.starts[map.keys.length] === map.pages.length && map.pages.every(page => page < pageCount);
}

/** Whether a value read back is a whole persisted state for `pageCount` pages under `fingerprint`. */
export function isPersistedIndexState(value: unknown, pageCount: number, fingerprint: string): value is PersistedIndexState {
	const state = value as PersistedIndexState;
	return state?.fingerprint === fingerprint && state.pageCount === pageCount
		&& [...PAGE_MAPS, 'pathsBySection' as const].every(name => isPageMultimap(state[name], pageCount))
		&& Array.isArray(state.missingTargets) && state.urlsBySlug instanceof Map && state.tagCounts instanceof Map
		&& state.fieldCounts?.bySection instanceof Map && typeof state.fieldCounts.all === 'object' && Array.isArray(state.counts) && state.counts.length === 4;
}

function multimapOf(map: PageMultimap, paths: readonly string[]): Map<string, OneOrMany> {
	const out = new Map<string, OneOrMany>();
	const { keys, starts, pages } = map;
	for (let i = 0; i < keys.length; i++) {
		const start = starts[i];
		const end = starts[i + 1];
		if (end - start === 1) {
			out.set(keys[i], paths[pages[start]]);
		} else {
			const values = new Array<string>(end - start);
			for (let at = start; at < end; at++) {
				values[at - start] = paths[pages[at]];
			}
			out.set(keys[i], values);
		}
	}
	return out;
}

/** The maps of a persisted state, with the paths of its pages (in their order). */
export function indexMapsOf(state: PersistedIndexState, paths: readonly string[]): IndexMaps {
	const pathsBySection = new Map<string, Set<string>>();
	for (const [section, sectionPaths] of multimapOf(state.pathsBySection, paths)) {
		pathsBySection.set(section, new Set(typeof sectionPaths === 'string' ? [sectionPaths] : sectionPaths));
	}
	return {
		pathsByUrl: multimapOf(state.pathsByUrl, paths), linkersByUrl: multimapOf(state.linkersByUrl, paths), pathsByName: multimapOf(state.pathsByName, paths),
		pathsByRedirect: multimapOf(state.pathsByRedirect, paths), includersByPath: multimapOf(state.includersByPath, paths), pathsBySection,
		missingTargets: new Set(state.missingTargets), urlsBySlug: state.urlsBySlug, tagCounts: state.tagCounts, fieldCounts: state.fieldCounts, counts: state.counts,
	};
}
