import * as path from 'path';
import { checkVault, checkVaultInOrder, hasErrors, isDirectory, VaultConfigError, type CheckOptions } from './checkCommand';
import { ChunkedOutput, STREAMED_FORMATS, type StreamedFormat } from './streamedFormats';
import { formatConfigProblem } from '../vaultConfigFile';
import { CHECK_FORMATS, WANTED_FORMATS, type CheckFormat } from './checkFormats';
import { choiceList, flagValue, stringValue, stringValues, UsageError, type CliIo, type ParsedArguments, type Subcommand } from './cliOptions';
import { fixVault, formatFixes } from './fixCommand';
import { formatSchema } from './printSchema';
import { HTML_LIST_LIMIT } from './htmlOverview';
import type { LinkStyle } from '../../service/vault/siteRules';

/** `entity-vault check`: its table of options and the function that runs it. */

const LINK_STYLES: readonly LinkStyle[] = ['auto', 'absolute', 'relative', 'any'];

function listValues(values: readonly string[]): string[] {
	return values.flatMap(value => value.split(',')).map(item => item.trim()).filter(Boolean);
}

export const checkSubcommand: Subcommand = {
	name: 'check',
	summary: 'check every page of a vault for broken links, footnotes and frontmatter',
	positionals: '[DIR]',
	maxPositionals: 1,
	description: `Checks every page of the vault in DIR (default: the current folder; its
content/ subfolder when that holds the sections) for broken links and anchors,
footnote problems, bad frontmatter, and names of pages written without a link.`,
	options: [
		{ name: 'format', kind: 'value', choices: Object.keys(CHECK_FORMATS), help: 'text: one line per problem, FILE:LINE:COL severity code message; json: {"root", "files", "pages", "vault", "diagnostics"}; github: GitHub Actions workflow commands (annotations); sarif: SARIF 2.1.0 for code scanning; html: the vault overview as one static HTML file (pages per section, most linked, orphans, pages without footnotes, wanted pages, problems by code)' },
		{ name: 'exclude', kind: 'value', placeholder: 'GLOB', repeatable: true, help: 'skip the paths matching GLOB (picomatch: **, *, ?, {a,b}, [a-z]; !GLOB includes again), relative to the vault root' },
		{ name: 'severity', kind: 'value', placeholder: 'CODE=LEVEL', repeatable: true, help: 'the severity of a diagnostic code: error, warning, information, hint or off' },
		{ name: 'required-fields', kind: 'value', placeholder: 'A,B', help: 'frontmatter fields every page needs (default: those the pages of each section show, see --print-schema)' },
		{ name: 'mention-min-length', kind: 'value', placeholder: 'N', help: 'names shorter than N are not unlinked mentions (default 3)' },
		{ name: 'mention-ignore', kind: 'value', placeholder: 'A,B', repeatable: true, help: 'names never reported as unlinked mentions' },
		{ name: 'link-style', kind: 'value', choices: LINK_STYLES, help: 'the links the non-canonical-link hint asks for: absolute (/SECTION/SLUG/), relative (../SLUG/), any (no hint about the style), auto (default: what most of the vault\'s links use)' },
		{ name: 'config', kind: 'value', placeholder: 'FILE', help: 'the vault configuration file (default: .entity-vault.json in DIR, else in the vault root); a problem in it exits 2, each named FILE:LINE:COL: KEY: …' },
		{ name: 'cache-dir', kind: 'value', placeholder: 'DIR', help: 'keep a persisted index there: unchanged pages are not parsed again next time' },
		{ name: 'vault', kind: 'flag', help: 'check it as a vault (frontmatter of every page in a section) even without a .entity-vault.json file and with most pages lacking frontmatter' },
		{ name: 'wanted', kind: 'flag', help: 'list the wanted pages instead of the problems: the missing targets of links, most linked first, each with its most common link text (exit status 0)' },
		{ name: 'print-schema', kind: 'flag', help: 'print the frontmatter schema the pages are checked against (inferred from them unless configured) as the JSON of .entity-vault.json\'s frontmatter key (exit status 0)' },
		{ name: 'fix', kind: 'flag', help: 'apply the fixes that need no choice (non-canonical links rewritten, numbered footnotes renumbered in order of use) to the files, list the files changed, then report the problems that remain' },
	],
	epilog: `A folder is a vault when DIR or its vault root holds .entity-vault.json, when
--vault is given, or when at least half of the pages in its sections (its
top-level folders) have frontmatter. Elsewhere links, anchors and footnotes are
checked but frontmatter is not, and the text format says so. Files directly in
the root (README.md, CHANGELOG.md) are checked but are not pages.

Exit status: 1 when an error-severity problem exists (after --fix: remains), 0
otherwise, 2 for bad usage or a problem in the vault configuration file.`,
	run: runCheck,
};

