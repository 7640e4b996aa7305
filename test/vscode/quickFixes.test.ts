/**
 * Diagnostics of the fixture page (a broken link, a footnote that is never defined),
 * their quick fixes applied with `workspace.applyEdit`, and the diagnostics gone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_LINK, BROKEN_LINK_FIX, BROKEN_LINK_FIX_TITLE, MISSING_FOOTNOTE, MISSING_FOOTNOTE_FIX_TITLE } from './fixtureVault';
import { activateEntityVault, codeOf, openProblemPage, vaultDiagnostics, waitForDiagnostics } from './vaultTestSupport';

/** The code actions offered for `diagnostic`, by title. */
async function codeActionsFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<Map<string, vscode.CodeAction>> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
  );
  const byTitle = new Map<string, vscode.CodeAction>();
  for (const action of actions) {
    if (action instanceof vscode.CodeAction || 'edit' in action) {
      byTitle.set(action.title, action as vscode.CodeAction);
    }
  }
  return byTitle;
}

describe('Entity Vault diagnostics and quick fixes', () => {
  let uri: vscode.Uri;

  before(async () => {
    await activateEntityVault();
    uri = (await openProblemPage()).document.uri;
  });

  it('reports the broken link and the missing footnote as errors', async () => {
    const diagnostics = await waitForDiagnostics(uri, 'broken-link and missing-footnote', (all) =>
      all.some((d) => codeOf(d) === 'broken-link') && all.some((d) => codeOf(d) === 'missing-footnote'));
    assert.deepEqual(diagnostics.map(codeOf).sort(), ['broken-link', 'missing-footnote']);
    const document = await vscode.workspace.openTextDocument(uri);
    const broken = diagnostics.find((d) => codeOf(d) === 'broken-link');
    assert.ok(broken);
    assert.equal(broken.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(broken.range), BROKEN_LINK);
    assert.match(broken.message, new RegExp(`did you mean ${BROKEN_LINK_FIX}`));
    const footnote = diagnostics.find((d) => codeOf(d) === 'missing-footnote');
    assert.ok(footnote);
    assert.equal(footnote.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(footnote.range), MISSING_FOOTNOTE);
  });

  it('fixes the broken link with its quick fix, and the error goes', async () => {
    const [broken] = await waitForDiagnostics(uri, 'the broken link', (all) => all.some((d) => codeOf(d) === 'broken-link'))
      .then((all) => all.filter((d) => codeOf(d) === 'broken-link'));
    const actions = await codeActionsFor(uri, broken);
    const fix = actions.get(BROKEN_LINK_FIX_TITLE);
    assert.ok(fix?.edit, `no ${JSON.stringify(BROKEN_LINK_FIX_TITLE)} among ${JSON.stringify([...actions.keys()])}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.has(`Create page ${BROKEN_LINK.slice(1, -1)}.md`), JSON.stringify([...actions.keys()]));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(document.getText().includes(`[Nicholas Davies](${BROKEN_LINK_FIX})`));
    const after = await waitForDiagnostics(uri, 'the broken-link error to go', (all) => !all.some((d) => codeOf(d) === 'broken-link'));
    assert.deepEqual(after.map(codeOf), ['missing-footnote']);
  });

  it('adds the missing footnote definition with its quick fix, and the error goes', async () => {
    const [missing] = (await waitForDiagnostics(uri, 'the missing footnote', (all) => all.some((d) => codeOf(d) === 'missing-footnote')))
      .filter((d) => codeOf(d) === 'missing-footnote');
    const actions = await codeActionsFor(uri, missing);
    const fix = actions.get(MISSING_FOOTNOTE_FIX_TITLE);
    assert.ok(fix?.edit, `no ${JSON.stringify(MISSING_FOOTNOTE_FIX_TITLE)} among ${JSON.stringify([...actions.keys()])}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /^\[\^1\]: Macintyre, .*\n\[\^2\]: $/m);
    await waitForDiagnostics(uri, 'no Entity Vault diagnostics left', (all) => all.length === 0);
    assert.deepEqual(vaultDiagnostics(uri), []);
  });
});
