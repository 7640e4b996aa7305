/**
 * The plan of a benchmark vault: which pages it has (section, unique slug,
 * title, aliases, path, URL) and each page's headings, all a function of
 * (page count, seed). Every page also gets its own PRNGs (pageRandom), so any
 * page can be rendered alone and in any order.
 */
import { Random } from '../test/support/markdownGenerator';
import {
	CODEWORDS, EVENT_KINDS, EVENT_PATTERNS, FIRST_NAMES, HEADING_PHRASES, LAST_NAMES, ORG_ADJECTIVES, ORG_KINDS, ORG_NOUNS,
	PLACE_ENDS, PLACE_MIDDLES, PLACE_PREFIXES, PLACE_STARTS, PROGRAM_PATTERNS, Section, SECTION_WEIGHTS,
} from './vaultVocabulary';

const BUNDLE_RATE = 0.02; // pages stored as section/slug/index.md

export interface PlannedPage {
	readonly section: Section;
	readonly slug: string;
	readonly title: string;
	readonly aliases: readonly string[];
	/** Vault-relative path, `/`-separated. */
	readonly path: string;
	readonly url: string;
}

export interface VaultPlan {
	readonly seed: number;
	readonly pages: readonly PlannedPage[];
	/** Page numbers by section, for section-local link targets. */
	readonly bySection: ReadonlyMap<Section, readonly number[]>;
}

/** A PRNG for one purpose of one page, independent of the order pages are rendered in. */
export function pageRandom(seed: number, page: number, purpose: number): Random {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	h = Math.imul(h ^ page, 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13) ^ purpose, 0xc2b2ae35) >>> 0;
	return new Random((h ^ (h >>> 16)) >>> 0);
}

export function slugify(title: string): string {
	return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function pickSection(r: Random): Section {
	let x = r.next();
	for (const [section, weight] of SECTION_WEIGHTS) {
		if (x < weight) {
			return section;
		}
		x -= weight;
	}
	return 'people';
}

export function placeName(r: Random): string {
	return r.pick(PLACE_PREFIXES) + r.pick(PLACE_STARTS) + r.pick(PLACE_MIDDLES) + r.pick(PLACE_ENDS);
}

export function newTitle(r: Random, section: Section): { title: string; aliases: string[] } {
	switch (section) {
		case 'people': {
			const first = r.pick(FIRST_NAMES);
			const last = r.pick(LAST_NAMES);
			const middle = r.chance(0.3) ? ` ${String.fromCharCode(65 + r.int(0, 25))}.` : '';
			const title = `${first}${middle} ${last}`;
			return { title, aliases: r.chance(0.1) ? [`${first.charAt(0)}. ${last}`] : [] };
		}
		case 'places':
			return { title: placeName(r), aliases: [] };
		case 'organizations': {
			const title = `${r.pick(ORG_ADJECTIVES)} ${r.pick(ORG_NOUNS)} ${r.pick(ORG_KINDS)}`;
			const acronym = title.split(' ').map(word => word.charAt(0)).join('');
			return { title, aliases: r.chance(0.4) ? [acronym] : [] };
		}
		case 'events': {
			const title = r.pick(EVENT_PATTERNS)
				.replace('{place}', placeName(r))
				.replace('{kind}', r.pick(EVENT_KINDS))
				.replace('{year}', String(r.int(1900, 2020)));
			return { title, aliases: [] };
		}
		case 'programs': {
			const a = r.pick(CODEWORDS);
			let b = r.pick(CODEWORDS);
			while (b === a) {
				b = r.pick(CODEWORDS);
			}
			return { title: r.pick(PROGRAM_PATTERNS).replace('{a}', a).replace('{b}', b), aliases: [] };
		}
	}
}

/** Plans the pages of a vault: sections, unique slugs, titles and aliases. */
export function planVault(pageCount: number, seed = 1): VaultPlan {
	const r = new Random(seed);
	const pages: PlannedPage[] = [];
	const usedUrls = new Set<string>();
	const bySection = new Map<Section, number[]>(SECTION_WEIGHTS.map(([section]) => [section, []]));
	for (let i = 0; i < pageCount; i++) {
		const section = pickSection(r);
		const named = newTitle(r, section);
		const aliases = named.aliases;
		let title = named.title;
		let slug = slugify(title);
		for (let n = 2; usedUrls.has(`/${section}/${slug}/`); n++) {
			const base = slugify(title.replace(/ \(\d+\)$/, ''));
			title = `${title.replace(/ \(\d+\)$/, '')} (${n})`;
			slug = `${base}-${n}`;
		}
		const url = `/${section}/${slug}/`;
		usedUrls.add(url);
		const bundle = r.chance(BUNDLE_RATE);
		pages.push({ section, slug, title, aliases, path: bundle ? `${section}/${slug}/index.md` : `${section}/${slug}.md`, url });
		bySection.get(section)!.push(i);
	}
	return { seed, pages, bySection };
}

/** The `### ` headings of a page, a function of the page alone so links can point at them. */
export function headingsOf(plan: VaultPlan, page: number): string[] {
	const r = pageRandom(plan.seed, page, 1);
	const count = r.int(2, 5);
	const headings: string[] = [];
	while (headings.length < count) {
		const phrase = r.chance(0.3) ? `${r.pick(HEADING_PHRASES)} ${r.int(1950, 2020)}` : r.pick(HEADING_PHRASES);
		if (!headings.includes(phrase)) {
			headings.push(phrase);
		}
	}
	return headings;
}
