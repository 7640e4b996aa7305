import * as assert from 'assert';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { GraphParams, GraphResult } from '../../server/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';

const exampleVault = path.join(repoRoot, 'examples', 'vault');
const iranUri = URI.file(path.join(exampleVault, 'places', 'iran.md')).toString();

describe('entityVault/graph through the language server', function () {
	this.timeout(60000);
	let client: LspTestClient;
	const graph = (params: GraphParams) => client.connection.sendRequest('entityVault/graph', params) as Promise<GraphResult>;

	before(async () => {
		client = await LspTestClient.indexedOn(exampleVault);
	});

	after(async () => {
		await client?.shutdown();
	});

	it('answers one hop around a page by its URI: the page first, nodes with their document URIs and card fields, directed edges between them', async () => {
		const result = await graph({ uri: iranUri });
		assert.strictEqual(result.center, '/places/iran/');
		assert.strictEqual(result.rootUri, URI.file(exampleVault).toString());
		assert.strictEqual(result.nodes.length, 11);
		const [iran, mi6] = result.nodes;
		assert.deepStrictEqual([iran.url, iran.uri, iran.label, iran.section, iran.hop, iran.backlinks], ['/places/iran/', iranUri, 'Iran', 'places', 0, 10]);
		assert.deepStrictEqual(iran.aliases, ['Persia', 'Islamic Republic of Iran']);
		assert.ok(iran.tags.includes('Country'));
		assert.strictEqual(iran.subtitle, 'Place · Western Asia');
		assert.ok(!('card' in iran), 'the panel builds the hover card from the fields: no card markdown is sent');
		assert.deepStrictEqual([mi6.url, mi6.hop, mi6.uri], ['/organizations/mi6/', 1, URI.file(path.join(exampleVault, 'organizations', 'mi6.md')).toString()]);
		const urls = new Set(result.nodes.map(node => node.url));
		assert.ok(result.edges.length > 0 && result.edges.every(edge => urls.has(edge.from) && urls.has(edge.to) && edge.count >= 1));
		assert.ok(result.edges.some(edge => edge.from === '/organizations/mi6/' && edge.to === '/places/iran/'));
		assert.deepStrictEqual(result.sections, ['events', 'organizations', 'people', 'places', 'programs']);
		assert.ok(result.tags.includes('Country'));
		assert.strictEqual(result.truncated, false);
	});

	it('walks two hops, and answers the same by URL', async () => {
		const one = await graph({ url: '/places/iran/' });
		assert.strictEqual(one.nodes.length, 11);
		const two = await graph({ uri: iranUri, depth: 2 });
		assert.strictEqual(two.nodes.length, 22);
		assert.deepStrictEqual(two.nodes.slice(0, 11).map(node => node.url), one.nodes.map(node => node.url));
		assert.ok(two.nodes.slice(11).every(node => node.hop === 2));
	});

	it('keeps at most maxNodes, the nearest and most linked first, and says it left some out', async () => {
		const bounded = await graph({ uri: iranUri, depth: 2, maxNodes: 5 });
		assert.deepStrictEqual(bounded.nodes.map(node => node.label), ['Iran', 'MI6', 'World War II', 'Central Intelligence Agency', 'Israel']);
		assert.strictEqual(bounded.truncated, true);
		const urls = new Set(bounded.nodes.map(node => node.url));
		assert.ok(bounded.edges.every(edge => urls.has(edge.from) && urls.has(edge.to)));
		const all = await graph({ uri: iranUri, depth: 2, maxNodes: 100000 });
		assert.strictEqual(all.nodes.length, 22);
		assert.strictEqual(all.truncated, false);
	});

	it('filters by section and by tag, the page itself always kept', async () => {
		const people = await graph({ uri: iranUri, sections: ['people'] });
		assert.deepStrictEqual(people.nodes.map(node => node.section), ['places', 'people', 'people', 'people', 'people']);
		const tagged = await graph({ uri: iranUri, depth: 2, tags: ['Country'] });
		assert.ok(tagged.nodes.length > 1);
		assert.ok(tagged.nodes.slice(1).every(node => node.tags.includes('Country')));
		assert.deepStrictEqual((await graph({ uri: iranUri, tags: ['no-such-tag'] })).nodes.map(node => node.url), ['/places/iran/']);
	});

	it('answers no nodes for a page that is not in a vault, and takes a request without parameters', async () => {
		const none = await graph({ url: '/places/atlantis/' });
		assert.deepStrictEqual([none.center, none.nodes.length, none.edges.length], [null, 0, 0]);
		const outside = await graph({ uri: URI.file(path.join(repoRoot, 'README.md')).toString() });
		assert.strictEqual(outside.center, null);
		const nothing = await client.connection.sendRequest('entityVault/graph') as GraphResult;
		assert.strictEqual(nothing.center, null);
	});
});
