import * as path from 'path';
import type { CheckProblem, CheckReport } from './checkCommand';
import { absolutePath } from '../absolutePath';

/**
 * `check --format github`: one GitHub Actions workflow command per problem,
 * `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE::message`,
 * which the runner shows as an annotation on the file's line. Files are
 * named from the folder the command runs in (the repository's checkout in
 * a workflow). Escaped as @actions/core does: `%`, CR and LF in the
 * message; also `:` and `,` in the properties.
 */

const COMMANDS: Record<CheckProblem['severity'], string> = {
	error: 'error',
	warning: 'warning',
	information: 'notice',
	hint: 'notice',
};

/** A command's data (the message). */
export function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value (`file=…`, `title=…`). */
export function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport, context: { readonly cwd: string }): string {
	const lines = report.diagnostics.map(problem => {
		const file = path.relative(context.cwd, absolutePath(report.root, problem.file)).split(path.sep).join('/');
		const properties = [
			`file=${escapeProperty(file)}`,
			`line=${problem.line}`,
			`col=${problem.column}`,
			`endLine=${problem.endLine}`,
			`endColumn=${problem.endColumn}`,
			`title=${escapeProperty(problem.code)}`,
		];
		return `::${COMMANDS[problem.severity]} ${properties.join(',')}::${escapeData(problem.message)}`;
	});
	return lines.map(line => `${line}\n`).join('');
}
