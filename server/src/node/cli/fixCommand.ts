import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { VaultDiagnostic, VaultEdit } from '../../service/vaultService';
import type { PageSummary } from '../../service/parse/pageSummary';
import { withIndexedVault, type CheckOptions } from './checkCommand';
import type { VaultWorkspace } from '../vaultWorkspace';
import { absolutePath } from '../absolutePath';

/**
 * `check --fix`: the fixes that need no choice, made with the edits the
 * server's quick fixes and commands make (through the service facade) and
 * written to the files by the command line:
 * - every `non-canonical-link` rewritten as its quick fix does (the link's
 *   canonical spelling, its `?query#fragment` kept);
 * - the footnotes of a page whose labels are all numbers renumbered in
 *   order of first use (the *Renumber footnotes* source action), when they
 *   are not in that order already.
 * Nothing else changes: the rest of each file is kept byte for byte (its
 * byte order mark and line breaks included), a file that is not plain
 * UTF-8 is left alone, and a second run finds nothing to do.
 */

export interface FileFixes {
	/** The file, relative to the vault root. */
	readonly file: string;
	readonly linksRewritten: number;
	readonly footnotesRenumbered: boolean;
}

export interface FixReport {
	readonly root: string;
	readonly files: readonly FileFixes[];
}

const BOM = '\uFEFF';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
	return TextDocument.applyEdits(TextDocument.create('file:///page.md', 'markdown', 1, text), [...edits]);
}

/** The text edits of one page in an edit (a quick fix's or a source action's), when it changes nothing else. */
function pageEdits(edit: VaultEdit | undefined, page: string): TextEdit[] | undefined {
	if (edit === undefined || edit.createFiles?.length || edit.renameFiles?.length || edit.changes === undefined) {
		return undefined;
	}
	if (edit.changes.some(change => change.path !== page) || edit.changes.some(change => change.edits.some(one => !('newText' in one)))) {
		return undefined;
	}
	return edit.changes.flatMap(change => change.edits as TextEdit[]);
}

/** The edits of the preferred quick fix of each `non-canonical-link` of the page. */
function canonicalLinkEdits(vault: VaultWorkspace, page: string, text: string, today: string): TextEdit[] {
	const nonCanonical = vault.service.diagnostics(page, text).filter((diagnostic: VaultDiagnostic) => diagnostic.code === 'non-canonical-link');
	const edits: TextEdit[] = [];
	for (const diagnostic of nonCanonical) {
		const actions = vault.service.codeActions(page, text, diagnostic.range, [diagnostic], today, false, ['quickfix']);
		const fix = pageEdits(actions.find(action => action.isPreferred)?.edit, page);
		if (fix !== undefined) {
			edits.push(...fix);
		}
	}
	return edits;
}

/** Footnote labels all numbers, not numbered `1..n` in order of first use. */
function footnotesOutOfOrder(summary: PageSummary): boolean {
	const labels = [...summary.footnoteReferences.map(reference => reference.label), ...summary.footnoteDefinitions.map(definition => definition.label)];
	if (labels.length === 0 || !labels.every(label => /^\d+$/.test(label))) {
		return false;
	}
	const order = new Map<string, number>();
	for (const label of labels) {
		if (!order.has(label)) {
			order.set(label, order.size + 1);
		}
	}
	return [...order].some(([label, position]) => Number(label) !== position);
}

/** The fixes of one page, written to its file; undefined when nothing changed. */
function fixPage(vault: VaultWorkspace, page: string, today: string): FileFixes | undefined {
	const file = absolutePath(vault.root, page);
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch {
		return undefined;
	}
	const decoded = bytes.toString('utf8');
	if (!Buffer.from(decoded, 'utf8').equals(bytes)) {
		return undefined;
	}
	const bom = decoded.startsWith(BOM) ? BOM : '';
	const original = decoded.slice(bom.length);
	vault.service.updatePage(page, original);
	const linkEdits = canonicalLinkEdits(vault, page, original, today);
	let text = linkEdits.length > 0 ? applyEdits(original, linkEdits) : original;
	if (text !== original) {
		vault.service.updatePage(page, text);
	}
	let renumbered = false;
	const summary = vault.service.getPage(page);
	if (summary !== undefined && footnotesOutOfOrder(summary)) {
		const renumber = pageEdits(vault.service.renumberFootnotes(page, text)?.edit, page);
		if (renumber !== undefined && renumber.length > 0) {
			text = applyEdits(text, renumber);
			vault.service.updatePage(page, text);
			renumbered = true;
		}
	}
	if (text === original) {
		return undefined;
	}
	fs.writeFileSync(file, bom + text);
	return { file: page, linksRewritten: linkEdits.length, footnotesRenumbered: renumbered };
}

/** Indexes the vault at `folder`, applies the fixes that need no choice to its files, and says what changed. */
export async function fixVault(folder: string, options: CheckOptions): Promise<FixReport> {
	const today = new Date().toISOString().slice(0, 10);
	const { vault, result } = await withIndexedVault(folder, options, vault => {
		const fixed: FileFixes[] = [];
		for (const page of vault.allPaths()) {
			const fixes = fixPage(vault, page, today);
			if (fixes !== undefined) {
				fixed.push(fixes);
			}
		}
		return fixed;
	});
	return { root: vault.root, files: result };
}

/** `fixed N problems in M files`, then each file with what changed in it. */
export function formatFixes(report: FixReport): string {
	const problems = report.files.reduce((sum, file) => sum + file.linksRewritten + (file.footnotesRenumbered ? 1 : 0), 0);
	const lines = [`Fixed ${problems} ${problems === 1 ? 'problem' : 'problems'} in ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'}${report.files.length > 0 ? ':' : '.'}`];
	for (const file of report.files) {
		const what = [];
		if (file.linksRewritten > 0) {
			what.push(`${file.linksRewritten} ${file.linksRewritten === 1 ? 'link' : 'links'} rewritten as published`);
		}
		if (file.footnotesRenumbered) {
			what.push('footnotes renumbered');
		}
		lines.push(`  ${file.file}: ${what.join(', ')}`);
	}
	return lines.join('\n') + '\n';
}
