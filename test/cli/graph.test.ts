import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/checkCommand';
import { repoRoot, temporaryVault } from '../support/paths';

const exampleVault = path.join(repoRoot, 'examples', 'vault');
const iranFile = path.join(exampleVault, 'places', 'iran.md');

interface GraphJson {
	root: string;
	center: string;
	nodes: { url: string; path: string; label: string; section: string; hop: number; backlinks: number; tags: string[] }[];
	edges: { from: string; to: string; count: number }[];
	truncated: boolean;
}

function graphJson(...args: string[]): GraphJson {
	const result = runCli('graph', ...args);
	assert.strictEqual(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as GraphJson;
}

/** What Graphviz read from a DOT text: its nodes (name → label) and edges (tail → head names), from `dot -Tjson`. */
function readByGraphviz(dot: string): { nodes: Map<string, string>; edges: string[] } {
	const result = spawnSync('dot', ['-Tjson'], { input: dot, encoding: 'utf8' });
	assert.strictEqual(result.status, 0, `dot rejected the graph: ${result.stderr}`);
	assert.strictEqual(result.stderr, '', 'dot warned');
	const parsed = JSON.parse(result.stdout) as { objects?: { _gvid: number; name: string; label: string }[]; edges?: { tail: number; head: number }[] };
	const objects = parsed.objects ?? [];
	const nameOf = new Map(objects.map(object => [object._gvid, object.name]));
	return {
		nodes: new Map(objects.filter(object => !object.name.startsWith('cluster_')).map(object => [object.name, object.label])),
		edges: (parsed.edges ?? []).map(edge => `${nameOf.get(edge.tail)} -> ${nameOf.get(edge.head)}`).sort(),
	};
}

describe('entity-vault graph', function () {
	this.timeout(60000);

	it('prints the neighbourhood of a page file as JSON: the page, the pages it links and those linking it, the links between them', () => {
		const graph = graphJson(iranFile);
		assert.strictEqual(graph.root, exampleVault);
		assert.strictEqual(graph.center, '/places/iran/');
		assert.deepStrictEqual(graph.nodes.slice(0, 3).map(node => [node.url, node.hop, node.label, node.section, node.backlinks]), [
			['/places/iran/', 0, 'Iran', 'places', 10],
			['/organizations/mi6/', 1, 'MI6', 'organizations', 21],
			['/events/world-war-ii/', 1, 'World War II', 'events', 12],
		]);
		assert.strictEqual(graph.nodes.length, 11);
		assert.ok(graph.nodes.slice(1).every(node => node.hop === 1));
		assert.ok(graph.edges.some(edge => edge.from === '/organizations/savak/' && edge.to === '/organizations/mi6/' && edge.count === 2));
		assert.strictEqual(graph.truncated, false);
	});

	it('takes a URL with --dir, a second hop, filters and a node bound', () => {
		assert.deepStrictEqual(graphJson('/places/iran/', '--dir', exampleVault).nodes.length, 11);
		const two = graphJson(iranFile, '--depth', '2');
		assert.ok(two.nodes.length > 11);
		assert.ok(two.nodes.some(node => node.hop === 2));
		assert.deepStrictEqual(graphJson(iranFile, '--section', 'people').nodes.map(node => node.section), ['places', 'people', 'people', 'people', 'people']);
		const bounded = graphJson(iranFile, '--depth=2', '--max-nodes', '4');
		assert.deepStrictEqual(bounded.nodes.map(node => node.url), ['/places/iran/', '/organizations/mi6/', '/events/world-war-ii/', '/organizations/central-intelligence-agency/']);
		assert.strictEqual(bounded.truncated, true);
	});

	it('says so for a page not in the vault, and for bad usage', () => {
		const missing = runCli('graph', '/places/atlantis/', '--dir', exampleVault);
		assert.strictEqual(missing.status, 1);
		assert.match(missing.stderr, /no page \/places\/atlantis\/ in the vault/);
		const bad = runCli('graph', iranFile, '--depth', '3');
		assert.strictEqual(bad.status, 2);
		assert.match(bad.stderr, /--depth must be 1 or 2/);
		assert.strictEqual(runCli('graph', iranFile, '--format', 'svg').status, 2);
	});

	describe('--format dot, read by a real Graphviz', function () {
		before(function () {
			if (spawnSync('dot', ['-V']).error) {
				if (process.env.CI === 'true') {
					throw new Error('Graphviz\'s dot is missing: CI installs it (apt-get install -y graphviz)');
				}
				console.log('      (skipped: Graphviz\'s dot is not installed; apt-get install -y graphviz to run these)');
				this.skip();
			}
		});

		it('gives Graphviz every node with its title and every link of the JSON output', () => {
			const json = graphJson(iranFile, '--depth', '2');
			const result = runCli('graph', iranFile, '--depth', '2', '--format', 'dot');
			assert.strictEqual(result.status, 0, result.stderr);
			const read = readByGraphviz(result.stdout);
			for (const node of json.nodes) {
				assert.strictEqual(read.nodes.get(node.url), node.label);
			}
			assert.deepStrictEqual(read.edges, json.edges.map(edge => `${edge.from} -> ${edge.to}`).sort());
			// The legend: one box per section shown.
			assert.deepStrictEqual([...read.nodes.keys()].filter(name => name.startsWith('legend:')).sort(),
				[...new Set(json.nodes.map(node => `legend:${node.section}`))].sort());
		});

		it('quotes and escapes ids and labels: quotes, backslashes, emoji, spaces, keywords', () => {
			const dir = temporaryVault('ev-graph-dot-', {
				'people/odd.md': '---\ntitle: \'Say "hi" \\ to 🙂 graph\'\n---\n\nSee [the node](/places/node/) and [the edge](/places/edge/).\r\n',
				'places/node.md': '---\ntitle: node\n---\n\nBack to [Odd](/people/odd/).\n',
				'places/edge.md': '---\ntitle: "-> edge {x}; [y]"\n---\n',
			});
			try {
				const result = runCli('graph', path.join(dir, 'people', 'odd.md'), '--format', 'dot');
				assert.strictEqual(result.status, 0, result.stderr);
				const read = readByGraphviz(result.stdout);
				// Graphviz keeps a label as an escString (`\\` for a backslash) and draws it unescaped.
				assert.strictEqual(read.nodes.get('/people/odd/'), 'Say "hi" \\\\ to 🙂 graph');
				const svg = spawnSync('dot', ['-Tsvg'], { input: result.stdout, encoding: 'utf8' }).stdout;
				assert.ok(svg.includes('>Say &quot;hi&quot; \\ to 🙂 graph</text>'), svg);
				assert.strictEqual(read.nodes.get('/places/node/'), 'node');
				assert.strictEqual(read.nodes.get('/places/edge/'), '-> edge {x}; [y]');
				assert.deepStrictEqual(read.edges, ['/people/odd/ -> /places/edge/', '/people/odd/ -> /places/node/', '/places/node/ -> /people/odd/']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		});
	});
});
