/** The quick input widget: Command Palette (F1), Quick Open (Ctrl+P) and Go to Line (Ctrl+G) all type into it. */
import { waitUntil } from './waits';
import { PageSource, quickInputBox } from './workbenchDom';

export class QuickInput {
  constructor(private readonly window: PageSource) {}

  /**
   * Runs a command from the Command Palette (F1) by its title, e.g. `View: Close All Editors`.
   * The palette lists the commands known when it opens, and an extension's commands are
   * known only once the extension host has registered it, so the palette is reopened
   * until the title is listed.
   */
  async runCommand(title: string): Promise<void> {
    const page = this.window.page;
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
    await waitUntil(`the command ${JSON.stringify(title)} in the Command Palette`, async () => {
      await page.keyboard.press('F1');
      await this.fill(`>${title}`);
      try {
        await row.waitFor({ state: 'visible', timeout: 2_000 });
        return true;
      } catch {
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        return undefined;
      }
    });
    await page.keyboard.press('Enter');
    // The palette closes, or (a command that asks something, such as Wanted Pages) the same widget shows the command's own quick pick at once.
    const widget = page.locator('.quick-input-widget');
    const box = page.locator(quickInputBox).first();
    await waitUntil(`the Command Palette to run ${JSON.stringify(title)}`, async () =>
      !(await widget.isVisible()) || (await box.inputValue().catch(() => '')) !== `>${title}` ? true : undefined);
  }

  /** Waits for the focused quick input box, fills it with `text` and waits until it reads so. */
  async fill(text: string): Promise<void> {
    const input = this.window.page.locator(`${quickInputBox}:focus`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await waitUntil(`quick input to read ${JSON.stringify(text)}`, async () => ((await input.inputValue()) === text ? true : undefined));
  }

  /** Waits until the focused row shows `text`, accepts it with Enter and waits for the widget to close. */
  async pickFocusedRow(text: string): Promise<void> {
    const page = this.window.page;
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first();
    await row.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }
}
