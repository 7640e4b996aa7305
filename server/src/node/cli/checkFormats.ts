import { formatJson, formatWantedJson, formatWantedText, type CheckReport } from './checkCommand';
import { formatText } from './streamedFormats';
import { formatGithub } from './githubFormat';
import { formatHtml } from './htmlOverview';
import { formatSarif } from './sarifFormat';

/** What a format needs besides the report: the folder the command ran in (GitHub annotations name files from there). */
export interface FormatContext {
	readonly cwd: string;
}

/** A report format of `check --format NAME`: the report as printed. */
export type CheckFormat = (report: CheckReport, context: FormatContext) => string;

/** `check --format`'s values, in the order the help lists them; a new format is one entry here. */
export const CHECK_FORMATS: Readonly<Record<string, CheckFormat>> = Object.freeze({
	text: formatText,
	json: formatJson,
	github: formatGithub,
	sarif: formatSarif,
	html: report => formatHtml(report, report.overview!),
});

/** The formats of `check --wanted`. */
export const WANTED_FORMATS: Readonly<Record<string, CheckFormat>> = Object.freeze({
	text: formatWantedText,
	json: formatWantedJson,
});
