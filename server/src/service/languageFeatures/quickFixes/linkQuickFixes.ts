import { CodeActionKind, type TextEdit } from 'vscode-languageserver-types';
import type { PageLink } from '../../parse/pageSummary';
import { anchorsNear } from '../../search/anchorsNear';
import { anchorIdList } from '../../vault/pageAnchors';
import { slugifyHeading } from '../../parse/headingSlug';
import { pageTemplate, plainTitleText, sectionConventions, titleForSlug } from '../../vault/pageTemplate';
import { candidatePathsForUrl, slugOfUrl } from '../../vault/vaultPaths';
import { urlExists, type VaultDiagnostic } from '../diagnostics';
import { preferredLinkPath } from '../linkStyle';
import { pageFix, rangeOfSpan, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';
import { sameRange } from '../../text/lineIndex';

/**
 * Link quick fixes:
 * - `broken-link`: point the link at one of the closest existing pages
 *   (keeping its `?query#fragment`), or create the missing page (and
 *   rewrite the link as `/SECTION/SLUG/` when it is not written so, and
 *   give the page the heading its `#fragment` names: each would otherwise
 *   be the next problem);
 * - `broken-anchor`: change the fragment to one of the closest headings;
 * - `non-canonical-link`: rewrite the destination as the link style asks
 *   (`/SECTION/SLUG/`, or relative: see linkStyle.ts);
 * - `link-outside-vault`: remove the link and keep its text.
 */

/** The link whose destination is written at the diagnostic's range, if the text still has it. */
function linkAt(context: QuickFixContext, diagnostic: VaultDiagnostic): PageLink | undefined {
	return context.page.links.find(link => sameRange(rangeOfSpan(context, link.destinationSpan), diagnostic.range));
}

/** The destination as written, split before its `?query` or `#fragment`. */
function writtenDestination(context: QuickFixContext, link: PageLink): { path: string; suffix: string } {
	const raw = context.text.slice(link.destinationSpan.start, link.destinationSpan.end);
	const cut = raw.search(/[?#]/);
	return cut < 0 ? { path: raw, suffix: '' } : { path: raw.slice(0, cut), suffix: raw.slice(cut) };
}

/** File names an editor can create on every platform. */
// eslint-disable-next-line no-control-regex
const SAFE_PATH = /^[^\\:*?"<>|\u0000-\u001f]+$/;

/** The title of a page created for a link: its text when it names the slug (`[MI5](/organizations/mi5/)`), else the slug's words. */
function titleForNewPage(context: QuickFixContext, link: PageLink, slug: string): string {
	return titleForSlug(plainTitleText(context.text.slice(link.textSpan.start, link.textSpan.end)), slug);
}

/** The edit rewriting a link's destination as its canonical `/SECTION/SLUG/`, keeping `?query#fragment`. */
function canonicalDestination(context: QuickFixContext, link: PageLink, url: string): { destination: string; edit: TextEdit } {
	const destination = url + writtenDestination(context, link).suffix;
	return { destination, edit: replaceSpan(context, link.destinationSpan.start, link.destinationSpan.end, destination) };
}

/** A heading whose anchor is `fragment` (`early-life` → `Early life`), if the fragment reads as words. */
function headingForFragment(fragment: string | undefined): string | undefined {
	if (fragment === undefined || fragment === '') {
		return undefined;
	}
	const words = fragment.split('-').join(' ');
	const heading = words.charAt(0).toUpperCase() + words.slice(1);
	return /^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(heading) && slugifyHeading(heading) === fragment ? heading : undefined;
}

function brokenLinkFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'broken-link'>): VaultCodeAction[] {
	const link = linkAt(context, diagnostic);
	if (!link || link.target.kind !== 'page' || link.target.url !== diagnostic.data.url || urlExists(context.index, diagnostic.data.url)) {
		return [];
	}
	const { suffix } = writtenDestination(context, link);
	const actions: VaultCodeAction[] = [];
	for (const suggestion of diagnostic.data.suggestions ?? []) {
		if (typeof suggestion?.url !== 'string' || !urlExists(context.index, suggestion.url)) {
			continue;
		}
		const destination = suggestion.url + suffix;
		actions.push(pageFix(context, diagnostic, `Change link to ${destination} (${suggestion.title})`,
			[replaceSpan(context, link.destinationSpan.start, link.destinationSpan.end, destination)], actions.length === 0));
	}
	const path = candidatePathsForUrl(diagnostic.data.url)[0];
	const slug = slugOfUrl(diagnostic.data.url);
	if (diagnostic.data.section !== undefined && SAFE_PATH.test(path) && !context.index.getPage(path) && slug !== '') {
		const title = titleForNewPage(context, link, slug);
		const canonical = link.target.canonical ? undefined : canonicalDestination(context, link, link.target.url);
		const heading = headingForFragment(link.target.fragment);
		const template = pageTemplate({
			title,
			today: context.today,
			requiredFields: context.settings.requiredFields,
			conventions: sectionConventions(context.index, diagnostic.data.section),
		});
		actions.push({
			title: `Create page ${path}${heading ? ` with a heading "${heading}"` : ''}${canonical ? `, link it as ${canonical.destination}` : ''}`,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			edit: {
				createFiles: [{ path, text: heading ? `${template}## ${heading}\n` : template }],
				...(canonical ? { changes: [{ path: context.page.path, edits: [canonical.edit] }] } : {}),
			},
		});
	}
	return actions;
}

function brokenAnchorFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'broken-anchor'>): VaultCodeAction[] {
	const link = linkAt(context, diagnostic);
	if (!link || link.target.kind !== 'page' || link.target.fragment !== diagnostic.data.fragment) {
		return [];
	}
	const target = context.index.pageForUrl(link.target.url);
	const headings = target ? anchorIdList(target, context.site, context.index, context.index.anchorIds) : [];
	const closest = anchorsNear(diagnostic.data.fragment.toLowerCase(), headings)
		.sort((a, b) => a.distance - b.distance || a.anchor.localeCompare(b.anchor))
		.slice(0, 3);
	const raw = context.text.slice(link.destinationSpan.start, link.destinationSpan.end);
	const hash = raw.indexOf('#');
	if (hash < 0) {
		return [];
	}
	return closest.map((candidate, i) => pageFix(context, diagnostic, `Change anchor to #${candidate.anchor}`,
		[replaceSpan(context, link.destinationSpan.start + hash + 1, link.destinationSpan.end, candidate.anchor)], i === 0));
}

/** `broken-asset`: change the path (its `?query` and `#fragment` kept) to a close existing file, from the site root. */
function brokenAssetFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'broken-asset'>): VaultCodeAction[] {
	const link = linkAt(context, diagnostic);
	if (!link || link.target.kind !== 'asset') {
		return [];
	}
	const raw = context.text.slice(link.destinationSpan.start, link.destinationSpan.end);
	const pathEnd = raw.search(/[?#]/);
	const end = link.destinationSpan.start + (pathEnd < 0 ? raw.length : pathEnd);
	return diagnostic.data.closest.map((path, i) => pageFix(context, diagnostic, `Change link to /${path}`,
		[replaceSpan(context, link.destinationSpan.start, end, `/${path}`)], i === 0));
}

function nonCanonicalLinkFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'non-canonical-link'>): VaultCodeAction[] {
	const link = linkAt(context, diagnostic);
	if (!link || link.target.kind !== 'page') {
		return [];
	}
	// A link to an alias or a redirected URL is rewritten to the page it leads to.
	const url = context.index.hasUrl(link.target.url) ? link.target.url : context.index.leadsTo(link.target.url, link.destination, context.page.path) ?? link.target.url;
	const preferred = preferredLinkPath(context.index, context.settings, context.page, link, url);
	if (preferred === undefined) {
		return [];
	}
	const { destination, edit } = canonicalDestination(context, link, preferred);
	return [pageFix(context, diagnostic, `Rewrite link as ${destination}`, [edit], true)];
}

function linkOutsideVaultFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'link-outside-vault'>): VaultCodeAction[] {
	const link = linkAt(context, diagnostic);
	if (!link || link.kind !== 'inline' || link.isImage || link.target.kind !== 'outside') {
		return [];
	}
	const linkText = context.text.slice(link.textSpan.start, link.textSpan.end);
	return [pageFix(context, diagnostic, 'Remove link (keep text)', [replaceSpan(context, link.span.start, link.span.end, linkText)])];
}

export const linkQuickFixes = {
	'broken-link': brokenLinkFixes,
	'broken-anchor': brokenAnchorFixes,
	'broken-asset': brokenAssetFixes,
	'non-canonical-link': nonCanonicalLinkFixes,
	'link-outside-vault': linkOutsideVaultFixes,
} as const;
