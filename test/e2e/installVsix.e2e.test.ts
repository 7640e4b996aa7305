/**
 * Proves the harness's .vsix path: a packaged extension is installed with
 * `--install-extension` before code-server starts, loads in the real window and runs
 * a command from the Command Palette.
 *
 * Needs `bash scripts/install-code-server.sh` first.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { CodeServerSession } from './codeServer/session';

const PROBE_EXTENSION = path.join(REPO_ROOT, 'test/e2e/fixtures/api-probe-extension');
const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test/e2e/fixtures/markdown-smoke');
const VSCE = path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce');

describe('installing a .vsix into code-server', function () {
  this.timeout(120_000);
  let packageDir: string;
  let workspace: string;
  let session: CodeServerSession | undefined;

  before(async function () {
    packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-vsix-'));
    const source = path.join(packageDir, 'extension');
    fs.cpSync(PROBE_EXTENSION, source, { recursive: true });
    await promisify(execFile)(process.execPath, [
      VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
      '--out', path.join(packageDir, 'probe.vsix'),
    ], { cwd: source, timeout: 60_000 });
    workspace = copyFolderToTemp(WORKSPACE_FIXTURE);
    session = await CodeServerSession.start({ workspaceFolder: workspace, vsixPath: path.join(packageDir, 'probe.vsix'), logName: 'code-server-vsix.log' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.screenshotQuietly(`vsix-failed-${this.currentTest.title}`);
    }
  });

  after(async function () {
    await session?.close();
    for (const dir of [workspace, packageDir]) {
      if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('installs the extension into the session\'s extensions folder', function () {
    assert.ok(session);
    const installed = fs.readdirSync(session.extensionsDir).filter((name) => !name.startsWith('.') && name !== 'extensions.json');
    assert.deepEqual(installed, ['entity-vault-tests.e2e-api-probe-0.0.1']);
  });

  it('runs the installed extension\'s command from the Command Palette', async function () {
    assert.ok(session);
    await session.quickInput.runCommand('E2E API Probe: Greet');
    const text = await session.waitForNotification((toast) => toast.includes('hello palette'));
    assert.match(text, /hello palette from entity-vault-tests\.e2e-api-probe/);
    await session.screenshot('vsix-command');
  });
});
