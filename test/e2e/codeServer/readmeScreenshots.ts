/**
 * Screenshots for the README: the whole window to test-artifacts/e2e/, and a crop around
 * the elements that matter to test-artifacts/e2e/readme/, copied to docs/screenshots/
 * (committed) only with UPDATE_SCREENSHOTS=1, so that a test run does not rewrite
 * committed files unless asked to.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import type { CodeServerSession } from './session';

const README_SCREENSHOTS = path.join(ARTIFACTS_DIR, 'readme');
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');
/** A README image stays small. */
const MAX_README_IMAGE_BYTES = 150_000;

/** The crop of a README screenshot: the box around the first element of each selector, and `padBottom` pixels more. */
export interface ReadmeCrop {
  selectors: string[];
  padBottom?: number;
}

/**
 * Saves test-artifacts/e2e/WINDOW.png (the whole window) and, when `crop` is given,
 * test-artifacts/e2e/readme/NAME.png: the window cropped to `crop`, copied to
 * docs/screenshots/NAME.png with UPDATE_SCREENSHOTS=1.
 */
export async function readmeScreenshot(session: CodeServerSession, window: string, name: string, crop?: ReadmeCrop): Promise<void> {
  await session.screenshot(window);
  if (!crop) {
    return;
  }
  const viewport = session.page.viewportSize();
  assert.ok(viewport, 'the browser page has no viewport size');
  const boxes = [];
  for (const selector of crop.selectors) {
    // Not waited for long: an element that went (a hover closed by lenses arriving) is said to be off screen, and the caller may show it again.
    const box = await session.page.locator(selector).first().boundingBox({ timeout: 5000 }).catch(() => null);
    assert.ok(box, `${selector} is not on screen for the ${name} screenshot`);
    boxes.push(box);
  }
  const x = Math.max(0, Math.min(...boxes.map((box) => box.x)));
  const y = Math.max(0, Math.min(...boxes.map((box) => box.y)));
  const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box.x + box.width)));
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((box) => box.y + box.height)) + (crop.padBottom ?? 0));
  fs.mkdirSync(README_SCREENSHOTS, { recursive: true });
  const file = path.join(README_SCREENSHOTS, `${name}.png`);
  await session.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  const bytes = fs.statSync(file).size;
  assert.ok(bytes < MAX_README_IMAGE_BYTES, `${file} is ${bytes} bytes`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}
