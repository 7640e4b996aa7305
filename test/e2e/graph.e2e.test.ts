/**
 * The graph panel (Entity Vault: Show Graph), as a user meets it in code-server with the
 * packaged extension (.vsix) on a copy of examples/vault: the editor title's button on a
 * vault page opens the panel beside the editor, the panel draws the page's neighbourhood
 * (its node count and labels, read from the webview's list of the nodes drawn), and a click
 * on a node of the Cytoscape.js canvas opens that page, which the graph then follows.
 *
 * The webview is an iframe inside an iframe: reached with playwright's frameLocator.
 * Screenshots go to test-artifacts/e2e/graph-*.png; with UPDATE_SCREENSHOTS=1 the panel is
 * also written to docs/screenshots/graph.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';

/** The neighbourhood of places/iran.md at one hop (as `entity-vault graph` prints it): the page, then the most linked first. */
const IRAN_NEIGHBOURHOOD = [
  'Iran', 'MI6', 'World War II', 'Central Intelligence Agency', 'Israel', 'Mossad', 'SAVAK',
  'David Kimche', 'Mohammad Reza Pahlavi', 'Ari Ben-Menashe', 'Nicholas Davies',
];

describe('Entity Vault in code-server: the graph panel (.vsix installed)', function () {
  this.timeout(120_000);
  const vscode = useVaultSession({
    name: 'graph',
    makeVault: () => copyFolderToTemp(path.join(REPO_ROOT, 'examples/vault'), 'e2e-graph-'),
    // No notice about the built-in path suggestions over the panel.
    settings: { 'markdown.suggest.paths.enabled': false, 'workbench.sideBar.location': 'left' },
  }).session;

  /** The graph panel's page: the webview's active frame inside its iframe. */
  const graphView = () => vscode().page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  /** The labels of the nodes drawn, in the webview's list of them. */
  const labels = async (): Promise<string[]> => graphView().locator('#nodes a').allInnerTexts();

  it('opens from the editor title of a vault page and draws its neighbourhood: the page, the pages it links and those linking it', async () => {
    const s = vscode();
    await s.editor.openFile('places/iran.md');
    // Room for the panel: the side bar closed.
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    const button = s.page.locator('.editor-actions [aria-label^="Show Graph"]').first();
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    await button.click();
    const drawn = await waitUntil('the neighbourhood of Iran in the graph panel', async () => {
      const now = await labels();
      return now.length === IRAN_NEIGHBOURHOOD.length && await graphView().locator('body[data-laid-out="true"]').count() === 1 ? now : undefined;
    });
    assert.deepEqual(drawn, IRAN_NEIGHBOURHOOD);
    assert.match(await graphView().locator('#status').innerText(), /^Iran: 11 pages, \d+ links$/);
    assert.deepEqual(await graphView().locator('#legend label').allInnerTexts(), ['events', 'organizations', 'people', 'places', 'programs']);
    await readmeScreenshot(s, 'graph-iran', 'graph', { selectors: ['iframe.webview.ready'] });
  });

  it('walks two hops when asked', async () => {
    await graphView().locator('#depth').selectOption('2');
    await waitUntil('two hops around Iran', async () => ((await labels()).length === 22 ? true : undefined));
    await graphView().locator('#depth').selectOption('1');
    await waitUntil('one hop around Iran again', async () => ((await labels()).length === IRAN_NEIGHBOURHOOD.length ? true : undefined));
  });

  it('opens the page of a node clicked on the canvas, and follows it', async () => {
    const s = vscode();
    const mi6 = graphView().locator('#nodes a', { hasText: /^MI6$/ });
    const x = Number(await mi6.getAttribute('data-x'));
    const y = Number(await mi6.getAttribute('data-y'));
    assert.ok(Number.isFinite(x) && Number.isFinite(y), 'the MI6 node has no drawn position');
    await graphView().locator('#graph').click({ position: { x, y } });
    await s.editor.waitForActiveTab('mi6.md');
    const first = await waitUntil('the graph around MI6', async () => {
      const now = await labels();
      return now[0] === 'MI6' ? now : undefined;
    });
    assert.ok(first.includes('Iran'), 'Iran is a neighbour of MI6');
    await s.screenshot('graph-mi6');
  });
});
