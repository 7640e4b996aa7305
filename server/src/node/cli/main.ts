import * as path from 'path';
import { checkVault, formatJson, formatText, formatWantedJson, formatWantedText, hasErrors, isDirectory } from './checkCommand';
import { packageVersion } from '../packageInfo';
import { formatHtml, HTML_LIST_LIMIT } from './htmlOverview';

const USAGE = `Usage: entity-vault check [DIR] [--format text|json|html] [--exclude GLOB]... [--severity CODE=LEVEL]... [--vault] [--wanted]

Checks every page of the vault in DIR (default: the current folder; its
content/ subfolder when that holds the sections) for broken links and anchors,
footnote problems, bad frontmatter, and names of pages written without a link.

  --format text|json   text: one line per problem, FILE:LINE:COL severity code message
                       json: {"root", "files", "diagnostics": [...]}
                       html: the vault overview as one static HTML file
                       (pages per section, most linked, orphans, pages
                       without footnotes, wanted pages, problems by code)
  --exclude GLOB       skip matching paths (repeatable)
  --severity CODE=LEVEL  error, warning, information, hint or off (repeatable)
  --required-fields A,B  frontmatter fields every page needs
                       (default summary,category,tags,created,updated)
  --mention-min-length N  names shorter than N are not unlinked mentions (3)
  --mention-ignore A,B   names never reported as unlinked mentions
  --cache-dir DIR      keep a persisted index there: unchanged pages are not
                       parsed again next time
  --vault              check it as a vault (frontmatter of every page in a
                       section) even without a .entity-vault.json marker file
                       and with most pages lacking frontmatter
  --wanted             list the wanted pages instead of the problems: the
                       missing targets of links, most linked first, each with
                       its most common link text (exit status 0)

A folder is a vault when DIR or its vault root holds .entity-vault.json, when
--vault is given, or when at least half of the pages in its sections (its
top-level folders) have frontmatter. Elsewhere links, anchors and footnotes
are checked but frontmatter is not, and the text format says so. Files
directly in the root (README.md, CHANGELOG.md) are checked but are not pages.

Exit status: 1 when an error-severity problem exists, 0 otherwise, 2 for bad usage.`;

export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly isTerminal: boolean;
	readonly cwd: string;
}

class UsageError extends Error { }

interface ParsedCheck {
	folder: string;
	format: 'text' | 'json' | 'html';
	excludes: string[];
	severity: Record<string, string>;
	requiredFields?: string[];
	mentions: { minLength?: number; ignore?: string[] };
	cacheDirectory?: string;
	vault: boolean;
	wanted: boolean;
}

function parseCheckArguments(args: readonly string[], cwd: string): ParsedCheck {
	const parsed: ParsedCheck = { folder: cwd, format: 'text', excludes: [], severity: {}, mentions: {}, vault: false, wanted: false };
	let folderGiven = false;
	const valueOf = (flag: string, i: number, inline: string | undefined): string => {
		const value = inline ?? args[i + 1];
		if (value === undefined || (inline === undefined && value.startsWith('--'))) {
			throw new UsageError(`${flag} needs a value`);
		}
		return value;
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
		const step = inline === undefined ? 1 : 0;
		switch (flag) {
			case '--format': {
				const value = valueOf(flag, i, inline);
				if (value !== 'text' && value !== 'json' && value !== 'html') {
					throw new UsageError(`--format must be text, json or html, not \`${value}\``);
				}
				parsed.format = value;
				i += step;
				break;
			}
			case '--exclude':
				parsed.excludes.push(valueOf(flag, i, inline));
				i += step;
				break;
			case '--severity': {
				const value = valueOf(flag, i, inline);
				const [code, level] = value.split('=');
				if (!code || !level) {
					throw new UsageError(`--severity takes CODE=LEVEL, not \`${value}\``);
				}
				parsed.severity[code] = level;
				i += step;
				break;
			}
			case '--cache-dir':
				parsed.cacheDirectory = path.resolve(cwd, valueOf(flag, i, inline));
				i += step;
				break;
			case '--required-fields':
				parsed.requiredFields = valueOf(flag, i, inline).split(',').map(field => field.trim()).filter(Boolean);
				i += step;
				break;
			case '--mention-min-length': {
				const value = valueOf(flag, i, inline);
				if (!/^[1-9]\d*$/.test(value)) {
					throw new UsageError(`--mention-min-length takes a whole number, 1 or more, not \`${value}\``);
				}
				parsed.mentions.minLength = Number(value);
				i += step;
				break;
			}
			case '--mention-ignore':
				parsed.mentions.ignore = [...(parsed.mentions.ignore ?? []), ...valueOf(flag, i, inline).split(',').map(name => name.trim()).filter(Boolean)];
				i += step;
				break;
			case '--vault':
				if (inline !== undefined) {
					throw new UsageError('--vault takes no value');
				}
				parsed.vault = true;
				break;
			case '--wanted':
				if (inline !== undefined) {
					throw new UsageError('--wanted takes no value');
				}
				parsed.wanted = true;
				break;
			default:
				if (arg.startsWith('-')) {
					throw new UsageError(`unknown option \`${arg}\``);
				}
				if (folderGiven) {
					throw new UsageError(`only one folder can be checked, got \`${parsed.folder}\` and \`${arg}\``);
				}
				parsed.folder = path.resolve(cwd, arg);
				folderGiven = true;
		}
	}
	return parsed;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		io.stdout(USAGE + '\n');
		return command === undefined ? 2 : 0;
	}
	if (command === '--version') {
		io.stdout(`${packageVersion}\n`);
		return 0;
	}
	if (command !== 'check') {
		io.stderr(`entity-vault: unknown command \`${command}\`\n\n${USAGE}\n`);
		return 2;
	}
	let options: ParsedCheck;
	try {
		options = parseCheckArguments(rest, io.cwd);
		if (!isDirectory(options.folder)) {
			throw new UsageError(`no such folder: ${options.folder}`);
		}
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`entity-vault check: ${error.message}\n\n${USAGE}\n`);
			return 2;
		}
		throw error;
	}
	const showProgress = io.isTerminal;
	const report = await checkVault(options.folder, {
		cacheDirectory: options.cacheDirectory,
		excludes: options.excludes,
		severity: options.severity,
		requiredFields: options.requiredFields,
		mentions: options.mentions,
		vault: options.vault,
		wanted: options.wanted,
		...(options.format === 'html' && !options.wanted ? { overviewLimit: HTML_LIST_LIMIT } : {}),
		onProgress: showProgress ? (done, total) => {
			if (total >= 200) {
				io.stderr(`\rIndexing ${done}/${total} pages…`);
				if (done === total) {
					io.stderr('\r\x1b[K');
				}
			}
		} : undefined,
	});
	if (options.wanted) {
		io.stdout(options.format === 'json' ? formatWantedJson(report) : formatWantedText(report));
		return 0;
	}
	if (report.overview) {
		io.stdout(formatHtml(report, report.overview));
		return hasErrors(report) ? 1 : 0;
	}
	io.stdout(options.format === 'json' ? formatJson(report) : formatText(report));
	return hasErrors(report) ? 1 : 0;
}

function processIo(): CliIo {
	return {
		stdout: text => process.stdout.write(text),
		stderr: text => process.stderr.write(text),
		isTerminal: Boolean(process.stderr.isTTY),
		cwd: process.cwd(),
	};
}
