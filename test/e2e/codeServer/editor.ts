/**
 * The active text editor: opening files, its tab, the cursor (as the status bar shows
 * it), the rendered lines, saving and Go to Definition.
 */
import * as path from 'node:path';
import { QuickInput } from './quickInput';
import { triggerUntil, waitUntil, WAIT_TIMEOUT_MS } from './waits';
import { activeEditor, activeTab, PageSource, RenderedElement } from './workbenchDom';

export class Editor {
  private lastCursor = '';

  constructor(
    private readonly window: PageSource,
    private readonly quickInput: QuickInput,
  ) {}

  /**
   * Opens a workspace file through Quick Open (Ctrl+P) and waits until its tab is the
   * active one. `name` may be a bare file name or a workspace-relative path.
   */
  async openFile(name: string): Promise<void> {
    const baseName = path.posix.basename(name.replace(/\\/g, '/'));
    await this.window.page.keyboard.press('Control+P');
    await this.quickInput.fill(name);
    await this.quickInput.pickFocusedRow(baseName);
    await this.waitForActiveTab(baseName);
    await this.waitForFocus();
  }

  /** Waits until the active editor tab shows `name`; returns the tab's text. */
  async waitForActiveTab(name: string): Promise<string> {
    const tab = this.window.page.locator(activeTab, { hasText: name }).first();
    await tab.waitFor({ state: 'visible' });
    return tab.innerText();
  }

  /** The text of the active editor tab (empty when no editor is open). */
  async activeTabName(): Promise<string> {
    const tab = this.window.page.locator(activeTab).first();
    return (await tab.count()) ? (await tab.innerText()).trim() : '';
  }

  private async waitForFocus(): Promise<void> {
    await this.window.page.locator(`${activeEditor}.focused`).first().waitFor({ state: 'visible' });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column as in the status bar. */
  async gotoLineColumn(line: number, column: number): Promise<void> {
    const page = this.window.page;
    await page.keyboard.press('Control+G');
    await this.quickInput.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursor(line, column);
    await this.waitForFocus();
  }

  /** Waits until the status bar shows the cursor at `Ln line, Col column`. */
  async waitForCursor(line: number, column: number): Promise<void> {
    const expected = `Ln ${line}, Col ${column}`;
    await waitUntil(`cursor at ${expected}`, async () => ((await this.cursorPosition()) === expected ? true : undefined), WAIT_TIMEOUT_MS, () => this.lastCursor);
  }

  /** The status bar's cursor text, e.g. `Ln 3, Col 10` (with ` (5 selected)` when there is a selection). */
  async cursorPosition(): Promise<string> {
    const item = this.window.page.locator('#status\\.editor\\.selection');
    this.lastCursor = (await item.count()) ? (await item.innerText()).trim() : '';
    return this.lastCursor;
  }

  /**
   * The text of the lines the active editor has rendered (only those in or near the
   * viewport exist in the DOM; a word-wrapped line yields several entries). Non-breaking
   * spaces are turned back into spaces.
   */
  async visibleLines(): Promise<string[]> {
    return renderedLines(this.window, activeEditor);
  }

  /** Waits until some rendered editor line satisfies `predicate`; returns that line. */
  async waitForLine(predicate: (line: string) => boolean, description = 'an editor line'): Promise<string> {
    let seen: string[] = [];
    return waitUntil(description, async () => {
      seen = await this.visibleLines();
      return seen.find(predicate);
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /** Saves the active editor (Ctrl+S): waits for the tab to show unsaved changes first, then for that mark to go. */
  async save(): Promise<void> {
    const page = this.window.page;
    await page.locator(`${activeTab}.dirty`).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+S');
    await page.locator(`${activeTab}.dirty`).waitFor({ state: 'detached' });
  }

  /**
   * Go to Definition (F12); waits until the active tab shows `expectedTab` and, when
   * given, the cursor is at `expected` (needed when the definition is in the same file).
   * F12 is pressed again every few seconds while the editor has not moved (a request sent
   * before the language server was ready is answered with "No definition found").
   */
  async goToDefinition(expectedTab: string, expected?: { line: number; column: number }): Promise<void> {
    const keyboard = this.window.page.keyboard;
    const editorState = async (): Promise<string> => `${await this.activeTabName()}|${await this.cursorPosition()}`;
    const start = await editorState();
    const arrived = async (): Promise<true | undefined> => {
      const tab = await this.activeTabName();
      const cursor = await this.cursorPosition();
      if (!tab.includes(expectedTab)) {
        return undefined;
      }
      if (expected) {
        return cursor === `Ln ${expected.line}, Col ${expected.column}` ? true : undefined;
      }
      return `${tab}|${cursor}` !== start ? true : undefined;
    };
    let pressed = false;
    const pressF12 = async (): Promise<void> => {
      // Press again only while the editor has not moved at all (a slow jump is left alone).
      if (pressed && (await editorState()) !== start) {
        return;
      }
      pressed = true;
      await keyboard.press('F12');
    };
    const clearMessage = async (): Promise<void> => {
      if ((await editorState()) === start) {
        await keyboard.press('Escape');
      }
    };
    await triggerUntil(`Go to Definition to reach ${expectedTab}`, pressF12, arrived, clearMessage, () => `${this.lastCursor} in ${expectedTab}?`);
    await this.waitForFocus();
  }
}

/**
 * The rendered lines of the first Monaco editor matching `editor` (e.g. the Output panel's,
 * `.part.panel .monaco-editor`) in their order on screen (Monaco reuses line elements, so the
 * DOM order is not the screen's), non-breaking spaces turned back into spaces.
 */
export async function renderedLines(window: PageSource, editor: string): Promise<string[]> {
  const lines = await window.page.locator(`${editor} .view-lines .view-line`).evaluateAll((elements) =>
    elements
      .map((element) => ({ top: parseFloat((element as unknown as RenderedElement).style.top) || 0, text: element.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}
