import * as assert from 'assert';
import { CancellationTokenSource, type Connection, type Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerFeatureHandlers, type FeatureClient, type FeatureVaults } from '../../server/src/node/featureHandlers';
import { foregroundWork, requestWork } from '../../server/src/node/timeSlices';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import type { VaultLocation } from '../../server/src/service/vaultService';

type Handler = (...args: unknown[]) => unknown;

/** A connection that only keeps the handlers registered on it, by the name of the `on…` method. */
function recordingConnection(): { connection: Connection; handlers: Map<string, Handler> } {
	const handlers = new Map<string, Handler>();
	const connection = new Proxy({}, {
		get: (_target, name) => (handler: Handler) => {
			handlers.set(String(name), handler);
			return { dispose: () => undefined };
		},
	}) as Connection;
	return { connection, handlers };
}

/** The workspace's vaults: one, whose every document is `notes/a.md`. */
function featureVaults(vault: VaultWorkspace): FeatureVaults {
	return {
		all: [vault],
		whenVaultsCreated: () => Promise.resolve(),
		locate: () => ({ vault, path: 'notes/a.md' }),
		uriOf: (_vault, path) => `file:///vault/${path}`,
		settingsOf: () => ({ codeLens: false }),
	};
}

describe('references hold background work while they are answered', () => {
	for (const partial of [false, true]) {
		it(`marks foreground work from the first piece to the answer, and ends it after (${partial ? 'partial results' : 'one answer'})`, async () => {
			const uri = 'file:///vault/notes/a.md';
			const document = TextDocument.create(uri, 'markdown', 1, '[Ada](/people/ada/)\n');
			const busyWhileAnswering: boolean[] = [];
			const location = (line: number): VaultLocation => ({ path: 'notes/b.md', range: { start: { line, character: 0 }, end: { line, character: 1 } } });
			function* pieces(): Generator<VaultLocation[]> {
				busyWhileAnswering.push(foregroundWork.busy);
				yield [location(0)];
				busyWhileAnswering.push(foregroundWork.busy);
				yield [location(1)];
			}
			const vault = {
				isIndexed: true,
				whenIndexed: () => Promise.resolve(),
				ensureLinkTargets: () => undefined,
				service: {
					getPage: () => ({ path: 'notes/a.md' }),
					referencesInChunks: () => pieces(),
					references: () => [...pieces()].flat(),
				},
			} as unknown as VaultWorkspace;
			const vaults = featureVaults(vault);
			const { connection, handlers } = recordingConnection();
			registerFeatureHandlers(connection, { get: () => document }, vaults, {} as FeatureClient, { servedCount: () => undefined });
			const reported: Location[][] = [];
			const progress = partial ? { report: (value: Location[]) => reported.push(value) } : undefined;
			assert.strictEqual(foregroundWork.busy, false);
			const answer = await handlers.get('onReferences')!(
				{ textDocument: { uri }, position: { line: 0, character: 1 }, context: { includeDeclaration: false } },
				new CancellationTokenSource().token, undefined, progress,
			) as Location[];
			assert.deepStrictEqual(busyWhileAnswering, [true, true]);
			assert.strictEqual(foregroundWork.busy, false, 'ended once answered');
			const all = [...reported.flat(), ...answer];
			assert.deepStrictEqual(all.map(found => [found.uri, found.range.start.line]), [['file:///vault/notes/b.md', 0], ['file:///vault/notes/b.md', 1]]);
		});
	}

	it('every request handler about an open page is request work while it runs', async () => {
		const uri = 'file:///vault/notes/a.md';
		const document = TextDocument.create(uri, 'markdown', 1, '[Ada](/people/ada/)\n');
		const seen: string[] = [];
		const note = (name: string): void => void seen.push(`${name} ${requestWork.busy} ${foregroundWork.busy}`);
		const vault = {
			isIndexed: true,
			folderUri: 'file:///vault',
			whenIndexed: () => Promise.resolve(),
			ensureLinkTargets: () => undefined,
			service: {
				getPage: () => ({ path: 'notes/a.md' }),
				hover: () => void note('hover'),
				definition: () => {
					note('definition');
					return [];
				},
				completion: () => {
					note('completion');
					return { isIncomplete: false, items: [] };
				},
				documentSymbols: () => {
					note('documentSymbols');
					return [];
				},
			},
		} as unknown as VaultWorkspace;
		const vaults = featureVaults(vault);
		const { connection, handlers } = recordingConnection();
		registerFeatureHandlers(connection, { get: () => document }, vaults, {} as FeatureClient, { servedCount: () => undefined });
		const params = { textDocument: { uri }, position: { line: 0, character: 1 }, context: { triggerKind: 1 } };
		const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
		for (const name of ['onHover', 'onDefinition', 'onCompletion', 'onDocumentSymbol']) {
			await handlers.get(name)!(params, token);
			assert.ok(!requestWork.busy && !foregroundWork.busy, `${name} ended its mark`);
		}
		assert.deepStrictEqual(seen, ['hover true true', 'definition true true', 'completion true true', 'documentSymbols true true']);
	});
});
