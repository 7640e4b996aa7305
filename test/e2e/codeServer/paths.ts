/** Where the e2e harness finds code-server and Chromium, and where it leaves its artifacts. */
import * as path from 'node:path';

/** Repository root, both from out/test/e2e/codeServer/ and out-NAME/test/e2e/codeServer/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CODE_SERVER_ENTRY = path.join(REPO_ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts/e2e');
export const CHROMIUM_PATH = '/usr/bin/chromium';
