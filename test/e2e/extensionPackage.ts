/**
 * The packaged extension (entity-vault-VERSION.vsix at the repository root) for the e2e
 * tests: reused when it is newer than everything it is built from (as after `npm run
 * package` earlier in the same `npm run test:e2e`), packaged with `npm run package`
 * otherwise.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './codeServer/paths';

/** What the .vsix is built from: when one of these is newer, it is packaged again. */
const PACKAGE_INPUTS = ['client/src', 'server/src', 'syntaxes', 'package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE'];

export interface PackagedExtension {
  vsixPath: string;
  bytes: number;
  /** True when this call ran `npm run package`, false when an up-to-date .vsix was reused. */
  packagedNow: boolean;
}

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) {
    return 0;
  }
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestModification(path.join(entry, name))));
}

export function vsixPathOfThisVersion(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return path.join(REPO_ROOT, `entity-vault-${version}.vsix`);
}

/** The up-to-date .vsix of this version, packaged now if needed. */
export async function packagedExtension(): Promise<PackagedExtension> {
  const vsixPath = vsixPathOfThisVersion();
  const inputsChanged = Math.max(...PACKAGE_INPUTS.map((entry) => newestModification(path.join(REPO_ROOT, entry))));
  let packagedNow = false;
  if (!fs.existsSync(vsixPath) || fs.statSync(vsixPath).mtimeMs < inputsChanged) {
    await promisify(execFile)('npm', ['run', 'package'], { cwd: REPO_ROOT, timeout: 180_000 });
    packagedNow = true;
  }
  if (!fs.existsSync(vsixPath)) {
    throw new Error(`npm run package did not write ${vsixPath}`);
  }
  return { vsixPath, bytes: fs.statSync(vsixPath).size, packagedNow };
}