/** The check options the parsed arguments give, the folder resolved against `cwd`. */
function checkOptionsOf(parsed: ParsedArguments, cwd: string): { folder: string; options: CheckOptions } {
	const severity: Record<string, string> = {};
	for (const value of stringValues(parsed, 'severity')) {
		const [code, level] = value.split('=');
		if (!code || !level) {
			throw new UsageError(`--severity takes CODE=LEVEL, not \`${value}\``);
		}
		severity[code] = level;
	}
	const minLength = stringValue(parsed, 'mention-min-length');
	if (minLength !== undefined && !/^[1-9]\d*$/.test(minLength)) {
		throw new UsageError(`--mention-min-length takes a whole number, 1 or more, not \`${minLength}\``);
	}
	const ignore = stringValues(parsed, 'mention-ignore');
	const requiredFields = stringValue(parsed, 'required-fields');
	const cacheDirectory = stringValue(parsed, 'cache-dir');
	const folder = path.resolve(cwd, parsed.positionals[0] ?? '.');
	if (!isDirectory(folder)) {
		throw new UsageError(`no such folder: ${folder}`);
	}
	const config = stringValue(parsed, 'config');
	return {
		folder,
		options: {
			excludes: stringValues(parsed, 'exclude'),
			severity,
			requiredFields: requiredFields === undefined ? undefined : listValues([requiredFields]),
			mentions: {
				...(minLength === undefined ? {} : { minLength: Number(minLength) }),
				...(ignore.length === 0 ? {} : { ignore: listValues(ignore) }),
			},
			linkStyle: stringValue(parsed, 'link-style') as LinkStyle | undefined,
			configFile: config === undefined ? undefined : path.resolve(cwd, config),
			cacheDirectory: cacheDirectory === undefined ? undefined : path.resolve(cwd, cacheDirectory),
			vault: flagValue(parsed, 'vault'),
			wanted: flagValue(parsed, 'wanted'),
			printSchema: flagValue(parsed, 'print-schema'),
		},
	};
}

function progressReporter(io: CliIo): CheckOptions['onProgress'] {
	if (!io.isTerminal) {
		return undefined;
	}
	return (done, total) => {
		if (total >= 200) {
			io.stderr(`\rIndexing ${done}/${total} pages…`);
			if (done === total) {
				io.stderr('\r\x1b[K');
			}
		}
	};
}

/** `file` relative to `cwd` when it is under it. */
function displayedPath(file: string, cwd: string): string {
	const relative = path.relative(cwd, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function runCheck(parsed: ParsedArguments, io: CliIo): Promise<number> {
	try {
		return await check(parsed, io);
	} catch (error) {
		if (error instanceof VaultConfigError) {
			io.stderr(error.problems.map(problem => `entity-vault check: ${formatConfigProblem({ ...problem, file: displayedPath(problem.file, io.cwd) })}\n`).join(''));
			return 2;
		}
		throw error;
	}
}

async function check(parsed: ParsedArguments, io: CliIo): Promise<number> {
	const { folder, options: given } = checkOptionsOf(parsed, io.cwd);
	const options: CheckOptions = { ...given, heapGrowth: io.heapGrowth };
	const formatName = stringValue(parsed, 'format') ?? 'text';
	const fix = flagValue(parsed, 'fix');
	if (options.wanted) {
		const format = WANTED_FORMATS[formatName];
		if (format === undefined) {
			throw new UsageError(`--wanted prints ${choiceList(Object.keys(WANTED_FORMATS))}, not \`${formatName}\``);
		}
		if (fix) {
			throw new UsageError('--wanted and --fix cannot be combined');
		}
		io.stdout(format(await checkVault(folder, { ...options, onProgress: progressReporter(io) }), { cwd: io.cwd }));
		return 0;
	}
	if (options.printSchema) {
		if (fix) {
			throw new UsageError('--print-schema and --fix cannot be combined');
		}
		io.stdout(formatSchema(await checkVault(folder, { ...options, onProgress: progressReporter(io) })));
		return 0;
	}
	const format: CheckFormat = CHECK_FORMATS[formatName];
	if (fix) {
		const fixes = await fixVault(folder, { ...options, onProgress: progressReporter(io) });
		// The report of what changed goes where it cannot break a machine-read format.
		(formatName === 'text' ? io.stdout : io.stderr)(formatFixes(fixes));
	}
	const streamed = STREAMED_FORMATS[formatName];
	if (streamed !== undefined) {
		return streamCheck(folder, { ...options, onProgress: progressReporter(io), outputTaken: io.stdoutTaken }, streamed(), io);
	}
	// The html format is the vault overview (pages per section, most linked, orphans, unsourced, wanted, problems by code).
	const report = await checkVault(folder, { ...options, onProgress: progressReporter(io), ...(formatName === 'html' ? { overviewLimit: HTML_LIST_LIMIT } : {}) });
	io.stdout(format(report, { cwd: io.cwd }));
	return hasErrors(report) ? 1 : 0;
}

/** Checks the vault writing each file's problems as soon as they are known; resolves to the exit status. */
async function streamCheck(folder: string, options: CheckOptions, format: StreamedFormat, io: CliIo): Promise<number> {
	const output = new ChunkedOutput(io.stdout);
	let errors = false;
	await checkVaultInOrder(folder, options, header => output.add(format.start(header)), problems => {
		errors ||= problems.some(problem => problem.severity === 'error');
		output.add(format.problems(problems));
	});
	output.add(format.end());
	output.flush();
	return errors ? 1 : 0;
}
