/**
 * Hover, completion and Go to Definition on the fixture page, through the commands
 * VS Code runs for the editor (`vscode.execute…Provider`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GOOD_LINK, GOOD_LINK_SUMMARY_WORDS, GOOD_LINK_TARGET, GOOD_LINK_TITLE, PLACE_TITLES } from './fixtureVault';
import { activateEntityVault, hoverText, labelOf, openProblemPage, positionOf, targetUriOf } from './vaultTestSupport';

describe('Entity Vault language features', () => {
  before(async () => {
    await activateEntityVault();
  });

  it('hovers a /people/ link with the entity card: title, category, location, summary and path', async () => {
    const editor = await openProblemPage();
    const position = positionOf(editor.document, GOOD_LINK, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, new RegExp(`\\*\\*${GOOD_LINK_TITLE}\\*\\*`), text);
    assert.ok(text.includes('Person · London, United Kingdom'), text);
    assert.ok(text.includes(GOOD_LINK_SUMMARY_WORDS), text);
    assert.ok(text.includes(`\`${GOOD_LINK_TARGET}\``), text);
  });

  it('completes page titles after ](/places/, with the URL as detail and the summary as documentation', async () => {
    const editor = await openProblemPage();
    const document = editor.document;
    const line = positionOf(document, 'Other pages on').line;
    const typed = 'He lived in [the capital](/places/';
    const inserted = new vscode.WorkspaceEdit();
    inserted.insert(document.uri, new vscode.Position(line + 1, 0), `${typed}\n`);
    assert.ok(await vscode.workspace.applyEdit(inserted));
    try {
      const position = new vscode.Position(line + 1, typed.length);
      // Documentation comes from completionItem/resolve, as when the editor shows an item: resolve them all.
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '/', 1000);
      const ours = list.items.filter((item) => typeof item.detail === 'string' && item.detail.startsWith('/places/'));
      assert.deepEqual(ours.map(labelOf).sort(), [...PLACE_TITLES].sort());
      const london = ours.find((item) => labelOf(item) === 'London');
      assert.ok(london);
      assert.equal(london.detail, '/places/london/');
      assert.equal(typeof london.insertText === 'string' ? london.insertText : london.insertText?.value, 'london/');
      const documentation = london.documentation instanceof vscode.MarkdownString ? london.documentation.value : String(london.documentation);
      assert.match(documentation, /capital and largest city of the United Kingdom/);
    } finally {
      const removed = new vscode.WorkspaceEdit();
      removed.delete(document.uri, new vscode.Range(line + 1, 0, line + 2, 0));
      assert.ok(await vscode.workspace.applyEdit(removed));
    }
    assert.ok(!document.getText().includes(typed));
  });

  it('goes to the definition of a /people/ link: the target page', async () => {
    const editor = await openProblemPage();
    const position = positionOf(editor.document, GOOD_LINK, 3);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, position);
    const targets = locations.map(targetUriOf);
    const target = targets.find((uri) => uri.path.endsWith(`/${GOOD_LINK_TARGET}`));
    assert.ok(target, `no definition in ${GOOD_LINK_TARGET}: ${JSON.stringify(targets.map((uri) => uri.toString()))}`);
    const opened = await vscode.window.showTextDocument(target);
    assert.ok(opened.document.uri.path.endsWith(`/${GOOD_LINK_TARGET}`));
    assert.match(opened.document.getText(), new RegExp(`^title: ${GOOD_LINK_TITLE}$`, 'm'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
  });
});
