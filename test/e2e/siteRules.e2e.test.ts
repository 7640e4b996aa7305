/**
 * A Hugo site's own rules and the vault configuration file, as a user sees them: the packaged
 * Entity Vault (.vsix) in code-server on a copy of test/fixtures/sites/hugo-anchors (its root
 * holds hugo.toml; the vault root, content/, is found from it), with one page added.
 *
 * - A link `/functions/lang/translate/` to `content/functions/lang/Translate.md` (Hugo lower-cases
 *   URLs), a `{#custom-id}` anchor and a definition-term anchor (`autoDefinitionTermID`) show no
 *   problem, while a planted broken link and anchor on the same page are in the Problems panel;
 *   Show Output names the root chosen from the site and the rules.
 * - `.entity-vault.json` in the editor: an unknown key typed and saved gets our server's
 *   diagnostic at the key, VS Code's JSON support validates it against our schema and completes
 *   our keys; the server keeps answering (hover) meanwhile; a valid `ignoreDestinations` saved
 *   removes the matching broken link's diagnostic from the open page without a restart.
 *
 * With UPDATE_SCREENSHOTS=1 the config file with its diagnostic goes to docs/screenshots/config-file.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderedLines } from './codeServer/editor';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { isMarkerRow, type ProblemRow } from './codeServer/problems';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';

const SITE = path.join(REPO_ROOT, 'test/fixtures/sites/hugo-anchors');
const PAGE = 'content/docs/site-rules.md';
const PAGE_TEXT = [
  '---',
  'title: Site rules',
  '---',
  '',
  'Working: [translate](/functions/lang/translate/) [custom id](/docs/settings/#resume-custom) [term](/docs/settings/#baseurl)',
  '',
  'Planted: [nowhere](/docs/nowhere/) [bad anchor](/docs/settings/#no-such-anchor)',
  '',
  'Legacy: [old](/legacy/page/)',
  '',
].join('\n');
const CONFIG = '.entity-vault.json';
const CONFIG_TEXT = '{\n  // The vault configuration of this site.\n  "linkStyle": "absolute"\n}\n';

/** The marker rows of the Problems panel whose text mentions `needle`. */
function markersWith(rows: ProblemRow[], needle: string): ProblemRow[] {
  return rows.filter(row => isMarkerRow(row) && row.ariaLabel.includes(needle));
}

