import * as fc from 'fast-check';
import type { PageSummary } from '../../../server/src/service/parse/pageSummary';
import type { VaultService } from '../../../server/src/service/vaultService';
import { createVaultService } from '../../../server/src/service/vaultService';

/** The pages a fuzz run starts from: frontmatter, links between them, footnotes, headings, CRLF, emoji. */
export const FUZZ_PAGES: Readonly<Record<string, string>> = {
	'people/a.md': '---\ntitle: Alice 👩‍💻\ncategory: Person\ncreated: 2026-05-14\nupdated: 2026-05-14\nsummary: First.\ntags: [One, Two]\naliases: [Al]\n---\n\n# Alice\n\nSee [Bob](/people/b/) and [Paris](/places/paris/#history).[^1]\n\n## Early life\n\n[^1]: A note.\n',
	'people/b.md': '---\r\ntitle: Bob\r\ncategory: Person\r\ncreated: 2026-05-14\r\nupdated: 2026-05-14\r\nsummary: Second.\r\ntags:\r\n- Two\r\n---\r\n\r\n😀 [Alice](/people/a/#early-life) [Missing](/people/zed/) [ref][r]\r\n\r\n[r]: /places/paris/\r\n',
	'places/paris.md': '---\ntitle: Paris\ncategory: Place\ncreated: 2026-05-14\nupdated: 2026-05-14\nsummary: City.\ntags: [City]\n---\n\n# Paris\n\n## History\n\nLinks: [a](../people/a.md) [b](/people/b) [x](/../x/)[^2][^2]\n\n[^2]: Twice.\n[^2]: Again.\n',
	'events/e.md': '# No frontmatter\r\rLone CR lines [A](/people/a/)\r',
	'programs/p/index.md': '---\ntitle: Program\n---\n\n👨‍👩‍👧‍👦 `[not](/a/link/)` [Paris](/places/paris/)\n\n```\n[also not](/x/)\n```\n',
};

/** Pieces an edit inserts: line ends of every kind, emoji and ZWJ sequences, halves of surrogate pairs, fences, brackets. */
export const FRAGMENTS: readonly string[] = [
	'\n', '\r\n', '\r', '\r\r\n', '\n\r', '😀', '👩‍👩‍👧', '‍', '\ud83d', '\ude00', '\udc69\ud83d', 'é', '\u0301', '\ufeff', '\u2028',
	'---', '---\n', '\n---\n', '...\n', '---js\n', 'title: X\n', 'tags: [a, b]\n', 'aliases:\n- Z\n',
	'[', ']', '(', ')', '](/people/', '](/places/paris/', '[A](/people/a/)', '[Z](/people/zz/)', '#', '#history', '[^1]', '[^1]: n\n', '[^', '^', '`', '```\n', '<', '>', '\\', '*', '_',
	'# H\n', '## Early life\n', ' ', '\t', 'word', '',
];

const fragmentArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
	{ weight: 2, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }).map(parts => parts.join('')) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

export interface EditStep {
	readonly kind: 'edit';
	readonly page: number;
	readonly startLine: number;
	readonly startCharacter: number;
	readonly lines: number;
	readonly endCharacter: number;
	readonly text: string;
}

export interface RequestStep {
	readonly kind: 'request';
	readonly feature: 'hover' | 'definition' | 'completion' | 'codeAction' | 'references' | 'documentLinks' | 'documentSymbols';
	readonly page: number;
	readonly line: number;
	readonly character: number;
	readonly cancelled: boolean;
}

export interface RemoveStep {
	readonly kind: 'remove';
	readonly page: number;
}

export type FuzzStep = EditStep | RequestStep | RemoveStep;

export const editArb: fc.Arbitrary<EditStep> = fc.record({
	kind: fc.constant('edit' as const),
	page: fc.nat(Object.keys(FUZZ_PAGES).length - 1),
	startLine: fc.nat(24),
	startCharacter: fc.nat(90),
	lines: fc.nat(2),
	endCharacter: fc.nat(90),
	text: fragmentArb,
});

export const requestArb: fc.Arbitrary<RequestStep> = fc.record({
	kind: fc.constant('request' as const),
	feature: fc.constantFrom('hover', 'definition', 'completion', 'codeAction', 'references', 'documentLinks', 'documentSymbols'),
	page: fc.nat(Object.keys(FUZZ_PAGES).length - 1),
	line: fc.integer({ min: -1, max: 30 }),
	character: fc.integer({ min: -1, max: 120 }),
	cancelled: fc.boolean(),
});

export const stepArb: fc.Arbitrary<FuzzStep> = fc.oneof(
	{ weight: 6, arbitrary: editArb },
	{ weight: 3, arbitrary: requestArb },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), page: fc.nat(Object.keys(FUZZ_PAGES).length - 1) }) },
);

/** Everything a page summary says, as one comparable string. */
export function summaryKey(page: PageSummary | undefined): string {
	if (!page) {
		return 'absent';
	}
	return JSON.stringify({
		path: page.path, url: page.url, section: page.section, title: page.title, aliases: page.aliases, tags: page.tags,
		frontmatter: { present: page.frontmatter.present, span: page.frontmatter.span, bodyStart: page.frontmatter.bodyStart, closingFenceStart: page.frontmatter.closingFenceStart, problems: page.frontmatter.problems, data: page.frontmatter.data, fields: page.frontmatter.fields },
		links: page.links, footnoteReferences: page.footnoteReferences, footnoteDefinitions: page.footnoteDefinitions, headings: page.headings,
		lineStarts: Array.from(page.lineStarts), textLength: page.textLength,
	});
}

/** What the index answers about a set of pages, as comparable strings keyed by question. */
export function indexKey(service: VaultService, paths: readonly string[]): Map<string, string> {
	const answers = new Map<string, string>();
	const index = service.index;
	answers.set('size', String(index.size));
	answers.set('sections', JSON.stringify(index.sections()));
	answers.set('tags', JSON.stringify([...index.tags()].sort()));
	const urls = new Set<string>();
	for (const page of index.pages()) {
		urls.add(page.url);
		for (const link of page.links) {
			if (link.target.kind === 'page') {
				urls.add(link.target.url);
			}
		}
	}
	for (const url of [...urls].sort()) {
		answers.set(`url ${url}`, JSON.stringify({ has: index.hasUrl(url), paths: index.pathsForUrl(url), linkers: [...index.linkersOf(url)].sort(), backlinks: index.backlinkCount(url), page: index.pageForUrl(url)?.path }));
	}
	for (const path of paths) {
		answers.set(`page ${path}`, summaryKey(service.getPage(path)));
		answers.set(`quarantined ${path}`, String(service.quarantined(path)));
		answers.set(`diagnostics ${path}`, JSON.stringify(service.diagnostics(path)));
	}
	return answers;
}

/**
 * Compares an incrementally updated service with one built from scratch from
 * the same texts; returns the questions they answer differently.
 */
export function divergences(service: VaultService, texts: ReadonlyMap<string, string>): string[] {
	const fresh = createVaultService({ settings: service.settings() });
	for (const [path, text] of texts) {
		fresh.updatePage(path, text);
	}
	const paths = [...new Set([...texts.keys(), ...Object.keys(FUZZ_PAGES)])].sort();
	const ours = indexKey(service, paths);
	const theirs = indexKey(fresh, paths);
	const differences: string[] = [];
	for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
		if (ours.get(key) !== theirs.get(key)) {
			differences.push(`${key}: incremental ${String(ours.get(key)).slice(0, 300)} / from scratch ${String(theirs.get(key)).slice(0, 300)}`);
		}
	}
	return differences;
}
