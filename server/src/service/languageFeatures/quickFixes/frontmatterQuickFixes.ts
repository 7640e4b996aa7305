import type { FrontmatterField } from '../../parse/frontmatter';
import { lineAt } from '../../text/lineIndex';
import { placeholderFieldLines, sectionConventions, type PlaceholderValues } from '../../vault/pageTemplate';
import type { VaultDiagnostic } from '../diagnostics';
import { isIsoDate, validateFrontmatterFields } from '../frontmatterRules';
import { VAULT_MODEL_TYPES } from '../../vault/frontmatterSchema';
import { pageRules } from '../../vault/schemaInference';
import { lineBreakNear } from './documentLines';
import { makePageEdit } from './makePage';
import { parseUnambiguousDate } from './looseDate';
import { fillDates } from './pageDates';
import { pageFix, replaceSpan, type QuickFixContext, type VaultCodeAction } from './quickFix';

/**
 * Frontmatter quick fixes:
 * - `frontmatter-missing`: insert a whole block (the new-page template, see
 *   vault/pageTemplate.ts, filled in as "Make this a page" fills it: see
 *   makePage.ts) at the top of the page;
 * - `frontmatter-field`, missing field: insert it before the closing fence
 *   with its placeholder (see vault/pageTemplate.ts: for dates what
 *   `fillDates` chooses, so that `updated` is never before `created`; the
 *   section's shared tags or `[]` for `tags`, the page title for `title`, no
 *   value otherwise), one action per field and one for all;
 * - an empty date (or title): fill it likewise (or with the page's title);
 * - a date not written `YYYY-MM-DD`: rewrite it when it is unambiguous;
 * - `updated` before `created`: set `updated` to `created`'s date or today,
 *   or `created` to `updated`'s date; each title says which date it
 *   replaces, and none is preferred, since each overwrites a real date;
 * - `title-spelling`: insert `title:` with the spelling the vault uses.
 */

function fieldNamed(context: QuickFixContext, name: string): FrontmatterField | undefined {
	return context.page.frontmatter.fields.find(field => field.key === name);
}

/**
 * The scalar token of a one-line field value (without quotes, comment or
 * surrounding blanks) and its span in the text.
 */
function valueToken(context: QuickFixContext, field: FrontmatterField): { value: string; start: number; end: number } | undefined {
	const written = context.text.slice(field.valueSpan.start, field.valueSpan.end);
	if (/[\r\n]/.test(written)) {
		return undefined;
	}
	const quoted = /^("([^"\\]*)"|'([^']*)')/.exec(written);
	if (quoted) {
		return { value: quoted[2] ?? quoted[3], start: field.valueSpan.start, end: field.valueSpan.start + quoted[1].length };
	}
	const plain = /^[^#]*?(?=\s+#|\s*$)/.exec(written);
	if (!plain || plain[0] === '') {
		return undefined;
	}
	return { value: plain[0], start: field.valueSpan.start, end: field.valueSpan.start + plain[0].length };
}

/** The page's title, today, and what the other pages of its section all share. */
function placeholderValues(context: QuickFixContext): PlaceholderValues {
	const section = context.page.section;
	const conventions = section === undefined ? undefined : sectionConventions(context.index, section, context.page.path);
	return { title: context.page.title, today: context.today, conventions, dates: fillDates(context.page.frontmatter.data, context.today) };
}

/** The frontmatter template filled in as "Make this a page" fills it (see makePage.ts). */
function frontmatterMissingFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-missing'>): VaultCodeAction[] {
	const edit = makePageEdit(context);
	return edit ? [pageFix(context, diagnostic, 'Add frontmatter', [edit], true)] : [];
}

/** Required fields missing from the current frontmatter, in the order of the section's schema. */
function missingFields(context: QuickFixContext): string[] {
	const frontmatter = context.page.frontmatter;
	const section = context.page.section;
	if (frontmatter.data === undefined || frontmatter.closingFenceStart === undefined || section === undefined || frontmatter.toml === true) {
		return [];
	}
	return validateFrontmatterFields(frontmatter, pageRules(context.index.fieldCounts, context.settings, section, context.page.path), context.page.path)
		.filter(finding => finding.data.reason === 'missing')
		.map(finding => finding.data.field);
}

function insertFieldsFix(context: QuickFixContext, diagnostic: VaultDiagnostic, title: string, fields: readonly string[], isPreferred: boolean, values = placeholderValues(context)): VaultCodeAction {
	const at = context.page.frontmatter.closingFenceStart as number;
	const eol = lineBreakNear(context, lineAt(context.page.lineStarts, at) - 1);
	const lines = fields.flatMap(field => placeholderFieldLines(field, values)).map(line => line + eol).join('');
	return pageFix(context, diagnostic, title, [replaceSpan(context, at, at, lines)], isPreferred);
}

function missingFieldFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-field'>): VaultCodeAction[] {
	const missing = missingFields(context);
	if (!missing.includes(diagnostic.data.field)) {
		return [];
	}
	const actions = [insertFieldsFix(context, diagnostic, `Add frontmatter field \`${diagnostic.data.field}\``, [diagnostic.data.field], true)];
	if (missing.length > 1) {
		actions.push(insertFieldsFix(context, diagnostic, `Add all ${missing.length} missing frontmatter fields`, missing, false));
	}
	return actions;
}

/** How a fix names the date it writes into an empty `created` or `updated`. */
function describeDate(context: QuickFixContext, name: string, date: string): string {
	if (date === context.today) {
		return `today (${date})`;
	}
	return name === 'created' ? `${date}, the page's oldest date` : `${date}, \`created\`'s date`;
}

/** `created:` with no value (or `""`, `~`, `null`): write today's date; `title:` likewise gets the page's title. */
function emptyFieldFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-field'>): VaultCodeAction[] {
	const name = diagnostic.data.field;
	const field = fieldNamed(context, name);
	const kind = VAULT_MODEL_TYPES[name];
	if (!field || (kind !== 'date' && name !== 'title')) {
		return [];
	}
	const afterKey = context.text.slice(field.keySpan.end, field.valueSpan.end);
	if (!/^[ \t]*:[ \t]*(""|''|~|null|Null|NULL)?$/.test(afterKey)) {
		return [];
	}
	const line = placeholderFieldLines(name, placeholderValues(context))[0];
	const value = line.slice(line.indexOf(':'));
	const title = kind === 'date' ? `Set \`${name}\` to ${describeDate(context, name, value.slice(1).trim())}` : `Set \`title\` to ${context.page.title}`;
	return [pageFix(context, diagnostic, title, [replaceSpan(context, field.keySpan.end, field.valueSpan.end, value)], true)];
}

function dateFormatFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-field'>): VaultCodeAction[] {
	const field = fieldNamed(context, diagnostic.data.field);
	const token = field && valueToken(context, field);
	const iso = token && parseUnambiguousDate(token.value);
	if (!token || !iso || isIsoDate(context.page.frontmatter.data?.[diagnostic.data.field])) {
		return [];
	}
	return [pageFix(context, diagnostic, `Rewrite \`${diagnostic.data.field}\` as ${iso}`, [replaceSpan(context, token.start, token.end, iso)], true)];
}

function dateOrderFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-field'>): VaultCodeAction[] {
	const data = context.page.frontmatter.data;
	const created = data?.created;
	const updated = data?.updated;
	const updatedField = fieldNamed(context, 'updated');
	const updatedToken = updatedField && valueToken(context, updatedField);
	if (!updatedToken || !isIsoDate(created) || !isIsoDate(updated) || !(updated < created)) {
		return [];
	}
	const setUpdated = (date: string, title: string): VaultCodeAction =>
		pageFix(context, diagnostic, title, [replaceSpan(context, updatedToken.start, updatedToken.end, date)]);
	const actions = [setUpdated(created, `Set \`updated\` to \`created\`'s date, ${created} (was ${updated})`)];
	if (context.today > created) {
		actions.push(setUpdated(context.today, `Set \`updated\` to today, ${context.today} (was ${updated})`));
	}
	const createdField = fieldNamed(context, 'created');
	const createdToken = createdField && valueToken(context, createdField);
	if (createdToken) {
		actions.push(pageFix(context, diagnostic, `Set \`created\` to \`updated\`'s date, ${updated} (was ${created})`, [replaceSpan(context, createdToken.start, createdToken.end, updated)]));
	}
	return actions;
}

function frontmatterFieldFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'frontmatter-field'>): VaultCodeAction[] {
	if (context.page.frontmatter.toml === true) {
		return []; // the fixes write YAML: a TOML block is left as it is
	}
	switch (diagnostic.data.reason) {
		case 'missing':
			return missingFieldFixes(context, diagnostic);
		case 'type':
			return emptyFieldFixes(context, diagnostic);
		case 'date-format':
			return dateFormatFixes(context, diagnostic);
		case 'date-order':
			return dateOrderFixes(context, diagnostic);
		default:
			return [];
	}
}

/** A page titled from its file name (`Mi6`): write the vault's spelling (`MI6`) as its `title`. */
function titleSpellingFixes(context: QuickFixContext, diagnostic: VaultDiagnostic<'title-spelling'>): VaultCodeAction[] {
	const frontmatter = context.page.frontmatter;
	// A YAML block that parsed, with no `title` yet (TOML `+++` blocks are not written to).
	if (frontmatter.data === undefined || frontmatter.closingFenceStart === undefined || fieldNamed(context, 'title') || frontmatter.toml === true) {
		return [];
	}
	const title = diagnostic.data.title.trim();
	return [insertFieldsFix(context, diagnostic, `Add title: ${title}`, ['title'], true, { ...placeholderValues(context), title })];
}

export const frontmatterQuickFixes = {
	'frontmatter-missing': frontmatterMissingFixes,
	'frontmatter-field': frontmatterFieldFixes,
	'title-spelling': titleSpellingFixes,
} as const;
