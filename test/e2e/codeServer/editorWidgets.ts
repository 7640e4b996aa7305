/** The widgets that open over the editor: the hover, the suggest widget (completion) and the Quick Fix menu. */
import { triggerUntil, waitUntil, WAIT_TIMEOUT_MS } from './waits';
import { PageSource, RenderedElement } from './workbenchDom';

export interface CompletionRow {
  /** The item's label as shown in the list. */
  label: string;
  /** The whole row text (label, description, detail when shown). */
  text: string;
  /** The row's accessible label, e.g. `notes.md, File`. */
  ariaLabel: string;
}

export class EditorWidgets {
  constructor(private readonly window: PageSource) {}

  /**
   * Shows the hover at the cursor (Ctrl+K Ctrl+I) and waits until the hover text
   * satisfies `predicate`; returns that text (all hover parts joined by newlines).
   * A hover asked for before the language server is ready stays empty, so the hover
   * is closed and asked for again every few seconds until the deadline.
   */
  async showHover(predicate: (text: string) => boolean = (text) => text.trim().length > 0): Promise<string> {
    const page = this.window.page;
    let seen = '';
    return triggerUntil('a hover matching the predicate', async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
    }, async () => {
      const parts = await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts();
      seen = parts.join('\n');
      return parts.length && predicate(seen) ? seen : undefined;
    }, () => page.keyboard.press('Escape'), () => JSON.stringify(seen));
  }

  /**
   * Triggers suggestions (Ctrl+Space) and waits until the rendered rows satisfy
   * `predicate` (default: at least one row); retriggers every few seconds like
   * showHover. The list is virtualised: only the rows in view (about twelve) are in the DOM.
   */
  async triggerCompletion(predicate: (rows: CompletionRow[]) => boolean = (rows) => rows.length > 0): Promise<CompletionRow[]> {
    const keyboard = this.window.page.keyboard;
    let seen: CompletionRow[] = [];
    return triggerUntil('completion rows matching the predicate', () => keyboard.press('Control+Space'), async () => {
      seen = await this.completionRows();
      return seen.length && predicate(seen) ? seen : undefined;
    }, () => keyboard.press('Escape'), () => JSON.stringify(seen.map((row) => row.ariaLabel)));
  }

  /** The rows the suggest widget shows now (none when it is closed). */
  async completionRows(): Promise<CompletionRow[]> {
    return this.window.page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        text: (row as unknown as RenderedElement).innerText,
        ariaLabel: row.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /** Waits for the suggest widget (opened by typing) to show rows satisfying `predicate`. */
  async waitForCompletion(predicate: (rows: CompletionRow[]) => boolean = (rows) => rows.length > 0): Promise<CompletionRow[]> {
    let seen: CompletionRow[] = [];
    return waitUntil('completion rows matching the predicate', async () => {
      seen = await this.completionRows();
      return seen.length && predicate(seen) ? seen : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen.map((row) => row.ariaLabel)));
  }

  /** Closes a hover, the suggest widget or a quick input, and leaves focus in the editor. */
  async dismiss(): Promise<void> {
    const page = this.window.page;
    await page.keyboard.press('Escape');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  /**
   * Opens Quick Fix (Ctrl+.) at the cursor, waits for an action whose label contains
   * `label`, selects it with the arrow keys, applies it with Enter and waits for the
   * menu to close. Returns the labels offered.
   */
  async quickFix(label: string): Promise<string[]> {
    const page = this.window.page;
    const actions = page.locator('.action-widget .monaco-list-row.action');
    let offered: string[] = [];
    // A Ctrl+. that reached the editor before it had focus back (after an Escape) opens nothing: press it again then.
    await triggerUntil(`a quick fix containing ${JSON.stringify(label)}`, () => page.keyboard.press('Control+.'), async () => {
      offered = (await actions.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))).map((text) => text.trim());
      return offered.some((text) => text.includes(label)) ? true : undefined;
    }, async () => {
      await page.keyboard.press('Escape');
      await page.locator('.action-widget').waitFor({ state: 'hidden' });
    }, () => JSON.stringify(offered));
    // The menu opens with the first action focused; a click is swallowed by its pointer block.
    const focusedLabel = async (): Promise<string> => (await actions.and(page.locator('.focused')).first().getAttribute('aria-label')) ?? '';
    for (let step = 0; !(await focusedLabel()).includes(label); step++) {
      if (step > offered.length) {
        throw new Error(`could not focus the quick fix ${JSON.stringify(label)} among ${JSON.stringify(offered)}`);
      }
      const before = await focusedLabel();
      await page.keyboard.press('ArrowDown');
      await waitUntil('the quick fix focus to move', async () => ((await focusedLabel()) !== before ? true : undefined));
    }
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    return offered;
  }
}
