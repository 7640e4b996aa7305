import * as fs from 'fs';
import * as path from 'path';
import { NO_SECTION_COLOUR, nodeDiameter, sectionColours } from '../../graphPalette';
import type { VaultGraph } from '../../service/vaultService';
import { DEFAULT_SETTINGS } from '../../service/vault/settings';
import { findVaultRoot, VAULT_MARKER_FILE, vaultDeclaration } from '../vaultFiles';
import { VaultWorkspace } from '../vaultWorkspace';
import { IndexWorkerPool } from '../indexWorkerPool';

export const GRAPH_USAGE = `Usage: entity-vault graph [PAGE] [--dir DIR] [--depth 1|2] [--format json|dot]
                         [--section S]... [--tag T]... [--max-nodes N]

Prints the neighbourhood of a page: the pages it links and those linking it
(and theirs too with --depth 2), with the links between them.

  PAGE                 the page: its file (places/iran.md) or its URL
                       (/places/iran/); default: the vault's most linked page
  --dir DIR            the vault folder (default: the folder above the page's
                       section, or the nearest one holding ${VAULT_MARKER_FILE};
                       the current folder for a URL)
  --depth 1|2          hops from the page (default 1)
  --format json|dot    json: {"root", "center", "nodes", "edges", "truncated"}
                       dot: Graphviz (render with: dot -Tsvg -o graph.svg)
  --section S          only pages of this section (repeatable; the page itself
                       always)
  --tag T              only pages with this tag (repeatable)
  --max-nodes N        at most N nodes, the nearest and most linked first
                       (default 150)

Exit status: 0, 1 when the page is not in the vault, 2 for bad usage.`;

export class GraphUsageError extends Error { }

export interface GraphArguments {
	readonly page: string | undefined;
	readonly dir: string | undefined;
	readonly depth: 1 | 2;
	readonly format: 'json' | 'dot';
	readonly sections: string[];
	readonly tags: string[];
	readonly maxNodes: number | undefined;
}

/** Reads the graph command's arguments (after `graph`). */
export function parseGraphArguments(args: readonly string[], cwd: string): GraphArguments {
	let page: string | undefined;
	let dir: string | undefined;
	let depth: 1 | 2 = 1;
	let format: 'json' | 'dot' = 'json';
	let maxNodes: number | undefined;
	const sections: string[] = [];
	const tags: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const valueOf = (): string => {
			const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
			if (value === undefined || (eq < 0 && value.startsWith('--'))) {
				throw new GraphUsageError(`${flag} needs a value`);
			}
			return value;
		};
		switch (flag) {
			case '--dir':
				dir = path.resolve(cwd, valueOf());
				break;
			case '--depth': {
				const value = valueOf();
				if (value !== '1' && value !== '2') {
					throw new GraphUsageError(`--depth must be 1 or 2, not \`${value}\``);
				}
				depth = value === '1' ? 1 : 2;
				break;
			}
			case '--format': {
				const value = valueOf();
				if (value !== 'json' && value !== 'dot') {
					throw new GraphUsageError(`--format must be json or dot, not \`${value}\``);
				}
				format = value;
				break;
			}
			case '--section':
				sections.push(valueOf());
				break;
			case '--tag':
				tags.push(valueOf());
				break;
			case '--max-nodes': {
				const value = valueOf();
				if (!/^[1-9]\d*$/.test(value)) {
					throw new GraphUsageError(`--max-nodes takes a whole number, 1 or more, not \`${value}\``);
				}
				maxNodes = Number(value);
				break;
			}
			default:
				if (arg.startsWith('-')) {
					throw new GraphUsageError(`unknown option \`${arg}\``);
				}
				if (page !== undefined) {
					throw new GraphUsageError(`only one page, got \`${page}\` and \`${arg}\``);
				}
				page = arg;
		}
	}
	return { page, dir, depth, format, sections, tags, maxNodes };
}

/** A page's file, or a URL (a `/…/` that names no file). */
function pageFile(page: string, cwd: string): string | undefined {
	const file = path.resolve(cwd, page);
	return fs.existsSync(file) ? file : undefined;
}

/**
 * The vault folder of a page file: the nearest folder above it holding the
 * marker file, else the folder above its section (`places/iran.md`,
 * `places/iran/index.md`).
 */
function vaultFolderOf(file: string): string {
	for (let folder = path.dirname(file); path.dirname(folder) !== folder; folder = path.dirname(folder)) {
		if (fs.existsSync(path.join(folder, VAULT_MARKER_FILE))) {
			return folder;
		}
	}
	const isIndex = /^_?index\.md$/i.test(path.basename(file));
	return path.dirname(path.dirname(isIndex ? path.dirname(file) : file));
}

export interface GraphOutput {
	readonly root: string;
	readonly graph: VaultGraph | undefined;
}

