/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The graph panel's script, run inside the webview (bundled by esbuild into
 * dist/graphView.js with Cytoscape.js): draws the neighbourhood the extension
 * sends, and sends back what the user asks for (open a page, other options).
 * It has no network access (the panel's Content-Security-Policy), and every
 * text from the vault goes into the page as text, never as markup.
 */
import cytoscape from 'cytoscape';
import { NO_SECTION_COLOUR, nodeDiameter, sectionColours } from '../../../server/src/graphPalette';
import type { GraphNodeItem, GraphResult } from '../../../server/src/protocol';
import type { FromGraphView, GraphViewOptions, ToGraphView } from './graphMessages';

declare function acquireVsCodeApi(): { postMessage(message: FromGraphView): void };

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const canvas = byId<HTMLDivElement>('graph');
const legend = byId<HTMLUListElement>('legend');
const depthSelect = byId<HTMLSelectElement>('depth');
const tagSelect = byId<HTMLSelectElement>('tag');
const search = byId<HTMLInputElement>('search');
const searchNames = byId<HTMLDataListElement>('names');
const card = byId<HTMLDivElement>('card');
const status = byId<HTMLDivElement>('status');
const nodeList = byId<HTMLUListElement>('nodes');

let current: { graph: GraphResult; options: GraphViewOptions } | undefined;
let cy: cytoscape.Core | undefined;

/** A colour of the editor's theme (a CSS variable VS Code sets on the webview). */
function themeColour(name: string, fallback: string): string {
	return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
	const made = document.createElement(tag);
	if (text !== undefined) {
		made.textContent = text;
	}
	if (className !== undefined) {
		made.className = className;
	}
	return made;
}

function sendOptions(change: Partial<GraphViewOptions>): void {
	if (current) {
		vscode.postMessage({ type: 'options', options: { ...current.options, ...change } });
	}
}

function open(uri: string): void {
	vscode.postMessage({ type: 'open', uri });
}

/** The hover card: title, category · location, summary, aliases, tags, backlinks and path. */
function showCard(node: GraphNodeItem, x: number, y: number): void {
	card.replaceChildren();
	card.append(element('strong', node.label));
	if (node.subtitle) {
		card.append(element('div', node.subtitle, 'subtitle'));
	}
	if (node.summary) {
		card.append(element('p', node.summary));
	}
	if (node.aliases.length > 0) {
		card.append(element('div', `Also known as: ${node.aliases.join(', ')}`));
	}
	if (node.tags.length > 0) {
		const tags = element('div', 'Tags: ');
		for (const tag of node.tags) {
			tags.append(element('code', tag), ' ');
		}
		card.append(tags);
	}
	card.append(element('div', `Linked from ${node.backlinks} ${node.backlinks === 1 ? 'page' : 'pages'} · ${node.path}`, 'facts'));
	card.hidden = false;
	const bounds = canvas.getBoundingClientRect();
	card.style.left = `${Math.min(x + 16, Math.max(0, bounds.width - card.offsetWidth - 8))}px`;
	card.style.top = `${Math.min(y + 16, Math.max(0, bounds.height - card.offsetHeight - 8))}px`;
}

function renderLegend(graph: GraphResult, options: GraphViewOptions, colours: Map<string, string>): void {
	legend.replaceChildren();
	const shown = new Set(options.sections);
	for (const section of graph.sections) {
		const item = element('li');
		const label = element('label');
		const box = element('input');
		box.type = 'checkbox';
		box.checked = shown.size === 0 || shown.has(section);
		box.dataset.section = section;
		box.addEventListener('change', () => {
			const checked = [...legend.querySelectorAll<HTMLInputElement>('input[data-section]')].filter(input => input.checked).map(input => input.dataset.section ?? '');
			// All or none checked: no filter.
			sendOptions({ sections: checked.length === graph.sections.length ? [] : checked });
		});
		const swatch = element('span', undefined, 'swatch');
		swatch.style.background = colours.get(section) ?? NO_SECTION_COLOUR;
		label.append(box, swatch, element('span', section));
		item.append(label);
		legend.append(item);
	}
}

function renderControls(graph: GraphResult, options: GraphViewOptions): void {
	depthSelect.value = String(options.depth);
	tagSelect.replaceChildren(element('option', 'Any tag'));
	(tagSelect.firstChild as HTMLOptionElement).value = '';
	for (const tag of new Set([...graph.tags, ...(options.tag ? [options.tag] : [])])) {
		const option = element('option', tag);
		option.value = tag;
		tagSelect.append(option);
	}
	tagSelect.value = options.tag;
	searchNames.replaceChildren(...graph.nodes.map(node => {
		const option = element('option');
		option.value = node.label;
		return option;
	}));
}

/** The list of the nodes (for keyboard and screen reader users, and the tests): each opens its page, and says where its node is drawn. */
function renderNodeList(graph: GraphResult): void {
	nodeList.replaceChildren(...graph.nodes.map(node => {
		const item = element('li');
		const link = element('a', node.label);
		link.href = '#';
		link.dataset.url = node.url;
		link.addEventListener('click', event => {
			event.preventDefault();
			open(node.uri);
		});
		item.append(link);
		return item;
	}));
}

/** Writes each node's drawn position (relative to the canvas) on its list item. */
function recordPositions(): void {
	if (!cy) {
		return;
	}
	for (const link of nodeList.querySelectorAll<HTMLAnchorElement>('a[data-url]')) {
		const node = cy.getElementById(link.dataset.url ?? '');
		if (node.nonempty()) {
			const position = node.renderedPosition();
			link.dataset.x = position.x.toFixed(0);
			link.dataset.y = position.y.toFixed(0);
		}
	}
	document.body.dataset.laidOut = 'true';
}

function draw(graph: GraphResult, options: GraphViewOptions): void {
	current = { graph, options };
	card.hidden = true;
	document.body.dataset.laidOut = 'false';
	const colours = sectionColours(graph.sections);
	renderLegend(graph, options, colours);
	renderControls(graph, options);
	renderNodeList(graph);
	const center = graph.nodes[0];
	status.textContent = `${center?.label ?? ''}: ${graph.nodes.length} ${graph.nodes.length === 1 ? 'page' : 'pages'}, ${graph.edges.length} ${graph.edges.length === 1 ? 'link' : 'links'}${graph.truncated ? ' (the most linked shown; some left out)' : ''}`;
	const foreground = themeColour('--vscode-editor-foreground', '#333333');
	const edgeColour = themeColour('--vscode-editorLineNumber-foreground', '#888888');
	const focus = themeColour('--vscode-focusBorder', '#007fd4');
	cy?.destroy();
	cy = cytoscape({
		container: canvas,
		elements: [
			...graph.nodes.map(node => ({
				group: 'nodes' as const,
				data: { id: node.url, label: node.label, colour: colours.get(node.section) ?? NO_SECTION_COLOUR, size: nodeDiameter(node.backlinks), hop: node.hop },
				classes: node.hop === 0 ? 'center' : '',
			})),
			...graph.edges.map(edge => ({ group: 'edges' as const, data: { id: `${edge.from}→${edge.to}`, source: edge.from, target: edge.to, width: Math.min(4, 1 + Math.log2(edge.count)) } })),
		],
		style: [
			{ selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)', color: foreground, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '140px' } },
			{ selector: 'node.center', style: { 'border-width': 3, 'border-color': focus, 'font-weight': 'bold' } },
			{ selector: 'node:selected', style: { 'border-width': 3, 'border-color': focus } },
			{ selector: 'edge', style: { width: 'data(width)', 'line-color': edgeColour, 'target-arrow-color': edgeColour, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.7 } },
			{ selector: 'node.faded, edge.faded', style: { opacity: 0.2 } },
		],
		layout: { name: 'concentric', concentric: node => 3 - (node.data('hop') as number), levelWidth: () => 1, minNodeSpacing: 24, animate: false },
		wheelSensitivity: 0.3,
	});
	const nodesByUrl = new Map(graph.nodes.map(node => [node.url, node]));
	cy.on('mouseover', 'node', event => {
		const node = nodesByUrl.get(event.target.id());
		if (node) {
			showCard(node, event.renderedPosition.x, event.renderedPosition.y);
		}
		const neighbourhood = event.target.closedNeighborhood();
		cy?.elements().not(neighbourhood).addClass('faded');
	});
	cy.on('mouseout', 'node', () => {
		card.hidden = true;
		cy?.elements().removeClass('faded');
	});
	cy.on('tap', 'node', event => {
		const node = nodesByUrl.get(event.target.id());
		if (node) {
			open(node.uri);
		}
	});
	cy.on('render viewport', () => recordPositions());
	recordPositions();
}

function centreOn(query: string): void {
	const wanted = query.trim().toLowerCase();
	if (!cy || !current || wanted === '') {
		return;
	}
	const found = current.graph.nodes.find(node => node.label.toLowerCase() === wanted)
		?? current.graph.nodes.find(node => node.label.toLowerCase().includes(wanted));
	if (!found) {
		status.textContent = `No page named “${query}” in this graph.`;
		return;
	}
	const node = cy.getElementById(found.url);
	cy.elements().unselect();
	node.select();
	cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
}

depthSelect.addEventListener('change', () => sendOptions({ depth: depthSelect.value === '2' ? 2 : 1 }));
tagSelect.addEventListener('change', () => sendOptions({ tag: tagSelect.value }));
search.addEventListener('change', () => centreOn(search.value));
search.addEventListener('keydown', event => {
	if (event.key === 'Enter') {
		centreOn(search.value);
	}
});

// The theme changed (VS Code sets the body's class): draw again with its colours.
new MutationObserver(() => {
	if (current) {
		draw(current.graph, current.options);
	}
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

window.addEventListener('message', (event: MessageEvent<ToGraphView>) => {
	const message = event.data;
	if (message.type === 'graph') {
		draw(message.graph, message.options);
	} else if (message.type === 'empty') {
		current = undefined;
		cy?.destroy();
		cy = undefined;
		nodeList.replaceChildren();
		legend.replaceChildren();
		status.textContent = message.message;
	}
});

vscode.postMessage({ type: 'ready' });
