/** Diagnostics as the window shows them: the status bar's problem counts and the Problems panel. */
import { waitUntil, WAIT_TIMEOUT_MS } from './waits';
import { PageSource, RenderedElement } from './workbenchDom';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ProblemRow {
  /** The accessible label: for a marker `Warning: MESSAGE at line L and character C.`, for a file `N problems in file NAME…`. */
  ariaLabel: string;
  text: string;
}

/** Reads the problems status item's label: `No Problems` or e.g. `Errors: 1, Warnings: 2, Infos: 3` (zero counts are left out). */
export function parseProblemCounts(label: string): ProblemCounts {
  const count = (name: string): number => Number(new RegExp(`${name}:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/** True for a Problems panel row that is a marker (not a file header). */
export function isMarkerRow(row: ProblemRow): boolean {
  return /^(Error|Warning|Info|Hint)\b/i.test(row.ariaLabel);
}

export class Problems {
  constructor(private readonly window: PageSource) {}

  /** Problem counts from the status bar item (errors, warnings, infos). */
  async counts(): Promise<ProblemCounts> {
    const label = (await this.window.page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
    return parseProblemCounts(label);
  }

  /** Waits until the status bar counts satisfy `predicate`; returns them. */
  async waitForCounts(predicate: (counts: ProblemCounts) => boolean): Promise<ProblemCounts> {
    let seen: ProblemCounts | undefined;
    return waitUntil('problem counts matching the predicate', async () => {
      seen = await this.counts();
      return predicate(seen) ? seen : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and waits until its rendered rows satisfy
   * `predicate` (default: at least one marker row); returns the rows.
   */
  async panelRows(predicate: (rows: ProblemRow[]) => boolean = (rows) => rows.some((row) => isMarkerRow(row))): Promise<ProblemRow[]> {
    const page = this.window.page;
    if (!(await page.locator('.markers-panel').isVisible())) {
      await page.keyboard.press('Control+Shift+M');
    }
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    let seen: ProblemRow[] = [];
    return waitUntil('Problems panel rows matching the predicate', async () => {
      seen = await page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
        rows.map((row) => ({ ariaLabel: row.getAttribute('aria-label') ?? '', text: (row as unknown as RenderedElement).innerText })),
      );
      return predicate(seen) ? seen : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen.map((row) => row.ariaLabel)));
  }
}
