/**
 * Deterministic generator of realistic vaults for the benchmark.
 *
 *   npm run bench:generate -- --pages N --out DIR [--seed S]
 *
 * A vault is a function of (pages, seed) only: the page list is planned with
 * a seeded PRNG, and every page's text is rendered from its own PRNG seeded
 * from (seed, page number), so any page can be re-rendered alone (the bench
 * uses that to build a 50 KB variant of a real page).
 *
 * Pages follow the seed page (/work/shared/seeds/000_*.txt): sorted YAML
 * frontmatter (aliases, category, created, location, summary folded over
 * lines, tags list, title, updated), `### ` headings, site-style entity links
 * `[Name](/section/slug/)`, GFM footnotes with definitions at the end. Also:
 * fenced code blocks and code spans holding link-like text that must not
 * count, links with `#fragment`s to the target's headings, and a few percent
 * of problems (broken links and anchors, missing / unused / duplicate
 * footnotes), counted in the returned statistics.
 */
import { forEachFlag } from './commandLine';
import * as fs from 'fs';
import * as path from 'path';
import { Random } from '../test/support/markdownGenerator';
import { slugifyHeading } from '../server/src/service/parse/headingSlug';

/** Bump when the output changes, so cached vaults are regenerated. */
export const GENERATOR_VERSION = 2;

export type Section = 'people' | 'places' | 'organizations' | 'events' | 'programs';

/** Share of each section in a real vault: mostly people, then organizations and places. */
const SECTION_WEIGHTS: readonly (readonly [Section, number])[] = [
	['people', 0.45],
	['organizations', 0.22],
	['places', 0.15],
	['events', 0.11],
	['programs', 0.07],
];

/** Probabilities of the problems a real vault has. */
const BROKEN_LINK_RATE = 0.03;
const FRAGMENT_RATE = 0.08;
const BROKEN_ANCHOR_RATE = 0.1; // of the links with a fragment
const MISSING_FOOTNOTE_RATE = 0.03;
const UNUSED_FOOTNOTE_RATE = 0.02;
const DUPLICATE_FOOTNOTE_RATE = 0.01;
const CODE_BLOCK_RATE = 0.35;
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

export interface PageStats {
	links: number;
	brokenLinks: number;
	fragmentLinks: number;
	brokenAnchors: number;
	missingFootnotes: number;
	unusedFootnotes: number;
	duplicateFootnotes: number;
	codeBlocks: number;
	bytes: number;
}

export interface VaultStats extends PageStats {
	pages: number;
	seed: number;
	generatorVersion: number;
}

