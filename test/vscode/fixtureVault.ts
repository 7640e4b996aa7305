/**
 * The vault the integration tests open: a copy of examples/vault plus the pages of
 * test/vscode/fixture/ (people/kim-philby.md, with one broken link and one footnote that
 * is never defined). Used by the runners (test/vscode/runTest.ts for VS Code,
 * test/e2e/*.e2e.test.ts for code-server) and described here for the tests themselves.
 *
 * Plain Node (fs/os/path): loaded by the runners and, for the constants, inside the
 * extension host.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root, both from out/test/vscode/ and out-NAME/test/vscode/. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const EXAMPLE_VAULT = path.join(REPO_ROOT, 'examples/vault');
export const FIXTURE_PAGES = path.join(REPO_ROOT, 'test/vscode/fixture');

/** Pages in the fixture vault: the 22 example pages and the fixture page. */
export const FIXTURE_PAGE_COUNT = 23;

/** The page with the problems, relative to the vault root. */
export const PROBLEM_PAGE = 'people/kim-philby.md';
/** A link on PROBLEM_PAGE whose target exists (hover, definition). */
export const GOOD_LINK = '/people/robert-maxwell/';
export const GOOD_LINK_TARGET = 'people/robert-maxwell.md';
export const GOOD_LINK_TITLE = 'Robert Maxwell';
/** Words of the target's `summary:`, as the entity card shows them. */
export const GOOD_LINK_SUMMARY_WORDS = 'Czechoslovak-born British publisher';
/** The broken link on PROBLEM_PAGE and what its first quick fix changes it to. */
export const BROKEN_LINK = '/people/nicholas-davis/';
export const BROKEN_LINK_FIX = '/people/nicholas-davies/';
export const BROKEN_LINK_FIX_TITLE = `Change link to ${BROKEN_LINK_FIX} (Nicholas Davies)`;
/** The footnote PROBLEM_PAGE references without defining it, and its quick fix. */
export const MISSING_FOOTNOTE = '[^2]';
export const MISSING_FOOTNOTE_FIX_TITLE = 'Add footnote definition [^2]';
/** Titles of the pages under /places/ (what completion after `](/places/` lists). */
export const PLACE_TITLES = ['Afghanistan', 'Iran', 'Israel', 'London', 'United Kingdom'];

/** Copies the fixture vault into a new temporary folder; returns its absolute path. */
export function createFixtureVault(prefix = 'entity-vault-fixture-'): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(EXAMPLE_VAULT, target, { recursive: true });
  fs.cpSync(FIXTURE_PAGES, target, { recursive: true });
  return target;
}
