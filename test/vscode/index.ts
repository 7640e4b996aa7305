/**
 * The integration suite's entry point, loaded by VS Code's extension host as
 * `extensionTestsPath`: by @vscode/test-electron (test/vscode/runTest.ts, `npm run test:vscode`)
 * and by code-server (test/e2e/vaultExtensionHost.e2e.test.ts, `npm run test:e2e`).
 * Runs the suite's files with mocha and rejects when a test fails, which makes the
 * runner exit non-zero.
 *
 * The workspace must be a fixture vault made by createFixtureVault() (fixtureVault.ts).
 */
import * as path from 'node:path';
import Mocha from 'mocha';

/** In this order: activation first (it waits for the index), the restart last. */
const SUITE_FILES = ['activation.test.js', 'languageFeatures.test.js', 'quickFixes.test.js', 'restartServer.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of SUITE_FILES) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
