import * as path from 'path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import type { LinkStyle, MappedDestination, SiteRules } from '../service/vault/siteRules';
import { computeLineStarts, positionAt } from '../service/text/lineIndex';
import { validateShape, type ShapeProblem } from './config/configShape';
import { VAULT_CONFIG_SHAPE } from './config/vaultConfigKeys';
import { readTextFile } from './site/siteData';
import type { VaultFileSystem } from './vaultFileSystem';

/**
 * The vault configuration file, `.entity-vault.json` (JSON with comments) in
 * the workspace folder or at the vault root: read the same way by the server
 * and by `check`, validated key by key against `VAULT_CONFIG_SHAPE` (the
 * published JSON schema's source). What is wrong is reported at its key,
 * with its line and column; the valid rest is used.
 */
export const VAULT_CONFIG_FILE = '.entity-vault.json';

/** A field of a section's frontmatter schema, as the file declares it (its meaning is the schema checker's). */
export interface FrontmatterFieldInput {
	readonly type?: 'text' | 'date' | 'names' | 'link' | 'list' | 'number' | 'boolean';
	readonly section?: string;
	readonly values?: readonly (string | number | boolean)[];
}

/** The frontmatter schema per section (`*`: every section). */
export type FrontmatterSchemaInput = Readonly<Record<string, { readonly required?: readonly string[]; readonly fields?: Readonly<Record<string, FrontmatterFieldInput>> }>>;

/** The file's valid settings. */
export interface VaultConfigInput {
	/** The vault root, absolute (the file gives it relative to itself). */
	readonly root?: string;
	readonly exclude?: readonly string[];
	readonly severity?: Readonly<Record<string, string>>;
	readonly linkStyle?: LinkStyle;
	readonly ignoreDestinations?: readonly string[];
	readonly mapDestinations?: Readonly<Record<string, string>>;
	readonly publishedPrefixes?: readonly string[];
	readonly redirectField?: string;
	readonly mentions?: { readonly minLength?: number; readonly ignore?: readonly string[] };
	readonly frontmatter?: FrontmatterSchemaInput;
	readonly site?: Partial<SiteRules>;
}

/** A problem in the file: where (1-based line and column, UTF-16; and the LSP range), which key, what. */
export interface VaultConfigProblem {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly range: Range;
	/** The JSON path of the key (`severity.broken-lnk`, `mentions.minLength`); '' for the file as a whole. */
	readonly key: string;
	readonly message: string;
}

export interface VaultConfiguration {
	/** The file read (absolute), when there is one. */
	readonly configFile?: string;
	readonly input: VaultConfigInput;
	readonly problems: readonly VaultConfigProblem[];
}

/** `FILE:LINE:COL: KEY: message`, as `check` prints a problem. */
export function formatConfigProblem(problem: VaultConfigProblem): string {
	return `${problem.file}:${problem.line}:${problem.column}: ${problem.key === '' ? '' : `${problem.key}: `}${problem.message}`;
}

/** Parses and validates the file's text. */
export function parseVaultConfiguration(file: string, text: string): { input: VaultConfigInput; problems: VaultConfigProblem[] } {
	const lineStarts = computeLineStarts(text);
	const problemAt = (offset: number, length: number, key: string, message: string): VaultConfigProblem => {
		const start = positionAt(lineStarts, offset);
		const end = positionAt(lineStarts, offset + length);
		return { file, line: start.line + 1, column: start.character + 1, range: { start, end }, key, message };
	};
	if (text.trim() === '') {
		return { input: {}, problems: [] };
	}
	const errors: ParseError[] = [];
	const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	const problems: VaultConfigProblem[] = errors.map(error => problemAt(error.offset, error.length, '', `not valid JSON: ${describeParseError(printParseErrorCode(error.error))}`));
	if (tree === undefined) {
		return { input: {}, problems: problems.length > 0 ? problems : [problemAt(0, 0, '', 'not valid JSON')] };
	}
	const shapeProblems: ShapeProblem[] = [];
	const value = validateShape(tree, VAULT_CONFIG_SHAPE, '', shapeProblems) as Record<string, unknown> | undefined;
	problems.push(...shapeProblems.map(problem => problemAt(problem.offset, problem.length, problem.path, problem.message.replace(/^ must be/, 'the file must be'))));
	const input = { ...(value ?? {}) } as Record<string, unknown>;
	delete input.$schema;
	if (typeof input.root === 'string') {
		input.root = path.resolve(path.dirname(file), input.root);
	}
	return { input: input as VaultConfigInput, problems };
}

function describeParseError(code: string): string {
	return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The vault configuration of a workspace folder: `explicitFile` when given
 * (`check --config FILE`), else `.entity-vault.json` in the folder, else in
 * `defaultRoot` (the vault root the folder would have without it). No file:
 * no settings and no problems.
 */
export function loadVaultConfiguration(folder: string, fileSystem: VaultFileSystem, defaultRoot?: string, explicitFile?: string): VaultConfiguration {
	const candidates = explicitFile !== undefined ? [path.resolve(folder, explicitFile)] : [...new Set([folder, defaultRoot ?? folder])].map(where => path.join(where, VAULT_CONFIG_FILE));
	for (const file of candidates) {
		const text = readTextFile(file, fileSystem);
		if (text === undefined) {
			continue;
		}
		const { input, problems } = parseVaultConfiguration(file, text);
		return { configFile: file, input, problems };
	}
	if (explicitFile !== undefined) {
		const file = candidates[0];
		const start = { line: 0, character: 0 };
		return { configFile: file, input: {}, problems: [{ file, line: 1, column: 1, range: { start, end: start }, key: '', message: 'cannot read the configuration file' }] };
	}
	return { input: {}, problems: [] };
}

/** The site rules with what the file says over them: its `site` overrides, then its link style, ignored and mapped destinations and published prefixes. */
export function mergeSiteRules(rules: SiteRules, input: VaultConfigInput): SiteRules {
	const site = input.site ?? {};
	const mapped: MappedDestination[] = Object.entries(input.mapDestinations ?? {}).map(([pattern, url]) => ({ pattern, url }));
	if (Object.keys(site).length === 0 && input.linkStyle === undefined && input.ignoreDestinations === undefined && mapped.length === 0 && input.publishedPrefixes === undefined) {
		return rules;
	}
	return Object.freeze({
		...rules,
		...site,
		linkStyle: input.linkStyle ?? site.linkStyle ?? rules.linkStyle,
		ignoredDestinations: Object.freeze([...(site.ignoredDestinations ?? rules.ignoredDestinations), ...(input.ignoreDestinations ?? [])]),
		mappedDestinations: Object.freeze([...(site.mappedDestinations ?? rules.mappedDestinations), ...mapped]),
		externalPrefixes: Object.freeze([...(site.externalPrefixes ?? rules.externalPrefixes), ...(input.publishedPrefixes ?? [])]),
	});
}

