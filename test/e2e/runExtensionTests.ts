/**
 * Runs a tests module (exporting `run(): Promise<void>`, typically a mocha suite written
 * against the `vscode` API) inside code-server's Node extension host, with an extension
 * loaded in development mode: the code-server counterpart of @vscode/test-electron's
 * runTests and @vscode/test-web.
 *
 * As a program:
 *   node out/test/e2e/runExtensionTests.js --extensionDevelopmentPath=. \
 *     --extensionTestsPath=out/test/vscode/index.js --folder=examples/vault [--vsix=x.vsix]
 * exits with the tests' exit code.
 */
import * as path from 'node:path';
import { ExtensionTestsResult } from './codeServer/extensionTests';
import { CodeServerSession } from './codeServer/session';

export interface RunExtensionTestsOptions {
  /** Folder opened as the workspace (absolute). */
  workspaceFolder: string;
  /** Extension folder loaded in development mode (absolute). */
  extensionDevelopmentPath: string;
  /** Module whose `run()` runs the tests (absolute). */
  extensionTestsPath: string;
  /** A packaged extension installed before start (optional). */
  vsixPath?: string;
  settings?: Record<string, unknown>;
  timeoutMs?: number;
}

export async function runExtensionTests(options: RunExtensionTestsOptions): Promise<ExtensionTestsResult> {
  const session = await CodeServerSession.start({
    workspaceFolder: options.workspaceFolder,
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
    vsixPath: options.vsixPath,
    settings: options.settings,
    logName: 'code-server-extension-tests.log',
  });
  try {
    return await session.waitForExtensionTestsExit(options.timeoutMs);
  } finally {
    await session.close();
  }
}

function parseArguments(argv: string[]): RunExtensionTestsOptions {
  const values = new Map<string, string>();
  for (const argument of argv) {
    const match = /^--([\w-]+)=(.*)$/.exec(argument);
    if (!match) {
      throw new Error(`unexpected argument ${argument} (use --name=value)`);
    }
    values.set(match[1], match[2]);
  }
  const required = (name: string): string => {
    const value = values.get(name);
    if (!value) {
      throw new Error(`missing --${name}=…`);
    }
    return path.resolve(value);
  };
  return {
    workspaceFolder: required('folder'),
    extensionDevelopmentPath: required('extensionDevelopmentPath'),
    extensionTestsPath: required('extensionTestsPath'),
    vsixPath: values.has('vsix') ? path.resolve(values.get('vsix') as string) : undefined,
  };
}

if (require.main === module) {
  runExtensionTests(parseArguments(process.argv.slice(2))).then(
    (result) => {
      process.stdout.write(`${result.output.join('\n')}\n`);
      process.exitCode = result.exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
