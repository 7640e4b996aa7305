/**
 * The text of one benchmark page, following the seed page
 * (/work/shared/seeds/000_*.txt): sorted YAML frontmatter (aliases, category,
 * created, location, summary folded over lines, tags list, title, updated),
 * `### ` headings, site-style entity links `[Name](/section/slug/)`, GFM
 * footnotes with definitions at the end. Also: fenced code blocks and code
 * spans holding link-like text that must not count, links with `#fragment`s to
 * the target's headings, and a few percent of problems (broken links and
 * anchors, missing / unused / duplicate footnotes), counted in PageStats.
 */
import { Random } from '../test/support/markdownGenerator';
import { slugifyHeading } from '../server/src/service/parse/headingSlug';
import { headingsOf, newTitle, pageRandom, placeName, PlannedPage, slugify, VaultPlan } from './vaultPlan';
import {
	CATEGORIES, COUNTRIES, FILLER_SENTENCES, FOOTNOTE_SOURCES, PLAIN_OBJECTS, PLAIN_SUBJECTS, SECTION_TAG, SUMMARY_DESCRIPTORS,
	TAGS, TAILS, VERBS,
} from './vaultVocabulary';

/** Probabilities of the problems a real vault has. */
const BROKEN_LINK_RATE = 0.03;
const FRAGMENT_RATE = 0.08;
const BROKEN_ANCHOR_RATE = 0.1; // of the links with a fragment
const MISSING_FOOTNOTE_RATE = 0.03;
const UNUSED_FOOTNOTE_RATE = 0.02;
const DUPLICATE_FOOTNOTE_RATE = 0.01;
const CODE_BLOCK_RATE = 0.35;

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

export function emptyStats(): PageStats {
	return { links: 0, brokenLinks: 0, fragmentLinks: 0, brokenAnchors: 0, missingFootnotes: 0, unusedFootnotes: 0, duplicateFootnotes: 0, codeBlocks: 0, bytes: 0 };
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
