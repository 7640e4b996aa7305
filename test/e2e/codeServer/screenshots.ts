/** Screenshots for the README: the window cropped to what a step shows. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import type { CodeServerSession } from './session';

const README_SCREENSHOTS = path.join(ARTIFACTS_DIR, 'readme');
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');

/**
 * Saves test-artifacts/e2e/readme/NAME.png: the window (of size `viewport`) cropped to the box
 * around the given elements (and `padBottom` pixels more), copied to docs/screenshots/ with
 * UPDATE_SCREENSHOTS=1, so that a test run does not rewrite committed files unless asked to.
 */
export async function cropScreenshot(
  session: CodeServerSession,
  name: string,
  viewport: { width: number; height: number },
  docs: { selectors: readonly string[]; padBottom?: number },
): Promise<void> {
  const boxes = [];
  for (const selector of docs.selectors) {
    const box = await session.page.locator(selector).first().boundingBox();
    assert.ok(box, `${selector} is not on screen for the ${name} screenshot`);
    boxes.push(box);
  }
  const x = Math.max(0, Math.min(...boxes.map((box) => box.x)));
  const y = Math.max(0, Math.min(...boxes.map((box) => box.y)));
  const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box.x + box.width)));
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((box) => box.y + box.height)) + (docs.padBottom ?? 0));
  fs.mkdirSync(README_SCREENSHOTS, { recursive: true });
  const file = path.join(README_SCREENSHOTS, `${name}.png`);
  await session.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  const bytes = fs.statSync(file).size;
  assert.ok(bytes < 150_000, `${file} is ${bytes} bytes`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}
