/**
 * Starting and stopping code-server: throw-away data and extension folders with quiet
 * user settings, a .vsix installed before the server starts, the server in its own
 * process group on a free port, and shutdown of that whole group.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ARTIFACTS_DIR, CODE_SERVER_ENTRY } from './paths';
import { waitUntil, WAIT_TIMEOUT_MS } from './waits';

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

export interface ServerLaunchOptions {
  /** A packaged extension to install before the server starts. */
  vsixPath?: string;
  /** Settings merged over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Name of the server log under test-artifacts/e2e/ (default code-server.log). */
  logName?: string;
  /** Environment variables set for code-server (and so for the extension host and the language server) over this process's. */
  env?: Record<string, string>;
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

/** A running code-server with its temp folders and log; `stop()` ends it and removes them. */
export class CodeServerProcess {
  private constructor(
    readonly port: number,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    private readonly tempRoot: string,
    private readonly server: ChildProcess,
    private readonly serverLog: fs.WriteStream,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /**
   * Creates temp data and extension folders, installs the .vsix if given and spawns
   * code-server (without waiting for it: see waitUntilHealthy). If the install fails,
   * the temp folders are removed before the error is thrown.
   */
  static async launch(options: ServerLaunchOptions): Promise<CodeServerProcess> {
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
      // Its own process group, so stop() can end the server and every child it spawned.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    server.stdout?.pipe(serverLog, { end: false });
    server.stderr?.pipe(serverLog, { end: false });
    return new CodeServerProcess(port, userDataDir, extensionsDir, tempRoot, server, serverLog);
  }

  /** Waits until the server answers /healthz; fails at once if it exits. */
  async waitUntilHealthy(): Promise<void> {
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

  /** Ends the server's process group, closes the log and removes the temp folders. */
  async stop(): Promise<void> {
    await this.stopServer();
    this.serverLog.end();
    fs.rmSync(this.tempRoot, { recursive: true, force: true });
  }

  /** Last resort at process exit (synchronous): kill the whole server group, remove the temp folders. */
  killNow(): void {
    this.signalServerGroup('SIGKILL');
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
}
