/**
 * Proves the e2e harness against a real code-server with VS Code's BUILT-IN markdown
 * support only (no extension of ours installed): open, cursor, typing, hover,
 * diagnostics, Problems panel, Go to Definition, Quick Fix and completion.
 *
 * Needs `bash scripts/install-code-server.sh` first.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { isMarkerRow } from './codeServer/problems';
import { CodeServerSession } from './codeServer/session';
import { waitUntil } from './codeServer/waits';

const FIXTURE = path.join(REPO_ROOT, 'test/e2e/fixtures/markdown-smoke');

describe('e2e harness smoke test (code-server, built-in markdown)', function () {
  this.timeout(90_000);
  let session: CodeServerSession | undefined;
  let workspace: string;

  before(async function () {
    workspace = copyFolderToTemp(FIXTURE);
    session = await CodeServerSession.start({
      workspaceFolder: workspace,
      // Built-in link validation gives the harness diagnostics and a quick fix to drive.
      settings: { 'markdown.validate.enabled': true },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.screenshotQuietly(`smoke-failed-${this.currentTest.title}`);
    }
  });

  after(async function () {
    await session?.close();
    if (workspace) {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  function vscode(): CodeServerSession {
    assert.ok(session, 'code-server session did not start');
    return session;
  }

  it('opens a markdown file, places the cursor and types text that appears in the editor', async function () {
    const s = vscode();
    await s.editor.openFile('notes.md');
    assert.equal(await s.editor.activeTabName(), 'notes.md');
    await s.editor.gotoLineColumn(5, 16);
    await s.typeText(' Typed by the e2e test.');
    const line = await s.editor.waitForLine((text) => text.startsWith('Some text here.') && text.endsWith('test.'), 'the typed line');
    assert.equal(line, 'Some text here. Typed by the e2e test.');
    await s.editor.waitForCursor(5, 39);
    const png = await s.screenshot('smoke-typed');
    const bytes = fs.readFileSync(png);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(bytes.length > 20_000, `screenshot is suspiciously small (${bytes.length} bytes)`);
    await s.editor.save();
    const saved = await waitUntil('notes.md to be written', () => {
      const text = fs.readFileSync(path.join(workspace, 'notes.md'), 'utf8');
      return text.includes('Typed by') ? text : undefined;
    });
    assert.match(saved, /^Some text here\. Typed by the e2e test\.$/m);
  });

  it('shows the built-in broken-link warning in the status bar and the Problems panel', async function () {
    const s = vscode();
    const counts = await s.problems.waitForCounts((c) => c.warnings === 1);
    assert.deepEqual(counts, { errors: 0, warnings: 1, infos: 0 });
    const rows = await s.problems.panelRows((all) => all.some((row) => isMarkerRow(row) && row.ariaLabel.includes('missing.md')));
    const marker = rows.filter(isMarkerRow);
    assert.equal(marker.length, 1);
    assert.match(marker[0].ariaLabel, /^Warning: File does not exist at path: .*missing\.md at line 3 and character 37\.$/);
  });

  it('shows the hover at the cursor', async function () {
    const s = vscode();
    await s.editor.openFile('notes.md');
    await s.editor.gotoLineColumn(3, 40);
    const hover = await s.widgets.showHover((text) => text.includes('File does not exist'));
    assert.match(hover, /File does not exist at path: .*missing\.md/);
    await s.widgets.dismiss();
  });

  it('goes to the definition of a heading link in another file', async function () {
    const s = vscode();
    await s.editor.openFile('notes.md');
    await s.editor.gotoLineColumn(7, 31);
    await s.editor.goToDefinition('other.md', { line: 1, column: 1 });
    assert.equal(await s.editor.activeTabName(), 'other.md');
    await s.editor.openFile('notes.md');
  });

  it('applies a quick fix chosen by label', async function () {
    const s = vscode();
    await s.editor.gotoLineColumn(3, 40);
    const offered = await s.widgets.quickFix("Exclude 'missing.md' from link validation");
    assert.ok(offered.includes("Exclude 'missing.md' from link validation."), JSON.stringify(offered));
    const counts = await s.problems.waitForCounts((c) => c.warnings === 0);
    assert.deepEqual(counts, { errors: 0, warnings: 0, infos: 0 });
    // The fix records the link in the workspace settings.
    const settingsFile = path.join(workspace, '.vscode/settings.json');
    const workspaceSettings = await waitUntil('the workspace settings to be written', () => (fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined));
    assert.match(workspaceSettings, /"markdown\.validate\.ignoredLinks":\s*\[\s*"missing\.md"\s*\]/);
  });

  it('lists completion rows', async function () {
    const s = vscode();
    await s.editor.gotoLineColumn(7, 45);
    await s.press('Enter');
    await s.typeText('Link to [x](');
    const rows = await s.widgets.triggerCompletion((all) => all.some((row) => row.label === 'other.md'));
    const other = rows.find((row) => row.label === 'other.md');
    assert.equal(other?.ariaLabel, 'other.md, File');
    await s.screenshot('smoke-completion');
    await s.widgets.dismiss();
  });
});