/** Indexes the vault and answers the page's neighbourhood (undefined: no such page). */
export async function vaultGraph(options: GraphArguments, cwd: string): Promise<GraphOutput> {
	const file = options.page === undefined ? undefined : pageFile(options.page, cwd);
	if (options.page !== undefined && file === undefined && !options.page.startsWith('/')) {
		throw new GraphUsageError(`no such page file: ${options.page}`);
	}
	const folder = options.dir ?? (file ? vaultFolderOf(file) : cwd);
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		throw new GraphUsageError(`no such folder: ${folder}`);
	}
	const root = findVaultRoot(folder);
	const pool = new IndexWorkerPool();
	const vault = new VaultWorkspace(folder, folder, root, { settings: DEFAULT_SETTINGS, declaredVault: vaultDeclaration(folder, root, undefined), excludes: [], pool });
	try {
		await vault.index();
		const index = vault.service.index;
		let pagePath: string | undefined;
		if (file !== undefined) {
			pagePath = vault.relativePath(file);
		} else if (options.page !== undefined) {
			pagePath = index.pageForUrl(options.page.endsWith('/') ? options.page : `${options.page}/`)?.path;
		} else {
			let best = -1;
			for (const page of index.pages()) {
				const count = index.backlinkCount(page.url);
				if (count > best || (count === best && pagePath !== undefined && page.path < pagePath)) {
					best = count;
					pagePath = page.path;
				}
			}
		}
		const graph = pagePath === undefined ? undefined
			: vault.service.graph(pagePath, { depth: options.depth, sections: options.sections, tags: options.tags, maxNodes: options.maxNodes });
		return { root, graph };
	} finally {
		vault.dispose();
		pool.dispose();
	}
}

export function formatGraphJson(output: GraphOutput): string {
	const graph = output.graph;
	return JSON.stringify(graph ? { root: output.root, ...graph } : { root: output.root }, null, 2) + '\n';
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`. */
export function dotString(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

/**
 * Graphviz's DOT: a directed graph, a node per page (its URL the id, its
 * title the label, filled with its section's colour, sized by its
 * backlinks, the page itself outlined), an edge per linking page (labelled
 * with the link count above one), and a legend of the sections.
 */
export function formatGraphDot(output: GraphOutput): string {
	const graph = output.graph;
	const lines = ['digraph "entity-vault" {', '\tgraph [rankdir=LR, overlap=false, fontname="Helvetica"];', '\tnode [shape=ellipse, style=filled, fontname="Helvetica", fontsize=10, fontcolor="#1e1e1e"];', '\tedge [color="#7f7f7f", arrowsize=0.7];'];
	if (graph) {
		const colours = sectionColours(graph.nodes.map(node => node.section));
		lines.push(`\tlabel=${dotString(`Neighbourhood of ${graph.nodes[0].label} (${graph.center})${graph.truncated ? ', truncated' : ''}`)};`, '\tlabelloc=t;');
		for (const node of graph.nodes) {
			const inches = (nodeDiameter(node.backlinks) / 72 * 1.5).toFixed(2);
			const attributes = [
				`label=${dotString(node.label)}`,
				`fillcolor=${dotString(colours.get(node.section) ?? NO_SECTION_COLOUR)}`,
				`width=${inches}`,
				`tooltip=${dotString(`${node.path} · ${node.backlinks} backlinks`)}`,
				...(node.hop === 0 ? ['penwidth=3'] : []),
			];
			lines.push(`\t${dotString(node.url)} [${attributes.join(', ')}];`);
		}
		for (const edge of graph.edges) {
			const attributes = edge.count > 1 ? ` [label=${dotString(String(edge.count))}, penwidth=${Math.min(4, 1 + Math.log2(edge.count)).toFixed(1)}]` : '';
			lines.push(`\t${dotString(edge.from)} -> ${dotString(edge.to)}${attributes};`);
		}
		if (colours.size > 0) {
			lines.push('\tsubgraph cluster_legend {', `\t\tlabel=${dotString('Sections')};`, '\t\tstyle=dashed;');
			for (const [section, colour] of colours) {
				lines.push(`\t\t${dotString(`legend:${section}`)} [label=${dotString(section)}, shape=box, fillcolor=${dotString(colour)}];`);
			}
			lines.push('\t}');
		}
	}
	lines.push('}');
	return lines.join('\n') + '\n';
}

/** What the graph command writes to and where it runs (the CLI's `CliIo`). */
export interface GraphIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly cwd: string;
}

/** `entity-vault graph …`: resolves to the exit status. */
export async function graphMain(args: readonly string[], io: GraphIo): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(GRAPH_USAGE + '\n');
		return 0;
	}
	let output: GraphOutput;
	let options: GraphArguments;
	try {
		options = parseGraphArguments(args, io.cwd);
		output = await vaultGraph(options, io.cwd);
	} catch (error) {
		if (error instanceof GraphUsageError) {
			io.stderr(`entity-vault graph: ${error.message}\n\n${GRAPH_USAGE}\n`);
			return 2;
		}
		throw error;
	}
	if (!output.graph) {
		io.stderr(`entity-vault graph: ${options.page === undefined ? 'the vault has no page' : `no page ${options.page} in the vault at ${output.root}`}\n`);
		return 1;
	}
	io.stdout(options.format === 'dot' ? formatGraphDot(output) : formatGraphJson(output));
	return 0;
}
