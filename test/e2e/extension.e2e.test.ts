/**
 * What a user sees: the packaged Entity Vault (.vsix) installed into code-server, a copy
 * of the fixture vault opened (test/vscode/fixtureVault.ts), and every feature driven
 * with the keyboard: the entity card on hover, completion of page titles after
 * `](/places/`, the broken-link error in the Problems panel and its quick fix, Go to
 * Definition (F12), a footnote error and its quick fix, a link and a footnote written with
 * completion. Every wait is a condition wait.
 *
 * Screenshots of each step go to test-artifacts/e2e/extension-*.png, and cropped ones for
 * the README to test-artifacts/e2e/readme/*.png; with UPDATE_SCREENSHOTS=1 the cropped ones
 * are also written to docs/screenshots/*.png (committed), so that a test run does not
 * rewrite committed files unless asked to.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMarkerRow } from './codeServer/problems';
import { readmeScreenshot, ReadmeCrop } from './codeServer/readmeScreenshots';
import { CodeServerSession } from './codeServer/session';
import { WAIT_TIMEOUT_MS, waitUntil } from './codeServer/waits';
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

/** Small enough for README screenshots of the editor at a readable size. */
const VIEWPORT = { width: 1100, height: 680 };
const STATUS_ITEM = '[id="entity-vault.entity-vault.entityVault.status"]';
const PROBLEM_PAGE_NAME = path.posix.basename(PROBLEM_PAGE);
/** The sections of the fixture vault, as completion after `](/` offers them. */
const SECTIONS = ['events', 'organizations', 'people', 'places', 'programs'];
/** The headings of organizations/mi6.md (the seed page). */
/** The seed page: its preview shows footnotes and links to the page files. */
const SEED_PAGE = 'organizations/mi6.md';
const MI6_HEADINGS = ['Origins and World War II', 'Operation Boot: The Iran Coup', 'Cold War Operations', 'Robert Maxwell'];

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
    session = await CodeServerSession.start({
      workspaceFolder: vault,
      vsixPath: extension.vsixPath,
      logName: 'code-server-extension.log',
      viewport: VIEWPORT,
      // A cursor that does not blink: the same screenshot every run.
      settings: { 'editor.cursorBlinking': 'solid' },
    });
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
   * test-artifacts/e2e/readme/NAME.png cropped to it (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
   */
  async function screenshot(name: string, docs?: ReadmeCrop): Promise<void> {
    await readmeScreenshot(vscode(), `extension-${name}`, name, docs);
  }

  it('installs the .vsix, activates on the vault and shows the page count in the status bar', async function () {
    const s = vscode();
    const installed = fs.readdirSync(s.extensionsDir).filter((name) => !name.startsWith('.') && name !== 'extensions.json');
    assert.deepEqual(installed, [`entity-vault.entity-vault-${path.basename(extension.vsixPath).replace(/^entity-vault-|\.vsix$/g, '')}`]);
    console.log(`      .vsix: ${path.basename(extension.vsixPath)}, ${extension.bytes} bytes (${(extension.bytes / 1024).toFixed(1)} KiB)${extension.packagedNow ? ', packaged by this test' : ''}`);
    // The editor gets the whole width (and the screenshots show only what matters).
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await s.editor.openFile(PROBLEM_PAGE);
    const status = await waitUntil(`the status bar to show ${FIXTURE_PAGE_COUNT} pages`, async () => {
      const text = (await s.page.locator(STATUS_ITEM).innerText()).trim();
      return text === `${FIXTURE_PAGE_COUNT} pages` ? text : undefined;
    });
    assert.equal(status, `${FIXTURE_PAGE_COUNT} pages`);
  });

  it('lists Entity Vault, activated, with its activation time in Developer: Show Running Extensions', async function () {
    const s = vscode();
    await s.quickInput.runCommand('Developer: Show Running Extensions');
    const row = s.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Entity Vault' }).first();
    const text = await waitUntil('the Entity Vault row with an activation time', async () => {
      const shown = (await row.count()) ? await row.innerText() : '';
      return /\d+\s*ms/.test(shown) ? shown : undefined;
    });
    await s.screenshot('extension-running-extensions');
    const activationMs = Number(/(\d+)\s*ms/.exec(text)?.[1]);
    console.log(`      activation (Developer: Show Running Extensions): ${activationMs} ms — ${text.replace(/\s+/g, ' ').trim()}`);
    assert.ok(activationMs > 0 && activationMs < 30_000, text);
    await s.quickInput.runCommand('View: Close All Editors');
    await s.editor.openFile(PROBLEM_PAGE);
    await s.editor.waitForActiveTab(PROBLEM_PAGE_NAME);
  });

  it('offers once to turn off VS Code\'s own path suggestions, after which ](/ offers each section once, as Entity Vault\'s', async function () {
    const s = vscode();
    await s.waitForNotification((toast) => toast.includes('path suggestions'));
    const toast = s.page.locator('.notifications-toasts .notification-toast', { hasText: 'path suggestions' });
    await toast.getByRole('button', { name: 'Turn Off for This Workspace' }).click();
    const settingsFile = path.join(vault, '.vscode/settings.json');
    const settings = await waitUntil('the workspace settings to be written', () => {
      const text = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : '';
      return /"markdown\.suggest\.paths\.enabled":\s*false/.test(text) ? text : undefined;
    });
    assert.match(settings, /"markdown\.suggest\.paths\.enabled":\s*false/);
    await s.editor.openFile(PROBLEM_PAGE);
    await s.press('Control+End');
    await s.press('Enter');
    await s.typeText('See [x](/');
    const rows = await s.widgets.triggerCompletion((all) => SECTIONS.every((section) => all.some((row) => row.label === section)));
    try {
      // Each section once, and only ours: no `people/` folder nor `.md` file of VS Code's own path completion.
      assert.deepEqual(rows.map((row) => row.label).sort(), [...SECTIONS].sort(), JSON.stringify(rows));
      for (const row of rows) {
        assert.match(row.ariaLabel, /Module/, row.ariaLabel);
      }
    } finally {
      await s.press('Escape');
      await s.quickInput.runCommand('File: Revert File');
    }
  });

  it('shows each heading once in the outline, beside the frontmatter and the footnotes Entity Vault adds', async function () {
    const s = vscode();
    await s.editor.openFile('organizations/mi6.md');
    await s.quickInput.runCommand('Explorer: Focus on Outline View');
    const rowsOf = s.page.locator('.pane:has(.pane-header:has-text("Outline")) .monaco-list-row');
    // The outline list renders only the rows in view: walk down it, keeping each row by its index.
    const byIndex = new Map<number, string>();
    const labels = await waitUntil('the outline of the MI6 page with its footnotes', async () => {
      for (const row of await rowsOf.all()) {
        const index = Number(await row.getAttribute('data-index'));
        // VS Code's own Markdown outline writes a heading as `### Title`.
        byIndex.set(index, (await row.innerText()).trim().split('\n')[0].replace(/^#+\s*/, '').trim());
      }
      const texts = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
      if (MI6_HEADINGS.every((heading) => texts.includes(heading)) && texts.includes('Footnotes') && texts.some((text) => text.startsWith('[^2]'))) {
        return texts;
      }
      await s.press('PageDown');
      return undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify([...byIndex.entries()]));
    await s.screenshot('extension-outline');
    for (const heading of MI6_HEADINGS) {
      assert.equal(labels.filter((label) => label === heading).length, 1, `${heading} in ${JSON.stringify(labels)}`);
    }
    assert.equal(labels.filter((label) => label === 'Frontmatter').length, 1, JSON.stringify(labels));
    await s.quickInput.runCommand('View: Close Primary Side Bar');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await s.quickInput.runCommand('View: Close All Editors');
    await s.editor.openFile(PROBLEM_PAGE);
    await s.editor.waitForActiveTab(PROBLEM_PAGE_NAME);
  });

  it('shows the entity card when hovering a /people/ link', async function () {
    const s = vscode();
    await s.editor.openFile(PROBLEM_PAGE);
    const at = fixturePosition(GOOD_LINK, 3);
    await s.editor.gotoLineColumn(at.line, at.column);
    const text = await s.widgets.showHover((hover) => hover.includes(GOOD_LINK_TITLE) && hover.includes(GOOD_LINK_SUMMARY_WORDS));
    assert.match(text, /Person · London, United Kingdom/);
    assert.ok(text.includes(GOOD_LINK_TARGET), text);
    // The card was shown and read; if it closed since, even while the window's picture was being taken
    // (code lenses arriving above it move the text, which closes a hover), show it again and take the
    // picture again (three times at most).
    for (let attempt = 1; ; attempt++) {
      if (!(await s.page.locator('.monaco-hover:not(.hidden)').first().isVisible())) {
        await s.widgets.showHover((hover) => hover.includes(GOOD_LINK_TITLE));
      }
      try {
        await screenshot('hover', { selectors: ['.part.editor .title', '.monaco-hover:not(.hidden)'], padBottom: 60 });
        break;
      } catch (error) {
        if (attempt === 3 || !String(error).includes('is not on screen')) {
          throw error;
        }
      }
    }
    await s.press('Escape');
  });

  it('completes page titles and summaries after ](/places/', async function () {
    const s = vscode();
    const end = fixturePosition(`${MISSING_FOOTNOTE}\n`, MISSING_FOOTNOTE.length);
    await s.editor.gotoLineColumn(end.line, end.column);
    await s.press('Enter');
    await s.press('Enter');
    await s.typeText('He often visited [the capital](/places/');
    const rows = await s.widgets.triggerCompletion((all) => PLACE_TITLES.every((title) => all.some((row) => row.label === title)));
    // Titles, not file names: only Entity Vault offers these (built-in path completion lists london.md).
    assert.deepEqual(rows.filter((row) => PLACE_TITLES.includes(row.label)).map((row) => row.label).sort(), [...PLACE_TITLES].sort());
    // Arrow down to the London item (built-in path completion's london.md may come first).
    const focused = s.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    for (let step = 0; (await focused.innerText()) !== 'London'; step++) {
      assert.ok(step < 20, 'could not focus the London item');
      const before = await focused.innerText();
      await s.press('ArrowDown');
      await waitUntil('the suggestion focus to move', async () => ((await focused.innerText()) !== before ? true : undefined));
    }
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
    await screenshot('completion', { selectors: ['.part.editor .title', '.suggest-widget.visible', '.suggest-details-container'], padBottom: 20 });
    await s.press('Enter');
    await s.typeText(').');
    // Wait for the last typed character to be rendered, then compare the whole line.
    const line = await s.editor.waitForLine((text) => text.startsWith('He often visited') && text.endsWith('.'), 'the completed link');
    assert.equal(line, 'He often visited [the capital](/places/london/).');
  });

  it('shows the broken link as an error in the Problems panel', async function () {
    const s = vscode();
    const counts = await s.problems.waitForCounts((c) => c.errors === 2);
    assert.deepEqual(counts, { errors: 2, warnings: 0, infos: 0 });
    const rows = (await s.problems.panelRows((all) => all.filter(isMarkerRow).length === 2)).filter(isMarkerRow);
    const broken = fixturePosition(BROKEN_LINK);
    const footnote = fixturePosition(MISSING_FOOTNOTE);
    assert.ok(rows.some((row) => row.ariaLabel.startsWith(`Error: No page at ${BROKEN_LINK}`) && row.ariaLabel.includes(`at line ${broken.line} and character ${broken.column}.`)), JSON.stringify(rows));
    assert.ok(rows.some((row) => row.ariaLabel.startsWith(`Error: Footnote ${MISSING_FOOTNOTE} is used but never defined`) && row.ariaLabel.includes(`at line ${footnote.line} and character ${footnote.column}.`)), JSON.stringify(rows));
    await screenshot('problems', { selectors: ['.part.editor', '.part.panel'] });
  });

  it('fixes the broken link with its quick fix, and the error goes', async function () {
    const s = vscode();
    await s.editor.openFile(PROBLEM_PAGE);
    const at = fixturePosition(BROKEN_LINK, 3);
    await s.editor.gotoLineColumn(at.line, at.column);
    // Open the menu once for the screenshot, then let the harness pick the fix.
    await s.press('Control+.');
    const menu = s.page.locator('.action-widget .monaco-list-row.action', { hasText: BROKEN_LINK_FIX_TITLE });
    await menu.first().waitFor({ state: 'visible' });
    await screenshot('quick-fix', { selectors: ['.part.editor .title', '.action-widget'], padBottom: 20 });
    await s.press('Escape');
    await s.page.locator('.action-widget').waitFor({ state: 'hidden' });
    const offered = await s.widgets.quickFix(BROKEN_LINK_FIX_TITLE);
    assert.ok(offered.some((label) => label.includes(`Create page ${BROKEN_LINK.slice(1, -1)}.md`)), JSON.stringify(offered));
    await s.editor.waitForLine((line) => line.includes(`[Nicholas Davies](${BROKEN_LINK_FIX})`), 'the fixed link');
    const counts = await s.problems.waitForCounts((c) => c.errors === 1);
    assert.deepEqual(counts, { errors: 1, warnings: 0, infos: 0 });
    const rows = (await s.problems.panelRows((all) => all.filter(isMarkerRow).length === 1)).filter(isMarkerRow);
    assert.ok(!rows.some((row) => row.ariaLabel.includes(BROKEN_LINK)), JSON.stringify(rows));
  });

  it('goes to the linked page with Go to Definition (F12)', async function () {
    const s = vscode();
    await s.editor.openFile(PROBLEM_PAGE);
    const at = fixturePosition(GOOD_LINK, 3);
    await s.editor.gotoLineColumn(at.line, at.column);
    await s.editor.goToDefinition(path.posix.basename(GOOD_LINK_TARGET));
    await s.editor.waitForLine((line) => line.startsWith(`summary: ${GOOD_LINK_TITLE} (1923-1991)`), 'the target page\'s summary');
    await screenshot('definition', { selectors: ['.part.editor .title', '.part.statusbar'] });
  });

  it('adds the missing footnote definition with its quick fix, and the last error goes', async function () {
    const s = vscode();
    await s.editor.openFile(PROBLEM_PAGE);
    const at = fixturePosition(MISSING_FOOTNOTE, 2);
    await s.editor.gotoLineColumn(at.line, at.column);
    await s.widgets.quickFix(MISSING_FOOTNOTE_FIX_TITLE);
    await s.editor.waitForLine((line) => line.trimEnd() === `${MISSING_FOOTNOTE}:`, 'the new footnote definition');
    const counts = await s.problems.waitForCounts((c) => c.errors === 0 && c.warnings === 0);
    assert.deepEqual(counts, { errors: 0, warnings: 0, infos: 0 });
    // The new definition comes right after [^1]'s line, which the completion step moved down by two lines,
    // and the fix (a snippet edit) leaves the cursor in it.
    await s.editor.waitForCursor(fixturePosition('[^1]: ').line + 3, `${MISSING_FOOTNOTE}: `.length + 1);
    await s.typeText('Davies, Nicholas. *Ten-Thirty-Three.* Mainstream, 1999.');
    await screenshot('footnote-fixed', { selectors: ['.part.editor', '.part.statusbar'] });
    await s.editor.save();
    const saved = await waitUntil(`${PROBLEM_PAGE} to be written`, () => {
      const text = fs.readFileSync(path.join(vault, PROBLEM_PAGE), 'utf8');
      return text.includes('Ten-Thirty-Three') ? text : undefined;
    });
    assert.ok(saved.includes(`[Nicholas Davies](${BROKEN_LINK_FIX})`));
    assert.match(saved, /^He often visited \[the capital\]\(\/places\/london\/\)\.$/m);
    assert.match(saved, /^\[\^2\]: Davies, Nicholas\. \*Ten-Thirty-Three\.\* Mainstream, 1999\.$/m);
  });

  /** Arrows down the open suggest widget to the item labelled `label` and picks it with Enter. */
  async function pickSuggestion(label: string): Promise<void> {
    const s = vscode();
    await s.widgets.waitForCompletion((rows) => rows.some((row) => row.label === label));
    const focused = s.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    for (let step = 0; (await focused.innerText()) !== label; step++) {
      assert.ok(step < 20, `could not focus the ${label} item`);
      const before = await focused.innerText();
      await s.press('ArrowDown');
      await waitUntil('the suggestion focus to move', async () => ((await focused.innerText()) !== before ? true : undefined));
    }
    await s.press('Enter');
  }

  it('fills an empty link text with the picked page\'s title, and a new footnote label adds its definition', async function () {
    const s = vscode();
    await s.editor.openFile(PROBLEM_PAGE);
    // The end of the paragraph the completion step wrote, two lines under the [^2] line.
    const visited = fixturePosition(`${MISSING_FOOTNOTE}\n`).line + 2;
    await s.editor.gotoLineColumn(visited, 1);
    await s.press('End');
    await s.press('Enter');
    await s.press('Enter');
    await s.typeText('See also [](/people/robert-max');
    await pickSuggestion(GOOD_LINK_TITLE);
    await s.editor.waitForLine((line) => line.startsWith(`See also [${GOOD_LINK_TITLE}](/people/robert-maxwell/`), 'the link with its title');
    await s.press('End');
    // The completion leaves the destination open, as after ](/places/ above: the author closes it.
    await s.typeText(').[^');
    await pickSuggestion('3');
    await s.editor.waitForLine((line) => line.startsWith(`See also [${GOOD_LINK_TITLE}](/people/robert-maxwell/)`) && line.includes('[^3]'), 'the new footnote reference');
    await s.editor.waitForLine((line) => line.trimEnd() === '[^3]:', 'the new footnote definition');
    await screenshot('authoring', { selectors: ['.part.editor', '.part.statusbar'] });
  });

  it('previews the seed page with numbered footnotes, and a click on a site link opens the page', async function () {
    const s = vscode();
    await s.editor.openFile(SEED_PAGE);
    // The editor title's "Open Preview to the Side" (markdown.showPreviewToSide).
    await s.page.locator('.editor-actions [aria-label^="Open Preview to the Side"]').first().click();
    await s.editor.waitForActiveTab(`Preview ${path.posix.basename(SEED_PAGE)}`);
    // VS Code's preview is a webview: an iframe holding the active frame with the rendered page.
    const preview = s.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    const refs = preview.locator('sup.footnote-ref');
    const count = await waitUntil('numbered footnote references in the preview', async () => ((await refs.count()) > 0 ? refs.count() : undefined));
    const seedText = fs.readFileSync(path.join(vault, SEED_PAGE), 'utf8');
    assert.equal(count, seedText.match(/\[\^\d+\](?!:)/g)?.length);
    assert.equal((await refs.first().innerText()).trim(), '[1]');
    assert.equal(await preview.locator('section.footnotes li.footnote-item').count(), seedText.match(/^\[\^\d+\]:/gm)?.length);
    assert.ok(!(await preview.locator('body').innerText()).includes('[^1]'), 'a literal [^1] in the preview');
    await s.screenshot('extension-preview');
    const link = preview.locator('a', { hasText: /^United Kingdom$/ }).first();
    assert.equal(await link.getAttribute('data-href'), '../places/united-kingdom.md');
    await link.click();
    // markdown.preview.openMarkdownLinks is `inPreview` by default: the page opens in the preview's tab.
    const tab = await s.editor.waitForActiveTab('united-kingdom.md');
    console.log(`      a click on /places/united-kingdom/ in the preview opened: ${tab.trim()}`);
    await waitUntil('the United Kingdom page in the preview', async () => ((await preview.locator('body').innerText()).includes('The United Kingdom of Great Britain') ? true : undefined));
    await s.screenshot('extension-preview-link');
  });
});
