import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import { assetCandidates } from '../vault/vaultAssets';
import { anchorIdList, hasAnchorId } from '../vault/pageAnchors';
import type { PageSummary, PageLink } from '../parse/pageSummary';
import type { Span } from '../parse/markdownTypes';
import { spanToRange } from '../text/lineIndex';
import type { PageSuggestion } from '../search/closestPages';
import type { DiagnosticCode, SeverityName, VaultSettings } from '../vault/settings';
import { isGeneratedFile, isTaxonomyUrl } from '../vault/taxonomies';
import type { VaultIndex } from '../vault/vaultIndex';
import { candidatePathsForUrl, sectionListOfUrl, sectionOfUrl } from '../vault/vaultPaths';
import { validateFrontmatterFields, type FieldFinding } from './frontmatterRules';
import { frontmatterPageLinks } from './frontmatterPageLinks';
import { pageRules, type SectionRules } from '../vault/schemaInference';
import { titleSpelling } from './titleSpelling';
import { duplicateRelatedInformation, entityDuplicates, keptNameRange } from './duplicateEntity';
import { preferredLinkPathTo } from './linkStyle';
import { pageOfFacts, type UrlFacts } from '../vault/urlFacts';
import { mentionTargets, unlinkedMentionMessage, unlinkedMentions, type MentionTarget } from './unlinkedMentions';
import { reportedMentions, type Mention } from '../mentions/findMentions';

export const DIAGNOSTIC_SOURCE = 'entity-vault';

/** The `data` each diagnostic carries, by code: what its quick fixes need. */
interface DiagnosticDataByCode {
	'broken-link': { url: string; destination: string; fragment?: string; suggestions: PageSuggestion[]; section?: string; candidatePaths: string[] };
	'broken-anchor': { url: string; fragment: string; anchors: string[] };
	/** `looked`: the published paths looked for; `closest`: existing assets close to it (published paths). */
	'broken-asset': { destination: string; looked: string[]; closest: string[] };
	'link-outside-vault': { destination: string; reason: string };
	'non-canonical-link': { destination: string; canonical: string };
	'missing-footnote': { label: string; rawLabel: string };
	'unused-footnote': { label: string; rawLabel: string; definitionRange: Range };
	'duplicate-footnote': { label: string; rawLabel: string; definitionRange: Range; markerRange: Range; firstDefinitionLine: number; unusedLabel: string };
	'frontmatter-missing': { requiredFields: string[]; title: string };
	'frontmatter-syntax': { kind: string };
	'frontmatter-field': FieldFinding['data'];
	'page-unreadable': { reason: string };
	/** `title`: the spelling the quick fix writes; `derived`: the title the page has now. */
	'title-spelling': { title: string; derived: string };
	/** `name`: the shared name as this page writes it; `others`: the pages sharing it, what the merge needs. */
	'duplicate-entity': { name: string; kind: 'title' | 'alias'; others: { path: string; url: string; title: string }[] };
	/** The definition that repeats an earlier one (`sameLabel`), and its whole range. */
	'duplicate-citation': { label: string; rawLabel: string; sameLabel: string; sameRawLabel: string; definitionRange: Range };
	/** `written`: the text as written; `targets`: the pages of that name (several when pages share it). */
	'unlinked-mention': { written: string; name: string; targets: MentionTarget[] };
}

export interface VaultDiagnostic<C extends DiagnosticCode = DiagnosticCode> extends Diagnostic {
	code: C;
	message: string;
	data: DiagnosticDataByCode[C];
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** A URL names an existing page, or a section (whose list page the site generator makes). */
export function urlExists(index: VaultIndex, url: string): boolean {
	if (index.hasUrl(url)) {
		return true;
	}
	const section = sectionListOfUrl(url);
	return (section !== undefined && index.sectionPaths(section).size > 0) || isTaxonomyUrl(index.site.rules, url, index.tags());
}

/** The page at `url`, or whether it exists (`urlExists`; see `UrlFacts`), kept per index version (`VaultIndex.urlFacts`): every link to it asks the same. */
export function urlFactsOf(index: VaultIndex, url: string): UrlFacts {
	// The site in force is the memo's scope: a link's URL exists or not under its rules.
	// A page is published at a URL the index has (`hasUrl`): it exists.
	// Asked once per link (2.5 million at 100,000 pages): `kept` and `keep`, no closure made per ask.
	let facts = index.urlFacts.kept(index.version, url, index.site);
	if (facts === undefined) {
		facts = index.pageForUrl(url) ?? urlExists(index, url);
		index.urlFacts.keep(url, facts);
	}
	return facts;
}

/**
 * The facts of the URLs a page's links name (`urlFactsOf`), asked link after
 * link. The facts of the page's own targets (`PageSummary.targetUrls`, in
 * the order the links name them: a stored page's are the index's shared
 * strings, hashed once and the memo's keys themselves) are looked up all at
 * once, one after the other, when it is made: at 100,000 pages the memo's
 * table (160,000 URLs) is out of the cache, and a lookup among the page's
 * links and views waited for memory each time, where lookups in a row
 * overlap. The first link to each target takes its facts; any other link (a
 * repeat, a frontmatter link, a mapped destination) asks with its own URL.
 * The facts are the same either way: both strings are equal.
 */
export class LinkTargetFacts {
	private next = 0;
	private readonly facts: UrlFacts[];

