import * as path from 'path';
import { CORE_SCHEMA, safeLoad } from 'js-yaml';
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };
import type { VaultFileSystem } from '../vaultFileSystem';

/**
 * Reading a site generator's data files (TOML, YAML, JSON): parsed, never
 * executed. YAML gets js-yaml's safe loader with the core schema (no code,
 * no custom types, dates stay strings); TOML goes through smol-toml.
 */

// smol-toml's types describe its ES module; its package also exports CommonJS (`dist/index.cjs`), which `require` loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as typeof SmolToml;

/** A site configuration file larger than this is not read. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type DataTable = Record<string, unknown>;

/** The file's text, or undefined when it is not there (or is a folder). */
export function readTextFile(file: string, fileSystem: VaultFileSystem): string | undefined {
	try {
		if (!fileSystem.stat(file).isFile) {
			return undefined;
		}
		const read = fileSystem.readFile(file, MAX_CONFIG_BYTES);
		if ('tooLarge' in read) {
			return undefined;
		}
		return new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, '');
	} catch {
		return undefined;
	}
}

/** Whether a path is a file (symbolic links followed). */
export function isFile(file: string, fileSystem: VaultFileSystem): boolean {
	try {
		return fileSystem.stat(file).isFile;
	} catch {
		return false;
	}
}

/** Whether a path is a folder (symbolic links followed). */
export function isFolder(folder: string, fileSystem: VaultFileSystem): boolean {
	try {
		return fileSystem.stat(folder).isDirectory;
	} catch {
		return false;
	}
}

export const DATA_EXTENSIONS: readonly string[] = ['.toml', '.yaml', '.yml', '.json'];

/** Parses a data file by its extension; throws with a message naming what is wrong. */
export function parseDataText(file: string, text: string): unknown {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.toml') {
		return parseToml(text);
	}
	if (extension === '.json') {
		return JSON.parse(text) as unknown;
	}
	return safeLoad(text, { schema: CORE_SCHEMA, filename: path.basename(file) });
}

/** Reads and parses a data file into a table; `problems` gets why not when it exists but cannot be used. */
export function readDataTable(file: string, fileSystem: VaultFileSystem, problems: string[]): DataTable | undefined {
	const text = readTextFile(file, fileSystem);
	if (text === undefined) {
		return undefined;
	}
	let data: unknown;
	try {
		data = parseDataText(file, text);
	} catch (error) {
		problems.push(`${file}: cannot be parsed (${(error as Error).message.split('\n')[0]}); it is not used`);
		return undefined;
	}
	if (data === undefined || data === null) {
		return {};
	}
	if (!isTable(data)) {
		problems.push(`${file}: is not a table of settings; it is not used`);
		return undefined;
	}
	return data;
}

export function isTable(value: unknown): value is DataTable {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A table's entry whatever the letter case of its key (Hugo's keys are case-insensitive). */
export function entryOf(table: unknown, key: string): unknown {
	if (!isTable(table)) {
		return undefined;
	}
	if (key in table) {
		return table[key];
	}
	const lower = key.toLowerCase();
	for (const [name, value] of Object.entries(table)) {
		if (name.toLowerCase() === lower) {
			return value;
		}
	}
	return undefined;
}

/** `entryOf` along a path of keys. */
export function entryAt(table: unknown, ...keys: string[]): unknown {
	let value = table;
	for (const key of keys) {
		value = entryOf(value, key);
	}
	return value;
}

/** Merges `over` into `base` as Hugo merges configuration: tables key by key (letter case aside), anything else replaced. */
export function mergeTables(base: DataTable, over: DataTable): DataTable {
	const merged: DataTable = { ...base };
	for (const [key, value] of Object.entries(over)) {
		const existing = Object.keys(merged).find(name => name.toLowerCase() === key.toLowerCase());
		if (existing !== undefined && isTable(merged[existing]) && isTable(value)) {
			merged[existing] = mergeTables(merged[existing] as DataTable, value);
		} else {
			if (existing !== undefined) {
				delete merged[existing];
			}
			merged[key] = value;
		}
	}
	return merged;
}

/** A `/`-separated path from `from` to `to`. */
export function relativePath(from: string, to: string): string {
	return path.relative(from, to).split(path.sep).join('/');
}

/** Whether `candidate` is `folder` or inside it. */
export function isInsideFolder(folder: string, candidate: string): boolean {
	const relative = path.relative(folder, candidate);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