describe('Entity Vault in code-server: a Hugo site\'s rules and the vault configuration file', function () {
  this.timeout(240_000);
  const suite = useVaultSession({
    name: 'site-rules',
    makeVault: () => {
      const site = copyFolderToTemp(SITE, 'entity-vault-site-rules-');
      fs.mkdirSync(path.join(site, 'content/functions/lang'), { recursive: true });
      fs.writeFileSync(path.join(site, 'content/functions/lang/Translate.md'), '---\ntitle: lang.Translate\n---\n## Usage\n');
      fs.writeFileSync(path.join(site, PAGE), PAGE_TEXT);
      fs.writeFileSync(path.join(site, CONFIG), CONFIG_TEXT);
      return site;
    },
    settings: {
      'markdown.suggest.paths.enabled': false,
      // Suggestions only when asked for (Ctrl+Space): Enter typed in the JSON file must not accept one.
      '[jsonc]': { 'editor.quickSuggestions': { other: false, comments: false, strings: false }, 'editor.suggestOnTriggerCharacters': false },
      'editor.acceptSuggestionOnCommitCharacter': false,
    },
  });

  it('applies the site\'s rules: lower-cased URLs, {#id} and definition-term anchors resolve, planted mistakes are shown; Show Output names them', async function () {
    const s = suite.session();
    const vault = suite.vault();
    await s.editor.openFile(PAGE);
    const rows = await s.problems.panelRows(all => markersWith(all, '/docs/nowhere/').length > 0 && markersWith(all, '#no-such-anchor').length > 0 && markersWith(all, '/legacy/page/').length > 0);
    const markers = rows.filter(isMarkerRow);
    assert.equal(markers.length, 3, JSON.stringify(markers.map(row => row.ariaLabel)));
    // Line 5 holds the working links: no problem there.
    assert.deepEqual(markersWith(markers, ' at line 5 '), [], 'a problem for a working link');
    assert.equal(markersWith(markers, ' at line 7 ').length, 2);
    assert.match(markersWith(markers, '#no-such-anchor')[0].ariaLabel, /No heading #no-such-anchor in \/docs\/settings\/\..*#resume-custom/);

    await s.quickInput.runCommand('Entity Vault: Show Output');
    await s.page.locator('.part.panel .action-label[aria-label^="Maximize Panel Size"]').first().click();
    const root = path.join(vault, 'content');
    const shown = await waitUntil('the Entity Vault output with the site rules', async () => {
      const text = (await renderedLines(s, '.part.panel .monaco-editor')).join('');
      return text.includes(`Site rules for ${root}`) && text.includes(`Vault of folder ${vault}:`) ? text : undefined;
    });
    await s.screenshot('site-rules-output');
    assert.ok(shown.includes(`Vault of folder ${vault}: ${root} (the content folder of the site's configuration, hugo.toml).`), shown);
    assert.ok(shown.includes(`Site rules for ${root} (hugo, from hugo.toml): URLs lower-cased; heading ids github-ascii, {#id} attributes, definition term ids`), shown);
    await s.page.locator('.part.panel .action-label[aria-label^="Restore Panel Size"]').first().click();
  });

  it('reports an unknown key in .entity-vault.json at the key, completes it from the schema, and applies a valid ignoreDestinations to the open page', async function () {
    const s = suite.session();
    await s.editor.openFile(CONFIG);
    const language = s.page.locator('.statusbar-item[id="status.editor.mode"]');
    assert.equal((await language.innerText()).trim(), 'JSON with Comments');
    // An unknown key typed after the last one, and saved.
    await s.editor.gotoLineColumn(3, 1);
    await s.press('End');
    await s.typeText(',');
    await s.press('Enter');
    await s.typeText('"ignoreDestinatons": ["/legacy/**"]');
    await s.editor.save();
    const unknown = await s.problems.panelRows(all => markersWith(all, 'ignoreDestinatons: unknown key').length > 0);
    const ours = markersWith(unknown, 'ignoreDestinatons: unknown key')[0];
    assert.match(ours.ariaLabel, /^Error: .* at line 4 and character [34]\./, ours.ariaLabel);
    // VS Code's JSON language features apply our schema: the same key is not allowed there.
    await waitUntil('the JSON schema\'s verdict on the unknown key', async () => {
      const all = await s.problems.panelRows(() => true);
      return markersWith(all, 'Property ignoreDestinatons is not allowed').length > 0 ? true : undefined;
    });
    // The pointer off the toolbar (a button's tooltip), over the editor's empty lines.
    const editorBox = await s.page.locator('.part.editor').boundingBox();
    assert.ok(editorBox);
    await s.page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height - 20);
    await s.page.locator('.workbench-hover-container').waitFor({ state: 'detached' });
    await readmeScreenshot(s, 'site-rules-config-file', 'config-file', { selectors: ['.part.editor', '.part.panel'] });

    // The schema's keys are completed inside the object.
    await s.editor.gotoLineColumn(4, 3);
    await s.press('End');
    await s.typeText(',');
    await s.press('Enter');
    const completion = await s.widgets.triggerCompletion(all => all.some(row => row.label.includes('ignoreDestinations')));
    assert.ok(completion.some(row => row.label.includes('mapDestinations')), JSON.stringify(completion.map(row => row.label)));
    await s.widgets.dismiss();

    // The server keeps answering while the file has a problem: a hover on a link of the page.
    await s.editor.openFile(PAGE);
    await s.editor.gotoLineColumn(5, 30);
    const hover = await s.widgets.showHover(text => text.includes('lang.Translate'));
    assert.ok(hover.includes('lang.Translate'), hover);
    await s.press('Escape');
    const before = await s.problems.panelRows(all => markersWith(all, '/legacy/page/').length > 0);
    assert.equal(markersWith(before, '/legacy/page/').length, 1);

    // The key spelled right and saved: the legacy link's diagnostic goes, the others stay.
    await s.editor.openFile(CONFIG);
    await s.quickInput.runCommand('File: Revert File');
    await s.editor.gotoLineColumn(4, 18);
    await s.typeText('i');
    await s.editor.save();
    const after = await s.problems.panelRows(all => markersWith(all, '/legacy/page/').length === 0 && markersWith(all, 'unknown key').length === 0 && markersWith(all, '/docs/nowhere/').length > 0);
    assert.equal(markersWith(after, '#no-such-anchor').length, 1, JSON.stringify(after.map(row => row.ariaLabel)));
    assert.equal(fs.readFileSync(path.join(suite.vault(), CONFIG), 'utf8'), CONFIG_TEXT.replace('"absolute"\n', '"absolute",\n  "ignoreDestinations": ["/legacy/**"]\n'));
  });
});
