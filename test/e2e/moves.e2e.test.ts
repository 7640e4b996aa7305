/**
 * Moves in the explorer, as a user makes them: the packaged Entity Vault (.vsix) installed
 * into code-server, a copy of the fixture vault opened, a page dragged with the mouse in the
 * Explorer onto another section folder. The extension asks "Update N links in M pages?" in
 * a modal dialog; the test answers it and checks on disk that the links to the page were
 * rewritten (and that "Don't Update" leaves them as written).
 *
 * Screenshots go to test-artifacts/e2e/moves-*.png; the prompt's, cropped, to
 * test-artifacts/e2e/readme/move-prompt.png, and with UPDATE_SCREENSHOTS=1 to
 * docs/screenshots/move-prompt.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT } from './codeServer/paths';
import { useVaultSession } from './codeServer/vaultSession';
import { triggerUntil, WAIT_TIMEOUT_MS, waitUntil } from './codeServer/waits';
import { createFixtureVault, FIXTURE_PAGE_COUNT } from '../vscode/fixtureVault';

const STATUS_ITEM = '[id="entity-vault.entity-vault.entityVault.status"]';
const DIALOG = '.monaco-dialog-box';
/** Our question (client/src/moveLinks.ts). */
const QUESTION = /Update \d+ links? in \d+ pages?\?/;
const README_SCREENSHOTS = path.join(ARTIFACTS_DIR, 'readme');
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');

/** The vault's pages (path → text) that contain `needle`. */
function pagesContaining(vault: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(vault, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md') && fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes(needle)) {
      found.push(path.relative(vault, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

describe('Entity Vault in code-server: a page dragged to another section folder in the Explorer', function () {
  this.timeout(180_000);
  let vault = '';
  const vscode = useVaultSession({
    name: 'moves',
    makeVault: () => {
      vault = createFixtureVault('entity-vault-moves-');
      fs.mkdirSync(README_SCREENSHOTS, { recursive: true });
      return vault;
    },
    settings: { 'explorer.confirmDragAndDrop': false },
  }).session;

  /** The Explorer row of a file or folder (by its path in the vault). */
  function explorerRow(relative: string) {
    return vscode().page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${path.posix.basename(relative)}"]`).first();
  }

  /** Shows a folder's children in the Explorer (a click on a collapsed folder row expands it). */
  async function expandFolder(folder: string): Promise<void> {
    const row = explorerRow(folder);
    await row.waitFor({ state: 'visible' });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
    }
    await waitUntil(`${folder} expanded`, async () => (await row.getAttribute('aria-expanded')) === 'true');
  }

  /** Drags a file's row onto a folder's row with the mouse, as a user does. */
  async function drag(file: string, folder: string): Promise<void> {
    await expandFolder(path.posix.dirname(file));
    const source = explorerRow(file);
    await source.waitFor({ state: 'visible' });
    await source.dragTo(explorerRow(folder));
  }

  /** Waits for our dialog, returns its text. */
  async function promptText(): Promise<string> {
    const dialog = vscode().page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible', timeout: WAIT_TIMEOUT_MS });
    return dialog.innerText();
  }

  /** Clicks a button of the dialog showing `question`, and waits until that dialog is gone (another may follow). */
  async function answer(question: RegExp, button: string): Promise<void> {
    await vscode().page.locator(`${DIALOG} .monaco-button`, { hasText: button }).first().click();
    await waitUntil('the dialog answered', async () => {
      const dialogs = await vscode().page.locator(DIALOG).allInnerTexts();
      return !dialogs.some(text => question.test(text));
    });
  }

  it('is indexed', async () => {
    await waitUntil('the status bar to count the pages', async () => {
      const text = await vscode().page.locator(STATUS_ITEM).innerText().catch(() => '');
      return text.includes(`${FIXTURE_PAGE_COUNT} pages`);
    }, 60_000);
  });

  it('asks "Update N links in M pages?"; Update Links rewrites every link to the page on disk', async () => {
    const linking = pagesContaining(vault, '/people/robert-maxwell/');
    assert.ok(linking.length >= 5, linking.join(', '));
    await drag('people/robert-maxwell.md', 'organizations');
    const text = await promptText();
    assert.match(text, QUESTION);
    await vscode().screenshot('moves-prompt');
    const dialog = await vscode().page.locator(DIALOG).boundingBox();
    assert.ok(dialog);
    const cropped = path.join(README_SCREENSHOTS, 'move-prompt.png');
    const margin = 24;
    await vscode().page.screenshot({ path: cropped, clip: { x: Math.max(0, dialog.x - margin), y: Math.max(0, dialog.y - margin), width: dialog.width + 2 * margin, height: dialog.height + 2 * margin } });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      fs.copyFileSync(cropped, path.join(DOCS_SCREENSHOTS, 'move-prompt.png'));
    }
    await answer(QUESTION, 'Update Links');
    // VS Code then asks on its own whether an extension may change files with a move (its "Do not ask me again" box
    // stays unticked in a fresh profile): OK.
    assert.match(await promptText(), /Extension 'Entity Vault' wants to make refactoring changes with this file move/);
    await answer(/refactoring changes/, 'OK');
    await waitUntil('the page moved on disk', async () => fs.existsSync(path.join(vault, 'organizations/robert-maxwell.md')) && !fs.existsSync(path.join(vault, 'people/robert-maxwell.md')));
    // The edit lands in the pages' editors (VS Code opens them, changed and unsaved): saved as a user would.
    await waitUntil('the edited pages open, unsaved', async () => (await vscode().page.locator('.tabs-container .tab.dirty').count()) >= linking.length);
    await vscode().screenshot('moves-edited');
    const stillOld = () => `still /people/robert-maxwell/ in: ${pagesContaining(vault, '/people/robert-maxwell/').join(', ')}`;
    // Save All again when the first one was swallowed (the palette opened while the editors were still being changed).
    await triggerUntil('the links rewritten on disk', () => vscode().quickInput.runCommand('File: Save All Files'), async () => {
      const rewritten = pagesContaining(vault, '/organizations/robert-maxwell/');
      return pagesContaining(vault, '/people/robert-maxwell/').length === 0 && rewritten.length === linking.length ? rewritten : undefined;
    }, async () => undefined, stillOld);
    // Pages linking to the moved page show their own problems only: kim-philby.md's planted broken link and missing
    // footnote, and no broken link to the moved page (there would be one more error on each).
    await vscode().editor.openFile('places/london.md');
    await vscode().editor.openFile('people/kim-philby.md');
    await vscode().problems.waitForCounts(counts => counts.errors === 2 && counts.warnings === 0);
    await vscode().screenshot('moves-done');
  });

  it("Don't Update moves the page and leaves the links as written", async () => {
    const linking = pagesContaining(vault, '/people/nicholas-davies/');
    assert.ok(linking.length > 0);
    await drag('people/nicholas-davies.md', 'places');
    assert.match(await promptText(), QUESTION);
    await answer(QUESTION, "Don't Update");
    await waitUntil('the page moved on disk', async () => fs.existsSync(path.join(vault, 'places/nicholas-davies.md')));
    assert.deepEqual(pagesContaining(vault, '/people/nicholas-davies/'), linking);
  });
});
