import { schemaToJson } from '../../service/vault/frontmatterSchema';
import type { CheckReport } from './checkCommand';

/**
 * `check --print-schema`: the frontmatter schema the pages are checked
 * against (inferred from them, or the configured one) as a JSON object with
 * the `frontmatter` key, ready to paste into `.entity-vault.json`.
 */
export function formatSchema(report: CheckReport): string {
	const schema = report.schema;
	const frontmatter = schema === undefined ? {} : schemaToJson(schema.schema);
	return pretty({ frontmatter }, '') + '\n';
}

/** JSON indented by two spaces, with a list of plain values, and an object of them, on one line (`{ "type": "date" }`). */
function pretty(value: unknown, indent: string): string {
	if (value === null || typeof value !== 'object') {
		return JSON.stringify(value);
	}
	const flat = (Array.isArray(value) ? value : Object.values(value)).every(item => item === null || typeof item !== 'object'
		|| (Array.isArray(item) && item.every(inner => inner === null || typeof inner !== 'object')));
	const inner = indent + '  ';
	if (Array.isArray(value)) {
		return flat ? `[${value.map(item => JSON.stringify(item)).join(', ')}]` : `[\n${value.map(item => inner + pretty(item, inner)).join(',\n')}\n${indent}]`;
	}
	const entries = Object.entries(value);
	if (entries.length === 0) {
		return '{}';
	}
	return flat
		? `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${pretty(item, inner)}`).join(', ')} }`
		: `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pretty(item, inner)}`).join(',\n')}\n${indent}}`;
}
