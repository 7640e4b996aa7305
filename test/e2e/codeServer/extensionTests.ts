/**
 * Extension tests in code-server's extension host: the URL `payload` that loads an
 * extension in development mode with a tests module, and the window functions through
 * which the workbench reports the tests' output and exit code (as in @vscode/test-web).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';

export interface ExtensionDevelopmentOptions {
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
}

export interface ExtensionTestsResult {
  /** 0 when `run()` resolved, non-zero when it threw. */
  exitCode: number;
  /** The extension host's console output (mocha's reporter among it), one entry per console call. */
  output: string[];
}

/** `payload` entries for extension development: paths become URIs on the server (the remote authority). */
export function extensionDevelopmentPayload(port: number, options: ExtensionDevelopmentOptions): [string, string][] {
  const remote = (file: string): string => {
    if (!path.isAbsolute(file)) {
      throw new Error(`extension paths must be absolute: ${file}`);
    }
    return `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
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

/** Collects the extension host's output (also into test-artifacts/e2e/extension-tests.log) and its exit code. */
export class ExtensionTestsListener {
  private readonly output: string[] = [];

  private constructor(private readonly exit: Promise<number>) {}

  /** The workbench calls these two window functions when run by automation (as in @vscode/test-web). */
  static async attach(page: Page): Promise<ExtensionTestsListener> {
    const outputLog = fs.createWriteStream(path.join(ARTIFACTS_DIR, 'extension-tests.log'), { flags: 'w' });
    let reportExit: (code: number) => void = () => undefined;
    const listener = new ExtensionTestsListener(new Promise<number>((resolve) => {
      reportExit = resolve;
    }));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = Array.isArray(args) ? format(...args) : String(args);
      listener.output.push(line);
      outputLog.write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      outputLog.end();
      reportExit(code);
    });
    return listener;
  }

  /** Waits until the tests module's `run()` settled; returns its exit code and the extension host's output. */
  async waitForExit(timeoutMs: number): Promise<ExtensionTestsResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension tests did not finish within ${timeoutMs} ms; output so far:\n${this.output.join('\n')}`)), timeoutMs);
    });
    try {
      const exitCode = await Promise.race([this.exit, timeout]);
      return { exitCode, output: [...this.output] };
    } finally {
      clearTimeout(timer);
    }
  }
}
