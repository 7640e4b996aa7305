/**
 * Pages from text, as a user does it in code-server with the packaged extension (.vsix) on a
 * copy of examples/vault: select a name in a page, pick "Create a page for 'NAME' in /people/
 * and link it" in the light bulb (Ctrl+.) menu, and the new page exists and the name is a link;
 * then Entity Vault: Wanted Pages lists the missing targets of the vault's links in a quick pick,
 * and the one picked is created and opened.
 *
 * Screenshots of each step go to test-artifacts/e2e/pages-from-text-*.png, the README's crops
 * (readmeScreenshots.ts) to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { triggerUntil, waitUntil } from './codeServer/waits';

const NAME = 'Sami Kallio';
const CREATE_TITLE = `Create a page for '${NAME}' in /people/ and link it`;
const WANTED_URL = '/people/gordon-welchman/';

/** A page of the copy with a plain name to select, and two pages linking a page that does not exist. */
const PROBE_PAGES: Record<string, string> = {
  'people/probe.md': `---\ncategory: Person\ncreated: 2026-05-14\nsummary: A probe.\ntags:\n- Person\ntitle: Probe\nupdated: 2026-05-20\n---\n\nThe probe met ${NAME} in London and read [Gordon Welchman](${WANTED_URL}).\n`,
  'people/probe-two.md': `---\ncategory: Person\ncreated: 2026-05-14\nsummary: Another probe.\ntags:\n- Person\ntitle: Probe Two\nupdated: 2026-05-20\n---\n\nIt cites [Welchman](${WANTED_URL}) and [Gordon Welchman](${WANTED_URL}).\n`,
};

describe('Entity Vault in code-server: pages from text (.vsix installed)', function () {
  this.timeout(120_000);
  let vault = '';
  const vscode = useVaultSession({
    name: 'pages-from-text',
    makeVault: () => {
      vault = copyFolderToTemp(path.join(REPO_ROOT, 'examples/vault'), 'entity-vault-pages-from-text-');
      for (const [page, text] of Object.entries(PROBE_PAGES)) {
        fs.writeFileSync(path.join(vault, page), text);
      }
      return vault;
    },
    settings: { 'markdown.suggest.paths.enabled': false },
  }).session;

  it('creates a page for a selected name from the light bulb menu, and links the name', async function () {
    const s = vscode();
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.editor.openFile('people/probe.md');
    // The page's broken link in the Problems panel: the server has indexed the page and answers about it.
    await s.problems.waitForCounts((counts) => counts.errors === 1);
    await s.editor.openFile('people/probe.md');
    const lines = PROBE_PAGES['people/probe.md'].split('\n');
    const line = lines.findIndex((text) => text.includes(NAME));
    await s.editor.gotoLineColumn(line + 1, lines[line].indexOf(NAME) + 1);
    for (let i = 0; i < NAME.length; i++) {
      await s.press('Shift+ArrowRight');
    }
    await s.page.locator('.statusbar-item', { hasText: `(${NAME.length} selected)` }).first().waitFor({ state: 'visible' });
    // Open the menu once for the screenshot (again when it came before the server's answer), then let the harness pick the action.
    const create = s.page.locator('.action-widget .monaco-list-row.action', { hasText: CREATE_TITLE }).first();
    await triggerUntil('the Create a page action in the Ctrl+. menu', () => s.press('Control+.'), async () => ((await create.isVisible()) ? true : undefined), async () => {
      await s.press('Escape');
      await s.page.locator('.action-widget').waitFor({ state: 'hidden' });
    }, () => '');
    await readmeScreenshot(s, 'pages-from-text-create-page', 'create-page-from-selection', { selectors: ['.part.editor .title', '.action-widget'], padBottom: 20 });
    await s.press('Escape');
    await s.page.locator('.action-widget').waitFor({ state: 'hidden' });
    const offered = await s.widgets.quickFix(CREATE_TITLE);
    assert.ok(offered.some((label) => label.includes(`Create a page for '${NAME}' in /places/`)), JSON.stringify(offered));
    await s.editor.waitForLine((text) => text.includes(`[${NAME}](/people/sami-kallio/)`), 'the linked name');
    const created = path.join(vault, 'people', 'sami-kallio.md');
    await waitUntil('the new page on disk', async () => (fs.existsSync(created) ? true : undefined));
  });

  it('lists the wanted pages in a quick pick, and creates the one picked', async function () {
    const s = vscode();
    await s.quickInput.runCommand('Entity Vault: Wanted Pages');
    const row = s.page.locator('.quick-input-list .monaco-list-row', { hasText: WANTED_URL }).first();
    await row.waitFor({ state: 'visible' });
    const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
    assert.match(label, /Gordon Welchman/);
    assert.match(await row.innerText(), /linked from 2 pages/);
    await readmeScreenshot(s, 'pages-from-text-wanted-pages', 'wanted-pages', { selectors: ['.quick-input-widget'] });
    await s.quickInput.pickFocusedRow(WANTED_URL);
    await s.editor.waitForActiveTab('gordon-welchman.md');
    const page = path.join(vault, 'people', 'gordon-welchman.md');
    await waitUntil('the wanted page saved on disk', async () => (fs.existsSync(page) && fs.readFileSync(page, 'utf8').includes('title: Gordon Welchman') ? true : undefined));
  });
});
