/**
 * The hooks every user-level e2e suite of the installed extension repeats: a
 * vault folder made for the suite, code-server started on it with the .vsix
 * installed, a picture of the window when a test fails, and both removed at
 * the end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { packagedExtension } from '../extensionPackage';
import { CodeServerSession } from './session';

/** The window size of the suites (and of the README's screenshots they take). */
export const VAULT_VIEWPORT = { width: 1100, height: 680 };

export interface VaultSessionOptions {
  /** Names the server's log (`code-server-NAME.log`) and the pictures of failed tests (`NAME-failed-…`). */
  readonly name: string;
  /** Makes the workspace folder, a copy the suite may change; it is removed after the suite. */
  readonly makeVault: () => string;
  /** Workspace settings besides a cursor that does not blink (the same screenshot every run). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface VaultSession {
  /** The running session (fails the test when it did not start). */
  session(): CodeServerSession;
  /** The workspace folder. */
  vault(): string;
}

/** Registers the suite's `before`, `afterEach` and `after` hooks; call it in a `describe` body. */
export function useVaultSession(options: VaultSessionOptions): VaultSession {
  let vault: string | undefined;
  let session: CodeServerSession | undefined;

  before(async function () {
    this.timeout(300_000);
    const extension = await packagedExtension();
    vault = options.makeVault();
    session = await CodeServerSession.start({
      workspaceFolder: vault,
      vsixPath: extension.vsixPath,
      logName: `code-server-${options.name}.log`,
      viewport: VAULT_VIEWPORT,
      settings: { 'editor.cursorBlinking': 'solid', ...options.settings },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.screenshotQuietly(`${options.name}-failed-${this.currentTest.title}`);
    }
  });

  after(async function () {
    await session?.close();
    if (vault) {
      fs.rmSync(vault, { recursive: true, force: true });
    }
  });

  return {
    session(): CodeServerSession {
      assert.ok(session, 'code-server session did not start');
      return session;
    },
    vault(): string {
      assert.ok(vault, 'the vault folder was not made');
      return vault;
    },
  };
}
