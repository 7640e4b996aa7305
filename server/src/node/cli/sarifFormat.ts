import { pathToFileURL } from 'url';
import type { CheckProblem, CheckReport } from './checkCommand';
import { packageVersion } from '../packageInfo';
import { DEFAULT_SETTINGS, DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from '../../service/vault/settings';

/**
 * `check --format sarif`: SARIF 2.1.0 (the OASIS Static Analysis Results
 * Interchange Format GitHub code scanning reads): one run, the tool with a
 * rule for every diagnostic code, one result per problem with its level,
 * rule and 1-based region (columns in UTF-16 code units, SARIF's default),
 * each file named relative to the vault root through the `VAULT_ROOT` base
 * URI of `originalUriBaseIds`.
 */

export const SARIF_ROOT_BASE_ID = 'VAULT_ROOT';

/** What each code reports (the README's table), the rule's short description. */
const RULE_DESCRIPTIONS: Readonly<Partial<Record<DiagnosticCode, string>>> = {
	'broken-link': 'A link to a page that does not exist.',
	'broken-anchor': 'A #fragment that matches no heading of the target page.',
	'link-outside-vault': 'A link that resolves outside the vault root.',
	'non-canonical-link': 'A link not written as the URL the page is published at.',
	'missing-footnote': 'A footnote used but never defined.',
	'unused-footnote': 'A footnote defined but never used.',
	'duplicate-footnote': 'A footnote label defined twice.',
	'frontmatter-missing': 'A page in a section without frontmatter.',
	'frontmatter-syntax': 'Frontmatter that does not parse, or is not YAML.',
	'frontmatter-field': 'A required frontmatter field missing or of the wrong type.',
	'page-unreadable': 'A markdown file that is not text.',
	'title-spelling': 'A page titled from its file name while the pages linking to it spell the name otherwise.',
	'duplicate-entity': 'Two entity pages of the same folder share a title or an alias.',
	'duplicate-citation': 'A footnote that cites the same as an earlier one.',
	'unlinked-mention': 'Another page\'s name written in plain text without a link.',
};

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVELS: Record<SeverityName, SarifLevel> = {
	error: 'error',
	warning: 'warning',
	information: 'note',
	hint: 'note',
	off: 'none',
};

function resultLevel(severity: CheckProblem['severity']): SarifLevel {
	return LEVELS[severity];
}

export function formatSarif(report: CheckReport): string {
	const ruleIndex = new Map<string, number>(DIAGNOSTIC_CODES.map((code, i) => [code, i]));
	const rootUri = pathToFileURL(report.root).href.replace(/\/?$/, '/');
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'entity-vault',
					version: packageVersion,
					rules: DIAGNOSTIC_CODES.map(code => ({
						id: code,
						shortDescription: { text: RULE_DESCRIPTIONS[code] ?? code },
						defaultConfiguration: { level: LEVELS[DEFAULT_SETTINGS.severity[code]] },
					})),
				},
			},
			originalUriBaseIds: { [SARIF_ROOT_BASE_ID]: { uri: rootUri } },
			columnKind: 'utf16CodeUnits',
			results: report.diagnostics.map(problem => ({
				ruleId: problem.code,
				...(ruleIndex.has(problem.code) ? { ruleIndex: ruleIndex.get(problem.code) } : {}),
				level: resultLevel(problem.severity),
				message: { text: problem.message },
				locations: [{
					physicalLocation: {
						artifactLocation: { uri: problem.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SARIF_ROOT_BASE_ID },
						region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
					},
				}],
			})),
		}],
	};
	return JSON.stringify(log, null, 2) + '\n';
}
