/**
 * Activation: the extension activates in the fixture vault, its commands are registered,
 * and the server indexes every page (Check Vault answers with the vault's totals).
 * Prints the activation timings as one line `entity-vault timings {...}` (JSON), which
 * test/e2e/vaultExtensionHost.e2e.test.ts reads.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_PAGE_COUNT } from './fixtureVault';
import { activateEntityVault, EXTENSION_ID } from './vaultTestSupport';

const COMMANDS = [
  'entityVault.newPage', 'entityVault.checkVault', 'entityVault.wantedPages', 'entityVault.restartServer', 'entityVault.showOutput',
  'entityVault.showGraph', 'entityVault.vaultOverview', 'entityVault.refreshOverview', 'entityVault.refreshBacklinks', 'entityVault.openLocation',
];

describe('Entity Vault activation', () => {
  it('activates and the server indexes the vault: Check Vault counts every page and the fixture\'s two errors', async () => {
    const timings = await activateEntityVault();
    console.log(`entity-vault timings ${JSON.stringify(timings)}`);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.deepEqual(timings.firstCheck, { pages: FIXTURE_PAGE_COUNT, errors: 2, warnings: 0 });
    assert.ok(timings.activationToReadyMs >= 0 && timings.activationToReadyMs < 60_000, JSON.stringify(timings));
  });

  it('registers the commands it contributes (New Page…, Check Vault, Wanted Pages, Restart Server, Show Output, Show Graph, Vault Overview and the views\' own)', async () => {
    await activateEntityVault();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
    assert.deepEqual(contributed.map((entry) => entry.command).sort(), [...COMMANDS].sort());
  });
});
