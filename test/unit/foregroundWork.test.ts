import * as assert from 'assert';
import type { Connection } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../server/src/node/diagnosticsPublisher';
import { BackgroundSlicer, ForegroundWork } from '../../server/src/node/timeSlices';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';

/** A vault of `count` pages, `open` among them; each page has one diagnostic, and the order they were asked is kept. */
function fakeVault(count: number, open: readonly string[]): { vault: VaultWorkspace; asked: string[] } {
	const asked: string[] = [];
	const vault = {
		isOpen: (path: string) => open.includes(path),
		diagnostics: (path: string) => {
			asked.push(path);
			return [{ code: 'x', message: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
		},
		allPaths: () => Array.from({ length: count }, (_, i) => `p${i}.md`),
	};
	return { vault: vault as unknown as VaultWorkspace, asked };
}

function publisherOf(foreground: ForegroundWork): { publisher: DiagnosticsPublisher; sent: string[] } {
	const sent: string[] = [];
	const connection = { sendDiagnostics: async (params: { uri: string }) => void sent.push(params.uri) } as unknown as Connection;
	const publisher = new DiagnosticsPublisher(connection, { shouldPublish: () => true, uriOf: (_vault, path) => path, versionOf: () => undefined }, foreground);
	return { publisher, sent };
}

describe('foreground work first: background loops wait for an open page\'s diagnostics', () => {
	it('a background slicer waits while foreground work is under way, and goes on once it ends', async () => {
		const foreground = new ForegroundWork();
		const slicer = new BackgroundSlicer(0, foreground);
		const end = foreground.begin();
		let resumed = false;
		const paused = slicer.pause().then(() => {
			resumed = true;
		});
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.ok(!resumed, 'still waiting while the foreground work runs');
		end();
		end();
		await paused;
		assert.ok(resumed);
		assert.ok(!foreground.busy);
	});

	it('publishes the open pages before the rest of a vault-wide publish, and ends the foreground work then', async () => {
		const foreground = new ForegroundWork();
		const { publisher, sent } = publisherOf(foreground);
		const { vault, asked } = fakeVault(50, ['p40.md', 'p7.md']);
		publisher.schedule(vault, vault.allPaths());
		assert.ok(foreground.busy, 'an open page scheduled is foreground work');
		await publisher.flush();
		assert.deepStrictEqual(asked.slice(0, 2).sort(), ['p40.md', 'p7.md']);
		assert.strictEqual(asked.length, 50);
		assert.strictEqual(new Set(sent).size, 50);
		assert.ok(!foreground.busy);
	});

	it('does not hold the background for pages that are not open', async () => {
		const foreground = new ForegroundWork();
		const { publisher } = publisherOf(foreground);
		const { vault } = fakeVault(5, []);
		publisher.schedule(vault, vault.allPaths());
		assert.ok(!foreground.busy);
		await publisher.flush();
	});

	it('publishes pages again with the debounced publish under way, without restarting its wait', async () => {
		const { publisher, sent } = publisherOf(new ForegroundWork());
		const { vault } = fakeVault(5, ['p0.md']);
		const timerOf = (): unknown => (publisher as unknown as { timer: unknown }).timer;
		publisher.republish(vault, ['p1.md']);
		const first = timerOf();
		assert.ok(first !== undefined, 'a wait starts when none is under way');
		publisher.schedule(vault, ['p0.md']);
		const edited = timerOf();
		assert.notStrictEqual(edited, first, 'an edit restarts the wait');
		publisher.republish(vault, ['p2.md', 'p0.md']);
		assert.strictEqual(timerOf(), edited, 'publishing again does not');
		await publisher.flush();
		assert.deepStrictEqual(sent, ['p0.md', 'p1.md', 'p2.md']);
	});
});
