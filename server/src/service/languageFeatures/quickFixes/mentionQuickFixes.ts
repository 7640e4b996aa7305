import { CodeActionKind, type TextEdit } from 'vscode-languageserver-types';
import type { Mention } from '../../mentions/findMentions';
import { escapeLinkText } from '../completion';
import { plural } from '../entityCard';
import type { VaultDiagnostic } from '../diagnostics';
import { unlinkedMentions } from '../unlinkedMentions';
import { rangeOfSpan, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';
import { sameRange } from '../../text/lineIndex';

/** The kind of the source action linking every unlinked mention of a page. */
export const LINK_MENTIONS_KIND = `${CodeActionKind.Source}.linkMentions` as const;

/**
 * Quick fixes of `unlinked-mention`:
 * - "Link 'MI6' to /organizations/mi6/": the mention becomes a link to the
 *   page's canonical URL, its text kept as written; one fix per page when
 *   pages share the name;
 * - "Link every mention of MI6 on this page";
 * - "Link the first mention of each entity on this page" (the house style
 *   of most encyclopaedias);
 * and the source action `source.linkMentions` linking every mention. The
 * bulk ones never link a name that pages share: it is left for its own fix,
 * and the title says how many such mentions are left.
 */

function linkEdit(context: QuickFixContext, mention: Mention, url: string): TextEdit {
	return replaceSpan(context, mention.span.start, mention.span.end, `[${escapeLinkText(mention.written)}](${url})`);
}

function action(context: QuickFixContext, title: string, diagnostics: VaultDiagnostic[], edits: TextEdit[], kind: VaultCodeAction['kind'] = CodeActionKind.QuickFix, isPreferred?: boolean): VaultCodeAction {
	return { title, kind, diagnostics, ...(isPreferred ? { isPreferred: true } : {}), edit: { changes: [{ path: context.page.path, edits }] } };
}

/** What a bulk action leaves: the mentions of names that pages share. */
function leftNote(shared: number): string {
	return shared === 0 ? '' : ` (${plural(shared, 'mention', 'mentions')} of a shared name left to pick)`;
}

function unlinkedMentionFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'unlinked-mention'>): VaultCodeAction[] {
	const mentions = unlinkedMentions(context.index, context.page, context.text, context.settings.mentions);
	const mention = mentions.find(candidate => sameRange(rangeOfSpan(context, candidate.span), diagnostic.range));
	if (mention === undefined) {
		return []; // the diagnostic is of another version of the text
	}
	const urls = mention.entities.map(entity => entity.url).sort();
	const actions = urls.map(url => action(context, `Link '${mention.written.replace(/\s+/g, ' ')}' to ${url}`, [diagnostic], [linkEdit(context, mention, url)], CodeActionKind.QuickFix, urls.length === 1));
	if (urls.length !== 1) {
		return actions;
	}
	const url = urls[0];
	const same = mentions.filter(other => other.entities.length === 1 && other.entities[0].url === url);
	if (same.length > 1) {
		actions.push(action(context, `Link every mention of ${mention.name} on this page (${same.length})`, [diagnostic], same.map(other => linkEdit(context, other, url))));
	}
	const firsts = firstMentions(mentions);
	if (firsts.length > 1) {
		actions.push(action(context, `Link the first mention of each entity on this page (${firsts.length})${leftNote(sharedCount(mentions))}`, [diagnostic],
			firsts.map(first => linkEdit(context, first, first.entities[0].url))));
	}
	return actions;
}

function sharedCount(mentions: readonly Mention[]): number {
	return mentions.filter(mention => mention.entities.length > 1).length;
}

/** The first mention of each page named alone (not by a shared name), in text order. */
function firstMentions(mentions: readonly Mention[]): Mention[] {
	const seen = new Set<string>();
	return mentions.filter(mention => {
		if (mention.entities.length !== 1 || seen.has(mention.entities[0].url)) {
			return false;
		}
		seen.add(mention.entities[0].url);
		return true;
	});
}

/** The source action: every unlinked mention of a page named alone becomes a link; none when there is nothing to link. */
export function linkMentionsSourceAction(context: QuickFixContext): VaultCodeAction[] {
	if (context.settings.severity['unlinked-mention'] === 'off') {
		return [];
	}
	const mentions = unlinkedMentions(context.index, context.page, context.text, context.settings.mentions);
	const single = mentions.filter(mention => mention.entities.length === 1);
	if (single.length === 0) {
		return [];
	}
	return [action(context, `Link every unlinked mention on this page (${single.length})${leftNote(mentions.length - single.length)}`, [],
		single.map(mention => linkEdit(context, mention, mention.entities[0].url)), LINK_MENTIONS_KIND)];
}

export const mentionQuickFixes = {
	'unlinked-mention': unlinkedMentionFixes,
} as const;
