import { parseArgs } from 'node:util';

/**
 * The command line's subcommands as tables: each subcommand is a table of
 * options (from which its `--help` is printed) and a function that runs
 * with the values parsed from it. Arguments are split by `node:util`'s
 * `parseArgs`; what it lets through (unknown options, a missing value, a
 * value given to a flag) is refused here with a message naming the option.
 */

/** One option of a subcommand's table. */
export interface CliOption {
	/** The long name, without `--`. */
	readonly name: string;
	/** A one-letter alias, without `-`. */
	readonly short?: string;
	/** `flag`: takes no value; `value`: takes one (`--name VALUE` or `--name=VALUE`). */
	readonly kind: 'flag' | 'value';
	/** The value's placeholder in the help (`GLOB`, `CODE=LEVEL`). */
	readonly placeholder?: string;
	/** The values allowed, shown in the help as `a|b|c` in place of the placeholder. */
	readonly choices?: readonly string[];
	/** May be given several times: its values are collected in order. */
	readonly repeatable?: boolean;
	/** What it does, one or more sentences (wrapped to the terminal's 80 columns). */
	readonly help: string;
}

/** The values parsed from a subcommand's arguments: each option by name (a string, a list of strings or true), and the positionals. */
export interface ParsedArguments {
	readonly values: Readonly<Record<string, string | readonly string[] | boolean | undefined>>;
	readonly positionals: readonly string[];
}

export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly isTerminal: boolean;
	readonly cwd: string;
	/** Sets how far the heap may grow over what is live before the next full collection (V8's `--heap-growing-percent`), from what is live now (a full collection made); none, left as it is. */
	readonly heapGrowth?: (percent: number) => void;
	/**
	 * Resolves once what was written to `stdout` has been taken by its reader (at once when nothing waits):
	 * a report streamed into a pipe slower than `check` (`| jq`) waits for it instead of piling up in memory.
	 */
	readonly stdoutTaken?: () => Promise<void>;
}

/** A subcommand: its table and the function that runs it, resolving to the exit status. */
export interface Subcommand {
	readonly name: string;
	/** One line for the list of subcommands. */
	readonly summary: string;
	/** The positionals, as the usage line writes them (`[DIR]`). */
	readonly positionals: string;
	readonly maxPositionals: number;
	/** The paragraphs after the usage line. */
	readonly description: string;
	readonly options: readonly CliOption[];
	/** The paragraphs after the options. */
	readonly epilog?: string;
	readonly run: (parsed: ParsedArguments, io: CliIo) => Promise<number>;
}

/** A mistake in the arguments: exit status 2, with the message and a pointer to the help. */
export class UsageError extends Error { }

/** `--help` and `--version`, which every subcommand takes. */
export const COMMON_OPTIONS: readonly CliOption[] = [
	{ name: 'help', short: 'h', kind: 'flag', help: 'print this help and exit' },
	{ name: 'version', kind: 'flag', help: 'print the version and exit' },
];

const WIDTH = 80;
const OPTION_COLUMN = 26;

function optionTerm(option: CliOption): string {
	const names = `${option.short ? `-${option.short}, ` : ''}--${option.name}`;
	if (option.kind === 'flag') {
		return names;
	}
	return `${names} ${option.choices ? option.choices.join('|') : option.placeholder ?? 'VALUE'}`;
}

/** Words of `text` in lines of at most `width` columns. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}
	if (line !== '') {
		lines.push(line);
	}
	return lines;
}

function paragraphs(text: string): string {
	return text.split(/\n\s*\n/).map(paragraph => wrap(paragraph, WIDTH).join('\n')).join('\n\n');
}

/** The usage line: the subcommand, its positionals and every option. */
export function usageLine(program: string, command: Subcommand): string {
	const options = command.options.map(option => `[${optionTerm(option).replace(/^-\w, /, '')}]${option.repeatable ? '...' : ''}`);
	const head = `Usage: ${program} ${command.name}${command.positionals ? ` ${command.positionals}` : ''}`;
	const lines: string[] = [];
	let line = head;
	for (const option of options) {
		if (line.length + 1 + option.length > WIDTH) {
			lines.push(line);
			line = ' '.repeat(head.indexOf(command.name) + command.name.length) + ' ' + option;
		} else {
			line += ` ${option}`;
		}
	}
	lines.push(line);
	return lines.join('\n');
}

