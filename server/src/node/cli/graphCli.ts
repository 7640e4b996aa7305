import * as path from 'path';
import { formatGraphDot, formatGraphJson, vaultGraph, type GraphArguments } from './graphCommand';
import { stringValue, stringValues, UsageError, type CliIo, type ParsedArguments, type Subcommand } from './cliOptions';
import { VAULT_MARKER_FILE } from '../vaultFiles';

/** `entity-vault graph`: its table of options and the function that runs it. */

export const graphSubcommand: Subcommand = {
	name: 'graph',
	summary: 'print the neighbourhood of a page (JSON, or Graphviz DOT)',
	positionals: '[PAGE]',
	maxPositionals: 1,
	description: `Prints the neighbourhood of a page: the pages it links and those linking it
(and theirs too with --depth 2), with the links between them. PAGE is its file
(places/iran.md) or its URL (/places/iran/); default: the vault's most linked
page.`,
	options: [
		{ name: 'dir', kind: 'value', placeholder: 'DIR', help: `the vault folder (default: the folder above the page's section, or the nearest one holding ${VAULT_MARKER_FILE}; the current folder for a URL)` },
		{ name: 'depth', kind: 'value', choices: ['1', '2'], help: 'hops from the page (default 1)' },
		{ name: 'format', kind: 'value', choices: ['json', 'dot'], help: 'json: {"root", "center", "nodes", "edges", "truncated"}; dot: Graphviz (render with: dot -Tsvg -o graph.svg); default json' },
		{ name: 'section', kind: 'value', placeholder: 'S', repeatable: true, help: 'only pages of this section (the page itself always)' },
		{ name: 'tag', kind: 'value', placeholder: 'T', repeatable: true, help: 'only pages with this tag' },
		{ name: 'max-nodes', kind: 'value', placeholder: 'N', help: 'at most N nodes, the nearest and most linked first (default 150)' },
	],
	epilog: 'Exit status: 0, 1 when the page is not in the vault, 2 for bad usage.',
	run: runGraph,
};

function graphArgumentsOf(parsed: ParsedArguments, cwd: string): GraphArguments {
	const maxNodes = stringValue(parsed, 'max-nodes');
	if (maxNodes !== undefined && !/^[1-9]\d*$/.test(maxNodes)) {
		throw new UsageError(`--max-nodes takes a whole number, 1 or more, not \`${maxNodes}\``);
	}
	const dir = stringValue(parsed, 'dir');
	return {
		page: parsed.positionals[0],
		dir: dir === undefined ? undefined : path.resolve(cwd, dir),
		depth: stringValue(parsed, 'depth') === '2' ? 2 : 1,
		format: stringValue(parsed, 'format') === 'dot' ? 'dot' : 'json',
		sections: [...stringValues(parsed, 'section')],
		tags: [...stringValues(parsed, 'tag')],
		maxNodes: maxNodes === undefined ? undefined : Number(maxNodes),
	};
}

async function runGraph(parsed: ParsedArguments, io: CliIo): Promise<number> {
	const options = graphArgumentsOf(parsed, io.cwd);
	const output = await vaultGraph(options, io.cwd);
	if (!output.graph) {
		io.stderr(`entity-vault graph: ${options.page === undefined ? 'the vault has no page' : `no page ${options.page} in the vault at ${output.root}`}\n`);
		return 1;
	}
	io.stdout(options.format === 'dot' ? formatGraphDot(output) : formatGraphJson(output));
	return 0;
}
