import * as assert from 'assert';
import { provideGraph, SECOND_HOP_LINKERS } from '../../server/src/service/languageFeatures/graph';
import type { VaultIndex } from '../../server/src/service/vault/vaultIndex';
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

	it('gives each node the fields its hover card is built from, and no card markdown (the panel builds the card)', () => {
		const service = vaultOf(VAULT);
		const [center, a] = service.graph('people/center.md')!.nodes;
		assert.deepStrictEqual(center, {
			url: '/people/center/', path: 'people/center.md', label: 'Center 🙂', section: 'people', hop: 0, backlinks: 1,
			tags: ['spy'], aliases: [], subtitle: 'person · London', summary: 'The one in the middle.',
		});
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

	it('bounds its work at depth 2 by the nodes asked for, not by the hubs nearby: a hub\'s thousands of linkers are not visited', () => {
		// center links two hubs and is linked by two pages; each hub is linked by 1,500 pages, one of them a page linked by 3.
		const pages: Record<string, string> = {
			'people/center.md': page('Center', [], 'Knew [H1](/places/h1/) and [H2](/places/h2/).'),
			'people/x.md': page('X', [], 'Met [Center](/people/center/) and [Y](/people/y/).'),
			'people/y.md': page('Y', [], 'Met [Center](/people/center/).'),
			'people/z.md': page('Z', [], 'Knew [Y](/people/y/).'),
		};
		for (const hub of ['h1', 'h2']) {
			pages[`places/${hub}.md`] = page(hub.toUpperCase(), [], 'A hub.');
			for (let i = 0; i < 1500; i++) {
				pages[`people/${hub}-${i}.md`] = page(`${hub} ${i}`, [], `Lives in [${hub}](/places/${hub}/)${i === 0 ? ' with [P](/people/popular/)' : ''}.`);
			}
		}
		pages['people/popular.md'] = page('Popular', [], 'Known.');
		pages['people/fan1.md'] = page('Fan 1', [], '[P](/people/popular/) and [Y](/people/y/)');
		const service = vaultOf(pages);
		let visits = 0;
		const counting = new Proxy(service.index, {
			get(target, key) {
				const value = Reflect.get(target, key, target) as unknown;
				if (key === 'linkersOf') {
					return (url: string) => {
						const linkers = target.linkersOf(url);
						visits += linkers.length;
						return linkers;
					};
				}
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		}) as VaultIndex;
		const center = service.index.getPage('people/center.md')!;
		const graph = provideGraph({ index: counting, page: center }, { depth: 2 });
		// The center's two linkers, then y's three (x, z and fan1): the hubs' 3,000 linkers are never listed.
		assert.strictEqual(visits, 5);
		assert.ok(SECOND_HOP_LINKERS < 1500);
		assert.deepStrictEqual(graph.nodes.map(node => [node.url, node.hop]), [
			['/people/center/', 0], ['/places/h1/', 1], ['/places/h2/', 1], ['/people/y/', 1], ['/people/x/', 1],
			['/people/fan1/', 2], ['/people/z/', 2],
		]);
		// Some of the neighbourhood (the hubs' linkers) was left out, and it says so.
		assert.strictEqual(graph.truncated, true);
		assert.strictEqual(graph.nodes.find(node => node.url === '/places/h1/')!.backlinks, 1501);

		// Around the hub itself, its linkers are the first hop (ranked, as at depth 1), and they fill the room.
		const full = service.graph('places/h1.md', { depth: 2 })!;
		assert.strictEqual(full.nodes.length, 150);
		assert.ok(full.nodes.every(node => node.hop < 2));
		assert.strictEqual(full.truncated, true);
		// A node bound above the hub's linkers walks through them, most linked then by URL.
		const wide = service.graph('people/center.md', { depth: 2, maxNodes: 2000 })!;
		assert.strictEqual(wide.nodes.length, 2000);
		assert.deepStrictEqual(wide.nodes.slice(5, 8).map(node => node.url), ['/people/fan1/', '/people/h1-0/', '/people/h1-1/']);
	});
});
