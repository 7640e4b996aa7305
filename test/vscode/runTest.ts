/**
 * `npm run test:vscode`: runs the integration suite (test/vscode/index.ts) inside a real
 * VS Code downloaded by @vscode/test-electron, with this repository loaded as the
 * extension under development (it needs the bundles in dist/: `npm run bundle`, which
 * the npm script runs first).
 *
 * Needs a machine that can download VS Code (a developer's laptop, a public CI); on
 * Linux without a display run it under `xvfb-run -a`. The download is cached in
 * .vscode-test/. Environment:
 *   VSCODE_TEST_VERSION   VS Code version to download: by default the newest stable release
 *                         that satisfies package.json's engines.vscode; e.g. '1.91.0' (the
 *                         oldest this extension supports) or 'insiders'
 *   VSCODE_EXECUTABLE     an installed VS Code to use instead of downloading one
 *
 * CI machines that cannot download VS Code run the same suite inside code-server
 * instead: test/e2e/vaultExtensionHost.e2e.test.ts (`npm run test:e2e`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createFixtureVault } from './fixtureVault';

/** The repository root (holds the extension's package.json), from out/test/vscode/ or out-NAME/test/vscode/. */
const EXTENSION_ROOT = path.resolve(__dirname, '../../..');

/** User settings of the test window: no workspace trust prompt, no built-in link validation. */
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'markdown.validate.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
};

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(EXTENSION_ROOT, 'dist/extension.js')) || !fs.existsSync(path.join(EXTENSION_ROOT, 'dist/server.js'))) {
    throw new Error('dist/extension.js or dist/server.js is missing: run `npm run bundle` first');
  }
  const vault = createFixtureVault();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-vault-vscode-profile-'));
  const userDataDir = path.join(profile, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION || undefined,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: EXTENSION_ROOT,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [
        vault,
        // Only this extension (under development) and VS Code's built-in ones. (runTests adds
        // --disable-workspace-trust, --skip-welcome and --skip-release-notes itself.)
        '--disable-extensions',
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(vault, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    // runTests rejects with TestRunFailedError when the tests fail (VS Code exits non-zero).
    process.stderr.write(`test:vscode: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