const FIRST_NAMES = [
	'Robert', 'Roberta', 'Robin', 'Rob', 'Roberto', 'Robertson', 'Roger', 'Rosa', 'Ruth', 'Richard', 'Rachel', 'Raymond',
	'Ari', 'David', 'Nicholas', 'Victor', 'Mohammad', 'Kermit', 'Norman', 'Stephen', 'Anne', 'Maria', 'John', 'James',
	'Elena', 'Sofia', 'Ahmed', 'Hassan', 'Yusuf', 'Leila', 'Olga', 'Ivan', 'Dmitri', 'Natalia', 'Pierre', 'Claire',
	'Jacques', 'Isabelle', 'Hans', 'Greta', 'Klaus', 'Ingrid', 'Kenji', 'Aiko', 'Hiroshi', 'Mei', 'Wei', 'Li',
	'Carlos', 'Lucia', 'Diego', 'Camila', 'Andrew', 'Margaret', 'William', 'Elizabeth', 'Thomas', 'Catherine',
	'George', 'Helen', 'Edward', 'Frances', 'Henry', 'Alice', 'Arthur', 'Dorothy', 'Charles', 'Eleanor', 'Samuel',
	'Miriam', 'Benjamin', 'Esther', 'Daniel', 'Hannah', 'Michael', 'Sarah', 'Joseph', 'Rebecca', 'Paul', 'Judith',
	'Peter', 'Martha', 'Simon', 'Naomi', 'Omar', 'Fatima', 'Khalid', 'Amira', 'Tariq', 'Yasmin', 'Reza', 'Shirin',
	'Farid', 'Nadia', 'Sergei', 'Tatiana', 'Boris', 'Irina', 'Marco', 'Giulia', 'Luca', 'Chiara', 'Jan', 'Eva',
	'Piotr', 'Agnieszka', 'Lars', 'Astrid', 'Sven', 'Freya', 'Patrick', 'Siobhan', 'Sean', 'Aoife', 'Kwame', 'Amara',
];
const LAST_NAMES = [
	'Maxwell', 'Kimche', 'Davies', 'Ostrovsky', 'Darbyshire', 'Roosevelt', 'Pahlavi', 'Dorril', 'Menashe', 'Smith',
	'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson', 'Thomas', 'Jackson',
	'White', 'Harris', 'Martin', 'Thompson', 'Garcia', 'Martinez', 'Robinson', 'Clark', 'Rodriguez', 'Lewis', 'Lee',
	'Walker', 'Hall', 'Allen', 'Young', 'Hernandez', 'King', 'Wright', 'Lopez', 'Hill', 'Scott', 'Green', 'Adams',
	'Baker', 'Gonzalez', 'Nelson', 'Carter', 'Mitchell', 'Perez', 'Roberts', 'Turner', 'Phillips', 'Campbell',
	'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Sanchez', 'Morris', 'Rogers', 'Reed', 'Cook', 'Morgan',
	'Bell', 'Murphy', 'Bailey', 'Rivera', 'Cooper', 'Richardson', 'Cox', 'Howard', 'Ward', 'Torres', 'Peterson',
	'Gray', 'Ramirez', 'Watson', 'Brooks', 'Kelly', 'Sanders', 'Price', 'Bennett', 'Wood', 'Barnes', 'Ross',
	'Henderson', 'Coleman', 'Jenkins', 'Perry', 'Powell', 'Long', 'Patterson', 'Hughes', 'Flores', 'Washington',
	'Butler', 'Simmons', 'Foster', 'Gonzales', 'Bryant', 'Alexander', 'Russell', 'Griffin', 'Diaz', 'Hayes',
	'Petrov', 'Ivanov', 'Sokolov', 'Volkov', 'Kuznetsov', 'Novak', 'Kowalski', 'Nowak', 'Dubois', 'Laurent',
	'Moreau', 'Lefebvre', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Rossi', 'Russo',
	'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Tanaka', 'Suzuki', 'Watanabe', 'Yamamoto', 'Nakamura', 'Chen',
	'Wang', 'Zhang', 'Liu', 'Yang', 'Huang', 'Khan', 'Hosseini', 'Karimi', 'Rahimi', 'Haddad', 'Nasser', 'Mansour',
	'Said', 'Farouk', 'Levy', 'Cohen', 'Mizrahi', 'Peretz', 'Friedman', 'Katz', 'Andersson', 'Johansson',
	'Larsen', 'Nielsen', 'Hansen', "Murray", 'Byrne', 'Walsh', 'Ryan', 'Okafor', 'Mensah', 'Diallo', 'Mbeki',
];
const PLACE_STARTS = [
	'Kar', 'Vel', 'Ost', 'Mar', 'Bel', 'Tor', 'Al', 'Dun', 'Ash', 'Bren', 'Cal', 'Dor', 'El', 'Fen', 'Gal', 'Hal',
	'Is', 'Jor', 'Kel', 'Lor', 'Mor', 'Nor', 'Or', 'Pel', 'Quen', 'Ros', 'Sal', 'Tal', 'Ul', 'Val', 'Wen', 'Yar', 'Zan',
];
const PLACE_MIDDLES = ['', 'a', 'e', 'i', 'o', 'en', 'ar', 'is'];
const PLACE_ENDS = [
	'berg', 'burg', 'ford', 'haven', 'mouth', 'stad', 'grad', 'polis', 'ton', 'ville', 'mark', 'holm', 'field',
	'port', 'wick', 'dale', 'moor', 'ia', 'istan', 'land',
];
const PLACE_PREFIXES = ['', '', '', 'New ', 'Port ', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Fort '];
const COUNTRIES = [
	'United Kingdom', 'United States', 'France', 'Germany', 'Israel', 'Iran', 'Iraq', 'Afghanistan', 'Pakistan',
	'Egypt', 'Turkey', 'Russia', 'Ukraine', 'Poland', 'Italy', 'Spain', 'Japan', 'China', 'India', 'Brazil',
	'Argentina', 'Chile', 'Nigeria', 'Kenya', 'South Africa', 'Sweden', 'Norway', 'Ireland', 'Canada', 'Australia',
];
const ORG_ADJECTIVES = [
	'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Royal', 'National', 'Federal', 'Imperial', 'United',
	'Allied', 'Continental', 'Atlantic', 'Pacific', 'Maritime', 'Strategic', 'Joint', 'Global', 'Foreign', 'Domestic',
	'Independent', 'Free', 'Democratic', 'Popular', 'Revolutionary', 'Colonial', 'Overseas', 'Commercial',
	'Scientific', 'Technical', 'Financial', 'Industrial', 'Agricultural', 'Naval', 'Air', 'Signals', 'Special',
	'Secret', 'Public', 'Private',
];
const ORG_NOUNS = [
	'Intelligence', 'Security', 'Defence', 'Trade', 'Oil', 'Shipping', 'Mining', 'Press', 'Media', 'Banking',
	'Investment', 'Research', 'Development', 'Energy', 'Petroleum', 'Arms', 'Aviation', 'Telecommunications',
	'Publishing', 'Broadcasting', 'Insurance', 'Railway', 'Steel', 'Chemical', 'Pharmaceutical', 'Textile',
	'Grain', 'Timber', 'Survey', 'Cipher', 'Liaison', 'Information', 'Relief', 'Reconstruction', 'Exchange',
	'Credit', 'Land', 'Water', 'Harbour', 'Transport',
];
const ORG_KINDS = [
	'Service', 'Agency', 'Bureau', 'Council', 'Committee', 'Company', 'Corporation', 'Group', 'Bank', 'Trust',
	'Foundation', 'Institute', 'Directorate', 'Office', 'Commission', 'Authority', 'Association', 'League',
	'Syndicate', 'Consortium', 'Board', 'Ministry', 'Union', 'Network', 'Holdings',
];
const EVENT_KINDS = [
	'Crisis', 'Affair', 'Accords', 'Summit', 'Uprising', 'Coup', 'Treaty', 'Conference', 'Scandal', 'Blockade',
	'Hearings', 'Trial', 'Embargo', 'Airlift', 'Strike', 'Riots', 'Talks', 'Inquiry', 'Massacre', 'Bombing',
];
const EVENT_PATTERNS = ['{place} {kind}', 'Siege of {place}', 'Battle of {place}', '{place} {kind} of {year}', '{kind} of {place}'];
const CODEWORDS = [
	'Ajax', 'Boot', 'Cyclone', 'Gladio', 'Mockingbird', 'Paperclip', 'Condor', 'Chaos', 'Merlin', 'Phoenix',
	'Shamrock', 'Minaret', 'Echelon', 'Tempest', 'Trident', 'Lantern', 'Harvest', 'Falcon', 'Osprey', 'Kestrel',
	'Granite', 'Basalt', 'Cobalt', 'Zircon', 'Quartz', 'Onyx', 'Jasper', 'Garnet', 'Beryl', 'Topaz', 'Sapphire',
	'Amber', 'Indigo', 'Crimson', 'Scarlet', 'Azure', 'Ivory', 'Ebony', 'Silver', 'Copper', 'Iron', 'Bronze',
	'Thunder', 'Lightning', 'Storm', 'Gale', 'Monsoon', 'Typhoon', 'Blizzard', 'Avalanche', 'Glacier', 'Tundra',
	'Sentinel', 'Guardian', 'Watchman', 'Shepherd', 'Pilgrim', 'Nomad', 'Voyager', 'Pioneer', 'Ranger', 'Scout',
	'Anvil', 'Hammer', 'Chisel', 'Lever', 'Pulley', 'Compass', 'Sextant', 'Astrolabe', 'Quadrant', 'Meridian',
];
const PROGRAM_PATTERNS = ['Operation {a}', 'Project {a}', '{a} Initiative', 'Operation {a} {b}', 'Project {a} {b}', '{a} Program'];
const CATEGORIES: Readonly<Record<Section, readonly string[]>> = {
	people: ['Business & Media', 'Politics', 'Intelligence & Government', 'Military', 'Journalism', 'Finance', 'Law', 'Science'],
	places: ['Country', 'City', 'Region', 'Military Base', 'Port'],
	organizations: ['Intelligence & Government', 'Business & Media', 'Finance', 'Military', 'Political Party', 'Non-profit'],
	events: ['Political Event', 'Military Operation', 'Scandal', 'Diplomacy', 'Trial'],
	programs: ['Covert Operation', 'Intelligence Program', 'Research Program', 'Surveillance Program'],
};
const SECTION_TAG: Readonly<Record<Section, string>> = {
	people: 'Person',
	places: 'Place',
	organizations: 'Organization',
	events: 'Event',
	programs: 'Program',
};
const TAGS = [
	'UnitedKingdom', 'UnitedStates', 'Intelligence', 'ColdWar', 'MiddleEast', 'Iran', 'Israel', 'Finance', 'Media',
	'ArmsTrade', 'Oil', 'Diplomacy', 'Espionage', 'Banking', 'Publishing', 'Military', 'Politics', 'Scandal',
	'Surveillance', 'Covert', 'Europe', 'Asia', 'Africa', 'LatinAmerica', 'Terrorism', 'Law', 'Journalism',
	'Aviation', 'Shipping', 'Energy',
];
const HEADING_PHRASES = [
	'Early Life', 'Origins', 'Background', 'Career', 'Later Years', 'Legacy', 'Controversies', 'Investigations',
	'Cold War Operations', 'Business Interests', 'Political Career', 'Intelligence Links', 'Funding', 'Structure',
	'Leadership', 'Operations', 'Aftermath', 'Public Inquiry', 'Press Coverage', 'Legal Proceedings',
	'International Relations', 'Foreign Partners', 'Documents', 'Timeline', 'Personnel', 'Assets', 'Reforms',
	'Collapse', 'Revival', 'Alliances', 'Rivalries', 'Finances', 'Declassified Files', 'Testimony', 'Memoirs',
];
const VERBS = [
	'worked with', 'met', 'financed', 'negotiated with', 'advised', 'opposed', 'supported', 'investigated',
	'reported to', 'cooperated with', 'was recruited by', 'briefed', 'supplied', 'wrote about', 'testified against',
	'was linked to', 'coordinated with', 'was accused of aiding', 'founded a partnership with', 'competed with',
];
const PLAIN_SUBJECTS = [
	'The service', 'Its officers', 'Several former officials', 'The ministry', 'A parliamentary committee',
	'Investigative journalists', 'The board', 'Declassified records', 'Contemporary accounts', 'The company',
	'His associates', 'Her colleagues', 'Foreign diplomats', 'The press', 'Local authorities',
];
const PLAIN_OBJECTS = [
	'the security services', 'a network of intermediaries', 'senior politicians', 'foreign intelligence officers',
	'several shipping firms', 'the finance ministry', 'a group of bankers', 'the national press',
	'regional governments', 'an arms broker', 'the oil consortium', 'local informants',
];
const TAILS = [
	'during the early years of the Cold War', 'according to later testimony', 'over more than a decade',
	'in a series of meetings abroad', 'while the inquiry was still open', 'before the archives were opened',
	'through a chain of holding companies', 'as documented in the declassified files', 'despite public denials',
	'with the knowledge of senior officials', 'after the change of government', 'in the months before the crisis',
];
const FILLER_SENTENCES = [
	'The details remained classified for decades, and much of what is known comes from memoirs and court records.',
	'Historians disagree about the extent of this relationship, and official sources have never confirmed it.',
	'The arrangement was described in parliamentary questions, though ministers declined to comment on intelligence matters.',
	'Later investigations found that several of the transactions had been routed through offshore accounts.',
	'Contemporary newspapers covered the affair extensively, often relying on anonymous sources within government.',
	'The episode became a reference point in later debates about oversight of the intelligence services.',
];
const FOOTNOTE_SOURCES = [
	'"Annual Report," Official Publications Office. https://example.org/reports/annual',
	'Smith, John. *A History of the Secret Services.* Oxford University Press, 1998.',
	'"Hearings before the Select Committee," Government Printing Office, 1976.',
	'Davies, Nicholas. *The Unknown Story.* Random House, 1992.',
	'"Declassified cable," National Archives. https://example.org/archives/cable',
	'Interview transcript, oral history collection, 2004.',
];
const SUMMARY_DESCRIPTORS: Readonly<Record<Section, readonly string[]>> = {
	people: ['a businessman', 'a diplomat', 'an intelligence officer', 'a journalist', 'a politician', 'a financier', 'a lawyer', 'a scientist'],
	places: ['a city', 'a country', 'a port', 'a region', 'a military base'],
	organizations: ['an intelligence service', 'a company', 'a bank', 'a government agency', 'a trade association', 'a foundation'],
	events: ['a political crisis', 'a diplomatic conference', 'a scandal', 'a military operation', 'a trial'],
	programs: ['a covert operation', 'an intelligence program', 'a research program', 'a surveillance program'],
};

/** A PRNG for one purpose of one page, independent of the order pages are rendered in. */
function pageRandom(seed: number, page: number, purpose: number): Random {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	h = Math.imul(h ^ page, 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13) ^ purpose, 0xc2b2ae35) >>> 0;
	return new Random((h ^ (h >>> 16)) >>> 0);
}

