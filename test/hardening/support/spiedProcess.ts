import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LspTestClient, type LspClientOptions } from '../../support/lspClient';
import { repoRoot } from '../../support/paths';

/** The test-only preloads of the hardening suite (plain JavaScript, not compiled). */
export const FS_SPY = path.join(repoRoot, 'test', 'hardening', 'support', 'fsSpy.js');
export const INJECT_FAULTS = path.join(repoRoot, 'test', 'hardening', 'support', 'injectFaults.js');

/**
 * Starts the real language server (through LspTestClient) with extra
 * environment variables, e.g. NODE_OPTIONS=--require a preload. The client
 * spawns its child synchronously in its constructor, so the environment is
 * restored right after.
 */
export function startServerWithEnv(env: Record<string, string>, options: LspClientOptions): LspTestClient {
	const saved = new Map<string, string | undefined>();
	for (const [key, value] of Object.entries(env)) {
		saved.set(key, process.env[key]);
		process.env[key] = value;
	}
	try {
		return new LspTestClient(options);
	} finally {
		for (const [key, value] of saved) {
			if (value === undefined) {
				delete process.env[key];
			} else {
				process.env[key] = value;
			}
		}
	}
}

export function preloadOptions(...preloads: string[]): string {
	return preloads.map(preload => `--require ${JSON.stringify(preload)}`).join(' ');
}

/** Runs `entity-vault check` (the bin script) with extra environment variables. */
export function runCheckWithEnv(env: Record<string, string>, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'entity-vault.js'), 'check', ...args], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 120000,
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface FsAccess {
	readonly operation: string;
	readonly thread: string;
	readonly path: string;
}

export function readSpyLog(file: string): FsAccess[] {
	if (!fs.existsSync(file)) {
		return [];
	}
	return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => {
		const [operation, thread, ...rest] = line.split('\t');
		return { operation, thread, path: rest.join('\t') };
	});
}

function isInside(root: string, candidate: string): boolean {
	const relative = path.relative(root, candidate);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Where a path really leads: its real path, or (when it does not exist) its nearest existing parent's real path joined with the rest. */
function resolvedPath(candidate: string): string {
	let existing = candidate;
	const rest: string[] = [];
	for (;;) {
		try {
			return path.join(fs.realpathSync(existing), ...rest);
		} catch {
			const parent = path.dirname(existing);
			if (parent === existing) {
				return candidate;
			}
			rest.unshift(path.basename(existing));
			existing = parent;
		}
	}
}

/** Operations that resolve a path without following it to its target's content. */
const PATH_ONLY = new Set(['realpath', 'realpathSync', 'realpath.native', 'realpathSync.native', 'promises.realpath', 'lstat', 'lstatSync', 'promises.lstat', 'readlink', 'readlinkSync', 'promises.readlink']);

/**
 * The accesses that reach outside `root`: content reads (open, read,
 * readdir) and stats whose path resolves outside the vault, and
 * path-only operations (realpath, lstat) on a path that is lexically
 * outside. The runtime's own files (the repository: compiled server and
 * node_modules; the node installation) are allowed.
 */
export function accessesOutside(accesses: readonly FsAccess[], root: string, allowed: readonly string[]): FsAccess[] {
	const realRoot = fs.realpathSync(root);
	const realAllowed = allowed.map(dir => fs.realpathSync(dir));
	return accesses.filter(access => {
		const target = PATH_ONLY.has(access.operation) ? access.path : resolvedPath(access.path);
		if (isInside(root, target) || isInside(realRoot, target)) {
			return false;
		}
		return !realAllowed.some(dir => isInside(dir, target)) && !allowed.some(dir => isInside(dir, target));
	});
}

export function runtimeDirectories(): string[] {
	return [repoRoot, path.dirname(path.dirname(process.execPath))];
}
