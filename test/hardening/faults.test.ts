import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { createVaultService, MAX_PAGE_LENGTH } from '../../server/src/service/vaultService';
import { LspTestClient } from '../support/lspClient';
import { recordFigure } from './support/figures';
import { INJECT_FAULTS, preloadOptions, startServerWithEnv } from './support/spiedProcess';

const PAGE = (title: string, body: string): string => `---\ntitle: ${title}\ncategory: Test\nsummary: S.\ntags: [T]\ncreated: 2026-05-14\nupdated: 2026-05-14\n---\n${body}\n`;

function makeVault(): string {
	const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ev-hard-faults-')));
	fs.mkdirSync(path.join(dir, 'people'));
	fs.writeFileSync(path.join(dir, 'people', 'a.md'), PAGE('A', 'See [B](/people/b/) and [C](/people/c/).'));
	fs.writeFileSync(path.join(dir, 'people', 'b.md'), PAGE('B', 'Back to [A](/people/a/).'));
	return dir;
}

describe('hardening: faults', function () {
	this.timeout(120000);
	let dir: string;

	before(() => {
		dir = makeVault();
	});

	after(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('a request whose handler throws gets an error reply and the server keeps serving', async () => {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'faults' }] });
		const uri = URI.file(path.join(dir, 'people', 'a.md')).toString();
		const text = fs.readFileSync(path.join(dir, 'people', 'a.md'), 'utf8');
		const line = text.split('\n').findIndex(l => l.includes('/people/b/'));
		// Params a handler dereferences without checking: each makes the handler throw a TypeError.
		const throwing: [string, unknown][] = [
			['textDocument/definition', {}],
			['textDocument/hover', { position: { line: 0, character: 0 } }],
			['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: null }],
			['textDocument/completion', { textDocument: null }],
			['textDocument/references', { textDocument: null, position: { line: 0, character: 0 } }],
			['entityVault/newPageTemplate', {}],
		];
		let errorReplies = 0;
		let servedAfter = 0;
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			await client.open(uri, text);
			for (const [method, params] of throwing) {
				const outcome = await client.connection.sendRequest(method, params).then(() => 'result', (error: { code: number; message: string }) => error);
				if (typeof outcome !== 'string' && outcome.code === -32603 && /failed/.test(outcome.message)) {
					errorReplies++;
				}
				const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('/people/b/') + 3 } }) as Hover | null;
				if (hover && JSON.stringify(hover.contents).includes('B')) {
					servedAfter++;
				}
			}
			assert.strictEqual(client.exited, null);
		} finally {
			await client.shutdown();
		}
		recordFigure({ area: 'Faults', test: 'A throwing handler answers with an error, the server keeps serving', inputs: `${throwing.length} requests that make their handler throw a TypeError`, figure: 'throws not answered with an InternalError (-32603) reply', value: throwing.length - errorReplies, expected: 0 });
		recordFigure({ area: 'Faults', test: 'A throwing handler answers with an error, the server keeps serving', inputs: `${throwing.length} hovers, one after each throw`, figure: 'hovers not served after a throw', value: throwing.length - servedAfter, expected: 0 });
		assert.strictEqual(errorReplies, throwing.length);
		assert.strictEqual(servedAfter, throwing.length);
	});

	it('uncaught exceptions and unhandled rejections are logged and do not kill the process', async () => {
		const trigger = path.join(dir, '..', `${path.basename(dir)}-fault-trigger`);
		const client = startServerWithEnv({ NODE_OPTIONS: preloadOptions(INJECT_FAULTS), EV_FAULT_TRIGGER: trigger }, { workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'faults' }] });
		const uri = URI.file(path.join(dir, 'people', 'a.md')).toString();
		const text = fs.readFileSync(path.join(dir, 'people', 'a.md'), 'utf8');
		const ROUNDS = 3;
		let logged = 0;
		let served = 0;
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			await client.open(uri, text);
			for (let round = 1; round <= ROUNDS; round++) {
				fs.writeFileSync(trigger, '');
				await client.waitFor(`fault ${round} logged`, () =>
					client.logs.some(log => log.includes(`uncaught exception: Error: injected uncaught exception ${round}`))
					&& client.logs.some(log => log.includes(`unhandled rejection: Error: injected unhandled rejection ${round}`)), 10000);
				logged += 2;
				const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
				if (Array.isArray(symbols)) {
					served++;
				}
			}
			// Edits after the faults still produce diagnostics.
			await client.change(uri, 2, [{ text: text.replace('/people/c/', '/people/b/') }]);
			await client.diagnosticsOf(uri, d => !d.some(x => x.code === 'broken-link') && client.diagnostics.get(uri)?.version === 2);
			assert.strictEqual(client.exited, null, client.stderr);
		} finally {
			fs.rmSync(trigger, { force: true });
			await client.shutdown();
		}
		recordFigure({ area: 'Faults', test: 'Uncaught exceptions and rejections are logged, the process lives', inputs: `${ROUNDS} rounds of one uncaught exception and one unhandled rejection (test preload)`, figure: 'faults not logged', value: ROUNDS * 2 - logged, expected: 0 });
		recordFigure({ area: 'Faults', test: 'Uncaught exceptions and rejections are logged, the process lives', inputs: `${ROUNDS} rounds`, figure: 'process exits or requests not served after a fault', value: ROUNDS - served, expected: 0 });
		assert.strictEqual(served, ROUNDS);
	});

	it('a page the parser cannot take is quarantined with a diagnostic, then recovers (service)', () => {
		const service = createVaultService();
		service.updatePage('people/b.md', PAGE('B', 'Back to [A](/people/a/).'));
		service.updatePage('people/a.md', PAGE('A', 'Fine.'));
		assert.deepStrictEqual(service.diagnostics('people/b.md'), []);
		const huge = PAGE('A', 'x'.repeat(MAX_PAGE_LENGTH));
		const change = service.updatePage('people/a.md', huge);
		assert.strictEqual(service.getPage('people/a.md'), undefined, 'the quarantined page is out of the index');
		assert.ok(change.affected.has('people/b.md'), 'pages linking to it are told');
		assert.match(service.quarantined('people/a.md') ?? '', /MiB/);
		const diagnostics = service.diagnostics('people/a.md');
		assert.deepStrictEqual(diagnostics.map(d => d.code), ['page-unreadable']);
		assert.deepStrictEqual(service.diagnostics('people/b.md').map(d => d.code), ['broken-link']);
		service.updatePage('people/a.md', PAGE('A', 'Fine again.'));
		assert.strictEqual(service.quarantined('people/a.md'), undefined);
		assert.deepStrictEqual(service.diagnostics('people/a.md'), []);
		assert.deepStrictEqual(service.diagnostics('people/b.md'), []);
		service.updatePage('people/a.md', huge);
		service.removePage('people/a.md');
		assert.strictEqual(service.quarantined('people/a.md'), undefined, 'removing a page lifts its quarantine');
	});

	it('an editor text the parser cannot take is quarantined by the server instead of crash-looping', async () => {
		const client = new LspTestClient({ workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'faults' }] });
		const uri = URI.file(path.join(dir, 'people', 'a.md')).toString();
		const bUri = URI.file(path.join(dir, 'people', 'b.md')).toString();
		const huge = PAGE('A', `${'word [l](/people/b/) '.repeat(Math.ceil(MAX_PAGE_LENGTH / 21) + 10)}`);
		let quarantined = 0;
		let recovered = 0;
		try {
			await client.initialize();
			await client.waitUntilIndexed();
			await client.open(uri, huge);
			const diagnostics = await client.diagnosticsOf(uri, d => d.length > 0, 30000);
			if (JSON.stringify(diagnostics.map((d: Diagnostic) => d.code)) === '["page-unreadable"]') {
				quarantined++;
			}
			// The rest of the vault still answers, and sees the quarantined page as absent.
			await client.open(bUri, fs.readFileSync(path.join(dir, 'people', 'b.md'), 'utf8'));
			await client.diagnosticsOf(bUri, d => d.some(x => x.code === 'broken-link'));
			await client.change(uri, 2, [{ text: PAGE('A', 'Small again [B](/people/b/).') }]);
			await client.diagnosticsOf(uri, d => d.length === 0 && client.diagnostics.get(uri)?.version === 2);
			await client.diagnosticsOf(bUri, d => !d.some(x => x.code === 'broken-link'));
			recovered++;
			assert.strictEqual(client.exited, null);
		} finally {
			await client.shutdown();
		}
		recordFigure({ area: 'Faults', test: 'A page the parser cannot take is quarantined, not crash-looped', inputs: `an open document of ${(huge.length / 1024 / 1024).toFixed(1)} MiB (over the ${MAX_PAGE_LENGTH / 1024 / 1024} MiB page limit), then a normal edit`, figure: 'crashes, or no single page-unreadable diagnostic, or no recovery', value: (1 - quarantined) + (1 - recovered), expected: 0 });
		assert.strictEqual(quarantined, 1);
	});
});
