import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findVaultRoot, listVaultPages } from '../../server/src/node/vaultFiles';
import { createVaultService, type VaultCodeAction, type VaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';
import { fixturesRoot, repoRoot } from '../support/paths';

/**
 * Every quick fix of every diagnostic, applied to the fixture vaults: none
 * may make a new problem, and each must remove the problem it fixes.
 *
 * A problem is identified by page, code and message (not by position: an
 * edit shifts the lines below it; for the same reason a line number in a
 * message, "first on line 10", is read as "line #"). For each (page, diagnostic, action):
 * the action's edit is applied to a copy of the vault's texts (every page it
 * edits, every file it creates), the diagnostics of *every* page of the
 * vault are computed again (a superset of the touched pages and the pages
 * linking to a created one), and compared with those before, as multisets:
 * - no problem may appear more often after than before, the fixed one
 *   counting once less than before (so it must be gone, unless the page had
 *   the very same problem twice);
 * - one restatement is not new: field "x" is missing. becoming field "x"
 *   is empty." on the same page (a field inserted with no value, waiting for
 *   the author's text), and likewise for the fields a fixed "Page has no
 *   frontmatter; pages in s/ need x, y." names;
 * - a page the action creates had no problems before; its own problems may
 *   only be empty fields of the template (the summary the author must write).
 */

const TODAY = '2026-12-06';

const VAULT_FOLDERS = [
	...fs.readdirSync(path.join(fixturesRoot, 'vaults')).map(name => path.join(fixturesRoot, 'vaults', name)),
	path.join(repoRoot, 'examples', 'vault'),
];

function problemKey(page: string, diagnostic: Diagnostic): string {
	return `${page}\t${String(diagnostic.code)}\t${String(diagnostic.message).replace(/\bline \d+/g, 'line #')}`;
}

function readable(key: string): string {
	return key.split('\t').join(' | ');
}

/** Every page's problems, with the texts `unlinked-mention` reads. */
function allProblems(service: VaultService, texts: ReadonlyMap<string, string>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const [page, text] of texts) {
		for (const diagnostic of service.diagnostics(page, text)) {
			const key = problemKey(page, diagnostic);
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	}
	return counts;
}

const EMPTY_FIELD = /^([^\t]*)\tfrontmatter-field\t(Frontmatter field "([^"]+)") is empty\.$/;

/** The fields a "no frontmatter" problem says the page needs, when `fixed` is one on `page`. */
function fieldsNeeded(fixed: string, page: string): string[] {
	const [fixedPage, code, message] = fixed.split('\t');
	const needed = /need (.*)\.$/.exec(message);
	return fixedPage === page && code === 'frontmatter-missing' && needed ? needed[1].split(', ') : [];
}

/** The problems after the action that are new, by the rules above. */
function newProblems(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, fixed: string, created: ReadonlySet<string>): string[] {
	const left = new Map(before);
	left.set(fixed, (left.get(fixed) ?? 0) - 1);
	const found: string[] = [];
	const restated: string[] = [];
	for (const [key, count] of after) {
		const extra = count - Math.max(left.get(key) ?? 0, 0);
		if (extra <= 0) {
			continue;
		}
		const page = key.slice(0, key.indexOf('\t'));
		const empty = EMPTY_FIELD.exec(key);
		if (empty && created.has(page)) {
			continue;
		}
		for (let i = 0; i < extra; i++) {
			(empty ? restated : found).push(key);
		}
	}
	// A field now empty that was missing (the fixed diagnostic's slot included) is the same problem.
	const missing = new Map(before);
	for (const key of restated) {
		const [, page, field, name] = EMPTY_FIELD.exec(key)!;
		const was = `${page}\tfrontmatter-field\t${field} is missing.`;
		const count = missing.get(was) ?? 0;
		if (fieldsNeeded(fixed, page).includes(name)) {
			continue;
		} else if (count > 0) {
			missing.set(was, count - 1);
		} else {
			found.push(key);
		}
	}
	return found;
}

interface SweepCount {
	triples: number;
	byCode: Map<string, number>;
}

function sweepVault(folder: string, count: SweepCount, failures: string[]): void {
	const root = findVaultRoot(folder);
	const texts = new Map<string, string>();
	for (const page of listVaultPages(root).pages) {
		texts.set(page, fs.readFileSync(path.join(root, page), 'utf8'));
	}
	const service = createVaultService();
	for (const [page, text] of texts) {
		service.updatePage(page, text);
	}
	const pages = [...texts.keys()];
	const before = allProblems(service, texts);
	for (const page of pages) {
		const text = texts.get(page)!;
		for (const diagnostic of service.diagnostics(page, text)) {
			const fromClient = JSON.parse(JSON.stringify(diagnostic)) as Diagnostic;
			// The fixes of this diagnostic: not the refactorings offered on its range whatever the diagnostics.
			const actions: VaultCodeAction[] = service.codeActions(page, text, diagnostic.range, [fromClient], TODAY)
				.filter(action => action.diagnostics.some(fixed => fixed.code === diagnostic.code));
			for (const action of actions) {
				count.triples++;
				count.byCode.set(String(diagnostic.code), (count.byCode.get(String(diagnostic.code)) ?? 0) + 1);
				const copy = new Map(texts);
				const changed = applyVaultEdit(copy, action.edit);
				const created = new Set((action.edit.createFiles ?? []).map(file => file.path));
				for (const [changedPage, changedText] of changed) {
					service.updatePage(changedPage, changedText);
				}
				const after = allProblems(service, copy);
				const fresh = newProblems(before, after, problemKey(page, diagnostic), created);
				if (fresh.length > 0) {
					failures.push(`${path.relative(repoRoot, folder)}: ${page}: "${diagnostic.message}" → "${action.title}" makes ${fresh.map(readable).join('; ')}`);
				}
				for (const changedPage of changed.keys()) {
					if (created.has(changedPage)) {
						service.removePage(changedPage);
					} else {
						service.updatePage(changedPage, texts.get(changedPage)!);
					}
				}
			}
		}
	}
	assert.deepStrictEqual([...allProblems(service, texts)], [...before], 'the vault is restored after each action');
}

describe('quick fixes: every fix on the fixture vaults', () => {
	it('makes no new problem and removes the one it fixes', () => {
		const count: SweepCount = { triples: 0, byCode: new Map() };
		const failures: string[] = [];
		for (const folder of VAULT_FOLDERS) {
			sweepVault(folder, count, failures);
		}
		assert.deepStrictEqual(failures, []);
		// Enough of the sweep to mean something: every code that has quick fixes is exercised.
		assert.deepStrictEqual([...count.byCode.keys()].sort(), [
			'broken-anchor', 'broken-link', 'duplicate-footnote', 'frontmatter-field', 'frontmatter-missing',
			'link-outside-vault', 'missing-footnote', 'non-canonical-link', 'title-spelling', 'unlinked-mention', 'unused-footnote',
		]);
		console.log(`      ${count.triples} (page, diagnostic, action) triples: ${[...count.byCode].map(([code, n]) => `${code} ${n}`).join(', ')}`);
	});
});
