import * as assert from 'assert';
import { vaultOf } from '../support/cursor';

/** A page with frontmatter: a title, a section's tags, links in its body. */
function page(title: string, tags: string[], body: string, extra = ''): string {
	return `---\ntitle: ${title}\ntags: [${tags.join(', ')}]\n${extra}---\n\n${body}\n`;
}

// center links a (twice) and b; c links center; a links d; d links e (three hops away); b links itself.
const VAULT: Record<string, string> = {
	'people/center.md': page('Center 🙂', ['spy'], 'Met [A](/people/a/) and [A again](../people/a.md), lived in [B](/places/b/).\r\n', 'summary: The one in the middle.\ncategory: person\nlocation: London\n'),
	'people/a.md': page('A', ['spy'], 'Knew [D](/organizations/d/).'),
	'places/b.md': page('B', ['city'], 'Here is [B](/places/b/) and [nowhere](/places/missing/).'),
	'people/c.md': page('C', ['banker'], 'Funded [Center](/people/center/).'),
	'organizations/d.md': page('D', ['agency'], 'Part of [E](/organizations/e/).'),
	'organizations/e.md': page('E', ['agency'], 'Alone.'),
	'people/f.md': page('F', ['spy'], 'Linked [A](/people/a/) and [C](/people/c/).'),
};

describe('graph: the neighbourhood of a page', () => {
	it('holds at depth 1 the pages the page links and those linking it, with directed edges counted, nothing further', () => {
		const service = vaultOf(VAULT);
		const graph = service.graph('people/center.md');
		assert.ok(graph);
		assert.strictEqual(graph.center, '/people/center/');
		assert.deepStrictEqual(graph.nodes.map(node => [node.url, node.hop]), [
			['/people/center/', 0], ['/people/a/', 1], ['/places/b/', 1], ['/people/c/', 1],
		]);
		assert.deepStrictEqual(graph.edges, [
			{ from: '/people/c/', to: '/people/center/', count: 1 },
			{ from: '/people/center/', to: '/people/a/', count: 2 },
			{ from: '/people/center/', to: '/places/b/', count: 1 },
		]);
		assert.strictEqual(graph.truncated, false);
	});

	it('gives each node what its hover card shows, the entity card reused', () => {
		const service = vaultOf(VAULT);
		const [center, a] = service.graph('people/center.md')!.nodes;
		assert.deepStrictEqual({ ...center, card: undefined }, {
			url: '/people/center/', path: 'people/center.md', label: 'Center 🙂', section: 'people', hop: 0, backlinks: 1,
			tags: ['spy'], aliases: [], subtitle: 'person · London', summary: 'The one in the middle.', card: undefined,
		});
		assert.match(center.card, /^\*\*Center 🙂\*\* {2}\nperson · London\n\nThe one in the middle\./);
		assert.match(center.card, /Linked from 1 page/);
		assert.strictEqual(a.backlinks, 2);
	});

	it('walks two hops at depth 2, the second hop through the first only', () => {
		const service = vaultOf(VAULT);
		const graph = service.graph('people/center.md', { depth: 2 })!;
		assert.deepStrictEqual(graph.nodes.map(node => [node.url, node.hop]), [
			['/people/center/', 0], ['/people/a/', 1], ['/places/b/', 1], ['/people/c/', 1],
			['/organizations/d/', 2], ['/people/f/', 2],
		]);
		assert.ok(graph.edges.some(edge => edge.from === '/people/f/' && edge.to === '/people/c/'));
		// Each node's backlinks are what its "N backlinks" lens counts (b's link to itself left out).
		assert.deepStrictEqual(graph.nodes.map(node => node.backlinks), graph.nodes.map(node => service.backlinkCount(node.path)));
		assert.ok(!graph.nodes.some(node => node.url === '/organizations/e/'));
		// A self-link is no edge, a missing target no node.
		assert.ok(!graph.edges.some(edge => edge.from === edge.to));
		assert.ok(!graph.nodes.some(node => node.url === '/places/missing/'));
	});

	it('filters by section and by tag, keeping the page itself and walking only through pages shown', () => {
		const service = vaultOf(VAULT);
		assert.deepStrictEqual(service.graph('people/center.md', { depth: 2, sections: ['people'] })!.nodes.map(node => node.url),
			['/people/center/', '/people/a/', '/people/c/', '/people/f/']);
		assert.deepStrictEqual(service.graph('people/center.md', { depth: 2, tags: ['spy', 'agency'] })!.nodes.map(node => node.url),
			['/people/center/', '/people/a/', '/organizations/d/', '/people/f/']);
		assert.deepStrictEqual(service.graph('people/center.md', { sections: ['events'] })!.nodes.map(node => node.url), ['/people/center/']);
	});

	it('keeps at most maxNodes, nearest then most linked first, and says it left some out', () => {
		const service = vaultOf(VAULT);
		const three = service.graph('people/center.md', { depth: 2, maxNodes: 3 })!;
		// Linked from two pages each, a and b (itself one of them) come before c; a and b tie, the URL decides.
		assert.deepStrictEqual(three.nodes.map(node => node.url), ['/people/center/', '/people/a/', '/places/b/']);
		assert.strictEqual(three.truncated, true);
		assert.ok(three.edges.every(edge => three.nodes.some(node => node.url === edge.from) && three.nodes.some(node => node.url === edge.to)));
		const five = service.graph('people/center.md', { depth: 2, maxNodes: 5 })!;
		assert.deepStrictEqual(five.nodes.map(node => node.url).slice(4), ['/organizations/d/']);
		assert.strictEqual(five.truncated, true);
		assert.strictEqual(service.graph('people/center.md', { depth: 2, maxNodes: 6 })!.truncated, false);
		assert.strictEqual(service.graph('people/center.md', { maxNodes: 0 })!.nodes.length, 1);
	});

	it('stops when cancelled and says so, and answers nothing for a page not indexed', () => {
		const pages: Record<string, string> = { 'places/hub.md': page('Hub', [], 'The hub.') };
		for (let i = 0; i < 1200; i++) {
			pages[`people/p${i}.md`] = page(`P${i}`, [], 'Lives in [Hub](/places/hub/).');
		}
		const service = vaultOf(pages);
		const graph = service.graph('places/hub.md', { maxNodes: 2000 }, { isCancellationRequested: true })!;
		assert.strictEqual(graph.cancelled, true);
		assert.ok(graph.nodes.length < 1201);
		assert.strictEqual(service.graph('places/hub.md', { maxNodes: 2000 })!.nodes.length, 1201);
		assert.strictEqual(service.graph('places/nowhere.md'), undefined);
	});
});
