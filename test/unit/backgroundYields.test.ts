import * as assert from 'assert';
import { Emitter, type Connection, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { DiagnosticsPublisher } from '../../server/src/node/diagnosticsPublisher';
import { DiskVerification, type VerificationCounts, type VerifiedVault } from '../../server/src/node/diskVerification';
import { ForegroundMessageWriter } from '../../server/src/node/foregroundWriter';
import { BackgroundSlicer, ForegroundWork } from '../../server/src/node/timeSlices';
import type { PageReadResult } from '../../server/src/node/vaultFiles';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import type { IndexChange } from '../../server/src/service/vault/vaultIndex';

const NO_CHANGE: IndexChange = { affected: new Set(), pagesChanged: false };

function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

/** A vault of `count` pages for the disk check, every one changed on disk (read again) but the first; `events` records what the check did. */
function verifiedVault(count: number): { vault: VerifiedVault; cached: Map<string, unknown>; events: string[] } {
	const pages = Array.from({ length: count }, (_, i) => `p${i}.md`);
	const events: string[] = [];
	const vault: VerifiedVault = {
		root: '/vault',
		pool: {
			parseAll: async (_root, paths, onBatch) => {
				for (const path of paths) {
					events.push(`read ${path}`);
					await onBatch([{ path } as unknown as PageReadResult]);
				}
			},
		},
		isCancelled: () => false,
		list: function* () {
			for (const path of pages) {
				events.push(`list ${path}`);
				yield;
			}
			return { pages, assets: [] };
		},
		setAssets: () => NO_CHANGE,
		stampOnDisk: path => (path === 'p0.md' ? '1:1' : '2:2'),
		indexedStamp: () => '1:1',
		isOpen: () => false,
		read: path => ({ path } as unknown as PageReadResult),
		apply: result => {
			events.push(`apply ${result.path}`);
			return NO_CHANGE;
		},
		remove: () => undefined,
	};
	return { vault, cached: new Map(pages.map(path => [path, {}])), events };
}

describe('background work yields to requests and to an edit\'s diagnostics', () => {
	it('marks a handler as request work, and foreground work, until its promise settles (or at once)', async () => {
		const foreground = new ForegroundWork();
		const requests = new ForegroundWork(foreground);
		let release!: () => void;
		const handler = requests.during(async (value: number) => {
			await new Promise<void>(resolve => {
				release = resolve;
			});
			return value * 2;
		});
		const answer = handler(21);
		assert.ok(requests.busy && foreground.busy, 'marked from the call');
		await sleep(5);
		assert.ok(requests.busy && foreground.busy, 'still marked while the answer is pending');
		release();
		assert.strictEqual(await answer, 42);
		assert.ok(!requests.busy && !foreground.busy, 'ended once settled');
		assert.strictEqual(requests.during((text: string) => text.length)('abc'), 3);
		assert.throws(() => requests.during(() => {
			throw new Error('refused');
		})(), /refused/);
		assert.ok(!requests.busy && !foreground.busy, 'a value or a throw ends it at once');
		const other = new ForegroundWork(foreground);
		const end = other.begin();
		assert.ok(foreground.busy && !requests.busy, 'a kind\'s own tally is apart from its sibling\'s');
		end();
		assert.ok(!foreground.busy);
	});

	it('holds background work while a response is being written, until it is written; not for a notification', async () => {
		const foreground = new ForegroundWork();
		const finishes: (() => void)[] = [];
		const written: Message[] = [];
		const inner: MessageWriter = {
			onError: new Emitter<[Error, Message | undefined, number | undefined]>().event,
			onClose: new Emitter<void>().event,
			write: message => new Promise<void>(resolve => {
				finishes.push(() => {
					written.push(message);
					resolve();
				});
			}),
			end: () => undefined,
			dispose: () => undefined,
		};
		const writer = new ForegroundMessageWriter(inner, foreground);
		const notifying = writer.write({ jsonrpc: '2.0', method: 'window/logMessage' } as Message);
		assert.ok(!foreground.busy, 'a notification is not held for');
		finishes.shift()!();
		await notifying;
		const slicer = new BackgroundSlicer(0, foreground, 0);
		const sending = writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message);
		let resumed = false;
		const paused = slicer.pause().then(() => {
			resumed = true;
		});
		await sleep(10);
		assert.ok(!resumed, 'the background waits while the response is being written');
		finishes.shift()!();
		await sending;
		await paused;
		assert.ok(resumed && !foreground.busy);
		assert.strictEqual(written.length, 2);
	});

	it('the warm start\'s disk check waits while foreground work is under way, then completes', async () => {
		const foreground = new ForegroundWork();
		const { vault, cached, events } = verifiedVault(6);
		const end = foreground.begin();
		const patched: string[] = [];
		const verification = new DiskVerification(vault, cached, { patched: path => void patched.push(path ?? '(files)') }, foreground);
		await sleep(30);
		// The listing's first step may run before the first pause; no page is read while the foreground work runs.
		assert.ok(events.filter(event => event.startsWith('list')).length <= 1, events.join(', '));
		assert.ok(!events.some(event => event.startsWith('read') || event.startsWith('apply')), events.join(', '));
		assert.ok(verification.isRunning);
		end();
		const counts = await verification.done as VerificationCounts;
		assert.strictEqual(counts.checked, 6);
		assert.strictEqual(counts.stale, 5);
		assert.deepStrictEqual(patched, ['(files)', 'p1.md', 'p2.md', 'p3.md', 'p4.md', 'p5.md']);
		assert.ok(!verification.isRunning);
	});

	it('a vault-wide publish waits while a request is answered, then publishes every page', async () => {
		const requests = new ForegroundWork(new ForegroundWork());
		const sent: string[] = [];
		const connection = { sendDiagnostics: async (params: { uri: string }) => void sent.push(params.uri) } as unknown as Connection;
		const publisher = new DiagnosticsPublisher(connection, { shouldPublish: () => true, uriOf: (_vault, path) => path, versionOf: () => undefined }, new ForegroundWork(), requests);
		let slow = true;
		const vault = {
			isOpen: () => false,
			diagnostics: (path: string) => {
				// Each page uses up a slice, so the publisher pauses after each.
				const start = performance.now();
				while (slow && performance.now() - start < 4) {
					// busy
				}
				return [{ code: 'x', message: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
			},
		} as unknown as VaultWorkspace;
		const paths = Array.from({ length: 20 }, (_, i) => `p${i}.md`);
		publisher.schedule(vault, paths);
		const end = requests.begin();
		const flushed = publisher.flush();
		await sleep(30);
		assert.ok(sent.length <= 1, `${sent.length} pages published while a request was answered`);
		slow = false;
		end();
		await flushed;
		assert.deepStrictEqual(sent, paths);
	});
});
