/**
 * Merging two pages of one entity, as a user does it: the packaged Entity Vault (.vsix) in
 * code-server, a copy of the example vault with a second page of MI6
 * (organizations/secret-intelligence-service.md, whose alias MI6 names the seed page), the
 * duplicate-entity warning in the Problems panel, the "Merge into MI6" quick fix picked from
 * the Quick Fix menu (Ctrl+.), and the result on disk: the page deleted, its text and names in
 * the seed page, every link to it rewritten.
 *
 * Screenshots go to test-artifacts/e2e/merge-*.png; with UPDATE_SCREENSHOTS=1 the Quick Fix
 * menu is also written to docs/screenshots/merge.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { isMarkerRow } from './codeServer/problems';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';
import { PHILBY_PATH, philbyPage, SIS_PATH, sisPage } from '../support/mergeVault';

const MERGED = SIS_PATH;
const INTO = 'organizations/mi6.md';
const LINKER = PHILBY_PATH;
const MERGE_TITLE = 'Merge into MI6 (/organizations/mi6/)';

const MERGED_TEXT = sisPage([
  'The Service shares signals work with [GCHQ](/organizations/gchq/).[^1]',
  '',
  '[^1]: Intelligence Services Act 1994.',
]);

const LINKER_TEXT = philbyPage([
  'Philby joined [the Service](/organizations/secret-intelligence-service/) in 1940, [SIS](../organizations/secret-intelligence-service.md) for short.',
]);

describe('Entity Vault in code-server: merging two pages of one entity', function () {
  this.timeout(120_000);
  let vault = '';
  const vscode = useVaultSession({
    name: 'merge',
    makeVault: () => {
      vault = copyFolderToTemp(path.join(REPO_ROOT, 'examples/vault'), 'e2e-merge-');
      fs.writeFileSync(path.join(vault, MERGED), MERGED_TEXT);
      fs.writeFileSync(path.join(vault, LINKER), LINKER_TEXT);
      return vault;
    },
  }).session;

  it('shows the duplicate-entity warning, merges the page from the Quick Fix menu, and the files on disk say so', async function () {
    const s = vscode();
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.editor.openFile(MERGED);
    const rows = (await s.problems.panelRows((all) => all.some((row) => isMarkerRow(row) && row.ariaLabel.includes('The alias MI6 also names MI6')))).filter(isMarkerRow);
    const warning = rows.find((row) => row.ariaLabel.includes('The alias MI6 also names MI6'));
    assert.ok(warning, JSON.stringify(rows));
    assert.ok(warning.ariaLabel.startsWith('Warning: '), warning.ariaLabel);
    // On the aliases field (line 3), as the Problems panel says.
    assert.ok(warning.ariaLabel.includes('at line 3 and character 1.'), warning.ariaLabel);

    await s.editor.gotoLineColumn(4, 3);
    await s.press('Control+.');
    const menu = s.page.locator('.action-widget .monaco-list-row.action', { hasText: MERGE_TITLE });
    await menu.first().waitFor({ state: 'visible' });
    await readmeScreenshot(s, 'merge-quick-fix', 'merge', { selectors: ['.part.editor .title', '.action-widget'], padBottom: 20 });
    await s.press('Escape');
    await s.page.locator('.action-widget').waitFor({ state: 'hidden' });
    await s.widgets.quickFix(MERGE_TITLE);

    // The edit deletes the page on disk and edits the others in their editors: save them.
    await waitUntil(`${MERGED} to be deleted`, () => (fs.existsSync(path.join(vault, MERGED)) ? undefined : true));
    await s.quickInput.runCommand('File: Save All Files');
    const into = await waitUntil(`${INTO} to be written`, () => {
      const text = fs.readFileSync(path.join(vault, INTO), 'utf8');
      return text.includes('## Merged from Secret Intelligence Service') ? text : undefined;
    });
    assert.match(into, /\naliases:\n- Secret Intelligence Service\n- SIS\n---\n/);
    assert.ok(into.includes('The Service shares signals work with [GCHQ](/organizations/gchq/).[^3]'), into.slice(-800));
    assert.ok(into.includes('[^3]: Intelligence Services Act 1994.'));
    assert.ok(into.includes('<!-- The frontmatter of organizations/secret-intelligence-service.md, merged into this page:\n---\ntitle: Secret Intelligence Service\n'));
    const linker = await waitUntil(`${LINKER} to be written`, () => {
      const text = fs.readFileSync(path.join(vault, LINKER), 'utf8');
      return text.includes('secret-intelligence-service') ? undefined : text;
    });
    assert.equal(linker, LINKER_TEXT.replace(/secret-intelligence-service/g, 'mi6'));
    await s.editor.openFile(INTO);
    await s.screenshot('merge-done');
  });
});
