/**
 * Proves that a mocha suite written against the `vscode` API runs inside code-server's
 * extension host (extensionDevelopmentPath + extensionTestsPath passed in the URL's
 * `payload`), and that its outcome comes back as an exit code.
 *
 * Needs `bash scripts/install-code-server.sh` first.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { runExtensionTests } from './runExtensionTests';

const PROBE_EXTENSION = path.join(REPO_ROOT, 'test/e2e/fixtures/api-probe-extension');
const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test/e2e/fixtures/markdown-smoke');

describe('extension tests inside code-server\'s extension host', function () {
  this.timeout(120_000);
  let workspace: string;

  beforeEach(function () {
    workspace = copyFolderToTemp(WORKSPACE_FIXTURE);
  });

  afterEach(function () {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('runs a passing vscode-API suite and reports exit code 0', async function () {
    const result = await runExtensionTests({
      workspaceFolder: workspace,
      extensionDevelopmentPath: PROBE_EXTENSION,
      extensionTestsPath: path.join(PROBE_EXTENSION, 'tests/passingSuite.js'),
    });
    const output = result.output.join('\n');
    assert.equal(result.exitCode, 0, output);
    assert.match(output, /✔ sees VS Code 1\.100 and the opened workspace/);
    assert.match(output, /✔ opens a document and runs the development extension's command/);
    assert.match(output, /^\s*2 passing/m);
    assert.doesNotMatch(output, /failing/);
  });

  it('reports a failing suite with a non-zero exit code and the failure', async function () {
    const result = await runExtensionTests({
      workspaceFolder: workspace,
      extensionDevelopmentPath: PROBE_EXTENSION,
      extensionTestsPath: path.join(PROBE_EXTENSION, 'tests/failingSuite.js'),
    });
    const output = result.output.join('\n');
    assert.notEqual(result.exitCode, 0, output);
    assert.match(output, /^\s*1 passing/m);
    assert.match(output, /^\s*1 failing/m);
    assert.match(output, /fails on purpose/);
    assert.match(output, /AssertionError/);
  });
});
