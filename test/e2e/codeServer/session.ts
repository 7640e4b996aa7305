/**
 * End-to-end harness: a real VS Code (code-server, installed by
 * scripts/install-code-server.sh into .tools/code-server/) driven through
 * Debian's Chromium with playwright-core.
 *
 * Usage (mocha):
 *   const session = await CodeServerSession.start({ workspaceFolder, vsixPath });
 *   await session.editor.openFile('notes.md');
 *   await session.editor.gotoLineColumn(3, 10);
 *   ...
 *   await session.close(); // in after(); also runs at process exit
 *
 * The session owns the server and the browser; what it drives is grouped by the part
 * of the window: `editor` (editor.ts), `widgets` (editorWidgets.ts: hover, completion,
 * quick fix), `problems` (problems.ts) and `quickInput` (quickInput.ts: commands).
 *
 * Every wait is a condition wait (20–30 s); the harness never sleeps for a fixed time.
 * Keystrokes go to whatever has focus, so each helper first waits for the widget it
 * types into to be focused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { Editor } from './editor';
import { EditorWidgets } from './editorWidgets';
import { ExtensionDevelopmentOptions, extensionDevelopmentPayload, ExtensionTestsListener, ExtensionTestsResult } from './extensionTests';
import { CodeServerProcess, ServerLaunchOptions } from './launch';
import { ARTIFACTS_DIR, CHROMIUM_PATH, CODE_SERVER_ENTRY } from './paths';
import { Problems } from './problems';
import { QuickInput } from './quickInput';
import { waitUntil, WAIT_TIMEOUT_MS } from './waits';
import { PageSource } from './workbenchDom';

export interface CodeServerOptions extends ServerLaunchOptions, ExtensionDevelopmentOptions {
  /** Absolute path of the folder to open (use copyFolderToTemp for a throw-away copy). */
  workspaceFolder: string;
  /** Extra query parameters for the workbench URL (besides `folder` and `payload`). */
  urlQuery?: Record<string, string>;
  viewport?: { width: number; height: number };
}

export class CodeServerSession implements PageSource {
  readonly quickInput = new QuickInput(this);
  readonly editor = new Editor(this, this.quickInput);
  readonly widgets = new EditorWidgets(this);
  readonly problems = new Problems(this);
  private closed = false;
  private browser: Browser | undefined;
  private currentPage: Page | undefined;
  private extensionTests: ExtensionTestsListener | undefined;
  private readonly exitHandler = (): void => this.killServerNow();

  private constructor(
    readonly workspaceFolder: string,
    private readonly server: CodeServerProcess,
  ) {
    process.on('exit', this.exitHandler);
  }

  get page(): Page {
    if (!this.currentPage) {
      throw new Error('the browser page is not open');
    }
    return this.currentPage;
  }

  get port(): number {
    return this.server.port;
  }

  get userDataDir(): string {
    return this.server.userDataDir;
  }

  get extensionsDir(): string {
    return this.server.extensionsDir;
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /**
   * Creates temp data and extension folders, installs the .vsix if given, starts
   * code-server, opens the folder in Chromium and waits for the workbench.
   * On any failure everything started so far is shut down before the error is thrown.
   */
  static async start(options: CodeServerOptions): Promise<CodeServerSession> {
    if (!fs.existsSync(CODE_SERVER_ENTRY)) {
      throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run bash scripts/install-code-server.sh`);
    }
    if (!path.isAbsolute(options.workspaceFolder)) {
      throw new Error(`workspaceFolder must be absolute: ${options.workspaceFolder}`);
    }
    const session = new CodeServerSession(options.workspaceFolder, await CodeServerProcess.launch(options));
    try {
      await session.server.waitUntilHealthy();
      await session.openBrowser(options);
    } catch (error) {
      await session.screenshotQuietly('start-failure');
      await session.close();
      throw error;
    }
    return session;
  }

  private async openBrowser(options: CodeServerOptions): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await this.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    this.currentPage = await context.newPage();
    this.currentPage.setDefaultTimeout(WAIT_TIMEOUT_MS);
    const query = new URLSearchParams({ folder: this.workspaceFolder, ...options.urlQuery });
    const payload = extensionDevelopmentPayload(this.port, options);
    if (payload.length) {
      query.set('payload', JSON.stringify(payload));
    }
    if (options.extensionTestsPath) {
      this.extensionTests = await ExtensionTestsListener.attach(this.currentPage);
      await this.currentPage.goto(`${this.baseUrl}?${query.toString()}`);
      return;
    }
    await this.currentPage.goto(`${this.baseUrl}?${query.toString()}`);
    await this.currentPage.locator('.monaco-workbench').waitFor({ state: 'visible' });
    // The status bar is filled once the workbench has restored its parts.
    await this.currentPage.locator('#status\\.problems').waitFor({ state: 'visible' });
  }

  /**
   * With `extensionTestsPath`: waits until the extension host reports that the tests
   * module's `run()` settled; returns its exit code and the extension host's output.
   */
  async waitForExtensionTestsExit(timeoutMs = 120_000): Promise<ExtensionTestsResult> {
    if (!this.extensionTests) {
      throw new Error('the session was not started with extensionTestsPath');
    }
    return this.extensionTests.waitForExit(timeoutMs);
  }

  /** Presses a key chord (Playwright syntax, e.g. `Control+K`). */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Types text into whatever has focus (the editor after openFile / gotoLineColumn). */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Waits for a notification toast whose text satisfies `predicate`; returns its text. */
  async waitForNotification(predicate: (text: string) => boolean): Promise<string> {
    let seen: string[] = [];
    return waitUntil('a notification matching the predicate', async () => {
      seen = await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      return seen.find(predicate);
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /** Saves a PNG of the page as test-artifacts/e2e/NAME.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Like screenshot, for use in failure hooks: never throws. */
  async screenshotQuietly(name: string): Promise<string | undefined> {
    try {
      return this.currentPage ? await this.screenshot(name) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Closes the browser, ends the server's process group and removes the temp folders. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    try {
      await this.browser?.close();
    } catch {
      // The browser may already be gone; the server still has to be stopped.
    }
    this.browser = undefined;
    this.currentPage = undefined;
    await this.server.stop();
    process.removeListener('exit', this.exitHandler);
  }

  /** Last resort at process exit (synchronous). */
  private killServerNow(): void {
    if (!this.closed) {
      this.server.killNow();
    }
  }
}
