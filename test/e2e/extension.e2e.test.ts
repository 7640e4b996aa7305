/**
 * What a user sees: the packaged Entity Vault (.vsix) installed into code-server, a copy
 * of the fixture vault opened (test/vscode/fixtureVault.ts), and every feature driven
 * with the keyboard: the entity card on hover, completion of page titles after
 * `](/places/`, the broken-link error in the Problems panel and its quick fix, Go to
 * Definition (F12), a footnote error and its quick fix. Every wait is a condition wait.
 *
 * Screenshots of each step go to test-artifacts/e2e/extension-*.png; cropped copies for
 * the README to docs/screenshots/*.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServerSession, isMarkerRow, REPO_ROOT, waitUntil } from './codeServer';
import { packagedExtension, PackagedExtension } from './extensionPackage';
import {
  BROKEN_LINK,
  BROKEN_LINK_FIX,
  BROKEN_LINK_FIX_TITLE,
  createFixtureVault,
  FIXTURE_PAGE_COUNT,
  FIXTURE_PAGES,
  GOOD_LINK,
  GOOD_LINK_SUMMARY_WORDS,
  GOOD_LINK_TARGET,
  GOOD_LINK_TITLE,
  MISSING_FOOTNOTE,
  MISSING_FOOTNOTE_FIX_TITLE,
  PLACE_TITLES,
  PROBLEM_PAGE,
} from '../vscode/fixtureVault';

const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');
/** Small enough for README screenshots of the editor at a readable size. */
const VIEWPORT = { width: 1100, height: 680 };
const STATUS_ITEM = '[id="entity-vault.entity-vault.entityVault.status"]';