/** A subcommand's `--help`: usage, description, options (its own, then `--help` and `--version`), epilog. */
export function helpText(program: string, command: Subcommand): string {
	const rows: string[] = [];
	for (const option of [...command.options, ...COMMON_OPTIONS]) {
		const term = `  ${optionTerm(option)}`;
		const help = wrap(option.help + (option.repeatable ? ' (repeatable)' : ''), WIDTH - OPTION_COLUMN);
		if (term.length + 2 > OPTION_COLUMN) {
			rows.push(term);
		} else {
			rows.push(term.padEnd(OPTION_COLUMN) + help.shift());
		}
		rows.push(...help.map(line => ' '.repeat(OPTION_COLUMN) + line));
	}
	const parts = [usageLine(program, command), paragraphs(command.description), `Options:\n${rows.join('\n')}`];
	if (command.epilog) {
		parts.push(paragraphs(command.epilog));
	}
	return parts.join('\n\n') + '\n';
}

/**
 * Splits `args` by the subcommand's table. Throws `UsageError` on an unknown
 * option, a value missing or given to a flag, a value not among the
 * choices, or too many positionals.
 */
export function parseSubcommandArguments(command: Subcommand, args: readonly string[]): ParsedArguments {
	const table = [...command.options, ...COMMON_OPTIONS];
	const byName = new Map(table.map(option => [option.name, option]));
	const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
	for (const option of table) {
		config[option.name] = { type: option.kind === 'flag' ? 'boolean' : 'string', ...(option.short ? { short: option.short } : {}), ...(option.repeatable ? { multiple: true } : {}) };
	}
	// Not strict: the tokens are checked here, with messages that name the option as written.
	const { values, positionals, tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
	for (const token of tokens) {
		if (token.kind !== 'option') {
			continue;
		}
		// parseArgs names a known short option (`-h`) by its long name, an unknown one by its letter.
		const option = byName.get(token.name);
		if (option === undefined) {
			throw new UsageError(`unknown option \`${token.rawName}\``);
		}
		if (option.kind === 'flag' && token.value !== undefined) {
			throw new UsageError(`${token.rawName} takes no value`);
		}
		if (option.kind === 'value') {
			if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
				throw new UsageError(`${token.rawName} needs a value`);
			}
			if (option.choices && !option.choices.includes(token.value)) {
				throw new UsageError(`${token.rawName} must be ${choiceList(option.choices)}, not \`${token.value}\``);
			}
		}
	}
	if (positionals.length > command.maxPositionals) {
		throw new UsageError(`too many arguments: ${positionals.map(positional => `\`${positional}\``).join(', ')} (${command.name} takes ${command.positionals || 'none'})`);
	}
	return { values: values as ParsedArguments['values'], positionals };
}

/** `a, b or c`. */
export function choiceList(choices: readonly string[]): string {
	return choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/** A value option's value (the last one given, for an option that is not repeatable). */
export function stringValue(parsed: ParsedArguments, name: string): string | undefined {
	const value = parsed.values[name];
	return typeof value === 'string' ? value : Array.isArray(value) ? value[value.length - 1] : undefined;
}

/** A repeatable option's values, in order. */
export function stringValues(parsed: ParsedArguments, name: string): readonly string[] {
	const value = parsed.values[name];
	return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function flagValue(parsed: ParsedArguments, name: string): boolean {
	return parsed.values[name] === true;
}