function slugify(title: string): string {
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

function placeName(r: Random): string {
	return r.pick(PLACE_PREFIXES) + r.pick(PLACE_STARTS) + r.pick(PLACE_MIDDLES) + r.pick(PLACE_ENDS);
}

function newTitle(r: Random, section: Section): { title: string; aliases: string[] } {
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

function date(r: Random, from: number): { text: string; day: number } {
	const day = from + r.int(0, 400);
	const d = new Date(Date.UTC(2024, 0, 1) + day * 86400000);
	return { text: d.toISOString().slice(0, 10), day };
}

/** A plain YAML scalar folded over lines like the seed's `summary`. */
function foldedScalar(key: string, value: string, width = 84): string {
	const words = value.split(' ');
	const lines: string[] = [];
	let line = `${key}:`;
	for (const word of words) {
		if (line.length + 1 + word.length > width && line.trim() !== `${key}:`) {
			lines.push(line);
			line = ' ';
		}
		line += ` ${word}`;
	}
	lines.push(line);
	return lines.join('\n');
}

/** Picks a link target: skewed towards popular pages, as real vaults are. */
function pickTarget(r: Random, plan: VaultPlan, self: number): number {
	const n = plan.pages.length;
	let target: number;
	do {
		const x = r.next();
		target = r.chance(0.5) ? Math.floor(x * x * x * n) : Math.floor(x * n);
	} while (target === self && n > 1);
	return target;
}

function linkText(r: Random, target: PlannedPage): string {
	const x = r.next();
	if (x < 0.08 && target.aliases.length > 0) {
		return target.aliases[0];
	}
	if (x < 0.16 && target.section === 'people') {
		return target.title.split(' ').pop()!;
	}
	return target.title;
}

export interface RenderOptions {
	/** Approximate size of the body; default 2–6 KB. */
	readonly bodyBytes?: number;
	/** Number of entity links; default 10–40. */
	readonly links?: number;
}

/** Renders the text of page `page` of the plan; `stats` is incremented with what it holds. */
export function renderPage(plan: VaultPlan, page: number, stats?: PageStats, options: RenderOptions = {}): string {
	const r = pageRandom(plan.seed, page, 2);
	const self = plan.pages[page];
	const out: string[] = [];

	// Frontmatter, keys sorted as the seed's (a YAML dump).
	const created = date(r, 0);
	const updated = date(r, created.day);
	const sectionTag = SECTION_TAG[self.section];
	const tags = [sectionTag];
	const tagCount = r.int(2, 5);
	while (tags.length < tagCount + 1) {
		const tag = r.pick(TAGS);
		if (!tags.includes(tag)) {
			tags.push(tag);
		}
	}
	const location = self.section === 'places' ? r.pick(COUNTRIES) : `${placeName(r)}, ${r.pick(COUNTRIES)}`;
	const summaryEntities: string[] = [];
	for (let i = r.int(2, 4); i > 0; i--) {
		summaryEntities.push(plan.pages[pickTarget(r, plan, page)].title);
	}
	const summary = `${self.title} is ${r.pick(SUMMARY_DESCRIPTORS[self.section])} whose activities documented in this vault include `
		+ `dealings with ${summaryEntities.slice(0, -1).join(', ')} and ${summaryEntities[summaryEntities.length - 1]}, ${r.pick(TAILS)}.`;
	out.push('---');
	if (self.aliases.length > 0) {
		out.push('aliases:', ...self.aliases.map(alias => `- ${alias}`));
	}
	out.push(`category: ${r.pick(CATEGORIES[self.section])}`);
	out.push(`created: ${created.text}`);
	out.push(`location: ${location}`);
	out.push(foldedScalar('summary', summary));
	out.push('tags:', ...tags.map(tag => `- ${tag}`));
	out.push(`title: ${self.title}`);
	out.push(`updated: ${updated.text}`);
	out.push('---', '');

	// Body: paragraphs of sentences, links spread over them.
	const bodyBytes = options.bodyBytes ?? r.int(2000, 6000);
	const linkCount = options.links ?? r.int(10, 40);
	const headings = headingsOf(plan, page);
	const sentenceCount = Math.max(6, Math.round(bodyBytes / 190));
	const linksPerSentence: number[] = new Array(sentenceCount).fill(0);
	for (let i = 0; i < linkCount; i++) {
		linksPerSentence[r.int(0, sentenceCount - 1)]++;
	}
	const footnoteCount = r.int(1, 5);
	const footnoteAt = new Map<number, string[]>();
	const referenceFootnote = (sentenceIndex: number, label: string): void => {
		const labels = footnoteAt.get(sentenceIndex);
		if (labels) {
			labels.push(label);
		} else {
			footnoteAt.set(sentenceIndex, [label]);
		}
	};
	for (let n = 1; n <= footnoteCount; n++) {
		referenceFootnote(r.int(0, sentenceCount - 1), String(n));
	}
	const missingFootnote = r.chance(MISSING_FOOTNOTE_RATE);
	if (missingFootnote) {
		referenceFootnote(r.int(0, sentenceCount - 1), String(footnoteCount + 1));
	}
	const hasCode = r.chance(CODE_BLOCK_RATE);
	const codeAfterParagraph = hasCode ? r.int(0, 3) : -1;

	const renderLink = (): string => {
		const targetNumber = pickTarget(r, plan, page);
		const target = plan.pages[targetNumber];
		let url = target.url;
		if (stats) {
			stats.links++;
		}
		if (r.chance(BROKEN_LINK_RATE)) {
			url = r.chance(0.5) ? `/${target.section}/${target.slug}-old/` : `/${target.section}/${slugify(newTitle(r, target.section).title)}-missing/`;
			if (stats) {
				stats.brokenLinks++;
			}
		} else if (r.chance(FRAGMENT_RATE)) {
			const anchor = r.chance(BROKEN_ANCHOR_RATE) ? 'no-such-heading' : slugifyHeading(r.pick(headingsOf(plan, targetNumber)));
			url += `#${anchor}`;
			if (stats) {
				stats.fragmentLinks++;
				if (anchor === 'no-such-heading') {
					stats.brokenAnchors++;
				}
			}
		}
		const text = linkText(r, target);
		return r.chance(0.05) ? `[${text}](${url})'s` : `[${text}](${url})`;
	};

	const renderSentence = (index: number): string => {
		const links: string[] = [];
		for (let i = 0; i < linksPerSentence[index]; i++) {
			links.push(renderLink());
		}
		let sentence: string;
		if (links.length === 0 && r.chance(0.25)) {
			sentence = r.pick(FILLER_SENTENCES);
		} else {
			const subject = links.length > 0 ? links.shift()! : r.pick(PLAIN_SUBJECTS);
			const object = links.length > 0 ? links.shift()! : r.pick(PLAIN_OBJECTS);
			const plainSubject = !subject.startsWith('[');
			sentence = r.chance(0.3)
				? `In ${r.int(1945, 2020)}, ${plainSubject ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject}`
				: subject;
			sentence += ` ${r.pick(VERBS)} ${object} ${r.pick(TAILS)}`;
			if (links.length > 0) {
				sentence += `, together with ${links.length > 1 ? `${links.slice(0, -1).join(', ')} and ${links[links.length - 1]}` : links[0]}`;
			}
			sentence += '.';
		}
		for (const label of footnoteAt.get(index) ?? []) {
			sentence += `[^${label}]`;
		}
		if (r.chance(0.03)) {
			sentence += ' The file reference `[draft](/people/not-a-link/)` appears in the archive index.';
		}
		return sentence;
	};

	let sentence = 0;
	let paragraph = 0;
	let headingIndex = -1;
	const sentencesPerSection = Math.ceil(sentenceCount / (headings.length + 1));
	while (sentence < sentenceCount) {
		const sectionEnd = Math.min(sentenceCount, sentence + sentencesPerSection);
		while (sentence < sectionEnd) {
			const paragraphEnd = Math.min(sectionEnd, sentence + r.int(2, 5));
			const parts: string[] = [];
			for (; sentence < paragraphEnd; sentence++) {
				parts.push(renderSentence(sentence));
			}
			out.push(parts.join(' '), '');
			if (paragraph === codeAfterParagraph) {
				out.push(r.chance(0.5) ? '```markdown' : '```', '[Not a link](/people/inside-code-block/) and [^99] stay text here.', `[${self.title}](${self.url}#not-checked)`, '```', '');
				if (stats) {
					stats.codeBlocks++;
				}
			}
			paragraph++;
		}
		if (headingIndex + 1 < headings.length && sentence < sentenceCount) {
			headingIndex++;
			out.push(`### ${headings[headingIndex]}`, '');
		}
	}
	// Headings not reached (short bodies) are still written, so links to them resolve.
	for (headingIndex++; headingIndex < headings.length; headingIndex++) {
		out.push(`### ${headings[headingIndex]}`, '', r.pick(FILLER_SENTENCES), '');
	}

	// Footnote definitions, with the deliberate problems.
	for (let n = 1; n <= footnoteCount; n++) {
		out.push(`[^${n}]: ${r.pick(FOOTNOTE_SOURCES)}`);
	}
	if (r.chance(UNUSED_FOOTNOTE_RATE)) {
		out.push(`[^${footnoteCount + 2}]: ${r.pick(FOOTNOTE_SOURCES)}`);
		if (stats) {
			stats.unusedFootnotes++;
		}
	}
	if (r.chance(DUPLICATE_FOOTNOTE_RATE)) {
		out.push(`[^1]: ${r.pick(FOOTNOTE_SOURCES)}`);
		if (stats) {
			stats.duplicateFootnotes++;
		}
	}
	if (missingFootnote && stats) {
		stats.missingFootnotes++;
	}
	const text = out.join('\n') + '\n';
	if (stats) {
		stats.bytes += Buffer.byteLength(text);
	}
	return text;
}

export function emptyStats(): PageStats {
	return { links: 0, brokenLinks: 0, fragmentLinks: 0, brokenAnchors: 0, missingFootnotes: 0, unusedFootnotes: 0, duplicateFootnotes: 0, codeBlocks: 0, bytes: 0 };
}

export interface GenerateOptions {
	readonly pages: number;
	readonly out: string;
	readonly seed?: number;
}

/** Writes a vault of `pages` pages into `out` (created; existing pages are overwritten). */
export function generateVault(options: GenerateOptions): VaultStats {
	const seed = options.seed ?? 1;
	const plan = planVault(options.pages, seed);
	const stats = emptyStats();
	const folders = new Set<string>();
	for (const page of plan.pages) {
		folders.add(path.posix.dirname(page.path));
	}
	for (const folder of folders) {
		fs.mkdirSync(path.join(options.out, folder), { recursive: true });
	}
	for (let i = 0; i < plan.pages.length; i++) {
		fs.writeFileSync(path.join(options.out, plan.pages[i].path), renderPage(plan, i, stats));
	}
	return { pages: plan.pages.length, seed, generatorVersion: GENERATOR_VERSION, ...stats };
}

function parseArguments(argv: readonly string[]): GenerateOptions {
	let pages: number | undefined;
	let out: string | undefined;
	let seed = 1;
	forEachFlag(argv, (flag, value, argument) => {
		switch (flag) {
			case '--pages':
				pages = Number(value());
				break;
			case '--out':
				out = value();
				break;
			case '--seed':
				seed = Number(value());
				break;
			default:
				throw new Error(`unknown argument ${argument}`);
		}
	});
	if (!pages || !Number.isInteger(pages) || pages < 1) {
		throw new Error('--pages N (a positive integer) is required');
	}
	if (!out) {
		throw new Error('--out DIR is required');
	}
	if (!Number.isInteger(seed)) {
		throw new Error('--seed must be an integer');
	}
	// npm runs scripts from the repository root; a relative --out is relative to where npm was run.
	return { pages, out: path.resolve(process.env.INIT_CWD ?? process.cwd(), out), seed };
}

if (require.main === module) {
	let options: GenerateOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`bench:generate: ${(error as Error).message}\nUsage: npm run bench:generate -- --pages N --out DIR [--seed S]\n`);
		process.exit(2);
	}
	const start = performance.now();
	const stats = generateVault(options);
	const seconds = (performance.now() - start) / 1000;
	process.stdout.write(`Wrote ${stats.pages} pages (${(stats.bytes / 1048576).toFixed(1)} MiB, ${stats.links} links, ${stats.brokenLinks} broken links, `
		+ `${stats.brokenAnchors} broken anchors, ${stats.missingFootnotes + stats.unusedFootnotes + stats.duplicateFootnotes} footnote problems) `
		+ `to ${options.out} in ${seconds.toFixed(1)} s\n`);
}
