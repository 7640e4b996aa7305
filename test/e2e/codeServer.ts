/**
 * End-to-end harness: a real VS Code (code-server, installed by
 * scripts/install-code-server.sh into .tools/code-server/) driven through
 * Debian's Chromium with playwright-core.
 *
 * Usage (mocha):
 *   const session = await CodeServerSession.start({ workspaceFolder, vsixPath });
 *   await session.openFile('notes.md');
 *   await session.gotoLineColumn(3, 10);
 *   ...
 *   await session.close(); // in after(); also runs at process exit
 *
 * Every wait is a condition wait (20–30 s); the harness never sleeps for a fixed time.
 * Keystrokes go to whatever has focus, so each helper first waits for the widget it
 * types into to be focused.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { Browser, chromium, Page } from 'playwright-core';

/** Repository root, both from out/test/e2e/ and out-NAME/test/e2e/. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CODE_SERVER_ENTRY = path.join(REPO_ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts/e2e');
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Default timeout of every condition wait. */
export const WAIT_TIMEOUT_MS = 25_000;
const POLL_INTERVAL_MS = 100;
/** How long helpers that trigger a widget wait for an answer before triggering it again. */
const RETRIGGER_AFTER_MS = 3_000;

/** User settings that keep the window quiet and make typed text land exactly as typed. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'editor.wordBasedSuggestions': 'off',
  'markdown.validate.enabled': false,
  // The web workbench defaults to auto-save after a delay; tests save explicitly (save()).
  'files.autoSave': 'off',
  // Typing `[x](` must not become `[x]()`.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  // F12 on a name with several definitions jumps to the first instead of opening a peek.
  'editor.gotoLocation.multipleDefinitions': 'goto',
  // No animations: widgets are final as soon as they are in the DOM, screenshots are stable.
  'workbench.reduceMotion': 'on',
};

export interface CodeServerOptions {
  /** Absolute path of the folder to open (use copyFolderToTemp for a throw-away copy). */
  workspaceFolder: string;
  /** A packaged extension to install before the server starts. */
  vsixPath?: string;
  /** Settings merged over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra query parameters for the workbench URL (besides `folder` and `payload`). */
  urlQuery?: Record<string, string>;
  /**
   * Absolute path of an extension folder to load in development mode (on the server,
   * so in code-server's Node extension host), passed in the URL's `payload` as
   * @vscode/test-web does.
   */
  extensionDevelopmentPath?: string;
  /**
   * Absolute path of a module exporting `run(): Promise<void>` to run in the extension
   * host as extension tests. The workbench reports the exit code through
   * `window.codeAutomationExit` (see waitForExtensionTestsExit) and then closes the page,
   * so the workbench waits of start() are skipped in this mode.
   */
  extensionTestsPath?: string;
  /** Name of the server log under test-artifacts/e2e/ (default code-server.log). */
  logName?: string;
  viewport?: { width: number; height: number };
}

export interface ExtensionTestsResult {
  /** 0 when `run()` resolved, non-zero when it threw. */
  exitCode: number;
  /** The extension host's console output (mocha's reporter among it), one entry per console call. */
  output: string[];
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CompletionRow {
  /** The item's label as shown in the list. */
  label: string;
  /** The whole row text (label, description, detail when shown). */
  text: string;
  /** The row's accessible label, e.g. `notes.md, File`. */
  ariaLabel: string;
}

export interface ProblemRow {
  /** The accessible label: for a marker `Warning: MESSAGE at line L and character C.`, for a file `N problems in file NAME…`. */
  ariaLabel: string;
  text: string;
}

/** Polls `probe` until it returns a value other than undefined; throws after `timeoutMs`. */
export async function waitUntil<T>(
  description: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number = WAIT_TIMEOUT_MS,
  lastSeen?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = lastSeen ? `; last seen: ${lastSeen()}` : '';
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${seen}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Copies `source` into a new temporary folder and returns the copy's absolute path. */
export function copyFolderToTemp(source: string, prefix = 'e2e-workspace-'): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** A free TCP port on 127.0.0.1 (asks the OS for one, then releases it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('no port assigned'));
        }
      });
    });
  });
}

function runCodeServerCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CODE_SERVER_ENTRY, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) {
        reject(new Error(`code-server ${args.join(' ')} failed: ${error.message}\n${output}`));
      } else {
        resolve(output);
      }
    });
  });
}