	constructor(private readonly index: VaultIndex, private readonly targets: readonly string[]) {
		this.facts = new Array<UrlFacts>(targets.length);
		for (let i = 0; i < targets.length; i++) {
			this.facts[i] = urlFactsOf(index, targets[i]);
		}
	}

	of(url: string): UrlFacts {
		if (this.targets[this.next] === url) {
			return this.facts[this.next++];
		}
		return urlFactsOf(this.index, url);
	}
}

function footnoteLabelNotIn(labels: ReadonlySet<string>): string {
	let n = 1;
	while (labels.has(String(n))) {
		n++;
	}
	return String(n);
}

class DiagnosticCollector {
	readonly diagnostics: VaultDiagnostic[] = [];
	constructor(private readonly page: PageSummary, private readonly settings: VaultSettings) { }

	range(span: Span): Range {
		return spanToRange(this.page.lineStarts, span);
	}

	add<C extends DiagnosticCode>(code: C, span: Span | Range, message: string, data: DiagnosticDataByCode[C], relatedInformation?: DiagnosticRelatedInformation[]): void {
		const severity = this.settings.severity[code];
		if (severity === 'off') {
			return;
		}
		const range = 'start' in span && typeof span.start === 'number' ? this.range(span as Span) : span as Range;
		this.diagnostics.push({ range, severity: SEVERITY[severity], code, source: DIAGNOSTIC_SOURCE, message, data, ...(relatedInformation ? { relatedInformation } : {}) } as VaultDiagnostic);
	}
}

/** The diagnostic of a page that could not be read as text (binary, unreadable). */
export function unreadablePageDiagnostics(reason: string, settings: VaultSettings): VaultDiagnostic[] {
	const severity = settings.severity['page-unreadable'];
	if (severity === 'off') {
		return [];
	}
	return [{
		range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		severity: SEVERITY[severity],
		code: 'page-unreadable',
		source: DIAGNOSTIC_SOURCE,
		message: `Page skipped: ${reason}.`,
		data: { reason },
	}];
}

/**
 * Every diagnostic of one page, from its summary and the index. `isVault`:
 * the folder is a vault (see `vaultKind.ts`), so its entity pages (those in
 * sections) need frontmatter; elsewhere only its syntax is checked. `text`:
 * the page's text the summary was made from (BOM removed), which
 * `unlinked-mention` reads; without it (or with another version) that check
 * reports nothing. `found`: the page's mentions found elsewhere (a worker's
 * `findJobMentions` on its text), used instead of searching `text`.
 */
export function computeDiagnostics(index: VaultIndex, page: PageSummary, settings: VaultSettings, isVault: boolean, text?: string, found?: readonly Mention[]): VaultDiagnostic[] {
	const collector = new DiagnosticCollector(page, settings);
	checkLinks(index, page, page.links, settings, collector, text, new LinkTargetFacts(index, page.targetUrls));
	checkFootnotes(page, collector);
	const entityPage = isVault && page.section !== undefined;
	const rules = entityPage && page.section !== undefined ? pageRules(index.fieldCounts, settings, page.section, page.path, { memo: index.sectionRules, version: index.version }) : undefined;
	// Links in the frontmatter: those written as links, and bare paths in fields of type link.
	checkLinks(index, page, frontmatterPageLinks(page, field => rules?.fields.get(field)?.type === 'link'), settings, collector);
	checkFrontmatter(page, rules, settings, collector);
	if (entityPage) {
		// How the vault writes the page's name: a vault's convention, nothing to say about a plain folder of markdown.
		checkTitleSpelling(index, page, collector);
		checkDuplicateEntity(index, page, collector);
	}
	// Until the mention table is built (right after indexing, see VaultSearch.buildInSteps), none: the page is published again then.
	// `check` gives the mentions it found on its workers (`found`).
	if (settings.severity['unlinked-mention'] !== 'off' && (found !== undefined || !index.search.mentionsPending)) {
		checkMentions(index, found === undefined ? unlinkedMentions(index, page, text, settings.mentions) : reportedMentions(found, page), collector);
	}
	return collector.diagnostics;
}

/** The `unlinked-mention` diagnostics of a page from its mentions found elsewhere (a worker's `findJobMentions`): what `computeDiagnostics` adds last. */
export function computeMentionDiagnostics(index: VaultIndex, page: PageSummary, settings: VaultSettings, found: readonly Mention[]): VaultDiagnostic[] {
	const collector = new DiagnosticCollector(page, settings);
	if (settings.severity['unlinked-mention'] !== 'off') {
		checkMentions(index, reportedMentions(found, page), collector);
	}
	return collector.diagnostics;
}

function checkMentions(index: VaultIndex, mentions: readonly Mention[], out: DiagnosticCollector): void {
	for (const mention of mentions) {
		const targets = mentionTargets(index, mention);
		out.add('unlinked-mention', mention.span, unlinkedMentionMessage(mention, targets), { written: mention.written, name: mention.name, targets });
	}
}

/** Whether the page's links read its text (`computeDiagnostics`' `text`): a link to a mapped destination takes the URL from its text. */
export function linksReadText(index: VaultIndex, page: PageSummary): boolean {
	return index.site.rules.mappedDestinations.length > 0 && page.links.some(link => link.target.kind === 'external');
}

/** On the opening fence: the hint is about the frontmatter, where the quick fix writes the title. */
function checkTitleSpelling(index: VaultIndex, page: PageSummary, out: DiagnosticCollector): void {
	const spelling = titleSpelling(index, page);
	if (spelling === undefined) {
		return;
	}
	const { derived, proposed, pages } = spelling;
	const where = `${pages} ${pages === 1 ? 'page linking here writes' : 'pages linking here write'} ${proposed}`;
	const made = spelling.fromFileName ? 'made from the file name' : 'the file name as the page\'s own text writes it';
	const fence = page.frontmatter.span.start;
	out.add('title-spelling', { start: fence, end: fence + 3 },
		`Title ${derived} is ${made}, but ${where}. Add title: ${proposed} to the frontmatter.`,
		{ title: proposed, derived });
}

/**
 * Another entity page of the folder has one of this page's names: one
 * warning per shared name, where this page writes it, related to where the
 * other pages write it. In a vault only: a plain folder of markdown has no entities.
 */
function checkDuplicateEntity(index: VaultIndex, page: PageSummary, out: DiagnosticCollector): void {
	for (const duplicate of entityDuplicates(index, page)) {
		const others = duplicate.others;
		const named = others.map(other => `${other.title} (${other.url})`);
		const what = duplicate.kind === 'title' ? 'title' : 'alias';
		// Kept: the other pages sharing the name ask for it too.
		out.add('duplicate-entity', keptNameRange(index, page, duplicate.kind),
			`The ${what} ${duplicate.name} also names ${named.join(', ')}: ${others.length === 1 ? 'if they are one entity, merge the two pages' : 'if they are one entity, merge the pages'}.`,
			{ name: duplicate.name, kind: duplicate.kind, others: others.map(({ path, url, title }) => ({ path, url, title })) },
			duplicateRelatedInformation(duplicate));
	}
}

/**
 * `text`: the page's text, which a mapped destination's link text is read
 * from (`[glob pattern](g)`); without it (or with another version) mapped
 * destinations are not checked. `targets`: where the facts of the links'
 * URLs are asked (`LinkTargetFacts` of the page's `targetUrls` for its own links).
 */
function checkLinks(index: VaultIndex, page: PageSummary, links: readonly PageLink[], settings: VaultSettings, out: DiagnosticCollector, text?: string, targets?: LinkTargetFacts): void {
	// Reference-style links share their definition's destination: report it once. No other body link (`targets`
	// given) shares its destination's span, so only they are kept and looked up; frontmatter links all are.
	const reported = new Set<number>();
	const everyLink = targets === undefined;
	targets ??= new LinkTargetFacts(index, []);
	const pageText = text?.length === page.textLength ? text : undefined;
	for (const link of links) {
		const shared = everyLink || link.referenceLabel !== undefined;
		if (shared && reported.has(link.destinationSpan.start)) {
			continue;
		}
		const target = link.target.kind === 'external' && pageText !== undefined
			? index.site.mappedTarget(link.destination, pageText.slice(link.textSpan.start, link.textSpan.end), page.path, page.url) ?? link.target
			: link.target;
		if (target.kind === 'outside') {
			if (shared) {
				reported.add(link.destinationSpan.start);
			}
			out.add('link-outside-vault', link.destinationSpan,
				`Link "${link.destination}" leaves the vault: ${target.reason}. Nothing outside the vault root is read.`,
				{ destination: link.destination, reason: target.reason });
			continue;
		}
		if (target.kind === 'asset') {
			if (shared) {
				reported.add(link.destinationSpan.start);
			}
			checkAsset(index, page, link, out);
			continue;
		}
		if (target.kind !== 'page') {
			continue;
		}
		if (shared) {
			reported.add(link.destinationSpan.start);
		}
		let facts = targets.of(target.url);
		let url = facts !== false ? target.url : index.leadsTo(target.url, link.destination, page.path);
		if (url !== undefined && url !== target.url) {
			facts = urlFactsOf(index, url);
		}
		if ((url === undefined || facts === false) && settings.site.htmlWithoutExtension && target.url !== '/') {
			const html = `${target.url.replace(/\/$/, '')}.html`;
			const htmlFacts = urlFactsOf(index, html);
			if (htmlFacts !== false) {
				// The host serves it from the .html page (Netlify's Pretty URLs): it works, hinted to write the published URL.
				url = html;
				facts = htmlFacts;
			}
		}
		if ((url === undefined || facts === false) && target.url.endsWith('.html')) {
			checkAsset(index, page, link, out); // no page published there (ugly URLs): a file, if anything
			continue;
		}
		if (url === undefined || facts === false) {
			// Served from elsewhere (a mount, another repository), or redirected off the site: nothing to check here.
			if (url === undefined ? !index.site.isExternal(target.url) : url.startsWith('/') && !index.site.isExternal(url)) {
				reportBrokenLink(index, link, target.url, target.fragment, out);
			}
			continue;
		}
		if (target.fragment !== undefined && target.fragment !== '') {
			const targetPage = pageOfFacts(facts);
			if (targetPage && !hasAnchorId(targetPage, settings.site, index, index.anchorIds, target.fragment)) {
				// The ids `hasAnchorId` just read, from the same memo: the page is not decoded again for the message.
				const anchors = anchorIdList(targetPage, settings.site, index, index.anchorIds);
				const where = targetPage.path === page.path ? 'this page' : url;
				out.add('broken-anchor', link.destinationSpan,
					`No heading #${target.fragment} in ${where}.` + (anchors.length > 0 ? ` Headings: ${anchors.slice(0, 5).map(a => `#${a}`).join(', ')}${anchors.length > 5 ? ', …' : ''}.` : ' It has no headings.'),
					{ url, fragment: target.fragment, anchors });
			}
		}
		const preferred = link.target.kind === 'page' ? preferredLinkPathTo(index, settings, page, link, url, facts) : undefined;
		if (preferred !== undefined) {
			const canonical = preferred + (target.fragment ? `#${target.fragment}` : '');
			const why = preferred.startsWith('/') ? 'the URL the page is published at' : 'relative as the vault\'s links are';
			out.add('non-canonical-link', link.destinationSpan,
				`Link "${link.destination}" is better written as "${canonical}", ${why}.`,
				{ destination: link.destination, canonical });
		}
	}
}

/** A link to a file that is not a page: some published path it may name must exist, once the transport listed the assets. */
function checkAsset(index: VaultIndex, page: PageSummary, link: PageLink, out: DiagnosticCollector): void {
	const assets = index.assets;
	const looked = assets.listed ? assetCandidates(link.destination, page.path, index.site.sharedResourcePrefix) : undefined;
	if (looked === undefined || looked.some(path => assets.has(path) || isGeneratedFile(index.site.rules, path))) {
		return;
	}
	const closest = assets.closest(looked[0]);
	out.add('broken-asset', link.destinationSpan,
		`No file at /${looked[0]}` + (closest.length > 0 ? `: did you mean ${closest.map(path => `/${path}`).join(', ')}?` : '.')
		+ (looked.length > 1 ? ` Looked for ${looked.map(path => `/${path}`).join(', ')}.` : ''),
		{ destination: link.destination, looked, closest });
}

function reportBrokenLink(index: VaultIndex, link: PageLink, url: string, fragment: string | undefined, out: DiagnosticCollector): void {
	// With ugly URLs, the page published at `/x.html` for a link to `/x/` (or `/x`) first.
	const ugly = index.site.rules.uglyUrls.length > 0 ? index.pageForUrl(`${url.replace(/\/$/, '')}.html`) : undefined;
	// Until the segments are built (right after indexing), no suggestion: the page is published again then.
	const closest = index.search.suggestionsPending ? [] : index.search.closestPages(url);
	const suggestions = ugly === undefined ? closest : [{ url: ugly.url, title: ugly.title, distance: 0 }, ...closest.filter(page => page.url !== ugly.url)].slice(0, Math.max(closest.length, 1));
	const section = sectionOfUrl(url);
	const candidatePaths = candidatePathsForUrl(url);
	// The suggestion first, so a narrow Problems panel still shows it; where it looked is in the hover.
	const message = suggestions.length > 0
		? `No page at ${url}: did you mean ${suggestions.map(s => s.url).join(', ')}?`
		: `No page at ${url}.`;
	out.add('broken-link', link.destinationSpan, message,
		{ url, destination: link.destination, fragment, suggestions, section, candidatePaths });
}

function checkFootnotes(page: PageSummary, out: DiagnosticCollector): void {
	const defined = new Map<string, number>();
	for (const definition of page.footnoteDefinitions) {
		defined.set(definition.label, (defined.get(definition.label) ?? 0) + 1);
	}
	const referenced = new Set(page.footnoteReferences.map(reference => reference.label));
	for (const reference of page.footnoteReferences) {
		if (!defined.has(reference.label)) {
			out.add('missing-footnote', reference.span,
				`Footnote [^${reference.rawLabel}] is used but never defined: add a line "[^${reference.rawLabel}]: …".`,
				{ label: reference.label, rawLabel: reference.rawLabel });
		}
	}
	const usedLabels = new Set([...defined.keys(), ...referenced]);
	const seen = new Map<string, number>();
	for (const definition of page.footnoteDefinitions) {
		const firstLine = seen.get(definition.label);
		const markerRange = out.range(definition.markerSpan);
		if (firstLine !== undefined) {
			const unusedLabel = footnoteLabelNotIn(usedLabels);
			usedLabels.add(unusedLabel);
			out.add('duplicate-footnote', definition.markerSpan,
				`Footnote [^${definition.rawLabel}] is defined again (first on line ${firstLine + 1}); only the first definition counts.`,
				{ label: definition.label, rawLabel: definition.rawLabel, definitionRange: out.range(definition.span), markerRange, firstDefinitionLine: firstLine, unusedLabel });
			continue;
		}
		seen.set(definition.label, markerRange.start.line);
		if (!referenced.has(definition.label)) {
			out.add('unused-footnote', definition.markerSpan,
				`Footnote [^${definition.rawLabel}] is defined but never used.`,
				{ label: definition.label, rawLabel: definition.rawLabel, definitionRange: out.range(definition.span) });
			continue;
		}
		const same = definition.sameTextAs >= 0 ? page.footnoteDefinitions[definition.sameTextAs] : undefined;
		if (same && defined.get(definition.label) === 1) {
			out.add('duplicate-citation', definition.markerSpan,
				`Footnote [^${definition.rawLabel}] cites the same as [^${same.rawLabel}]: use [^${same.rawLabel}] instead.`,
				{ label: definition.label, rawLabel: definition.rawLabel, sameLabel: same.label, sameRawLabel: same.rawLabel, definitionRange: out.range(definition.span) });
		}
	}
}

/** `rules`: the schema of an entity page (a page in a section of a vault), whose frontmatter must hold its required fields. */
function checkFrontmatter(page: PageSummary, rules: SectionRules | undefined, settings: VaultSettings, out: DiagnosticCollector): void {
	const frontmatter = page.frontmatter;
	for (const problem of frontmatter.problems) {
		out.add('frontmatter-syntax', problem.span, problem.message, { kind: problem.kind });
	}
	if (rules === undefined) {
		return;
	}
	if (!frontmatter.present) {
		// An empty `requiredFields` setting turns the check off; a schema that requires nothing does not (the vault's pages have frontmatter).
		if (rules.required.length > 0) {
			out.add('frontmatter-missing', { start: 0, end: 0 },
				`Page has no frontmatter; pages in ${page.section}/ need ${rules.required.join(', ')}.`,
				{ requiredFields: [...rules.required], title: page.title });
		} else if (!settings.requiredFieldsGiven) {
			out.add('frontmatter-missing', { start: 0, end: 0 }, 'Page has no frontmatter, as most pages in sections of this vault have.', { requiredFields: [], title: page.title });
		}
		return;
	}
	if (frontmatter.data === undefined) {
		return;
	}
	for (const finding of validateFrontmatterFields(frontmatter, rules, page.path)) {
		out.add('frontmatter-field', finding.span, finding.message, finding.data);
	}
}
