import * as fs from 'fs';
import * as path from 'path';
import { NO_SECTION_COLOUR, nodeDiameter, sectionColours } from '../../graphPalette';
import type { VaultGraph } from '../../service/vaultService';
import { DEFAULT_SETTINGS } from '../../service/vault/settings';
import { findVaultRoot, VAULT_MARKER_FILE, vaultDeclaration } from '../vaultFiles';
import { VaultWorkspace } from '../vaultWorkspace';
import { IndexWorkerPool } from '../indexWorkerPool';
import { UsageError } from './cliOptions';

export interface GraphArguments {
	readonly page: string | undefined;
	readonly dir: string | undefined;
	readonly depth: 1 | 2;
	readonly format: 'json' | 'dot';
	readonly sections: string[];
	readonly tags: string[];
	readonly maxNodes: number | undefined;
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
		throw new UsageError(`no such page file: ${options.page}`);
	}
	const folder = options.dir ?? (file ? vaultFolderOf(file) : cwd);
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		throw new UsageError(`no such folder: ${folder}`);
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
