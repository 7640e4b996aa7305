/**
 * Rename (F2) as a user does it, in code-server with the packaged extension installed, on
 * a copy of the example vault: F2 on `[Robert Maxwell](/people/robert-maxwell/)` must reach
 * Entity Vault's rename, not VS Code's built-in Markdown rename (which rewrote the link as
 * a path and renamed no file): the input shows the page's slug, the page file is renamed
 * and every link in the vault names the new URL, and `check` reports what it reported
 * before. F2 on a broken link shows our reason, and no other rename runs.
 *
 * Screenshots: test-artifacts/e2e/rename-*.png; the rename box, cropped (readmeScreenshots.ts),
 * goes to docs/screenshots/rename.png with UPDATE_SCREENSHOTS=1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { summarizePage } from '../../server/src/service/parse/pageSummary';
import { checkFolder, markdownFilesIn, type CheckReport } from '../support/checkCommand';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';

const STATUS_ITEM = '[id="entity-vault.entity-vault.entityVault.status"]';
const LINKING_PAGE = 'places/london.md';
const LINK = '[Robert Maxwell](/people/robert-maxwell/)';
const OLD_URL = '/people/robert-maxwell/';
const NEW_SLUG = 'robert-maxwell-2';
const RENAME_INPUT = '.rename-box input';

/** 1-based line and column of `needle` in a vault file, plus `delta` characters. */
function positionIn(folder: string, file: string, needle: string, delta = 0): { line: number; column: number } {
  const text = fs.readFileSync(path.join(folder, file), 'utf8');
  const offset = text.indexOf(needle);
  assert.notEqual(offset, -1, `${needle} is not in ${file}`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('Rename (F2) in code-server: Entity Vault answers, not the built-in Markdown rename', function () {
  this.timeout(120_000);
  let vault = '';
  let reportBefore: CheckReport;
  const vscode = useVaultSession({
    name: 'rename',
    makeVault: () => {
      vault = copyFolderToTemp(path.join(REPO_ROOT, 'examples/vault'), 'e2e-rename-');
      reportBefore = checkFolder(vault);
      return vault;
    },
  }).session;

  /** Presses F2 until the rename box shows (the server may still be starting); returns the input's value. */
  async function pressF2(): Promise<string> {
    const s = vscode();
    const input = s.page.locator(RENAME_INPUT).first();
    return waitUntil('the rename box', async () => {
      if (!(await input.isVisible())) {
        await s.press('F2');
        await input.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
      }
      return (await input.isVisible()) ? input.inputValue() : undefined;
    });
  }

  /** Types the new name into the rename box (replacing the slug shown) and presses Enter. */
  async function typeNewName(name: string): Promise<void> {
    const input = vscode().page.locator(RENAME_INPUT).first();
    // The box may be filled again with the slug while the first keys arrive (a loaded machine): type until it holds the name.
    await waitUntil(`the rename box to hold "${name}"`, async () => {
      await input.focus();
      await input.press('Control+A');
      await input.pressSequentially(name);
      return (await input.inputValue()) === name ? true : undefined;
    });
    await input.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  it('refuses a new name with a space, saying why, and no other rename runs instead', async function () {
    const s = vscode();
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await s.editor.openFile(LINKING_PAGE);
    await waitUntil('the status bar to show the page count', async () => (/^\d+ pages$/.test((await s.page.locator(STATUS_ITEM).innerText()).trim()) ? true : undefined));
    const at = positionIn(vault, LINKING_PAGE, LINK, 3);
    await s.editor.gotoLineColumn(at.line, at.column);
    assert.equal(await pressF2(), 'robert-maxwell');
    await typeNewName('Robert Maxwell 2');
    const toast = await s.waitForNotification((text) => text.includes('has a space'));
    assert.match(toast, /Entity Vault: The slug "Robert Maxwell 2" has a space/);
    // Had VS Code handed the name to its built-in Markdown rename, the link would now be rewritten.
    await s.quickInput.runCommand('Notifications: Clear All Notifications');
    assert.equal((await s.page.locator('.tab.dirty').count()), 0, 'no editor was changed');
    assert.ok(fs.existsSync(path.join(vault, 'people/robert-maxwell.md')));
  });

  it('opens the rename box on a link with the page\'s slug, renames the file and every link, and check reports the same', async function () {
    const s = vscode();
    await s.editor.openFile(LINKING_PAGE);
    const at = positionIn(vault, LINKING_PAGE, LINK, 3);
    await s.editor.gotoLineColumn(at.line, at.column);

    // The built-in Markdown rename would offer the link's path; ours offers the slug.
    assert.equal(await pressF2(), 'robert-maxwell');
    await readmeScreenshot(s, 'rename-box', 'rename', { selectors: ['.part.editor .title', '.rename-box'], padBottom: 10 });

    await typeNewName(NEW_SLUG);
    await waitUntil('the page file to be renamed', () => (fs.existsSync(path.join(vault, `people/${NEW_SLUG}.md`)) ? true : undefined));
    await s.editor.waitForLine((line) => line.includes(`[Robert Maxwell](/people/${NEW_SLUG}/)`), 'the renamed link');
    // The other pages were edited in the editor: save them all.
    await s.quickInput.runCommand('File: Save All');
    const after = await waitUntil('every link to be saved with the new URL', () => {
      const files = markdownFilesIn(vault);
      const stale = [...files].filter(([relative, text]) => summarizePage(relative, text).links.some((link) => link.target.kind === 'page' && link.target.url === OLD_URL));
      return stale.length === 0 ? files : undefined;
    });
    assert.ok(!after.has('people/robert-maxwell.md'));
    assert.ok(after.get(LINKING_PAGE)!.includes(`[Robert Maxwell](/people/${NEW_SLUG}/)`));
    assert.ok(after.get('organizations/mi6.md')!.includes(`press baron [Robert Maxwell](/people/${NEW_SLUG}/) worked`));

    const renamed = (report: CheckReport) => report.diagnostics.map((d) => ({ ...d, file: d.file === 'people/robert-maxwell.md' ? `people/${NEW_SLUG}.md` : d.file }));
    const reportAfter = checkFolder(vault);
    assert.deepEqual({ ...reportAfter, diagnostics: renamed(reportAfter) }, { ...reportBefore, root: reportAfter.root, diagnostics: renamed(reportBefore) });
  });

  it('shows Entity Vault\'s reason on a broken link, and no other rename runs', async function () {
    const s = vscode();
    await s.editor.openFile(LINKING_PAGE);
    await s.press('Control+End');
    await s.press('Enter');
    await s.typeText('See [Nobody](/people/nobody/).');
    await s.editor.waitForLine((line) => line === 'See [Nobody](/people/nobody/).', 'the broken link');
    const at = positionIn(vault, LINKING_PAGE, 'Among the figures');
    await s.editor.gotoLineColumn(at.line, at.column);
    await s.press('Control+End');
    await s.press('Home');
    await s.press('ArrowRight');
    await s.press('ArrowRight');
    await s.press('ArrowRight');
    await s.press('ArrowRight');
    await s.press('ArrowRight');
    await s.press('ArrowRight');
    const message = await waitUntil('our reason at the cursor', async () => {
      await s.press('F2');
      const shown = s.page.locator('.monaco-editor-overlaymessage');
      await shown.first().waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
      const text = (await shown.count()) ? await shown.first().innerText() : '';
      return text.includes('No page at') ? text : undefined;
    });
    // Ours alone: had VS Code asked its built-in Markdown rename too, its reason would be joined to ours.
    assert.equal(message.trim(), 'No page at /people/nobody/: a broken link cannot be renamed. Create the page, or fix the link, first.');
    await s.screenshot('rename-refused');
    assert.equal(await s.page.locator(RENAME_INPUT).count() && (await s.page.locator(RENAME_INPUT).first().isVisible()), false);
    await s.press('Escape');
    await s.quickInput.runCommand('File: Revert File');
  });
});
