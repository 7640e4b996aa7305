/**
 * Seeing what links where, as a user sees it: the packaged Entity Vault (.vsix) in
 * code-server on a copy of the example vault. Above organizations/mi6.md the "N backlinks"
 * code lens says how many other pages link to it (counted here from the files, apart from
 * the server); clicking it opens the references peek on those links. F2 on a heading renames
 * it, and the `#anchor` link to it in another page follows.
 *
 * Screenshots go to test-artifacts/e2e/links-where-*.png; with UPDATE_SCREENSHOTS=1 the
 * cropped one of the lens and the peek is also written to docs/screenshots/code-lens.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { copyFolderToTemp } from './codeServer/launch';
import * as path from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT } from './codeServer/paths';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';

const EXAMPLE_VAULT = path.join(REPO_ROOT, 'examples/vault');
const PAGE = 'organizations/mi6.md';
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');
/** The count in the peek's title: `Locations (22)` (editor.action.showReferences), or `22 references`. */
const PEEK_COUNT = /Locations \((\d+)\)|(\d+) references?/;

/** The other pages of the example vault that link to /organizations/mi6/, counted from the files. */
function pagesLinkingToMi6(): number {
  const pages: string[] = [];
  for (const section of fs.readdirSync(EXAMPLE_VAULT)) {
    for (const name of fs.readdirSync(path.join(EXAMPLE_VAULT, section))) {
      pages.push(`${section}/${name}`);
    }
  }
  return pages.filter((page) => page !== PAGE && /\]\((?:\/organizations\/mi6\/?|\.\.\/organizations\/mi6\.md)[#)]/.test(fs.readFileSync(path.join(EXAMPLE_VAULT, page), 'utf8'))).length;
}

describe('Entity Vault in code-server: what links where', function () {
  this.timeout(120_000);
  let vault = '';
  const vscode = useVaultSession({
    name: 'links-where',
    makeVault: () => {
      vault = copyFolderToTemp(EXAMPLE_VAULT, 'entity-vault-links-where-');
      return vault;
    },
    settings: { 'markdown.suggest.paths.enabled': false },
  }).session;

  it('shows "N backlinks" above the page, and clicking it opens the references peek on the links', async function () {
    const s = vscode();
    const expected = pagesLinkingToMi6();
    assert.ok(expected > 10, `only ${expected} pages link to mi6`);
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.editor.openFile(PAGE);
    const lens = s.page.locator('.monaco-editor .codelens-decoration a', { hasText: /\d+ backlinks?/ }).first();
    const title = await waitUntil('the backlinks code lens', async () => ((await lens.count()) > 0 ? (await lens.innerText()).trim() : undefined));
    assert.equal(title, `${expected} backlinks`);
    await s.screenshot('links-where-lens');

    await lens.click();
    const peek = s.page.locator('.monaco-editor .peekview-widget').first();
    const peekTitle = await waitUntil('the references peek', async () => {
      if ((await peek.count()) === 0 || !(await peek.isVisible())) {
        return undefined;
      }
      const text = (await peek.locator('.peekview-title').innerText()).replace(/\s+/g, ' ').trim();
      return PEEK_COUNT.test(text) ? text : undefined;
    });
    // At least one link from each linking page (a page may link more than once).
    const match = PEEK_COUNT.exec(peekTitle);
    const references = Number(match?.[1] ?? match?.[2]);
    assert.ok(references >= expected, peekTitle);
    const files = peek.locator('.ref-tree .monaco-list-row');
    await waitUntil('the files of the linking pages in the peek', async () => ((await files.count()) > 0 ? true : undefined));
    await s.screenshot('links-where-peek');

    const readme = path.join(ARTIFACTS_DIR, 'readme');
    fs.mkdirSync(readme, { recursive: true });
    // The lens and the peek under it: from the top of the editor to the bottom of the peek.
    const editorBox = await s.page.locator('.part.editor').boundingBox();
    const peekBox = await peek.boundingBox();
    assert.ok(editorBox && peekBox, 'the editor or the peek is not on screen');
    const file = path.join(readme, 'code-lens.png');
    await s.page.screenshot({ path: file, clip: { x: editorBox.x, y: editorBox.y, width: editorBox.width, height: peekBox.y + peekBox.height - editorBox.y } });
    const bytes = fs.statSync(file).size;
    assert.ok(bytes < 150_000, `${file} is ${bytes} bytes`);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, 'code-lens.png'));
    }
    await s.press('Escape');
  });

  it('renames a heading with F2: its #anchor link in another page follows', async function () {
    const s = vscode();
    await s.editor.openFile(PAGE);
    const line = fs.readFileSync(path.join(vault, PAGE), 'utf8').split('\n').findIndex((text) => text === '### Operation Boot: The Iran Coup') + 1;
    assert.ok(line > 0, 'the heading is not in the page');
    await s.editor.gotoLineColumn(line, 8);
    const input = s.page.locator('.rename-box input').first();
    // F2 again while the server is not ready (the rename box does not open then).
    await waitUntil('the rename box', async () => {
      if (!(await input.isVisible())) {
        await s.press('F2');
        await s.page.waitForTimeout(1000);
      }
      return (await input.isVisible()) ? true : undefined;
    });
    assert.equal(await input.inputValue(), 'Operation Boot: The Iran Coup');
    await input.fill('Operation Ajax');
    await s.press('Enter');
    await s.editor.waitForLine((text) => text === '### Operation Ajax', 'the renamed heading');
    await s.quickInput.runCommand('File: Save All Files');
    const savak = path.join(vault, 'organizations/savak.md');
    const saved = await waitUntil('savak.md saved with the new anchor', async () => {
      const text = fs.readFileSync(savak, 'utf8');
      return text.includes('(/organizations/mi6/#operation-ajax)') ? text : undefined;
    });
    assert.ok(!saved.includes('#operation-boot-the-iran-coup'), 'the old anchor is left');
    assert.match(fs.readFileSync(path.join(vault, PAGE), 'utf8'), /^### Operation Ajax$/m);
    await s.screenshot('links-where-heading-renamed');
  });
});
