import * as v8 from 'v8';
import * as vm from 'vm';
import { checkSubcommand } from './checkCli';
import { graphSubcommand } from './graphCli';
import { COMMON_OPTIONS, flagValue, helpText, parseSubcommandArguments, UsageError, type CliIo, type Subcommand } from './cliOptions';
import { packageVersion } from '../packageInfo';

export type { CliIo } from './cliOptions';

const PROGRAM = 'entity-vault';

/** The subcommands, by name: each a table of options and a function (a new one is one entry here and one file). */
const SUBCOMMANDS: readonly Subcommand[] = [checkSubcommand, graphSubcommand];

function programHelp(): string {
	const width = Math.max(...SUBCOMMANDS.map(command => command.name.length)) + 2;
	return [
		`Usage: ${PROGRAM} COMMAND [options]`,
		'',
		'Commands:',
		...SUBCOMMANDS.map(command => `  ${command.name.padEnd(width)}${command.summary}`),
		'',
		'Options:',
		...COMMON_OPTIONS.map(option => `  ${(option.short ? `-${option.short}, ` : '') + `--${option.name}`}`.padEnd(width + 16) + option.help),
		'',
		`Run \`${PROGRAM} COMMAND --help\` for a command's options.`,
		'',
	].join('\n');
}

/** The `--help` of a subcommand (`check`), as printed; the README's CLI section quotes it. */
export function subcommandHelp(name: string): string | undefined {
	const command = SUBCOMMANDS.find(candidate => candidate.name === name);
	return command && helpText(PROGRAM, command);
}

/** The positionals of a subcommand's arguments (`npm run check` adds examples/vault when there is none). */
export function positionalsOf(name: string, args: readonly string[]): readonly string[] {
	const command = SUBCOMMANDS.find(candidate => candidate.name === name);
	return command ? parseSubcommandArguments(command, args).positionals : [];
}

/** Runs the command line; resolves to the exit status: 0, 1 (errors found), 2 (bad usage). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined) {
		io.stderr(programHelp());
		return 2;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		const command = rest.length > 0 ? SUBCOMMANDS.find(candidate => candidate.name === rest[0]) : undefined;
		io.stdout(command ? helpText(PROGRAM, command) : programHelp());
		return 0;
	}
	if (name === '--version') {
		io.stdout(`${packageVersion}\n`);
		return 0;
	}
	const command = SUBCOMMANDS.find(candidate => candidate.name === name);
	if (command === undefined) {
		io.stderr(`${PROGRAM}: unknown command \`${name}\` (commands: ${SUBCOMMANDS.map(candidate => candidate.name).join(', ')})\n\n${programHelp()}`);
		return 2;
	}
	try {
		const parsed = parseSubcommandArguments(command, rest);
		if (flagValue(parsed, 'help')) {
			io.stdout(helpText(PROGRAM, command));
			return 0;
		}
		if (flagValue(parsed, 'version')) {
			io.stdout(`${packageVersion}\n`);
			return 0;
		}
		return await command.run(parsed, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`${PROGRAM} ${command.name}: ${error.message}\nRun \`${PROGRAM} ${command.name} --help\` for its options.\n`);
			return 2;
		}
		throw error;
	}
}

function processIo(): CliIo {
	// A reader that stops reading (`check | head`): stop there quietly, as command line tools do on a closed pipe,
	// rather than with an unhandled EPIPE and its stack trace. What was not read is not wanted.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') {
			throw error;
		}
		process.exit(0);
	});
	return {
		stdout: text => process.stdout.write(text),
		stderr: text => process.stderr.write(text),
		isTerminal: Boolean(process.stderr.isTTY),
		cwd: process.cwd(),
		stdoutTaken: () => writableTaken(process.stdout),
		heapGrowth: percent => {
			v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
			// The growth applies from the next full collection on: one now, so it counts from what is live now.
			v8.setFlagsFromString('--expose-gc');
			(vm.runInNewContext('gc') as () => void)();
		},
	};
}

/** Resolves once `stream` has written out what it was given (its `drain`), or can write nothing more (an error, closed). */
function writableTaken(stream: NodeJS.WritableStream & { readonly writableNeedDrain?: boolean }): Promise<void> {
	if (!stream.writableNeedDrain) {
		return Promise.resolve();
	}
	return new Promise(resolve => {
		const done = (): void => {
			stream.off('drain', done);
			stream.off('error', done);
			stream.off('close', done);
			resolve();
		};
		stream.on('drain', done);
		stream.on('error', done);
		stream.on('close', done);
	});
}
