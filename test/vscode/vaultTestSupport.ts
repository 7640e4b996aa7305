/**
 * Helpers of the integration suite; they run inside the extension host and use the
 * `vscode` API only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_PAGE_COUNT, PROBLEM_PAGE } from './fixtureVault';

export const EXTENSION_ID = 'entity-vault.entity-vault';
const POLL_INTERVAL_MS = 50;

/** The result of the `entityVault.checkVault` command. */
export interface CheckVaultResult {
  pages: number;
  errors: number;
  warnings: number;
}

/** How long activation took, measured in the extension host (milliseconds; see activateEntityVault). */
export interface ActivationTimings {
  /** True when VS Code had activated the extension before the suite ran (by its `workspaceContains` activation event). */
  alreadyActive: boolean;
  /** From the suite's `extension.activate()` call until it resolved (near 0 when alreadyActive). */
  activateCallMs: number;
  /**
   * VS Code's own measure, from its performance marks: loading the extension's code
   * until the promise of its `activate()` resolved (the client has started the server
   * and the LSP handshake is done). Undefined when the marks are not available.
   */
  vscodeActivationMs?: number;
  /** The part of vscodeActivationMs spent in `activate()` itself. */
  activateFunctionMs?: number;
  /**
   * From the start of activation until the server first answered Check Vault, which it
   * does once the vault is indexed, the moment it reports `ready`. When the extension
   * was already active this is an upper bound: the suite can ask only once it runs.
   */
  activationToReadyMs: number;
  /**
   * How long that first Check Vault took. Well above zero means the server was still
   * indexing when the suite asked, so activationToReadyMs is the moment of `ready` itself.
   */
  firstCheckMs: number;
  /** What that first Check Vault answered. */
  firstCheck: CheckVaultResult;
}

interface PerformanceMark {
  name: string;
  startTime: number;
}

/** VS Code's performance marks in this extension host (Date.now() times), if it keeps them. */
function performanceMarks(): PerformanceMark[] {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerformanceMark[] } }).MonacoPerformanceMarks;
  return marks?.getMarks() ?? [];
}

function markTime(marks: PerformanceMark[], name: string): number | undefined {
  return marks.find((mark) => mark.name === `code/extHost/${name}/${EXTENSION_ID}`)?.startTime;
}

let activation: Promise<ActivationTimings> | undefined;

/**
 * Activates Entity Vault (once per extension host) and waits until the server has
 * indexed the vault (Check Vault answers only then); returns the timings.
 */
export function activateEntityVault(): Promise<ActivationTimings> {
  activation ??= measureActivation();
  return activation;
}

async function measureActivation(): Promise<ActivationTimings> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const alreadyActive = extension.isActive;
  const callStart = Date.now();
  await extension.activate();
  const activateCallMs = Date.now() - callStart;
  const checkStart = Date.now();
  const firstCheck = await vscode.commands.executeCommand<CheckVaultResult | undefined>('entityVault.checkVault');
  const readyAt = Date.now();
  assert.ok(firstCheck, 'entityVault.checkVault returned nothing: is the language server running? (see the Entity Vault output)');

  const marks = performanceMarks();
  const willLoad = markTime(marks, 'willLoadExtensionCode');
  const willActivate = markTime(marks, 'willActivateExtension');
  const didActivate = markTime(marks, 'didActivateExtension');
  const activationStart = alreadyActive ? willLoad ?? callStart : callStart;
  return {
    alreadyActive,
    activateCallMs,
    vscodeActivationMs: willLoad !== undefined && didActivate !== undefined ? didActivate - willLoad : undefined,
    activateFunctionMs: willActivate !== undefined && didActivate !== undefined ? didActivate - willActivate : undefined,
    activationToReadyMs: readyAt - activationStart,
    firstCheckMs: readyAt - checkStart,
    firstCheck,
  };
}

/** The workspace folder, which must be a fixture vault (createFixtureVault in fixtureVault.ts). */
export function vaultFolder(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.equal(folders.length, 1, 'open exactly one folder: a fixture vault made by createFixtureVault()');
  return folders[0].uri;
}

export function vaultUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(vaultFolder(), ...relativePath.split('/'));
}

/** Opens the fixture's problem page in an editor and returns it. */
export async function openProblemPage(): Promise<vscode.TextEditor> {
  const uri = vaultUri(PROBLEM_PAGE);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    assert.fail(`${PROBLEM_PAGE} is missing: the workspace is not a fixture vault (${FIXTURE_PAGE_COUNT} pages made by createFixtureVault())`);
  }
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position `delta` UTF-16 code units into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.notEqual(offset, -1, `${JSON.stringify(needle)} is not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** Polls `probe` until it returns something other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(description: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, lastSeen?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${lastSeen ? `; last seen: ${lastSeen()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** A diagnostic's code as a string (`broken-link`), whatever form VS Code gives it in. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Entity Vault's diagnostics of `uri` (other sources are left out). */
export function vaultDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'entity-vault');
}

/** Waits until Entity Vault's diagnostics of `uri` satisfy `predicate`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, description: string, predicate: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  let seen: vscode.Diagnostic[] = [];
  return waitFor(description, () => {
    seen = vaultDiagnostics(uri);
    return predicate(seen) ? seen : undefined;
  }, 20_000, () => JSON.stringify(seen.map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`)));
}

/** The text of hovers (all their parts). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** A completion item's label as a string. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The target of a Location or LocationLink. */
export function targetUriOf(location: vscode.Location | vscode.LocationLink): vscode.Uri {
  return 'targetUri' in location ? location.targetUri : location.uri;
}
