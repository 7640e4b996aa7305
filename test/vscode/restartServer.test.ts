/**
 * Restart Server: the server stops, starts again and indexes the vault anew. Prints
 * `entity-vault restart {...}` (JSON) with the time from the command to the server's
 * first answer to Check Vault (sent once indexing is done).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_PAGE_COUNT, GOOD_LINK, GOOD_LINK_TITLE } from './fixtureVault';
import { activateEntityVault, CheckVaultResult, hoverText, openProblemPage, positionOf } from './vaultTestSupport';

describe('Entity Vault: Restart Server', () => {
  it('restarts the server, which indexes the vault again and answers requests', async () => {
    await activateEntityVault();
    const started = Date.now();
    await vscode.commands.executeCommand('entityVault.restartServer');
    const restartedMs = Date.now() - started;
    const check = await vscode.commands.executeCommand<CheckVaultResult | undefined>('entityVault.checkVault');
    const readyMs = Date.now() - started;
    console.log(`entity-vault restart ${JSON.stringify({ restartedMs, readyMs })}`);
    assert.ok(check, 'Check Vault returned nothing after the restart');
    assert.equal(check.pages, FIXTURE_PAGE_COUNT);
    const editor = await openProblemPage();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, GOOD_LINK, 3));
    assert.match(hoverText(hovers), new RegExp(`\\*\\*${GOOD_LINK_TITLE}\\*\\*`));
  });
});