/** 1-based line and column (as the status bar shows them) of `needle` in the fixture page, plus `delta` characters. */
function fixturePosition(needle: string, delta = 0): { line: number; column: number } {
  const text = fs.readFileSync(path.join(FIXTURE_PAGES, PROBLEM_PAGE), 'utf8');
  const offset = text.indexOf(needle);
  assert.notEqual(offset, -1, `${needle} is not in the fixture page`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('Entity Vault in code-server, as a user sees it (.vsix installed)', function () {
  this.timeout(120_000);
  let extension: PackagedExtension;
  let vault: string;
  let session: CodeServerSession | undefined;

  before(async function () {
    this.timeout(300_000);
    extension = await packagedExtension();
    vault = createFixtureVault();
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    session = await CodeServerSession.start({ workspaceFolder: vault, vsixPath: extension.vsixPath, logName: 'code-server-extension.log', viewport: VIEWPORT });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.screenshotQuietly(`extension-failed-${this.currentTest.title}`);
    }
  });

  after(async function () {
    await session?.close();
    if (vault) {
      fs.rmSync(vault, { recursive: true, force: true });
    }
  });

  function vscode(): CodeServerSession {
    assert.ok(session, 'code-server session did not start');
    return session;
  }

  /**
   * Saves test-artifacts/e2e/extension-NAME.png (the whole window) and, when `docs` is given,
   * docs/screenshots/NAME.png: the window cropped to the box around the given elements.
   */
  async function screenshot(name: string, docs?: { selectors: string[] }): Promise<void> {
    const s = vscode();
    await s.screenshot(`extension-${name}`);
    if (!docs) {
      return;
    }
    const boxes = [];
    for (const selector of docs.selectors) {
      const box = await s.page.locator(selector).first().boundingBox();
      assert.ok(box, `${selector} is not on screen for the ${name} screenshot`);
      boxes.push(box);
    }
    const x = Math.max(0, Math.min(...boxes.map((box) => box.x)));
    const y = Math.max(0, Math.min(...boxes.map((box) => box.y)));
    const right = Math.min(VIEWPORT.width, Math.max(...boxes.map((box) => box.x + box.width)));
    const bottom = Math.min(VIEWPORT.height, Math.max(...boxes.map((box) => box.y + box.height)));
    const file = path.join(DOCS_SCREENSHOTS, `${name}.png`);
    await s.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
    const bytes = fs.statSync(file).size;
    assert.ok(bytes < 200_000, `${file} is ${bytes} bytes`);
  }

  it('installs the .vsix, activates on the vault and shows the page count in the status bar', async function () {
    const s = vscode();
    const installed = fs.readdirSync(s.extensionsDir).filter((name) => !name.startsWith('.') && name !== 'extensions.json');
    assert.deepEqual(installed, [`entity-vault.entity-vault-${path.basename(extension.vsixPath).replace(/^entity-vault-|\.vsix$/g, '')}`]);
    console.log(`      .vsix: ${path.basename(extension.vsixPath)}, ${extension.bytes} bytes (${(extension.bytes / 1024).toFixed(1)} KiB)${extension.packagedNow ? ', packaged by this test' : ''}`);
    await s.openFile(PROBLEM_PAGE);
    const status = await waitUntil(`the status bar to show ${FIXTURE_PAGE_COUNT} pages`, async () => {
      const text = (await s.page.locator(STATUS_ITEM).innerText()).trim();
      return text === `${FIXTURE_PAGE_COUNT} pages` ? text : undefined;
    });
    assert.equal(status, `${FIXTURE_PAGE_COUNT} pages`);
  });

  it('shows the entity card when hovering a /people/ link', async function () {
    const s = vscode();
    await s.openFile(PROBLEM_PAGE);
    const at = fixturePosition(GOOD_LINK, 3);
    await s.gotoLineColumn(at.line, at.column);
    const text = await s.showHover((hover) => hover.includes(GOOD_LINK_TITLE) && hover.includes(GOOD_LINK_SUMMARY_WORDS));
    assert.match(text, /Person · London, United Kingdom/);
    assert.ok(text.includes(GOOD_LINK_TARGET), text);
    await screenshot('hover', { selectors: ['.part.editor', '.monaco-hover:not(.hidden)'] });
    await s.press('Escape');
  });

  it('completes page titles and summaries after ](/places/', async function () {
    const s = vscode();
    const end = fixturePosition(`${MISSING_FOOTNOTE}\n`, MISSING_FOOTNOTE.length);
    await s.gotoLineColumn(end.line, end.column);
    await s.press('Enter');
    await s.press('Enter');
    await s.typeText('He often visited [the capital](/places/');
    const rows = await s.triggerCompletion((all) => PLACE_TITLES.every((title) => all.some((row) => row.label === title)));
    // Titles, not file names: only Entity Vault offers these (built-in path completion lists london.md).
    assert.deepEqual(rows.filter((row) => PLACE_TITLES.includes(row.label)).map((row) => row.label).sort(), [...PLACE_TITLES].sort());
    await s.typeText('Lond');
    await s.waitForCompletion((all) => all.length > 0 && all[0].label === 'London');
    // Ctrl+Space on an open list shows the focused item's details: the URL and the summary.
    const details = await waitUntil('the details of the London item', async () => {
      const shown = s.page.locator('.suggest-details-container .suggest-details');
      if (!(await shown.isVisible())) {
        await s.press('Control+Space');
        await shown.waitFor({ state: 'visible', timeout: 2_000 });
      }
      const text = await shown.innerText();
      return text.includes('capital and largest city') ? text : undefined;
    });
    assert.ok(details.includes('/places/london/'), details);
    await screenshot('completion', { selectors: ['.part.editor', '.suggest-widget.visible', '.suggest-details-container'] });
    await s.press('Enter');
    await s.typeText(').');
    const line = await s.waitForEditorLine((text) => text.startsWith('He often visited'), 'the completed link');
    assert.equal(line, 'He often visited [the capital](/places/london/).');
  });

  it('shows the broken link as an error in the Problems panel', async function () {
    const s = vscode();
    const counts = await s.waitForProblemCounts((c) => c.errors === 2);
    assert.deepEqual(counts, { errors: 2, warnings: 0, infos: 0 });
    const rows = (await s.problemsPanelRows((all) => all.filter(isMarkerRow).length === 2)).filter(isMarkerRow);
    const broken = fixturePosition(BROKEN_LINK);
    const footnote = fixturePosition(MISSING_FOOTNOTE);
    assert.ok(rows.some((row) => row.ariaLabel.startsWith(`Error: No page at \`${BROKEN_LINK}\``) && row.ariaLabel.endsWith(`at line ${broken.line} and character ${broken.column}.`)), JSON.stringify(rows));
    assert.ok(rows.some((row) => row.ariaLabel.startsWith(`Error: Footnote \`${MISSING_FOOTNOTE}\` is used but never defined`) && row.ariaLabel.endsWith(`at line ${footnote.line} and character ${footnote.column}.`)), JSON.stringify(rows));
    await screenshot('problems', { selectors: ['.part.editor', '.part.panel'] });
  });

  it('fixes the broken link with its quick fix, and the error goes', async function () {
    const s = vscode();
    await s.openFile(PROBLEM_PAGE);
    const at = fixturePosition(BROKEN_LINK, 3);
    await s.gotoLineColumn(at.line, at.column);
    // Open the menu once for the screenshot, then let the harness pick the fix.
    await s.press('Control+.');
    const menu = s.page.locator('.action-widget .monaco-list-row.action', { hasText: BROKEN_LINK_FIX_TITLE });
    await menu.first().waitFor({ state: 'visible' });
    await screenshot('quick-fix', { selectors: ['.part.editor', '.action-widget'] });
    await s.press('Escape');
    await s.page.locator('.action-widget').waitFor({ state: 'hidden' });
    const offered = await s.quickFix(BROKEN_LINK_FIX_TITLE);
    assert.ok(offered.some((label) => label.includes(`Create page ${BROKEN_LINK.slice(1, -1)}.md`)), JSON.stringify(offered));
    await s.waitForEditorLine((line) => line.includes(`[Nicholas Davies](${BROKEN_LINK_FIX})`), 'the fixed link');
    const counts = await s.waitForProblemCounts((c) => c.errors === 1);
    assert.deepEqual(counts, { errors: 1, warnings: 0, infos: 0 });
    const rows = (await s.problemsPanelRows((all) => all.filter(isMarkerRow).length === 1)).filter(isMarkerRow);
    assert.ok(!rows.some((row) => row.ariaLabel.includes(BROKEN_LINK)), JSON.stringify(rows));
  });

  it('goes to the linked page with Go to Definition (F12)', async function () {
    const s = vscode();
    await s.openFile(PROBLEM_PAGE);
    const at = fixturePosition(GOOD_LINK, 3);
    await s.gotoLineColumn(at.line, at.column);
    await s.goToDefinition(path.posix.basename(GOOD_LINK_TARGET));
    await s.waitForEditorLine((line) => line === `title: ${GOOD_LINK_TITLE}`, 'the target page\'s title line');
    await screenshot('definition');
  });

  it('adds the missing footnote definition with its quick fix, and the last error goes', async function () {
    const s = vscode();
    await s.openFile(PROBLEM_PAGE);
    const at = fixturePosition(MISSING_FOOTNOTE, 2);
    await s.gotoLineColumn(at.line, at.column);
    await s.quickFix(MISSING_FOOTNOTE_FIX_TITLE);
    await s.waitForEditorLine((line) => line.trimEnd() === `${MISSING_FOOTNOTE}:`, 'the new footnote definition');
    const counts = await s.waitForProblemCounts((c) => c.errors === 0 && c.warnings === 0);
    assert.deepEqual(counts, { errors: 0, warnings: 0, infos: 0 });
    // The new definition comes after [^1]'s line, which the completion step moved down by two lines.
    await s.gotoLineColumn(fixturePosition('[^1]: ').line + 3, `${MISSING_FOOTNOTE}: `.length + 1);
    await s.typeText('Davies, Nicholas. *Ten-Thirty-Three.* Mainstream, 1999.');
    await screenshot('footnote-fixed', { selectors: ['.part.editor', '.part.statusbar'] });
    await s.save();
    const saved = await waitUntil(`${PROBLEM_PAGE} to be written`, () => {
      const text = fs.readFileSync(path.join(vault, PROBLEM_PAGE), 'utf8');
      return text.includes('Ten-Thirty-Three') ? text : undefined;
    });
    assert.ok(saved.includes(`[Nicholas Davies](${BROKEN_LINK_FIX})`));
    assert.match(saved, /^He often visited \[the capital\]\(\/places\/london\/\)\.$/m);
    assert.match(saved, /^\[\^2\]: Davies, Nicholas\. \*Ten-Thirty-Three\.\* Mainstream, 1999\.$/m);
  });
});