/** Installs a .vsix into the given data and extension folders (before the server starts). */
export async function installExtension(vsixPath: string, userDataDir: string, extensionsDir: string, configFile: string): Promise<string> {
  const output = await runCodeServerCli([
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--install-extension', vsixPath,
  ]);
  if (!/was successfully installed/.test(output)) {
    throw new Error(`Installing ${vsixPath} failed:\n${output}`);
  }
  return output;
}

/** Reads the problems status item's label: `No Problems` or e.g. `Errors: 1, Warnings: 2, Infos: 3` (zero counts are left out). */
export function parseProblemCounts(label: string): ProblemCounts {
  const count = (name: string): number => Number(new RegExp(`${name}:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/** What the page functions read from a DOM element (the repo compiles without the DOM lib). */
interface RenderedElement {
  innerText: string;
  style: { top: string };
}

const activeTab = '.tabs-container .tab.active';
const quickInputBox = '.quick-input-widget .quick-input-box input';
const activeEditor = '.editor-group-container.active .monaco-editor';

export class CodeServerSession {
  private closed = false;
  private lastCursor = '';
  private readonly exitHandler = (): void => this.killServerNow();

  private constructor(
    readonly port: number,
    readonly workspaceFolder: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    private readonly tempRoot: string,
    private readonly server: ChildProcess,
    private readonly serverLog: fs.WriteStream,
    private browser: Browser | undefined,
    private currentPage: Page | undefined,
  ) {
    process.on('exit', this.exitHandler);
  }

  get page(): Page {
    if (!this.currentPage) {
      throw new Error('the browser page is not open');
    }
    return this.currentPage;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
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
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-code-server-'));
    const userDataDir = path.join(tempRoot, 'user-data');
    const extensionsDir = path.join(tempRoot, 'extensions');
    const configFile = path.join(tempRoot, 'config.yaml');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    // An empty config keeps code-server away from ~/.config/code-server/config.yaml.
    fs.writeFileSync(configFile, '');
    const settings = { ...QUIET_SETTINGS, ...options.settings };
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

    const logPath = path.join(ARTIFACTS_DIR, options.logName ?? 'code-server.log');
    const serverLog = fs.createWriteStream(logPath, { flags: 'w' });
    if (options.vsixPath) {
      try {
        serverLog.write(await installExtension(path.resolve(options.vsixPath), userDataDir, extensionsDir, configFile));
      } catch (error) {
        serverLog.end();
        fs.rmSync(tempRoot, { recursive: true, force: true });
        throw error;
      }
    }

    const port = await findFreePort();
    const server = spawn(process.execPath, [
      CODE_SERVER_ENTRY,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
    ], {
      // Its own process group, so close() can end the server and every child it spawned.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.pipe(serverLog, { end: false });
    server.stderr?.pipe(serverLog, { end: false });

    const session = new CodeServerSession(port, options.workspaceFolder, userDataDir, extensionsDir, tempRoot, server, serverLog, undefined, undefined);
    try {
      await session.waitForServer();
      await session.openBrowser(options);
    } catch (error) {
      await session.screenshotQuietly('start-failure');
      await session.close();
      throw error;
    }
    return session;
  }

  private async waitForServer(): Promise<void> {
    let exitCode: number | null = null;
    this.server.once('exit', (code) => {
      exitCode = code;
    });
    await waitUntil('code-server to answer /healthz', async () => {
      if (exitCode !== null) {
        throw new Error(`code-server exited with code ${exitCode}; see test-artifacts/e2e/code-server.log`);
      }
      try {
        const response = await fetch(`${this.baseUrl}healthz`);
        return response.ok ? true : undefined;
      } catch {
        return undefined;
      }
    }, WAIT_TIMEOUT_MS);
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
    const payload = this.extensionDevelopmentPayload(options);
    if (payload.length) {
      query.set('payload', JSON.stringify(payload));
    }
    if (options.extensionTestsPath) {
      await this.listenForExtensionTests(this.currentPage);
      await this.currentPage.goto(`${this.baseUrl}?${query.toString()}`);
      return;
    }
    await this.currentPage.goto(`${this.baseUrl}?${query.toString()}`);
    await this.currentPage.locator('.monaco-workbench').waitFor({ state: 'visible' });
    // The status bar is filled once the workbench has restored its parts.
    await this.currentPage.locator('#status\\.problems').waitFor({ state: 'visible' });
  }

  /** `payload` entries for extension development: paths become URIs on the server (the remote authority). */
  private extensionDevelopmentPayload(options: CodeServerOptions): [string, string][] {
    const remote = (file: string): string => {
      if (!path.isAbsolute(file)) {
        throw new Error(`extension paths must be absolute: ${file}`);
      }
      return `vscode-remote://127.0.0.1:${this.port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
    };
    const payload: [string, string][] = [];
    if (options.extensionDevelopmentPath) {
      payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
    }
    if (options.extensionTestsPath) {
      payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
    }
    return payload;
  }

  private extensionTestsOutput: string[] = [];
  private extensionTestsExit: Promise<number> | undefined;

  /** The workbench calls these two window functions when run by automation (as in @vscode/test-web). */
  private async listenForExtensionTests(page: Page): Promise<void> {
    const outputLog = fs.createWriteStream(path.join(ARTIFACTS_DIR, 'extension-tests.log'), { flags: 'w' });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = Array.isArray(args) ? format(...args) : String(args);
      this.extensionTestsOutput.push(line);
      outputLog.write(`${line}\n`);
    });
    let reportExit: (code: number) => void = () => undefined;
    this.extensionTestsExit = new Promise<number>((resolve) => {
      reportExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      outputLog.end();
      reportExit(code);
    });
  }

  /**
   * With `extensionTestsPath`: waits until the extension host reports that the tests
   * module's `run()` settled; returns its exit code and the extension host's output.
   */
  async waitForExtensionTestsExit(timeoutMs = 120_000): Promise<ExtensionTestsResult> {
    if (!this.extensionTestsExit) {
      throw new Error('the session was not started with extensionTestsPath');
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension tests did not finish within ${timeoutMs} ms; output so far:\n${this.extensionTestsOutput.join('\n')}`)), timeoutMs);
    });
    try {
      const exitCode = await Promise.race([this.extensionTestsExit, timeout]);
      return { exitCode, output: [...this.extensionTestsOutput] };
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- keyboard-driven helpers --------------------------------------------------------

  /** Presses a key chord (Playwright syntax, e.g. `Control+K`). */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Types text into whatever has focus (the editor after openFile / gotoLineColumn). */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * Runs a command from the Command Palette (F1) by its title, e.g. `View: Close All Editors`.
   * The palette lists the commands known when it opens, and an extension's commands are
   * known only once the extension host has registered it, so the palette is reopened
   * until the title is listed.
   */
  async runCommand(title: string): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
    await waitUntil(`the command ${JSON.stringify(title)} in the Command Palette`, async () => {
      await this.page.keyboard.press('F1');
      await this.fillQuickInput(`>${title}`);
      try {
        await row.waitFor({ state: 'visible', timeout: 2_000 });
        return true;
      } catch {
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        return undefined;
      }
    });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  private async fillQuickInput(text: string): Promise<void> {
    const input = this.page.locator(`${quickInputBox}:focus`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await waitUntil(`quick input to read ${JSON.stringify(text)}`, async () => ((await input.inputValue()) === text ? true : undefined));
  }

  private async pickQuickInputRow(text: string): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first();
    await row.waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Opens a workspace file through Quick Open (Ctrl+P) and waits until its tab is the
   * active one. `name` may be a bare file name or a workspace-relative path.
   */
  async openFile(name: string): Promise<void> {
    const baseName = path.posix.basename(name.replace(/\\/g, '/'));
    await this.page.keyboard.press('Control+P');
    await this.fillQuickInput(name);
    await this.pickQuickInputRow(baseName);
    await this.waitForActiveTab(baseName);
    await this.waitForEditorFocus();
  }

  /** Waits until the active editor tab shows `name`; returns the tab's text. */
  async waitForActiveTab(name: string): Promise<string> {
    const tab = this.page.locator(activeTab, { hasText: name }).first();
    await tab.waitFor({ state: 'visible' });
    return tab.innerText();
  }

  /** The text of the active editor tab (empty when no editor is open). */
  async activeTabName(): Promise<string> {
    const tab = this.page.locator(activeTab).first();
    return (await tab.count()) ? (await tab.innerText()).trim() : '';
  }

  private async waitForEditorFocus(): Promise<void> {
    await this.page.locator(`${activeEditor}.focused`).first().waitFor({ state: 'visible' });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column as in the status bar. */
  async gotoLineColumn(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.fillQuickInput(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursor(line, column);
    await this.waitForEditorFocus();
  }

  /** Waits until the status bar shows the cursor at `Ln line, Col column`. */
  async waitForCursor(line: number, column: number): Promise<void> {
    const expected = `Ln ${line}, Col ${column}`;
    await waitUntil(`cursor at ${expected}`, async () => ((await this.cursorPosition()) === expected ? true : undefined), WAIT_TIMEOUT_MS, () => this.lastCursor);
  }

  /** The status bar's cursor text, e.g. `Ln 3, Col 10` (with ` (5 selected)` when there is a selection). */
  async cursorPosition(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.selection');
    this.lastCursor = (await item.count()) ? (await item.innerText()).trim() : '';
    return this.lastCursor;
  }

  /**
   * The text of the lines the active editor has rendered (only those in or near the
   * viewport exist in the DOM; a word-wrapped line yields several entries). Non-breaking
   * spaces are turned back into spaces.
   */
  async visibleEditorLines(): Promise<string[]> {
    const lines = await this.page.locator(`${activeEditor} .view-lines .view-line`).evaluateAll((elements) =>
      elements
        .map((element) => ({ top: parseFloat((element as unknown as RenderedElement).style.top) || 0, text: element.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.map((line) => line.replace(/\u00a0/g, ' '));
  }

  /** Waits until some rendered editor line satisfies `predicate`; returns that line. */
  async waitForEditorLine(predicate: (line: string) => boolean, description = 'an editor line'): Promise<string> {
    let seen: string[] = [];
    return waitUntil(description, async () => {
      seen = await this.visibleEditorLines();
      return seen.find(predicate);
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /**
   * Shows the hover at the cursor (Ctrl+K Ctrl+I) and waits until the hover text
   * satisfies `predicate`; returns that text (all hover parts joined by newlines).
   * A hover asked for before the language server is ready stays empty, so the hover
   * is closed and asked for again every few seconds until the deadline.
   */
  async showHover(predicate: (text: string) => boolean = (text) => text.trim().length > 0): Promise<string> {
    let seen = '';
    return this.triggerUntil('a hover matching the predicate', async () => {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
    }, async () => {
      const parts = await this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts();
      seen = parts.join('\n');
      return parts.length && predicate(seen) ? seen : undefined;
    }, () => this.page.keyboard.press('Escape'), () => JSON.stringify(seen));
  }

  /**
   * Triggers suggestions (Ctrl+Space) and waits until the rendered rows satisfy
   * `predicate` (default: at least one row); retriggers every few seconds like
   * showHover. The list is virtualised: only the rows in view (about twelve) are in the DOM.
   */
  async triggerCompletion(predicate: (rows: CompletionRow[]) => boolean = (rows) => rows.length > 0): Promise<CompletionRow[]> {
    let seen: CompletionRow[] = [];
    return this.triggerUntil('completion rows matching the predicate', () => this.page.keyboard.press('Control+Space'), async () => {
      seen = await this.completionRows();
      return seen.length && predicate(seen) ? seen : undefined;
    }, () => this.page.keyboard.press('Escape'), () => JSON.stringify(seen.map((row) => row.ariaLabel)));
  }

  /** The rows the suggest widget shows now (none when it is closed). */
  async completionRows(): Promise<CompletionRow[]> {
    return this.page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        text: (row as unknown as RenderedElement).innerText,
        ariaLabel: row.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /**
   * Runs `trigger`, then polls `probe` until it yields a value; when nothing has come
   * for RETRIGGER_AFTER_MS, runs `reset` and `trigger` again (a request sent before a
   * provider was ready is never answered anew). Fails at the usual deadline.
   */
  private async triggerUntil<T>(
    description: string,
    trigger: () => Promise<void>,
    probe: () => Promise<T | undefined>,
    reset: () => Promise<void>,
    lastSeen: () => string,
  ): Promise<T> {
    await trigger();
    let triggeredAt = Date.now();
    return waitUntil(description, async () => {
      const value = await probe();
      if (value === undefined && Date.now() - triggeredAt > RETRIGGER_AFTER_MS) {
        await reset();
        await trigger();
        triggeredAt = Date.now();
      }
      return value;
    }, WAIT_TIMEOUT_MS, lastSeen);
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
  async dismissWidgets(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  /** Problem counts from the status bar item (errors, warnings, infos). */
  async problemCounts(): Promise<ProblemCounts> {
    const label = (await this.page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
    return parseProblemCounts(label);
  }

  /** Waits until the status bar counts satisfy `predicate`; returns them. */
  async waitForProblemCounts(predicate: (counts: ProblemCounts) => boolean): Promise<ProblemCounts> {
    let seen: ProblemCounts | undefined;
    return waitUntil('problem counts matching the predicate', async () => {
      seen = await this.problemCounts();
      return predicate(seen) ? seen : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and waits until its rendered rows satisfy
   * `predicate` (default: at least one marker row); returns the rows.
   */
  async problemsPanelRows(predicate: (rows: ProblemRow[]) => boolean = (rows) => rows.some((row) => isMarkerRow(row))): Promise<ProblemRow[]> {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
    let seen: ProblemRow[] = [];
    return waitUntil('Problems panel rows matching the predicate', async () => {
      seen = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
        rows.map((row) => ({ ariaLabel: row.getAttribute('aria-label') ?? '', text: (row as unknown as RenderedElement).innerText })),
      );
      return predicate(seen) ? seen : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen.map((row) => row.ariaLabel)));
  }

  /**
   * Opens Quick Fix (Ctrl+.) at the cursor, waits for an action whose label contains
   * `label`, selects it with the arrow keys, applies it with Enter and waits for the
   * menu to close. Returns the labels offered.
   */
  async quickFix(label: string): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const actions = this.page.locator('.action-widget .monaco-list-row.action');
    let offered: string[] = [];
    await waitUntil(`a quick fix containing ${JSON.stringify(label)}`, async () => {
      offered = (await actions.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))).map((text) => text.trim());
      return offered.some((text) => text.includes(label)) ? true : undefined;
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(offered));
    // The menu opens with the first action focused; a click is swallowed by its pointer block.
    const focusedLabel = async (): Promise<string> => (await actions.and(this.page.locator('.focused')).first().getAttribute('aria-label')) ?? '';
    for (let step = 0; !(await focusedLabel()).includes(label); step++) {
      if (step > offered.length) {
        throw new Error(`could not focus the quick fix ${JSON.stringify(label)} among ${JSON.stringify(offered)}`);
      }
      const before = await focusedLabel();
      await this.page.keyboard.press('ArrowDown');
      await waitUntil('the quick fix focus to move', async () => ((await focusedLabel()) !== before ? true : undefined));
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
    return offered;
  }

  /**
   * Go to Definition (F12); waits until the active tab shows `expectedTab` and, when
   * given, the cursor is at `expected` (needed when the definition is in the same file).
   * F12 is pressed again every few seconds while the editor has not moved (a request sent
   * before the language server was ready is answered with "No definition found").
   */
  async goToDefinition(expectedTab: string, expected?: { line: number; column: number }): Promise<void> {
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
      await this.page.keyboard.press('F12');
    };
    const clearMessage = async (): Promise<void> => {
      if ((await editorState()) === start) {
        await this.page.keyboard.press('Escape');
      }
    };
    await this.triggerUntil(`Go to Definition to reach ${expectedTab}`, pressF12, arrived, clearMessage, () => `${this.lastCursor} in ${expectedTab}?`);
    await this.waitForEditorFocus();
  }

  /** Waits for a notification toast whose text satisfies `predicate`; returns its text. */
  async waitForNotification(predicate: (text: string) => boolean): Promise<string> {
    let seen: string[] = [];
    return waitUntil('a notification matching the predicate', async () => {
      seen = await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      return seen.find(predicate);
    }, WAIT_TIMEOUT_MS, () => JSON.stringify(seen));
  }

  /** Saves the active editor (Ctrl+S): waits for the tab to show unsaved changes first, then for that mark to go. */
  async save(): Promise<void> {
    await this.page.locator(`${activeTab}.dirty`).waitFor({ state: 'visible' });
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${activeTab}.dirty`).waitFor({ state: 'detached' });
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

  // ---- shutdown --------------------------------------------------------------------------

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
    await this.stopServer();
    process.removeListener('exit', this.exitHandler);
    this.serverLog.end();
    fs.rmSync(this.tempRoot, { recursive: true, force: true });
  }

  private async stopServer(): Promise<void> {
    if (this.server.exitCode !== null || this.server.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    this.signalServerGroup('SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000).unref()),
    ]);
    if (timedOut) {
      this.signalServerGroup('SIGKILL');
      await exited;
    }
    // Children that ignored SIGTERM (extension host, language servers) go too.
    this.signalServerGroup('SIGKILL');
  }

  private signalServerGroup(signal: NodeJS.Signals): void {
    if (this.server.pid === undefined) {
      return;
    }
    try {
      process.kill(-this.server.pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /** Last resort at process exit (synchronous): kill the whole server group, remove the temp folders. */
  private killServerNow(): void {
    if (!this.closed) {
      this.signalServerGroup('SIGKILL');
      fs.rmSync(this.tempRoot, { recursive: true, force: true });
    }
  }
}

/** True for a Problems panel row that is a marker (not a file header). */
export function isMarkerRow(row: ProblemRow): boolean {
  return /^(Error|Warning|Info|Hint)\b/i.test(row.ariaLabel);
}
