/**
 * Runs the integration suite of test/vscode/ (the one `npm run test:vscode` runs in a
 * downloaded VS Code) inside code-server's extension host, with the repository loaded as
 * the extension under development (its dist/ bundles: `npm run package` or `npm run
 * bundle` first), in a fresh copy of the fixture vault. Reports the activation timings
 * the suite measured.
 *
 * Needs `bash scripts/install-code-server.sh` first.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer/paths';
import { runExtensionTests } from './runExtensionTests';
import { createFixtureVault } from '../vscode/fixtureVault';

/** The compiled suite: out/test/vscode/index.js (or out-NAME/test/vscode/index.js), beside this file's folder. */
const SUITE_INDEX = path.resolve(__dirname, '../vscode/index.js');

/** Parses the JSON that the suite prints after `label ` (see test/vscode/activation.test.ts). */
export function printedJson(output: string[], label: string): Record<string, unknown> | undefined {
  for (const line of output) {
    const at = line.indexOf(`${label} {`);
    if (at >= 0) {
      return JSON.parse(line.slice(at + label.length + 1)) as Record<string, unknown>;
    }
  }
  return undefined;
}

describe('the vscode-API integration suite inside code-server\'s extension host', function () {
  this.timeout(240_000);
  let vault: string | undefined;

  after(function () {
    if (vault) {
      fs.rmSync(vault, { recursive: true, force: true });
    }
  });

  it('passes: activation, hover, completion, definition, diagnostics, quick fixes, restart', async function () {
    for (const bundle of ['dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(REPO_ROOT, bundle)), `${bundle} is missing: run npm run package (or npm run bundle) first`);
    }
    vault = createFixtureVault();
    const result = await runExtensionTests({
      workspaceFolder: vault,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_INDEX,
      timeoutMs: 200_000,
    });
    const output = result.output.join('\n');
    assert.equal(result.exitCode, 0, output);
    assert.match(output, /^\s*9 passing/m, output);
    assert.doesNotMatch(output, /failing|pending/, output);
    const timings = printedJson(result.output, 'entity-vault timings');
    const restart = printedJson(result.output, 'entity-vault restart');
    assert.ok(timings && restart, output);
    console.log(`      extension host (code-server): activation ${JSON.stringify(timings)}; restart ${JSON.stringify(restart)}`);
  });
});
